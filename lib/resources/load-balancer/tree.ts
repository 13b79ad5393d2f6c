// A load balancer's status tree (GET v2/lbaas/loadbalancers/{id}/status) as nodes to draw (role tree), what a cascade
// delete takes along, and which instance addresses can be members. Pure functions.
import { z } from 'zod';
import { msg, type Msg, type MsgKey } from '@/lib/i18n/msg';
import { ROUTER_INTERFACE_OWNERS } from '../network/router';
import type { ReachPort } from '../network/reachability';
import type { StatusInfo } from '../types';
import { objectStatus, provisioningStatus, type Pool } from './octavia';

const Statuses = { id: z.string(), name: z.string().nullable().optional(), provisioning_status: z.string(), operating_status: z.string() };
const MemberStatus = z.looseObject({ ...Statuses, address: z.string().optional(), protocol_port: z.number().optional() });
const MonitorStatus = z.looseObject({ ...Statuses, type: z.string().optional() });
const PoolStatus = z.looseObject({ ...Statuses, health_monitor: MonitorStatus.optional(), members: z.array(MemberStatus).optional().default([]) });
const ListenerStatus = z.looseObject({ ...Statuses, pools: z.array(PoolStatus).optional().default([]) });
export const StatusTreeSchema = z.looseObject({
  statuses: z.looseObject({ loadbalancer: z.looseObject({ ...Statuses, listeners: z.array(ListenerStatus).optional().default([]) }) }),
});
export type StatusTree = z.infer<typeof StatusTreeSchema>;

export type TreeKind = 'loadbalancer' | 'listener' | 'pool' | 'monitor' | 'member';

export interface TreeNode {
  key: string;
  kind: TreeKind;
  id: string;
  /** Its name, else what identifies it (a member's address:port, a monitor's type). */
  label: string;
  provisioning: StatusInfo;
  /** Its health as a person reads it (operatingStatus). */
  health: StatusInfo;
  children: TreeNode[];
}

const KIND_KEY: Record<TreeKind, MsgKey> = {
  loadbalancer: 'kinds.loadBalancer.tree.loadbalancer',
  listener: 'kinds.loadBalancer.tree.listener',
  pool: 'kinds.loadBalancer.tree.pool',
  monitor: 'kinds.loadBalancer.tree.monitor',
  member: 'kinds.loadBalancer.tree.member',
};
export const treeKindLabel = (k: TreeKind) => KIND_KEY[k];

type S = { id: string; name?: string | null; provisioning_status: string; operating_status: string };
function node(kind: TreeKind, s: S, label: string, children: TreeNode[], key = `${kind}:${s.id}`): TreeNode {
  return { key, kind, id: s.id, label: s.name || label, provisioning: provisioningStatus(s.provisioning_status), health: objectStatus({ ...s, provisioning_status: 'ACTIVE' }), children };
}

/** The tree, listeners in the order Octavia gives them; a pool shared by two listeners appears under each. */
export function buildStatusTree(t: StatusTree): TreeNode {
  const lb = t.statuses.loadbalancer;
  return node(
    'loadbalancer', lb, lb.id,
    lb.listeners.map((l) =>
      node('listener', l, l.id, l.pools.map((p) =>
        node('pool', p, p.id, [
          ...(p.health_monitor ? [node('monitor', p.health_monitor, p.health_monitor.type ?? p.health_monitor.id, [], `monitor:${l.id}:${p.health_monitor.id}`)] : []),
          ...p.members.map((m) => node('member', m, m.address ? `${m.address}:${m.protocol_port ?? ''}` : m.id, [], `member:${l.id}:${m.id}`)),
        ], `pool:${l.id}:${p.id}`),
      )),
    ),
  );
}

// ---- Cascade delete --------------------------------------------------------------------------------

export interface Dependents {
  listeners: number;
  pools: number;
  members: number;
  monitors: number;
}

/** What `DELETE ?cascade=true` removes with the load balancer, from its listener count and its pools. */
export function dependentsOf(listeners: number, pools: readonly Pick<Pool, 'members' | 'healthmonitor_id'>[]): Dependents {
  return { listeners, pools: pools.length, members: pools.reduce((n, p) => n + p.members.length, 0), monitors: pools.filter((p) => !!p.healthmonitor_id).length };
}

/** The confirmation's sentence, or none when the load balancer has nothing below it. */
export function dependentsText(name: string, d: Dependents): Msg[] {
  if (!d.listeners && !d.pools && !d.members && !d.monitors) return [];
  return [msg('kinds.loadBalancer.confirm.cascade', { name, listeners: d.listeners, pools: d.pools, members: d.members, monitors: d.monitors })];
}

// ---- Members -----------------------------------------------------------------------------------------

/**
 * The subnets a load balancer on `vipSubnetId` reaches: its own, and every subnet of a router with an interface on it
 * (the amphora sends to members through its VIP network's router). A member elsewhere would need a subnet of its own on
 * the amphora, which this form does not offer.
 */
export function reachableFromVip(ports: readonly ReachPort[], vipSubnetId: string): Set<string> {
  const out = new Set<string>(vipSubnetId ? [vipSubnetId] : []);
  const routerPorts = ports.filter((p) => ROUTER_INTERFACE_OWNERS.includes(p.device_owner));
  const routers = new Set(routerPorts.filter((p) => p.fixed_ips.some((f) => f.subnet_id === vipSubnetId)).map((p) => p.device_id));
  for (const p of routerPorts) if (routers.has(p.device_id)) for (const f of p.fixed_ips) if (f.subnet_id) out.add(f.subnet_id);
  return out;
}

/** Subnets with a router interface: where a VIP can sit and be reached from elsewhere. */
export function routedSubnets(ports: readonly ReachPort[]): Set<string> {
  return new Set(ports.filter((p) => ROUTER_INTERFACE_OWNERS.includes(p.device_owner)).flatMap((p) => p.fixed_ips.map((f) => f.subnet_id ?? '')).filter(Boolean));
}

export interface MemberTarget {
  /** "<subnet id>|<address>" */
  value: string;
  serverId: string;
  address: string;
  subnetId: string;
}

/** The IPv4 addresses of instance ports on the reachable subnets, by instance name then address. */
export function memberTargets(ports: readonly ReachPort[], reachable: ReadonlySet<string>, serverNames: Readonly<Record<string, string>>): MemberTarget[] {
  const name = (id: string) => serverNames[id] ?? id;
  return ports
    .filter((p) => p.device_owner.startsWith('compute:'))
    .flatMap((p) => p.fixed_ips.filter((f) => f.subnet_id && reachable.has(f.subnet_id) && !f.ip_address.includes(':')).map((f) => ({ value: `${f.subnet_id}|${f.ip_address}`, serverId: p.device_id, address: f.ip_address, subnetId: f.subnet_id! })))
    .sort((a, b) => name(a.serverId).localeCompare(name(b.serverId)) || a.address.localeCompare(b.address, undefined, { numeric: true }));
}

/**
 * Objects below an ACTIVE load balancer still PENDING_*: Octavia moves the load balancer to PENDING_UPDATE while any
 * child changes, so an ACTIVE parent over pending children means the provider never reported them back (the real test
 * cloud's amphora provider does so after a one-call create, e.g. the CLI's or a Heat template's; Stratus's own form
 * creates one object at a time and never leaves them so). They stay immutable; a cascade delete removes them.
 */
export function stuckBelow(tree: TreeNode): number {
  if (tree.provisioning.tone !== 'ok') return 0;
  const walk = (n: TreeNode): number => n.children.reduce((sum, c) => sum + (c.provisioning.tone === 'busy' ? 1 : 0) + walk(c), 0);
  return walk(tree);
}
