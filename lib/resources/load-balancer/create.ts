// The one-page create (components/load-balancer/lb-create.tsx): a load balancer with, optionally, its first listener,
// a pool of members and a health monitor, sent one object at a time as the CLI does (lbCreatePlan; run by
// create-run.ts). The pool takes the listener's name with "-pool". Pure: the form's values in, the steps and the CLI out.
import { z } from 'zod';
import type { MsgKey } from '@/lib/i18n/msg';
import { command } from '../cli';
import type { ApiRequest } from '../types';
import { LB_BASE } from './octavia';

export const LISTENER_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'TERMINATED_HTTPS'] as const;
export const LB_ALGORITHMS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'] as const;
export const PERSISTENCE_TYPES = ['', 'SOURCE_IP', 'HTTP_COOKIE', 'APP_COOKIE'] as const;
/** Octavia's health monitor types; UDP pools take UDP-CONNECT, HTTP, TCP or PING only. */
export const MONITOR_TYPES = ['HTTP', 'HTTPS', 'TCP', 'PING', 'TLS-HELLO', 'UDP-CONNECT'] as const;

/** The pool's protocol for a listener's: a TERMINATED_HTTPS listener decrypts, so its members speak HTTP. */
export const poolProtocol = (listener: string) => (listener === 'TERMINATED_HTTPS' ? 'HTTP' : listener);

/** Default port per protocol. */
export const defaultPort = (protocol: string) => (protocol === 'HTTPS' || protocol === 'TERMINATED_HTTPS' ? '443' : '80');

const port = (error: 'kinds.loadBalancer.errors.port') =>
  z.string().trim().refine((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 65535, { error });

export const MemberInputSchema = z.object({
  /** "<subnet id>|<address>": the instance address picked. */
  target: z.string(),
  name: z.string(),
  port: z.string(),
  weight: z.string(),
});
export type MemberInput = z.infer<typeof MemberInputSchema>;

/** A health monitor's timing: whole seconds; the timeout within the delay; an HTTP(S) monitor's path. */
const wholeRule = (min: number, max: number, error: 'kinds.loadBalancer.errors.whole' | 'kinds.loadBalancer.errors.maxRetries') =>
  z.string().trim().refine((s) => /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max, { error });

export const MonitorCreateSchema = z
  .object({
    type: z.enum(MONITOR_TYPES),
    delay: wholeRule(1, 2147483647, 'kinds.loadBalancer.errors.whole'),
    timeout: wholeRule(1, 2147483647, 'kinds.loadBalancer.errors.whole'),
    maxRetries: wholeRule(1, 10, 'kinds.loadBalancer.errors.maxRetries'),
    urlPath: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (Number(v.timeout) > Number(v.delay)) ctx.addIssue({ code: 'custom', path: ['timeout'], message: 'kinds.loadBalancer.errors.timeoutAboveDelay' });
    if (isHttpMonitor(v.type) && !v.urlPath.startsWith('/')) ctx.addIssue({ code: 'custom', path: ['urlPath'], message: 'kinds.loadBalancer.errors.urlPath' });
  });
export type MonitorCreate = z.infer<typeof MonitorCreateSchema>;

/** The monitor schema's fields as the create form names them. */
const MONITOR_FIELDS: Record<string, string> = { type: 'monitorType', delay: 'delay', timeout: 'timeout', maxRetries: 'maxRetries', urlPath: 'urlPath' };

export const LbCreateSchema = z
  .object({
    name: z.string().trim().max(255, { error: 'kinds.loadBalancer.errors.nameLength' }),
    description: z.string().max(255, { error: 'kinds.loadBalancer.errors.descriptionLength' }),
    vipSubnetId: z.string().min(1, { error: 'kinds.loadBalancer.errors.vipSubnet' }),
    floatingPool: z.string(),
    withListener: z.boolean(),
    protocol: z.enum(LISTENER_PROTOCOLS),
    port: z.string(),
    tlsContainer: z.string(),
    withPool: z.boolean(),
    algorithm: z.enum(LB_ALGORITHMS),
    persistence: z.enum(PERSISTENCE_TYPES),
    cookieName: z.string().trim(),
    members: z.array(MemberInputSchema),
    withMonitor: z.boolean(),
    monitorType: z.enum(MONITOR_TYPES),
    delay: z.string(),
    timeout: z.string(),
    maxRetries: z.string(),
    urlPath: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, error: MsgKey) => ctx.addIssue({ code: 'custom', path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: error });
    if (!v.withListener) return;
    if (!port('kinds.loadBalancer.errors.port').safeParse(v.port).success) add('port', 'kinds.loadBalancer.errors.port');
    if (v.protocol === 'TERMINATED_HTTPS' && !v.tlsContainer) add('tlsContainer', 'kinds.loadBalancer.errors.tlsContainer');
    if (!v.withPool) return;
    if (v.persistence === 'APP_COOKIE' && !v.cookieName) add('cookieName', 'kinds.loadBalancer.errors.cookieName');
    if (v.persistence !== '' && v.protocol === 'UDP' && v.persistence !== 'SOURCE_IP') add('persistence', 'kinds.loadBalancer.errors.udpPersistence');
    v.members.forEach((m, i) => {
      if (!m.target) add(`members.${i}.target`, 'kinds.loadBalancer.errors.memberTarget');
      if (!port('kinds.loadBalancer.errors.port').safeParse(m.port).success) add(`members.${i}.port`, 'kinds.loadBalancer.errors.port');
      if (!/^\d+$/.test(m.weight.trim()) || Number(m.weight) > 256) add(`members.${i}.weight`, 'kinds.loadBalancer.errors.weight');
    });
    if (!v.withMonitor) return;
    const monitor = MonitorCreateSchema.safeParse({ type: v.monitorType, delay: v.delay, timeout: v.timeout, maxRetries: v.maxRetries, urlPath: v.urlPath });
    for (const i of monitor.error?.issues ?? []) add(MONITOR_FIELDS[String(i.path[0])] ?? 'monitorType', i.message as MsgKey);
    if (v.protocol === 'UDP' && !['UDP-CONNECT', 'HTTP', 'TCP', 'PING'].includes(v.monitorType)) add('monitorType', 'kinds.loadBalancer.errors.udpMonitor');
  });
export type LbCreate = z.infer<typeof LbCreateSchema>;

export const isHttpMonitor = (type: string) => type === 'HTTP' || type === 'HTTPS';

/** The form's values: the choices are plain strings until the schema reads them. */
export type LbFormValues = Omit<LbCreate, 'protocol' | 'algorithm' | 'persistence' | 'monitorType'> & { protocol: string; algorithm: string; persistence: string; monitorType: string };

export const LB_CREATE_DEFAULTS: LbFormValues = {
  name: '', description: '', vipSubnetId: '', floatingPool: '',
  withListener: true, protocol: 'HTTP', port: '80', tlsContainer: '',
  withPool: true, algorithm: 'ROUND_ROBIN', persistence: '', cookieName: '', members: [],
  withMonitor: true, monitorType: 'HTTP', delay: '5', timeout: '3', maxRetries: '3', urlPath: '/',
};

/** "<subnet id>|<address>" -> its parts. */
export const splitTarget = (target: string) => {
  const i = target.indexOf('|');
  return { subnetId: target.slice(0, i), address: target.slice(i + 1) };
};

const listenerName = (i: LbFormValues) => `${i.name.trim() || 'lb'}-${i.protocol.toLowerCase()}-${i.port.trim()}`;

/** The members as one batch: PUT v2/lbaas/pools/{id}/members (202, no body; real Octavia 11 leaves them ACTIVE). */
function membersBody(i: LbCreate) {
  return i.members.map((m) => {
    const { subnetId, address } = splitTarget(m.target);
    return { ...(m.name ? { name: m.name } : {}), address, protocol_port: Number(m.port), subnet_id: subnetId, weight: Number(m.weight) };
  });
}

/** POST v2/lbaas/loadbalancers: the load balancer alone; what goes below it is the plan's later steps. */
export function lbCreateRequest(i: LbCreate): ApiRequest {
  const lb: Record<string, unknown> = { vip_subnet_id: i.vipSubnetId };
  if (i.name.trim()) lb.name = i.name.trim();
  if (i.description) lb.description = i.description;
  return { method: 'POST', path: `${LB_BASE}/loadbalancers`, body: { loadbalancer: lb } };
}

export type LbStepId = 'loadbalancer' | 'listener' | 'pool' | 'members' | 'monitor';
/** The ids the earlier steps made, which the later ones name. */
export interface LbMadeIds { loadbalancer?: string; listener?: string; pool?: string }

export interface LbCreateStep {
  id: LbStepId;
  /** The request, given the ids made so far. */
  request: (ids: Required<LbMadeIds>) => ApiRequest;
  /** The answer's wrapper key holding the new object's id (none for the members' batch). */
  made?: keyof LbMadeIds;
}

/**
 * The form as a sequence of calls, as the CLI sends it: Octavia's one-call create leaves the children PENDING_CREATE
 * on real Octavia 11 (noop drivers), and every step answers 409 while the load balancer is PENDING_*, so the runner
 * (create-run.ts) waits for the load balancer to be ACTIVE after each. The pool is the listener's default pool
 * (`listener_id`); the members go in one batch.
 */
export function lbCreatePlan(i: LbCreate): LbCreateStep[] {
  const steps: LbCreateStep[] = [{ id: 'loadbalancer', request: () => lbCreateRequest(i), made: 'loadbalancer' }];
  if (!i.withListener) return steps;
  steps.push({
    id: 'listener', made: 'listener',
    request: (ids) => ({
      method: 'POST', path: `${LB_BASE}/listeners`,
      body: { listener: { name: listenerName(i), loadbalancer_id: ids.loadbalancer, protocol: i.protocol, protocol_port: Number(i.port), ...(i.protocol === 'TERMINATED_HTTPS' ? { default_tls_container_ref: i.tlsContainer } : {}) } },
    }),
  });
  if (!i.withPool) return steps;
  const pool: Record<string, unknown> = { name: `${listenerName(i)}-pool`, protocol: poolProtocol(i.protocol), lb_algorithm: i.algorithm };
  if (i.persistence) pool.session_persistence = { type: i.persistence, ...(i.persistence === 'APP_COOKIE' ? { cookie_name: i.cookieName } : {}) };
  steps.push({ id: 'pool', made: 'pool', request: (ids) => ({ method: 'POST', path: `${LB_BASE}/pools`, body: { pool: { ...pool, listener_id: ids.listener } } }) });
  if (i.members.length) steps.push({ id: 'members', request: (ids) => ({ method: 'PUT', path: `${LB_BASE}/pools/${ids.pool}/members`, body: { members: membersBody(i) } }) });
  if (i.withMonitor) {
    const monitor = {
      type: i.monitorType, delay: Number(i.delay), timeout: Number(i.timeout), max_retries: Number(i.maxRetries),
      ...(isHttpMonitor(i.monitorType) ? { url_path: i.urlPath, http_method: 'GET', expected_codes: '200' } : {}),
    };
    steps.push({ id: 'monitor', request: (ids) => ({ method: 'POST', path: `${LB_BASE}/healthmonitors`, body: { healthmonitor: { ...monitor, pool_id: ids.pool } } }) });
  }
  return steps;
}

/** The same with the CLI: one command per object, each waiting for the load balancer to settle. */
export function lbCreateCli(i: LbFormValues): string[] {
  const lb = i.name.trim() || '<load-balancer>';
  const lines = [command('openstack loadbalancer create', { '--name': i.name.trim() || undefined, '--description': i.description || undefined, '--vip-subnet-id': i.vipSubnetId || '<subnet>' }, '--wait')];
  if (!i.withListener) return lines;
  const listener = listenerName(i);
  lines.push(command('openstack loadbalancer listener create', { '--name': listener, '--protocol': i.protocol, '--protocol-port': i.port || '<port>', '--default-tls-container-ref': i.protocol === 'TERMINATED_HTTPS' ? i.tlsContainer || '<container>' : undefined }, '--wait', lb));
  if (!i.withPool) return lines;
  const pool = `${listener}-pool`;
  lines.push(command('openstack loadbalancer pool create', { '--name': pool, '--listener': listener, '--protocol': poolProtocol(i.protocol), '--lb-algorithm': i.algorithm, '--session-persistence': i.persistence ? `type=${i.persistence}${i.persistence === 'APP_COOKIE' ? `,cookie_name=${i.cookieName}` : ''}` : undefined }, '--wait'));
  for (const m of i.members) {
    const { subnetId, address } = splitTarget(m.target);
    lines.push(command('openstack loadbalancer member create', { '--name': m.name || undefined, '--address': address || '<address>', '--subnet-id': subnetId || undefined, '--protocol-port': m.port || '<port>', '--weight': m.weight || undefined }, '--wait', pool));
  }
  if (i.withMonitor) {
    lines.push(command('openstack loadbalancer healthmonitor create', { '--type': i.monitorType, '--delay': i.delay, '--timeout': i.timeout, '--max-retries': i.maxRetries, '--url-path': isHttpMonitor(i.monitorType) ? i.urlPath : undefined }, '--wait', pool));
  }
  return lines;
}
