// One log-in, whichever way it arrives: the JSON login route (app/api/auth/login) and the plain form POST
// (app/api/auth/login/form) validate the same input and log in the same way, throttled, into the session cookie.
import 'server-only';
import { z } from 'zod';
import { getCloud, getClouds, type CloudConfig } from '@/lib/config/clouds';
import { msg } from '@/lib/i18n/msg';
import { safeNextPath } from '@/lib/client/next-path';
import { HttpError } from './errors';
import { clientIp } from './forwarded';
import { applicationCredentialLogin, passwordLogin, totpLogin } from './login';
import { unsealChallenge } from './login-mfa';
import { throttledLogin } from './login-throttle';
import { said } from './route-helpers';
import type { SessionData } from './session';
import { projectUrl } from './urls';

const Common = {
  cloud: z.string().min(1, said('Choose a cloud', 'server.validation.chooseCloud')),
  projectId: z.string().min(1).max(64).optional(),
  region: z.string().min(1).max(255).optional(),
  next: z.string().max(2048).optional(),
};

export const LoginRequestSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('password'),
    username: z.string().trim().min(1, said('Username is required', 'server.validation.usernameRequired')).max(255),
    password: z.string().min(1, said('Password is required', 'server.validation.passwordRequired')).max(4096),
    userDomain: z.string().trim().min(1, said('User domain is required', 'server.validation.userDomainRequired')).max(255),
    ...Common,
  }),
  z.object({
    method: z.literal('totp'),
    // The sealed receipt of the first step (login-mfa.ts) and the authenticator's current code.
    challenge: z.string().min(1, said('Log in with your password first', 'server.validation.challengeRequired')).max(8192),
    passcode: z.string().trim().regex(/^\d{6,8}$/, said('Enter the 6-digit code of your authenticator app', 'server.validation.passcodeFormat')),
    ...Common,
  }),
  z.object({
    method: z.literal('application_credential'),
    applicationCredentialId: z.string().trim().min(1, said('Application credential ID is required', 'server.validation.applicationCredentialIdRequired')).max(255),
    applicationCredentialSecret: z.string().min(1, said('Secret is required', 'server.validation.secretRequired')).max(4096),
    ...Common,
  }),
]);
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/**
 * Log in (the session cookie is written) and answer where the browser goes next: the request's safe `next`, else
 * the project's overview. Throws HttpError (unknown cloud 400, wrong credentials 401, throttled 429 TooManyAttempts).
 */
export async function logIn(req: Request, body: LoginRequest): Promise<{ session: SessionData; redirectTo: string }> {
  const cloud = getCloud(body.cloud);
  if (!cloud) {
    const choices = getClouds().map((c) => c.id).join(', ');
    throw new HttpError(400, `Unknown cloud "${body.cloud}"`, {
      text: msg('server.errors.unknownCloud', { cloud: body.cloud }),
      issues: [{ path: 'cloud', message: `Choose one of: ${choices}`, text: msg('server.errors.chooseOneOf', { choices }) }],
    });
  }
  // Anti-automation (lib/openstack/login-throttle.ts): 429 + Retry-After after repeated wrong credentials.
  const address = clientIp(req.headers);
  const session = await attemptLogIn(cloud, body, address);
  return { session, redirectTo: safeNextPath(body.next) ?? projectUrl(session) };
}

/** One attempt by the request's method, under the throttle (a passcode is counted per user, like a password). */
async function attemptLogIn(cloud: CloudConfig, body: LoginRequest, address: string | undefined): Promise<SessionData> {
  switch (body.method) {
    case 'password':
      return throttledLogin({ kind: 'password', cloud: cloud.id, userDomain: body.userDomain, username: body.username }, address, () =>
        passwordLogin(cloud, { username: body.username, password: body.password, userDomain: body.userDomain }, body.projectId, body.region),
      );
    case 'application_credential':
      return throttledLogin({ kind: 'application_credential', cloud: cloud.id, id: body.applicationCredentialId }, address, () =>
        applicationCredentialLogin(cloud, body.applicationCredentialId, body.applicationCredentialSecret, body.region),
      );
    case 'totp': {
      const challenge = await unsealChallenge(body.challenge);
      if (!challenge || challenge.cloud !== cloud.id) {
        throw new HttpError(401, 'The log-in step expired: enter your password again', { text: 'server.errors.mfaExpired' });
      }
      return throttledLogin({ kind: 'totp', cloud: cloud.id, userId: challenge.user.id }, address, () =>
        totpLogin(cloud, { userId: challenge.user.id, userName: challenge.user.name, receipt: challenge.receipt, passcode: body.passcode }, body.projectId, body.region),
      );
    }
  }
}
