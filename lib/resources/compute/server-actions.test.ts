// Issue 19's instance actions: which states offer them, the calls they make, their CLI, and the launch form's new
// inputs (server group, volume type, config drive, scheduler hints); server groups' create.
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { launchCli, launchRequest, parseHints, serverDefinition, ServerCreateSchema, serverStatus, type Server, type ServerCreate } from './server';
import { interfaceCli, InterfaceSchema, interfaceRequest, isIp, liveMigrateCli, liveMigrateRequest, parseTags, rebuildCli, rebuildRequest, rescueRequest, TagsSchema, tagsRequest } from './server-actions';
import { groupPolicy, serverGroupCreateCli, serverGroupCreateRequest, ServerGroupCreateSchema, serverGroupDefinition } from './server-group';

const server = (over: Partial<Server> = {}) => ({ id: 'srv', name: 'web', status: 'ACTIVE', flavor: {}, image: { id: 'img' }, addresses: {}, created: '', ...over }) as Server;
const action = (id: string) => serverDefinition.actions!.find((a) => a.id === id)!;
const form = (id: string) => serverDefinition.forms!.find((f) => f.id === id)!;
const offered = (s: Server, admin = false) => [
  ...serverDefinition.actions!.filter((a) => a.allowed(s, { isAdmin: admin })).map((a) => a.id),
  ...serverDefinition.forms!.filter((f) => (!f.adminOnly || admin) && (!f.when || f.when(s))).map((f) => f.id),
];

describe('instance actions by state', () => {
  it('offers what Nova accepts in each state', () => {
    const active = offered(server());
    expect(active).toEqual(expect.arrayContaining(['shelve', 'rebuild', 'rescue', 'lock', 'attach-interface', 'tags']));
    expect(active).not.toContain('unrescue');
    expect(active).not.toContain('migrate');
    expect(offered(server(), true)).toEqual(expect.arrayContaining(['migrate', 'live-migrate', 'evacuate']));
    expect(offered(server({ status: 'RESCUE' }))).toContain('unrescue');
    expect(offered(server({ status: 'RESCUE' }))).not.toContain('rescue');
    expect(offered(server({ status: 'SHELVED_OFFLOADED' }))).toContain('unshelve');
    expect(offered(server({ status: 'SHELVED_OFFLOADED' }))).not.toContain('attach-interface');
    // A paused server live-migrates but is not cold-migrated.
    expect(offered(server({ status: 'PAUSED' }), true)).toContain('live-migrate');
    expect(offered(server({ status: 'PAUSED' }), true)).not.toContain('migrate');
    // While a task runs, nothing new starts.
    expect(offered(server({ 'OS-EXT-STS:task_state': 'rebuilding', status: 'REBUILD' }))).not.toContain('rebuild');
  });
  it('lock is a form until locked, unlock an action after', () => {
    expect(offered(server())).not.toContain('unlock');
    expect(offered(server({ locked: true }))).toContain('unlock');
    expect(offered(server({ locked: true }))).not.toContain('lock');
    expect(form('lock').request(server(), { reason: 'maintenance' })).toEqual({ method: 'POST', path: 'servers/srv/action', body: { lock: { locked_reason: 'maintenance' } } });
    expect(form('lock').request(server(), { reason: '' })).toEqual({ method: 'POST', path: 'servers/srv/action', body: { lock: null } });
    expect(form('lock').cli(server(), { reason: 'maintenance' }, {})).toBe('openstack --os-compute-api-version 2.73 server lock --reason maintenance srv');
    expect(en(serverDefinition.overview!.find((f) => f.label === 'kinds.server.overview.locked')!.value(server({ locked: true, locked_reason: 'disk swap' }), { lookups: {} }) as never)).toBe('Yes: disk swap');
  });
  it('polls through the new transitional states, and not in the stable ones', () => {
    for (const status of ['REBUILD', 'MIGRATING']) expect(serverStatus(server({ status })).tone).toBe('busy');
    expect(serverStatus(server({ status: 'ACTIVE', 'OS-EXT-STS:task_state': 'shelving_image_uploading' })).tone).toBe('busy');
    for (const status of ['RESCUE', 'SHELVED_OFFLOADED', 'VERIFY_RESIZE']) expect(serverStatus(server({ status })).tone).toBe('ok');
    expect(action('shelve').optimistic!(server())['OS-EXT-STS:task_state']).toBe('shelving');
  });
  it('shelve confirms naming the instances', () => {
    const c = action('shelve').confirm!;
    expect(en(c.title([server(), server()]))).toBe('Shelve 2 instances?');
    expect(en(c.body([server()]))).toMatch(/^This shuts down web, saves each disk as an image/);
  });
});

describe('instance action calls', () => {
  it('rebuild sends the image, a changed name and the ephemeral flag only when asked', () => {
    expect(rebuildRequest(server(), { imageId: 'i2', name: 'web', preserveEphemeral: false }).body).toEqual({ rebuild: { imageRef: 'i2' } });
    expect(rebuildRequest(server(), { imageId: 'i2', name: 'web2', preserveEphemeral: true }).body).toEqual({ rebuild: { imageRef: 'i2', name: 'web2', preserve_ephemeral: true } });
    expect(rebuildCli(server(), { imageId: 'i2', name: 'web2', preserveEphemeral: true }, { i2: 'cirros' })).toBe('openstack server rebuild --image cirros --name web2 --preserve-ephemeral srv');
    expect(form('rebuild').initial(server())).toEqual({ imageId: 'img', name: 'web', preserveEphemeral: false });
  });
  it('rescue sends the image and password when given', () => {
    expect(rescueRequest(server(), { imageId: '', password: '' }).body).toEqual({ rescue: {} });
    expect(rescueRequest(server(), { imageId: 'i', password: 'pw' }).body).toEqual({ rescue: { adminPass: 'pw', rescue_image_ref: 'i' } });
    // The password never reaches the CLI hint.
    expect(form('rescue').cli(server(), { imageId: 'i', password: 'secret' }, { i: 'cirros' })).toBe("openstack server rescue --image cirros --password '<password>' srv");
  });
  it('attaches an interface by network with a fixed IP, or by port', () => {
    const net = InterfaceSchema.parse({ by: 'network', networkId: 'n1', portId: '', fixedIp: '10.0.0.9' });
    expect(interfaceRequest(server(), net)).toEqual({ method: 'POST', path: 'servers/srv/os-interface', body: { interfaceAttachment: { net_id: 'n1', fixed_ips: [{ ip_address: '10.0.0.9' }] } } });
    expect(interfaceRequest(server(), { by: 'port', networkId: '', portId: 'p1', fixedIp: '' }).body).toEqual({ interfaceAttachment: { port_id: 'p1' } });
    expect(interfaceCli(server(), { by: 'network', networkId: 'n1', fixedIp: '10.0.0.9' }, { n1: 'private' })).toBe('openstack server add network --fixed-ip-address 10.0.0.9 srv private');
    expect(interfaceCli(server(), { by: 'port', portId: 'p1' }, {})).toBe('openstack server add port srv p1');
    const bad = InterfaceSchema.safeParse({ by: 'network', networkId: '', portId: '', fixedIp: '10.0.0.300' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(['kinds.server.errors.networkRequired', 'kinds.server.errors.fixedIp']);
    expect(InterfaceSchema.safeParse({ by: 'port', networkId: '', portId: '', fixedIp: '' }).error?.issues[0].message).toBe('kinds.server.errors.portRequired');
  });
  it('checks addresses', () => {
    for (const ip of ['10.0.0.1', '2001:db8::1', '::1', '2001:db8:0:0:0:0:0:1']) expect(isIp(ip), ip).toBe(true);
    for (const ip of ['10.0.0', '256.1.1.1', '2001:db8::1::2', 'host', '1:2:3']) expect(isIp(ip), ip).toBe(false);
  });
  it('tags: Nova rules, and nothing sent when unchanged', () => {
    expect(parseTags('blue, green\nblue\n')).toEqual({ tags: ['blue', 'green'] });
    expect(parseTags('a/b')).toEqual({ error: 'kinds.server.errors.tagChars' });
    expect(parseTags('x'.repeat(61))).toEqual({ error: 'kinds.server.errors.tagLength' });
    expect(parseTags(Array.from({ length: 51 }, (_, i) => `t${i}`).join(','))).toEqual({ error: 'kinds.server.errors.tooManyTags' });
    expect(TagsSchema.safeParse({ tags: 'a/b' }).error?.issues[0]).toMatchObject({ path: ['tags'], message: 'kinds.server.errors.tagChars' });
    expect(tagsRequest(server({ tags: ['b', 'a'] }), ['a', 'b'])).toBeUndefined();
    expect(tagsRequest(server({ tags: ['a'] }), [])).toEqual({ method: 'PUT', path: 'servers/srv/tags', body: { tags: [] } });
    expect(form('tags').cli(server(), { tags: 'blue\ngreen' }, {})).toBe('openstack --os-compute-api-version 2.26 server set --no-tag --tag blue --tag green srv');
  });
  it('migrations: automatic or a named host; block migration auto, on or off', () => {
    expect(form('migrate').request(server(), { host: '' })!.body).toEqual({ migrate: null });
    expect(form('migrate').request(server(), { host: 'c2' })!.body).toEqual({ migrate: { host: 'c2' } });
    expect(liveMigrateRequest(server(), { host: '', blockMigration: 'auto' }).body).toEqual({ 'os-migrateLive': { host: null, block_migration: 'auto' } });
    expect(liveMigrateRequest(server(), { host: 'c2', blockMigration: 'true' }).body).toEqual({ 'os-migrateLive': { host: 'c2', block_migration: true } });
    expect(liveMigrateCli(server(), { host: 'c2', blockMigration: 'true' })).toBe('openstack --os-compute-api-version 2.79 server migrate --live-migration --host c2 --block-migration srv');
    expect(form('evacuate').request(server(), { host: '' })!.body).toEqual({ evacuate: {} });
  });
});

describe('launch: server group, volume type, config drive, hints', () => {
  const base: ServerCreate = { name: 'w', count: 1, source: 'image', imageId: 'img', flavorId: 'f', networks: ['n'], keyName: '', securityGroups: [], userData: '', availabilityZone: '' };
  it('sends the group as a scheduler hint beside the server, with the typed hints', () => {
    const body = launchRequest({ ...base, serverGroup: 'g1', hints: 'different_host=a\ndifferent_host=b\nquery=x' }).body as Record<string, unknown>;
    expect(body['os:scheduler_hints']).toEqual({ different_host: ['a', 'b'], query: 'x', group: 'g1' });
    expect(launchRequest(base).body).toEqual({ server: expect.any(Object) });
    expect(launchCli({ ...base, serverGroup: 'g1' })).toContain('--hint group=g1');
  });
  it('boots from a volume of the chosen type, with a config drive', () => {
    const body = launchRequest({ ...base, source: 'volume', volumeSize: 2, volumeType: 'fast', configDrive: true }).body as { server: Record<string, unknown> };
    expect(body.server.block_device_mapping_v2).toEqual([expect.objectContaining({ volume_type: 'fast', volume_size: 2 })]);
    expect(body.server.config_drive).toBe(true);
    const cli = launchCli({ ...base, source: 'volume', volumeSize: 2, volumeType: 'fast', configDrive: true });
    expect(cli).toContain('--os-compute-api-version 2.67');
    expect(cli).toContain('volume_type=fast');
    expect(cli).toContain('--config-drive True');
  });
  it('refuses a hint that is not key=value', () => {
    expect(parseHints('a=1\n\n b = 2 ')).toEqual({ hints: { a: '1', b: '2' } });
    expect(parseHints('novalue')).toEqual({ error: 'kinds.server.errors.schedulerHint' });
    expect(parseHints('=x')).toEqual({ error: 'kinds.server.errors.schedulerHint' });
    const r = ServerCreateSchema.safeParse({ ...base, hints: 'oops' });
    expect(r.error?.issues[0]).toMatchObject({ path: ['hints'], message: 'kinds.server.errors.schedulerHint' });
  });
});

describe('server groups', () => {
  it('creates with a policy; the per-host rule only for anti-affinity', () => {
    const v = ServerGroupCreateSchema.parse({ name: 'g', policy: 'anti-affinity', maxPerHost: '2' });
    expect(serverGroupCreateRequest(v).body).toEqual({ server_group: { name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: 2 } } });
    expect(serverGroupCreateRequest({ ...v, policy: 'affinity' }).body).toEqual({ server_group: { name: 'g', policy: 'affinity' } });
    expect(serverGroupCreateCli(v)).toBe('openstack --os-compute-api-version 2.64 server group create --policy anti-affinity --rule max_server_per_host=2 g');
    expect(ServerGroupCreateSchema.safeParse({ name: 'g', policy: 'anti-affinity', maxPerHost: '0' }).error?.issues[0].message).toBe('kinds.serverGroup.errors.maxPerHost');
    expect(ServerGroupCreateSchema.safeParse({ name: ' ', policy: 'x', maxPerHost: '' }).error?.issues.map((i) => i.message)).toEqual(['kinds.serverGroup.errors.nameRequired', 'kinds.serverGroup.errors.policy']);
  });
  it('reads the policy at any microversion and names members from the lookup', () => {
    expect(groupPolicy({ policies: ['affinity'] })).toBe('affinity');
    expect(groupPolicy({ policy: 'soft-affinity' })).toBe('soft-affinity');
    const g = { id: 'g', name: 'g', members: ['s1', 's2'] };
    const members = serverGroupDefinition.columns.find((c) => c.id === 'members')!;
    expect(members.value(g, { lookups: { members: { s1: 'web' } } })).toEqual(['web', 's2']);
    const lookup = serverGroupDefinition.lookups![0];
    expect(lookup.each!('s1')).toBe('servers/s1');
    expect(lookup.label({ server: { id: 's1', name: 'web' } })).toBe('web');
  });
});
