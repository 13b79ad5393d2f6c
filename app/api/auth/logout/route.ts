import { logout } from '@/lib/openstack/login';
import { assertSameOrigin, handler } from '@/lib/openstack/route-helpers';

export const dynamic = 'force-dynamic';

/** Ends the session everywhere: cookie cleared, session id revoked for every copy, Keystone tokens revoked. */
export const POST = handler(async (req) => {
  assertSameOrigin(req);
  await logout();
  return Response.json({ redirectTo: '/login' });
});
