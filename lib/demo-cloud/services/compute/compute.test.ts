import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../core/ids';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';
import { findNetwork, portsOfServer } from '../network/api';

// Nova through HTTP with an injected clock: transitions are stepped with advance(), no waiting.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let cloud: DemoCloud;
let now = Date.now();
const advance = (seconds: number) => {
  now += seconds * 1000;
};
let demo: string;
let team: string;
let admin: string;
const C = '/compute/v2.1';
const MV: Record<string, string> = { 'OpenStack-API-Version': 'compute 2.79' };
const req = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = MV) => {
  const r = await call(cloud, method, `${C}${path}`, { token, body, headers });
  return { ...r, body: r.body as Obj };
};
const get = (path: string, token = demo, headers = MV) => req('GET', path, token, undefined, headers);
const post = (path: string, body: unknown, token = demo, headers = MV) => req('POST', path, token, body, headers);
const action = (id: string, body: unknown, token = demo) => post(`/servers/${id}/action`, body, token);
const server = async (id: string, token = demo) => (await get(`/servers/${id}`, token)).body.server as Obj;

const CIRROS = stableUuid('image', 'cirros');
const FAIL_IMAGE = stableUuid('image', 'fail-image');
let privateNet: string;

async function boot(name: string, extra: Obj = {}, token = demo): Promise<string> {
  const r = await post('/servers', { server: { name, imageRef: CIRROS, flavorRef: '1', networks: [{ uuid: privateNet }], ...extra } }, token);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  return (r.body as Obj).server.id as string;
}
async function active(name: string): Promise<string> {
  const id = await boot(name);
  advance(10);
  expect((await server(id)).status).toBe('ACTIVE');
  return id;
}

beforeAll(async () => {
  cloud = await startTestCloud({ now: () => now, failureFixtures: true });
  demo = await login(cloud, 'demo', 'demo');
  team = await login(cloud, 'demo', 'demo-team');
  admin = await login(cloud, 'admin', 'admin');
  privateNet = findNetwork(cloud.core, 'private', seedProjectId('demo'))!.id;
});
afterAll(async () => {
  await cloud.close();
});

describe('servers: life cycle', () => {
  it('create -> BUILD -> ACTIVE with addresses and security groups from the ports', async () => {
    const r = await post('/servers', { server: { name: 'unit-a', imageRef: CIRROS, flavorRef: '1', networks: [{ uuid: privateNet }] } });
    expect(r.status).toBe(202);
    const s = (r.body as Obj).server;
    expect(s).toMatchObject({ 'OS-DCF:diskConfig': 'MANUAL', security_groups: [{ name: 'default' }] });
    expect(typeof s.adminPass).toBe('string');
    expect(r.headers.get('location')).toContain(`/compute/v2.1/servers/${s.id}`);
    const building = await server(s.id);
    expect(building).toMatchObject({ status: 'BUILD', 'OS-EXT-STS:vm_state': 'building', addresses: {} });
    advance(10);
    const up = await server(s.id);
    expect(up).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:power_state': 1, security_groups: [{ name: 'default' }] });
    expect(up.addresses.private[0]).toMatchObject({ version: 4, 'OS-EXT-IPS:type': 'fixed' });
    expect(up.flavor).toMatchObject({ original_name: 'm1.tiny', vcpus: 1, ram: 512 });
  });

  it('a -slowbuild name stays in BUILD ten times longer (30-60 s nominal), then turns ACTIVE', async () => {
    const id = await boot('unit-slowbuild-a');
    advance(29);
    expect((await server(id)).status).toBe('BUILD');
    advance(32);
    expect((await server(id)).status).toBe('ACTIVE');
    expect((await req('DELETE', `/servers/${id}`, demo)).status).toBe(204);
    advance(10);
  });

  it('a fail- image ends in ERROR with a fault (details for admins only)', async () => {
    const r = await post('/servers', { server: { name: 'unit-fail', imageRef: FAIL_IMAGE, flavorRef: '1', networks: 'none' } });
    expect(r.status).toBe(202);
    const id = (r.body as Obj).server.id;
    advance(10);
    const s = await server(id);
    expect(s.status).toBe('ERROR');
    expect(s.fault).toMatchObject({ code: 500, message: 'No valid host was found. There are not enough hosts available.' });
    expect(s.fault.details).toBeUndefined();
    expect((await server(id, admin)).fault.details).toContain('NoValidHost');
  });

  it('stop/start/reboot/pause/suspend transitions and 409 for invalid ones', async () => {
    const id = await active('unit-power');
    const conflict = await action(id, { 'os-start': null });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ conflictingRequest: { code: 409, message: `Cannot 'start' instance ${id} while it is in vm_state active` } });

    const steps: Array<[Obj, string, string]> = [
      [{ 'os-stop': null }, 'powering-off', 'SHUTOFF'],
      [{ 'os-start': null }, 'powering-on', 'ACTIVE'],
      [{ reboot: { type: 'SOFT' } }, 'reboot_started', 'ACTIVE'],
      [{ reboot: { type: 'HARD' } }, 'reboot_started_hard', 'ACTIVE'],
      [{ pause: null }, 'pausing', 'PAUSED'],
      [{ unpause: null }, 'unpausing', 'ACTIVE'],
      [{ suspend: null }, 'suspending', 'SUSPENDED'],
      [{ resume: null }, 'resuming', 'ACTIVE'],
    ];
    for (const [body, task, final] of steps) {
      const r = await action(id, body);
      expect(r.status, JSON.stringify(body)).toBe(202);
      expect((await server(id))['OS-EXT-STS:task_state']).toBe(task);
      // A second action while the task runs is refused.
      if (final === 'SHUTOFF') expect((await action(id, { 'os-stop': null })).status).toBe(409);
      advance(5);
      expect((await server(id)).status).toBe(final);
    }
    expect((await action(id, { unpause: null })).status).toBe(409);
    expect((await action(id, { reboot: {} })).status).toBe(400);
    expect((await action(id, { nosuch: null })).body).toEqual({ badRequest: { code: 400, message: 'There is no such action: nosuch' } });
  });

  it('resize: VERIFY_RESIZE, confirm keeps the new flavor, revert restores the old one', async () => {
    const id = await active('unit-resize');
    expect((await action(id, { confirmResize: null })).status).toBe(409);
    expect((await action(id, { resize: { flavorRef: '2' } })).status).toBe(202);
    expect((await server(id)).status).toBe('RESIZE');
    advance(10);
    let s = await server(id);
    expect(s.status).toBe('VERIFY_RESIZE');
    expect(s.flavor.original_name).toBe('m1.small');
    expect((await action(id, { confirmResize: null })).status).toBe(204);
    s = await server(id);
    expect(s.status).toBe('ACTIVE');
    expect(s.flavor.original_name).toBe('m1.small');

    expect((await action(id, { resize: { flavorRef: '3' } })).status).toBe(202);
    advance(10);
    expect((await action(id, { revertResize: null })).status).toBe(202);
    expect((await server(id)).status).toBe('REVERT_RESIZE');
    advance(5);
    s = await server(id);
    expect(s.status).toBe('ACTIVE');
    expect(s.flavor.original_name).toBe('m1.small');
  });

  it('delete passes through deleting, then the server is gone and its ports released', async () => {
    const id = await active('unit-delete');
    expect(portsOfServer(cloud.core, id)).toHaveLength(1);
    expect((await req('DELETE', `/servers/${id}`, demo)).status).toBe(204);
    expect(portsOfServer(cloud.core, id)).toHaveLength(0);
    expect((await server(id))['OS-EXT-STS:task_state']).toBe('deleting');
    advance(5);
    const gone = await get(`/servers/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ itemNotFound: { code: 404, message: `Instance ${id} could not be found.` } });
    const list = (await get('/servers')).body.servers as Obj[];
    expect(list.map((s) => s.id)).not.toContain(id);
  });
});

describe('microversions', () => {
  it('echoes the version headers, 406 beyond the maximum, latest = 2.93', async () => {
    const r = await get('/servers');
    expect(r.headers.get('openstack-api-version')).toBe('compute 2.79');
    expect(r.headers.get('x-openstack-nova-api-version')).toBe('2.79');
    expect(r.headers.get('vary')).toContain('OpenStack-API-Version');
    const bad = await get('/servers', demo, { 'OpenStack-API-Version': 'compute 2.200' });
    expect(bad.status).toBe(406);
    expect(JSON.stringify(bad.body)).toContain('Version 2.200 is not supported by the API. Minimum is 2.1 and maximum is 2.93.');
    expect((await get('/servers', demo, { 'OpenStack-API-Version': 'compute latest' })).headers.get('openstack-api-version')).toBe('compute 2.93');
    expect((await get('/servers', demo, { 'X-OpenStack-Nova-API-Version': '2.60' })).headers.get('x-openstack-nova-api-version')).toBe('2.60');
  });

  it('flavor is a dict from 2.47, a link before', async () => {
    const id = (((await get('/servers')).body.servers as Obj[])[0]).id as string;
    const old = (await get(`/servers/${id}`, demo, { 'OpenStack-API-Version': 'compute 2.46' })).body.server;
    expect(Object.keys(old.flavor).sort()).toEqual(['id', 'links']);
    const neu = (await get(`/servers/${id}`, demo, { 'OpenStack-API-Version': 'compute 2.47' })).body.server;
    expect(Object.keys(neu.flavor).sort()).toEqual(['disk', 'ephemeral', 'extra_specs', 'original_name', 'ram', 'swap', 'vcpus']);
    const v21 = (await get(`/servers/${id}`, demo, {})).body.server;
    expect(v21.locked).toBeUndefined();
  });
});

describe('tenancy and policy', () => {
  it("another project's token cannot see demo's servers", async () => {
    const id = (((await get('/servers')).body.servers as Obj[])[0]).id as string;
    expect((await get(`/servers/${id}`, team)).status).toBe(404);
    expect(((await get('/servers/detail', team)).body.servers as Obj[]).map((s) => s.id)).not.toContain(id);
    expect((await action(id, { 'os-stop': null }, team)).status).toBe(404);
  });

  it('all_tenants: 403 for members, every project for admins', async () => {
    const r = await get('/servers?all_tenants=1');
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed." } });
    const all = (await get('/servers/detail?all_tenants=1', admin)).body.servers as Obj[];
    expect(all.some((s) => s.tenant_id === seedProjectId('demo'))).toBe(true);
    expect(((await get('/servers', admin)).body.servers as Obj[]).some((s) => s.name === 'web-1')).toBe(false);
  });

  it("quota exceeded is a 403 with Nova's message", async () => {
    const pid = seedProjectId('demo-team');
    expect((await req('PUT', `/os-quota-sets/${pid}`, demo, { quota_set: { instances: 1 } })).status).toBe(403);
    expect((await req('PUT', `/os-quota-sets/${pid}`, admin, { quota_set: { instances: 1 } })).status).toBe(200);
    const body = { server: { name: 'unit-quota', imageRef: CIRROS, flavorRef: '1', networks: 'none' } };
    expect((await post('/servers', body, team)).status).toBe(202);
    const r = await post('/servers', body, team);
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ forbidden: { code: 403, message: 'Quota exceeded for instances: Requested 1, but already used 1 of 1 instances' } });
  });

  it('flavor create is admin only', async () => {
    const f = { flavor: { name: 'unit-flavor', ram: 256, vcpus: 1, disk: 1 } };
    const r = await post('/flavors', f);
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed." } });
    expect((await post('/flavors', f, admin)).status).toBe(200);
  });
});

describe('keypairs', () => {
  it('create returns a private key, import validates, a duplicate is a 409', async () => {
    const r = await post('/os-keypairs', { keypair: { name: 'unit-key' } });
    expect(r.status).toBe(201);
    const kp = (r.body as Obj).keypair;
    expect(kp.private_key).toMatch(/BEGIN RSA PRIVATE KEY/);
    expect(kp.public_key).toMatch(/^ssh-rsa /);
    expect(kp.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    const dup = await post('/os-keypairs', { keypair: { name: 'unit-key' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ conflictingRequest: { code: 409, message: "Key pair 'unit-key' already exists." } });
    const bad = await post('/os-keypairs', { keypair: { name: 'unit-imported', public_key: 'ssh-rsa not-a-key' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ badRequest: { code: 400, message: 'Keypair data is invalid: failed to generate fingerprint' } });
    const ok = await post('/os-keypairs', { keypair: { name: 'unit-imported', public_key: kp.public_key } });
    expect(ok.status).toBe(201);
    expect((ok.body as Obj).keypair.private_key).toBeUndefined();
    expect((ok.body as Obj).keypair.fingerprint).toBe(kp.fingerprint);
  });
});

describe('volume attachments', () => {
  it('attach -> in-use, detach -> available', async () => {
    const pid = seedProjectId('demo');
    const V = `/volume/v3/${pid}/volumes`;
    const created = await call(cloud, 'POST', V, { token: demo, body: { volume: { size: 1, name: 'unit-vol' } } });
    expect(created.status).toBe(202);
    const vid = (created.body as Obj).volume.id as string;
    advance(10);
    const volume = async () => ((await call(cloud, 'GET', `${V}/${vid}`, { token: demo })).body as Obj).volume;
    expect((await volume()).status).toBe('available');
    const id = await active('unit-attach');
    const a = await post(`/servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: vid } });
    expect(a.status).toBe(200);
    expect((a.body as Obj).volumeAttachment).toMatchObject({ volumeId: vid, serverId: id, device: '/dev/vdb', delete_on_termination: false });
    advance(5);
    expect((await volume()).status).toBe('in-use');
    expect((await server(id))['os-extended-volumes:volumes_attached']).toEqual([{ id: vid, delete_on_termination: false }]);
    expect((await post(`/servers/${id}/os-volume_attachments`, { volumeAttachment: { volumeId: vid } })).status).toBe(400);
    expect((await req('DELETE', `/servers/${id}/os-volume_attachments/${vid}`, demo)).status).toBe(202);
    advance(5);
    expect((await volume()).status).toBe('available');
    expect((await server(id))['os-extended-volumes:volumes_attached']).toEqual([]);
  });
});

describe('bad input', () => {
  it("malformed JSON and missing fields answer 400 with Nova's body", async () => {
    const r = await call(cloud, 'POST', `${C}/servers`, { token: demo, rawBody: '{"server": ', headers: { ...MV, 'Content-Type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ badRequest: { code: 400, message: 'Malformed request body' } });
    const missing = await post('/servers', { server: { name: 'x', networks: 'none' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ badRequest: { code: 400, message: "Invalid input for field/attribute server. Value: {'name': 'x', 'networks': 'none'}. 'flavorRef' is a required property" } });
    expect((await post('/servers', {})).status).toBe(400);
    expect((await post('/servers', { server: { name: 'x', flavorRef: 'nope', imageRef: CIRROS, networks: 'none' } })).body).toEqual({
      badRequest: { code: 400, message: 'Flavor nope could not be found.' },
    });
    expect((await get('/servers/nope')).status).toBe(404);
  });
});

describe('lists', () => {
  it('pages with markers and servers_links, newest first', async () => {
    const all = (await get('/servers')).body.servers as Obj[];
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let path: string | null = '/servers/detail?limit=2';
    while (path) {
      const r = await get(path);
      const page = r.body.servers as Obj[];
      seen.push(...page.map((s) => s.id as string));
      const next = (r.body.servers_links as Obj[] | undefined)?.[0]?.href as string | undefined;
      if (page.length === 2) {
        expect(next).toBe(`${cloud.url}${C}/servers/detail?limit=2&marker=${page[1].id}`);
      } else {
        expect(next).toBeUndefined();
      }
      path = next ? next.slice(`${cloud.url}${C}`.length) : null;
    }
    expect(seen).toEqual(all.map((s) => s.id));
    // Newest first: the seeded servers come last, db-1 created after web-1.
    expect(all.map((s) => s.name).slice(-3)).toEqual(['db-1', 'web-2', 'web-1']);
    const bad = await get('/servers?marker=nope');
    expect(bad.body).toEqual({ badRequest: { code: 400, message: 'marker [nope] not found' } });
    expect((await get('/servers?limit=x')).status).toBe(400);
  });

  it("sorts as Nova: a batch shares its created_at (whole seconds), later keys order it, then the row id in the first direction", async () => {
    const r = await post('/servers', { server: { name: 'unit-batch', imageRef: CIRROS, flavorRef: '1', networks: [{ uuid: privateNet }], min_count: 2, max_count: 2 } });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const names = async (q: string) =>
      ((await get(`/servers/detail?name=${encodeURIComponent('^unit-batch')}&${q}`)).body.servers as Obj[]).map((s) => s.name);
    const created = new Set(((await get(`/servers/detail?name=${encodeURIComponent('^unit-batch')}`)).body.servers as Obj[]).map((s) => s.created));
    expect(created.size).toBe(1);
    // Created last, numbered last: without more keys the newest row comes first, as in Nova.
    expect(await names('')).toEqual(['unit-batch-2', 'unit-batch-1']);
    expect(await names('sort_key=created_at&sort_dir=desc&sort_key=display_name&sort_dir=asc')).toEqual(['unit-batch-1', 'unit-batch-2']);
    expect(await names('sort_key=created_at&sort_dir=desc&sort_key=display_name&sort_dir=desc')).toEqual(['unit-batch-2', 'unit-batch-1']);
    // The appended created_at and id take the first direction: ascending here, so the oldest row first.
    expect(await names('sort_key=vm_state&sort_dir=asc')).toEqual(['unit-batch-1', 'unit-batch-2']);
    // Gone again, so the project's instance quota is left to the other tests.
    for (const s of (await get(`/servers?name=${encodeURIComponent('^unit-batch')}`)).body.servers as Obj[]) expect((await req('DELETE', `/servers/${String(s.id)}`, demo)).status).toBe(204);
    advance(10);
    expect((await get(`/servers?name=${encodeURIComponent('^unit-batch')}`)).body.servers).toEqual([]);
  });

  it('list views follow changes (updates, actions, transitions)', async () => {
    const id = await active('unit-list');
    const inList = async () => ((await get('/servers/detail')).body.servers as Obj[]).find((s) => s.id === id)!;
    expect((await inList()).locked).toBe(false);
    expect((await action(id, { lock: null })).status).toBe(202);
    expect((await inList()).locked).toBe(true);
    expect((await req('PUT', `/servers/${id}`, demo, { server: { name: 'unit-list-renamed' } })).status).toBe(200);
    expect((await inList()).name).toBe('unit-list-renamed');
    expect((await action(id, { unlock: null })).status).toBe(202);
    expect((await action(id, { 'os-stop': null })).status).toBe(202);
    expect((await inList()).status).toBe('ACTIVE');
    advance(5);
    expect((await inList()).status).toBe('SHUTOFF');
    const filtered = (await get('/servers/detail?status=SHUTOFF')).body.servers as Obj[];
    expect(filtered.map((s) => s.id)).toContain(id);
    expect(filtered.every((s) => s.status === 'SHUTOFF')).toBe(true);
  });
});

describe('security groups through the network service', () => {
  it('addSecurityGroup/removeSecurityGroup change the ports; views read the groups back', async () => {
    const id = await active('unit-sg');
    const sg = await call(cloud, 'POST', '/network/v2.0/security-groups', { token: demo, body: { security_group: { name: 'unit-web' } } });
    expect(sg.status).toBe(201);
    expect((await action(id, { addSecurityGroup: { name: 'unit-web' } })).status).toBe(202);
    const port = portsOfServer(cloud.core, id)[0];
    expect(port.security_groups).toContain((sg.body as Obj).security_group.id);
    expect((await server(id)).security_groups.map((g: Obj) => g.name).sort()).toEqual(['default', 'unit-web']);
    expect((await action(id, { removeSecurityGroup: { name: 'unit-web' } })).status).toBe(202);
    expect((await server(id)).security_groups).toEqual([{ name: 'default' }]);
    const again = await action(id, { removeSecurityGroup: { name: 'unit-web' } });
    expect(again.body).toEqual({ itemNotFound: { code: 404, message: `Security group unit-web not associated with the instance ${id}` } });
    const unknown = await action(id, { addSecurityGroup: { name: 'nope' } });
    expect(unknown.body).toEqual({ itemNotFound: { code: 404, message: `Security group nope is not found for project ${seedProjectId('demo')}` } });
    expect((await action(id, { addSecurityGroup: {} })).body).toEqual({ badRequest: { code: 400, message: 'Security group not specified' } });
  });
});
