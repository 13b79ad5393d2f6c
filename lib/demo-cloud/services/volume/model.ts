import type { CloudCore } from '../../core/cloud';
import { HttpError, notFound } from '../../core/errors';
import { stableUuid } from '../../core/ids';
import { settle, type Transitional } from '../../core/transitions';
import { seedProjectId, seedUserId } from '../identity/seed';

// Cinder v3 records, kept as plain JSON in the `volumev3` state slice.

export interface VolumeAttachment {
  attachment_id: string;
  server_id: string | null;
  device: string | null;
  host_name: string | null;
  attached_at: string | null;
  /** reserved | attaching | attached | detaching */
  attach_status: string;
  attach_mode: 'rw' | 'ro';
  connector: Record<string, unknown> | null;
}

export interface Volume extends Transitional {
  id: string;
  project_id: string;
  user_id: string;
  name: string | null;
  description: string | null;
  size: number;
  status: string;
  availability_zone: string;
  created_at: string;
  updated_at: string | null;
  volume_type_id: string;
  snapshot_id: string | null;
  source_volid: string | null;
  metadata: Record<string, string>;
  bootable: boolean;
  multiattach: boolean;
  attachments: VolumeAttachment[];
  volume_image_metadata?: Record<string, string>;
  migration_status: string | null;
  /** Set by the last step of a delete: the record is dropped on the next read. */
  _gone?: boolean;
}

export interface Snapshot extends Transitional {
  id: string;
  project_id: string;
  user_id: string;
  name: string | null;
  description: string | null;
  volume_id: string;
  status: string;
  size: number;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string | null;
  progress: string;
  _gone?: boolean;
}

export interface VolumeType {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  extra_specs: Record<string, string>;
  /** The associated QoS specs (admins see it). */
  qos_specs_id?: string | null;
  /** Projects given access to a private type. */
  access?: string[];
}

export interface Backup extends Transitional {
  id: string;
  project_id: string;
  user_id: string;
  name: string | null;
  description: string | null;
  volume_id: string;
  snapshot_id: string | null;
  /** creating | available | deleting | error | restoring | error_deleting | error_restoring */
  status: string;
  size: number;
  object_count: number;
  availability_zone: string | null;
  container: string | null;
  parent_id: string | null;
  fail_reason: string | null;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string | null;
  data_timestamp: string;
  _gone?: boolean;
}

export interface Transfer {
  id: string;
  name: string | null;
  volume_id: string;
  source_project_id: string;
  /** Stored in clear: the demo cloud shows it once, as Cinder does, and compares it on accept. */
  auth_key: string;
  no_snapshots: boolean;
  created_at: string;
}

export interface QosSpec {
  id: string;
  name: string;
  consumer: 'front-end' | 'back-end' | 'both';
  specs: Record<string, string>;
}

export interface UserMessage {
  id: string;
  project_id: string;
  request_id: string;
  resource_type: string;
  resource_uuid: string;
  event_id: string;
  message_level: string;
  user_message: string;
  created_at: string;
  guaranteed_until: string;
}

export interface QuotaLimits {
  volumes: number;
  per_volume_gigabytes: number;
  snapshots: number;
  gigabytes: number;
  backups: number;
  backup_gigabytes: number;
  groups: number;
}

export interface VolumeState {
  volumes: Volume[];
  snapshots: Snapshot[];
  types: VolumeType[];
  /** Per-project overrides of DEFAULT_QUOTAS. */
  quotas: Record<string, Partial<QuotaLimits>>;
  messages: UserMessage[];
  backups: Backup[];
  transfers: Transfer[];
  qos: QosSpec[];
}

export const DEFAULT_QUOTAS: QuotaLimits = {
  volumes: 10,
  per_volume_gigabytes: -1,
  snapshots: 10,
  gigabytes: 1000,
  backups: 10,
  backup_gigabytes: 1000,
  groups: 10,
};

export const DEFAULT_TYPE_ID = stableUuid('volume-type', '__DEFAULT__');
export const AZ = 'nova';
export const HOST = 'demo-cloud@fake#fake';
export const SERVICE_UUID = stableUuid('volume-service', 'demo-cloud');

/** Cinder's timestamp format: microseconds, no zone. */
export const cinderTime = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');

const SEED_TIME = '2026-01-01T00:00:00.000000';

export function seedVolumes(): VolumeState {
  const demo = seedProjectId('demo');
  const demoUser = seedUserId('demo');
  const volId = stableUuid('volume', 'demo', 'data-1');
  return {
    volumes: [
      {
        id: volId, project_id: demo, user_id: demoUser, name: 'data-1', description: 'Seeded data volume', size: 10,
        status: 'available', availability_zone: AZ, created_at: SEED_TIME, updated_at: SEED_TIME,
        volume_type_id: DEFAULT_TYPE_ID, snapshot_id: null, source_volid: null, metadata: {}, bootable: false,
        multiattach: false, attachments: [], migration_status: null,
      },
    ],
    snapshots: [
      {
        id: stableUuid('snapshot', 'demo', 'data-1-snap'), project_id: demo, user_id: demoUser, name: 'data-1-snap',
        description: null, volume_id: volId, status: 'available', size: 10, metadata: {}, created_at: SEED_TIME,
        updated_at: SEED_TIME, progress: '100%',
      },
    ],
    types: [{ id: DEFAULT_TYPE_ID, name: '__DEFAULT__', description: 'Default Volume Type', is_public: true, extra_specs: {} }],
    quotas: {},
    messages: [],
    backups: [],
    transfers: [],
    qos: [],
  };
}

export function volumeState(core: CloudCore): VolumeState {
  const s = core.state.slice<VolumeState>('volumev3', seedVolumes);
  // State saved before backups, transfers and QoS existed lacks these lists.
  s.backups ??= [];
  s.transfers ??= [];
  s.qos ??= [];
  return s;
}

/** Applies due transitions and drops records whose delete finished. */
export function settleAll(core: CloudCore): VolumeState {
  const s = volumeState(core);
  let changed = false;
  for (const v of s.volumes) changed = settle(v, core.clock) || changed;
  for (const x of s.snapshots) changed = settle(x, core.clock) || changed;
  for (const b of s.backups) changed = settle(b, core.clock) || changed;
  if (changed) {
    s.volumes = s.volumes.filter((v) => !v._gone);
    s.snapshots = s.snapshots.filter((x) => !x._gone);
    s.backups = s.backups.filter((b) => !b._gone);
    core.state.markDirty();
  }
  return s;
}

export function quotaLimits(s: VolumeState, projectId: string): QuotaLimits {
  return { ...DEFAULT_QUOTAS, ...s.quotas[projectId] };
}

export function usage(s: VolumeState, projectId: string) {
  const vols = s.volumes.filter((v) => v.project_id === projectId);
  const snaps = s.snapshots.filter((x) => x.project_id === projectId);
  const backups = s.backups.filter((b) => b.project_id === projectId);
  return {
    volumes: vols.length,
    snapshots: snaps.length,
    gigabytes: vols.reduce((n, v) => n + v.size, 0) + snaps.reduce((n, x) => n + x.size, 0),
    backups: backups.length,
    backup_gigabytes: backups.reduce((n, b) => n + b.size, 0),
  };
}

const overLimit = (message: string) => new HttpError(413, message, { title: 'overLimit', headers: { 'Retry-After': '0' } });

/** Cinder's quota check for a new volume (count + size) or snapshot, or an extend (extra gigabytes only). */
export function checkQuota(s: VolumeState, projectId: string, req: { volumes?: number; snapshots?: number; gigabytes: number }) {
  const limits = quotaLimits(s, projectId);
  const used = usage(s, projectId);
  if (req.volumes && limits.volumes >= 0 && used.volumes + req.volumes > limits.volumes) {
    throw overLimit(`VolumeLimitExceeded: Maximum number of volumes allowed (${limits.volumes}) exceeded for quota 'volumes'.`);
  }
  if (req.snapshots && limits.snapshots >= 0 && used.snapshots + req.snapshots > limits.snapshots) {
    throw overLimit(`SnapshotLimitExceeded: Maximum number of snapshots allowed (${limits.snapshots}) exceeded`);
  }
  if (limits.per_volume_gigabytes >= 0 && req.volumes && req.gigabytes > limits.per_volume_gigabytes) {
    throw overLimit(`VolumeSizeExceedsLimit: Requested volume size ${req.gigabytes}G is larger than maximum allowed limit ${limits.per_volume_gigabytes}G.`);
  }
  if (limits.gigabytes >= 0 && used.gigabytes + req.gigabytes > limits.gigabytes) {
    throw overLimit(
      `VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${req.gigabytes}G, quota is ${limits.gigabytes}G and ${used.gigabytes}G has been consumed.`,
    );
  }
}

export function getVolume(core: CloudCore, id: string, projectId: string | null): Volume {
  const v = settleAll(core).volumes.find((x) => x.id === id && (projectId === null || x.project_id === projectId));
  if (!v) throw notFound(`Volume ${id} could not be found.`);
  return v;
}

export function getSnapshot(core: CloudCore, id: string, projectId: string | null): Snapshot {
  const x = settleAll(core).snapshots.find((y) => y.id === id && (projectId === null || y.project_id === projectId));
  if (!x) throw notFound(`Snapshot ${id} could not be found.`);
  return x;
}

export function typeOf(s: VolumeState, v: Volume): VolumeType | undefined {
  return s.types.find((t) => t.id === v.volume_type_id);
}
