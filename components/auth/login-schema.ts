import { z } from 'zod';
import type { Msg, MsgKey } from '@/lib/i18n/msg';

// Messages are catalog keys (login.errors.*): the form shows them translated.
const e = (key: MsgKey) => ({ error: key });

export const PasswordLoginSchema = z.object({
  method: z.literal('password'),
  cloud: z.string().min(1, e('login.errors.chooseCloud')),
  username: z.string().trim().min(1, e('login.errors.usernameRequired')),
  password: z.string().min(1, e('login.errors.passwordRequired')),
  userDomain: z.string().trim().min(1, e('login.errors.userDomainRequired')),
});

export const AppCredentialLoginSchema = z.object({
  method: z.literal('application_credential'),
  cloud: z.string().min(1, e('login.errors.chooseCloud')),
  applicationCredentialId: z.string().trim().min(1, e('login.errors.applicationCredentialIdRequired')),
  applicationCredentialSecret: z.string().min(1, e('login.errors.applicationCredentialSecretRequired')),
});

/** The second step when Keystone wants a TOTP passcode: the sealed challenge of the first step and the code. */
export const TotpLoginSchema = z.object({
  method: z.literal('totp'),
  cloud: z.string().min(1, e('login.errors.chooseCloud')),
  challenge: z.string().min(1),
  passcode: z.string().trim().regex(/^\d{6,8}$/, e('login.errors.passcodeFormat')),
});

export const LoginSchema = z.discriminatedUnion('method', [PasswordLoginSchema, AppCredentialLoginSchema, TotpLoginSchema]);
export type LoginInput = z.infer<typeof LoginSchema>;

export type FieldErrors = Partial<Record<string, string>>;

/** The methods of the tabs (TOTP is a second step, not a tab). */
export type LoginMethod = Exclude<LoginInput['method'], 'totp'>;

/** The TOTP step the login page shows: the sealed challenge to send back and whose passcode it wants. */
export interface MfaPrompt {
  challenge: string;
  user: string;
}

/**
 * A log-in the server refused after a plain form POST (app/api/auth/login/form), as the login page hands it over: our
 * error body (`text`: our words as a catalog key) and the username typed, never the password.
 */
export interface LoginFailure {
  username?: string;
  error: { status: number; message: string; text?: Msg; issues?: { path: string; message: string; text?: Msg }[] };
}

/**
 * The login form's input from its fields (FormData): what the fields hold at the moment of submit, whether typed,
 * autofilled before the page's JavaScript ran or pasted without an input event. Only the method's own fields.
 */
export function loginInput(data: { get(name: string): FormDataEntryValue | null }): Record<string, string> {
  const get = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v : '';
  };
  const method = get('method') || 'password';
  if (method === 'totp') return { method, cloud: get('cloud'), challenge: get('challenge'), passcode: get('passcode') };
  return method === 'password'
    ? { method, cloud: get('cloud'), username: get('username'), password: get('password'), userDomain: get('userDomain') }
    : { method, cloud: get('cloud'), applicationCredentialId: get('applicationCredentialId'), applicationCredentialSecret: get('applicationCredentialSecret') };
}

/** First message per top-level field, from zod issues or the API's `issues`. */
export function fieldErrors(issues: { path: string | PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = Array.isArray(issue.path) ? String(issue.path[0] ?? '') : String(issue.path).split('.')[0];
    if (key && !out[key]) out[key] = issue.message;
  }
  return out;
}
