// What the browser addressed and who it is: origin, scheme and client address of a request. Forwarded headers
// (X-Forwarded-Proto/-Host/-For) are set by a reverse proxy but can be sent by any client, so they count only when
// the operator says a proxy sits in front (STRATUS_TRUST_PROXY=1). Without it, the scheme is the connection's
// (plain http: lib/server/main.ts serves no TLS) and the client address is the socket's.
// No server-only: pure functions over headers, unit-tested and shared by route handlers and the proxy fast path.

/** Set by lib/server/main.ts from the socket on every request (any incoming value is overwritten first). */
export const CLIENT_IP_HEADER = 'x-stratus-client-ip';

type HeaderGetter = Pick<Headers, 'get'>;

export function trustProxy(env: Record<string, string | undefined> = process.env): boolean {
  return env.STRATUS_TRUST_PROXY === '1';
}

/** The first value of a comma-separated forwarded header, trimmed. */
function firstValue(v: string | null): string | undefined {
  const first = v?.split(',')[0]?.trim();
  return first || undefined;
}

/** The scheme the browser used. */
export function requestScheme(h: HeaderGetter, trust = trustProxy()): 'http' | 'https' {
  if (trust && firstValue(h.get('x-forwarded-proto'))?.toLowerCase() === 'https') return 'https';
  return 'http';
}

/** The host (and port) the browser addressed, or null without a Host header. */
export function requestHost(h: HeaderGetter, trust = trustProxy()): string | null {
  const host = (trust ? firstValue(h.get('x-forwarded-host')) : undefined) ?? h.get('host')?.trim();
  return host ? host.toLowerCase() : null;
}

/** The dashboard's own origin as the browser sees it ("https://dash.example"), or null without a Host header. */
export function requestOrigin(h: HeaderGetter, trust = trustProxy()): string | null {
  const host = requestHost(h, trust);
  if (!host) return null;
  try {
    return new URL(`${requestScheme(h, trust)}://${host}`).origin;
  } catch {
    return null;
  }
}

/** Whether cookies must be Secure and HSTS sent: https as the browser sees it, or forced by the operator. */
export function isHttpsRequest(h: HeaderGetter, env: Record<string, string | undefined> = process.env): boolean {
  return env.STRATUS_SECURE_COOKIES === '1' || requestScheme(h, trustProxy(env)) === 'https';
}

/**
 * The client's address: the last X-Forwarded-For hop (the one the operator's proxy appended) when a proxy is
 * trusted, else the socket address main.ts recorded. Undefined when neither is known (e.g. under `next dev`).
 */
export function clientIp(h: HeaderGetter, trust = trustProxy()): string | undefined {
  if (trust) {
    const hops = h.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (hops?.length) return hops[hops.length - 1];
  }
  return h.get(CLIENT_IP_HEADER)?.trim() || undefined;
}
