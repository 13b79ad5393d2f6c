// Trove v1 (catalog type `database`, the endpoint ends in /v1.0/<project id>): the shapes the pages read, and the
// status machine. Answers as real Trove 18 gives them: an instance's `flavor` is only an id (its name is Nova's), the
// list leaves out `addresses`/`fault`/`volume.used`, `operating_status` is "" until the guest reports, a failed
// instance carries `fault: {message, created, details}`. Create answers 200, actions and child calls 202 without a body.
import { z } from 'zod';
import type { ServiceTarget, StatusInfo } from '../types';
import { maybeNumbers, maybeStrings } from '../schema';

export const TROVE: ServiceTarget = { service: 'database' };

/** Kinds, for query keys and invalidation: a child's change refetches the instance. */
export const TROVE_KINDS = {
  instance: 'database-instance',
  database: 'database-schema',
  user: 'database-user',
  backup: 'database-backup',
  configuration: 'database-configuration',
  datastore: 'datastore',
} as const;

const Named = z.looseObject({ name: z.string() });

export const InstanceSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  status: z.string(),
  ...maybeStrings('operating_status', 'region', 'created', 'updated', 'tenant_id', 'hostname'),
  flavor: z.looseObject({ id: z.string() }).nullable().optional(),
  datastore: z.looseObject({ type: z.string(), ...maybeStrings('version', 'version_number') }).nullable().optional(),
  volume: z.looseObject({ ...maybeNumbers('size', 'used'), ...maybeStrings('type') }).nullable().optional(),
  ip: z.array(z.string()).nullable().optional(),
  addresses: z.array(z.looseObject({ address: z.string(), ...maybeStrings('type', 'network') })).nullable().optional(),
  fault: z.looseObject({ message: z.string(), ...maybeStrings('created', 'details') }).nullable().optional(),
  configuration: z.looseObject({ id: z.string(), ...maybeStrings('name') }).nullable().optional(),
  replica_of: z.looseObject({ id: z.string() }).nullable().optional(),
  access: z.looseObject({ is_public: z.boolean().optional() }).nullable().optional(),
});
export type Instance = z.infer<typeof InstanceSchema>;

export const DatabaseSchema = z.looseObject({ name: z.string().min(1), ...maybeStrings('character_set', 'collate') });
export type Database = z.infer<typeof DatabaseSchema>;

export const UserSchema = z.looseObject({ name: z.string().min(1), host: z.string().nullable().optional(), databases: z.array(Named).nullable().optional() });
export type DbUser = z.infer<typeof UserSchema>;

export const BackupSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  status: z.string(),
  ...maybeStrings('description', 'instance_id', 'created', 'updated', 'locationRef', 'parent_id', 'project_id'),
  size: z.number().nullable().optional(),
  datastore: z.looseObject({ type: z.string(), ...maybeStrings('version', 'version_id') }).nullable().optional(),
});
export type Backup = z.infer<typeof BackupSchema>;

export const ConfigurationSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  ...maybeStrings('description', 'created', 'updated', 'datastore_name', 'datastore_version_id', 'datastore_version_name'),
  instance_count: z.number().nullable().optional(),
  values: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type Configuration = z.infer<typeof ConfigurationSchema>;

export const DatastoreSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  default_version: z.string().nullable().optional(),
  versions: z.array(z.looseObject({ id: z.string(), name: z.string(), ...maybeStrings('version') })).nullable().optional(),
});
export const DatastoresSchema = z.looseObject({ datastores: z.array(DatastoreSchema) });
export type Datastore = z.infer<typeof DatastoreSchema>;

// ---- Status ------------------------------------------------------------------------------------------

/** Trove's transitional instance statuses (trove/common/instance.py ServiceStatuses and task states): polled. */
export const BUSY_STATUSES = ['BUILD', 'BACKUP', 'RESIZE', 'REBOOT', 'SHUTDOWN', 'PROMOTE', 'EJECT', 'UPGRADE', 'DETACH'] as const;
const FAILED_STATUSES = ['ERROR', 'FAILED', 'BLOCKED'];

export const isBusy = (i: Pick<Instance, 'status'>) => (BUSY_STATUSES as readonly string[]).includes(i.status);
export const isActive = (i: Pick<Instance, 'status'>) => i.status === 'ACTIVE' || i.status === 'HEALTHY';

/** The badge: the status, then the guest's operating status once it reports one (ACTIVE · HEALTHY). */
export function instanceStatus(i: Pick<Instance, 'status' | 'operating_status' | 'fault'>): StatusInfo {
  const s = i.status;
  const detail = i.fault?.message ?? undefined;
  if (isBusy(i)) return { label: s, tone: 'busy' };
  if (FAILED_STATUSES.includes(s)) return { label: s, tone: 'error', detail };
  const op = i.operating_status;
  if (isActive(i)) return op && op !== 'HEALTHY' ? { label: `${s} · ${op}`, tone: 'unknown' } : { label: op ? `${s} · ${op}` : s, tone: 'ok' };
  return { label: s, tone: 'unknown', detail };
}

/** Backups: NEW → BUILDING → SAVING → COMPLETED, or FAILED. */
export function backupStatus(b: Pick<Backup, 'status'>): StatusInfo {
  const s = b.status;
  if (['NEW', 'BUILDING', 'SAVING', 'DELETING'].includes(s)) return { label: s, tone: 'busy' };
  if (s === 'COMPLETED') return { label: s, tone: 'ok' };
  if (s.endsWith('FAILED') || s === 'ERROR') return { label: s, tone: 'error' };
  return { label: s, tone: 'unknown' };
}

// ---- Names ------------------------------------------------------------------------------------------

export const instanceRef = (i: Pick<Instance, 'id' | 'name'>) => i.name || i.id;
export const datastoreLabel = (d: { type: string; version?: string | null } | null | undefined) => (d ? [d.type, d.version].filter(Boolean).join(' ') : '');

/** The addresses Trove reports (`addresses` on show; older answers and lists only `ip`). */
export const instanceAddresses = (i: Pick<Instance, 'addresses' | 'ip'>): string[] => (i.addresses?.length ? i.addresses.map((a) => a.address) : (i.ip ?? []));

/**
 * A user in a path: `name@host` when a host is set, percent-encoded with dots too (troveclient's quote_user_host),
 * so `u2@%` is `u2%40%25` and `a.b` is `a%2eb`.
 */
export const userPathSegment = (name: string, host?: string | null) => encodeURIComponent(host ? `${name}@${host}` : name).replace(/\./g, '%2e');

export const ConfigurationsSchema = z.looseObject({ configurations: z.array(ConfigurationSchema) });
export const BackupsSchema = z.looseObject({ backups: z.array(BackupSchema) });
export const UsersSchema = z.looseObject({ users: z.array(UserSchema) });
export const DatabasesSchema = z.looseObject({ databases: z.array(DatabaseSchema) });
