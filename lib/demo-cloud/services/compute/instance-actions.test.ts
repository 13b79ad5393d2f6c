import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../core/ids';
import { call, testClock, sharedTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';
import { findImage } from '../image/api';
import { findNetwork, portsOfServer } from '../network/api';

// Issue 19's instance actions through HTTP with an injected clock: rebuild, rescue, shelve, lock,
// metadata and tags, interfaces, server groups on the two fake hosts, migrations and evacuate.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const clock = testClock();
const advance = clock.advance;
const tc = sharedTestCloud({ now: clock.now }, async ({ cloud, admin }) => {
  privateNet = findNetwork(cloud.core, 'private', seedProjectId('demo'))!.id;
  await call(cloud, 'PUT', `/compute/v2.1/os-quota-sets/${seedProjectId('demo')}`, { token: admin, body: { quota_set: { instances: 100, cores: 200, ram: 512000 } }, headers: MV });
});
const MV = { 'OpenStack-API-Version': 'compute 2.93' };
const req = async (method: string, path: string, token: string, body?: unknown) => {
  const r = await call(tc.cloud, method, `/compute/v2.1${path}`, { token, body, headers: MV });
  return { ...r, body: r.body as Obj };
};
const get = (path: string, token = tc.demo) => req('GET', path, token);
const action = (id: string, body: unknown, token = tc.demo) => req('POST', `/servers/${id}/action`, token, body);
const server = async (id: string, token = tc.demo) => (await get(`/servers/${id}`, token)).body.server as Obj;
const CIRROS = stableUuid('image', 'cirros');
let privateNet: string;

async function active(name: string, extra: Obj = {}): Promise<string> {
  const r = await req('POST', '/servers', tc.demo, { server: { name, imageRef: CIRROS, flavorRef: '1', networks: [{ uuid: privateNet }], ...extra.server }, ...extra.top });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  advance(10);
  return r.body.server.id as string;
}
const conflictText = (id: string, method: string, state: string) => ({ conflictingRequest: { code: 409, message: `Cannot '${method}' instance ${id} while it is in vm_state ${state}` } });


describe('config drive', () => {
  it('is stored as Nova stores it: "True" when asked for, "" otherwise; other values fail the schema', async () => {
    const on = await active('ia-cd-on', { server: { config_drive: 'yes' } });
    expect((await server(on)).config_drive).toBe('True');
    const off = await active('ia-cd-off', { server: { config_drive: false } });
    expect((await server(off)).config_drive).toBe('');
    const bad = await req('POST', '/servers', tc.demo, { server: { name: 'ia-cd-bad', imageRef: CIRROS, flavorRef: '1', networks: [{ uuid: privateNet }], config_drive: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.badRequest.message).toMatch(/^Invalid input for field\/attribute config_drive\. Value: maybe\. 'maybe' is not one of \[True, 'True'/);
  });
});

describe('rebuild', () => {
  it('goes REBUILD -> ACTIVE with the new name and image, answering the server with an adminPass', async () => {
    const id = await active('ia-rebuild');
    const r = await action(id, { rebuild: { imageRef: CIRROS, name: 'ia-rebuilt', metadata: { role: 'web' } } });
    expect(r.status).toBe(202);
    expect(r.headers.get('location')).toBe(`${tc.cloud.url}/compute/v2.1/servers/${id}`);
    expect(r.body.server).toMatchObject({ id, name: 'ia-rebuilt', status: 'REBUILD', metadata: { role: 'web' }, 'OS-EXT-STS:task_state': 'rebuilding' });
    expect(typeof r.body.server.adminPass).toBe('string');
    advance(1.2);
    expect((await server(id))['OS-EXT-STS:task_state']).toBe('rebuild_block_device_mapping');
    advance(5);
    expect(await server(id)).toMatchObject({ status: 'ACTIVE', name: 'ia-rebuilt', image: { id: CIRROS } });
  });

  it('fails to ERROR with preserve_ephemeral, as drivers other than Ironic do', async () => {
    const id = await active('ia-preserve');
    expect((await action(id, { rebuild: { imageRef: CIRROS, preserve_ephemeral: true } })).status).toBe(202);
    advance(5);
    const s = await server(id);
    expect(s.status).toBe('ERROR');
    expect(s.fault).toMatchObject({ code: 400, message: 'The current driver does not support preserving ephemeral partitions.' });
    // ERROR servers may be rebuilt again, which clears the fault.
    expect((await action(id, { rebuild: { imageRef: CIRROS } })).status).toBe(202);
    advance(5);
    expect((await server(id)).status).toBe('ACTIVE');
  });

  it('validates the body with Nova texts', async () => {
    const id = await active('ia-rebuild-bad');
    expect((await action(id, { rebuild: {} })).body.badRequest.message).toBe("Invalid input for field/attribute rebuild. Value: {}. 'imageRef' is a required property");
    expect((await action(id, { rebuild: { imageRef: 'nope' } })).body.badRequest.message).toBe("Invalid input for field/attribute imageRef. Value: nope. 'nope' is not a 'uuid'");
    expect((await action(id, { rebuild: { imageRef: '00000000-0000-0000-0000-000000000000' } })).body.badRequest.message).toBe('Cannot find image for rebuild');
    expect((await action(id, { rebuild: { imageRef: CIRROS, preserve_ephemeral: 'x' } })).body.badRequest.message).toMatch(/^Invalid input for field\/attribute preserve_ephemeral\. Value: x\. 'x' is not one of \[True, 'True'/);
  });
});

describe('rescue and unrescue', () => {
  it('RESCUE with the given password, 409 for a second rescue or a stop, then back to ACTIVE', async () => {
    const id = await active('ia-rescue');
    const r = await action(id, { rescue: { adminPass: 'secret123', rescue_image_ref: CIRROS } });
    expect(r).toMatchObject({ status: 200, body: { adminPass: 'secret123' } });
    advance(2);
    expect(await server(id)).toMatchObject({ status: 'RESCUE', 'OS-EXT-STS:vm_state': 'rescued' });
    expect((await action(id, { rescue: null })).body).toEqual(conflictText(id, 'rescue', 'rescued'));
    expect((await action(id, { 'os-stop': null })).body).toEqual(conflictText(id, 'stop', 'rescued'));
    expect((await action(id, { unrescue: null })).status).toBe(202);
    expect((await server(id))['OS-EXT-STS:task_state']).toBe('unrescuing');
    advance(2);
    expect((await server(id)).status).toBe('ACTIVE');
    expect((await action(id, { unrescue: null })).body).toEqual(conflictText(id, 'unrescue', 'active'));
  });

  it('refuses an unknown rescue image and unknown keys', async () => {
    const id = await active('ia-rescue-bad');
    const zero = '00000000-0000-0000-0000-000000000000';
    expect((await action(id, { rescue: { rescue_image_ref: zero } })).body.badRequest.message).toBe(`Requested rescue image '${zero}' is not supported`);
    expect((await action(id, { rescue: { foo: 1 } })).body.badRequest.message).toBe("Invalid input for field/attribute rescue. Value: {'foo': 1}. Additional properties are not allowed ('foo' was unexpected)");
  });
});

describe('shelve and unshelve', () => {
  it('snapshots to <name>-shelved, ends SHELVED_OFFLOADED without a host, and unshelve deletes the snapshot', async () => {
    const id = await active('ia-shelve');
    expect((await action(id, { shelve: null })).status).toBe(202);
    advance(2.8);
    expect(await server(id)).toMatchObject({ status: 'SHELVED', 'OS-EXT-STS:task_state': 'shelving_offloading' });
    advance(2);
    const off = await server(id, tc.admin);
    expect(off).toMatchObject({ status: 'SHELVED_OFFLOADED', 'OS-EXT-STS:power_state': 4, 'OS-EXT-SRV-ATTR:host': null, hostId: '', 'OS-EXT-AZ:availability_zone': '' });
    const images = await call(tc.cloud, 'GET', '/image/v2/images?name=ia-shelve-shelved', { token: tc.demo });
    const snap = (images.body as Obj).images[0];
    expect(snap).toMatchObject({ name: 'ia-shelve-shelved', image_type: 'snapshot', instance_uuid: id });
    expect((await action(id, { shelve: null })).body).toEqual(conflictText(id, 'shelve', 'shelved_offloaded'));
    expect((await action(id, { shelveOffload: null })).body.forbidden.message).toBe("Policy doesn't allow os_compute_api:os-shelve:shelve_offload to be performed.");
    expect((await req('PUT', `/servers/${id}/metadata`, tc.demo, { metadata: { a: '1' } })).body).toEqual(conflictText(id, 'update metadata', 'shelved_offloaded'));

    expect((await action(id, { unshelve: null })).status).toBe(202);
    expect(findImage(tc.cloud.core, snap.id)).toBeUndefined();
    advance(1.2);
    expect((await server(id))['OS-EXT-STS:task_state']).toBe('spawning');
    advance(2);
    expect((await server(id, tc.admin))).toMatchObject({ status: 'ACTIVE', 'OS-EXT-AZ:availability_zone': 'nova' });
    expect((await server(id, tc.admin))['OS-EXT-SRV-ATTR:host']).toMatch(/^demo-compute-/);
  });

  it('takes an availability zone (2.77) only when offloaded, and a host (2.91) only from admins', async () => {
    const id = await active('ia-unshelve-az');
    await action(id, { shelve: null });
    advance(5);
    expect((await action(id, { unshelve: { availability_zone: 'elsewhere' } })).body.badRequest.message).toBe('The requested availability zone is not available');
    expect((await action(id, { unshelve: { host: 'demo-compute-2' } })).body.forbidden.message).toBe("Policy doesn't allow os_compute_api:os-shelve:unshelve_to_host to be performed.");
    expect((await action(id, { unshelve: { host: 'nohost' } }, tc.admin)).body.badRequest.message).toBe('Compute host nohost could not be found.');
    expect((await action(id, { unshelve: { host: 'demo-compute-2' } }, tc.admin)).status).toBe(202);
    advance(5);
    expect((await server(id, tc.admin))['OS-EXT-SRV-ATTR:host']).toBe('demo-compute-2');
  });
});

describe('lock', () => {
  it('locked with a reason (2.73): 409 for the owner\'s actions, metadata too, but tags and rename pass; admins pass', async () => {
    const id = await active('ia-lock');
    expect((await action(id, { lock: { locked_reason: 'maintenance' } })).status).toBe(202);
    expect(await server(id)).toMatchObject({ locked: true, locked_reason: 'maintenance' });
    const locked = { conflictingRequest: { code: 409, message: `Instance ${id} is locked` } };
    for (const body of [{ rebuild: { imageRef: CIRROS } }, { rescue: null }, { shelve: null }, { 'os-stop': null }]) {
      expect((await action(id, body)).body, JSON.stringify(body)).toEqual(locked);
    }
    expect((await req('PUT', `/servers/${id}/metadata`, tc.demo, { metadata: { a: '1' } })).body).toEqual(locked);
    expect((await req('POST', `/servers/${id}/os-interface`, tc.demo, { interfaceAttachment: {} })).body).toEqual(locked);
    expect((await req('PUT', `/servers/${id}/tags/t1`, tc.demo)).status).toBe(201);
    expect((await req('PUT', `/servers/${id}`, tc.demo, { server: { name: 'ia-lock-2' } })).status).toBe(200);
    expect((await req('PUT', `/servers/${id}/metadata`, tc.admin, { metadata: { a: '1' } })).status).toBe(200);
    expect((await action(id, { unlock: null })).status).toBe(202);
    expect(await server(id)).toMatchObject({ locked: false, locked_reason: null });
  });

  it('what an admin of another project locked, the owner cannot unlock', async () => {
    const id = await active('ia-admin-lock');
    expect((await action(id, { lock: null }, tc.admin)).status).toBe(202);
    expect((await action(id, { unlock: null })).body.forbidden.message).toBe("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");
    expect((await action(id, { unlock: null }, tc.admin)).status).toBe(202);
  });
});

describe('metadata and tags', () => {
  it('metadata: replace, merge, one key, delete, with Nova texts', async () => {
    const id = await active('ia-meta');
    const base = `/servers/${id}/metadata`;
    expect((await req('PUT', base, tc.demo, { metadata: { a: '1' } })).body).toEqual({ metadata: { a: '1' } });
    expect((await req('POST', base, tc.demo, { metadata: { b: '2' } })).body).toEqual({ metadata: { a: '1', b: '2' } });
    expect((await get(`${base}/a`)).body).toEqual({ meta: { a: '1' } });
    expect((await req('PUT', `${base}/c`, tc.demo, { meta: { c: '3' } })).body).toEqual({ meta: { c: '3' } });
    expect((await req('PUT', `${base}/c`, tc.demo, { meta: { d: '3' } })).body.badRequest.message).toBe('Request body and URI mismatch');
    expect((await get(`${base}/zz`)).body).toEqual({ itemNotFound: { code: 404, message: 'Metadata item was not found' } });
    expect((await req('DELETE', `${base}/zz`, tc.demo)).status).toBe(404);
    expect((await req('DELETE', `${base}/c`, tc.demo)).status).toBe(204);
    expect((await req('PUT', base, tc.demo, { metadata: { k: 1 } })).body.badRequest.message).toBe("Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'");
    expect((await req('PUT', base, tc.demo, { metadata: { '': '1' } })).body.badRequest.message).toBe("Invalid input for field/attribute metadata. Value: {'': '1'}. '' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
    expect((await req('PUT', base, tc.demo, { meta: { a: '1' } })).body.badRequest.message).toBe("'metadata' is a required property");
    expect((await server(id)).metadata).toEqual({ a: '1', b: '2' });
  });

  it('tags (2.26+): add (201 with Location, then 204), check, replace, delete, validation', async () => {
    const id = await active('ia-tags');
    const base = `/servers/${id}/tags`;
    const put = await req('PUT', `${base}/t1`, tc.demo);
    expect(put.status).toBe(201);
    expect(put.headers.get('location')).toMatch(new RegExp(`/compute/v2\\.1/servers/${id}/tags/t1$`));
    expect((await req('PUT', `${base}/t1`, tc.demo)).status).toBe(204);
    expect((await get(`${base}/t1`)).status).toBe(204);
    expect((await get(`${base}/t2`)).body.itemNotFound.message).toBe(`Server ${id} has no tag 't2'`);
    expect((await req('PUT', base, tc.demo, { tags: ['y', 'x'] })).body).toEqual({ tags: ['x', 'y'] });
    expect((await req('DELETE', `${base}/zz`, tc.demo)).body.itemNotFound.message).toBe(`Instance ${id} has no tag 'zz'`);
    expect((await req('PUT', `${base}/a,b`, tc.demo)).body.badRequest.message).toBe("Tag 'a,b' is invalid. It must be a non empty string without characters '/' and ','. Validation error message: 'a,b' does not match '^[^,/]*$'");
    expect((await req('PUT', base, tc.demo, { tags: ['a,b'] })).body.badRequest.message).toBe("Invalid input for field/attribute 0. Value: a,b. 'a,b' does not match '^[^,/]*$'");
    expect((await server(id)).tags).toEqual(['x', 'y']);
    expect((await req('DELETE', base, tc.demo)).status).toBe(204);
    expect((await get(base)).body).toEqual({ tags: [] });
    const old = await call(tc.cloud, 'GET', `/compute/v2.1${base}`, { token: tc.demo, headers: { 'OpenStack-API-Version': 'compute 2.25' } });
    expect(old.status).toBe(404);
  });
});

describe('interfaces', () => {
  it('attaches a new port on a network, lists and shows it, detaches (the port Nova made is deleted)', async () => {
    const id = await active('ia-if');
    const base = `/servers/${id}/os-interface`;
    expect((await get(base)).body.interfaceAttachments).toHaveLength(1);
    const r = await req('POST', base, tc.demo, { interfaceAttachment: { net_id: privateNet } });
    expect(r.status).toBe(200);
    const att = r.body.interfaceAttachment;
    expect(att).toMatchObject({ net_id: privateNet, tag: null });
    expect(att.fixed_ips[0].ip_address).toMatch(/^10\.0\.0\./);
    advance(1.1); // the fake ML2 driver binds it
    expect((await get(`${base}/${att.port_id}`)).body.interfaceAttachment).toMatchObject({ port_id: att.port_id, port_state: 'ACTIVE' });
    expect((await get(base)).body.interfaceAttachments).toHaveLength(2);
    expect(Object.values((await server(id)).addresses).flat()).toHaveLength(2);
    expect((await req('POST', base, tc.demo, { interfaceAttachment: { net_id: privateNet, port_id: att.port_id } })).body.badRequest.message).toBe('Must not input both network_id and port_id');
    expect((await req('POST', base, tc.demo, { interfaceAttachment: { fixed_ips: [{ ip_address: '10.0.0.77' }] } })).body.badRequest.message).toBe('Must input network_id when request IP address');
    expect((await req('POST', base, tc.demo, { interfaceAttachment: { port_id: att.port_id } })).body).toEqual({ conflictingRequest: { code: 409, message: `Port ${att.port_id} is still in use.` } });
    expect((await req('DELETE', `${base}/${att.port_id}`, tc.demo)).status).toBe(202);
    expect(portsOfServer(tc.cloud.core, id)).toHaveLength(1);
    const zero = '00000000-0000-0000-0000-000000000000';
    expect((await get(`${base}/${zero}`)).body.itemNotFound.message).toBe(`Port id ${zero} could not be found.`);
    expect((await req('DELETE', `${base}/${zero}`, tc.demo)).status).toBe(404);
  });
});

describe('server groups and the two fake hosts', () => {
  it('anti-affinity puts members on different hosts; a third member finds no valid host', async () => {
    const g = await req('POST', '/os-server-groups', tc.demo, { server_group: { name: 'ia-anti', policy: 'anti-affinity' } });
    expect(g.status).toBe(200);
    const gid = g.body.server_group.id;
    const hint = { top: { 'os:scheduler_hints': { group: gid } } };
    const a = await active('ia-anti-1', hint);
    const b = await active('ia-anti-2', hint);
    const c = await active('ia-anti-3', hint);
    const hosts = [(await server(a, tc.admin))['OS-EXT-SRV-ATTR:host'], (await server(b, tc.admin))['OS-EXT-SRV-ATTR:host']];
    expect(new Set(hosts).size).toBe(2);
    const third = await server(c);
    expect(third.status).toBe('ERROR');
    expect(third.fault.message).toBe('No valid host was found. There are not enough hosts available.');
    expect((await get(`/os-server-groups/${gid}`)).body.server_group).toMatchObject({ policy: 'anti-affinity', members: expect.arrayContaining([a, b]) });
    expect((await server(a)).server_groups).toEqual([gid]);
  });

  it('affinity keeps members together', async () => {
    const g = await req('POST', '/os-server-groups', tc.demo, { server_group: { name: 'ia-aff', policy: 'affinity' } });
    const hint = { top: { 'os:scheduler_hints': { group: g.body.server_group.id } } };
    const a = await active('ia-aff-1', hint);
    const b = await active('ia-aff-2', hint);
    expect((await server(b, tc.admin))['OS-EXT-SRV-ATTR:host']).toBe((await server(a, tc.admin))['OS-EXT-SRV-ATTR:host']);
  });

  it('lists both hypervisors and their nova-compute services', async () => {
    const hv = await get('/os-hypervisors/detail', tc.admin);
    expect(hv.body.hypervisors.map((h: Obj) => h.hypervisor_hostname)).toEqual(['demo-compute-1', 'demo-compute-2']);
    const svcs = (await get('/os-services?binary=nova-compute', tc.admin)).body.services;
    expect(svcs.map((x: Obj) => [x.host, x.state, x.status, x.forced_down])).toEqual([['demo-compute-1', 'up', 'enabled', false], ['demo-compute-2', 'up', 'enabled', false]]);
  });
});

describe('migrations and evacuate (admin)', () => {
  const hostOf = async (id: string) => (await server(id, tc.admin))['OS-EXT-SRV-ATTR:host'] as string;

  it('cold migrate: RESIZE -> VERIFY_RESIZE on the other host, confirm; revert goes back', async () => {
    const id = await active('ia-migrate');
    const from = await hostOf(id);
    expect((await action(id, { migrate: null })).body.forbidden.message).toBe("Policy doesn't allow os_compute_api:os-migrate-server:migrate to be performed.");
    expect((await action(id, { migrate: { host: from } }, tc.admin)).body.badRequest.message).toBe('Cannot migrate to the host where the server exists.');
    expect((await action(id, { migrate: { host: 'nohost' } }, tc.admin)).body.badRequest.message).toBe('Compute host nohost could not be found.');
    expect((await action(id, { migrate: null }, tc.admin)).status).toBe(202);
    expect((await server(id)).status).toBe('RESIZE');
    advance(5);
    expect((await server(id)).status).toBe('VERIFY_RESIZE');
    const to = await hostOf(id);
    expect(to).not.toBe(from);
    expect((await action(id, { confirmResize: null })).status).toBe(204);
    expect((await server(id)).status).toBe('ACTIVE');
    expect(await hostOf(id)).toBe(to);

    await action(id, { migrate: null }, tc.admin);
    advance(5);
    expect(await hostOf(id)).toBe(from);
    expect((await action(id, { revertResize: null })).status).toBe(202);
    advance(3);
    expect((await server(id)).status).toBe('ACTIVE');
    expect(await hostOf(id)).toBe(to);
  });

  it('live migration: MIGRATING to the other host (automatic or named); block_migration is required', async () => {
    const id = await active('ia-live');
    const from = await hostOf(id);
    expect((await action(id, { 'os-migrateLive': { block_migration: false } }, tc.admin)).body.badRequest.message).toBe("Invalid input for field/attribute os-migrateLive. Value: {'block_migration': False}. 'host' is a required property");
    expect((await action(id, { 'os-migrateLive': { host: null, block_migration: 'auto' } }, tc.admin)).status).toBe(202);
    expect((await server(id)).status).toBe('MIGRATING');
    expect((await action(id, { 'os-migrateLive': { host: null, block_migration: 'auto' } }, tc.admin)).body.conflictingRequest.message).toBe(`Cannot 'os-migrateLive' instance ${id} while it is in task_state migrating`);
    advance(4);
    expect((await server(id)).status).toBe('ACTIVE');
    expect(await hostOf(id)).not.toBe(from);
    expect((await action(id, { 'os-migrateLive': { host: from, block_migration: true } }, tc.admin)).status).toBe(202);
    advance(4);
    expect(await hostOf(id)).toBe(from);
    // Below 2.34 the conductor's checks answer the request: to the current host is a 400.
    const old = await call(tc.cloud, 'POST', `/compute/v2.1/servers/${id}/action`, {
      token: tc.admin, body: { 'os-migrateLive': { host: from, block_migration: false, disk_over_commit: false } }, headers: { 'OpenStack-API-Version': 'compute 2.1' },
    });
    expect(old.body).toEqual({ badRequest: { code: 400, message: `Unable to migrate instance (${id}) to current host (${from}).` } });
  });

  it('evacuate only off a host whose nova-compute is forced down', async () => {
    const id = await active('ia-evac');
    const from = await hostOf(id);
    expect((await action(id, { evacuate: {} })).body.forbidden.message).toBe("Policy doesn't allow os_compute_api:os-evacuate to be performed.");
    expect((await action(id, { evacuate: {} }, tc.admin)).body.badRequest.message).toBe(`Compute service of ${from} is still in use.`);
    expect((await action(id, { evacuate: { host: from } }, tc.admin)).body.badRequest.message).toBe("The target host can't be the same one.");
    expect((await action(id, { evacuate: { host: 'nohost' } }, tc.admin)).body.itemNotFound.message).toBe('Compute host nohost not found.');
    const svc = (await get(`/os-services?binary=nova-compute&host=${from}`, tc.admin)).body.services[0];
    const down = await req('PUT', `/os-services/${svc.id}`, tc.admin, { forced_down: true });
    expect(down.body.service).toMatchObject({ host: from, state: 'down', forced_down: true });
    expect((await action(id, { evacuate: {} }, tc.admin)).status).toBe(200);
    expect((await server(id)).status).toBe('REBUILD');
    advance(3);
    expect((await server(id)).status).toBe('ACTIVE');
    expect(await hostOf(id)).not.toBe(from);
    // A host that is down takes no new servers.
    const other = await active('ia-after-evac');
    expect(await hostOf(other)).not.toBe(from);
    expect((await req('PUT', `/os-services/${svc.id}`, tc.admin, { forced_down: false })).body.service.state).toBe('up');
  });
});
