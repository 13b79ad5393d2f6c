import { z } from 'zod';

export const PasswordLoginSchema = z.object({
  method: z.literal('password'),
  cloud: z.string().min(1, { error: 'Choose a cloud' }),
  username: z.string().trim().min(1, { error: 'Username is required' }),
  password: z.string().min(1, { error: 'Password is required' }),
  userDomain: z.string().trim().min(1, { error: 'User domain is required' }),
});

export const AppCredentialLoginSchema = z.object({
  method: z.literal('application_credential'),
  cloud: z.string().min(1, { error: 'Choose a cloud' }),
  applicationCredentialId: z.string().trim().min(1, { error: 'Application credential ID is required' }),
  applicationCredentialSecret: z.string().min(1, { error: 'Application credential secret is required' }),
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
