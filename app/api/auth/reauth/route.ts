import { z } from 'zod';
import { HttpError } from '@/lib/openstack/errors';
import { reauthenticate } from '@/lib/openstack/login';
import { assertSameOrigin, handler, parseJson } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

const ReauthSchema = z.object({ password: z.string().min(1, { error: 'Password is required' }).max(4096) });

export const POST = handler(async (req) => {
  assertSameOrigin(req);
  const { password } = await parseJson(req, ReauthSchema);
  const { session, cloud } = await requireSession();
  if (session.authMethod !== 'password') throw new HttpError(400, 'Application-credential sessions cannot re-authenticate with a password; log in again');
  try {
    const next = await reauthenticate(cloud, session, password);
    return Response.json({ expiresAt: next.expiresAt });
  } catch (e) {
    // A wrong password must not look like an expired session (which would redirect away from the page).
    if (e instanceof HttpError && e.status === 401) throw new HttpError(400, 'Invalid password', { issues: [{ path: 'password', message: 'Invalid password' }] });
    throw e;
  }
});
