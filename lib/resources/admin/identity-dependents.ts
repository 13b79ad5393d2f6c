// What a Keystone project or user leaves behind, said before the delete is confirmed. Keystone deletes a project
// whatever it holds: its servers, volumes and networks stay in Nova, Cinder and Neutron, owned by an id that no longer
// exists (Horizon warns nothing). A user's role assignments and application credentials go with it.
import { msg, type Msg } from '@/lib/i18n/msg';

type Get = (service: string, path: string, headers?: Record<string, string>) => Promise<unknown>;

/** How many objects a list answer holds under `key`; undefined when the service is absent or refuses. */
async function count(get: Get, service: string, path: string, key: string): Promise<number | undefined> {
  try {
    const body = (await get(service, path)) as Record<string, unknown>;
    const list = body[key];
    return Array.isArray(list) ? list.length : undefined;
  } catch {
    return undefined;
  }
}

export async function projectDependents(rows: readonly { id: string; name: string }[], get: Get): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const p of rows) {
    const id = encodeURIComponent(p.id);
    const [servers, volumes, networks, members] = await Promise.all([
      count(get, 'compute', `servers?all_tenants=1&project_id=${id}&limit=1000`, 'servers'),
      count(get, 'volumev3', `volumes?all_tenants=1&project_id=${id}&limit=1000`, 'volumes'),
      count(get, 'network', `v2.0/networks?project_id=${id}&fields=id`, 'networks'),
      count(get, 'identity', `role_assignments?scope.project.id=${id}`, 'role_assignments'),
    ]);
    const name = p.name || p.id;
    if (servers) out.push(msg('admin.identity.dependents.servers', { name, count: servers }));
    if (volumes) out.push(msg('admin.identity.dependents.volumes', { name, count: volumes }));
    if (networks) out.push(msg('admin.identity.dependents.networks', { name, count: networks }));
    if (members) out.push(msg('admin.identity.dependents.assignments', { name, count: members }));
    if (servers || volumes || networks) out.push(msg('admin.identity.dependents.orphaned', {}));
  }
  return out;
}

export async function userDependents(rows: readonly { id: string; name: string }[], get: Get): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const u of rows) {
    const id = encodeURIComponent(u.id);
    const [assignments, credentials] = await Promise.all([
      count(get, 'identity', `role_assignments?user.id=${id}`, 'role_assignments'),
      count(get, 'identity', `users/${id}/application_credentials`, 'application_credentials'),
    ]);
    const name = u.name || u.id;
    if (assignments) out.push(msg('admin.identity.dependents.userAssignments', { name, count: assignments }));
    if (credentials) out.push(msg('admin.identity.dependents.userCredentials', { name, count: credentials }));
  }
  return out;
}
