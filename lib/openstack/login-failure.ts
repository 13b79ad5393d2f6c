// A refused form log-in, carried back to the login page (app/api/auth/login/form answers 303 to
// /login?failed=<seal>): the error as the JSON route would have answered it, and the username the user typed, never
// the password. Sealed (encrypted and signed) with a key of its own derived from the session secret, so the URL
// shows neither the username nor a message anyone could write: a link cannot make the login page say something.
import 'server-only';
import crypto from 'node:crypto';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import type { Msg } from '@/lib/i18n/msg';
import type { ErrorBody } from './errors';
import { sessionSecret } from './session';

/** Long enough to read the page again after a moment, short enough that an old link shows nothing. */
const FAILURE_TTL_SECONDS = 10 * 60;
const MAX_MESSAGE = 500;
const MAX_ISSUES = 8;

const MsgSchema = z.union([z.string(), z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) })]);
const IssueSchema = z.object({ path: z.string(), message: z.string(), text: MsgSchema.optional() });
const FailureSchema = z.object({
  kind: z.literal('login-failure'),
  username: z.string().optional(),
  error: z.object({ status: z.number(), message: z.string(), text: MsgSchema.optional(), issues: z.array(IssueSchema).optional() }),
});

export interface LoginFailure {
  /** What the user typed as the username (password log-ins only). */
  username?: string;
  error: { status: number; message: string; text?: Msg; issues?: { path: string; message: string; text?: Msg }[] };
}

/** Its own key: a sealed failure can never be read as a session cookie, nor the other way round. */
function password(): string {
  return crypto.createHash('sha256').update(`stratus login failure\n${sessionSecret()}`).digest('hex');
}

const cut = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);

/** The error body of our routes (errorResponse) and the username, sealed for the login page's URL. */
export async function sealLoginFailure(error: ErrorBody['error'], username: string | undefined): Promise<string> {
  const failure = {
    kind: 'login-failure' as const,
    ...(username ? { username: username.slice(0, 255) } : {}),
    error: {
      status: error.status,
      message: cut(error.message),
      ...(error.text ? { text: error.text } : {}),
      ...(error.issues?.length ? { issues: error.issues.slice(0, MAX_ISSUES).map((i) => ({ ...i, message: cut(i.message) })) } : {}),
    },
  };
  return sealData(failure, { password: password(), ttl: FAILURE_TTL_SECONDS });
}

/** The failure a `?failed=` value holds, or undefined when it is missing, tampered with, expired or malformed. */
export async function unsealLoginFailure(sealed: string | undefined): Promise<LoginFailure | undefined> {
  if (!sealed || sealed.length > 8192) return undefined;
  let data: unknown;
  try {
    data = await unsealData(sealed, { password: password(), ttl: FAILURE_TTL_SECONDS });
  } catch {
    return undefined;
  }
  const parsed = FailureSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { username, error } = parsed.data;
  return { ...(username ? { username } : {}), error: error as LoginFailure['error'] };
}
