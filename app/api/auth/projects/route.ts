import { listAuthProjects } from '@/lib/openstack/keystone';
import { handler } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

export const GET = handler(async () => {
  const { session, cloud } = await requireSession();
  const projects = await listAuthProjects(cloud, session.unscopedToken ?? session.token);
  return Response.json(
    {
      projects: projects
        .map((p) => ({ id: p.id, name: p.name, domainId: p.domain_id ?? 'default', enabled: p.enabled !== false, description: p.description ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
    { headers: { 'cache-control': 'no-store' } },
  );
});
