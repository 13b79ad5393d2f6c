import { getCloud } from '@/lib/config/clouds';
import { forgetCatalog } from '@/lib/openstack/catalog';
import { revokeToken } from '@/lib/openstack/keystone';
import { assertSameOrigin, handler } from '@/lib/openstack/route-helpers';
import { getSessionHandle } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

export const POST = handler(async (req) => {
  assertSameOrigin(req);
  const handle = await getSessionHandle();
  const cloud = handle.cloud ? getCloud(handle.cloud) : undefined;
  for (const t of [handle.token, handle.unscopedToken]) {
    if (!t) continue;
    forgetCatalog(t);
    if (cloud) await revokeToken(cloud, t);
  }
  // iron-session 8: destroy() clears the cookie; never save() after it.
  handle.destroy();
  return Response.json({ redirectTo: '/login' });
});
