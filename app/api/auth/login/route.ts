import { z } from 'zod';
import { getCloud, getClouds } from '@/lib/config/clouds';
import { HttpError } from '@/lib/openstack/errors';
import { clientIp } from '@/lib/openstack/forwarded';
import { applicationCredentialLogin, passwordLogin } from '@/lib/openstack/login';
import { answerThrottled, throttledLogin } from '@/lib/openstack/login-throttle';
import { assertSameOrigin, handler, parseJson } from '@/lib/openstack/route-helpers';
import { safeNextPath } from '@/lib/client/next-path';
import { projectUrl } from '@/lib/openstack/urls';

export const dynamic = 'force-dynamic';

const Common = {
  cloud: z.string().min(1, { error: 'Choose a cloud' }),
  projectId: z.string().min(1).max(64).optional(),
  region: z.string().min(1).max(255).optional(),
  next: z.string().max(2048).optional(),
};
const LoginSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('password'),
    username: z.string().trim().min(1, { error: 'Username is required' }).max(255),
    password: z.string().min(1, { error: 'Password is required' }).max(4096),
    userDomain: z.string().trim().min(1, { error: 'User domain is required' }).max(255),
    ...Common,
  }),
  z.object({
    method: z.literal('application_credential'),
    applicationCredentialId: z.string().trim().min(1, { error: 'Application credential ID is required' }).max(255),
    applicationCredentialSecret: z.string().min(1, { error: 'Secret is required' }).max(4096),
    ...Common,
  }),
]);

export const POST = handler((req) =>
  answerThrottled(async () => {
    assertSameOrigin(req);
    const body = await parseJson(req, LoginSchema);
    const cloud = getCloud(body.cloud);
    if (!cloud) {
      throw new HttpError(400, `Unknown cloud "${body.cloud}"`, {
        issues: [{ path: 'cloud', message: `Choose one of: ${getClouds().map((c) => c.id).join(', ')}` }],
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
