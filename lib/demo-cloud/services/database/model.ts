// Trove's records: datastores (seeded), database instances with the databases and users their guest
// holds, backups, configuration groups. Transitional states are lazy (core/transitions.ts).
import type { CloudCore } from '../../core/cloud';
import { stableUuid } from '../../core/ids';
import type { Transitional } from '../../core/transitions';
import mysqlParameters from './mysql-parameters.json';

export interface ConfigParameter {
  name: string;
  type: 'integer' | 'string' | 'boolean' | 'float';
  restart_required: boolean;
  min?: number;
  max?: number;
}

export interface DatastoreVersion {
  id: string;
  name: string;
  version: string;
  datastore_id: string;
  /** The guest manager: databases and users exist only for mysql and mariadb (Trove's load_and_verify). */
  manager: string;
}

export interface Datastore {
  id: string;
  name: string;
  versions: DatastoreVersion[];
  default_version: string;
}

export interface Fault {
  message: string;
  created: string;
  details: string | null;
}

export interface GuestDatabase {
  name: string;
  character_set: string;
  collate: string;
}

export interface GuestUser {
  name: string;
  host: string;
  databases: string[];
}

/** A guest log's bookkeeping: bytes written and bytes published to Swift. */
export interface GuestLog {
  enabled: boolean;
  size: number;
  published: number;
}

/**
 * Trove's `status` is the instance's (BUILD, ACTIVE, REBOOT, RESIZE, BACKUP, SHUTDOWN, ERROR) and
 * `operating_status` the database service's ("" while busy, HEALTHY once the guest reports).
 */
export interface DbInstance extends Transitional {
  id: string;
  name: string;
  project_id: string;
  user_id: string;
  status: string;
  operating_status: string;
  flavor_id: string;
  datastore: string;
  datastore_version: string;
  volume_size: number;
  volume_type: string | null;
  volume_used: number | null;
  region: string;
  created: string;
  updated: string;
  service_status_updated: string;
  fault: Fault | null;
  access: { is_public?: boolean; allowed_cidrs?: string[] } | null;
  configuration_id: string | null;
  /** The Nova server, Cinder volume and Neutron port, all in the service project. */
  server_id: string;
  volume_id: string;
  port_ids: string[];
  root_enabled: boolean;
  databases: GuestDatabase[];
  users: GuestUser[];
  /** Created on first look (logs.ts). */
  logs?: Record<string, GuestLog>;
  deleted?: boolean;
  /** Applied when a resize settles (the flavor id or the volume size). */
  resize_to?: { flavor_id?: string; volume_size?: number };
}

export interface Backup extends Transitional {
  id: string;
  name: string;
  description: string | null;
  instance_id: string;
  project_id: string;
  created: string;
  updated: string;
  size: number | null;
  status: string;
  parent_id: string | null;
  datastore_version_id: string;
  locationRef: string | null;
  /** What a restore brings back: the instance's databases and users when the backup was taken. */
  contents: { databases: GuestDatabase[]; users: GuestUser[] };
  deleted?: boolean;
}

export interface Configuration {
  id: string;
  name: string;
  description: string | null;
  project_id: string;
  datastore_version_id: string;
  values: Record<string, string | number | boolean>;
  created: string;
  updated: string;
}

export interface DatabaseState {
  datastores: Datastore[];
  instances: Record<string, DbInstance>;
  backups: Record<string, Backup>;
  configurations: Record<string, Configuration>;
  /** Limits set by admins per project (the rest are DEFAULT_QUOTAS). */
  quotas?: Record<string, Partial<Record<'instances' | 'ram' | 'volumes' | 'backups', number>>>;
}

/** Trove's default quotas (max_instances_per_tenant, max_ram_per_tenant, max_volumes_per_tenant in GB, max_backups_per_tenant). */
export const DEFAULT_QUOTAS = { instances: 10, ram: -1, volumes: 40, backups: 50 } as const;
/** max_accepted_volume_size (GB). */
export const MAX_VOLUME_SIZE = 10;
export const REGION = 'RegionOne';

function datastore(name: string, manager: string, versions: string[]): Datastore {
  const id = stableUuid('trove-datastore', name);
  const vs = versions.map((v) => ({ id: stableUuid('trove-datastore-version', name, v), name: v, version: v, datastore_id: id, manager }));
  return { id, name, versions: vs, default_version: vs[0].id };
}

/** mysql 5.7.29 as on the real cloud (its default), plus mariadb and postgresql as a public cloud offers them. */
export function seedDatastores(): Datastore[] {
  return [datastore('mysql', 'mysql', ['5.7.29', '8.0.29']), datastore('mariadb', 'mariadb', ['10.4']), datastore('postgresql', 'postgresql', ['12'])];
}

/** Configuration parameters of a version: mysql's validation rules (loaded on the real cloud) for mysql and mariadb. */
export function parametersOf(v: DatastoreVersion): ConfigParameter[] {
  if (v.manager !== 'mysql' && v.manager !== 'mariadb') return [];
  return (mysqlParameters as unknown[][]).map(([name, type, restart, min, max]) => ({
    name: name as string,
    type: type as ConfigParameter['type'],
    restart_required: restart as boolean,
    ...(min !== undefined && min !== null ? { min: min as number } : {}),
    ...(max !== undefined && max !== null ? { max: max as number } : {}),
  }));
}

export function databaseState(core: CloudCore): DatabaseState {
  return core.state.slice<DatabaseState>('database', () => ({ datastores: seedDatastores(), instances: {}, backups: {}, configurations: {} }));
}

/** Trove's timestamps: seconds, no zone (`2026-12-07T02:01:08`). */
export const troveTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);
