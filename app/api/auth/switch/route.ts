import { z } from 'zod';
import { catalogRegions, getCatalog } from '@/lib/openstack/catalog';
import { msg } from '@/lib/i18n/msg';
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
      const choices = regions.join(', ');
      throw new HttpError(400, `Region "${body.region}" is not in this cloud's catalog`, {
        text: msg('server.errors.unknownRegion', { region: body.region }),
        issues: [{ path: 'region', message: `Choose one of: ${choices}`, text: msg('server.errors.chooseOneOf', { choices }) }],
      });
    }
    const handle = await getSessionHandle();
    handle.region = body.region;
    await handle.save();
    session = { ...session, region: body.region };
  }
  return Response.json({ project: session.project, region: session.region, roles: session.roles });
});
