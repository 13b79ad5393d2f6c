import { z } from 'zod';
import type { MsgKey } from '@/lib/i18n/msg';

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

/** First message per top-level field, from zod issues or the API's `issues`. */
export function fieldErrors(issues: { path: string | PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = Array.isArray(issue.path) ? String(issue.path[0] ?? '') : String(issue.path).split('.')[0];
    if (key && !out[key]) out[key] = issue.message;
  }
  return out;
}
