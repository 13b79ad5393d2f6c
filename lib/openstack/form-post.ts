// A plain HTML form posted to one of our routes (the login form before its JavaScript runs, or without JavaScript):
// the CSRF rule for it and the parsing of its fields. Pure functions, unit-tested; no server-only.
//
// A form cannot send the X-Stratus-CSRF header the API demands (proxy-rules.ts csrfRefusal), so a form POST is
// judged by where it comes from alone: browsers send Origin on every cross-origin POST and on same-origin ones
// (a form in a page of another site cannot forge it), and Referer when Origin is missing (older browsers, some
// privacy settings). A POST with neither is refused: it cannot be told apart from a forged one.

type HeaderGetter = Pick<Headers, 'get'>;

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Why a form POST is refused, or null when it comes from a page of the dashboard itself: its Origin header (or,
 * without one, its Referer) names `ownOrigin`, scheme and port included. `Origin: null` (a sandboxed or opaque
 * document, a cross-origin redirect) is refused like any other origin.
 */
export function formPostRefusal(headers: HeaderGetter, ownOrigin: string | null): string | null {
  if (!ownOrigin) return 'Request is not same-origin (no Host header)';
  const origin = headers.get('origin');
  const referer = headers.get('referer');
  const from = origin !== null ? origin : referer;
  if (from === null || from === '') return 'Request is not same-origin (no Origin or Referer header)';
  const theirs = originOf(from);
  if (theirs === ownOrigin) return null;
  // The likely misconfiguration: TLS ends at a reverse proxy whose X-Forwarded-Proto is not trusted.
  if (theirs && theirs.startsWith('https://') && ownOrigin === `http://${theirs.slice('https://'.length)}`) {
    return 'Cross-origin request refused (https page, http request: behind a TLS proxy, set STRATUS_TRUST_PROXY=1)';
  }
  return 'Cross-origin request refused';
}

/** Whether a Content-Type is that of a plain HTML form (`application/x-www-form-urlencoded`, any parameters). */
export function isUrlEncodedForm(contentType: string | null): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** Fields of the login form, by method: only the chosen method's fields are read, each at most once. */
const METHOD_FIELDS = {
  password: ['username', 'password', 'userDomain'],
  application_credential: ['applicationCredentialId', 'applicationCredentialSecret'],
  totp: ['challenge', 'passcode'],
} as const;

export type LoginFormMethod = keyof typeof METHOD_FIELDS;

export const isLoginMethod = (v: unknown): v is LoginFormMethod => typeof v === 'string' && Object.hasOwn(METHOD_FIELDS, v);

/**
 * The login form's fields as the JSON login route's input (its schema then judges them): `method` (password when
 * missing; an unknown one is passed on for the schema to refuse), `cloud`, the method's own fields and `next`.
 * A repeated field counts once (its first value), as URLSearchParams.get reads it; fields of the other method and
 * unknown fields are dropped.
 */
export function loginFormInput(body: string): Record<string, string> {
  const params = new URLSearchParams(body);
  const method = params.get('method') || 'password';
  const out: Record<string, string> = { method, cloud: params.get('cloud') ?? '' };
  for (const name of isLoginMethod(method) ? METHOD_FIELDS[method] : []) out[name] = params.get(name) ?? '';
  const next = params.get('next');
  if (next) out.next = next;
  return out;
}
