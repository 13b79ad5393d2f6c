// Manila's state: share types, shares (one instance each, as with the real DHSS=False backend), access rules,
// snapshots, share networks, security services and per-project quotas. Transitions are settled lazily on read.
import type { CloudCore } from '../../core/cloud';
import { stableUuid } from '../../core/ids';
import { seedProjectId, seedUserId } from '../identity/seed';
import { settle, type Transitional } from '../../core/transitions';

export const AZ = { id: stableUuid('manila', 'az', 'nova'), name: 'nova', created_at: '2026-01-05T09:00:00.000000' };
/** Protocols the demo backend exports (the real dummy backend is configured with NFS and CIFS only). */
export const PROTOCOLS = ['NFS', 'CIFS', 'CEPHFS', 'GLUSTERFS', 'HDFS', 'MAPRFS'] as const;
export const HOST = 'demo@generic#fake_pool';

export interface ShareType {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  /** Every extra spec, driver_handles_share_servers included (stored as strings, as Manila does). */
  extra_specs: Record<string, string>;
  /** Projects given access to a private type. */
  projects: string[];
}

export interface Share extends Transitional {
  id: string;
  instance_id: string;
  name: string | null;
  description: string | null;
  project_id: string;
  user_id: string;
  size: number;
  share_proto: string;
  share_type: string;
  availability_zone: string;
  share_network_id: string | null;
  snapshot_id: string | null;
  is_public: boolean;
  metadata: Record<string, string>;
  status: string;
  task_state: string | null;
  progress: string | null;
  created_at: string;
  /** Ids of the export locations: preferred, secondary, admin-only (as the dummy driver makes them). */
  export_ids: [string, string, string];
  gone?: boolean;
}

export type AccessState = 'queued_to_apply' | 'applying' | 'active' | 'error' | 'queued_to_deny' | 'denying';

export interface AccessRule extends Transitional {
  id: string;
  share_id: string;
  access_type: string;
  access_to: string;
  access_level: 'rw' | 'ro';
  access_key: string | null;
  state: AccessState;
  metadata: Record<string, string>;
  created_at: string;
  updated_at: string | null;
  gone?: boolean;
}

export interface Snapshot extends Transitional {
  id: string;
  share_id: string;
  project_id: string;
  user_id: string;
  name: string | null;
  description: string | null;
  size: number;
  share_size: number;
  share_proto: string;
  status: string;
  metadata: Record<string, string>;
  created_at: string;
  gone?: boolean;
}

export interface ShareNetwork {
  id: string;
  subnet_id: string;
  project_id: string;
  name: string | null;
  description: string | null;
  neutron_net_id: string | null;
  neutron_subnet_id: string | null;
  availability_zone: string | null;
  security_service_ids: string[];
  created_at: string;
  updated_at: string | null;
}

export const SECURITY_SERVICE_TYPES = ['active_directory', 'ldap', 'kerberos'] as const;

export interface SecurityService {
  id: string;
  project_id: string;
  type: string;
  name: string | null;
  description: string | null;
  dns_ip: string | null;
  server: string | null;
  domain: string | null;
  user: string | null;
  password: string | null;
  ou: string | null;
  created_at: string;
  updated_at: string | null;
}

export const QUOTA_DEFAULTS = {
  shares: 50,
  gigabytes: 1000,
  snapshots: 50,
  snapshot_gigabytes: 1000,
  share_networks: 10,
  share_groups: 50,
  share_group_snapshots: 50,
  share_replicas: 100,
  replica_gigabytes: 1000,
  per_share_gigabytes: -1,
};
export type QuotaKey = keyof typeof QUOTA_DEFAULTS;

/** A user message (`openstack share message list`): what the scheduler or driver refused, in Manila's words. */
export interface UserMessage {
  id: string;
  project_id: string;
  action_id: string;
  detail_id: string;
  message_level: 'ERROR';
  created_at: string;
  expires_at: string;
  request_id: string;
  resource_type: 'SHARE';
  resource_id: string;
  user_message: string;
}

export interface ManilaState {
  types: ShareType[];
  shares: Share[];
  rules: AccessRule[];
  snapshots: Snapshot[];
  networks: ShareNetwork[];
  securityServices: SecurityService[];
  messages: UserMessage[];
  /** Overrides of the defaults, per project. */
  quotas: Record<string, Partial<Record<QuotaKey, number>>>;
}

/** Manila's timestamps: microseconds, no zone suffix. */
export const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '000');

/** The default type, as on the real cloud: no share servers, snapshots and revert supported. */
export const DEFAULT_TYPE: ShareType = {
  id: stableUuid('manila', 'type', 'default'),
  name: 'default',
  description: 'Generic backend, no share servers',
  is_public: true,
  extra_specs: {
    driver_handles_share_servers: 'False',
    snapshot_support: 'True',
    create_share_from_snapshot_support: 'True',
    revert_to_snapshot_support: 'True',
    mount_snapshot_support: 'True',
  },
  projects: [],
};

/** One settled share in the demo project, so a presenter opens a populated page: NFS, 5 GiB, read-write for the private subnet. */
function seedShare(now: number): { share: Share; rule: AccessRule } {
  const id = stableUuid('manila', 'share', 'team-docs');
  const created = stamp(now - 3 * 86_400_000);
  const share: Share = {
    id,
    instance_id: stableUuid('manila', 'instance', 'team-docs'),
    name: 'team-docs',
    description: 'Shared documents of the demo team',
    project_id: seedProjectId('demo'),
    user_id: seedUserId('demo'),
    size: 5,
    share_proto: 'NFS',
    share_type: DEFAULT_TYPE.id,
    availability_zone: AZ.name,
    share_network_id: null,
    snapshot_id: null,
    is_public: false,
    metadata: { purpose: 'docs' },
    status: 'available',
    task_state: null,
    progress: '100%',
    created_at: created,
    export_ids: [stableUuid('manila', 'export', id, '0'), stableUuid('manila', 'export', id, '1'), stableUuid('manila', 'export', id, '2')],
  };
  const rule: AccessRule = {
    id: stableUuid('manila', 'rule', 'team-docs'), share_id: id, access_type: 'ip', access_to: '10.0.0.0/24', access_level: 'rw',
    access_key: null, state: 'active', metadata: {}, created_at: created, updated_at: created,
  };
  return { share, rule };
}

export function seedManila(now: number): ManilaState {
  const { share, rule } = seedShare(now);
  return {
    types: [structuredClone(DEFAULT_TYPE)],
    shares: [share],
    rules: [rule],
    snapshots: [],
    networks: [],
    securityServices: [],
    messages: [],
    quotas: {},
  };
}

export function manilaState(core: CloudCore): ManilaState {
  const s = core.state.slice<ManilaState>('shared-file-system', () => seedManila(core.clock.now()));
  // A state saved before user messages existed has none.
  s.messages ??= [];
  return s;
}

/** Applies due transitions and drops what finished deleting; marks the state dirty when something moved. */
export function settleAll(core: CloudCore): ManilaState {
  const s = manilaState(core);
  let changed = false;
  for (const list of [s.shares, s.rules, s.snapshots] as Array<Array<Transitional & { gone?: boolean }>>) {
    for (const x of list) changed = settle(x, core.clock) || changed;
    const kept = list.filter((x) => !x.gone);
    if (kept.length !== list.length) list.splice(0, list.length, ...kept);
  }
  if (changed) core.state.markDirty();
  return s;
}

export const typeOf = (s: ManilaState, share: Share) => s.types.find((t) => t.id === share.share_type);
export const specOn = (t: ShareType | undefined, key: string) => t?.extra_specs[key]?.toLowerCase() === 'true';
