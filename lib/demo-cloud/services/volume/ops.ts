import type { CloudCore } from '../../core/cloud';
import { badRequest, notFound } from '../../core/errors';
import { failsOnDemand } from '../../core/failures';
import { uuid } from '../../core/ids';
import { schedule } from '../../core/transitions';
import { findImage, imageVisibleTo } from '../image/api';
import {
  AZ, checkQuota, cinderTime, DEFAULT_TYPE_ID, getSnapshot, getVolume, settleAll, type Volume, type VolumeAttachment,
} from './model';
import { invalidInput } from './parse';

// Volume operations shared by the REST routes and the cross-service contract (api.ts).

export const DELETABLE = ['available', 'error', 'error_restoring', 'error_extending', 'error_managing'];
export const DELETE_REFUSED =
  'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.';

export const invalidVolume = (reason: string) => badRequest(`Invalid volume: ${reason}`);

export interface CreateVolumeInput {
  projectId: string;
  userId?: string;
  isAdmin?: boolean;
  size?: number;
  name?: string | null;
  description?: string | null;
  volumeTypeId?: string;
  availabilityZone?: string;
  imageId?: string;
  snapshotId?: string;
  sourceVolumeId?: string;
  metadata?: Record<string, string>;
  multiattach?: boolean;
}

const GB = 1024 ** 3;

export function createVolume(core: CloudCore, input: CreateVolumeInput): Volume {
  const s = settleAll(core);
  const now = core.clock.now();
  let size = input.size;
  let bootable = false;
  let imageMeta: Record<string, string> | undefined;
  if (input.snapshotId) {
    const snap = getSnapshot(core, input.snapshotId, input.isAdmin ? null : input.projectId);
    if (snap.status !== 'available') {
      throw invalidInput(`Originating snapshot status must be one of 'available' values`);
    }
    size ??= snap.size;
    if (size < snap.size) {
      throw invalidInput(`Volume size '${size}'GB cannot be smaller than the snapshot size ${snap.size}GB. They must be >= original snapshot size.`);
    }
    const src = s.volumes.find((v) => v.id === snap.volume_id);
    bootable = src?.bootable ?? false;
    imageMeta = src?.volume_image_metadata ? { ...src.volume_image_metadata } : undefined;
  }
  if (input.sourceVolumeId) {
    const src = getVolume(core, input.sourceVolumeId, input.isAdmin ? null : input.projectId);
    if (!['available', 'in-use'].includes(src.status)) {
      throw invalidVolume(`Volume ${src.id} status must be available or in-use, but current status is: ${src.status}.`);
    }
    size ??= src.size;
    if (size < src.size) {
      throw invalidInput(`Volume size '${size}'GB cannot be smaller than original volume size  ${src.size}GB. They must be >= original volume size.`);
    }
    bootable = src.bootable;
    imageMeta = src.volume_image_metadata ? { ...src.volume_image_metadata } : undefined;
  }
  if (input.imageId) {
    const image = findImage(core, input.imageId);
    if (!image || !imageVisibleTo(core, image, input.projectId, input.isAdmin ?? false)) {
      throw notFound(`Image ${input.imageId} could not be found.`);
    }
    if (image.status !== 'active') throw invalidInput(`Image ${image.id} is not active.`);
    const imageGb = Math.ceil((image.size ?? 0) / GB);
    size ??= Math.max(1, image.min_disk, imageGb);
    if (size < image.min_disk) {
      throw invalidInput(`Volume size ${size}GB cannot be smaller than the image minDisk size ${image.min_disk}GB.`);
    }
    if (size < imageGb) {
      throw invalidInput(`Size of specified image ${imageGb}GB is larger than volume size ${size}GB.`);
    }
    bootable = true;
    imageMeta = {
      ...image.properties,
      image_id: image.id,
      image_name: image.name ?? '',
      checksum: image.checksum ?? '',
      container_format: image.container_format ?? '',
      disk_format: image.disk_format ?? '',
      min_disk: String(image.min_disk),
      min_ram: String(image.min_ram),
      size: String(image.size ?? 0),
    };
  }
  if (size === undefined) throw badRequest('The server could not comply with the request since it is either malformed or otherwise incorrect.');
  if (input.availabilityZone !== undefined && input.availabilityZone !== AZ) {
    throw invalidInput(`Availability zone '${input.availabilityZone}' is invalid.`);
  }
  checkQuota(s, input.projectId, { volumes: 1, gigabytes: size });

  const volume: Volume = {
    id: uuid(),
    project_id: input.projectId,
    user_id: input.userId ?? '',
    name: input.name ?? null,
    description: input.description ?? null,
    size,
    status: 'creating',
    availability_zone: AZ,
    created_at: cinderTime(now),
    updated_at: null,
    volume_type_id: input.volumeTypeId ?? DEFAULT_TYPE_ID,
    snapshot_id: input.snapshotId ?? null,
    source_volid: input.sourceVolumeId ?? null,
    metadata: { ...input.metadata },
    bootable,
    multiattach: input.multiattach ?? false,
    attachments: [],
    migration_status: null,
    ...(imageMeta ? { volume_image_metadata: imageMeta } : {}),
  };
  const failing = failsOnDemand(core, volume.name);
  const done = cinderTime(core.clock.after(2));
  if (input.imageId) {
    schedule(volume, core.clock, [
      [0.5, { status: 'downloading', updated_at: cinderTime(core.clock.after(0.5)) }],
      [1.5, failing ? { status: 'error', updated_at: done } : { status: 'available', updated_at: done }],
    ]);
  } else {
    schedule(volume, core.clock, [[2, failing ? { status: 'error', updated_at: done } : { status: 'available', updated_at: done }]]);
  }
  if (failing) {
    s.messages.push({
      id: uuid(), project_id: input.projectId, request_id: `req-${uuid()}`, resource_type: 'VOLUME', resource_uuid: volume.id,
      event_id: 'VOLUME_VOLUME_001_002', message_level: 'ERROR',
      user_message: 'schedule allocate volume:Could not find any available weighted backend.',
      created_at: cinderTime(now), guaranteed_until: cinderTime(now + 30 * 86400_000),
    });
  }
  s.volumes.push(volume);
  core.state.markDirty();
  return volume;
}

/** Starts a delete: deleting now, gone after a second. `cascade` deletes the snapshots too. */
export function deleteVolume(core: CloudCore, volume: Volume, opts: { cascade?: boolean; force?: boolean } = {}): void {
  const s = settleAll(core);
  const snaps = s.snapshots.filter((x) => x.volume_id === volume.id);
  if (!opts.force) {
    const attached = volume.attachments.length > 0;
    if (!DELETABLE.includes(volume.status) || attached || volume.migration_status) throw badRequest(DELETE_REFUSED);
    if (snaps.length > 0 && !opts.cascade) throw badRequest(DELETE_REFUSED);
    if (opts.cascade && snaps.some((x) => !['available', 'error'].includes(x.status))) {
      throw invalidVolume('Snapshot status must be available or error and must not be part of a group.');
    }
  }
  const t = core.clock.now();
  for (const snap of opts.cascade || opts.force ? snaps : []) {
    snap.status = 'deleting';
    snap.updated_at = cinderTime(t);
    schedule(snap, core.clock, [[1, { _gone: true }]]);
  }
  volume.status = 'deleting';
  volume.attachments = [];
  volume.updated_at = cinderTime(t);
  schedule(volume, core.clock, [[1, { _gone: true }]]);
  core.state.markDirty();
}

function nextDevice(core: CloudCore, serverId: string): string {
  const used = new Set(
    settleAll(core).volumes.flatMap((v) => v.attachments.filter((a) => a.server_id === serverId).map((a) => a.device)),
  );
  for (let c = 'b'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) {
    const dev = `/dev/vd${String.fromCharCode(c)}`;
    if (!used.has(dev)) return dev;
  }
  return '/dev/vdz';
}

/** Reserve + attach: attaching now, in-use after about a second. */
export function attach(
  core: CloudCore,
  volume: Volume,
  opts: { serverId: string | null; device?: string | null; hostName?: string | null; mode?: 'rw' | 'ro'; delay?: number },
): VolumeAttachment {
  const expected = volume.multiattach ? ['available', 'in-use'] : ['available'];
  if (!expected.includes(volume.status)) {
    throw invalidVolume(`Volume status must be ${expected.join(' or ')} to reserve, but the status is ${volume.status}.`);
  }
  const t = core.clock.now();
  const device = opts.device ?? (opts.serverId ? nextDevice(core, opts.serverId) : null);
  const att: VolumeAttachment = {
    attachment_id: uuid(),
    server_id: opts.serverId,
    device,
    host_name: opts.hostName ?? null,
    attached_at: null,
    attach_status: 'attaching',
    attach_mode: opts.mode ?? 'rw',
    connector: null,
  };
  volume.attachments.push(att);
  volume.status = 'attaching';
  volume.updated_at = cinderTime(t);
  const doneAt = cinderTime(core.clock.after(opts.delay ?? 1));
  const final = volume.attachments.map((a) => (a === att ? { ...a, attach_status: 'attached', attached_at: doneAt } : { ...a }));
  schedule(volume, core.clock, [[opts.delay ?? 1, { status: 'in-use', attachments: final, updated_at: doneAt }]]);
  core.state.markDirty();
  return att;
}

/** Detach one attachment (or the server's): detaching now, available (or still in-use) after about a second. */
export function detach(core: CloudCore, volume: Volume, match: { serverId?: string; attachmentId?: string }): void {
  const att = volume.attachments.find((a) =>
    match.attachmentId ? a.attachment_id === match.attachmentId : a.server_id === match.serverId,
  );
  if (!att || !['in-use', 'attaching', 'detaching'].includes(volume.status)) {
    throw invalidVolume(`Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.`);
  }
  const rest = volume.attachments.filter((a) => a !== att).map((a) => ({ ...a }));
  const t = core.clock.now();
  volume.status = 'detaching';
  att.attach_status = 'detaching';
  volume.updated_at = cinderTime(t);
  schedule(volume, core.clock, [
    [1, { status: rest.length ? 'in-use' : 'available', attachments: rest, updated_at: cinderTime(core.clock.after(1)) }],
  ]);
  core.state.markDirty();
}
