// Cross-service contract of the network service (Nova calls these). Records returned are live state.
import type { CloudCore } from '../../core/cloud';
import { badRequest, HttpError, notFound } from '../../core/errors';
import { parseIp } from './ip';
import { now, type FloatingIp, type Network, type NetworkState, type Port, type Subnet } from './model';
import { NetworkModel } from './network-model';
import { seedNetworkState } from './seed';

export type { FloatingIp, Network, Port, Subnet } from './model';

const models = new WeakMap<CloudCore, NetworkModel>();

export function registerModel(core: CloudCore, m: NetworkModel): void {
  models.set(core, m);
}

function model(core: CloudCore): NetworkModel {
  let m = models.get(core);
  if (!m) {
    m = new NetworkModel(core.state.slice<NetworkState>('network', () => seedNetworkState(core)), core);
    models.set(core, m);
  }
  return m;
}

export interface AllocateServerPortInput {
  projectId: string;
  serverId: string;
  networkId?: string;
  portId?: string;
  fixedIp?: string;
  securityGroups?: string[];
}

/** The networks `GET /v2.0/networks` lists for the project (own, shared and external; all for admins). */
export function visibleNetworks(core: CloudCore, projectId: string, isAdmin: boolean): Network[] {
  const m = model(core);
  return Object.values(m.s.networks).filter((n) => m.networkVisible(n, projectId, isAdmin));
}

/** Network by id, or by name among those the project can see (own first, then shared/external). */
export function findNetwork(core: CloudCore, idOrName: string, projectId: string): Network | undefined {
  const m = model(core);
  const byId = m.s.networks[idOrName];
  if (byId) return m.networkVisible(byId, projectId, false) ? byId : undefined;
  const named = Object.values(m.s.networks).filter((n) => n.name === idOrName && m.networkVisible(n, projectId, false));
  return named.find((n) => n.project_id === projectId) ?? named[0];
}

/**
 * Creates (or binds a pre-created) port for a server, as Nova does through Neutron.
 * Throws HttpError 400/404/409 with messages Nova can pass on.
 */
export function allocateServerPort(core: CloudCore, input: AllocateServerPortInput): Port {
  const m = model(core);
  const owner = 'compute:nova';
  if (input.portId) {
    const p = m.s.ports[input.portId];
    if (!p || p.project_id !== input.projectId) throw notFound(`Port ${input.portId} could not be found.`, { type: 'PortNotFound' });
    if (p.device_id && p.device_id !== input.serverId) throw new HttpError(409, `Port ${p.id} is still in use.`, { type: 'PortInUse' });
    m.setDevice(p, input.serverId, owner);
    m.bind(p);
    p.revision_number++;
    return p;
  }
  let net: Network | undefined;
  if (input.networkId) {
    net = findNetwork(core, input.networkId, input.projectId);
    if (!net) throw notFound(`Network ${input.networkId} could not be found.`, { type: 'NetworkNotFound' });
  } else {
    const own = Object.values(m.s.networks).filter((n) => n.project_id === input.projectId && !n['router:external']);
    const candidates = own.length ? own : Object.values(m.s.networks).filter((n) => n.shared && !n['router:external']);
    if (candidates.length === 0) throw badRequest('No valid network found', { type: 'NetworkNotFound' });
    if (candidates.length > 1) {
      throw new HttpError(409, 'Multiple possible networks found, use a Network ID to be more specific.', { type: 'NetworkAmbiguous' });
    }
    net = candidates[0];
  }
  if (net.subnets.length === 0) throw badRequest(`Network ${net.id} requires a subnet in order to boot instances on.`, { type: 'NetworkRequiresSubnet' });
  let sgs: string[] | undefined;
  if (input.securityGroups && input.securityGroups.length) {
    m.ensureDefaultSg(input.projectId);
    sgs = input.securityGroups.map((name) => {
      const g = m.s.securityGroups[name] ?? Object.values(m.s.securityGroups).find((x) => x.name === name && x.project_id === input.projectId);
      if (!g || g.project_id !== input.projectId) throw badRequest(`Security group ${name} not found for project ${input.projectId}.`, { type: 'SecurityGroupNotFound' });
      return g.id;
    });
  }
  m.checkQuota(input.projectId, 'port');
  let fixed: unknown;
  if (input.fixedIp) {
    if (!parseIp(input.fixedIp)) throw badRequest(`Invalid fixed IP address (${input.fixedIp})`);
    fixed = [{ ip_address: input.fixedIp }];
  }
  const port = m.createPort({ project_id: input.projectId, network_id: net.id, device_id: input.serverId, device_owner: owner, security_groups: sgs }, fixed);
  port._nova_created = true;
  core.state.markDirty();
  return port;
}

export interface ServerAddress {
  version: 4 | 6;
  addr: string;
  'OS-EXT-IPS:type': 'fixed' | 'floating';
  'OS-EXT-IPS-MAC:mac_addr': string;
}

/** Nova's `addresses`, keyed by network name, O(ports of the server). */
export function serverAddresses(core: CloudCore, serverId: string): Record<string, ServerAddress[]> {
  const m = model(core);
  const out: Record<string, ServerAddress[]> = {};
  for (const p of m.portsOfDevice(serverId)) {
    const net = m.s.networks[p.network_id];
    const list = (out[net?.name ?? p.network_id] ??= []);
    for (const f of p.fixed_ips) {
      list.push({ version: f.ip_address.includes(':') ? 6 : 4, addr: f.ip_address, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': p.mac_address });
    }
    for (const fipId of m.portsOfDeviceFips(p.id)) {
      const fip = m.s.floatingips[fipId];
      if (fip) list.push({ version: 4, addr: fip.floating_ip_address, 'OS-EXT-IPS:type': 'floating', 'OS-EXT-IPS-MAC:mac_addr': p.mac_address });
    }
  }
  return out;
}

export function serverSecurityGroupNames(core: CloudCore, serverId: string): string[] {
  const m = model(core);
  const names = new Set<string>();
  for (const p of m.portsOfDevice(serverId)) for (const id of p.security_groups) names.add(m.s.securityGroups[id]?.name ?? id);
  return [...names];
}

export function portsOfServer(core: CloudCore, serverId: string): Port[] {
  return model(core).portsOfDevice(serverId);
}

/** Deletes the ports Nova created, unbinds pre-created ones, disassociates their floating IPs. */
export function releaseServerPorts(core: CloudCore, serverId: string): void {
  for (const p of model(core).portsOfDevice(serverId)) releaseServerPort(core, serverId, p.id);
  core.state.markDirty();
}

/** Nova's detach_interface: a port Nova created is deleted, a pre-created one unbound (its floating IPs disassociated). */
export function releaseServerPort(core: CloudCore, serverId: string, portId: string): void {
  const m = model(core);
  const p = m.portsOfDevice(serverId).find((x) => x.id === portId);
  if (!p) return;
  if (p._nova_created) m.deletePort(p);
  else {
    for (const f of Object.values(m.s.floatingips)) if (f.port_id === p.id) m.disassociate(f);
    m.unbind(p);
  }
  core.state.markDirty();
}

/**
 * Adds or removes one security group on every port of a server, as Nova's addSecurityGroup /
 * removeSecurityGroup do through Neutron (nova/network/security_group_api.py): the group is found
 * by id or by name in the project; throws HttpError 404 (group unknown, server without ports, group
 * not on any port), 409 (several groups with that name) or 400 (a port without port security or
 * fixed IPs), with the messages Nova answers.
 */
export function changeServerSecurityGroup(
  core: CloudCore,
  input: { serverId: string; projectId: string; group: string; action: 'add' | 'remove' },
): void {
  const m = model(core);
  const { serverId, projectId, group } = input;
  let sgId: string;
  const byId = m.s.securityGroups[group];
  if (byId && byId.project_id === projectId) sgId = byId.id;
  else {
    if (group === 'default') m.ensureDefaultSg(projectId);
    const named = Object.values(m.s.securityGroups).filter((g) => g.name === group && g.project_id === projectId);
    if (named.length > 1) throw new HttpError(409, `Multiple security_group matches found for name '${group}', use an ID to be more specific.`);
    if (named.length === 0) throw notFound(`Security group ${group} is not found for project ${projectId}`);
    sgId = named[0].id;
  }
  const ports = m.portsOfDevice(serverId);
  if (ports.length === 0) throw notFound(`instance_id ${serverId} could not be found as device id on any ports`);
  if (input.action === 'add') {
    for (const p of ports) {
      const ok = (p.fixed_ips.length > 0 || p.ip_allocation === 'deferred') && p.port_security_enabled !== false;
      if (!ok) throw badRequest('Network requires port_security_enabled and subnet associated in order to apply security groups.');
    }
    for (const p of ports) {
      if (p.security_groups.includes(sgId)) continue;
      p.security_groups = [...p.security_groups, sgId];
      p.revision_number++;
      p.updated_at = now();
    }
  } else {
    let found = false;
    for (const p of ports) {
      if (!p.security_groups.includes(sgId)) continue;
      p.security_groups = p.security_groups.filter((id) => id !== sgId);
      p.revision_number++;
      p.updated_at = now();
      found = true;
    }
    if (!found) throw notFound(`Security group ${group} not associated with the instance ${serverId}`);
  }
  core.state.markDirty();
}

/** The project's floating IPs (Designate's reverse DNS reads them). */
export function listFloatingIps(core: CloudCore, projectId: string) {
  return Object.values(model(core).s.floatingips).filter((f) => f.project_id === projectId);
}

/**
 * A floating IP a service creates in the project (as Heat does for Magnum's nodes), on the external network named or
 * identified by `externalNetwork`, from that network's IPAM. Throws Neutron's errors (404, quota, no address left).
 */
export function createServiceFloatingIp(core: CloudCore, projectId: string, externalNetwork: string): FloatingIp {
  const m = model(core);
  const net = m.s.networks[externalNetwork] ?? Object.values(m.s.networks).find((n) => n['router:external'] && n.name === externalNetwork);
  if (!net || !net['router:external']) throw new HttpError(404, `External network ${externalNetwork} could not be found.`);
  const v4 = net.subnets.map((id) => m.s.subnets[id]).find((x) => x && x.ip_version === 4);
  if (!v4) throw badRequest(`Bad floatingip request: Network ${net.id} does not contain any IPv4 subnet.`);
  m.checkQuota(projectId, 'floatingip');
  const f = m.newFloatingIp(net, projectId, { subnetId: v4.id });
  m.s.floatingips[f.id] = f;
  core.state.markDirty();
  return f;
}

/** Releases a floating IP createServiceFloatingIp made (gone already: nothing to do). */
export function deleteServiceFloatingIp(core: CloudCore, id: string): void {
  const m = model(core);
  if (!m.s.floatingips[id]) return;
  for (const p of m.portsOfDevice(id)) m.deletePort(p);
  delete m.s.floatingips[id];
  core.state.markDirty();
}

// ---- for Octavia (load balancer VIPs and member health) ----

/** A network the project may use: own, shared or external (any for admins). */
export function visibleNetwork(core: CloudCore, id: string, projectId: string, isAdmin: boolean): Network | undefined {
  const m = model(core);
  const n = m.s.networks[id];
  return n && m.networkVisible(n, projectId, isAdmin) ? n : undefined;
}

/** A subnet the project may see (as `GET /v2.0/subnets/{id}` answers it: own, on a shared network, or admin). */
export function visibleSubnet(core: CloudCore, id: string, projectId: string, isAdmin: boolean): Subnet | undefined {
  const m = model(core);
  const sub = m.s.subnets[id];
  return sub && (isAdmin || sub.project_id === projectId || m.s.networks[sub.network_id]?.shared) ? sub : undefined;
}

/** A port of the project (any for admins). */
export function visiblePort(core: CloudCore, id: string, projectId: string, isAdmin: boolean): Port | undefined {
  const p = model(core).s.ports[id];
  return p && (isAdmin || p.project_id === projectId) ? p : undefined;
}

export interface ServicePortInput {
  projectId: string;
  networkId: string;
  /** Neutron's fixed_ips request (subnet and/or address); the address comes from the subnet's IPAM when absent. */
  fixedIps: Array<{ subnet_id?: string; ip_address?: string }>;
  name: string;
  deviceId: string;
  deviceOwner: string;
  adminStateUp: boolean;
}

/** A port a service creates in the project, as Octavia does for a VIP. Throws Neutron's errors (quota, address taken or exhausted). */
export function createServicePort(core: CloudCore, input: ServicePortInput): Port {
  const m = model(core);
  m.checkQuota(input.projectId, 'port');
  const port = m.createPort(
    { project_id: input.projectId, network_id: input.networkId, name: input.name, device_id: input.deviceId, device_owner: input.deviceOwner, admin_state_up: input.adminStateUp },
    input.fixedIps,
  );
  if (!input.adminStateUp) {
    // An administratively down port is never bound up.
    delete port._pending;
    port.status = 'DOWN';
  }
  core.state.markDirty();
  return port;
}

/** Deletes a port a service created (gone already: nothing to do). */
export function deleteServicePort(core: CloudCore, id: string): void {
  const m = model(core);
  const p = m.s.ports[id];
  if (!p) return;
  m.deletePort(p);
  core.state.markDirty();
}

/** Whether a server holds this address on an ACTIVE port (what a health monitor of a load balancer would reach). */
export function addressIsLive(core: CloudCore, address: string): boolean {
  const m = model(core);
  return Object.values(m.s.ports).some(
    (p) => p.device_owner.startsWith('compute:') && p.fixed_ips.some((f) => f.ip_address === address) && m.settled(p).status === 'ACTIVE',
  );
}

/** Whether a router has an interface on the subnet (Trove's check_subnet_router before it boots a database). */
export function subnetHasRouter(core: CloudCore, subnetId: string): boolean {
  const owners = ['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface'];
  return Object.values(model(core).s.ports).some((p) => owners.includes(p.device_owner) && p.fixed_ips.some((f) => f.subnet_id === subnetId));
}
