import { cloudsYaml, credentialsFileName, openrc, type CloudEndpoint, type CredentialsContext } from '@/lib/credentials/files';
import { msg } from '@/lib/i18n/msg';
import { HttpError, projectSwitched } from '@/lib/openstack/errors';
import { handler } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

/**
 * GET /api/credentials/openrc | /api/credentials/clouds-yaml: a download for the session's cloud, project and region.
 * GET /api/credentials/endpoint: the cloud's auth URL, interface and region as JSON, from which the browser writes a
 * new application credential's files (its secret never comes back through here).
 */
export const GET = handler(async (req: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const { kind } = await params;
  if (kind !== 'openrc' && kind !== 'clouds-yaml' && kind !== 'endpoint') {
    throw new HttpError(404, `No credentials file "${kind}": use openrc or clouds-yaml`, { text: msg('server.errors.noCredentialsFile', { kind }) });
  }
  const { session, cloud } = await requireSession();
  if (kind === 'endpoint') {
    const endpoint: CloudEndpoint = { cloudId: cloud.id, authUrl: cloud.authUrl, interface: cloud.interface, region: session.region };
    return Response.json(endpoint, { headers: { 'cache-control': 'no-store' } });
  }
  // The page's project (another tab may have switched the shared session meanwhile): never hand out the wrong scope.
  const wanted = new URL(req.url).searchParams.get('project');
  if (wanted && wanted !== session.project.id) throw projectSwitched(wanted, session.project.name);
  const ctx: CredentialsContext = {
    cloudId: cloud.id,
    authUrl: cloud.authUrl,
    interface: cloud.interface,
    region: session.region,
    user: { name: session.user.name },
    userDomainName: cloud.userDomainName,
    project: session.project,
  };
  const body = kind === 'openrc' ? openrc(ctx) : cloudsYaml(ctx);
  return new Response(body, {
    headers: {
      'content-type': kind === 'openrc' ? 'text/x-shellscript; charset=utf-8' : 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${credentialsFileName(session.project.name, kind)}"`,
      'cache-control': 'no-store',
    },
  });
});
