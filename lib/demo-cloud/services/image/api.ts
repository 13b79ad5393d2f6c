import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isoSeconds } from '../../core/clock';
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { schedule, settle } from '../../core/transitions';
import { fakeQcow2, hashes, imagesDir, imageState, type Image } from './model';
import { listedByDefault, imageVisibleTo as visibleTo } from './visibility';
import { removeImage } from './images';

// Cross-service contract of the image service (Glance), for Nova and Cinder.

export type { Image } from './model';

/** The image with this id (settled), or undefined. No visibility check: see imageVisibleTo. */
export function findImage(core: CloudCore, id: string): Image | undefined {
  const image = imageState(core).images.find((i) => i.id === id);
  if (image && settle(image, core.clock)) core.state.markDirty();
  return image;
}

/** Whether the project may see (and boot from) the image: Glance's read rule. */
export function imageVisibleTo(core: CloudCore, image: Image, projectId: string, isAdmin: boolean): boolean {
  return visibleTo(core, image, projectId, isAdmin);
}

/** The images `GET /v2/images?name=<name>` lists for the project (settled). */
export function imagesNamed(core: CloudCore, name: string, projectId: string, isAdmin: boolean): Image[] {
  return imageState(core).images.filter((i) => i.name === name && listedByDefault(i, projectId, isAdmin)).map((i) => {
    if (settle(i, core.clock)) core.state.markDirty();
    return i;
  });
}

export interface ServerSnapshotInput {
  name: string;
  projectId: string;
  ownerUserId?: string;
  serverId: string;
  metadata?: Record<string, string>;
  minDisk?: number;
  minRam?: number;
  diskFormat?: string;
  containerFormat?: string;
}

/** Nova's createImage: a private snapshot image, queued -> saving -> active over about 3 s. */
export function createImageFromServer(core: CloudCore, input: ServerSnapshotInput): Image {
  const t = isoSeconds(core.clock.now());
  const id = uuid();
  const data = fakeQcow2(`snapshot-${id}`, 4096, 1024 * 1024 * 1024);
  const dir = imagesDir(core);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, id), data);
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.metadata ?? {})) properties[k] = String(v);
  Object.assign(properties, {
    image_type: 'snapshot',
    instance_uuid: input.serverId,
    image_location: 'snapshot',
    image_state: 'available',
    ...(input.ownerUserId ? { user_id: input.ownerUserId } : {}),
  });
  const image: Image = {
    id,
    name: input.name,
    status: 'queued',
    visibility: 'private',
    protected: false,
    os_hidden: false,
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    owner: input.projectId,
    size: null,
    virtual_size: null,
    container_format: input.containerFormat ?? 'bare',
    disk_format: input.diskFormat ?? 'qcow2',
    created_at: t,
    updated_at: t,
    tags: [],
    min_ram: input.minRam ?? 0,
    min_disk: input.minDisk ?? 0,
    properties,
    members: [],
  };
  schedule(image, core.clock, [
    [1, { status: 'saving' }],
    [2, { status: 'active', size: data.length, virtual_size: 1024 * 1024 * 1024, dataFile: id, ...hashes(data) }],
  ]);
  imageState(core).images.push(image);
  core.state.markDirty();
  return image;
}

/** Cinder's os-volume_upload_image: a private image of the project, queued -> saving -> active. */
export function createImageFromVolume(
  core: CloudCore,
  input: { name: string; projectId: string; volumeId: string; sizeGb: number; diskFormat?: string; containerFormat?: string; visibility?: 'private' | 'shared' | 'public' | 'community'; protected?: boolean; minDisk?: number },
): Image {
  const image = createImageFromServer(core, {
    name: input.name,
    projectId: input.projectId,
    serverId: input.volumeId,
    minDisk: input.minDisk ?? input.sizeGb,
    diskFormat: input.diskFormat ?? 'raw',
    containerFormat: input.containerFormat ?? 'bare',
  });
  for (const k of ['image_type', 'instance_uuid', 'image_location', 'image_state']) delete image.properties[k];
  image.visibility = input.visibility ?? 'private';
  image.protected = input.protected ?? false;
  return image;
}

/** Deletes an image Nova made for itself (the `<name>-shelved` snapshot, dropped on unshelve). */
export function deleteServerImage(core: CloudCore, id: string): void {
  const image = imageState(core).images.find((i) => i.id === id);
  if (image) removeImage(core, image);
}
