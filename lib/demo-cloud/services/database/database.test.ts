import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';

type Row = Record<string, unknown> & { id: string };

let cloud: DemoCloud;
let now = Date.parse('2026-03-01T10:00:00Z');
let demo: string;
let admin: string;
let networkId: string;
const DEMO = seedProjectId('demo');
const work = (seconds = 10) => (now += seconds * 1000);
const trove = (method: string, path: string, body?: unknown, token = demo) => call(cloud, method, `/database/v1.0/${DEMO}${path}`, { token, body });
const show = async (id: string, token = demo) => ((await trove('GET', `/instances/${id}`, undefined, token)).body as { instance: Row }).instance;

async function createInstance(name: string, extra: Record<string, unknown> = {}): Promise<Row> {
  const r = await trove('POST', '/instances', {
    instance: { name, flavorRef: '2', volume: { size: 1 }, datastore: { type: 'mysql', version: '5.7.29' }, nics: [{ 'net-id': networkId }], ...extra },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { instance: Row }).instance;
}

beforeAll(async () => {
  cloud = await startTestCloud({ now: () => now, failureFixtures: true });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  const nets = (await call(cloud, 'GET', '/network/v2.0/networks?name=private', { token: demo })).body as { networks: Row[] };
  networkId = nets.networks[0].id;
});
afterAll(() => cloud.close());

describe('database: catalog, datastores, flavors', () => {
  it('is in the catalog with the project in the path', async () => {
    const r = await call(cloud, 'GET', '/identity/v3/auth/catalog', { token: demo });
    const entry = (r.body as { catalog: Array<{ type: string; endpoints: Array<{ url: string }> }> }).catalog.find((c) => c.type === 'database');
    expect(entry?.endpoints[0].url).toMatch(new RegExp(`/database/v1.0/${DEMO}$`));
  });
  it('lists mysql with 5.7.29 as default, versions and parameters', async () => {
    const ds = ((await trove('GET', '/datastores')).body as { datastores: Array<Row & { versions: Row[] }> }).datastores;
    const mysql = ds.find((d) => d.name === 'mysql')!;
    expect(mysql.versions.find((v) => v.id === mysql.default_version)?.name).toBe('5.7.29');
    const params = (await trove('GET', `/datastores/versions/${mysql.default_version}/parameters`)).body as { 'configuration-parameters': Row[] };
    expect(params['configuration-parameters'].find((p) => p.name === 'max_connections')).toMatchObject({ type: 'integer', min: 1, max: 100000 });
    expect((await trove('GET', '/datastores/nosuch')).body).toEqual({ itemNotFound: { code: 404, message: "Datastore 'nosuch' cannot be found." } });
    // Real Trove 18 answers 400, not 404, for an unknown version.
    expect((await trove('GET', '/datastores/mysql/versions/9.9')).body).toEqual({ badRequest: { code: 400, message: "Datastore version '9.9' cannot be found." } });
  });
  it('lists Nova flavors with str_id', async () => {
    const f = ((await trove('GET', '/flavors')).body as { flavors: Row[] }).flavors.find((x) => x.name === 'm1.small');
    expect(f).toMatchObject({ id: 2, str_id: '2', ram: 2048 });
  });
});

describe('database: instances', () => {
  it('creates BUILD (200), refuses delete while BUILD (422, recorded as fault), reaches ACTIVE/HEALTHY with an address', async () => {
    const inst = await createInstance('db1', { databases: [{ name: 'app' }], users: [{ name: 'appuser', password: 'secret', databases: [{ name: 'app' }] }] });
    expect(inst).toMatchObject({ status: 'BUILD', operating_status: '', volume: { size: 1 }, datastore: { type: 'mysql', version: '5.7.29', version_number: '5.7.29' } });
    const del = await trove('DELETE', `/instances/${inst.id}`);
    expect(del.status).toBe(422);
    expect(del.body).toEqual({ unprocessableEntity: { code: 422, message: `Instance ${inst.id} is not ready. (Status is BUILD).` } });
    work();
    const active = await show(inst.id);
    expect(active).toMatchObject({ status: 'ACTIVE', operating_status: 'HEALTHY', access: { is_public: false } });
    expect((active.fault as Row).message).toContain('is not ready');
    expect((active.addresses as Row[])[0]).toMatchObject({ type: 'private', network: networkId });
    expect((await trove('GET', `/instances/${inst.id}/databases`)).body).toEqual({ databases: [{ name: 'app' }] });
    expect((await trove('GET', `/instances/${inst.id}/users`)).body).toEqual({ users: [{ name: 'appuser', host: '%', databases: [{ name: 'app' }] }] });
  });

  it("puts the server, volume and port in the service project: demo's server list does not show them, admin's all-projects does", async () => {
    const inst = await createInstance('owned');
    work();
    const mine = (await call(cloud, 'GET', '/compute/v2.1/servers', { token: demo })).body as { servers: Row[] };
    expect(mine.servers.map((x) => x.name)).not.toContain('owned');
    const all = (await call(cloud, 'GET', '/compute/v2.1/servers/detail?all_tenants=1', { token: admin })).body as { servers: Row[] };
    const srv = all.servers.find((x) => x.name === 'owned');
    expect(srv?.tenant_id).toBe(seedProjectId('admin'));
    work(2);
    const vols = (await call(cloud, 'GET', `/volume/v3/${seedProjectId('admin')}/volumes/detail?all_tenants=1`, { token: admin })).body as { volumes: Row[] };
    expect(vols.volumes.find((v) => v.name === `trove-${inst.id}`)).toMatchObject({ size: 1, status: 'in-use' });
  });

  it('validates create like Trove 18', async () => {
    const base = { name: 'x', flavorRef: '2', datastore: { type: 'mysql' } };
    const err = async (instance: Record<string, unknown>) => (await trove('POST', '/instances', { instance })).body;
    expect(await err(base)).toEqual({ badRequest: { code: 400, message: 'Volume size was not specified.' } });
    expect(await err({ ...base, volume: { size: 11 } })).toEqual({ overLimit: { code: 413, message: "Volume 'size' cannot exceed maximum of 10 GB, 11 cannot be accepted." } });
    expect(await err({ ...base, volume: { size: 1 }, flavorRef: 'nosuch' })).toEqual({ badRequest: { code: 400, message: 'Resource nosuch cannot be found.' } });
    expect(await err({ ...base, volume: { size: 1 }, datastore: { type: 'mysql', version: '9.9' } })).toEqual({ badRequest: { code: 400, message: "Datastore version '9.9' cannot be found." } });
    expect(await err({ ...base, volume: { size: 1 }, databases: [{ name: 'bad name!' }] })).toEqual({ badRequest: { code: 400, message: "'bad name!' is not a valid schema name." } });
    expect(await err({ flavorRef: '2' })).toEqual({ badRequest: { code: 400, message: "Validation error: instance 'name' is a required property" } });
  });

  it('restarts (REBOOT), resizes flavor and volume (RESIZE) with Trove errors, then deletes (SHUTDOWN, gone)', async () => {
    const inst = await createInstance('ops');
    work();
    expect((await trove('POST', `/instances/${inst.id}/action`, { restart: {} })).status).toBe(202);
    expect(await show(inst.id)).toMatchObject({ status: 'REBOOT', operating_status: '' });
    const busy = await trove('POST', `/instances/${inst.id}/action`, { restart: {} });
    expect(busy.body).toMatchObject({ unprocessableEntity: { message: `Instance ${inst.id} is not currently available for an action to be performed (task status was REBOOTING).` } });
    work();
    expect((await trove('POST', `/instances/${inst.id}/action`, { resize: { flavorRef: '2' } })).body).toMatchObject({ badRequest: { message: "The new flavor id must be different than the current flavor id of '2'." } });
    expect((await trove('POST', `/instances/${inst.id}/action`, { resize: { flavorRef: '3' } })).status).toBe(202);
    expect((await show(inst.id)).status).toBe('RESIZE');
    work();
    expect(((await show(inst.id)).flavor as Row).id).toBe('3');
    expect((await trove('POST', `/instances/${inst.id}/action`, { resize: { volume: { size: 1 } } })).body).toMatchObject({ badRequest: { message: "The new volume 'size' must be larger than the current volume size of '1'." } });
    expect((await trove('POST', `/instances/${inst.id}/action`, { resize: { volume: { size: 2 } } })).status).toBe(202);
    work();
    expect(await show(inst.id)).toMatchObject({ status: 'ACTIVE', volume: { size: 2 } });
    expect((await trove('DELETE', `/instances/${inst.id}`)).status).toBe(202);
    expect(await show(inst.id)).toMatchObject({ status: 'SHUTDOWN', operating_status: '' });
    work();
    expect((await trove('GET', `/instances/${inst.id}`)).status).toBe(404);
  });

  it('ends in ERROR with Trove 18\'s fault on a network whose subnet is on no router, leaving no port behind', async () => {
    const net = ((await call(cloud, 'POST', '/network/v2.0/networks', { token: demo, body: { network: { name: 'isolated' } } })).body as { network: Row }).network;
    const sub = ((await call(cloud, 'POST', '/network/v2.0/subnets', { token: demo, body: { subnet: { network_id: net.id, cidr: '192.168.77.0/24', ip_version: 4 } } })).body as { subnet: Row }).subnet;
    const inst = await createInstance('no-router', { nics: [{ 'net-id': net.id }] });
    work();
    const r = await show(inst.id);
    expect(r).toMatchObject({ status: 'ERROR', fault: { message: `Failed to create User port for instance ${inst.id}: Subnet ${sub.id} is not associated with router.` } });
    const ports = (await call(cloud, 'GET', `/network/v2.0/ports?network_id=${net.id}`, { token: admin })).body as { ports: Row[] };
    expect(ports.ports.filter((p) => p.device_owner !== 'network:dhcp')).toEqual([]);
    expect((await trove('DELETE', `/instances/${inst.id}`)).status).toBe(202);
  });

  it('ends in ERROR with a fault for a fail- name (failure fixtures only)', async () => {
    const inst = await createInstance('fail-db');
    work();
    const r = await show(inst.id);
    expect(r.status).toBe('ERROR');
    expect((r.fault as Row).message).toContain('Failed to create volume');
    expect((await trove('DELETE', `/instances/${inst.id}`)).status).toBe(202);
  });
});

describe('database: databases, users, root', () => {
  it('creates, grants, lists and deletes with the real errors; root shows its password once', async () => {
    const inst = await createInstance('guest');
    const early = await trove('GET', `/instances/${inst.id}/databases`);
    expect(early.body).toEqual({ unprocessableEntity: { code: 422, message: `Instance ${inst.id} is not ready, status: new.` } });
    work();
    const base = `/instances/${inst.id}`;
    expect((await trove('POST', `${base}/databases`, { databases: [{ name: 'shop' }] })).status).toBe(202);
    expect((await trove('POST', `${base}/databases`, { databases: [{ name: 'shop' }] })).body).toEqual({ badRequest: { code: 400, message: 'A database with the name "shop" already exists.' } });
    expect((await trove('POST', `${base}/users`, { users: [{ name: 'u3' }] })).body).toEqual({ badRequest: { code: 400, message: "Validation error: users[0] 'password' is a required property" } });
    expect((await trove('POST', `${base}/users`, { users: [{ name: 'root', password: 'p' }] })).status).toBe(400);
    expect((await trove('POST', `${base}/users`, { users: [{ name: 'bob', password: 'p' }] })).status).toBe(202);
    expect((await trove('PUT', `${base}/users/bob/databases`, { databases: [{ name: 'shop' }] })).status).toBe(202);
    expect((await trove('GET', `${base}/users/bob`)).body).toEqual({ user: { name: 'bob', host: '%', databases: [{ name: 'shop' }] } });
    expect((await trove('DELETE', `${base}/users/bob/databases/shop`)).status).toBe(202);
    expect((await trove('GET', `${base}/users/bob/databases`)).body).toEqual({ databases: [] });
    expect((await trove('GET', `${base}/users/nosuch`)).body).toEqual({ itemNotFound: { code: 404, message: 'User nosuch@% cannot be found on the instance.' } });
    expect((await trove('DELETE', `${base}/databases/nosuch`)).body).toEqual({ itemNotFound: { code: 404, message: 'Database nosuch cannot be found on the instance.' } });
    // name@host as troveclient sends it, '%' escaped once (%25): decoded once, not twice (was a 500).
    expect((await trove('DELETE', `${base}/users/bob%40%25`)).status).toBe(202);
    expect((await trove('GET', `${base}/users`)).body).toEqual({ users: [] });
    expect((await trove('GET', `${base}/root`)).body).toEqual({ rootEnabled: false });
    const root = (await trove('POST', `${base}/root`)).body as { user: { name: string; password: string } };
    expect(root.user.name).toBe('root');
    expect(root.user.password).toHaveLength(36);
    expect((await trove('GET', `${base}/root`)).body).toEqual({ rootEnabled: true });
  });
});

describe('database: guest logs', () => {
  it('lists the USER logs to members (all four to admins), enables, publishes, discards and refuses SYS changes', async () => {
    const inst = await createInstance('logs');
    work();
    const log = `/instances/${inst.id}/log`;
    const names = (b: unknown) => (b as { logs: Row[] }).logs.map((l) => l.name);
    expect(names((await trove('GET', log)).body)).toEqual(['general', 'slow_query']);
    expect(names((await trove('GET', log, undefined, admin)).body)).toEqual(['general', 'slow_query', 'guest', 'error']);
    const general = ((await trove('GET', log)).body as { logs: Row[] }).logs[0];
    expect(general).toMatchObject({ type: 'USER', status: 'Disabled', published: 0, pending: 0, container: 'None', prefix: 'None', metafile: `${inst.id}/mysql-general_metafile` });
    const on = ((await trove('POST', log, { name: 'general', enable: 1 })).body as { log: Row }).log;
    expect(on.status).toBe('Enabled');
    const pub = ((await trove('POST', log, { name: 'general', publish: 1 })).body as { log: Row }).log;
    expect(pub).toMatchObject({ status: 'Published', pending: 0, container: 'database_logs', prefix: `${inst.id}/mysql-general/` });
    expect((pub.published as number) > 0).toBe(true);
    expect(((await trove('POST', log, { name: 'general', discard: 1 })).body as { log: Row }).log).toMatchObject({ published: 0, container: 'None' });
    expect((await trove('POST', log, { name: 'guest', publish: 1 })).body).toEqual({ forbidden: { code: 403, message: "You must be admin to publish log 'guest'." } });
    expect((await trove('POST', log, { name: 'guest', disable: 1 }, admin)).body).toEqual({ badRequest: { code: 400, message: "Cannot disable a SYSTEM log ('guest')." } });
    expect((await trove('POST', log, { name: 'nope' })).body).toEqual({ itemNotFound: { code: 404, message: "Log 'nope' is not defined." } });
    expect((await trove('POST', log, { name: 'general', enable: 1, disable: 1 })).status).toBe(400);
  });
});

describe('database: backups, configuration groups, quotas', () => {
  it('backs up (NEW -> BUILDING -> COMPLETED, instance BACKUP) and restores the databases into a new instance', async () => {
    const inst = await createInstance('src', { databases: [{ name: 'orders' }] });
    work();
    const r = await trove('POST', '/backups', { backup: { name: 'b1', instance: inst.id } });
    expect(r.status).toBe(202);
    const b = (r.body as { backup: Row }).backup;
    expect(b).toMatchObject({ status: 'NEW', instance_id: inst.id, datastore: { type: 'mysql', version: '5.7.29' } });
    expect((await show(inst.id)).status).toBe('BACKUP');
    expect((await trove('DELETE', `/backups/${b.id}`)).status).toBe(422);
    work();
    expect(((await trove('GET', `/backups/${b.id}`)).body as { backup: Row }).backup).toMatchObject({ status: 'COMPLETED', size: 0.14 });
    expect((await show(inst.id)).status).toBe('ACTIVE');
    const restored = await createInstance('restored', { restorePoint: { backupRef: b.id } });
    work();
    expect((await trove('GET', `/instances/${restored.id}/databases`)).body).toEqual({ databases: [{ name: 'orders' }] });
    expect((await trove('DELETE', `/backups/${b.id}`)).status).toBe(202);
  });

  it('creates configuration groups with checked values, attaches, refuses delete while attached, detaches', async () => {
    const bad = await trove('POST', '/configurations', { configuration: { name: 'c', values: { max_connections: 0 }, datastore: { type: 'mysql', version: '5.7.29' } } });
    expect(bad.body).toEqual({ unprocessableEntity: { code: 422, message: 'The value for the configuration parameter max_connections is less than the minimum allowed: 1' } });
    const unknown = await trove('POST', '/configurations', { configuration: { name: 'c', values: { nope: 1 }, datastore: { type: 'mysql', version: '5.7.29' } } });
    expect((unknown.body as { unprocessableEntity: Row }).unprocessableEntity.message).toBe('The configuration parameter nope is not supported for this datastore: mysql 5.7.29.');
    const c = ((await trove('POST', '/configurations', { configuration: { name: 'tuned', values: { max_connections: 200 }, datastore: { type: 'mysql', version: '5.7.29' } } })).body as { configuration: Row }).configuration;
    expect(c).toMatchObject({ name: 'tuned', values: { max_connections: 200 }, instance_count: 0, datastore_name: 'mysql' });
    const inst = await createInstance('cfg');
    work();
    expect((await trove('PUT', `/instances/${inst.id}`, { instance: { configuration: c.id } })).status).toBe(202);
    expect(((await show(inst.id)).configuration as Row).id).toBe(c.id);
    expect((await trove('DELETE', `/configurations/${c.id}`)).status).toBe(400);
    expect((await trove('PUT', `/instances/${inst.id}`, { instance: { configuration: null } })).status).toBe(202);
    expect((await trove('DELETE', `/configurations/${c.id}`)).status).toBe(202);
  });

  it('answers 413 with the real text past the instances quota, and shows limits', async () => {
    const put = await trove('PUT', `/mgmt/quotas/${DEMO}`, { quotas: { instances: 1 } }, admin);
    expect(put.body).toEqual({ quotas: { instances: 1 } });
    const over = await trove('POST', '/instances', { instance: { name: 'over', flavorRef: '2', volume: { size: 1 } } });
    expect(over.body).toEqual({ overLimit: { code: 413, message: "Quota exceeded for resources: ['instances']." } });
    const limits = (await trove('GET', '/limits')).body as { limits: Row[] };
    expect(limits.limits[0]).toMatchObject({ verb: 'ABSOLUTE', max_instances: 1, max_volumes: 40 });
    expect((await trove('GET', `/mgmt/quotas/${seedProjectId('admin')}`)).status).toBe(403);
    await trove('PUT', `/mgmt/quotas/${DEMO}`, { quotas: { instances: 10 } }, admin);
  });
});
