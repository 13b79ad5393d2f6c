import type { Transitional } from '../../core/transitions';
import type { TerminatedInstance } from './usage';

// Nova's state, plain JSON (persisted with --state). Server status is derived from vm_state and
// task_state at render time, exactly as nova.api.openstack.common.status_from_state does.

export interface FlavorSnapshot {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  extra_specs: Record<string, string>;
}

export interface Fault {
  code: number;
  message: string;
  created: string;
  details?: string;
}

export interface InstanceActionEvent {
  event: string;
  start_time: string;
  finish_time: string | null;
  result: string | null;
  traceback: string | null;
}

export interface InstanceAction {
  action: string;
  request_id: string;
  user_id: string;
  project_id: string;
  start_time: string;
  updated_at: string | null;
  message: string | null;
  events: InstanceActionEvent[];
}

export interface AttachedVolume {
  volumeId: string;
  device: string;
  deleteOnTermination: boolean;
  attachmentId: string;
  tag: string | null;
  bdmId: string;
}

export interface Server extends Transitional {
  id: string;
  /** Creation order (tie-breaker of the default sort, created_at desc). */
  seq: number;
  name: string;
  project_id: string;
  user_id: string;
  vm_state: string;
  task_state: string | null;
  power_state: number;
  created: string;
  updated: string;
  launched_at: string | null;
  image_id: string;
  flavor: FlavorSnapshot;
  /** Flavor before a resize, while VERIFY_RESIZE. */
  old_flavor?: FlavorSnapshot | null;
  /** vm_state to return to after confirm/revert of a resize. */
  resize_from_state?: string | null;
  key_name: string | null;
  metadata: Record<string, string>;
  description: string | null;
  locked: boolean;
  locked_reason: string | null;
  /** Who locked it: a non-admin cannot unlock what an admin locked (unlock_override). */
  locked_by?: 'owner' | 'admin' | null;
  /** The `<name>-shelved` snapshot image while SHELVED(_OFFLOADED); unshelve boots from it, then deletes it. */
  shelved_image_id?: string | null;
  /** Host a cold migration left, while VERIFY_RESIZE (revertResize goes back to it). */
  migration_source_host?: string | null;
  tags: string[];
  availability_zone: string;
  host: string;
  instance_name: string;
  reservation_id: string;
  launch_index: number;
  hostname: string;
  user_data: string | null;
  config_drive: string;
  access_ipv4: string;
  access_ipv6: string;
  fault: Fault | null;
  /** Ports were allocated through the network contract (skip the lookups when not). */
  has_ports: boolean;
  /** Security groups requested at boot (what Nova shows when the server has no ports). */
  requested_security_groups: string[];
  volumes: AttachedVolume[];
  /** Boot volumes to attach when the build finishes (they are still `creating` at boot time). */
  pending_volumes?: Array<{ volumeId: string; device: string; deleteOnTermination: boolean; bdmId: string }>;
  server_groups: string[];
  /** The host the scheduler chose while BUILD (host itself is set when the build reaches it). */
  planned_host?: string;
  actions: InstanceAction[];
  /** Token of the remote console URL. */
  console_token?: string;
  /** Set by the delete transition; the record is dropped when read afterwards. */
  deleted?: boolean;
  /** When the delete finished (Nova's DB format), on the copies kept in `ComputeState.deleted`. */
  terminated_at?: string;
}

export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  ephemeral: number;
  swap: number;
  rxtx_factor: number;
  is_public: boolean;
  disabled: boolean;
  description: string | null;
  extra_specs: Record<string, string>;
  /** Projects with access to a private flavor. */
  access: string[];
  created_seq: number;
}

export interface Keypair {
  id: number;
  name: string;
  user_id: string;
  public_key: string;
  fingerprint: string;
  type: 'ssh' | 'x509';
  created_at: string;
}

export interface ServerGroup {
  id: string;
  name: string;
  policy: string;
  rules: Record<string, number>;
  project_id: string;
  user_id: string;
  members: string[];
}

export interface QuotaLimits {
  instances: number;
  cores: number;
  ram: number;
  key_pairs: number;
  metadata_items: number;
  server_groups: number;
  server_group_members: number;
}

export interface ComputeHostState {
  disabled: boolean;
  disabled_reason: string | null;
  forced_down: boolean;
}

export interface ComputeState {
  servers: Record<string, Server>;
  flavors: Record<string, Flavor>;
  /** userId -> name -> keypair */
  keypairs: Record<string, Record<string, Keypair>>;
  serverGroups: Record<string, ServerGroup>;
  /** Per-project overrides of the defaults. */
  quotas: Record<string, Partial<QuotaLimits>>;
  /** nova-compute services an admin disabled or forced down, by host (absent: enabled and up). */
  hosts?: Record<string, ComputeHostState>;
  /** Deleted servers that ran, for os-simple-tenant-usage (Nova keeps them in its DB). */
  terminated?: Record<string, TerminatedInstance>;
  /** Deleted servers as Nova still answers them (terminations.ts: keepDeleted), oldest first. */
  deleted?: Record<string, Server>;
  seq: { instance: number; keypair: number; flavor: number };
}

export const DEFAULT_QUOTAS: QuotaLimits = {
  instances: 10,
  cores: 20,
  ram: 51200,
  key_pairs: 100,
  metadata_items: 128,
  server_groups: 10,
  server_group_members: 10,
};

export const AZ = 'nova';
export const HOST = 'demo-compute-1';
/** The fake hypervisors, one nova-compute each (two, so migrations and anti-affinity have somewhere to go). */
export const HOSTS: readonly string[] = [HOST, 'demo-compute-2'];
