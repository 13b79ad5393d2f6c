// A "fully populated" load balancer create (listeners with default pools and L7 policies, pools with members
// and a health monitor, in one request), as LoadBalancersController._graph_create resolves it: pools are
// named, a listener or policy refers to a pool by name, and each full definition appears once.
import { checkHasChildren, checkProtocols } from './checks';
import { fault, validation } from './errors';
import { createPolicy } from './l7';
import { createListener } from './listeners';
import { createMember } from './members';
import type { LoadBalancer } from './model';
import { createMonitor } from './monitors';
import { createPool } from './pools';
import { checkQuota, type LbDeps } from './request';
import type { Body } from './schema';
import { sanitizePolicy } from './l7-checks';

const defined = (b: Body) => Object.values(b).filter((v) => v !== undefined).length;

/** Runs `fn` on the state; if it throws, every table is put back as it was (the request's transaction). */
export function withRollback<T>(deps: LbDeps, fn: () => T): T {
  const snapshot = structuredClone(deps.s);
  try {
    return fn();
  } catch (e) {
    Object.assign(deps.s, snapshot);
    throw e;
  }
}

/** A pool reference: a full definition (moved to `pools`) or a name that must be defined elsewhere. */
function collect(ref: Body | null | undefined, pools: Body[], required: Set<string>): Body | null {
  if (!ref) return null;
  const name = ref.name as string | undefined;
  if (!name) throw validation('Pools must be named when creating a fully populated loadbalancer.');
  // A reference carries only its name and the two attributes WSME defaults (admin_state_up, tls_enabled).
  if (defined(ref) > 3) pools.push(ref);
  else required.add(name);
  return { name };
}

export function createGraph(deps: LbDeps, lb: LoadBalancer, listeners: Body[], topPools: Body[]): void {
  const pools = [...topPools];
  const required = new Set<string>();
  for (const li of listeners) {
    li.default_pool = collect(li.default_pool as Body | null, pools, required) ?? undefined;
    for (const p of (li.l7policies as Body[] | undefined) ?? []) p.redirect_pool = collect(p.redirect_pool as Body | null, pools, required) ?? undefined;
  }
  const names = pools.map((p) => p.name as string);
  if (new Set(names).size !== names.length) throw validation('Pool names must be unique when creating a fully populated loadbalancer.');
  for (const name of required) if (!names.includes(name)) throw validation(`Pool '${name}' was referenced but no full definition was found.`);

  if (pools.length) checkQuota(deps, lb.project_id, 'pool', pools.length);
  const poolIds = new Map<string, string>();
  for (const p of pools) {
    for (const attr of ['protocol', 'lb_algorithm']) {
      if (!p[attr]) throw validation(`Pool definition for '${String(p.name)}' missing required attribute: ${attr}`);
    }
    const pool = createPool(deps, lb, p);
    if (p.healthmonitor) {
      checkQuota(deps, lb.project_id, 'health_monitor');
      createMonitor(deps, pool, p.healthmonitor as Body);
    }
    const members = (p.members as Body[] | undefined) ?? [];
    if (members.length) checkQuota(deps, lb.project_id, 'member', members.length);
    for (const m of members) createMember(deps, pool, m);
    poolIds.set(pool.name, pool.id);
  }

  if (listeners.length) checkQuota(deps, lb.project_id, 'listener', listeners.length);
  const poolId = (ref: unknown) => {
    const name = (ref as Body).name as string;
    const id = poolIds.get(name);
    if (!id) throw fault(400, `Missing details for Pool object: ${name}`);
    return id;
  };
  for (const li of listeners) {
    const { default_pool: dp, l7policies, ...rest } = li;
    if (dp) rest.default_pool_id = poolId(dp);
    if (rest.default_pool_id) {
      checkHasChildren(rest.protocol as string);
      checkProtocols(rest.protocol as string, deps.s.pools[rest.default_pool_id as string].protocol);
    }
    const listener = createListener(deps, lb, rest);
    const policies = (l7policies as Body[] | undefined) ?? [];
    if (policies.length) checkHasChildren(listener.protocol);
    for (const p of policies) {
      const { redirect_pool: rp, ...policy } = p;
      if (rp) policy.redirect_pool_id = poolId(rp);
      createPolicy(deps, listener, sanitizePolicy(policy, true));
    }
  }
}
