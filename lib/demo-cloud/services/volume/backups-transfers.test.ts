import { describe, expect, it } from 'vitest';
import { call, sharedTestCloud } from '../../test-helpers';
import { identityService } from '../identity';
import { seedProjectId } from '../identity/seed';
import { imageService } from '../image';
import { blockStorageService, volumeService } from './index';

// Issue 19's Cinder operations: backups, transfers, retype, volume types with extra specs and access, QoS specs.

type Doc = Record<string, unknown> & { id: string; status: string };

const DEMO = seedProjectId('demo');
const TEAM = seedProjectId('demo-team');
const ADMIN = seedProjectId('admin');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// speed 20: a backup (3 s) takes 150 ms. More volumes than the default quota of 10.
const tc = sharedTestCloud({ speed: 20, services: [identityService, imageService, volumeService, blockStorageService] }, async ({ cloud, admin }) => {
  await call(cloud, 'PUT', `/volume/v3/${ADMIN}/os-quota-sets/${DEMO}`, { token: admin, body: { quota_set: { volumes: 50 } } });
});
const api = (method: string, path: string, opts: { token?: string; body?: unknown; project?: string; mv?: string } = {}) =>
  call(tc.cloud, method, `/volume/v3/${opts.project ?? DEMO}${path}`, {
    token: opts.token ?? tc.demo,
    body: opts.body,
    headers: { 'OpenStack-API-Version': `volume ${opts.mv ?? '3.70'}` },
  });
const errorOf = (r: { body: unknown }) => Object.values(r.body as Record<string, { message: string }>)[0].message;

async function until(path: string, status: string, opts: { token?: string; project?: string } = {}): Promise<Doc | null> {
  for (let i = 0; i < 100; i++) {
    const r = await api('GET', path, opts);
    if (status === 'gone' && r.status === 404) return null;
    const doc = Object.values(r.body as Record<string, Doc>)[0];
    if (doc.status === status) return doc;
    await sleep(20);
  }
  throw new Error(`${path} never reached ${status}`);
}

async function newVolume(name: string, size = 1, token = tc.demo, project = DEMO): Promise<string> {
  const r = await api('POST', '/volumes', { token, project, body: { volume: { size, name } } });
  expect(r.status).toBe(202);
  const id = (r.body as { volume: Doc }).volume.id;
  await until(`/volumes/${id}`, 'available', { token, project });
  return id;
}

describe('backups', () => {
  it('refuses an incremental backup before any full one', async () => {
    const vol = await newVolume('bk-first');
    const r = await api('POST', '/backups', { body: { backup: { volume_id: vol, incremental: true } } });
    expect(r.status).toBe(400);
    expect(errorOf(r)).toBe('Invalid backup: No backups available to do an incremental backup.');
  });

  it('creates a full backup (volume backing-up, backup creating -> available), then an incremental on it', async () => {
    const vol = await newVolume('bk-src', 2);
    const r = await api('POST', '/backups', { body: { backup: { volume_id: vol, name: 'full' } } });
    expect(r.status).toBe(202);
    const full = (r.body as { backup: Doc }).backup;
    expect(Object.keys(full).sort()).toEqual(['id', 'links', 'name']);
    expect(((await api('GET', `/volumes/${vol}`)).body as { volume: Doc }).volume.status).toBe('backing-up');
    expect(((await api('GET', `/backups/${full.id}`)).body as { backup: Doc }).backup.status).toBe('creating');
    const done = await until(`/backups/${full.id}`, 'available');
    expect(done).toMatchObject({ size: 2, is_incremental: false, has_dependent_backups: false, volume_id: vol, fail_reason: null, metadata: {} });
    expect(done).not.toHaveProperty('os-backup-project-attr:project_id');
    await until(`/volumes/${vol}`, 'available');

    const inc = await api('POST', '/backups', { body: { backup: { volume_id: vol, name: 'inc', incremental: true } } });
    expect(inc.status).toBe(202);
    const incId = (inc.body as { backup: Doc }).backup.id;
    expect(await until(`/backups/${incId}`, 'available')).toMatchObject({ is_incremental: true });
    expect(((await api('GET', `/backups/${full.id}`)).body as { backup: Doc }).backup.has_dependent_backups).toBe(true);

    const blocked = await api('DELETE', `/backups/${full.id}`);
    expect(blocked.status).toBe(400);
    expect(errorOf(blocked)).toBe('Invalid backup: Incremental backups exist for this backup.');
    expect((await api('DELETE', `/backups/${incId}`)).status).toBe(202);
    await until(`/backups/${incId}`, 'gone');
    expect((await api('DELETE', `/backups/${full.id}`)).status).toBe(202);
    await until(`/backups/${full.id}`, 'gone');
  });

  it('needs --force for an in-use volume and refuses a volume in a transitional state', async () => {
    const vol = await newVolume('bk-busy');
    await api('POST', `/volumes/${vol}/action`, { token: tc.admin, body: { 'os-reset_status': { status: 'in-use' } } });
    const r = await api('POST', '/backups', { body: { backup: { volume_id: vol } } });
    expect(errorOf(r)).toBe('Invalid volume: Backing up an in-use volume must use the force flag.');
    await api('POST', `/volumes/${vol}/action`, { token: tc.admin, body: { 'os-reset_status': { status: 'extending' } } });
    const busy = await api('POST', '/backups', { body: { backup: { volume_id: vol } } });
    expect(errorOf(busy)).toBe('Invalid volume: Volume to be backed up must be available or in-use, but the current status is "extending".');
  });

  it('restores to a new volume and to an existing one (restoring-backup on the volume, restoring on the backup)', async () => {
    const vol = await newVolume('bk-restore', 2);
    const id = ((await api('POST', '/backups', { body: { backup: { volume_id: vol } } })).body as { backup: Doc }).backup.id;
    await until(`/backups/${id}`, 'available');

    const r = await api('POST', `/backups/${id}/restore`, { body: { restore: {} } });
    expect(r.status).toBe(202);
    const restore = (r.body as { restore: { volume_id: string; volume_name: string; backup_id: string } }).restore;
    expect(restore).toMatchObject({ backup_id: id, volume_name: `restore_backup_${id}` });
    const created = ((await api('GET', `/volumes/${restore.volume_id}`)).body as { volume: Doc }).volume;
    expect(created).toMatchObject({ status: 'restoring-backup', size: 2, description: 'auto-created_from_restore_from_backup' });
    expect(((await api('GET', `/backups/${id}`)).body as { backup: Doc }).backup.status).toBe('restoring');
    await until(`/volumes/${restore.volume_id}`, 'available');
    await until(`/backups/${id}`, 'available');

    const small = await newVolume('bk-small', 1);
    const tooSmall = await api('POST', `/backups/${id}/restore`, { body: { restore: { volume_id: small } } });
    expect(errorOf(tooSmall)).toBe('Invalid volume: volume size 1 is too small to restore backup of size 2.');
    const target = await newVolume('bk-target', 3);
    const onto = await api('POST', `/backups/${id}/restore`, { body: { restore: { volume_id: target } } });
    expect((onto.body as { restore: Doc }).restore).toMatchObject({ volume_id: target, volume_name: 'bk-target' });
    expect(((await api('GET', `/volumes/${target}`)).body as { volume: Doc }).volume.status).toBe('restoring-backup');
    await until(`/volumes/${target}`, 'available');
  });

  it('counts backups in limits and quota usage, and refuses beyond the backups quota with 413', async () => {
    const limits = ((await api('GET', '/limits')).body as { limits: { absolute: Record<string, number> } }).limits.absolute;
    expect(limits.totalBackupsUsed).toBeGreaterThan(0);
    await api('PUT', `/os-quota-sets/${TEAM}`, { token: tc.admin, body: { quota_set: { backups: 0 } } });
    const vol = await newVolume('bk-quota', 1, tc.team, TEAM);
    const r = await api('POST', '/backups', { token: tc.team, project: TEAM, body: { backup: { volume_id: vol } } });
    expect(r.status).toBe(413);
    expect(errorOf(r)).toContain('Maximum number of backups allowed (0) exceeded');
  });

  it('admins reset a backup status and force-delete it; members are refused', async () => {
    const vol = await newVolume('bk-admin');
    const id = ((await api('POST', '/backups', { body: { backup: { volume_id: vol } } })).body as { backup: Doc }).backup.id;
    expect((await api('POST', `/backups/${id}/action`, { body: { 'os-force_delete': {} } })).status).toBe(403);
    expect((await api('POST', `/backups/${id}/action`, { token: tc.admin, body: { 'os-reset_status': { status: 'error' } } })).status).toBe(202);
    expect(((await api('GET', `/backups/${id}`)).body as { backup: Doc }).backup.status).toBe('error');
    expect((await api('POST', `/backups/${id}/action`, { token: tc.admin, body: { 'os-force_delete': {} } })).status).toBe(202);
    await until(`/backups/${id}`, 'gone');
  });

  it('lists the volume-backup service in os-services for admins only', async () => {
    const r = await api('GET', '/os-services', { token: tc.admin });
    expect((r.body as { services: Array<{ binary: string }> }).services.map((s) => s.binary)).toContain('cinder-backup');
    expect((await api('GET', '/os-services')).status).toBe(403);
  });
});

describe('transfers', () => {
  it('creates a transfer (auth key once, volume awaiting-transfer), lists it, and another project accepts it', async () => {
    const vol = await newVolume('tr-src');
    const r = await api('POST', '/volume-transfers', { body: { transfer: { volume_id: vol, name: ' tr ' } } });
    expect(r.status).toBe(202);
    const t = (r.body as { transfer: Doc & { auth_key: string } }).transfer;
    expect(t).toMatchObject({ name: 'tr', volume_id: vol, no_snapshots: false, accepted: false, source_project_id: DEMO, destination_project_id: null });
    expect(t.auth_key).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(t.links)).toContain('/os-volume-transfer/');
    expect(((await api('GET', `/volumes/${vol}`)).body as { volume: Doc }).volume.status).toBe('awaiting-transfer');
    const del = await api('DELETE', `/volumes/${vol}`);
    expect(del.status).toBe(400);

    const listed = ((await api('GET', '/volume-transfers/detail')).body as { transfers: Doc[] }).transfers;
    expect(listed.find((x) => x.id === t.id)).not.toHaveProperty('auth_key');
    expect((await api('GET', '/volume-transfers/detail', { mv: '3.54' })).status).toBe(404);
    expect((await api('GET', `/os-volume-transfer/${t.id}`, { token: tc.team, project: TEAM })).status).toBe(404);

    const wrong = await api('POST', `/os-volume-transfer/${t.id}/accept`, { token: tc.team, project: TEAM, body: { accept: { auth_key: '0000000000000000' } } });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong)).toBe(`Invalid auth key: Attempt to transfer ${t.id} with invalid auth key.`);
    const ok = await api('POST', `/os-volume-transfer/${t.id}/accept`, { token: tc.team, project: TEAM, body: { accept: { auth_key: t.auth_key } } });
    expect(ok.status).toBe(202);
    expect((ok.body as { transfer: Doc }).transfer).toMatchObject({ id: t.id, volume_id: vol, name: 'tr' });
    expect((await api('GET', `/volumes/${vol}`)).status).toBe(404);
    const moved = ((await api('GET', `/volumes/${vol}`, { token: tc.team, project: TEAM })).body as { volume: Doc }).volume;
    expect(moved).toMatchObject({ status: 'available', 'os-vol-tenant-attr:tenant_id': TEAM });
    expect((await api('GET', `/os-volume-transfer/${t.id}`)).status).toBe(404);
  });

  it('refuses a volume that is not available, and deleting a transfer makes the volume available again', async () => {
    const vol = await newVolume('tr-del');
    const t = ((await api('POST', '/os-volume-transfer', { body: { transfer: { volume_id: vol } } })).body as { transfer: Doc }).transfer;
    const again = await api('POST', '/os-volume-transfer', { body: { transfer: { volume_id: vol } } });
    expect(errorOf(again)).toBe('Invalid volume: status must be available');
    expect((await api('DELETE', `/os-volume-transfer/${t.id}`)).status).toBe(202);
    expect(((await api('GET', `/volumes/${vol}`)).body as { volume: Doc }).volume.status).toBe('available');
  });
});

describe('volume types, extra specs, access and QoS', () => {
  it('admins create a type with specs, set and unset specs; members see only user-visible specs and no qos_specs_id', async () => {
    const c = await api('POST', '/types', { token: tc.admin, project: ADMIN, body: { volume_type: { name: 'gold', description: 'fast', extra_specs: { volume_backend_name: 'fake' } } } });
    expect(c.status).toBe(200);
    const type = (c.body as { volume_type: Doc }).volume_type;
    expect(type).not.toHaveProperty('qos_specs_id');
    const set = await api('POST', `/types/${type.id}/extra_specs`, { token: tc.admin, project: ADMIN, body: { extra_specs: { multiattach: '<is> True', tier: 'gold' } } });
    expect(set.body).toEqual({ extra_specs: { multiattach: '<is> True', tier: 'gold' } });
    expect((await api('DELETE', `/types/${type.id}/extra_specs/tier`, { token: tc.admin, project: ADMIN })).status).toBe(202);
    const missing = await api('DELETE', `/types/${type.id}/extra_specs/tier`, { token: tc.admin, project: ADMIN });
    expect(errorOf(missing)).toBe(`Volume Type ${type.id} has no extra specs with key tier.`);

    const asAdmin = ((await api('GET', '/types', { token: tc.admin, project: ADMIN })).body as { volume_types: Doc[] }).volume_types.find((t) => t.id === type.id);
    expect(asAdmin).toMatchObject({ extra_specs: { volume_backend_name: 'fake', multiattach: '<is> True' }, qos_specs_id: null });
    const asMember = ((await api('GET', '/types')).body as { volume_types: Doc[] }).volume_types.find((t) => t.id === type.id);
    expect(asMember?.extra_specs).toEqual({ multiattach: '<is> True' });
    expect(asMember).not.toHaveProperty('qos_specs_id');
    expect((await api('POST', `/types/${type.id}/extra_specs`, { body: { extra_specs: { a: 'b' } } })).status).toBe(403);
  });

  it('shares a private type with a project', async () => {
    const c = await api('POST', '/types', { token: tc.admin, project: ADMIN, body: { volume_type: { name: 'private-1', 'os-volume-type-access:is_public': false } } });
    const type = (c.body as { volume_type: Doc }).volume_type;
    const names = async () => ((await api('GET', '/types')).body as { volume_types: Doc[] }).volume_types.map((t) => t.name);
    expect(await names()).not.toContain('private-1');
    expect((await api('POST', `/types/${type.id}/action`, { token: tc.admin, project: ADMIN, body: { addProjectAccess: { project: DEMO } } })).status).toBe(202);
    expect(await names()).toContain('private-1');
    const access = await api('GET', `/types/${type.id}/os-volume-type-access`, { token: tc.admin, project: ADMIN });
    expect(access.body).toEqual({ volume_type_access: [{ volume_type_id: type.id, project_id: DEMO }] });
    const dup = await api('POST', `/types/${type.id}/action`, { token: tc.admin, project: ADMIN, body: { addProjectAccess: { project: DEMO } } });
    expect(dup.status).toBe(409);
  });

  it('QoS specs: create, set, unset keys, associate, refuse delete while associated, force delete', async () => {
    const c = await api('POST', '/qos-specs', { token: tc.admin, project: ADMIN, body: { qos_specs: { name: 'iops', consumer: 'front-end', read_iops_sec: '100' } } });
    expect(c.status).toBe(200);
    const body = c.body as { qos_specs: Doc; links: unknown[] };
    expect(body.qos_specs).toMatchObject({ name: 'iops', consumer: 'front-end', specs: { read_iops_sec: '100' } });
    expect(body.links).toHaveLength(2);
    const id = body.qos_specs.id;
    expect((await api('POST', '/qos-specs', { token: tc.admin, project: ADMIN, body: { qos_specs: { name: 'iops' } } })).status).toBe(409);
    expect((await api('PUT', `/qos-specs/${id}`, { token: tc.admin, project: ADMIN, body: { qos_specs: { write_iops_sec: '50' } } })).body).toEqual({ qos_specs: { write_iops_sec: '50' } });
    expect((await api('PUT', `/qos-specs/${id}/delete_keys`, { token: tc.admin, project: ADMIN, body: { keys: ['read_iops_sec'] } })).status).toBe(202);
    const shown = ((await api('GET', `/qos-specs/${id}`, { token: tc.admin, project: ADMIN })).body as { qos_specs: Doc }).qos_specs;
    expect(shown.specs).toEqual({ write_iops_sec: '50' });

    const type = ((await api('POST', '/types', { token: tc.admin, project: ADMIN, body: { volume_type: { name: 'qos-type' } } })).body as { volume_type: Doc }).volume_type;
    expect((await api('GET', `/qos-specs/${id}/associate?vol_type_id=${type.id}`, { token: tc.admin, project: ADMIN })).status).toBe(202);
    expect((await api('GET', `/qos-specs/${id}/associations`, { token: tc.admin, project: ADMIN })).body).toEqual({
      qos_associations: [{ association_type: 'volume_type', name: 'qos-type', id: type.id }],
    });
    expect(((await api('GET', `/types/${type.id}`, { token: tc.admin, project: ADMIN })).body as { volume_type: Doc }).volume_type.qos_specs_id).toBe(id);
    const inUse = await api('DELETE', `/qos-specs/${id}`, { token: tc.admin, project: ADMIN });
    expect(inUse.status).toBe(400);
    expect(errorOf(inUse)).toBe('Qos specs still in use.');
    expect((await api('DELETE', `/qos-specs/${id}?force=true`, { token: tc.admin, project: ADMIN })).status).toBe(202);
    expect(((await api('GET', `/types/${type.id}`, { token: tc.admin, project: ADMIN })).body as { volume_type: Doc }).volume_type.qos_specs_id).toBeNull();
    expect((await api('GET', '/qos-specs')).status).toBe(403);
  });
});

describe('retype', () => {
  const mkType = async (name: string, specs: Record<string, string> = {}) =>
    ((await api('POST', '/types', { token: tc.admin, project: ADMIN, body: { volume_type: { name, extra_specs: specs } } })).body as { volume_type: Doc }).volume_type;

  it('retypes in place when the specs match (retyping -> available with the new type)', async () => {
    await mkType('plain-2');
    const vol = await newVolume('rt-plain');
    const r = await api('POST', `/volumes/${vol}/action`, { body: { 'os-retype': { new_type: 'plain-2', migration_policy: 'never' } } });
    expect(r.status).toBe(202);
    expect(((await api('GET', `/volumes/${vol}`)).body as { volume: Doc }).volume.status).toBe('retyping');
    expect(await until(`/volumes/${vol}`, 'available')).toMatchObject({ volume_type: 'plain-2' });
    const same = await api('POST', `/volumes/${vol}/action`, { body: { 'os-retype': { new_type: 'plain-2' } } });
    expect(errorOf(same)).toMatch(/^Invalid volume: Retype needs volume to be in available or in-use state/);
  });

  it('keeps the old type when a migration is needed and the policy is never; migrates on-demand', async () => {
    await mkType('backend-b', { volume_backend_name: 'other' });
    const vol = await newVolume('rt-mig');
    await api('POST', `/volumes/${vol}/action`, { body: { 'os-retype': { new_type: 'backend-b' } } });
    expect(await until(`/volumes/${vol}`, 'available')).toMatchObject({ volume_type: '__DEFAULT__' });
    await api('POST', `/volumes/${vol}/action`, { body: { 'os-retype': { new_type: 'backend-b', migration_policy: 'on-demand' } } });
    await sleep(200);
    const done = ((await api('GET', `/volumes/${vol}`, { token: tc.admin, project: ADMIN })).body as { volume: Doc }).volume;
    expect(done).toMatchObject({ status: 'available', volume_type: 'backend-b', migration_status: 'success' });
  });

  it('rejects a bad migration policy and an unknown type', async () => {
    const vol = await newVolume('rt-bad');
    const bad = await api('POST', `/volumes/${vol}/action`, { body: { 'os-retype': { new_type: 'plain-2', migration_policy: 'sometimes' } } });
    expect(bad.status).toBe(400);
    expect((await api('POST', `/volumes/${vol}/action`, { body: { 'os-retype': { new_type: 'nope' } } })).status).toBe(404);
  });
});
