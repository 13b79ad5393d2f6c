import { cloudsYaml, credentialsFileName, openrc, type CredentialsContext } from '@/lib/credentials/files';
import { msg } from '@/lib/i18n/msg';
import { HttpError, projectSwitched } from '@/lib/openstack/errors';
import { handler } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';

export const dynamic = 'force-dynamic';

/** GET /api/credentials/openrc | /api/credentials/clouds-yaml: a download for the session's cloud, project and region. */
export const GET = handler(async (req: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const { kind } = await params;
  if (kind !== 'openrc' && kind !== 'clouds-yaml') {
    throw new HttpError(404, `No credentials file "${kind}": use openrc or clouds-yaml`, { text: msg('server.errors.noCredentialsFile', { kind }) });
  }
  const { session, cloud } = await requireSession();
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
