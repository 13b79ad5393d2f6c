import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CloudCore } from '../../core/cloud';
import { failureFixtures } from '../../core/failures';
import { stableUuid } from '../../core/ids';
import { seedProjectId } from '../identity/seed';
import type { Transitional } from '../../core/transitions';

// Glance v2 image records, kept as plain JSON in the `image` state slice.

export const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'] as const;
export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'] as const;
export const VISIBILITIES = ['community', 'public', 'private', 'shared'] as const;
export const STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'uploading', 'importing', 'pending_delete', 'deactivated'] as const;

export type Visibility = (typeof VISIBILITIES)[number];
export type MemberStatus = 'pending' | 'accepted' | 'rejected';

export interface ImageMember {
  member_id: string;
  status: MemberStatus;
  created_at: string;
  updated_at: string;
}

export interface Image extends Transitional {
  id: string;
  name: string | null;
  status: string;
  visibility: Visibility;
  protected: boolean;
  os_hidden: boolean;
  checksum: string | null;
  os_hash_algo: string | null;
  os_hash_value: string | null;
  owner: string | null;
  size: number | null;
  virtual_size: number | null;
  container_format: string | null;
  disk_format: string | null;
  created_at: string;
  updated_at: string;
  tags: string[];
  min_ram: number;
  min_disk: number;
  /** Extra properties (os_distro, hw_*, image_type, ...): strings, shown at the top level. */
  properties: Record<string, string>;
  members: ImageMember[];
  /** File name of the data under `<dataDir>/images/`, once uploaded. */
  dataFile?: string;
}

export interface ImageState {
  images: Image[];
}

/** Base attributes of the image schema: everything else is an extra property. */
export const BASE_ATTRS = new Set([
  'id', 'name', 'status', 'visibility', 'protected', 'os_hidden', 'checksum', 'os_hash_algo', 'os_hash_value', 'owner',
  'size', 'virtual_size', 'container_format', 'disk_format', 'created_at', 'updated_at', 'tags', 'direct_url', 'min_ram',
  'min_disk', 'self', 'file', 'stores', 'schema', 'locations',
]);
export const READ_ONLY = new Set([
  'id', 'status', 'checksum', 'os_hash_algo', 'os_hash_value', 'size', 'virtual_size', 'created_at', 'updated_at',
  'direct_url', 'self', 'file', 'stores', 'schema',
]);
/** Names Glance refuses as properties (`Attribute 'x' is reserved.`). */
export const RESERVED = new Set(['deleted', 'deleted_at', 'location', 'locations']);

export const ADMIN_PROJECT_ID = seedProjectId('admin');

export function imagesDir(core: CloudCore): string {
  return path.join(core.options.dataDir, 'images');
}

export function dataPath(core: CloudCore, image: Image): string | null {
  return image.dataFile ? path.join(imagesDir(core), image.dataFile) : null;
}

/** A small file that starts like a qcow2 image (magic "QFI\xfb", version 3), deterministic per name. */
export function fakeQcow2(name: string, bytes: number, virtualSize: number): Buffer {
  const buf = Buffer.alloc(bytes);
  buf.write('QFI\xfb', 0, 'latin1');
  buf.writeUInt32BE(3, 4);
  buf.writeBigUInt64BE(BigInt(virtualSize), 24);
  buf.writeUInt32BE(16, 20); // cluster bits
  let seed = createHash('sha256').update(name).digest();
  for (let off = 512; off < bytes; off += seed.length) {
    seed = createHash('sha256').update(seed).digest();
    seed.copy(buf, off);
  }
  return buf;
}

export function hashes(data: Buffer) {
  return {
    checksum: createHash('md5').update(data).digest('hex'),
    os_hash_algo: 'sha512',
    os_hash_value: createHash('sha512').update(data).digest('hex'),
  };
}

const SEED_TIME = '2026-01-01T00:00:00Z';

export function seedImages(core: CloudCore): ImageState {
  const dir = imagesDir(core);
  mkdirSync(dir, { recursive: true });
  const make = (name: string, bytes: number, virtualSize: number, extra: Partial<Image>): Image => {
    const id = stableUuid('image', name);
    const data = fakeQcow2(name, bytes, virtualSize);
    writeFileSync(path.join(dir, id), data);
    return {
      id,
      name,
      status: 'active',
      visibility: 'public',
      protected: false,
      os_hidden: false,
      ...hashes(data),
      owner: ADMIN_PROJECT_ID,
      size: data.length,
      virtual_size: virtualSize,
      container_format: 'bare',
      disk_format: 'qcow2',
      created_at: SEED_TIME,
      updated_at: SEED_TIME,
      tags: [],
      min_ram: 0,
      min_disk: 0,
      members: [],
      dataFile: id,
      ...extra,
      // What openstacksdk's create_image records on the images it uploads (DevStack's seed images have them).
      properties: {
        'owner_specified.openstack.md5': '',
        'owner_specified.openstack.sha256': '',
        'owner_specified.openstack.object': `images/${name}`,
        ...extra.properties,
      },
    };
  };
  return {
    images: [
      make('cirros', 16 * 1024, 112 * 1024 * 1024, { properties: { os_distro: 'cirros' } }),
      make('ubuntu-22.04', 32 * 1024, 2361393152, { min_disk: 3, properties: { os_distro: 'ubuntu', os_version: '22.04' } }),
      ...(failureFixtures(core)
        ? [make('fail-image', 4 * 1024, 64 * 1024 * 1024, { properties: { description: 'Servers booted from this image end in ERROR' } })]
        : []),
    ],
  };
}

export function imageState(core: CloudCore): ImageState {
  return core.state.slice<ImageState>('image', () => seedImages(core));
}
