// Octavia v2 (service type `load-balancer`): the shared head of its kinds. The catalog endpoint has no version
// (`http://host:9876`, `/load-balancer` on the demo cloud), so paths carry `v2/lbaas/...`. Every object has a
// provisioning_status (ACTIVE, PENDING_CREATE/UPDATE/DELETE, ERROR, DELETED) and an operating_status (ONLINE, OFFLINE,
// DEGRADED, ERROR, DRAINING, NO_MONITOR) fed by amphora heartbeats: a cloud without heartbeats (the real test cloud's
// noop amphorae) keeps OFFLINE forever, which says "no health data yet", not "down".
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { maybeNumbers, maybeStrings } from '../schema';
import type { ServiceTarget, StatusInfo } from '../types';

export const OCTAVIA: ServiceTarget = { service: 'load-balancer' };
export const LB_BASE = 'v2/lbaas';

const Ref = z.looseObject({ id: z.string() });

export const LoadBalancerSchema = z.looseObject({
  id: z.string().min(1),
  provisioning_status: z.string(),
  operating_status: z.string(),
  admin_state_up: z.boolean().optional(),
  ...maybeStrings('name', 'description', 'vip_address', 'vip_port_id', 'vip_subnet_id', 'vip_network_id', 'provider', 'flavor_id', 'availability_zone', 'project_id', 'created_at', 'updated_at'),
  listeners: z.array(Ref).optional().default([]),
  pools: z.array(Ref).optional().default([]),
});
export type LoadBalancer = z.infer<typeof LoadBalancerSchema>;

export const ListenerSchema = z.looseObject({
  id: z.string().min(1),
  protocol: z.string(),
  protocol_port: z.number(),
  provisioning_status: z.string(),
  operating_status: z.string(),
  admin_state_up: z.boolean().optional(),
  ...maybeStrings('name', 'description', 'default_pool_id', 'default_tls_container_ref', 'created_at'),
  ...maybeNumbers('connection_limit'),
  loadbalancers: z.array(Ref).optional(),
});
export type Listener = z.infer<typeof ListenerSchema>;

export const SessionPersistenceSchema = z.looseObject({ type: z.string(), cookie_name: z.string().nullable().optional() });

export const PoolSchema = z.looseObject({
  id: z.string().min(1),
  protocol: z.string(),
  lb_algorithm: z.string(),
  provisioning_status: z.string(),
  operating_status: z.string(),
  admin_state_up: z.boolean().optional(),
  ...maybeStrings('name', 'description', 'healthmonitor_id', 'created_at'),
  session_persistence: SessionPersistenceSchema.nullable().optional(),
  members: z.array(Ref).optional().default([]),
  listeners: z.array(Ref).optional().default([]),
  loadbalancers: z.array(Ref).optional(),
});
export type Pool = z.infer<typeof PoolSchema>;

export const MemberSchema = z.looseObject({
  id: z.string().min(1),
  address: z.string(),
  protocol_port: z.number(),
  provisioning_status: z.string(),
  operating_status: z.string(),
  admin_state_up: z.boolean().optional(),
  backup: z.boolean().optional(),
  ...maybeStrings('name', 'subnet_id', 'monitor_address', 'created_at'),
  ...maybeNumbers('weight', 'monitor_port'),
});
export type Member = z.infer<typeof MemberSchema>;

export const HealthMonitorSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  delay: z.number(),
  timeout: z.number(),
  max_retries: z.number(),
  provisioning_status: z.string(),
  operating_status: z.string(),
  ...maybeStrings('name', 'url_path', 'http_method', 'expected_codes', 'created_at'),
  ...maybeNumbers('max_retries_down'),
  pools: z.array(Ref).optional().default([]),
});
export type HealthMonitor = z.infer<typeof HealthMonitorSchema>;

/** `GET v2/lbaas/quotas/{project_id}`: -1 is unlimited (every default on a fresh Octavia). */
export const LbQuotaSchema = z.looseObject({
  quota: z.looseObject({
    ...maybeNumbers('load_balancer', 'listener', 'pool', 'member', 'health_monitor', 'l7policy', 'l7rule'),
  }),
});
export type LbQuota = z.infer<typeof LbQuotaSchema>['quota'];

// ---- Statuses ------------------------------------------------------------------------------------

export const isPending = (provisioning: string) => provisioning.startsWith('PENDING_');

/** provisioning_status: PENDING_* is transitional (polled), ERROR an error, ACTIVE settled. */
export function provisioningStatus(p: string): StatusInfo {
  if (p === 'ACTIVE') return { label: p, tone: 'ok' };
  if (isPending(p)) return { label: p, tone: 'busy' };
  if (p === 'ERROR') return { label: p, tone: 'error', detail: 'kinds.loadBalancer.status.errorDetail' };
  return { label: p || 'UNKNOWN', tone: 'unknown' };
}

/**
 * operating_status as a person should read it. OFFLINE on an enabled object means no health message has arrived
 * (nothing to show yet, or a cloud whose amphorae send no heartbeats): neutral, never red; a disabled object is
 * OFFLINE because it is disabled. NO_MONITOR: no health monitor watches the member.
 */
export function operatingStatus(o: string, adminUp = true): StatusInfo {
  switch (o) {
    case 'ONLINE':
      return { label: o, tone: 'ok' };
    case 'OFFLINE':
      return adminUp
        ? { label: 'kinds.loadBalancer.health.noData', tone: 'unknown', detail: 'kinds.loadBalancer.health.noDataDetail' }
        : { label: 'kinds.loadBalancer.health.disabled', tone: 'unknown', detail: msg('kinds.loadBalancer.health.reported', { status: o }) };
    case 'NO_MONITOR':
      return { label: 'kinds.loadBalancer.health.noMonitor', tone: 'unknown', detail: msg('kinds.loadBalancer.health.reported', { status: o }) };
    case 'DRAINING':
      return { label: o, tone: 'busy' };
    case 'DEGRADED':
    case 'ERROR':
      return { label: o, tone: 'error' };
    default:
      return { label: o || 'UNKNOWN', tone: 'unknown' };
  }
}

/** An object's badge: its provisioning state while it is not ACTIVE, else its health. */
export function objectStatus(r: { provisioning_status: string; operating_status: string; admin_state_up?: boolean }): StatusInfo {
  return r.provisioning_status === 'ACTIVE' ? operatingStatus(r.operating_status, r.admin_state_up ?? true) : provisioningStatus(r.provisioning_status);
}

export const L7PolicySchema = z.looseObject({
  id: z.string().min(1),
  action: z.string(),
  position: z.number(),
  provisioning_status: z.string(),
  operating_status: z.string(),
  admin_state_up: z.boolean().optional(),
  ...maybeStrings('name', 'listener_id', 'redirect_pool_id', 'redirect_url', 'redirect_prefix'),
  rules: z.array(Ref).optional().default([]),
});
export type L7Policy = z.infer<typeof L7PolicySchema>;

export const L7RuleSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  compare_type: z.string(),
  value: z.string(),
  invert: z.boolean().optional(),
  provisioning_status: z.string(),
  operating_status: z.string(),
  admin_state_up: z.boolean().optional(),
  ...maybeStrings('key'),
});
export type L7Rule = z.infer<typeof L7RuleSchema>;
