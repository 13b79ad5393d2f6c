// Which instance addresses a floating IP can be associated with, before asking Neutron. Neutron translates a floating
// IP on a router that has an interface on the fixed IP's subnet and its external gateway on the floating IP's network
// (l3_db._get_router_for_floatingip); otherwise it answers 404 ExternalGatewayForFloatingIPNotFound. Pure functions
// of the project's ports, routers and subnets.
import { ROUTER_INTERFACE_OWNERS } from './router';

export interface ReachPort {
  id: string;
  name?: string;
  device_id: string;
  device_owner: string;
  fixed_ips: readonly { subnet_id?: string; ip_address: string }[];
}
export interface ReachRouter {
  id: string;
  name: string;
  external_gateway_info?: { network_id: string } | null;
}
export interface ReachSubnet {
  id: string;
  name: string;
  cidr: string;
  project_id?: string;
}
/** A floating IP as far as it occupies a fixed IP (Neutron refuses a second one on the same external network). */
export interface ReachFip {
  id: string;
  floating_ip_address: string;
  floating_network_id: string;
  port_id?: string | null;
  fixed_ip_address?: string | null;
}

/**
 * `ok`: a router connects the subnet to the external network. `unreachable`: none of the project's routers does.
 * `unknown`: the subnet belongs to another project (a shared network), whose routers this project cannot see: Neutron
 * decides. `taken`: the fixed IP already has another floating IP from that network. `current`: this floating IP's own.
 */
export type Reach =
  | { kind: 'ok'; routerId: string }
  | { kind: 'unreachable'; subnetId: string }
  | { kind: 'unknown' }
  | { kind: 'taken'; address: string }
  | { kind: 'current' };

/** One IPv4 address of an instance's port, as the association needs it (port_id + fixed_ip_address). */
export interface InstanceTarget {
  /** "port id|fixed ip": the select's value. */
  value: string;
  serverId: string;
  portId: string;
  portName: string;
  ip: string;
  subnetId?: string;
  /** The port has more than one IPv4 address: the fixed IP must be sent. */
  several: boolean;
  reach: Reach;
}

const isV4 = (ip: string) => !ip.includes(':');
const isInstancePort = (p: ReachPort) => p.device_owner.startsWith('compute:');
const isRouterInterface = (p: ReachPort) => ROUTER_INTERFACE_OWNERS.includes(p.device_owner);

/** The routers whose external gateway is on this network: the ones a subnet can be connected to. */
export const gatewayRouters = <R extends ReachRouter>(routers: readonly R[], externalNetworkId: string): R[] =>
  routers.filter((r) => r.external_gateway_info?.network_id === externalNetworkId).sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));

/** Subnet id -> the router connecting it to the external network (an interface on it and a gateway there). */
export function reachableSubnets(ports: readonly ReachPort[], routers: readonly ReachRouter[], externalNetworkId: string): Map<string, string> {
  const gateways = new Set(gatewayRouters(routers, externalNetworkId).map((r) => r.id));
  const out = new Map<string, string>();
  for (const p of ports) {
    if (!isRouterInterface(p) || !gateways.has(p.device_id)) continue;
    for (const f of p.fixed_ips) if (f.subnet_id && !out.has(f.subnet_id)) out.set(f.subnet_id, p.device_id);
  }
  return out;
}

export interface TargetInput {
  /** The project's ports: its instances' and its routers' interfaces. */
  ports: readonly ReachPort[];
  routers: readonly ReachRouter[];
  /** Every subnet the project sees (its own and shared ones). */
  subnets: readonly ReachSubnet[];
  /** The project's floating IPs. */
  fips: readonly ReachFip[];
  projectId: string;
  /** The floating IP being associated (or moved). */
  fip: Pick<ReachFip, 'id' | 'floating_network_id' | 'port_id' | 'fixed_ip_address'>;
  /** Instance names by id, for the order. */
  serverNames?: Record<string, string>;
}

/** Every IPv4 address of every instance port, with whether the floating IP can go there and why not; by instance name, then address. */
export function instanceTargets({ ports, routers, subnets, fips, projectId, fip, serverNames = {} }: TargetInput): InstanceTarget[] {
  const reachable = reachableSubnets(ports, routers, fip.floating_network_id);
  const subnetById = new Map(subnets.map((s) => [s.id, s]));
  const taken = new Map(
    fips
      .filter((f) => f.id !== fip.id && f.port_id && f.fixed_ip_address && f.floating_network_id === fip.floating_network_id)
      .map((f) => [`${f.port_id}|${f.fixed_ip_address}`, f.floating_ip_address]),
  );
  const reachOf = (portId: string, ip: string, subnetId?: string): Reach => {
    if (fip.port_id === portId && (!fip.fixed_ip_address || fip.fixed_ip_address === ip)) return { kind: 'current' };
    const other = taken.get(`${portId}|${ip}`);
    if (other) return { kind: 'taken', address: other };
    const router = subnetId ? reachable.get(subnetId) : undefined;
    if (router) return { kind: 'ok', routerId: router };
    const subnet = subnetId ? subnetById.get(subnetId) : undefined;
    if (!subnetId || !subnet || (subnet.project_id && subnet.project_id !== projectId)) return { kind: 'unknown' };
    return { kind: 'unreachable', subnetId };
  };
  const name = (id: string) => serverNames[id] ?? id;
  return ports
    .filter(isInstancePort)
    .flatMap((p) => {
      const v4 = p.fixed_ips.filter((f) => isV4(f.ip_address));
      return v4.map((f) => ({
        value: `${p.id}|${f.ip_address}`,
        serverId: p.device_id,
        portId: p.id,
        portName: p.name ?? '',
        ip: f.ip_address,
        subnetId: f.subnet_id,
        several: v4.length > 1,
        reach: reachOf(p.id, f.ip_address, f.subnet_id),
      }));
    })
    .sort((a, b) => name(a.serverId).localeCompare(name(b.serverId)) || a.ip.localeCompare(b.ip, undefined, { numeric: true }));
}

/** A target the user may pick: reachable, or one Neutron alone can judge. */
export const selectable = (t: InstanceTarget) => t.reach.kind === 'ok' || t.reach.kind === 'unknown';

/** The unreachable subnets among the targets, once each, with the instances on them: what "Connect …" fixes. */
export function unreachableSubnets(targets: readonly InstanceTarget[]): { subnetId: string; serverIds: string[] }[] {
  const by = new Map<string, Set<string>>();
  for (const t of targets) if (t.reach.kind === 'unreachable') (by.get(t.reach.subnetId) ?? by.set(t.reach.subnetId, new Set()).get(t.reach.subnetId)!).add(t.serverId);
  return [...by].map(([subnetId, ids]) => ({ subnetId, serverIds: [...ids] }));
}

/** Neutron's ExternalGatewayForFloatingIPNotFound, read from its message (the proxy keeps the message, not the type). */
const UNREACHABLE = /External network (\S+) is not reachable from subnet (\S+?)\.\s+Therefore, cannot associate Port (\S+) with a Floating IP/;

/** The external network, subnet and port of Neutron's "not reachable" refusal (404), or undefined for any other error. */
export function unreachableError(error: unknown): { externalNetworkId: string; subnetId: string; portId: string } | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { status, message } = error as { status?: unknown; message?: unknown };
  if (status !== 404 || typeof message !== 'string') return undefined;
  const m = UNREACHABLE.exec(message);
  return m ? { externalNetworkId: m[1], subnetId: m[2], portId: m[3] } : undefined;
}
