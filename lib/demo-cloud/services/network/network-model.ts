// The live Neutron model over the state: quotas, lookups, security groups, IP allocation,
// ports and floating IPs; shared by the routes and api.ts.
import type { CloudCore } from '../../core/cloud';
import { badRequest } from '../../core/errors';
import { uuid } from '../../core/ids';
import { schedule, settle, type Transitional } from '../../core/transitions';
import { cidrContains, eui64, formatIp, parseCidr, parseIp } from './ip';
import {
  macAddress,
  neutronError,
  now,
  QUOTA_DEFAULTS,
  ROUTER_OWNERS,
  type FixedIp,
  type FloatingIp,
  type Network,
  type NetworkState,
  type Port,
  type QuotaKey,
  type SecurityGroup,
  type SgRule,
  type Subnet,
} from './model';

/** The live Neutron model: state plus in-memory indexes (ports by device_id). */
export class NetworkModel {
  private byDevice = new Map<string, Set<string>>();

  constructor(readonly s: NetworkState, readonly core: CloudCore) {
    for (const p of Object.values(s.ports)) this.index(p);
  }

  /** Floating IPs associated with a port; a scan of the (few) floating IPs. */
  portsOfDeviceFips(portId: string): string[] {
    const out: string[] = [];
    for (const f of Object.values(this.s.floatingips)) if (f.port_id === portId) out.push(f.id);
    return out;
  }

  private index(p: Port) {
    if (!p.device_id) return;
    let set = this.byDevice.get(p.device_id);
    if (!set) this.byDevice.set(p.device_id, (set = new Set()));
    set.add(p.id);
  }

  private unindex(p: Port) {
    const set = this.byDevice.get(p.device_id);
    if (!set) return;
    set.delete(p.id);
    if (set.size === 0) this.byDevice.delete(p.device_id);
  }

  portsOfDevice(deviceId: string): Port[] {
    const ids = this.byDevice.get(deviceId);
    if (!ids) return [];
    const out: Port[] = [];
    for (const id of ids) {
      const p = this.s.ports[id];
      if (p) out.push(this.settled(p));
    }
    return out;
  }

  setDevice(p: Port, deviceId: string, owner: string) {
    this.unindex(p);
    p.device_id = deviceId;
    p.device_owner = owner;
    this.index(p);
  }

  settled<T extends Transitional>(r: T): T {
    if (settle(r, this.core.clock)) this.core.state.markDirty();
    return r;
  }

  // ---- quotas ----
  quotaOf(projectId: string): Record<QuotaKey, number> {
    return { ...QUOTA_DEFAULTS, ...(this.s.quotas[projectId] ?? {}) };
  }

  used(projectId: string, key: QuotaKey): number {
    const count = (rec: Record<string, { project_id: string }>) =>
      Object.values(rec).filter((r) => r.project_id === projectId).length;
    switch (key) {
      case 'network': return count(this.s.networks);
      case 'subnet': return count(this.s.subnets);
      case 'port': return count(this.s.ports);
      case 'router': return count(this.s.routers);
      case 'floatingip': return count(this.s.floatingips);
      case 'security_group': return count(this.s.securityGroups);
      case 'security_group_rule': return count(this.s.rules);
      default: return 0;
    }
  }

  checkQuota(projectId: string, key: QuotaKey, adding = 1) {
    if (!projectId) return;
    const limit = this.quotaOf(projectId)[key];
    if (limit >= 0 && this.used(projectId, key) + adding > limit) {
      throw neutronError(409, 'OverQuota', `Quota exceeded for resources: ['${key}'].`);
    }
  }

  // ---- lookups ----
  network(id: string): Network {
    const n = this.s.networks[id];
    if (!n) throw neutronError(404, 'NetworkNotFound', `Network ${id} could not be found.`);
    return n;
  }

  subnet(id: string): Subnet {
    const n = this.s.subnets[id];
    if (!n) throw neutronError(404, 'SubnetNotFound', `Subnet ${id} could not be found.`);
    return n;
  }

  port(id: string): Port {
    const p = this.s.ports[id];
    if (!p) throw neutronError(404, 'PortNotFound', `Port ${id} could not be found.`);
    return this.settled(p);
  }

  networkVisible(n: Network, projectId: string, isAdmin: boolean): boolean {
    return isAdmin || n.project_id === projectId || n.shared || n['router:external'];
  }

  // ---- security groups ----
  nextAttr(): number {
    return this.s.nextAttrId++;
  }

  newRule(sg: SecurityGroup, r: Partial<SgRule> & Pick<SgRule, 'direction' | 'ethertype'>): SgRule {
    const t = now();
    const rule: SgRule = {
      id: uuid(),
      tenant_id: sg.project_id,
      project_id: sg.project_id,
      security_group_id: sg.id,
      protocol: null,
      port_range_min: null,
      port_range_max: null,
      remote_ip_prefix: null,
      remote_address_group_id: null,
      normalized_cidr: null,
      remote_group_id: null,
      standard_attr_id: this.nextAttr(),
      description: null,
      tags: [],
      created_at: t,
      updated_at: t,
      revision_number: 0,
      ...r,
    };
    this.s.rules[rule.id] = rule;
    return rule;
  }

  createSecurityGroup(projectId: string, name: string, description: string, id = uuid(), defaultRules = false): SecurityGroup {
    const t = now();
    const sg: SecurityGroup = {
      id, name, stateful: true, tenant_id: projectId, project_id: projectId, description, shared: false,
      tags: [], created_at: t, updated_at: t, revision_number: 1,
    };
    this.s.securityGroups[sg.id] = sg;
    if (defaultRules) {
      this.newRule(sg, { direction: 'ingress', ethertype: 'IPv4', remote_group_id: sg.id });
      this.newRule(sg, { direction: 'ingress', ethertype: 'IPv6', remote_group_id: sg.id });
    }
    this.newRule(sg, { direction: 'egress', ethertype: 'IPv4' });
    this.newRule(sg, { direction: 'egress', ethertype: 'IPv6' });
    return sg;
  }

  /** The project's `default` group, created on first use as Neutron does. */
  ensureDefaultSg(projectId: string): SecurityGroup {
    const id = this.s.defaultSg[projectId];
    if (id && this.s.securityGroups[id]) return this.s.securityGroups[id];
    const sg = this.createSecurityGroup(projectId, 'default', 'Default security group', uuid(), true);
    this.s.defaultSg[projectId] = sg.id;
    this.core.state.markDirty();
    return sg;
  }

  rulesOf(sgId: string): SgRule[] {
    return Object.values(this.s.rules).filter((r) => r.security_group_id === sgId);
  }

  // ---- IP allocation ----
  private usedIps(subnetId: string): Set<string> {
    const used = new Set<string>();
    for (const p of Object.values(this.s.ports)) for (const f of p.fixed_ips) if (f.subnet_id === subnetId) used.add(f.ip_address);
    return used;
  }

  ipInUse(subnetId: string, ip: string): boolean {
    return this.usedIps(subnetId).has(ip);
  }

  /** First free address of the subnet's pools; throws IpAddressGenerationFailure when full. */
  allocateIp(sub: Subnet, mac: string): string {
    const c = parseCidr(sub.cidr)!;
    if (sub.ip_version === 6 && (sub.ipv6_address_mode === 'slaac' || sub.ipv6_address_mode === 'dhcpv6-stateless')) {
      return formatIp(6, eui64(c, mac));
    }
    const used = this.usedIps(sub.id);
    if (sub.gateway_ip) used.add(sub.gateway_ip);
    for (const pool of sub.allocation_pools) {
      const start = parseIp(pool.start)!.value;
      const end = parseIp(pool.end)!.value;
      for (let v = start; v <= end && v - start < 1_000_000n; v++) {
        const s = formatIp(sub.ip_version, v);
        if (!used.has(s)) return s;
      }
    }
    throw neutronError(409, 'IpAddressGenerationFailure', `No more IP addresses available on network ${sub.network_id}.`);
  }

  /** Resolves a fixed_ips request (or the default: one address per IPv4 subnet and SLAAC per IPv6 subnet). */
  resolveFixedIps(net: Network, requested: unknown, mac: string, excludePort?: string): FixedIp[] {
    const subnets = net.subnets.map((id) => this.s.subnets[id]).filter(Boolean);
    if (requested === undefined) {
      const out: FixedIp[] = [];
      const v4 = subnets.find((s) => s.ip_version === 4);
      if (v4) out.push({ subnet_id: v4.id, ip_address: this.allocateIp(v4, mac) });
      for (const s of subnets.filter((x) => x.ip_version === 6)) out.push({ subnet_id: s.id, ip_address: this.allocateIp(s, mac) });
      return out;
    }
    if (!Array.isArray(requested)) throw badRequest(`Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: '${JSON.stringify(requested)}'.`, { type: 'HTTPBadRequest' });
    const out: FixedIp[] = [];
    for (const raw of requested as Array<Record<string, unknown>>) {
      if (!raw || typeof raw !== 'object') throw badRequest(`Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: '${String(raw)}'.`, { type: 'HTTPBadRequest' });
      const subnetId = raw.subnet_id as string | undefined;
      const ipText = raw.ip_address as string | undefined;
      if (subnetId !== undefined && !/^[0-9a-f-]{36}$/i.test(String(subnetId))) {
        throw badRequest(`Invalid input for fixed_ips. Reason: '${String(subnetId)}' is not a valid UUID.`, { type: 'HTTPBadRequest' });
      }
      let ip = ipText !== undefined ? parseIp(ipText) : null;
      if (ipText !== undefined && !ip) throw badRequest(`Invalid input for fixed_ips. Reason: '${String(ipText)}' is not a valid IP address.`, { type: 'HTTPBadRequest' });
      let sub: Subnet | undefined;
      if (subnetId) {
        sub = this.subnet(subnetId);
        if (sub.network_id !== net.id) {
          throw neutronError(400, 'InvalidInput', `Invalid input for operation: Failed to create port on network ${net.id}, because fixed_ips included invalid subnet ${subnetId}.`);
        }
        if (ip && !cidrContains(parseCidr(sub.cidr)!, ip)) {
          throw neutronError(400, 'InvalidIpForSubnet', `IP address ${ipText} is not a valid IP for the specified subnet.`);
        }
      } else if (ip) {
        sub = subnets.find((s) => cidrContains(parseCidr(s.cidr)!, ip!));
        if (!sub) throw neutronError(400, 'InvalidIpForNetwork', `IP address ${ipText} is not a valid IP for any of the subnets on the specified network.`);
      } else {
        throw badRequest(`Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: '${JSON.stringify(raw)}'.`, { type: 'HTTPBadRequest' });
      }
      if (ip) {
        const addr = formatIp(ip.version, ip.value);
        const holder = Object.values(this.s.ports).find((p) => p.id !== excludePort && p.fixed_ips.some((f) => f.subnet_id === sub!.id && f.ip_address === addr));
        if (holder || out.some((f) => f.ip_address === addr && f.subnet_id === sub!.id)) {
          throw neutronError(409, 'IpAddressAlreadyAllocated', `IP address ${addr} already allocated in subnet ${sub.id}`);
        }
        out.push({ subnet_id: sub.id, ip_address: addr });
      } else {
        ip = null;
        out.push({ subnet_id: sub.id, ip_address: this.allocateIp(sub, mac) });
      }
    }
    return out;
  }

  /**
   * A floating IP record (not yet stored) and its network:floatingip port, whose address comes from the external
   * subnet's IPAM like every other address: `address` asks for a given one (409 IpAddressAlreadyAllocated if taken).
   */
  newFloatingIp(net: Network, projectId: string, want: { subnetId?: string; address?: string; description?: string }): FloatingIp {
    const id = uuid();
    const fixedReq = [{ ...(want.address ? { ip_address: want.address } : {}), ...(want.subnetId ? { subnet_id: want.subnetId } : {}) }];
    const port = this.createPort({ project_id: '', tenant_id: '', network_id: net.id, device_id: id, device_owner: 'network:floatingip' }, fixedReq);
    delete port._pending;
    const t = now();
    return {
      id, tenant_id: projectId, project_id: projectId, floating_ip_address: port.fixed_ips[0].ip_address, floating_network_id: net.id,
      router_id: null, port_id: null, fixed_ip_address: null, status: 'DOWN', description: want.description ?? '', tags: [],
      created_at: t, updated_at: t, revision_number: 0,
    };
  }

  // ---- ports ----
  createPort(p: Partial<Port> & { project_id: string; network_id: string }, fixedIps?: unknown): Port {
    const net = this.network(p.network_id);
    const mac = p.mac_address ?? macAddress();
    const t = now();
    const isInfra = (p.device_owner ?? '').startsWith('network:');
    const portSec = p.port_security_enabled ?? (isInfra ? false : net.port_security_enabled);
    const fixed = p.fixed_ips ?? this.resolveFixedIps(net, fixedIps, mac);
    const port: Port = {
      id: uuid(),
      name: '',
      tenant_id: p.project_id,
      admin_state_up: true,
      status: 'DOWN',
      device_id: '',
      device_owner: '',
      allowed_address_pairs: [],
      extra_dhcp_opts: [],
      security_groups: [],
      description: '',
      'binding:vnic_type': 'normal',
      'binding:profile': {},
      'binding:host_id': '',
      'binding:vif_type': 'unbound',
      'binding:vif_details': {},
      ip_allocation: 'immediate',
      tags: [],
      created_at: t,
      updated_at: t,
      revision_number: 1,
      ...p,
      mac_address: mac,
      fixed_ips: fixed,
      port_security_enabled: portSec,
    };
    if (p.security_groups === undefined && portSec && !isInfra && p.project_id) port.security_groups = [this.ensureDefaultSg(p.project_id).id];
    this.s.ports[port.id] = port;
    this.index(port);
    if (port.device_id) this.bind(port);
    return port;
  }

  /** Marks a port bound to its device: ACTIVE after ~1 s (the fake ML2 driver binds every port). */
  bind(port: Port) {
    if (port.device_owner.startsWith('compute:')) {
      port['binding:host_id'] = 'demo-compute';
      port['binding:vif_type'] = 'ovs';
      port['binding:vif_details'] = { connectivity: 'l2', port_filter: true, ovs_hybrid_plug: false, datapath_type: 'system', bridge_name: 'br-int' };
    }
    schedule(port, this.core.clock, [[1, { status: 'ACTIVE' }]]);
  }

  unbind(port: Port) {
    delete port._pending;
    this.setDevice(port, '', '');
    port.status = 'DOWN';
    port['binding:host_id'] = '';
    port['binding:vif_type'] = 'unbound';
    port['binding:vif_details'] = {};
    port.updated_at = now();
    port.revision_number++;
  }

  deletePort(port: Port) {
    for (const f of Object.values(this.s.floatingips)) if (f.port_id === port.id) this.disassociate(f);
    this.unindex(port);
    delete this.s.ports[port.id];
  }

  // ---- floating IPs ----
  disassociate(f: FloatingIp) {
    delete f._pending;
    f.port_id = null;
    f.fixed_ip_address = null;
    f.router_id = null;
    f.status = 'DOWN';
    f.updated_at = now();
    f.revision_number++;
  }

  /** The router that connects the port's subnet to the external network (ExternalGatewayForFloatingIPNotFound otherwise). */
  routerFor(port: Port, fixedIp: FixedIp, extNetId: string): string {
    for (const iface of Object.values(this.s.ports)) {
      if (!ROUTER_OWNERS.includes(iface.device_owner)) continue;
      if (!iface.fixed_ips.some((f) => f.subnet_id === fixedIp.subnet_id)) continue;
      const r = this.s.routers[iface.device_id];
      if (r?.external_gateway_info?.network_id === extNetId) return r.id;
    }
    throw neutronError(404, 'ExternalGatewayForFloatingIPNotFound',
      `External network ${extNetId} is not reachable from subnet ${fixedIp.subnet_id}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`);
  }

  associate(f: FloatingIp, portId: string, fixedIpAddress: string | undefined, projectId: string, isAdmin: boolean) {
    const port = this.s.ports[portId];
    if (!port || (!isAdmin && port.project_id !== projectId)) throw neutronError(404, 'PortNotFound', `Port ${portId} could not be found.`);
    const v4 = port.fixed_ips.filter((x) => parseIp(x.ip_address)?.version === 4);
    if (v4.length === 0) throw badRequest(`Bad floatingip request: Port ${portId} does not have any IP addresses configured`, { type: 'BadRequest' });
    let fixed = v4[0];
    if (fixedIpAddress !== undefined) {
      const m = v4.find((x) => x.ip_address === fixedIpAddress);
      if (!m) throw badRequest(`Bad floatingip request: Port ${portId} does not have fixed ip ${fixedIpAddress}.`, { type: 'BadRequest' });
      fixed = m;
    }
    const other = Object.values(this.s.floatingips).find((x) => x.id !== f.id && x.port_id === portId && x.fixed_ip_address === fixed.ip_address);
    if (other) {
      throw neutronError(409, 'FloatingIPPortAlreadyAssociated',
        `Cannot associate floating IP ${f.floating_ip_address} (${f.id}) with port ${portId} using fixed IP ${fixed.ip_address}, as that fixed IP already has a floating IP on external network ${f.floating_network_id}.`);
    }
    const routerId = this.routerFor(port, fixed, f.floating_network_id);
    f.port_id = portId;
    f.fixed_ip_address = fixed.ip_address;
    f.router_id = routerId;
    f.status = 'DOWN';
    schedule(f, this.core.clock, [[1, { status: 'ACTIVE' }]]);
  }
}
