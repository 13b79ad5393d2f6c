import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../core/errors';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { identityService } from '../identity';
import { seedProjectId } from '../identity/seed';
import { imageService } from '../image';
import { attachVolume, createBootVolume, deleteVolumeForServer, detachVolume, findVolume, serverVolumeAttachments } from './api';
import { blockStorageService, volumeService } from './index';

type Vol = Record<string, unknown> & { id: string; status: string; size: number };
type Err = Record<string, { code: number; message: string }>;

// speed 20: creating (2 s) takes 100 ms, attach/extend/delete (1 s) take 50 ms.
let cloud: DemoCloud;
let demo: string;
let admin: string;
let team: string;
const DEMO = seedProjectId('demo');
const TEAM = seedProjectId('demo-team');
const ADMIN = seedProjectId('admin');
const MV = { 'OpenStack-API-Version': 'volume 3.60' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 20, failureFixtures: true, services: [identityService, imageService, volumeService, blockStorageService] });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  team = await login(cloud, 'demo', 'demo-team');
});
afterAll(async () => {
  await cloud.close();
});

const v3 = (project = DEMO) => `/volume/v3/${project}`;
const api = (method: string, path: string, opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; project?: string } = {}) =>
  call(cloud, method, `${v3(opts.project)}${path}`, { token: opts.token ?? demo, body: opts.body, rawBody: opts.rawBody, headers: { ...MV, ...opts.headers } });
const show = async (id: string, token = demo, project = DEMO) => ((await api('GET', `/volumes/${id}`, { token, project })).body as { volume: Vol }).volume;
async function until(id: string, status: string, kind = 'volumes', token = demo): Promise<Record<string, unknown> | null> {
  for (let i = 0; i < 100; i++) {
    const r = await api('GET', `/${kind}/${id}`, { token });
    if (status === 'gone' && r.status === 404) return null;
    const doc = Object.values(r.body as Record<string, Record<string, unknown>>)[0];
    if (doc.status === status) return doc;
    await sleep(20);
  }
  throw new Error(`${kind}/${id} never reached ${status}`);
}
const createVol = async (volume: Record<string, unknown>, token = demo) => {
  const r = await api('POST', '/volumes', { token, body: { volume } });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  return (r.body as { volume: Vol }).volume;
};

describe('discovery and microversions', () => {
  it('serves the version document at /volume/ (300) and /volume/v3/ (200)', async () => {
    const root = await call(cloud, 'GET', '/volume/');
    expect(root.status).toBe(300);
    expect(root.body).toMatchObject({ versions: [{ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' }] });
    expect((await call(cloud, 'GET', '/volume/v3/')).status).toBe(200);
  });
  it('echoes the microversion, accepts latest and refuses unknown ones with 406', async () => {
    const r = await api('GET', '/volumes');
    expect(r.headers.get('openstack-api-version')).toBe('volume 3.60');
    expect(r.headers.get('vary')).toBe('OpenStack-API-Version');
    expect((await api('GET', '/volumes', { headers: { 'OpenStack-API-Version': 'volume latest' } })).headers.get('openstack-api-version')).toBe('volume 3.70');
    const none = await call(cloud, 'GET', `${v3()}/volumes`, { token: demo });
    expect(none.headers.get('openstack-api-version')).toBe('volume 3.0');
    const bad = await api('GET', '/volumes', { headers: { 'OpenStack-API-Version': 'volume 3.99' } });
    expect(bad.status).toBe(406);
    expect((bad.body as Err).computeFault.message).toBe('Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70.');
  });
  it('lists the catalog under volumev3 and block-storage', async () => {
    const r = await call(cloud, 'GET', '/identity/v3/auth/catalog', { token: demo });
    const types = (r.body as { catalog: Array<{ type: string; endpoints: Array<{ url: string }> }> }).catalog;
    for (const t of ['volumev3', 'block-storage']) {
      expect(types.find((c) => c.type === t)?.endpoints[0].url).toBe(`${cloud.url}/volume/v3/${DEMO}`);
    }
  });
});

describe('volumes', () => {
  it('has the seeded data-1 volume and its snapshot in demo', async () => {
    const vols = ((await api('GET', '/volumes/detail')).body as { volumes: Vol[] }).volumes;
    expect(vols.find((v) => v.name === 'data-1')).toMatchObject({ size: 10, status: 'available', bootable: 'false' });
  });

  it('creates creating -> available, updates, extends and deletes through deleting', async () => {
    const vol = await createVol({ size: 1, name: 'v1', metadata: { a: 'b' } });
    expect(vol).toMatchObject({ status: 'creating', volume_type: '__DEFAULT__', availability_zone: 'nova', bootable: 'false', updated_at: null, metadata: { a: 'b' } });
    expect(vol).not.toHaveProperty('os-vol-tenant-attr:tenant_id');
    await until(vol.id, 'available');
    const shown = await show(vol.id);
    expect(shown['os-vol-tenant-attr:tenant_id']).toBe(DEMO);
    expect(shown).not.toHaveProperty('os-vol-host-attr:host');
    expect(await show(vol.id, admin, ADMIN)).toHaveProperty('os-vol-host-attr:host');

    const upd = await api('PUT', `/volumes/${vol.id}`, { body: { volume: { name: 'v1b', description: 'd' } } });
    expect((upd.body as { volume: Vol }).volume).toMatchObject({ name: 'v1b', description: 'd' });

    const same = await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-extend': { new_size: 1 } } });
    expect((same.body as Err).badRequest.message).toBe('Invalid input received: New size for extend must be greater than current size. (current: 1, extended: 1).');
    expect((await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-extend': { new_size: 3 } } })).status).toBe(202);
    expect((await show(vol.id)).status).toBe('extending');
    expect(await until(vol.id, 'available')).toMatchObject({ size: 3 });

    expect((await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-set_bootable': { bootable: true } } })).status).toBe(200);
    expect((await show(vol.id)).bootable).toBe('true');

    expect((await api('DELETE', `/volumes/${vol.id}`)).status).toBe(202);
    expect((await show(vol.id)).status).toBe('deleting');
    await until(vol.id, 'gone');
  });

  it.each([
    [{ size: 0 }, 'Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1'],
    [{ size: 'abc' }, "Invalid input for field/attribute size. Value: abc. 'abc' does not match '^[0-9]+$'"],
    [{}, 'The server could not comply with the request since it is either malformed or otherwise incorrect.'],
    [{ size: 1, volume_type: 'nope' }, 'Volume type with name nope could not be found.'],
    [{ size: 1, availability_zone: 'mars' }, "Invalid input received: Availability zone 'mars' is invalid."],
    [{ size: 1, snapshot_id: 'x' }, "Invalid input for field/attribute snapshot_id. Value: x. 'x' is not a 'uuid'"],
  ])('refuses %j', async (volume, message) => {
    const r = await api('POST', '/volumes', { body: { volume } });
    expect([400, 404]).toContain(r.status);
    expect(Object.values(r.body as Err)[0].message).toBe(message);
  });

  it('answers malformed JSON, unknown ids and unknown actions like Cinder', async () => {
    const bad = await api('POST', '/volumes', { rawBody: '{"volume": ', headers: { 'Content-Type': 'application/json' } });
    expect(bad.body).toEqual({ badRequest: { code: 400, message: 'Malformed request body' } });
    const missing = await api('GET', '/volumes/00000000-0000-0000-0000-000000000000');
    expect(missing.body).toEqual({ itemNotFound: { code: 404, message: 'Volume 00000000-0000-0000-0000-000000000000 could not be found.' } });
    const vols = ((await api('GET', '/volumes')).body as { volumes: Vol[] }).volumes;
    const act = await api('POST', `/volumes/${vols[0].id}/action`, { body: { 'os-bogus': {} } });
    expect((act.body as Err).badRequest.message).toBe('There is no such action: os-bogus. Verify the request body and Content-Type header and try again.');
    const reset = await api('POST', `/volumes/${vols[0].id}/action`, { body: { 'os-reset_status': { status: 'error' } } });
    expect(reset.status).toBe(403);
    expect((reset.body as Err).forbidden.message).toBe("Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed.");
  });

  it('refuses like filters (name~) as Zed does with its default resource filters', async () => {
    for (const path of ['/volumes/detail?name~=data', '/snapshots/detail?name~=data']) {
      const r = await api('GET', path);
      expect(r.status).toBe(400);
      expect((r.body as Err).badRequest.message).toBe('Invalid filters name~ are found in query options.');
    }
    const exact = ((await api('GET', '/volumes/detail?name=data-1')).body as { volumes: Vol[] }).volumes;
    expect(exact.map((v) => v.name)).toEqual(['data-1']);
  });
  it('pages with limit/marker and volumes_links, counts with 3.45+', async () => {
    await createVol({ size: 1, name: 'page-a' });
    await createVol({ size: 1, name: 'page-b' });
    const r = (await api('GET', '/volumes/detail?limit=1&with_count=true')).body as { volumes: Vol[]; volumes_links: Array<{ rel: string; href: string }>; count: number };
    expect(r.volumes).toHaveLength(1);
    expect(r.count).toBeGreaterThanOrEqual(3);
    expect(r.volumes_links[0].rel).toBe('next');
    const next = new URL(r.volumes_links[0].href);
    expect(next.searchParams.get('marker')).toBe(r.volumes[0].id);
    const byName = (await api('GET', '/volumes?name=page-a')).body as { volumes: Vol[] };
    expect(byName.volumes.map((v) => v.name)).toEqual(['page-a']);
    const old = (await api('GET', '/volumes?with_count=true', { headers: { 'OpenStack-API-Version': 'volume 3.40' } })).body;
    expect(old).not.toHaveProperty('count');
  });

  it('keeps projects apart; admin sees all with all_tenants', async () => {
    const vol = await createVol({ size: 1, name: 'team-only' }, team);
    expect((await api('GET', `/volumes/${vol.id}`)).status).toBe(404);
    const mine = ((await api('GET', '/volumes')).body as { volumes: Vol[] }).volumes;
    expect(mine.some((v) => v.id === vol.id)).toBe(false);
    const all = ((await api('GET', '/volumes?all_tenants=1', { token: admin, project: ADMIN })).body as { volumes: Vol[] }).volumes;
    expect(all.some((v) => v.id === vol.id)).toBe(true);
    const ignored = ((await api('GET', '/volumes?all_tenants=1')).body as { volumes: Vol[] }).volumes;
    expect(ignored.some((v) => v.id === vol.id)).toBe(false);
  });

  it('creates bootable volumes from images (with image metadata) and checks min_disk', async () => {
    const images = (await call(cloud, 'GET', '/image/v2/images?name=ubuntu-22.04', { token: demo })).body as { images: Array<{ id: string }> };
    const tooSmall = await api('POST', '/volumes', { body: { volume: { size: 1, imageRef: images.images[0].id } } });
    expect((tooSmall.body as Err).badRequest.message).toBe('Invalid input received: Volume size 1GB cannot be smaller than the image minDisk size 3GB.');
    const vol = await createVol({ size: 3, imageRef: images.images[0].id, name: 'boot' });
    expect(vol.bootable).toBe('true');
    const done = await until(vol.id, 'available');
    expect(done?.volume_image_metadata).toMatchObject({ image_id: images.images[0].id, os_distro: 'ubuntu' });
  });

  it('uploads a volume to a new image (uploading -> available, image queued -> active)', async () => {
    const vol = await createVol({ size: 1, name: 'to-image' });
    await until(vol.id, 'available');
    const r = await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-volume_upload_image': { image_name: 'from-vol', disk_format: 'qcow2' } } });
    expect(r.status).toBe(202);
    const up = (r.body as { 'os-volume_upload_image': { image_id: string; status: string; disk_format: string } })['os-volume_upload_image'];
    expect(up).toMatchObject({ status: 'uploading', disk_format: 'qcow2' });
    expect((await show(vol.id)).status).toBe('uploading');
    await until(vol.id, 'available');
    const img = (await call(cloud, 'GET', `/image/v2/images/${up.image_id}`, { token: demo })).body as { name: string; visibility: string; owner: string };
    expect(img).toMatchObject({ name: 'from-vol', visibility: 'shared', owner: DEMO });
    const bad = await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-volume_upload_image': { image_name: 'x', disk_format: 'iso' } } });
    expect(bad.status).toBe(400);
  });

  it('ends fail- volumes in error with a user message', async () => {
    const vol = await createVol({ size: 1, name: 'fail-disk' });
    await until(vol.id, 'error');
    const msgs = (await api('GET', '/messages')).body as { messages: Array<{ resource_uuid: string; message_level: string }> };
    expect(msgs.messages.find((m) => m.resource_uuid === vol.id)?.message_level).toBe('ERROR');
    expect((await api('DELETE', `/volumes/${vol.id}`)).status).toBe(202);
  });
});

describe('snapshots', () => {
  it('creates, refuses volume delete while present, builds volumes from them, deletes', async () => {
    const vol = await createVol({ size: 2, name: 'snap-src' });
    const early = await api('POST', '/snapshots', { body: { snapshot: { volume_id: vol.id, name: 's' } } });
    expect((early.body as Err).badRequest.message).toBe(`Invalid volume: Volume ${vol.id} status must be available, but current status is: creating.`);
    await until(vol.id, 'available');
    const r = await api('POST', '/snapshots', { body: { snapshot: { volume_id: vol.id, name: 's1' } } });
    expect(r.status).toBe(202);
    const snap = (r.body as { snapshot: Vol }).snapshot;
    expect(snap).toMatchObject({ status: 'creating', size: 2, volume_id: vol.id });
    await until(snap.id, 'available', 'snapshots');

    const del = await api('DELETE', `/volumes/${vol.id}`);
    expect((del.body as Err).badRequest.message).toContain('Invalid volume: Volume status must be available or error');
    expect((del.body as Err).badRequest.message).toContain('have snapshots');

    const small = await api('POST', '/volumes', { body: { volume: { size: 1, snapshot_id: snap.id } } });
    expect(small.status).toBe(400);
    const fromSnap = await createVol({ snapshot_id: snap.id, name: 'from-snap' });
    expect(fromSnap).toMatchObject({ size: 2, snapshot_id: snap.id });
    await until(fromSnap.id, 'available');

    const upd = await api('PUT', `/snapshots/${snap.id}`, { body: { snapshot: { name: 's2' } } });
    expect((upd.body as { snapshot: Vol }).snapshot.name).toBe('s2');
    const list = (await api('GET', '/snapshots')).body as { snapshots: Vol[] };
    expect(list.snapshots.some((x) => x.id === snap.id)).toBe(true);

    expect((await api('DELETE', `/snapshots/${snap.id}`)).status).toBe(202);
    await until(snap.id, 'gone', 'snapshots');
    expect((await api('DELETE', `/volumes/${vol.id}`)).status).toBe(202);
    await until(vol.id, 'gone');
  });

  it('deletes a volume with its snapshots when cascade is set', async () => {
    const vol = await createVol({ size: 1, name: 'cascade' });
    await until(vol.id, 'available');
    const snap = ((await api('POST', '/snapshots', { body: { snapshot: { volume_id: vol.id } } })).body as { snapshot: Vol }).snapshot;
    await until(snap.id, 'available', 'snapshots');
    expect((await api('DELETE', `/volumes/${vol.id}?cascade=true`)).status).toBe(202);
    await until(vol.id, 'gone');
    await until(snap.id, 'gone', 'snapshots');
  });
});

describe('quotas, limits, types, zones', () => {
  it('refuses volumes beyond the gigabytes quota with 413 overLimit', async () => {
    const r = await api('POST', '/volumes', { body: { volume: { size: 2000 } } });
    expect(r.status).toBe(413);
    const body = r.body as { overLimit: { message: string; code: number; retryAfter: string } };
    expect(body.overLimit.message).toMatch(/^VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 2000G, quota is 1000G and \d+G has been consumed.$/);
    expect(body.overLimit.retryAfter).toBe('0');
  });

  it('enforces the volumes count quota set by admin', async () => {
    const set = await api('PUT', `/os-quota-sets/${TEAM}`, { token: admin, project: ADMIN, body: { quota_set: { volumes: 1 } } });
    expect(set.status).toBe(200);
    const used = ((await api('GET', `/os-quota-sets/${TEAM}?usage=True`, { token: team, project: TEAM })).body as { quota_set: Record<string, { in_use: number; limit: number }> }).quota_set;
    expect(used.volumes.limit).toBe(1);
    const r = await api('POST', '/volumes', { token: team, project: TEAM, body: { volume: { size: 1 } } });
    expect(r.status).toBe(413);
    expect((r.body as Err).overLimit.message).toBe("VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'.");
    const denied = await api('PUT', `/os-quota-sets/${TEAM}`, { token: team, project: TEAM, body: { quota_set: { volumes: 100 } } });
    expect(denied.status).toBe(403);
    expect((await api('GET', `/os-quota-sets/${DEMO}`, { token: team, project: TEAM })).status).toBe(403);
  });

  it('reports limits with usage (snapshots count toward gigabytes)', async () => {
    const abs = ((await api('GET', '/limits')).body as { limits: { absolute: Record<string, number> } }).limits.absolute;
    expect(abs).toMatchObject({ maxTotalVolumes: 10, maxTotalVolumeGigabytes: 1000, maxTotalSnapshots: 10 });
    const s = cloud.core.state.slice('volumev3', () => ({})) as { volumes: Array<{ project_id: string; size: number }>; snapshots: Array<{ project_id: string; size: number }> };
    const expected = [...s.volumes, ...s.snapshots].filter((x) => x.project_id === DEMO).reduce((n, x) => n + x.size, 0);
    expect(abs.totalGigabytesUsed).toBe(expected);
  });

  it('lists __DEFAULT__; only admin manages types', async () => {
    const types = ((await api('GET', '/types')).body as { volume_types: Array<{ name: string }> }).volume_types;
    expect(types.map((t) => t.name)).toContain('__DEFAULT__');
    expect(((await api('GET', '/types/default')).body as { volume_type: { name: string } }).volume_type.name).toBe('__DEFAULT__');
    expect((await api('POST', '/types', { body: { volume_type: { name: 'ssd' } } })).status).toBe(403);
    const made = await api('POST', '/types', { token: admin, project: ADMIN, body: { volume_type: { name: 'ssd', extra_specs: { tier: 'fast' } } } });
    expect(made.status).toBe(200);
    const id = (made.body as { volume_type: { id: string } }).volume_type.id;
    const vol = await createVol({ size: 1, volume_type: 'ssd' });
    expect(vol.volume_type).toBe('ssd');
    expect((await api('DELETE', `/types/${id}`, { token: admin, project: ADMIN })).status).toBe(400);
  });

  it('has the nova availability zone', async () => {
    expect((await api('GET', '/os-availability-zone')).body).toEqual({ availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] });
  });
});

describe('cross-service contract (Nova)', () => {
  it('attaches (attaching -> in-use), lists, refuses delete, detaches (detaching -> available)', async () => {
    const vol = await createVol({ size: 1, name: 'att' });
    expect(() => attachVolume(cloud.core, { volumeId: vol.id, serverId: 'srv-1', projectId: DEMO })).toThrow(
      'Invalid volume: Volume status must be available to reserve, but the status is creating.',
    );
    await until(vol.id, 'available');
    expect(() => attachVolume(cloud.core, { volumeId: vol.id, serverId: 'srv-1', projectId: TEAM })).toThrow(HttpError);
    const { device, attachmentId } = attachVolume(cloud.core, { volumeId: vol.id, serverId: 'srv-1', projectId: DEMO });
    expect(device).toBe('/dev/vdb');
    expect(findVolume(cloud.core, vol.id)?.status).toBe('attaching');
    const done = await until(vol.id, 'in-use');
    expect(done?.attachments).toEqual([
      expect.objectContaining({ server_id: 'srv-1', attachment_id: attachmentId, device: '/dev/vdb', volume_id: vol.id, id: vol.id }),
    ]);
    expect(serverVolumeAttachments(cloud.core, 'srv-1')).toEqual([{ id: vol.id, volumeId: vol.id, serverId: 'srv-1', device: '/dev/vdb', attachmentId }]);
    expect(() => attachVolume(cloud.core, { volumeId: vol.id, serverId: 'srv-2', projectId: DEMO })).toThrow(/status is in-use/);

    const del = await api('DELETE', `/volumes/${vol.id}`);
    expect(del.status).toBe(400);

    detachVolume(cloud.core, { volumeId: vol.id, serverId: 'srv-1' });
    expect(findVolume(cloud.core, vol.id)?.status).toBe('detaching');
    await until(vol.id, 'available');
    expect(serverVolumeAttachments(cloud.core, 'srv-1')).toEqual([]);
    expect(() => detachVolume(cloud.core, { volumeId: vol.id, serverId: 'srv-1' })).toThrow(/Unable to detach volume/);
  });

  it('creates boot volumes and deletes them on termination', async () => {
    const images = (await call(cloud, 'GET', '/image/v2/images?name=cirros', { token: demo })).body as { images: Array<{ id: string }> };
    const vol = createBootVolume(cloud.core, { projectId: DEMO, size: 1, imageId: images.images[0].id });
    expect(vol).toMatchObject({ status: 'creating', bootable: true, name: '' });
    await until(vol.id, 'available');
    attachVolume(cloud.core, { volumeId: vol.id, serverId: 'srv-9', projectId: DEMO, device: '/dev/vda' });
    await until(vol.id, 'in-use');
    deleteVolumeForServer(cloud.core, vol.id);
    expect(findVolume(cloud.core, vol.id)?.status).toBe('deleting');
    await until(vol.id, 'gone');
    expect(() => createBootVolume(cloud.core, { projectId: DEMO, size: 1, imageId: '00000000-0000-0000-0000-000000000000' })).toThrow(HttpError);
  });

  it('supports the os-reserve/os-attach/os-detach actions and the attachments API', async () => {
    const vol = await createVol({ size: 1, name: 'legacy' });
    await until(vol.id, 'available');
    expect((await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-reserve': {} } })).status).toBe(202);
    expect((await show(vol.id)).status).toBe('attaching');
    await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-attach': { instance_uuid: 'srv-3', mountpoint: '/dev/vdc' } } });
    const attached = await show(vol.id);
    expect(attached.status).toBe('in-use');
    const att = (attached.attachments as Array<{ attachment_id: string }>)[0];
    await api('POST', `/volumes/${vol.id}/action`, { body: { 'os-detach': { attachment_id: att.attachment_id } } });
    expect((await show(vol.id)).status).toBe('available');

    const a = await api('POST', '/attachments', { body: { attachment: { volume_uuid: vol.id, instance_uuid: 'srv-4' } } });
    expect(a.status).toBe(200);
    const id = (a.body as { attachment: { id: string; status: string } }).attachment.id;
    expect((a.body as { attachment: { status: string } }).attachment.status).toBe('reserved');
    await api('PUT', `/attachments/${id}`, { body: { attachment: { connector: { host: 'h' } } } });
    expect((await api('POST', `/attachments/${id}/action`, { body: { 'os-complete': {} } })).status).toBe(204);
    expect((await show(vol.id)).status).toBe('in-use');
    expect((await api('DELETE', `/attachments/${id}`)).status).toBe(200);
    await until(vol.id, 'available');
    expect((await api('GET', '/attachments', { headers: { 'OpenStack-API-Version': 'volume 3.20' } })).status).toBe(404);
  });
});
