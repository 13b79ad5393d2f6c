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

export const LoginSchema = z.discriminatedUnion('method', [PasswordLoginSchema, AppCredentialLoginSchema]);
export type LoginInput = z.infer<typeof LoginSchema>;

export type FieldErrors = Partial<Record<string, string>>;

export type LoginMethod = LoginInput['method'];

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
