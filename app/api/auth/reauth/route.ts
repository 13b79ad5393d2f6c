import { z } from 'zod';
import { HttpError } from '@/lib/openstack/errors';
import { clientIp } from '@/lib/openstack/forwarded';
import { CredentialsRefused } from '@/lib/openstack/keystone';
import { reauthenticate } from '@/lib/openstack/login';
import { answerThrottled, throttledLogin } from '@/lib/openstack/login-throttle';
import { assertSameOrigin, handler, parseJson, said } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

const ReauthSchema = z.object({ password: z.string().min(1, said('Password is required', 'server.validation.passwordRequired')).max(4096) });

export const POST = handler((req) =>
  answerThrottled(async () => {
    assertSameOrigin(req);
    const { password } = await parseJson(req, ReauthSchema);
    const { session, cloud } = await requireSession();
    if (session.authMethod !== 'password') {
      throw new HttpError(400, 'Application-credential sessions cannot re-authenticate with a password; log in again', { text: 'server.errors.reauthNotPassword' });
    }
    try {
      // Anti-automation (lib/openstack/login-throttle.ts): 429 + Retry-After after repeated wrong passwords.
      const next = await throttledLogin({ kind: 'reauth', cloud: cloud.id, userId: session.user.id }, clientIp(req.headers), () =>
        reauthenticate(cloud, session, password),
      );
      return Response.json({ expiresAt: next.expiresAt });
    } catch (e) {
      // A wrong password must not look like an expired session (which would redirect away from the page).
      if (e instanceof CredentialsRefused) {
        const text = 'server.errors.invalidPassword';
        throw new HttpError(400, 'Invalid password', { text, issues: [{ path: 'password', message: 'Invalid password', text }] });
      }
      throw e;
    }
  }),
);
