/**
 * Accepts only a same-site relative path ("/x/y?z"), never "//host", "/\\host", an absolute URL,
 * or a path back to the login page. Returns undefined for anything else.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || typeof next !== 'string') return undefined;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\u007f]/.test(next)) return undefined;
  try {
    const base = 'http://stratus.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return undefined;
    if (url.pathname === '/login' || url.pathname.startsWith('/login/') || url.pathname.startsWith('/api/')) return undefined;
    return url.pathname + url.search + url.hash;
  } catch {
    return undefined;
  }
}

/** The project a deep link such as `/demo/<projectId>/instances?region=X` asks for, if it is on `cloud`. */
export function projectFromNext(next: string | undefined, cloud: string): string | undefined {
  if (!next) return undefined;
  const [cloudSeg, projectSeg] = next.split(/[?#]/)[0].split('/').filter(Boolean);
  if (!cloudSeg || !projectSeg || decodeURIComponent(cloudSeg) !== cloud) return undefined;
  return decodeURIComponent(projectSeg);
}

/** Replace the project segment of `/<cloud>/<project>/...`, keeping the rest of the path. */
export function withProject(pathname: string, projectId: string): string {
  const parts = pathname.split('/');
  // ['', cloud, project, ...rest]
  if (parts.length < 3) return pathname;
  parts[2] = encodeURIComponent(projectId);
  return parts.join('/');
}

/** The `?region=` a deep link asks for. */
export function regionFromNext(next: string | undefined): string | undefined {
  if (!next) return undefined;
  try {
    return new URL(next, 'http://stratus.invalid').searchParams.get('region') || undefined;
  } catch {
    return undefined;
  }
}
