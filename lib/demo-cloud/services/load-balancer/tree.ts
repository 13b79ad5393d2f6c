// The object tree under a load balancer: who belongs to whom, in the order Octavia's relationships
// return them (by id, as MySQL reads primary keys; L7 policies by position).
import type { HealthMonitor, L7Policy, L7Rule, LbState, Listener, LoadBalancer, Member, Pool } from './model';

const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const listenersOf = (s: LbState, lbId: string): Listener[] => byId(Object.values(s.listeners).filter((x) => x.loadbalancer_id === lbId));
export const poolsOf = (s: LbState, lbId: string): Pool[] => byId(Object.values(s.pools).filter((x) => x.loadbalancer_id === lbId));
export const membersOf = (s: LbState, poolId: string): Member[] => byId(Object.values(s.members).filter((x) => x.pool_id === poolId));
export const monitorOf = (s: LbState, poolId: string): HealthMonitor | undefined => Object.values(s.healthmonitors).find((x) => x.pool_id === poolId);
export const rulesOf = (s: LbState, policyId: string): L7Rule[] => byId(Object.values(s.l7rules).filter((x) => x.l7policy_id === policyId));
export const policiesOf = (s: LbState, listenerId: string): L7Policy[] =>
  Object.values(s.l7policies).filter((x) => x.listener_id === listenerId).sort((a, b) => a.position - b.position);

/** A policy that routes traffic: enabled, with at least one rule (Octavia's Listener.pools / Pool.listeners). */
const routing = (s: LbState, p: L7Policy) => p.admin_state_up && rulesOf(s, p.id).length > 0;

/** The pools a listener sends traffic to: its default pool, then the redirect pools of its routing policies. */
export function listenerPools(s: LbState, l: Listener): Pool[] {
  const ids = [l.default_pool_id, ...policiesOf(s, l.id).filter((p) => routing(s, p)).map((p) => p.redirect_pool_id)];
  return [...new Set(ids)].flatMap((id) => (id && s.pools[id] ? [s.pools[id]] : []));
}

/** The listeners using a pool: as their default pool, or through a routing policy. */
export function poolListeners(s: LbState, pool: Pool): Listener[] {
  const defaults = byId(Object.values(s.listeners).filter((l) => l.default_pool_id === pool.id));
  const viaPolicies = Object.values(s.l7policies).filter((p) => p.redirect_pool_id === pool.id && routing(s, p)).map((p) => s.listeners[p.listener_id]);
  return [...new Set([...defaults, ...viaPolicies])].filter(Boolean);
}

/** The policies that name a pool as their redirect target (a pool in use cannot be deleted). */
export const policiesUsing = (s: LbState, poolId: string): L7Policy[] => Object.values(s.l7policies).filter((p) => p.redirect_pool_id === poolId);

export const lbOfListener = (s: LbState, l: Listener): LoadBalancer => s.loadbalancers[l.loadbalancer_id];
export const lbOfPool = (s: LbState, p: Pool): LoadBalancer => s.loadbalancers[p.loadbalancer_id];
