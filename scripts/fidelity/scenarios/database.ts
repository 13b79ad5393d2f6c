import type { Call, Scenario, Vars } from '../types';

// The Trove calls Stratus and the CLI make: datastores, versions and parameters, flavors, a MySQL instance on
// the private network (BUILD, 422 on delete, ACTIVE/HEALTHY), databases, users and access, root, restart, a
// volume resize, a backup, a configuration group attached and detached, limits and quotas, errors, delete.
// Left out as the real test cloud cannot answer them as production does: a flavor resize (its fake virt driver
// never reaches VERIFY_RESIZE), a restore (its fake guest's backup file is not in Swift), the initial databases
// and users (only trove-taskmanager knows them) and the instance log list (no guest publishes logs).
const P = `fid-db-${process.pid}`;
type One = Record<string, { id: string; status?: string }>;

const c = (call: Omit<Call, 'service'>): Call => ({ service: 'database', ...call });
const inst = (v: Vars, rest = '') => `instances/${v.db}${rest}`;
const status = (want: string) => (b: unknown) => (b as One).instance?.status === want;
const ds = { type: 'mysql', version: '5.7.29' };
const create = (v: Vars, extra: Record<string, unknown> = {}) => ({
  instance: { name: `${P}-x`, flavorRef: v.flavor, volume: { size: 1 }, datastore: ds, nics: [{ 'net-id': v.net }], ...extra },
});

export const database: Scenario = {
  name: 'database',
  service: 'database',
  calls: [
    { name: 'private network', service: 'network', path: 'v2.0/networks?name=private', capture: (b, _h, v) => (v.net = (b as { networks: Array<{ id: string }> }).networks[0].id) },
    c({ name: 'datastore list', path: 'datastores', capture: (b, _h, v) => (v.version = (b as { datastores: Array<{ name: string; default_version: string }> }).datastores.find((d) => d.name === 'mysql')!.default_version) }),
    c({ name: 'datastore show', path: 'datastores/mysql' }),
    c({ name: 'datastore show, unknown', path: 'datastores/nosuch' }),
    c({ name: 'datastore version list', path: 'datastores/mysql/versions' }),
    c({ name: 'datastore version show by name', path: 'datastores/mysql/versions/5.7.29' }),
    c({ name: 'datastore version show by id', path: (v) => `datastores/versions/${v.version}` }),
    c({ name: 'datastore version show, unknown', path: 'datastores/mysql/versions/9.9' }),
    c({ name: 'configuration parameters', path: (v) => `datastores/versions/${v.version}/parameters` }),
    c({ name: 'datastore version show by id, unknown', path: 'datastores/versions/00000000-0000-0000-0000-000000000000' }),
    c({ name: 'configuration parameter show', path: (v) => `datastores/versions/${v.version}/parameters/max_connections` }),
    c({ name: 'configuration parameter show, unknown', path: (v) => `datastores/versions/${v.version}/parameters/nosuch` }),
    c({ name: 'flavor list', path: 'flavors', capture: (b, _h, v) => (v.flavor = (b as { flavors: Array<{ name: string; str_id: string }> }).flavors.find((f) => f.name === 'm1.small')!.str_id) }),
    c({ name: 'flavor show', path: (v) => `flavors/${v.flavor}` }),
    c({ name: 'flavor show by name', path: 'flavors/m1.small' }),
    c({ name: 'instance list', path: 'instances' }),
    c({ name: 'instance create, no volume', method: 'POST', path: 'instances', body: (v: Vars) => create(v, { volume: undefined }) }),
    c({ name: 'instance create, volume too big', method: 'POST', path: 'instances', body: (v: Vars) => create(v, { volume: { size: 11 } }) }),
    c({ name: 'instance create, unknown flavor', method: 'POST', path: 'instances', body: (v: Vars) => create(v, { flavorRef: 'nosuch' }) }),
    c({ name: 'instance create, unknown datastore', method: 'POST', path: 'instances', body: (v: Vars) => create(v, { datastore: { type: 'nosuch' } }) }),
    c({ name: 'instance create, unknown version', method: 'POST', path: 'instances', body: (v: Vars) => create(v, { datastore: { type: 'mysql', version: '9.9' } }) }),
    c({ name: 'instance create, invalid database name', method: 'POST', path: 'instances', body: (v: Vars) => create(v, { databases: [{ name: 'bad name!' }] }) }),
    c({ name: 'instance create, no name', method: 'POST', path: 'instances', body: (v: Vars) => ({ instance: { flavorRef: v.flavor, volume: { size: 1 } } }) }),
    c({
      name: 'instance create', method: 'POST', path: 'instances',
      body: (v: Vars) => create(v, { name: P, databases: [{ name: 'appdb' }], users: [{ name: 'app', password: 'app-pass', databases: [{ name: 'appdb' }] }] }),
      capture: (b, _h, v) => (v.db = (b as One).instance.id),
    }),
    c({ name: 'instance show, BUILD', path: (v) => inst(v) }),
    c({ name: 'instance delete while BUILD', method: 'DELETE', path: (v) => inst(v) }),
    c({ name: 'instance show until ACTIVE', path: (v) => inst(v), until: status('ACTIVE') }),
    c({ name: 'instance list with it', path: 'instances' }),
    c({ name: 'instance show, unknown', path: 'instances/00000000-0000-0000-0000-000000000000' }),
    c({ name: 'instance show (admin)', as: 'admin', path: (v) => inst(v) }),
    c({ name: 'database create', method: 'POST', path: (v) => inst(v, '/databases'), body: { databases: [{ name: 'shop', character_set: 'utf8mb4', collate: 'utf8mb4_general_ci' }] } }),
    c({ name: 'database create, duplicate', method: 'POST', path: (v) => inst(v, '/databases'), body: { databases: [{ name: 'shop' }] } }),
    c({ name: 'database create, invalid name', method: 'POST', path: (v) => inst(v, '/databases'), body: { databases: [{ name: 'bad name!' }] } }),
    c({ name: 'database list', path: (v) => inst(v, '/databases') }),
    c({ name: 'database delete, unknown', method: 'DELETE', path: (v) => inst(v, '/databases/nosuch') }),
    c({ name: 'user create, no password', method: 'POST', path: (v) => inst(v, '/users'), body: { users: [{ name: 'clerk' }] } }),
    c({ name: 'user create', method: 'POST', path: (v) => inst(v, '/users'), body: { users: [{ name: 'clerk', password: 'clerk-pass', databases: [{ name: 'shop' }] }] } }),
    c({ name: 'user create, duplicate', method: 'POST', path: (v) => inst(v, '/users'), body: { users: [{ name: 'clerk', password: 'x' }] } }),
    c({ name: 'user create, reserved name', method: 'POST', path: (v) => inst(v, '/users'), body: { users: [{ name: 'root', password: 'x' }] } }),
    c({ name: 'user list', path: (v) => inst(v, '/users') }),
    c({ name: 'user show', path: (v) => inst(v, '/users/clerk') }),
    c({ name: 'user show, unknown', path: (v) => inst(v, '/users/nosuch') }),
    c({ name: 'database create for a grant', method: 'POST', path: (v) => inst(v, '/databases'), body: { databases: [{ name: 'reports' }] } }),
    c({ name: 'user grant access', method: 'PUT', path: (v) => inst(v, '/users/clerk/databases'), body: { databases: [{ name: 'reports' }] } }),
    c({ name: 'user show access', path: (v) => inst(v, '/users/clerk/databases') }),
    c({ name: 'user revoke access', method: 'DELETE', path: (v) => inst(v, '/users/clerk/databases/reports') }),
    c({ name: 'user delete', method: 'DELETE', path: (v) => inst(v, '/users/clerk') }),
    c({ name: 'user delete, unknown', method: 'DELETE', path: (v) => inst(v, '/users/nosuch') }),
    c({ name: 'database delete', method: 'DELETE', path: (v) => inst(v, '/databases/reports') }),
    c({ name: 'root show', path: (v) => inst(v, '/root') }),
    c({ name: 'root enable', method: 'POST', path: (v) => inst(v, '/root') }),
    c({ name: 'root show, enabled', path: (v) => inst(v, '/root') }),
    c({ name: 'restart', method: 'POST', path: (v) => inst(v, '/action'), body: { restart: {} } }),
    c({ name: 'instance show until ACTIVE after restart', path: (v) => inst(v), until: status('ACTIVE') }),
    c({ name: 'resize flavor, same flavor', method: 'POST', path: (v) => inst(v, '/action'), body: (v: Vars) => ({ resize: { flavorRef: v.flavor } }) }),
    c({ name: 'resize flavor, unknown flavor', method: 'POST', path: (v) => inst(v, '/action'), body: { resize: { flavorRef: 'nosuch' } } }),
    c({ name: 'resize volume, not larger', method: 'POST', path: (v) => inst(v, '/action'), body: { resize: { volume: { size: 1 } } } }),
    c({ name: 'resize volume, too big', method: 'POST', path: (v) => inst(v, '/action'), body: { resize: { volume: { size: 20 } } } }),
    c({ name: 'resize volume', method: 'POST', path: (v) => inst(v, '/action'), body: { resize: { volume: { size: 2 } } } }),
    c({ name: 'instance show until ACTIVE after resize', path: (v) => inst(v), until: status('ACTIVE') }),
    c({ name: 'backup create', method: 'POST', path: 'backups', body: (v: Vars) => ({ backup: { name: `${P}-backup`, instance: v.db } }), capture: (b, _h, v) => ((v.backup = (b as One).backup.id), (v.project = (b as { backup: { project_id: string } }).backup.project_id)) }),
    c({ name: 'backup show until COMPLETED', path: (v) => `backups/${v.backup}`, until: (b) => (b as One).backup?.status === 'COMPLETED' }),
    c({ name: 'backup list', path: 'backups' }),
    c({ name: 'instance backup list', path: (v) => inst(v, '/backups') }),
    c({ name: 'backup show, unknown', path: 'backups/00000000-0000-0000-0000-000000000000' }),
    c({ name: 'instance show until ACTIVE after backup', path: (v) => inst(v), until: status('ACTIVE') }),
    c({ name: 'backup delete', method: 'DELETE', path: (v) => `backups/${v.backup}` }),
    c({ name: 'configuration create, below minimum', method: 'POST', path: 'configurations', body: { configuration: { name: `${P}-bad`, values: { max_connections: 0 }, datastore: ds } } }),
    c({ name: 'configuration create, unknown parameter', method: 'POST', path: 'configurations', body: { configuration: { name: `${P}-bad`, values: { nope: 1 }, datastore: ds } } }),
    c({ name: 'configuration create, wrong type', method: 'POST', path: 'configurations', body: { configuration: { name: `${P}-bad`, values: { max_connections: 'many' }, datastore: ds } } }),
    c({
      name: 'configuration create', method: 'POST', path: 'configurations', body: { configuration: { name: `${P}-cfg`, values: { max_connections: 200 }, datastore: ds } },
      capture: (b, _h, v) => (v.cfg = (b as One).configuration.id),
    }),
    c({ name: 'configuration list', path: 'configurations' }),
    c({ name: 'configuration show', path: (v) => `configurations/${v.cfg}` }),
    c({ name: 'configuration show, unknown', path: 'configurations/00000000-0000-0000-0000-000000000000' }),
    c({ name: 'configuration attach', method: 'PUT', path: (v) => inst(v), body: (v: Vars) => ({ instance: { configuration: v.cfg } }) }),
    c({ name: 'instance show with its configuration', path: (v) => inst(v) }),
    c({ name: 'configuration instances', path: (v) => `configurations/${v.cfg}/instances` }),
    c({ name: 'configuration delete while attached', method: 'DELETE', path: (v) => `configurations/${v.cfg}` }),
    c({ name: 'configuration detach', method: 'PUT', path: (v) => inst(v), body: { instance: { configuration: null } } }),
    c({ name: 'instance show until ACTIVE after detach', path: (v) => inst(v), until: status('ACTIVE') }),
    c({ name: 'configuration delete', method: 'DELETE', path: (v) => `configurations/${v.cfg}` }),
    c({ name: 'limits', path: 'limits' }),
    c({ name: 'quotas, own project', path: (v) => `mgmt/quotas/${v.project}` }),
    c({ name: 'quotas, another project', path: 'mgmt/quotas/00000000000000000000000000000000' }),
    c({ name: 'instance delete', method: 'DELETE', path: (v) => inst(v) }),
    c({ name: 'instance show until gone', path: (v) => inst(v), until: (_b, s) => s === 404 }),
  ],
};
