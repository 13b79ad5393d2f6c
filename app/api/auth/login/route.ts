import { z } from 'zod';
import { getCloud, getClouds } from '@/lib/config/clouds';
import { msg } from '@/lib/i18n/msg';
import { HttpError } from '@/lib/openstack/errors';
import { clientIp } from '@/lib/openstack/forwarded';
import { applicationCredentialLogin, passwordLogin } from '@/lib/openstack/login';
import { answerThrottled, throttledLogin } from '@/lib/openstack/login-throttle';
import { assertSameOrigin, handler, parseJson, said } from '@/lib/openstack/route-helpers';
import { safeNextPath } from '@/lib/client/next-path';
import { projectUrl } from '@/lib/openstack/urls';

export const dynamic = 'force-dynamic';

const Common = {
  cloud: z.string().min(1, said('Choose a cloud', 'server.validation.chooseCloud')),
  projectId: z.string().min(1).max(64).optional(),
  region: z.string().min(1).max(255).optional(),
  next: z.string().max(2048).optional(),
};
const LoginSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('password'),
    username: z.string().trim().min(1, said('Username is required', 'server.validation.usernameRequired')).max(255),
    password: z.string().min(1, said('Password is required', 'server.validation.passwordRequired')).max(4096),
    userDomain: z.string().trim().min(1, said('User domain is required', 'server.validation.userDomainRequired')).max(255),
    ...Common,
  }),
  z.object({
    method: z.literal('application_credential'),
    applicationCredentialId: z.string().trim().min(1, said('Application credential ID is required', 'server.validation.applicationCredentialIdRequired')).max(255),
    applicationCredentialSecret: z.string().min(1, said('Secret is required', 'server.validation.secretRequired')).max(4096),
    ...Common,
  }),
]);

export const POST = handler((req) =>
  answerThrottled(async () => {
    assertSameOrigin(req);
    const body = await parseJson(req, LoginSchema);
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
    const session =
      body.method === 'password'
        ? await throttledLogin({ kind: 'password', cloud: cloud.id, userDomain: body.userDomain, username: body.username }, address, () =>
            passwordLogin(cloud, { username: body.username, password: body.password, userDomain: body.userDomain }, body.projectId, body.region),
          )
        : await throttledLogin({ kind: 'application_credential', cloud: cloud.id, id: body.applicationCredentialId }, address, () =>
            applicationCredentialLogin(cloud, body.applicationCredentialId, body.applicationCredentialSecret, body.region),
          );
    const next = safeNextPath(body.next);
    return Response.json({ redirectTo: next ?? projectUrl(session) });
  }),
);
