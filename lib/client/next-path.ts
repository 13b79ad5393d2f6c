// Post-login redirect targets and deep-link parsing. One validator for the login page, the login form and the
// login route handler (app/api/auth/login), so the server and the browser never disagree about what is safe.

const BASE = 'http://stratus.invalid';

/**
 * A post-login redirect target: only a path on this origin ("/x/y?z#h"), judged after the browser's own
 * normalisation (dot segments, "%2e", backslashes), so "/.//host", "/a/..//host" and "/%2e//host", which a
 * browser resolves to "//host", are refused like "//host" itself. Never the login page or the API. Returns
 * the normalised path, or undefined.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || typeof next !== 'string') return undefined;
  if (!next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return undefined;
  }
  const path = url.pathname + url.search + url.hash;
  // After normalisation the path itself must not be protocol-relative, or the browser would leave the origin.
  if (url.origin !== BASE || !path.startsWith('/') || path.startsWith('//')) return undefined;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/') || url.pathname === '/api' || url.pathname.startsWith('/api/')) return undefined;
  return path;
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
