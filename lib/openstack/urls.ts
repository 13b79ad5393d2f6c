// URLs of the dashboard itself (no server-only: shared with client components).

/** A post-login redirect target: only same-site relative paths, never `//host` or `/\host`. */
export function safeNextPath(next: string | undefined | null): string | undefined {
  if (!next) return undefined;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
   
  if (/[\u0000-\u001f\\]/.test(next)) return undefined;
  if (next.startsWith('/api/') || next.startsWith('/login')) return undefined;
  return next;
}

export function projectUrl(s: { cloud: string; project: { id: string }; region: string }, page = ''): string {
  return `/${encodeURIComponent(s.cloud)}/${encodeURIComponent(s.project.id)}${page}?region=${encodeURIComponent(s.region)}`;
}
