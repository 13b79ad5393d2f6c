import { catalogRegions, getCatalog } from '@/lib/openstack/catalog';
import { handler } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

export const GET = handler(async () => {
  const { session, cloud } = await requireSession();
  const catalog = await getCatalog(session);
  return Response.json(
    {
      cloud: { id: cloud.id, displayName: cloud.displayName },
      user: session.user,
      project: session.project,
      region: session.region,
      regions: catalogRegions(catalog),
      roles: session.roles,
      expiresAt: session.expiresAt,
      authMethod: session.authMethod,
    },
    { headers: { 'cache-control': 'no-store' } },
  );
});
