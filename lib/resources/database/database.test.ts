// The Trove definitions: what the forms send and the CLI lines they show, the status machine, the user paths, and a
// round trip on the demo cloud (create with a database and a user, ACTIVE, a second user through the users tab's
// request, a grant, the 422 while BUILD in plain words, delete).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '@/lib/demo-cloud/server';
import { seedProjectId } from '@/lib/demo-cloud/services/identity/seed';
import { call, login, startTestCloud } from '@/lib/demo-cloud/test-helpers';
import { en } from '@/lib/testing/english';
import { explainFailure } from '../explain';
import { parseItem, parseList } from '../schema';
import { backupCreateCli, backupCreateRequest, BackupCreateSchema } from './backup';
import { accessChange, databaseCreateRequest, grantCli, grantRequest, revokeCli, revokeRequest, userCreateCli, userCreateRequest, UserCreateSchema, userDefinition } from './children';
import { configurationCreateRequest, ConfigurationCreateSchema, parseValues } from './configuration';
import { effectiveDatastore, INSTANCE_CREATE_DEFAULTS, networkRouter, instanceCreateCli, instanceCreateRequest, InstanceCreateSchema, versionChoices } from './create';
import { canChange, instanceDefinition, volumeResizeRequest } from './instance';
import { logActionCli, logActionRequest, LogsSchema, logVerbs } from './logs';
import { enableRootCli, enableRootRequest, mysqlCommand, RootUserSchema } from './root';
import { backupStatus, DatabaseSchema, instanceAddresses, instanceStatus, InstanceSchema, UserSchema, userPathSegment, type Instance } from './trove';

const inst = (over: Partial<Instance> = {}): Instance => InstanceSchema.parse({ id: 'i1', name: 'db1', status: 'ACTIVE', operating_status: 'HEALTHY', flavor: { id: 'f' }, datastore: { type: 'mysql', version: '5.7.29' }, volume: { size: 2 }, ...over });
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('instance status', () => {
  it('is busy in every transitional state, so the list polls it', () => {
    for (const status of ['BUILD', 'BACKUP', 'RESIZE', 'REBOOT', 'SHUTDOWN']) expect(instanceStatus(inst({ status, operating_status: '' })).tone).toBe('busy');
  });
  it('reads ACTIVE with the guest’s operating status, and carries the fault of a failed one', () => {
    expect(instanceStatus(inst())).toEqual({ label: 'ACTIVE · HEALTHY', tone: 'ok' });
    expect(instanceStatus(inst({ operating_status: '' }))).toEqual({ label: 'ACTIVE', tone: 'ok' });
    expect(instanceStatus(inst({ operating_status: 'SHUTDOWN' })).tone).toBe('unknown');
    const failed = instanceStatus(inst({ status: 'ERROR', fault: { message: 'Failed to create volume for instance i1\nFailed to create volume.', created: 'x', details: null } }));
    expect(failed.tone).toBe('error');
    expect(failed.detail).toMatch(/Failed to create volume/);
  });
  it('shows the fault through the plain-language notice, explained', () => {
    const f = instanceDefinition.failure!(inst({ status: 'ERROR', fault: { message: 'Failed to create volume for instance i1\nFailed to create volume.' } }));
    expect(f?.source).toBe('Trove');
    expect(en(explainFailure(f?.message)?.summary)).toMatch(/data volume/);
    expect(instanceDefinition.failure!(inst())).toBeUndefined();
  });
  it('explains the 422 of a delete while BUILD in plain words', () => {
    const why = explainFailure('Instance 94de02fe-420e-4e4a-a52d-f6078b7fe0c6 is not ready. (Status is BUILD).');
    expect(en(why?.summary)).toMatch(/not ready/);
    expect(en(why?.next)).toMatch(/ACTIVE/);
  });
  it('explains a network without a router (real Trove 18 checks the subnet before making the port)', () => {
    const why = explainFailure('Failed to create User port for instance 19223ac4: Subnet 40167b98-2b23-4538-b130-aef28961845d is not associated with router.');
    expect(en(why?.summary)).toMatch(/no router/);
  });
  it('offers changes only while ACTIVE, delete in BUILD too', () => {
    expect(canChange(inst({ status: 'BUILD' }))).toBe(false);
    const del = instanceDefinition.actions!.find((a) => a.id === 'delete')!;
    expect(del.allowed(inst({ status: 'BUILD' }), { isAdmin: false })).toBe(true);
    expect(del.allowed(inst({ status: 'SHUTDOWN' }), { isAdmin: false })).toBe(false);
  });
  it('backups are busy until COMPLETED', () => {
    expect(backupStatus({ status: 'NEW' }).tone).toBe('busy');
    expect(backupStatus({ status: 'COMPLETED' }).tone).toBe('ok');
    expect(backupStatus({ status: 'FAILED' }).tone).toBe('error');
  });
  it('reads addresses from `addresses`, else `ip`', () => {
    expect(instanceAddresses({ addresses: [{ address: '10.0.0.5', type: 'private' }], ip: ['x'] })).toEqual(['10.0.0.5']);
    expect(instanceAddresses({ ip: ['10.0.0.6'] })).toEqual(['10.0.0.6']);
  });
});

describe('the create form', () => {
  const valid = { ...INSTANCE_CREATE_DEFAULTS, name: ' shop ', datastore: 'mysql|5.7.29', flavorId: 'f2', size: '5', networkId: 'net', databases: 'app, reports app', userName: 'app', password: 'pw', host: '%' };
  it('sends Trove’s body: volume, datastore by names, nics by network_id, the user with every initial database', () => {
    const req = instanceCreateRequest(InstanceCreateSchema.parse(valid));
    expect(req).toEqual({
      method: 'POST', path: 'instances',
      body: { instance: {
        name: 'shop', flavorRef: 'f2', volume: { size: 5 }, datastore: { type: 'mysql', version: '5.7.29' }, nics: [{ network_id: 'net' }],
        databases: [{ name: 'app' }, { name: 'reports' }],
        users: [{ name: 'app', password: 'pw', host: '%', databases: [{ name: 'app' }, { name: 'reports' }] }],
      } },
    });
  });
  it('restores from a backup with its configuration group and volume type', () => {
    const body = instanceCreateRequest(InstanceCreateSchema.parse({ ...valid, userName: '', password: '', databases: '', backupId: 'b1', configuration: 'c1', volumeType: 'fast' })).body as { instance: Record<string, unknown> };
    expect(body.instance.restorePoint).toEqual({ backupRef: 'b1' });
    expect(body.instance.configuration).toBe('c1');
    expect(body.instance.volume).toEqual({ size: 5, type: 'fast' });
    expect(body.instance.users).toBeUndefined();
  });
  it('words every bad input', () => {
    const r = issues(InstanceCreateSchema.safeParse({ ...INSTANCE_CREATE_DEFAULTS, size: '0', password: 'x', databases: 'ok, bad name@x', host: 'a b' }));
    expect(r).toMatchObject({
      name: 'kinds.databaseInstance.errors.nameRequired', datastore: 'kinds.databaseInstance.errors.datastore', flavorId: 'kinds.databaseInstance.errors.flavor',
      size: 'kinds.databaseInstance.errors.size', databases: 'kinds.databaseInstance.errors.dbList', host: 'kinds.databaseInstance.errors.host',
    });
    expect(issues(InstanceCreateSchema.safeParse({ ...valid, password: '' })).password).toBe('kinds.databaseInstance.errors.passwordRequired');
    expect(issues(InstanceCreateSchema.safeParse({ ...valid, userName: '' })).userName).toBe('kinds.databaseInstance.errors.passwordWithoutUser');
  });
  it('shows a CLI line that pastes: the name before --databases and --users, the password a placeholder', () => {
    expect(instanceCreateCli(valid, { flavor: 'm1.small' })).toBe("openstack database instance create shop --flavor m1.small --size 5 --datastore mysql --datastore-version 5.7.29 --nic net-id=net --databases app reports --users 'app:<password>'");
  });
  it('warns of a network whose subnet is on no router (Trove would end the instance in ERROR)', () => {
    expect(networkRouter({ project_id: 'p' }, 'p', [{ device_owner: 'network:dhcp' }])).toBe('none');
    expect(networkRouter({ project_id: 'p' }, 'p', [{ device_owner: 'network:router_interface' }])).toBe('ok');
    expect(networkRouter({ project_id: 'admin' }, 'p', [])).toBe('unknown');
  });
  it('takes the datastore version of the backup, else the choice, else the first default', () => {
    const versions = versionChoices([{ name: 'mysql', default_version: 'v2', versions: [{ id: 'v1', name: '5.7.28' }, { id: 'v2', name: '5.7.29' }] }, { name: 'mariadb', default_version: 'm', versions: [{ id: 'm', name: '10.4' }] }]);
    expect(versions.map((v) => v.value)).toEqual(['mysql|5.7.29', 'mysql|5.7.28', 'mariadb|10.4']);
    expect(effectiveDatastore('', versions)).toBe('mysql|5.7.29');
    expect(effectiveDatastore('mariadb|10.4', versions)).toBe('mariadb|10.4');
    expect(effectiveDatastore('mariadb|10.4', versions, { datastore: { type: 'mysql', version: '5.7.28' } })).toBe('mysql|5.7.28');
  });
});

describe('databases, users, backups and configuration groups', () => {
  it('addresses a user as name@host, percent-encoded with dots (troveclient’s quote_user_host)', () => {
    expect(userPathSegment('u2', '%')).toBe('u2%40%25');
    expect(userPathSegment('a.b', '10.0.0.%')).toBe('a%2eb%4010%2e0%2e0%2e%25');
    expect(userPathSegment('solo')).toBe('solo');
    expect(userDefinition('i1').actions![0].request({ name: 'u2', host: '%' })).toEqual({ method: 'DELETE', path: 'instances/i1/users/u2%40%25' });
  });
  it('creates a user with a host and databases, and grants more', () => {
    const i = UserCreateSchema.parse({ name: 'reader', password: 'pw', host: '', databases: 'reports' });
    expect(userCreateRequest('i1', i)).toEqual({ method: 'POST', path: 'instances/i1/users', body: { users: [{ name: 'reader', password: 'pw', databases: [{ name: 'reports' }] }] } });
    expect(userCreateCli('db1', { ...i, host: '%' })).toBe('openstack database user create --host % --databases reports db1 reader \'<password>\'');
    expect(grantRequest('i1', { name: 'reader', host: '%' }, ['a', 'b'])).toEqual({ method: 'PUT', path: 'instances/i1/users/reader%40%25/databases', body: { databases: [{ name: 'a' }, { name: 'b' }] } });
    expect(grantCli('db1', { name: 'reader', host: '%' }, ['a'])).toBe('openstack database user grant access --host % db1 reader a');
    expect(revokeRequest('i1', { name: 'reader', host: '%' }, 'app.v2')).toEqual({ method: 'DELETE', path: 'instances/i1/users/reader%40%25/databases/app%2ev2' });
    expect(revokeCli('db1', { name: 'reader', host: null }, 'a')).toBe('openstack database user revoke access db1 reader a');
    // Ticking c and unticking a: one grant of c, one revoke of a; b stays.
    expect(accessChange(['a', 'b'], ['b', 'c'])).toEqual({ grant: ['c'], revoke: ['a'] });
    expect(accessChange(['a'], ['a'])).toEqual({ grant: [], revoke: [] });
    expect(issues(UserCreateSchema.safeParse({ name: 'a b', password: '', host: '', databases: '' }))).toEqual({ name: 'kinds.databaseInstance.errors.userCharacters', password: 'kinds.databaseInstance.errors.passwordRequired' });
  });
  it('creates a database with its character set only when given', () => {
    expect(databaseCreateRequest('i1', { name: 'reports', characterSet: '', collate: '' }).body).toEqual({ databases: [{ name: 'reports' }] });
    expect(databaseCreateRequest('i1', { name: 'r', characterSet: 'utf8mb4', collate: 'utf8mb4_bin' }).body).toEqual({ databases: [{ name: 'r', character_set: 'utf8mb4', collate: 'utf8mb4_bin' }] });
  });
  it('grows a volume only (same size: nothing sent)', () => {
    expect(volumeResizeRequest(inst(), 2)).toBeUndefined();
    expect(volumeResizeRequest(inst(), 3)).toEqual({ method: 'POST', path: 'instances/i1/action', body: { resize: { volume: { size: 3 } } } });
  });
  it('backs up an instance', () => {
    const i = BackupCreateSchema.parse({ name: 'nightly', instanceId: 'i1', description: '' });
    expect(backupCreateRequest(i)).toEqual({ method: 'POST', path: 'backups', body: { backup: { name: 'nightly', instance: 'i1' } } });
    expect(backupCreateCli(i, 'db1')).toBe('openstack database backup create nightly --instance db1');
  });
  it('reads configuration values as a JSON object of at least one setting', () => {
    expect(parseValues('{"max_connections": 200}')).toEqual({ max_connections: 200 });
    for (const bad of ['', '[]', '{}', '{max_connections: 1}', '3']) expect(parseValues(bad)).toBeUndefined();
    const c = ConfigurationCreateSchema.parse({ name: 'big', description: '', datastore: 'mysql', version: '', values: '{"max_connections": 200}' });
    expect(configurationCreateRequest(c).body).toEqual({ configuration: { name: 'big', values: { max_connections: 200 }, datastore: { type: 'mysql' } } });
  });
});

describe('root and guest logs', () => {
  it('enables root with a POST and shows a mysql command that asks for the password', () => {
    expect(enableRootRequest({ id: 'i1' })).toEqual({ method: 'POST', path: 'instances/i1/root' });
    expect(enableRootCli({ id: 'i1', name: 'shop' })).toBe('openstack database root enable shop');
    expect(mysqlCommand('10.0.0.5', 'root')).toBe('mysql -h 10.0.0.5 -u root -p');
    expect(RootUserSchema.parse({ user: { name: 'root', password: '12345' } }).user.password).toBe('12345');
  });
  it('reads Trove’s null log list, and offers per log what its status allows', () => {
    expect(LogsSchema.parse({ logs: null }).logs).toBeNull();
    expect(logVerbs({ name: 'general', type: 'USER', status: 'Disabled' })).toEqual(['enable']);
    expect(logVerbs({ name: 'general', type: 'USER', status: 'Enabled', published: 0 })).toEqual(['publish', 'disable']);
    expect(logVerbs({ name: 'guest', type: 'SYS', status: 'Ready', published: 10 })).toEqual(['publish', 'discard']);
    expect(logVerbs({ name: 'x', type: 'SYS', status: 'Unavailable' })).toEqual([]);
    expect(logActionRequest({ id: 'i1' }, 'general', 'publish')).toEqual({ method: 'POST', path: 'instances/i1/log', body: { name: 'general', publish: 1 } });
    expect(logActionCli({ id: 'i1', name: 'shop' }, 'general', 'enable')).toBe('openstack database log enable shop general');
  });
});

describe('Trove on the demo cloud, through the definitions', () => {
  let cloud: DemoCloud;
  let token: string;
  let networkId: string;
  const trove = (method: string, path: string, body?: unknown) => call(cloud, method, `/database/v1.0/${seedProjectId('demo')}/${path}`, { token, body });
  beforeAll(async () => {
    cloud = await startTestCloud({ speed: 100 });
    token = await login(cloud, 'demo', 'demo');
    networkId = ((await call(cloud, 'GET', '/network/v2.0/networks?name=private', { token })).body as { networks: { id: string }[] }).networks[0].id;
  }, 30_000);
  afterAll(() => cloud?.close());

  it('creates an instance with a database and a user, refuses its delete while BUILD in words we explain, adds a user once ACTIVE, deletes it', async () => {
    const input = InstanceCreateSchema.parse({ ...INSTANCE_CREATE_DEFAULTS, name: 'unit-db', datastore: 'mysql|5.7.29', flavorId: '2', size: '1', networkId, databases: 'appdb', userName: 'app', password: 'pw' });
    const req = instanceCreateRequest(input);
    const created = await trove(req.method, req.path, req.body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const instance = parseItem(InstanceSchema, created.body, 'instance', 'create');
    expect(instance.status).toBe('BUILD');
    const early = await trove('DELETE', `instances/${instance.id}`);
    if (early.status === 422) expect(explainFailure((early.body as { unprocessableEntity: { message: string } }).unprocessableEntity.message)).toBeDefined();
    await expect.poll(async () => parseItem(InstanceSchema, (await trove('GET', `instances/${instance.id}`)).body, 'instance', 'get').status, { timeout: 20_000 }).toBe('ACTIVE');

    const dbs = parseList(DatabaseSchema, (await trove('GET', `instances/${instance.id}/databases`)).body, 'databases', 'list');
    expect(dbs.map((d) => d.name)).toContain('appdb');
    const add = userCreateRequest(instance.id, UserCreateSchema.parse({ name: 'reader', password: 'pw2', host: '%', databases: 'appdb' }));
    expect((await trove(add.method, add.path, add.body)).status).toBe(202);
    const users = parseList(UserSchema, (await trove('GET', `instances/${instance.id}/users`)).body, 'users', 'list');
    expect(users.find((u) => u.name === 'reader')).toMatchObject({ host: '%', databases: [{ name: 'appdb' }] });
    expect((await trove('DELETE', `instances/${instance.id}`)).status).toBe(202);
  });

  // Real Trove 18 answers 202 to DELETE .../users/reader%40%25 (troveclient's path for reader@%); the demo cloud
  // decodes the user segment once, as it does (it once decoded it twice and answered 500).
  it('deletes a user addressed as name@%', async () => {
    const input = InstanceCreateSchema.parse({ ...INSTANCE_CREATE_DEFAULTS, name: 'unit-db-2', datastore: 'mysql|5.7.29', flavorId: '2', size: '1', networkId });
    const req = instanceCreateRequest(input);
    const instance = parseItem(InstanceSchema, (await trove(req.method, req.path, req.body)).body, 'instance', 'create');
    await expect.poll(async () => parseItem(InstanceSchema, (await trove('GET', `instances/${instance.id}`)).body, 'instance', 'get').status, { timeout: 20_000 }).toBe('ACTIVE');
    const add = userCreateRequest(instance.id, UserCreateSchema.parse({ name: 'reader', password: 'pw2', host: '', databases: '' }));
    expect((await trove(add.method, add.path, add.body)).status).toBe(202);
    const del = userDefinition(instance.id).actions![0].request({ name: 'reader', host: '%' });
    const gone = await trove(del.method, del.path);
    expect(gone.status, JSON.stringify(gone.body)).toBe(202);
  });
});
