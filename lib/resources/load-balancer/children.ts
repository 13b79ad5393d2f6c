// What sits below a load balancer, each a definition made for its parent and shown as a compact tab on its page:
// listeners (`v2/lbaas/listeners?loadbalancer_id=`), pools (`v2/lbaas/pools?loadbalancer_id=`) and each pool's members
// (`v2/lbaas/pools/{id}/members`). Every create or delete moves the load balancer to PENDING_UPDATE (polled), and
// while it is pending Octavia refuses the next change with 409 "immutable" (explained by lib/resources/explain.ts).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { choices, deleteAction, define, nameOrId, rest, statusColumn } from '../define';
import type { ApiRequest, Column, ResourceAction, ResourceDefinition } from '../types';
import { isHttpMonitor, LB_ALGORITHMS, MONITOR_TYPES, MonitorCreateSchema, PERSISTENCE_TYPES, type MonitorCreate } from './create';
import { HealthMonitorSchema, isPending, LB_BASE, ListenerSchema, MemberSchema, OCTAVIA, objectStatus, PoolSchema, type HealthMonitor, type Listener, type Member, type Pool } from './octavia';

/** Kinds, for query keys and invalidation: a child's change refetches the load balancer (its state and counts). */
export const LB_KINDS = { lb: 'load-balancer', listener: 'lb-listener', pool: 'lb-pool', member: 'lb-member', monitor: 'lb-monitor', l7policy: 'lb-l7policy', l7rule: 'lb-l7rule' } as const;

const portRule = z.string().trim().refine((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65535, { error: 'kinds.loadBalancer.errors.port' });
const CHILD_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'UDP'] as const;

/** Provisioning and health columns every child shows. */
function stateColumns<T extends { provisioning_status: string; operating_status: string; admin_state_up?: boolean }>(): Column<T>[] {
  return [
    statusColumn((r) => r.provisioning_status, { label: 'kinds.loadBalancer.fields.provisioning' }),
    { id: 'health', label: 'kinds.loadBalancer.fields.operating', value: (r) => r.operating_status, cell: 'status', badge: (r) => objectStatus({ ...r, provisioning_status: 'ACTIVE' }) },
  ];
}

/** Delete of a child: refused by Octavia while anything above it is pending, so offered only when it is not. */
function childDelete<T extends { id: string; name?: string | null; provisioning_status: string }>(spec: { title: 'kinds.loadBalancer.listener.deleteTitle' | 'kinds.loadBalancer.pool.deleteTitle' | 'kinds.loadBalancer.member.deleteTitle' | 'kinds.loadBalancer.monitor.deleteTitle'; path: (r: T) => string; cli: (r: T) => string }): ResourceAction<T> {
  return deleteAction<T>({
    title: spec.title, bulk: false, path: spec.path, cli: spec.cli,
    allowed: (r) => !isPending(r.provisioning_status),
    optimistic: (r) => ({ ...r, provisioning_status: 'PENDING_DELETE' }),
    body: (rows) => msg('kinds.loadBalancer.confirm.childDelete', { name: rows[0] ? nameOrId({ name: rows[0].name, id: rows[0].id }) : '' }),
  });
}

// ---- Listeners -----------------------------------------------------------------------------------------

export const ListenerCreateSchema = z.object({
  name: z.string().trim().max(255, { error: 'kinds.loadBalancer.errors.nameLength' }),
  protocol: z.enum(CHILD_PROTOCOLS),
  port: portRule,
});
export type ListenerCreate = z.infer<typeof ListenerCreateSchema>;

export const listenerCreateRequest = (lbId: string, i: ListenerCreate): ApiRequest => ({
  method: 'POST', path: `${LB_BASE}/listeners`, body: { listener: { loadbalancer_id: lbId, ...(i.name ? { name: i.name } : {}), protocol: i.protocol, protocol_port: Number(i.port) } },
});

export function listenerDefinition(lbId: string): ResourceDefinition<Listener, ListenerCreate> {
  return define<Listener, ListenerCreate>({
    kind: LB_KINDS.listener, slug: 'load-balancers',
    label: { singular: 'kinds.loadBalancer.listener.singular', plural: 'kinds.loadBalancer.listener.plural', noun: 'kinds.loadBalancer.listener.noun' },
    ...rest(OCTAVIA, `${LB_BASE}/listeners`, 'listener', { list: `${LB_BASE}/listeners?loadbalancer_id=${encodeURIComponent(lbId)}` }),
    schema: ListenerSchema,
    name: (l) => nameOrId(l),
    status: (l) => objectStatus(l),
    columns: [
      { id: 'name', label: 'common.name', value: (l) => nameOrId(l) },
      { id: 'protocol', label: 'kinds.loadBalancer.fields.protocol', value: (l) => `${l.protocol}:${l.protocol_port}`, cell: 'mono' },
      ...stateColumns<Listener>(),
      { id: 'defaultPool', label: 'kinds.loadBalancer.fields.defaultPool', value: (l) => l.default_pool_id ?? '', cell: 'mono' },
    ],
    actions: [childDelete<Listener>({ title: 'kinds.loadBalancer.listener.deleteTitle', path: (l) => `${LB_BASE}/listeners/${l.id}`, cli: (l) => command('openstack loadbalancer listener delete', l.id) })],
    create: {
      schema: ListenerCreateSchema,
      fields: [
        { name: 'name', label: 'common.name', type: 'text' },
        { name: 'protocol', label: 'kinds.loadBalancer.fields.protocol', type: 'select', options: choices(CHILD_PROTOCOLS) },
        { name: 'port', label: 'kinds.loadBalancer.fields.port', type: 'text', numeric: true },
      ],
      defaults: { name: '', protocol: 'HTTP', port: '80' },
      request: (i) => listenerCreateRequest(lbId, i),
      cli: (i) => command('openstack loadbalancer listener create', { '--name': i.name || undefined, '--protocol': i.protocol, '--protocol-port': i.port || '<port>' }, lbId),
    },
    invalidates: [LB_KINDS.lb, LB_KINDS.pool],
    cli: { list: `openstack loadbalancer listener list --loadbalancer ${lbId}`, show: (l) => command('openstack loadbalancer listener show', l.id) },
  });
}

// ---- Pools ----------------------------------------------------------------------------------------------

export const PoolCreateSchema = z
  .object({
    name: z.string().trim().max(255, { error: 'kinds.loadBalancer.errors.nameLength' }),
    protocol: z.enum(CHILD_PROTOCOLS),
    algorithm: z.enum(LB_ALGORITHMS),
    persistence: z.enum(PERSISTENCE_TYPES),
    listenerId: z.string(),
  });
export type PoolCreate = z.infer<typeof PoolCreateSchema>;

/** A pool goes to a listener (as its default pool) or, without one, straight to the load balancer. */
export const poolCreateRequest = (lbId: string, i: PoolCreate): ApiRequest => ({
  method: 'POST', path: `${LB_BASE}/pools`,
  body: { pool: { ...(i.listenerId ? { listener_id: i.listenerId } : { loadbalancer_id: lbId }), ...(i.name ? { name: i.name } : {}), protocol: i.protocol, lb_algorithm: i.algorithm, ...(i.persistence ? { session_persistence: { type: i.persistence } } : {}) } },
});

const persistenceOf = (p: Pool) => p.session_persistence?.type ?? '';

export function poolDefinition(lbId: string): ResourceDefinition<Pool, PoolCreate> {
  return define<Pool, PoolCreate>({
    kind: LB_KINDS.pool, slug: 'load-balancers',
    label: { singular: 'kinds.loadBalancer.pool.singular', plural: 'kinds.loadBalancer.pool.plural', noun: 'kinds.loadBalancer.pool.noun' },
    ...rest(OCTAVIA, `${LB_BASE}/pools`, 'pool', { list: `${LB_BASE}/pools?loadbalancer_id=${encodeURIComponent(lbId)}` }),
    schema: PoolSchema,
    name: (p) => nameOrId(p),
    status: (p) => objectStatus(p),
    columns: [
      { id: 'name', label: 'common.name', value: (p) => nameOrId(p) },
      { id: 'protocol', label: 'kinds.loadBalancer.fields.protocol', value: (p) => p.protocol },
      { id: 'algorithm', label: 'kinds.loadBalancer.fields.algorithm', value: (p) => p.lb_algorithm },
      { id: 'persistence', label: 'kinds.loadBalancer.fields.persistence', value: (p) => persistenceOf(p) || msg('kinds.loadBalancer.fields.none', {}) },
      { id: 'members', label: 'kinds.loadBalancer.fields.members', value: (p) => p.members.length },
      { id: 'monitor', label: 'kinds.loadBalancer.fields.monitor', value: (p) => msg(p.healthmonitor_id ? 'common.yes' : 'common.no', {}) },
      ...stateColumns<Pool>(),
    ],
    actions: [childDelete<Pool>({ title: 'kinds.loadBalancer.pool.deleteTitle', path: (p) => `${LB_BASE}/pools/${p.id}`, cli: (p) => command('openstack loadbalancer pool delete', p.id) })],
    create: {
      schema: PoolCreateSchema,
      fields: [
        { name: 'name', label: 'common.name', type: 'text' },
        { name: 'protocol', label: 'kinds.loadBalancer.fields.protocol', type: 'select', options: choices(CHILD_PROTOCOLS) },
        { name: 'algorithm', label: 'kinds.loadBalancer.fields.algorithm', type: 'select', options: choices(LB_ALGORITHMS) },
        { name: 'persistence', label: 'kinds.loadBalancer.fields.persistence', type: 'select', options: [{ value: '', label: 'kinds.loadBalancer.fields.none' }, ...choices(PERSISTENCE_TYPES.filter(Boolean))] },
        {
          name: 'listenerId', label: 'kinds.loadBalancer.fields.listener', type: 'select',
          optionsFrom: {
            service: OCTAVIA.service, path: `${LB_BASE}/listeners?loadbalancer_id=${encodeURIComponent(lbId)}`, key: 'listeners', kind: LB_KINDS.listener, schema: ListenerSchema,
            value: (o) => String(o.id), label: (o) => `${String(o.name || o.id)} (${String(o.protocol)}:${String(o.protocol_port)})`,
            noun: 'kinds.loadBalancer.listener.noun', none: 'kinds.loadBalancer.pool.noListener', choose: 'kinds.loadBalancer.pool.noListener', staleTime: 0,
          },
        },
      ],
      defaults: { name: '', protocol: 'HTTP', algorithm: 'ROUND_ROBIN', persistence: '', listenerId: '' },
      request: (i) => poolCreateRequest(lbId, i),
      cli: (i) => command('openstack loadbalancer pool create', { '--name': i.name || undefined, '--protocol': i.protocol, '--lb-algorithm': i.algorithm, '--session-persistence': i.persistence ? `type=${i.persistence}` : undefined, '--listener': i.listenerId || undefined, '--loadbalancer': i.listenerId ? undefined : lbId }),
    },
    invalidates: [LB_KINDS.lb, LB_KINDS.listener],
    cli: { list: `openstack loadbalancer pool list --loadbalancer ${lbId}`, show: (p) => command('openstack loadbalancer pool show', p.id) },
  });
}

// ---- Members ---------------------------------------------------------------------------------------------

const optionalIp = z.string().trim().refine((s) => s === '' || /^[0-9a-fA-F:.]+$/.test(s), { error: 'kinds.loadBalancer.errors.address' });

export const MemberCreateSchema = z.object({
  name: z.string().trim().max(255, { error: 'kinds.loadBalancer.errors.nameLength' }),
  address: z.string().trim().refine((s) => /^[0-9a-fA-F:.]+$/.test(s), { error: 'kinds.loadBalancer.errors.address' }),
  port: portRule,
  subnetId: z.string(),
  weight: z.string().trim().refine((s) => /^\d+$/.test(s) && Number(s) <= 256, { error: 'kinds.loadBalancer.errors.weight' }),
  backup: z.boolean(),
  monitorAddress: optionalIp,
});
export type MemberCreate = z.infer<typeof MemberCreateSchema>;

export function memberCreateRequest(poolId: string, i: MemberCreate): ApiRequest {
  const member: Record<string, unknown> = { address: i.address, protocol_port: Number(i.port), weight: Number(i.weight), backup: i.backup };
  if (i.name) member.name = i.name;
  if (i.subnetId) member.subnet_id = i.subnetId;
  if (i.monitorAddress) member.monitor_address = i.monitorAddress;
  return { method: 'POST', path: `${LB_BASE}/pools/${poolId}/members`, body: { member } };
}

/** A member of a pool as a backup (used only when every other member is down) or back as a regular one. */
export const backupRequest = (poolId: string, m: Member): ApiRequest => ({ method: 'PUT', path: `${LB_BASE}/pools/${poolId}/members/${m.id}`, body: { member: { backup: !m.backup } } });

export function memberDefinition(poolId: string, poolName = poolId): ResourceDefinition<Member, MemberCreate> {
  return define<Member, MemberCreate>({
    kind: LB_KINDS.member, slug: 'load-balancers',
    label: { singular: 'kinds.loadBalancer.member.singular', plural: 'kinds.loadBalancer.member.plural', noun: 'kinds.loadBalancer.member.noun' },
    ...rest(OCTAVIA, `${LB_BASE}/pools/${poolId}/members`, 'member'),
    schema: MemberSchema,
    name: (m) => m.name || `${m.address}:${m.protocol_port}`,
    status: (m) => objectStatus(m),
    columns: [
      { id: 'name', label: 'common.name', value: (m) => m.name || '' },
      { id: 'address', label: 'kinds.loadBalancer.fields.address', value: (m) => `${m.address}:${m.protocol_port}`, cell: 'mono' },
      { id: 'weight', label: 'kinds.loadBalancer.fields.weight', value: (m) => m.weight ?? '' },
      { id: 'backup', label: 'kinds.loadBalancer.fields.backup', value: (m) => msg(m.backup ? 'common.yes' : 'common.no', {}) },
      { id: 'monitorAddress', label: 'kinds.loadBalancer.fields.monitorAddress', value: (m) => m.monitor_address ?? '', cell: 'mono' },
      ...stateColumns<Member>(),
    ],
    actions: [
      {
        id: 'backup', label: 'kinds.loadBalancer.member.toggleBackup', allowed: (m) => !isPending(m.provisioning_status),
        request: (m) => backupRequest(poolId, m), optimistic: (m) => ({ ...m, backup: !m.backup, provisioning_status: 'PENDING_UPDATE' }),
        cli: (m) => command('openstack loadbalancer member set', m.backup ? { '--disable-backup': true } : { '--enable-backup': true }, poolName, m.id),
      },
      childDelete<Member>({ title: 'kinds.loadBalancer.member.deleteTitle', path: (m) => `${LB_BASE}/pools/${poolId}/members/${m.id}`, cli: (m) => command('openstack loadbalancer member delete', poolName, m.id) }),
    ],
    create: {
      schema: MemberCreateSchema,
      fields: [
        { name: 'name', label: 'common.name', type: 'text' },
        { name: 'address', label: 'kinds.loadBalancer.fields.address', type: 'text', placeholder: 'kinds.loadBalancer.member.addressPlaceholder' },
        { name: 'port', label: 'kinds.loadBalancer.fields.port', type: 'text', numeric: true },
        {
          name: 'subnetId', label: 'kinds.loadBalancer.fields.subnet', type: 'select',
          optionsFrom: { service: 'network', path: 'v2.0/subnets', key: 'subnets', kind: 'subnet', value: (o) => String(o.id), label: (o) => `${String(o.name || o.id)} (${String(o.cidr)})`, noun: 'kinds.loadBalancer.member.subnetNoun', none: 'kinds.loadBalancer.member.vipSubnet', choose: 'kinds.loadBalancer.member.vipSubnet' },
        },
        { name: 'weight', label: 'kinds.loadBalancer.fields.weight', type: 'text', numeric: true },
        { name: 'monitorAddress', label: 'kinds.loadBalancer.fields.monitorAddress', type: 'text' },
        { name: 'backup', label: 'kinds.loadBalancer.fields.backup', type: 'checkbox' },
      ],
      defaults: { name: '', address: '', port: '80', subnetId: '', weight: '1', backup: false, monitorAddress: '' },
      request: (i) => memberCreateRequest(poolId, i),
      cli: (i) => command('openstack loadbalancer member create', { '--name': i.name || undefined, '--address': i.address || '<address>', '--protocol-port': i.port || '<port>', '--subnet-id': i.subnetId || undefined, '--weight': i.weight || undefined, '--enable-backup': i.backup, '--monitor-address': i.monitorAddress || undefined }, poolName),
    },
    invalidates: [LB_KINDS.lb, LB_KINDS.pool],
    cli: { list: `openstack loadbalancer member list ${poolName}`, show: (m) => command('openstack loadbalancer member show', poolName, m.id) },
  });
}

// ---- Health monitors -------------------------------------------------------------------------------------

export const monitorCreateRequest = (poolId: string, i: MonitorCreate): ApiRequest => ({
  method: 'POST', path: `${LB_BASE}/healthmonitors`,
  body: { healthmonitor: { pool_id: poolId, type: i.type, delay: Number(i.delay), timeout: Number(i.timeout), max_retries: Number(i.maxRetries), ...(isHttpMonitor(i.type) ? { url_path: i.urlPath } : {}) } },
});

/** A pool's health monitor (at most one: Octavia answers 409 for a second), listed by `pool_id`. */
export function monitorDefinition(poolId: string, poolName = poolId): ResourceDefinition<HealthMonitor, MonitorCreate> {
  return define<HealthMonitor, MonitorCreate>({
    kind: LB_KINDS.monitor, slug: 'load-balancers',
    label: { singular: 'kinds.loadBalancer.monitor.singular', plural: 'kinds.loadBalancer.monitor.plural', noun: 'kinds.loadBalancer.monitor.noun' },
    ...rest(OCTAVIA, `${LB_BASE}/healthmonitors`, 'healthmonitor', { list: `${LB_BASE}/healthmonitors?pool_id=${encodeURIComponent(poolId)}` }),
    schema: HealthMonitorSchema,
    name: (h) => h.name || h.type,
    status: (h) => objectStatus(h),
    columns: [
      { id: 'type', label: 'kinds.loadBalancer.monitor.type', value: (h) => h.type },
      { id: 'timing', label: 'kinds.loadBalancer.monitor.timing', value: (h) => msg('kinds.loadBalancer.monitor.timingValue', { delay: h.delay, timeout: h.timeout, retries: h.max_retries }) },
      { id: 'urlPath', label: 'kinds.loadBalancer.monitor.urlPath', value: (h) => h.url_path ?? '', cell: 'mono' },
      ...stateColumns<HealthMonitor>(),
    ],
    actions: [childDelete<HealthMonitor>({ title: 'kinds.loadBalancer.monitor.deleteTitle', path: (h) => `${LB_BASE}/healthmonitors/${h.id}`, cli: (h) => command('openstack loadbalancer healthmonitor delete', h.id) })],
    create: {
      schema: MonitorCreateSchema,
      fields: [
        { name: 'type', label: 'kinds.loadBalancer.monitor.type', type: 'select', options: choices(MONITOR_TYPES) },
        { name: 'delay', label: 'kinds.loadBalancer.monitor.delay', type: 'text', numeric: true },
        { name: 'timeout', label: 'kinds.loadBalancer.monitor.timeout', type: 'text', numeric: true },
        { name: 'maxRetries', label: 'kinds.loadBalancer.monitor.maxRetries', type: 'text', numeric: true },
        { name: 'urlPath', label: 'kinds.loadBalancer.monitor.urlPath', type: 'text' },
      ],
      defaults: { type: 'HTTP', delay: '5', timeout: '3', maxRetries: '3', urlPath: '/' },
      request: (i) => monitorCreateRequest(poolId, i),
      cli: (i) => command('openstack loadbalancer healthmonitor create', { '--type': i.type, '--delay': i.delay, '--timeout': i.timeout, '--max-retries': i.maxRetries, '--url-path': isHttpMonitor(i.type) ? i.urlPath : undefined }, poolName),
    },
    invalidates: [LB_KINDS.lb, LB_KINDS.pool],
    cli: { list: `openstack loadbalancer healthmonitor list --pool ${poolName}`, show: (h) => command('openstack loadbalancer healthmonitor show', h.id) },
  });
}
