import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, HttpError, notFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import { schedule } from '../../core/transitions';
import type { VolumeRouter } from './microversion';
import { AZ, cinderTime, getSnapshot, getVolume, quotaLimits, settleAll, usage, type Backup, type VolumeState } from './model';
import { createVolume, invalidVolume } from './ops';
import { links, type View } from './render';
import { listRoutes, rejectLikeFilters } from './volumes';
import { asObject, boolOf, fieldError, metadataOf, optString, policyDenied, UUID_RE } from './parse';

// Cinder's volume backups (/backups): full and incremental, restore to a new or an existing volume.
// The demo cloud runs a backup service (cinder-backup in os-services), so backups become available; the
// real test cloud runs none and its backups end in error ("Service not found for creating backup.").

/** Nominal seconds the backup service takes to copy or restore a volume. */
const BACKUP_SECONDS = 3;

export const invalidBackup = (reason: string) => badRequest(`Invalid backup: ${reason}`);

const overLimit = (message: string) => new HttpError(413, message, { title: 'overLimit', headers: { 'Retry-After': '0' } });

export function getBackup(core: CloudCore, id: string, view: View): Backup {
  const b = settleAll(core).backups.find((x) => x.id === id && (view.isAdmin || x.project_id === view.projectId));
  if (!b) throw notFound(`Backup ${id} could not be found.`);
  return b;
}

/** Cinder's backup detail view (cinder/api/v3/views/backups.py and the controller's extra attributes). */
export function backupDetail(view: View, s: VolumeState, b: Backup) {
  const doc: Record<string, unknown> = {
    id: b.id,
    status: b.status,
    size: b.size,
    object_count: b.object_count,
    availability_zone: b.availability_zone,
    container: b.container,
    created_at: b.created_at,
    updated_at: b.updated_at,
    name: b.name,
    description: b.description,
    fail_reason: b.fail_reason,
    volume_id: b.volume_id,
    links: links(view, 'backups', b.id, view.projectId),
    is_incremental: b.parent_id !== null,
    has_dependent_backups: s.backups.some((x) => x.parent_id === b.id),
    snapshot_id: b.snapshot_id,
    data_timestamp: b.data_timestamp,
  };
  if (view.mv >= 43) doc.metadata = { ...b.metadata };
  // backup:backup_project_attribute is admin-only in Zed's policy.
  if (view.mv >= 18 && view.isAdmin) doc['os-backup-project-attr:project_id'] = b.project_id;
  if (view.mv >= 56 && view.isAdmin) doc.user_id = b.user_id;
  return doc;
}

const backupSummary = (view: View, b: Backup) => ({ id: b.id, name: b.name, links: links(view, 'backups', b.id, view.projectId) });

function checkBackupQuota(s: VolumeState, projectId: string, size: number): void {
  const limits = quotaLimits(s, projectId);
  const used = usage(s, projectId);
  if (limits.backups >= 0 && used.backups + 1 > limits.backups) {
    throw overLimit(`BackupLimitExceeded: Maximum number of backups allowed (${limits.backups}) exceeded`);
  }
  if (limits.backup_gigabytes >= 0 && used.backup_gigabytes + size > limits.backup_gigabytes) {
    throw overLimit(
      `VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed Backup gigabytes quota. Requested ${size}G, quota is ${limits.backup_gigabytes}G and ${used.backup_gigabytes}G has been consumed.`,
    );
  }
}

export interface CreateBackupInput {
  projectId: string;
  userId: string;
  isAdmin: boolean;
  volumeId: string;
  name?: string | null;
  description?: string | null;
  container?: string | null;
  incremental?: boolean;
  force?: boolean;
  snapshotId?: string;
  metadata?: Record<string, string>;
  availabilityZone?: string | null;
}

/** cinder.backup.api.API.create: checks, quota, the parent of an incremental, then creating -> available. */
export function createBackup(core: CloudCore, input: CreateBackupInput): Backup {
  const s = settleAll(core);
  const volume = getVolume(core, input.volumeId, input.isAdmin ? null : input.projectId);
  const snapshot = input.snapshotId ? getSnapshot(core, input.snapshotId, input.isAdmin ? null : input.projectId) : undefined;
  if (snapshot) {
    if (snapshot.volume_id !== volume.id) throw invalidVolume(`Volume ${volume.id} does not match with snapshot.volume_id ${snapshot.volume_id}.`);
    if (snapshot.status !== 'available') {
      throw badRequest(`Invalid snapshot: Snapshot to be backed up must be available, but the current status is "${snapshot.status}".`);
    }
  } else if (!['available', 'in-use'].includes(volume.status)) {
    throw invalidVolume(`Volume to be backed up must be available or in-use, but the current status is "${volume.status}".`);
  } else if (volume.status === 'in-use' && !input.force) {
    throw invalidVolume('Backing up an in-use volume must use the force flag.');
  }
  checkBackupQuota(s, input.projectId, volume.size);
  let parent: Backup | undefined;
  if (input.incremental) {
    const mine = s.backups.filter((b) => b.volume_id === volume.id && b.project_id === input.projectId);
    if (mine.length === 0) throw invalidBackup('No backups available to do an incremental backup.');
    // The latest available backup (by data_timestamp) is the parent; Zed refuses when the newest is not available.
    parent = [...mine].sort((a, b) => rank(b) - rank(a) || b.data_timestamp.localeCompare(a.data_timestamp))[0];
    if (parent.status !== 'available') throw invalidBackup('The parent backup must be available for incremental backup.');
  }
  const now = cinderTime(core.clock.now());
  const backup: Backup = {
    id: uuid(),
    project_id: input.projectId,
    user_id: input.userId,
    name: input.name ?? null,
    description: input.description ?? null,
    volume_id: volume.id,
    snapshot_id: snapshot?.id ?? null,
    status: 'creating',
    size: volume.size,
    object_count: 0,
    availability_zone: input.availabilityZone ?? null,
    container: input.container ?? null,
    parent_id: parent?.id ?? null,
    fail_reason: null,
    metadata: { ...input.metadata },
    created_at: now,
    updated_at: now,
    data_timestamp: snapshot ? snapshot.created_at : now,
  };
  const done = cinderTime(core.clock.after(BACKUP_SECONDS));
  // Chunked driver defaults: 1999 MiB objects, so about one object per 2 GiB; the container is named by the driver.
  schedule(backup, core.clock, [
    [BACKUP_SECONDS, { status: 'available', object_count: Math.max(1, Math.ceil(volume.size / 2)), container: input.container ?? 'volumebackups', availability_zone: AZ, updated_at: done }],
  ]);
  if (snapshot) {
    snapshot.status = 'backing-up';
    schedule(snapshot, core.clock, [[BACKUP_SECONDS, { status: 'available', updated_at: done }]]);
  } else {
    const back = volume.status;
    delete volume._pending;
    volume.status = 'backing-up';
    volume.updated_at = now;
    schedule(volume, core.clock, [[BACKUP_SECONDS, { status: back, updated_at: done }]]);
  }
  s.backups.push(backup);
  core.state.markDirty();
  return backup;
}

/** Available first, then by data_timestamp: the order Cinder picks an incremental's parent in. */
const rank = (b: Backup) => (b.status === 'available' ? 1 : 0);

/** Starts a delete: deleting now, gone after a second. Refused while incrementals depend on it. */
export function deleteBackup(core: CloudCore, backup: Backup, force = false): void {
  const s = settleAll(core);
  if (!force && !['available', 'error'].includes(backup.status)) throw invalidBackup('Backup status must be available or error');
  if (s.backups.some((b) => b.parent_id === backup.id)) throw invalidBackup('Incremental backups exist for this backup.');
  backup.status = 'deleting';
  backup.updated_at = cinderTime(core.clock.now());
  schedule(backup, core.clock, [[1, { _gone: true }]]);
  core.state.markDirty();
}

/** cinder.backup.api.API.restore: a new volume (restore_backup_<id>) or an existing available one. */
export function restoreBackup(
  core: CloudCore,
  backup: Backup,
  opts: { view: View; userId: string; volumeId?: string; name?: string | null },
): { backup_id: string; volume_id: string; volume_name: string | null } {
  const { view } = opts;
  if (backup.status !== 'available') throw invalidBackup('Backup status must be available');
  const volume = opts.volumeId
    ? getVolume(core, opts.volumeId, view.isAdmin ? null : view.projectId)
    : createVolume(core, {
      projectId: view.projectId,
      userId: opts.userId,
      size: backup.size,
      name: opts.name ?? `restore_backup_${backup.id}`,
      description: 'auto-created_from_restore_from_backup',
    });
  if (opts.volumeId) {
    if (volume.status !== 'available') throw invalidVolume('Volume to be restored to must be available');
    if (backup.size > volume.size) throw invalidVolume(`volume size ${volume.size} is too small to restore backup of size ${backup.size}.`);
  }
  // The API waits for a new volume to leave `creating`; the demo volume goes straight to restoring-backup.
  const done = cinderTime(core.clock.after(BACKUP_SECONDS));
  volume.status = 'restoring-backup';
  volume.updated_at = cinderTime(core.clock.now());
  schedule(volume, core.clock, [[BACKUP_SECONDS, { status: 'available', updated_at: done }]]);
  backup.status = 'restoring';
  backup.updated_at = volume.updated_at;
  schedule(backup, core.clock, [[BACKUP_SECONDS, { status: 'available', updated_at: done }]]);
  core.state.markDirty();
  return { backup_id: backup.id, volume_id: volume.id, volume_name: volume.name };
}

function visibleBackups(s: VolumeState, view: View, ctx: RequestContext): Backup[] {
  rejectLikeFilters(ctx);
  const all = view.isAdmin && ctx.flag('all_tenants');
  const q = ctx.query;
  return s.backups.filter((b) => {
    if (!all && b.project_id !== view.projectId) return false;
    if (all && q.get('project_id') && b.project_id !== q.get('project_id')) return false;
    for (const key of ['name', 'status', 'volume_id'] as const) {
      const want = q.get(key);
      if (want !== null && String(b[key]) !== want) return false;
    }
    return true;
  });
}

export function backupRoutes(core: CloudCore, r: VolumeRouter): void {
  const base = '/v3/{project_id}/backups';

  listRoutes(core, r, base, 'backups', visibleBackups, backupDetail, backupSummary);

  r.post(base, async (ctx, view) => {
    const auth = ctx.authProject();
    const b = asObject(await ctx.json(), 'backup');
    if (b.volume_id === undefined) throw fieldError('backup', b, "'volume_id' is a required property");
    if (typeof b.volume_id !== 'string' || !UUID_RE.test(b.volume_id)) throw fieldError('volume_id', b.volume_id, `'${String(b.volume_id)}' is not a 'uuid'`);
    const snapshotId = optString(b, 'snapshot_id') ?? undefined;
    if (snapshotId !== undefined && !UUID_RE.test(snapshotId)) throw fieldError('snapshot_id', snapshotId, `'${snapshotId}' is not a 'uuid'`);
    const backup = createBackup(core, {
      projectId: view.projectId,
      userId: auth.user.id,
      isAdmin: view.isAdmin,
      volumeId: b.volume_id,
      name: optString(b, 'name'),
      description: optString(b, 'description'),
      container: optString(b, 'container'),
      incremental: b.incremental === undefined || b.incremental === null ? false : boolOf(b.incremental, 'incremental'),
      force: b.force === undefined || b.force === null ? false : boolOf(b.force, 'force'),
      snapshotId,
      metadata: view.mv >= 43 ? metadataOf(b) : undefined,
      availabilityZone: view.mv >= 51 ? optString(b, 'availability_zone') : undefined,
    });
    return json(202, { backup: backupSummary(view, backup) });
  });

  r.get(`${base}/{backup_id}`, (ctx, view) => json(200, { backup: backupDetail(view, settleAll(core), getBackup(core, ctx.params.backup_id, view)) }));

  // Backup update (3.9+): name, description, metadata (3.43+); answers with the summary view.
  r.put(`${base}/{backup_id}`, async (ctx, view) => {
    if (view.mv < 9) throw notFound('The resource could not be found.');
    const b = asObject(await ctx.json(), 'backup');
    const allowed = view.mv >= 43 ? ['name', 'description', 'metadata'] : ['name', 'description'];
    const extra = Object.keys(b).filter((k) => !allowed.includes(k));
    if (extra.length) throw fieldError('backup', b, `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(', ')} ${extra.length > 1 ? 'were' : 'was'} unexpected)`);
    const backup = getBackup(core, ctx.params.backup_id, view);
    if ('name' in b) backup.name = optString(b, 'name') ?? null;
    if ('description' in b) backup.description = optString(b, 'description') ?? null;
    const metadata = metadataOf(b);
    if (metadata) backup.metadata = metadata;
    backup.updated_at = cinderTime(core.clock.now());
    return json(200, { backup: backupSummary(view, backup) });
  });

  r.delete(`${base}/{backup_id}`, (ctx, view) => {
    deleteBackup(core, getBackup(core, ctx.params.backup_id, view));
    return { status: 202 };
  });

  r.post(`${base}/{backup_id}/restore`, async (ctx, view) => {
    const auth = ctx.authProject();
    const body = asObject(await ctx.json(), 'restore');
    const volumeId = optString(body, 'volume_id') ?? undefined;
    if (volumeId !== undefined && !UUID_RE.test(volumeId)) throw fieldError('volume_id', volumeId, `'${volumeId}' is not a 'uuid'`);
    const backup = getBackup(core, ctx.params.backup_id, view);
    const restore = restoreBackup(core, backup, { view, userId: auth.user.id, volumeId, name: optString(body, 'name') });
    return json(202, { restore });
  });

  r.post(`${base}/{backup_id}/action`, async (ctx, view) => {
    const body = (await ctx.json()) as Record<string, unknown> | null;
    const action = body && typeof body === 'object' ? Object.keys(body)[0] : undefined;
    const backup = getBackup(core, ctx.params.backup_id, view);
    if (action === 'os-force_delete') {
      if (!view.isAdmin) throw policyDenied('backup:force_delete');
      deleteBackup(core, backup, true);
      return { status: 202 };
    }
    if (action === 'os-reset_status') {
      if (!view.isAdmin) throw policyDenied('volume_extension:backup_admin_actions:reset_status');
      const status = (body?.[action] as { status?: unknown } | null)?.status;
      if (status !== 'available' && status !== 'error') {
        throw fieldError('status', status, `${typeof status === 'string' ? `'${status}'` : JSON.stringify(status)} is not one of ['available', 'error']`);
      }
      delete backup._pending;
      backup.status = status;
      backup.updated_at = cinderTime(core.clock.now());
      return { status: 202 };
    }
    throw badRequest(`There is no such action: ${String(action)}`);
  });
}
