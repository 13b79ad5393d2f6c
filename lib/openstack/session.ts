// The sealed session cookie: token ids and expiry, user, cloud, project, region, and a random session id. Never the
// catalog. The cookie is a bearer credential that can be copied, so a session that ended (logout, a new login in
// the same browser) puts its id on the revocation list of the session store (session-store.ts), shared by every
// process; every reader of the cookie refuses a revoked id, and a cookie without an id counts as no session.
import 'server-only';
import crypto from 'node:crypto';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session';
import { resolveSessionSecret, stateDir } from '@/lib/config/secret';
import { getCloud, type CloudConfig } from '@/lib/config/clouds';
import { sessionExpired } from './errors';
import { isHttpsRequest } from './forwarded';
import { sessionStore } from './session-store';

export type SessionData = {
  /** Random id of this login (128 bits, base64url); kept by project switches and re-authentication. */
  sid: string;
  cloud: string;
  user: { id: string; name: string; domainId: string };
  project: { id: string; name: string; domainId: string };
  region: string;
  roles: string[];
  /** ms since the epoch (iron-session stores JSON: numbers, not Dates). */
  expiresAt: number;
  authMethod: 'password' | 'application_credential';
  token: string;
  /** Kept for password logins, to list projects and rescope without asking for the password again. */
  unscopedToken?: string;
};

export const SESSION_COOKIE = 'stratus_session';
export const SESSION_TTL_SECONDS = 24 * 3600;

let secret: string | undefined;
export function sessionSecret(): string {
  secret ??= resolveSessionSecret(process.env, stateDir(process.env));
  return secret;
}

export async function sessionOptions(): Promise<SessionOptions> {
  return {
    password: sessionSecret(),
    cookieName: SESSION_COOKIE,
    ttl: SESSION_TTL_SECONDS,
    // X-Forwarded-Proto counts only with STRATUS_TRUST_PROXY=1 (lib/openstack/forwarded.ts).
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: isHttpsRequest(await headers()), path: '/' },
  };
}

/** A new session id: 128 random bits, base64url. */
export function newSessionId(): string {
  return crypto.randomBytes(16).toString('base64url');
}

/**
 * How long a revoked id stays on the list: every cookie carrying it was sealed before the revocation (no reader
 * accepts the id afterwards, so nothing re-seals it), and iron-session refuses a seal older than its ttl (plus
 * iron's 60 s clock skew allowance). Past that, no copy can be unsealed any more.
 */
export const REVOCATION_TTL_MS = (SESSION_TTL_SECONDS + 120) * 1000;

const revokedKey = (sid: string) => `revoked-session:${sid}`;

/** Put a session id on the revocation list of the shared store; throws SessionStoreUnavailable (503). */
export async function revokeSessionId(sid: string): Promise<void> {
  await sessionStore().setFlag(revokedKey(sid), REVOCATION_TTL_MS);
}

/** Whether a session id was revoked; throws SessionStoreUnavailable (503) when the store cannot say. */
export async function isSessionRevoked(sid: string): Promise<boolean> {
  return sessionStore().hasFlag(revokedKey(sid));
}

/** The writable session (route handlers only: cookies can be set there, not in pages). */
export async function getSessionHandle(): Promise<IronSession<Partial<SessionData>>> {
  return getIronSession<Partial<SessionData>>(await cookies(), await sessionOptions());
}

/**
 * A complete session whose token has not expired (shared with the proxy fast path's cookie reader). A cookie
 * without a session id was issued before ids existed and cannot be revoked: it counts as no session.
 */
export function isLiveSession(s: Partial<SessionData>, now: number): s is SessionData {
  return (
    Boolean(s.token && s.cloud && s.user && s.project && s.region && typeof s.expiresAt === 'number') &&
    typeof s.sid === 'string' &&
    s.sid.length >= 16 &&
    (s.expiresAt as number) > now
  );
}

/**
 * The current session, or null when absent, expired or revoked (logged out, or replaced by a new login).
 * Throws SessionStoreUnavailable (503) when the store cannot say whether it was revoked: never a session unchecked.
 */
export async function readSession(now = Date.now()): Promise<SessionData | null> {
  const s = await getSessionHandle();
  if (!isLiveSession(s, now)) return null;
  if (await isSessionRevoked(s.sid)) return null;
  return { ...s } as SessionData;
}

/**
 * readSession() once per server render: the layout, the section gate and the page each need it, and unsealing the
 * cookie costs ~2 ms a time (React's cache() lives for one request's render; route handlers call readSession()).
 */
export const readPageSession = cache(() => readSession());

/** For route handlers: the session and its cloud, or 401 "Your session expired". */
export async function requireSession(): Promise<{ session: SessionData; cloud: CloudConfig }> {
  const session = await readSession();
  if (!session) throw sessionExpired();
  const cloud = getCloud(session.cloud);
  if (!cloud) throw sessionExpired();
  return { session, cloud };
}
