import { z } from 'zod';
import { catalogRegions, getCatalog } from '@/lib/openstack/catalog';
import { HttpError } from '@/lib/openstack/errors';
import { switchProject } from '@/lib/openstack/login';
import { assertSameOrigin, handler, parseJson } from '@/lib/openstack/route-helpers';
import { getSessionHandle, requireSession } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

const SwitchSchema = z
  .object({ projectId: z.string().min(1).max(64).optional(), region: z.string().min(1).max(255).optional() })
  .refine((b) => b.projectId || b.region, { error: 'Give projectId or region' });

export const POST = handler(async (req) => {
  assertSameOrigin(req);
  const body = await parseJson(req, SwitchSchema);
  const current = await requireSession();
  const { cloud } = current;
  let session = current.session;
  if (body.projectId) session = await switchProject(cloud, session, body.projectId);
  if (body.region && body.region !== session.region) {
    const regions = catalogRegions(await getCatalog(session));
    if (!regions.includes(body.region)) {
      throw new HttpError(400, `Region "${body.region}" is not in this cloud's catalog`, {
        issues: [{ path: 'region', message: `Choose one of: ${regions.join(', ')}` }],
      });
    }
    const handle = await getSessionHandle();
    handle.region = body.region;
    await handle.save();
    session = { ...session, region: body.region };
  }
  return Response.json({ project: session.project, region: session.region, roles: session.roles });
});
