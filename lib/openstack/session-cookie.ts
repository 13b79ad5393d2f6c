// The session read straight from a raw Cookie header, for the node:http fast path of the proxy
// (lib/openstack/proxy-node.ts), where next/headers' cookies() is not available. Same cookie, password and
// ttl as getSessionHandle() in session.ts, and the same completeness, expiry and revocation checks as readSession().
import 'server-only';
import crypto from 'node:crypto';
import { unsealData } from 'iron-session';
import { getCloud, type CloudConfig } from '@/lib/config/clouds';
import { sessionExpired } from './errors';
import { isLiveSession, isSessionRevoked, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionSecret, type SessionData } from './session';


/**
 * Unsealing costs about 0.5 ms of WebCrypto per request (measured), a quarter of the proxy's 2 ms budget, so
 * unsealed sessions are kept briefly: keyed by a hash of the cookie value (never the value itself), for a few
 * seconds and never beyond the token's expiry, bounded in size. Only the unsealing is cached: whether the session
 * was revoked (logout elsewhere, maybe in another process) is asked of the session store on every request.
 */
const CACHE_MS = 5_000;
const CACHE_MAX = 2_000;
type Cached = { session: SessionData; until: number };
const cache = new Map<string, Cached>();

export function clearSessionCookieCache(): void {
  cache.clear();
}

/** The value of one cookie in a Cookie header (the first one when repeated), or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let v = part.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
    if (!v.includes('%')) return v;
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  }
  return undefined;
}

/**
 * The session sealed in the Cookie header, or null when absent, tampered with, incomplete, expired or revoked.
 * Throws SessionStoreUnavailable (503) when the store cannot say whether it was revoked.
 */
export async function sessionFromCookieHeader(header: string | undefined, now = Date.now()): Promise<SessionData | null> {
  const sealed = cookieValue(header, SESSION_COOKIE);
  if (!sealed) return null;
  const key = crypto.createHash('sha256').update(sealed).digest('base64url');
  const hit = cache.get(key);
  if (hit) {
    if (hit.until > now) {
      if (!(await isSessionRevoked(hit.session.sid))) return hit.session;
      cache.delete(key);
      return null;
    }
    cache.delete(key);
  }
  // iron-session answers {} for a bad MAC, an expired seal or a wrong password; a malformed seal may throw.
  let data: Partial<SessionData>;
  try {
    data = await unsealData<Partial<SessionData>>(sealed, { password: sessionSecret(), ttl: SESSION_TTL_SECONDS });
  } catch {
    return null;
  }
  if (!isLiveSession(data, now)) return null;
  if (await isSessionRevoked(data.sid)) return null;
  const session = { ...data };
  cache.set(key, { session, until: Math.min(now + CACHE_MS, session.expiresAt) });
  // Map keeps insertion order: drop the oldest entries beyond the bound.
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return session;
}

/** requireSession() for the fast path: the session and its cloud, or 401 "Your session expired". */
export async function requireSessionFromCookie(header: string | undefined): Promise<{ session: SessionData; cloud: CloudConfig }> {
  const session = await sessionFromCookieHeader(header);
  if (!session) throw sessionExpired();
  const cloud = getCloud(session.cloud);
  if (!cloud) throw sessionExpired();
  return { session, cloud };
}
