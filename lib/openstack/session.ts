// The sealed session cookie: token ids and expiry, user, cloud, project, region. Never the catalog.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session';
import { resolveSessionSecret, stateDir } from '@/lib/config/secret';
import { getCloud, type CloudConfig } from '@/lib/config/clouds';
import { HttpError } from './errors';

export type SessionData = {
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

async function isHttps(): Promise<boolean> {
  if (process.env.STRATUS_SECURE_COOKIES === '1') return true;
  const h = await headers();
  return h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export async function sessionOptions(): Promise<SessionOptions> {
  return {
    password: sessionSecret(),
    cookieName: SESSION_COOKIE,
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: await isHttps(), path: '/' },
  };
}

/** The writable session (route handlers only: cookies can be set there, not in pages). */
export async function getSessionHandle(): Promise<IronSession<Partial<SessionData>>> {
  return getIronSession<Partial<SessionData>>(await cookies(), await sessionOptions());
}

/** A complete session whose token has not expired (shared with the proxy fast path's cookie reader). */
export function isLiveSession(s: Partial<SessionData>, now: number): s is SessionData {
  return Boolean(s.token && s.cloud && s.user && s.project && s.region && typeof s.expiresAt === 'number') && (s.expiresAt as number) > now;
}

/** The current session, or null when absent or the token has expired. */
export async function readSession(now = Date.now()): Promise<SessionData | null> {
  const s = await getSessionHandle();
  if (!isLiveSession(s, now)) return null;
  return { ...s } as SessionData;
}

/** For route handlers: the session and its cloud, or 401 "Your session expired". */
export async function requireSession(): Promise<{ session: SessionData; cloud: CloudConfig }> {
  const session = await readSession();
  if (!session) throw new HttpError(401, 'Your session expired');
  const cloud = getCloud(session.cloud);
  if (!cloud) throw new HttpError(401, 'Your session expired');
  return { session, cloud };
}
