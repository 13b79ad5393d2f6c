// API objects -> the topology's nodes, edges and connection list (pure; no layout, no React).
// Connections come from the objects themselves: router gateways from `external_gateway_info` (the gateway port
// belongs to no project, so members never see it), router interfaces and instance NICs from ports
// (`device_owner` + `device_id`), floating IPs from `port_id`.
import { msg, type Msg, type MsgKey } from '@/lib/i18n/msg';
import type { StatusInfo } from '@/lib/resources/types';
import { serverStatus } from '@/lib/resources/compute/server';
import { objectStatus } from '@/lib/resources/load-balancer/octavia';
import type { TopologyInput, TopoNetwork, TopoPort, TopoRouter, TopoSubnet } from './schemas';

export type NodeKind = 'external' | 'network' | 'router' | 'instance' | 'floatingip' | 'loadbalancer';

/** Detail page slug of each kind (`/<cloud>/<project>/<slug>/<id>`). */
export const KIND_SLUG: Record<NodeKind, string> = {
  external: 'networks',
  network: 'networks',
  router: 'routers',
  instance: 'instances',
  floatingip: 'floating-ips',
  loadbalancer: 'load-balancers',
};

/** The kind as a node's small heading says it. */
export const KIND_LABEL: Record<NodeKind, MsgKey> = {
  external: 'topology.kinds.external',
  network: 'topology.kinds.network',
  router: 'topology.kinds.router',
  instance: 'topology.kinds.instance',
  floatingip: 'topology.kinds.floatingip',
  loadbalancer: 'topology.kinds.loadbalancer',
};

export interface TopoNode {
  /** `<kind>:<resource id>`, unique in the graph. */
  key: string;
  kind: NodeKind;
  id: string;
  label: string;
  status: StatusInfo;
  /** Short lines shown under the label (subnet CIDRs, addresses). */
  lines: string[];
  /** The object was referenced but is not visible to this project (e.g. another project's external network). */
  missing?: boolean;
}

export type EdgeKind = 'gateway' | 'interface' | 'nic' | 'floating' | 'vip' | 'member';

export interface TopoEdge {
  key: string;
  kind: EdgeKind;
  from: string;
  to: string;
  /** Addresses on this connection, e.g. the router interface IP. */
  label: string;
}

export interface Topology {
  nodes: Map<string, TopoNode>;
  edges: TopoEdge[];
  /** Instances placed under each network (their first network, sorted by name); '' = no network. */
  groups: Map<string, string[]>;
  /** Floating IP node keys shown beside their instance; the others are top-level nodes. */
  floatingOnInstance: Map<string, string[]>;
  /** One plain sentence per connection: the text alternative of the picture. */
  connections: Msg[];
  busy: boolean;
}

const ROUTER_INTERFACE_OWNERS = ['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface'];

/** Neutron statuses: ACTIVE, DOWN, BUILD, ERROR (ports, networks), ALLOCATING (routers), PENDING_* (others). */
export function neutronStatus(status: string | undefined): StatusInfo {
  const s = (status ?? '').toUpperCase();
  if (s === 'ACTIVE') return { label: 'ACTIVE', tone: 'ok' };
  if (s === 'ERROR') return { label: 'ERROR', tone: 'error' };
  if (s === 'BUILD' || s === 'ALLOCATING' || s.startsWith('PENDING')) return { label: s, tone: 'busy' };
  if (s === 'DOWN') return { label: 'DOWN', tone: 'unknown' };
  return { label: s || 'UNKNOWN', tone: 'unknown' };
}

const label = (o: { name?: string | null; id: string }) => (o.name ? o.name : o.id);
const byLabel = <T extends { name?: string | null; id: string }>(a: T, b: T) => label(a).localeCompare(label(b)) || a.id.localeCompare(b.id);

/** "Instance web-1": a node's kind and label, the start of its accessible name (its lines and status follow). */
export function nodeName(n: Pick<TopoNode, 'kind' | 'label'>): Msg {
  return msg('topology.nodeName', { kind: n.kind, name: n.label });
}

function ips(port: TopoPort): string {
  return port.fixed_ips.map((f) => f.ip_address).join(', ');
}

export function buildTopology(input: TopologyInput): Topology {
  const nodes = new Map<string, TopoNode>();
  const edges: TopoEdge[] = [];
  const connections: Msg[] = [];
  const subnets = new Map<string, TopoSubnet>(input.subnets.map((s) => [s.id, s]));
  const networks = new Map<string, TopoNetwork>(input.networks.map((n) => [n.id, n]));

  const networkKey = (id: string) => {
    const n = networks.get(id);
    return `${n?.['router:external'] ? 'external' : 'network'}:${id}`;
  };
  const ensureNetwork = (id: string, external = false): TopoNode => {
    const n = networks.get(id);
    const key = n ? networkKey(id) : `${external ? 'external' : 'network'}:${id}`;
    let node = nodes.get(key);
    if (!node) {
      node = n
        ? {
            key, kind: n['router:external'] ? 'external' : 'network', id, label: label(n), status: neutronStatus(n.status),
            lines: (n.subnets ?? []).map((s) => subnets.get(s)).filter((s): s is TopoSubnet => !!s).sort(byLabel).map((s) => `${s.name ? `${s.name} ` : ''}${s.cidr}`),
          }
        : { key, kind: external ? 'external' : 'network', id, label: id, status: { label: 'topology.notVisible', tone: 'unknown' }, lines: [], missing: true };
      nodes.set(key, node);
    }
    return node;
  };
  // A network as the sentences name it: its kind (a select in the message) and label.
  const netOf = (key: string) => ({ netKind: nodes.get(key)?.kind === 'external' ? 'external' : 'network', network: nodes.get(key)?.label ?? '' });
  // An optional part of a sentence is a select on `has…` in its message, so each language words the whole sentence.
  const has = (value: string) => (value ? 'yes' : 'no');

  for (const n of [...input.networks].sort(byLabel)) ensureNetwork(n.id);

  // Routers: gateway (external network) and interfaces (router ports on subnets).
  const routers = new Map<string, TopoRouter>(input.routers.map((r) => [r.id, r]));
  for (const r of [...input.routers].sort(byLabel)) {
    const gwIps = (r.external_gateway_info?.external_fixed_ips ?? []).map((f) => f.ip_address).join(', ');
    const key = `router:${r.id}`;
    nodes.set(key, { key, kind: 'router', id: r.id, label: label(r), status: neutronStatus(r.status), lines: gwIps ? [gwIps] : [] });
    const gw = r.external_gateway_info?.network_id;
    if (gw) {
      const ext = ensureNetwork(gw, true);
      edges.push({ key: `gw:${r.id}`, kind: 'gateway', from: ext.key, to: key, label: gwIps });
      connections.push(msg('topology.connections.routerGateway', { router: label(r), ...netOf(ext.key), hasIps: has(gwIps), ips: gwIps }));
    }
  }

  const ports = [...input.ports].sort((a, b) => a.network_id.localeCompare(b.network_id) || a.id.localeCompare(b.id));
  const portsById = new Map(ports.map((p) => [p.id, p]));
  for (const p of ports) {
    if (!ROUTER_INTERFACE_OWNERS.includes(p.device_owner) || !routers.has(p.device_id)) continue;
    const net = ensureNetwork(p.network_id);
    const r = routers.get(p.device_id)!;
    edges.push({ key: `if:${p.id}`, kind: 'interface', from: `router:${r.id}`, to: net.key, label: ips(p) });
    const subs = p.fixed_ips.map((f) => subnets.get(f.subnet_id)).filter((s): s is TopoSubnet => !!s).map(label);
    connections.push(msg('topology.connections.routerInterface', { router: label(r), ...netOf(net.key), hasSubnets: has(subs.join(', ')), subnets: subs.join(', '), hasIps: has(ips(p)), ips: ips(p) }));
  }

  // Instances: their ports (device_owner compute:*). Grouped under their first network (by name).
  const servers = [...input.servers].sort(byLabel);
  const nicsOf = new Map<string, TopoPort[]>();
  for (const p of ports) {
    if (!p.device_owner.startsWith('compute:') || !p.device_id) continue;
    (nicsOf.get(p.device_id) ?? nicsOf.set(p.device_id, []).get(p.device_id)!).push(p);
  }
  const groups = new Map<string, string[]>();
  const portOwner = new Map<string, string>();
  for (const s of servers) {
    const key = `instance:${s.id}`;
    const nics = nicsOf.get(s.id) ?? [];
    nodes.set(key, { key, kind: 'instance', id: s.id, label: label(s), status: serverStatus(s), lines: nics.map(ips).filter(Boolean) });
    const nets = nics.map((p) => ensureNetwork(p.network_id)).sort((a, b) => a.label.localeCompare(b.label));
    const home = nets[0]?.key ?? '';
    (groups.get(home) ?? groups.set(home, []).get(home)!).push(key);
    for (const p of nics) {
      portOwner.set(p.id, key);
      const net = ensureNetwork(p.network_id).key;
      edges.push({ key: `nic:${p.id}`, kind: 'nic', from: net, to: key, label: ips(p) });
      connections.push(msg('topology.connections.instance', { instance: label(s), ...netOf(net), hasIps: has(ips(p)), ips: ips(p) }));
    }
    if (!nics.length) connections.push(msg('topology.connections.instanceNoNetwork', { instance: label(s) }));
  }

  // Floating IPs: on an instance's port (shown beside it), on another port, or unassociated.
  const floatingOnInstance = new Map<string, string[]>();
  for (const f of [...input.floatingips].sort((a, b) => a.floating_ip_address.localeCompare(b.floating_ip_address))) {
    const key = `floatingip:${f.id}`;
    const ext = ensureNetwork(f.floating_network_id, true);
    nodes.set(key, { key, kind: 'floatingip', id: f.id, label: f.floating_ip_address, status: neutronStatus(f.status), lines: f.fixed_ip_address ? [`→ ${f.fixed_ip_address}`] : [] });
    const owner = f.port_id ? portOwner.get(f.port_id) : undefined;
    const from = { ip: f.floating_ip_address, ...netOf(ext.key) };
    const fixed = { hasFixed: has(f.fixed_ip_address ?? ''), fixed: f.fixed_ip_address ?? '' };
    if (owner) {
      (floatingOnInstance.get(owner) ?? floatingOnInstance.set(owner, []).get(owner)!).push(key);
      edges.push({ key: `fip:${f.id}`, kind: 'floating', from: key, to: owner, label: f.fixed_ip_address ?? '' });
      connections.push(msg('topology.connections.floatingOnInstance', { ...from, ...fixed, instance: nodes.get(owner)!.label }));
    } else if (f.port_id) {
      const port = portsById.get(f.port_id);
      edges.push({ key: `fip:${f.id}`, kind: 'floating', from: ext.key, to: key, label: '' });
      connections.push(msg('topology.connections.floatingOnPort', { ...from, ...fixed, port: port ? label(port) : f.port_id }));
    } else {
      edges.push({ key: `fip:${f.id}`, kind: 'floating', from: ext.key, to: key, label: '' });
      connections.push(msg('topology.connections.floatingFree', from));
    }
  }

  // Load balancers: on their VIP network, with a line to each member's instance (found by the member's address on
  // an instance port, in the member's subnet when it names one). A member no instance holds is named in the sentence.
  const instanceAt = new Map<string, string>();
  for (const p of ports) {
    const owner = portOwner.get(p.id);
    if (owner) for (const f of p.fixed_ips) instanceAt.set(`${f.subnet_id}|${f.ip_address}`, owner).set(`|${f.ip_address}`, owner);
  }
  for (const lb of [...(input.loadbalancers ?? [])].sort(byLabel)) {
    const key = `loadbalancer:${lb.id}`;
    const vip = lb.vip_address ?? '';
    nodes.set(key, { key, kind: 'loadbalancer', id: lb.id, label: label(lb), status: objectStatus(lb), lines: vip ? [vip] : [] });
    if (lb.vip_network_id) {
      const net = ensureNetwork(lb.vip_network_id);
      edges.push({ key: `vip:${lb.id}`, kind: 'vip', from: net.key, to: key, label: vip });
      connections.push(msg('topology.connections.loadBalancer', { lb: label(lb), ...netOf(net.key), hasIps: has(vip), ips: vip }));
    }
    const seen = new Set<string>();
    for (const m of lb.members ?? []) {
      const owner = instanceAt.get(`${m.subnet_id ?? ''}|${m.address}`) ?? instanceAt.get(`|${m.address}`);
      const where = `${m.address}${m.protocol_port ? `:${m.protocol_port}` : ''}`;
      if (owner && !seen.has(owner)) {
        seen.add(owner);
        edges.push({ key: `member:${lb.id}:${m.id}`, kind: 'member', from: key, to: owner, label: where });
      }
      connections.push(owner ? msg('topology.connections.member', { lb: label(lb), instance: nodes.get(owner)!.label, address: where }) : msg('topology.connections.memberElsewhere', { lb: label(lb), address: where }));
    }
  }

  const busy = [...nodes.values()].some((n) => n.status.tone === 'busy');
  return { nodes, edges, groups, floatingOnInstance, connections, busy };
}
