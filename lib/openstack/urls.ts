// URLs of the dashboard itself (no server-only: shared with client components).

export function projectUrl(s: { cloud: string; project: { id: string }; region: string }, page = ''): string {
  return `/${encodeURIComponent(s.cloud)}/${encodeURIComponent(s.project.id)}${page}?region=${encodeURIComponent(s.region)}`;
}
