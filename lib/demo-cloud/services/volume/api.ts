import type { CloudCore } from '../../core/cloud';
import { notFound } from '../../core/errors';
import { settleAll, type Volume } from './model';
import { attach, createVolume, deleteVolume, detach } from './ops';

// Cross-service contract of the block-storage service (Cinder), for Nova.

export type { Volume } from './model';

/** The volume with this id (settled), or undefined. No tenancy check. */
export function findVolume(core: CloudCore, id: string): Volume | undefined {
  return settleAll(core).volumes.find((v) => v.id === id);
}

/**
 * A volume for boot-from-volume (creating -> available, bootable when made from an image).
 * Throws HttpError 400/404/413 with Cinder's messages (quota, image too big, unknown source).
 */
export function createBootVolume(
  core: CloudCore,
  input: { projectId: string; size: number; imageId?: string; snapshotId?: string; sourceVolumeId?: string; name?: string; userId?: string },
): Volume {
  return createVolume(core, {
    projectId: input.projectId,
    userId: input.userId,
    size: input.size,
    imageId: input.imageId,
    snapshotId: input.snapshotId,
    sourceVolumeId: input.sourceVolumeId,
    name: input.name ?? '',
    description: '',
  });
}

/**
 * Attaches a volume of the project to a server: attaching now, in-use after about 1 s.
 * Throws 404 for an unknown volume and 400 "Invalid volume: Volume status must be available to reserve, ..." otherwise.
 */
export function attachVolume(
  core: CloudCore,
  input: { volumeId: string; serverId: string; projectId: string; device?: string; isAdmin?: boolean },
): { device: string; attachmentId: string } {
  const volume = findVolume(core, input.volumeId);
  if (!volume || (!input.isAdmin && volume.project_id !== input.projectId)) {
    throw notFound(`Volume ${input.volumeId} could not be found.`);
  }
  const att = attach(core, volume, { serverId: input.serverId, device: input.device ?? null, hostName: null });
  return { device: att.device ?? '', attachmentId: att.attachment_id };
}

/** Detaches the volume from the server: detaching now, available after about 1 s. */
export function detachVolume(core: CloudCore, input: { volumeId: string; serverId: string }): void {
  const volume = findVolume(core, input.volumeId);
  if (!volume) throw notFound(`Volume ${input.volumeId} could not be found.`);
  detach(core, volume, { serverId: input.serverId });
}

/** Volumes attached (or attaching/detaching) to a server; `id` is the volume id, as Nova shows it. */
export function serverVolumeAttachments(
  core: CloudCore,
  serverId: string,
): Array<{ id: string; volumeId: string; serverId: string; device: string; attachmentId: string }> {
  return settleAll(core).volumes.flatMap((v) =>
    v.attachments
      .filter((a) => a.server_id === serverId)
      .map((a) => ({ id: v.id, volumeId: v.id, serverId, device: a.device ?? '', attachmentId: a.attachment_id })),
  );
}

/** delete_on_termination: drops the attachments and deletes the volume (deleting -> gone), snapshots aside. */
export function deleteVolumeForServer(core: CloudCore, volumeId: string): void {
  const volume = findVolume(core, volumeId);
  if (!volume || volume.status === 'deleting') return;
  volume.attachments = [];
  volume.status = 'available';
  const hasSnapshots = settleAll(core).snapshots.some((x) => x.volume_id === volumeId);
  if (hasSnapshots) {
    // Cinder refuses to delete a volume with snapshots; Nova logs it and leaves the volume available.
    core.state.markDirty();
    return;
  }
  deleteVolume(core, volume, { force: true });
}

/** A service grows the volume it attached to its own server (Trove's resize_volume: Cinder extends it in use). */
export function extendServiceVolume(core: CloudCore, volumeId: string, newSize: number): void {
  const volume = findVolume(core, volumeId);
  if (!volume) return;
  volume.size = newSize;
  core.state.markDirty();
}
