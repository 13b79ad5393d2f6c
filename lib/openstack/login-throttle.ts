// Anti-automation for the log-in and re-authentication routes: after a few failed attempts, further attempts are
// refused with 429 + Retry-After before Keystone is asked, with exponential back-off. Counters live in the session
// store (session-store.ts), so every Stratus process sees the same numbers.
//
// Three counters per attempt (numbers in LOGIN_BACKOFF):
// - one username from one client address: strict. 5 free failures, then 1 s, 2 s, 4 s ... doubling up to 15 min.
// - one client address, any username (password spraying): loose, for offices behind one NAT address. 20 free
//   failures, then 1 s doubling up to 10 min.
// - one username from any address (a botnet): 10 free failures, then 1 s doubling but never more than 30 s, so that
//   an attacker cannot keep the real user out for long; and a client that logged in as that user before (within
//   30 days) is not held back by this counter at all, only by its own (username, address) one.
// All three forget their failures after an hour without an attempt. A successful log-in resets the username's
// counters (not the address's: one valid account must not buy unlimited guesses at others).
//
// An attempt is counted before Keystone answers (taken back if it was not a wrong credential), so parallel
// guesses cannot slip past the limit. Usernames and addresses are stored as hashes only.
import 'server-only';
import crypto from 'node:crypto';
import { msg } from '@/lib/i18n/msg';
import { HttpError } from './errors';
import { CredentialsRefused } from './keystone';
import { sessionStore, type SessionStore, type ThrottleRule } from './session-store';

export type Backoff = {
  /** Failures allowed before any wait. */
  free: number;
  /** The wait after the first failure beyond the free ones; doubles with each further failure. */
  baseMs: number;
  /** The longest wait. */
  capMs: number;
  /** Counters are forgotten this long after the last attempt. */
  windowMs: number;
};

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const LOGIN_BACKOFF = {
  userAtAddress: { free: 5, baseMs: SECOND, capMs: 15 * MINUTE, windowMs: HOUR },
  address: { free: 20, baseMs: SECOND, capMs: 10 * MINUTE, windowMs: HOUR },
  user: { free: 10, baseMs: SECOND, capMs: 30 * SECOND, windowMs: HOUR },
} as const satisfies Record<string, Backoff>;

/** How long a successful log-in makes its client address "known" for that user. */
export const KNOWN_CLIENT_MS = 30 * 24 * HOUR;

/** The wait after the n-th consecutive failure: none for the first `free`, then baseMs doubling, at most capMs. */
export function backoffMs(failures: number, p: Backoff): number {
  if (failures <= p.free) return 0;
  const doublings = Math.min(failures - p.free - 1, 40);
  return Math.min(p.baseMs * 2 ** doublings, p.capMs);
}

/** backoffMs for failures free+1, free+2, ... up to the first that reaches the cap (the store repeats the last). */
export function backoffSchedule(p: Backoff): number[] {
  const out: number[] = [];
  for (let n = p.free + 1; out.length < 64; n++) {
    const d = backoffMs(n, p);
    out.push(d);
    if (d >= p.capMs) break;
  }
  return out;
}

/** Who is logging in: the username (or credential id, or user id for re-authentication) within its cloud. */
export type LoginSubject =
  | { kind: 'password'; cloud: string; userDomain: string; username: string }
  | { kind: 'application_credential'; cloud: string; id: string }
  | { kind: 'reauth'; cloud: string; userId: string }
  | { kind: 'totp'; cloud: string; userId: string };

function subjectId(s: LoginSubject): string {
  switch (s.kind) {
    case 'password':
      // Keystone's SQL backend usually compares names case-insensitively: count "Demo" and "demo" together.
      return `password\n${s.cloud}\n${s.userDomain.trim().toLowerCase()}\n${s.username.trim().toLowerCase()}`;
    case 'application_credential':
      return `appcred\n${s.cloud}\n${s.id.trim()}`;
    case 'reauth':
      return `reauth\n${s.cloud}\n${s.userId}`;
    case 'totp':
      return `totp\n${s.cloud}\n${s.userId}`;
  }
}

const hash = (s: string) => crypto.createHash('sha256').update(s).digest('base64url');

function rule(key: string, p: Backoff): ThrottleRule {
  return { key, free: p.free, delaysMs: backoffSchedule(p), windowMs: p.windowMs };
}

export function loginThrottleRules(subject: LoginSubject, address: string | undefined) {
  const who = subjectId(subject);
  const where = address ?? 'unknown';
  return {
    userAtAddress: rule(hash(`user-at-address\n${who}\n${where}`), LOGIN_BACKOFF.userAtAddress),
    address: rule(hash(`address\n${where}`), LOGIN_BACKOFF.address),
    user: rule(hash(`user\n${who}`), LOGIN_BACKOFF.user),
    knownClient: hash(`known-client\n${who}\n${where}`),
  };
}

export class TooManyAttempts extends HttpError {
  constructor(public readonly retryAfterSeconds: number) {
    super(429, `Too many failed log-in attempts; try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}`, {
      text: msg('server.errors.tooManyAttempts', { seconds: retryAfterSeconds }),
    });
    this.name = 'TooManyAttempts';
  }
}

/**
 * Run one log-in attempt under the throttle: refused with TooManyAttempts (429) while a counter is locked, counted
 * as a failure when `attempt` throws CredentialsRefused, and resetting the username's counters when it succeeds.
 */
export async function throttledLogin<T>(
  subject: LoginSubject,
  address: string | undefined,
  attempt: () => Promise<T>,
  opts: { store?: SessionStore; now?: number } = {},
): Promise<T> {
  const store = opts.store ?? sessionStore();
  const now = opts.now ?? Date.now();
  const r = loginThrottleRules(subject, address);
  const known = await store.hasFlag(r.knownClient);
  const rules = known ? [r.userAtAddress, r.address] : [r.userAtAddress, r.address, r.user];
  const wait = await store.throttleAttempt(rules, now);
  if (wait > 0) throw new TooManyAttempts(Math.max(1, Math.ceil(wait / SECOND)));
  let result: T;
  try {
    result = await attempt();
  } catch (e) {
    // A wrong password stays counted; anything else (Keystone down, no project, a bad request) was no guess.
    if (!(e instanceof CredentialsRefused)) await store.throttleUncount(rules).catch(() => undefined);
    throw e;
  }
  // The log-in itself succeeded: bookkeeping failures must not turn it into an error.
  await Promise.allSettled([
    store.throttleReset([r.userAtAddress.key, r.user.key]),
    store.throttleUncount([r.address]),
    store.setFlag(r.knownClient, KNOWN_CLIENT_MS),
  ]);
  return result;
}

/** For route handlers: the answer of `fn`, or 429 with Retry-After (seconds) when it was throttled. */
export async function answerThrottled(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof TooManyAttempts)) throw e;
    return Response.json(e.toBody(), {
      status: 429,
      headers: { 'retry-after': String(e.retryAfterSeconds), 'cache-control': 'no-store' },
    });
  }
}
