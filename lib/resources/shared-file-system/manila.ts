// Manila v2 (catalog type `sharev2`): the shapes the dashboard reads and the status machines it polls. Field names
// and statuses from Manila 15 (Zed) answering at microversion 2.73, which the proxy sends by default
// (lib/openstack/microversions.ts): at 2.0 a share has no share_type_name and a rule no `state`.
import { z } from 'zod';
import { maybeStrings } from '../schema';
import type { StatusInfo, Tone } from '../types';

export const MANILA = { service: 'sharev2' } as const;

/** Kinds, for query keys and invalidation (a rule or snapshot change refetches its share). */
export const MANILA_KINDS = {
  share: 'share',
  exportLocation: 'share-export-location',
  accessRule: 'share-access-rule',
  snapshot: 'share-snapshot',
  network: 'share-network',
  securityService: 'security-service',
  type: 'share-type',
} as const;

export const ShareSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  size: z.number(),
  share_proto: z.string(),
  is_public: z.boolean().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  snapshot_support: z.boolean().nullable().optional(),
  revert_to_snapshot_support: z.boolean().nullable().optional(),
  ...maybeStrings(
    'name', 'description', 'availability_zone', 'share_type', 'share_type_name', 'share_network_id', 'snapshot_id', 'task_state',
    'access_rules_status', 'project_id', 'user_id', 'created_at', 'host',
  ),
});
export type Share = z.infer<typeof ShareSchema>;

export const ExportLocationSchema = z.looseObject({
  id: z.string().min(1),
  path: z.string(),
  preferred: z.boolean().optional(),
  is_admin_only: z.boolean().optional(),
});
export type ExportLocation = z.infer<typeof ExportLocationSchema>;

export const AccessRuleSchema = z.looseObject({
  id: z.string().min(1),
  access_type: z.string(),
  access_to: z.string(),
  access_level: z.string(),
  state: z.string(),
  ...maybeStrings('access_key', 'created_at', 'updated_at'),
});
export type AccessRule = z.infer<typeof AccessRuleSchema>;

export const ShareSnapshotSchema = z.looseObject({
  id: z.string().min(1),
  share_id: z.string(),
  status: z.string(),
  size: z.number(),
  ...maybeStrings('name', 'description', 'share_proto', 'created_at', 'project_id', 'user_id'),
});
export type ShareSnapshot = z.infer<typeof ShareSnapshotSchema>;

const NetworkSubnetSchema = z.looseObject({ ...maybeStrings('id', 'availability_zone', 'neutron_net_id', 'neutron_subnet_id', 'cidr') });

export const ShareNetworkSchema = z.looseObject({
  id: z.string().min(1),
  share_network_subnets: z.array(NetworkSubnetSchema).optional(),
  ...maybeStrings('name', 'description', 'status', 'project_id', 'created_at', 'updated_at'),
});
export type ShareNetwork = z.infer<typeof ShareNetworkSchema>;

export const SecurityServiceSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  // `password` is never read: Manila answers it to its owner, the dashboard does not show it.
  ...maybeStrings('name', 'description', 'status', 'dns_ip', 'server', 'domain', 'user', 'ou', 'project_id', 'created_at'),
});
export type SecurityService = z.infer<typeof SecurityServiceSchema>;

export const ShareTypeSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  extra_specs: z.record(z.string(), z.string()).optional(),
  required_extra_specs: z.record(z.string(), z.string()).optional(),
  'share_type_access:is_public': z.boolean().optional(),
  is_default: z.boolean().optional(),
  ...maybeStrings('description'),
});
export type ShareType = z.infer<typeof ShareTypeSchema>;

/** The export locations a client may use: admins' own paths left out, the preferred first. */
export const usableLocations = (locations: readonly ExportLocation[]): ExportLocation[] =>
  locations.filter((l) => !l.is_admin_only).sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));

// ---- Status machines ---------------------------------------------------------------------------------

/** Share statuses that move by themselves (Manila's constants.TRANSITIONAL_STATUSES and the other *_starting/-ing ones). */
export const SHARE_BUSY = [
  'creating', 'creating_from_snapshot', 'deleting', 'soft_deleting', 'restoring', 'extending', 'shrinking', 'migrating', 'migrating_to',
  'reverting', 'manage_starting', 'unmanage_starting', 'replication_change', 'server_migrating', 'server_migrating_to',
  'backup_creating', 'backup_restoring',
] as const;
export const SHARE_STATUSES = ['available', ...SHARE_BUSY, 'error', 'error_deleting', 'extending_error', 'shrinking_error', 'reverting_error', 'manage_error', 'inactive', 'awaiting_transfer'];

/** A rule's `state`: queued_to_apply → applying → active, queued_to_deny → denying → gone, or error. */
export const RULE_BUSY = ['queued_to_apply', 'applying', 'queued_to_deny', 'denying'] as const;

/** Snapshot statuses that move by themselves. */
export const SNAPSHOT_BUSY = ['creating', 'deleting', 'restoring', 'manage_starting', 'unmanage_starting'] as const;

/** ok / busy / error by the lists above; anything else (inactive, awaiting_transfer) is shown as it is. */
export function manilaStatus(status: string, busy: readonly string[], ok: readonly string[] = ['available']): StatusInfo {
  const tone: Tone = busy.includes(status) ? 'busy' : status.includes('error') ? 'error' : ok.includes(status) ? 'ok' : 'unknown';
  return { label: status, tone };
}

export const shareStatus = (s: Pick<Share, 'status'>) => manilaStatus(s.status, SHARE_BUSY);
export const ruleStatus = (r: Pick<AccessRule, 'state'>) => manilaStatus(r.state, RULE_BUSY, ['active']);
export const snapshotStatus = (s: Pick<ShareSnapshot, 'status'>) => manilaStatus(s.status, SNAPSHOT_BUSY);

/** Whether a share type makes share servers (then a share of it needs a share network). */
export const handlesShareServers = (t: Pick<ShareType, 'required_extra_specs' | 'extra_specs'>) =>
  String(t.required_extra_specs?.driver_handles_share_servers ?? t.extra_specs?.driver_handles_share_servers ?? '').toLowerCase() === 'true';

/** The protocols Manila knows (its constants.SUPPORTED_SHARE_PROTOCOLS); a backend offers some of them. */
export const SHARE_PROTOCOLS = ['NFS', 'CIFS', 'CEPHFS', 'GLUSTERFS', 'HDFS', 'MAPRFS'] as const;
