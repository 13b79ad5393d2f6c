// Provisioning state machines as Octavia runs them. The API locks the load balancer (PENDING_UPDATE, or
// PENDING_DELETE for its own delete) and marks the object PENDING_CREATE/UPDATE/DELETE; the amphora worker
// later makes everything ACTIVE again and drops what was being deleted. Only one operation runs per load
// balancer at a time (any other change gets 409 meanwhile), so "the worker is done" is one timestamp on
// the load balancer, applied lazily whenever the state is read (settle), like core/transitions.ts does.
import type { CloudCore } from '../../core/cloud';
import { failsOnDemand } from '../../core/failures';
import { uuid } from '../../core/ids';
import { createServicePort, deleteServicePort, seedProjectId } from './deps';
import { immutable, invalidState } from './errors';
import { lbTime, WORK_SECONDS, type Amphora, type LbState, type LoadBalancer, type Pool } from './model';
import { lbOfPool, listenersOf, membersOf, monitorOf, policiesOf, poolListeners, poolsOf, rulesOf } from './tree';

type Pending = 'PENDING_CREATE' | 'PENDING_UPDATE' | 'PENDING_DELETE';
interface Stamped {
  id: string;
  provisioning_status: string;
  updated_at: string | null;
}

export const now = (core: CloudCore) => lbTime(core.clock.now());

/** The fields every new object starts with: PENDING_CREATE, OFFLINE, enabled unless the body says otherwise. */
export function fresh(core: CloudCore, projectId: string, body: { admin_state_up?: unknown; tags?: unknown }) {
  return {
    id: uuid(), project_id: projectId, provisioning_status: 'PENDING_CREATE', operating_status: 'OFFLINE',
    admin_state_up: (body.admin_state_up as boolean | null | undefined) ?? true, created_at: now(core), updated_at: null as string | null,
    tags: (body.tags as string[] | null | undefined) ?? [],
  };
}

/** Sets a provisioning status the way Octavia's repositories do (updated_at follows every write after the create). */
export function mark(core: CloudCore, r: Stamped, status: Pending): void {
  r.provisioning_status = status;
  if (status !== 'PENDING_CREATE') r.updated_at = now(core);
}

/** Children need an ACTIVE parent: "Load Balancer <id> is immutable and cannot be updated." (409). */
export function requireActive(r: Stamped, resource: string): void {
  if (r.provisioning_status !== 'ACTIVE') throw immutable(resource, r.id);
}

/** A load balancer's own update, delete or failover: "Invalid state <status> of loadbalancer resource <id>" (409). */
export function requireLbState(lb: LoadBalancer, acceptable: readonly string[]): void {
  if (!acceptable.includes(lb.provisioning_status)) throw invalidState(lb.provisioning_status, lb.id);
}

/** Locks the load balancer for one provider operation that the worker finishes after `seconds` (nominal). */
export function beginWork(core: CloudCore, lb: LoadBalancer, status: Pending, seconds: number, failoverOf?: string): void {
  mark(core, lb, status);
  lb._op = { until: core.clock.after(seconds), ...(failoverOf ? { failoverOf } : {}) };
}

/** The usual child operation: the load balancer goes PENDING_UPDATE for the worker's few seconds. */
export const lockForChange = (core: CloudCore, lb: LoadBalancer) => beginWork(core, lb, 'PENDING_UPDATE', WORK_SECONDS.change);

/** Members and health monitors need their pool ACTIVE ("Pool <id> is immutable ..."), then the load balancer. */
export function requirePoolMutable(s: LbState, pool: Pool): void {
  requireActive(pool, 'Pool');
  requireActive(lbOfPool(s, pool), 'Load Balancer');
}

/** A change under a pool locks the pool, the listeners using it and the load balancer. */
export function lockPool(core: CloudCore, s: LbState, pool: Pool): void {
  mark(core, pool, 'PENDING_UPDATE');
  for (const l of poolListeners(s, pool)) mark(core, l, 'PENDING_UPDATE');
  lockForChange(core, lbOfPool(s, pool));
}

/**
 * A new amphora for a load balancer (BOOTING until the worker is done), with its VRRP port: an address from the
 * VIP subnet on a port of the service project, as Octavia's network driver plugs one per amphora.
 */
export function newAmphora(core: CloudCore, s: LbState, lb: LoadBalancer, status = 'BOOTING', at = core.clock.now()): Amphora {
  const n = Object.keys(s.amphorae).length + 1;
  const id = uuid();
  const computeId = uuid();
  let vrrp: { id: string; ip: string } | null = null;
  try {
    const port = createServicePort(core, {
      projectId: seedProjectId('admin'), networkId: lb.vip_network_id, fixedIps: [{ subnet_id: lb.vip_subnet_id }], name: `octavia-lb-vrrp-${id}`,
      deviceId: computeId, deviceOwner: 'compute:nova', adminStateUp: true,
    });
    vrrp = { id: port.id, ip: port.fixed_ips[0].ip_address };
  } catch {
    // A full subnet leaves the amphora without a VRRP address (a real worker would fail the load balancer).
  }
  const amp: Amphora = {
    id, loadbalancer_id: lb.id, compute_id: computeId, lb_network_ip: `192.0.2.${(n % 250) + 2}`, vrrp_ip: vrrp?.ip ?? null,
    ha_ip: lb.vip_address, vrrp_port_id: vrrp?.id ?? null, ha_port_id: lb.vip_port_id, cert_expiration: lbTime(at + 30 * 86400_000), cert_busy: false,
    role: 'STANDALONE', status, vrrp_interface: null, vrrp_id: 1, vrrp_priority: null, cached_zone: null, created_at: lbTime(at),
    updated_at: null, image_id: null, compute_flavor: null,
  };
  s.amphorae[amp.id] = amp;
  return amp;
}

/** An amphora gone (deleted with its load balancer, or replaced by a failover), with its VRRP port. */
function dropAmphora(core: CloudCore, s: LbState, amp: Amphora): void {
  if (amp.vrrp_port_id) deleteServicePort(core, amp.vrrp_port_id);
  delete s.amphorae[amp.id];
}

/** Drops a load balancer with everything under it, and the VIP port Octavia made for it. */
function removeLoadBalancer(core: CloudCore, s: LbState, lb: LoadBalancer): void {
  for (const l of listenersOf(s, lb.id)) removeListener(s, l.id);
  for (const p of poolsOf(s, lb.id)) removePool(s, p.id);
  for (const a of Object.values(s.amphorae)) if (a.loadbalancer_id === lb.id) dropAmphora(core, s, a);
  if (lb._vip_owned) deleteServicePort(core, lb.vip_port_id);
  delete s.loadbalancers[lb.id];
}

function removeListener(s: LbState, id: string): void {
  for (const p of policiesOf(s, id)) removePolicy(s, p.id);
  delete s.listeners[id];
}

function removePool(s: LbState, id: string): void {
  for (const m of membersOf(s, id)) delete s.members[m.id];
  const hm = monitorOf(s, id);
  if (hm) delete s.healthmonitors[hm.id];
  for (const l of Object.values(s.listeners)) if (l.default_pool_id === id) l.default_pool_id = null;
  delete s.pools[id];
}

function removePolicy(s: LbState, id: string): void {
  const listenerId = s.l7policies[id].listener_id;
  for (const r of rulesOf(s, id)) delete s.l7rules[r.id];
  delete s.l7policies[id];
  // The listener's policies stay numbered 1..n (an ordering list in Octavia's database).
  policiesOf(s, listenerId).forEach((p, i) => (p.position = i + 1));
}

/** The worker's end of an operation: PENDING_CREATE/UPDATE become ACTIVE (ERROR for `fail-*` names), PENDING_DELETE goes. */
function finish(core: CloudCore, s: LbState, lb: LoadBalancer): void {
  const op = lb._op!;
  delete lb._op;
  if (lb.provisioning_status === 'PENDING_DELETE') return removeLoadBalancer(core, s, lb);
  const t = lbTime(op.until);
  const done = (r: Stamped & { name?: string; admin_state_up?: boolean; operating_status?: string }, reportsOnline = false): boolean => {
    if (r.provisioning_status === 'PENDING_DELETE') return false;
    if (r.provisioning_status === 'PENDING_CREATE' || r.provisioning_status === 'PENDING_UPDATE') {
      const failed = r.provisioning_status === 'PENDING_CREATE' && failsOnDemand(core, r.name);
      r.provisioning_status = failed ? 'ERROR' : 'ACTIVE';
      r.updated_at = t;
      // Health monitors and L7 objects get their operating status from the worker, not from heartbeats.
      if (reportsOnline && !failed) r.operating_status = r.admin_state_up ? 'ONLINE' : 'OFFLINE';
    }
    return true;
  };
  for (const l of listenersOf(s, lb.id)) {
    if (!done(l)) {
      removeListener(s, l.id);
      continue;
    }
    for (const p of policiesOf(s, l.id)) {
      if (!done(p, true)) removePolicy(s, p.id);
      else for (const r of rulesOf(s, p.id)) if (!done(r, true)) delete s.l7rules[r.id];
    }
  }
  for (const p of poolsOf(s, lb.id)) {
    if (!done(p)) {
      removePool(s, p.id);
      continue;
    }
    for (const m of membersOf(s, p.id)) if (!done(m)) delete s.members[m.id];
    const hm = monitorOf(s, p.id);
    if (hm && !done(hm, true)) delete s.healthmonitors[hm.id];
  }
  const created = lb.provisioning_status === 'PENDING_CREATE';
  const failed = created && failsOnDemand(core, lb.name);
  lb.provisioning_status = failed ? 'ERROR' : 'ACTIVE';
  lb.updated_at = t;
  if (!failed) lb._heartbeat = true;
  for (const a of Object.values(s.amphorae)) {
    if (a.loadbalancer_id !== lb.id) continue;
    if (a.id === op.failoverOf) dropAmphora(core, s, a);
    else if (a.status === 'BOOTING') Object.assign(a, { status: failed ? 'ERROR' : 'ALLOCATED', updated_at: t });
  }
  if (op.failoverOf) newAmphora(core, s, lb, 'ALLOCATED', op.until).updated_at = t;
}

/** Applies every operation whose time has come; returns true when the state changed. */
export function settleAll(core: CloudCore, s: LbState): boolean {
  const nowMs = core.clock.now();
  let changed = false;
  for (const lb of Object.values(s.loadbalancers)) {
    if (lb._op && lb._op.until <= nowMs) {
      finish(core, s, lb);
      changed = true;
    }
  }
  if (changed) core.state.markDirty();
  return changed;
}
