// Neutron networks, subnets and ports.
import { conflict } from '../../core/errors';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import { uuid } from '../../core/ids';
import { bad, bool, clean, int, ipAttr, listReply, pickFields, policy, required, resourceBody, str, uuidAttr, who, type Deps, type Obj } from './common';
import { cidrContains, cidrLast, cidrString, cidrsOverlap, formatIp, parseCidr, parseIp, type Cidr } from './ip';
import { AUTO_DELETE_OWNERS, makeSubnet, neutronError, now, ROUTER_OWNERS, type Network, type Pool, type Port, type Subnet } from './model';

const PROVIDER = ['provider:network_type', 'provider:physical_network', 'provider:segmentation_id'];
const BINDING_ADMIN = ['binding:profile', 'binding:host_id', 'binding:vif_type', 'binding:vif_details'];

export const renderNetwork = (n: Network, admin: boolean): Obj => clean(n, admin ? [] : PROVIDER);
export const renderSubnet = (s: Subnet): Obj => clean(s);
export const renderPort = (p: Port, admin: boolean): Obj => clean(p, admin ? [] : BINDING_ADMIN);

function validPools(cidr: Cidr, raw: unknown): Pool[] {
  if (!Array.isArray(raw)) throw bad(`Invalid input for allocation_pools. Reason: Invalid data format for IP pool: '${JSON.stringify(raw)}'.`);
  const pools = raw.map((p: Obj) => {
    const start = parseIp(p?.start);
    const end = parseIp(p?.end);
    if (!p || typeof p !== 'object' || !start || !end || Object.keys(p).some((k) => !['start', 'end'].includes(k))) {
      throw bad(`Invalid input for allocation_pools. Reason: Invalid data format for IP pool: '${JSON.stringify(p)}'.`);
    }
    const text = `${String(p.start)}-${String(p.end)}`;
    if (!cidrContains(cidr, start) || !cidrContains(cidr, end)) {
      throw neutronError(400, 'OutOfBoundsAllocationPool', `The allocation pool ${text} spans beyond the subnet cidr ${cidrString(cidr)}.`);
    }
    if (start.value > end.value) throw neutronError(400, 'InvalidAllocationPool', `The allocation pool ${text} is not valid.`);
    return { start: formatIp(cidr.version, start.value), end: formatIp(cidr.version, end.value), s: start.value, e: end.value };
  });
  for (let i = 0; i < pools.length; i++) {
    for (let j = i + 1; j < pools.length; j++) {
      if (pools[i].s <= pools[j].e && pools[j].s <= pools[i].e) {
        throw neutronError(400, 'OverlappingAllocationPools', `Found overlapping allocation pools: ${pools[i].start}-${pools[i].end} and ${pools[j].start}-${pools[j].end} for subnet ${cidrString(cidr)}.`);
      }
    }
  }
  return pools.map(({ start, end }) => ({ start, end }));
}

function defaultPools(c: Cidr, gateway: string | null): Pool[] {
  const first = c.version === 4 ? c.network + 1n : c.network + 1n;
  const last = c.version === 4 ? cidrLast(c) - 1n : cidrLast(c);
  const gw = gateway ? parseIp(gateway)!.value : null;
  const ranges: Array<[bigint, bigint]> = [];
  if (gw !== null && gw >= first && gw <= last) {
    if (gw > first) ranges.push([first, gw - 1n]);
    if (gw < last) ranges.push([gw + 1n, last]);
  } else ranges.push([first, last]);
  return ranges.map(([a, b]) => ({ start: formatIp(c.version, a), end: formatIp(c.version, b) }));
}

function gatewayConflict(gw: string | null, pools: Pool[]) {
  if (!gw) return;
  const g = parseIp(gw)!.value;
  for (const p of pools) {
    if (parseIp(p.start)!.value <= g && g <= parseIp(p.end)!.value) {
      throw neutronError(409, 'GatewayConflictWithAllocationPools', `Gateway ip ${gw} conflicts with allocation pool ${p.start}-${p.end}.`);
    }
  }
}

function validNameservers(raw: unknown): string[] {
  if (!Array.isArray(raw)) throw bad(`Invalid input for dns_nameservers. Reason: '${JSON.stringify(raw)}' is not a list.`);
  return raw.map((x) => {
    if (!parseIp(x)) throw bad(`Invalid input for dns_nameservers. Reason: '${String(x)}' is not a valid nameserver.`);
    return String(x);
  });
}

function validRoutes(raw: unknown, attr: string): Array<{ destination: string; nexthop: string }> {
  if (!Array.isArray(raw)) throw bad(`Invalid input for ${attr}. Reason: Invalid data format for hostroute: '${JSON.stringify(raw)}'.`);
  return raw.map((r: Obj) => {
    const d = parseCidr(r?.destination);
    if (!r || !d || !parseIp(r.nexthop)) throw bad(`Invalid input for ${attr}. Reason: Invalid data format for hostroute: '${JSON.stringify(r)}'.`);
    return { destination: cidrString(d), nexthop: String(r.nexthop) };
  });
}

const IPV6_MODES = ['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless'];

/** Neutron's check_gateway_invalid_in_subnet: an IPv4 gateway may not be the network or broadcast address. */
function gatewayValid(c: Cidr, gateway: string | null) {
  if (!gateway || c.version !== 4) return;
  const g = parseIp(gateway)!.value;
  if (g === c.network || g === cidrLast(c)) throw bad('Invalid input for operation: Gateway is not valid on subnet.', 'InvalidInput');
}

export function networkRoutes(r: Router, { m }: Deps): void {
  const s = m.s;
  const visibleNet = (id: string, pid: string, admin: boolean) => {
    const n = m.network(id);
    if (!m.networkVisible(n, pid, admin)) throw neutronError(404, 'NetworkNotFound', `Network ${id} could not be found.`);
    return n;
  };
  const ownNet = (id: string, pid: string, admin: boolean) => {
    const n = m.network(id);
    if (!admin && n.project_id !== pid) throw neutronError(404, 'NetworkNotFound', `Network ${id} could not be found.`);
    return n;
  };
  const subnetVisible = (sub: Subnet, pid: string, admin: boolean) => admin || sub.project_id === pid || s.networks[sub.network_id]?.shared;
  const visibleSubnet = (id: string, pid: string, admin: boolean) => {
    const sub = m.subnet(id);
    if (!subnetVisible(sub, pid, admin)) throw neutronError(404, 'SubnetNotFound', `Subnet ${id} could not be found.`);
    return sub;
  };
  const visiblePort = (id: string, pid: string, admin: boolean) => {
    const p = m.port(id);
    if (!admin && p.project_id !== pid) throw neutronError(404, 'PortNotFound', `Port ${id} could not be found.`);
    return p;
  };

  // ---------- networks ----------
  r.get('/v2.0/networks', (ctx) => {
    const { pid, admin } = who(ctx);
    const rows = Object.values(s.networks).filter((n) => m.networkVisible(n, pid, admin)).map((n) => renderNetwork(n, admin));
    return listReply(ctx, 'networks', 'Network', rows);
  });
  r.get('/v2.0/networks/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    return json(200, { network: pickFields(ctx, renderNetwork(visibleNet(ctx.params.id, pid, admin), admin)) });
  });
  const NET_ATTRS = ['name', 'admin_state_up', 'shared', 'router:external', 'mtu', 'description', 'port_security_enabled', 'is_default', 'availability_zone_hints', 'qos_policy_id'];
  const netAdminAttr = (body: Obj, admin: boolean, op: string) => {
    for (const a of ['shared', 'router:external', 'is_default', ...PROVIDER]) {
      if (body[a] !== undefined && !admin) throw policy(`(rule:${op}_network and rule:${op}_network:${a})`);
    }
  };
  const mtuOf = (body: Obj, type: string) => {
    const mtu = int(body, 'mtu');
    if (mtu === undefined || mtu === null) return undefined;
    if (mtu < 68) throw bad(`Invalid input for mtu. Reason: '${mtu}' is too small - must be at least '68'.`);
    const max = type === 'vxlan' ? 1450 : 1500;
    if (mtu > max) throw bad(`Invalid input for operation: Requested MTU is too big, maximum is ${max}.`, 'InvalidInput');
    return mtu;
  };
  r.post('/v2.0/networks', async (ctx) => {
    const { pid, admin } = who(ctx);
    const body = await resourceBody(ctx, 'network', [...NET_ATTRS, ...PROVIDER, 'tenant_id', 'project_id', 'dns_domain']);
    netAdminAttr(body, admin, 'create');
    const project = (str(body, 'project_id') ?? str(body, 'tenant_id') ?? pid);
    if (project !== pid && !admin) throw policy('(rule:create_network and rule:create_network:tenant_id)');
    const external = bool(body, 'router:external') ?? false;
    const type = (str(body, 'provider:network_type') ?? (external ? 'flat' : 'vxlan'));
    if (!['vxlan', 'flat', 'vlan', 'geneve', 'gre', 'local'].includes(type)) throw bad(`Invalid input for operation: network_type value '${type}' not supported.`, 'InvalidInput');
    m.checkQuota(project, 'network');
    const t = now();
    const seg = type === 'flat' || type === 'local' ? null : (int(body, 'provider:segmentation_id') ?? s.nextSegment++);
    const n: Network = {
      id: uuid(), name: str(body, 'name') ?? '', tenant_id: project, project_id: project,
      admin_state_up: bool(body, 'admin_state_up') ?? true, mtu: mtuOf(body, type) ?? (type === 'vxlan' ? 1450 : 1500), status: 'ACTIVE', subnets: [],
      shared: bool(body, 'shared') ?? false, availability_zone_hints: [], availability_zones: [], ipv4_address_scope: null, ipv6_address_scope: null,
      'router:external': external, description: str(body, 'description') ?? '', port_security_enabled: bool(body, 'port_security_enabled') ?? true,
      l2_adjacency: true, is_default: bool(body, 'is_default') ?? false, tags: [], created_at: t, updated_at: t, revision_number: 1,
      'provider:network_type': type, 'provider:physical_network': type === 'flat' || type === 'vlan' ? (str(body, 'provider:physical_network') ?? 'public') : null,
      'provider:segmentation_id': seg,
    };
    s.networks[n.id] = n;
    return json(201, { network: renderNetwork(n, admin) });
  });
  r.put('/v2.0/networks/{id}', async (ctx) => {
    const { pid, admin } = who(ctx);
    const n = ownNet(ctx.params.id, pid, admin);
    const body = await resourceBody(ctx, 'network', NET_ATTRS, ['id', 'tenant_id', 'project_id', 'status', 'subnets', ...PROVIDER]);
    netAdminAttr(body, admin, 'update');
    const mtu = mtuOf(body, n['provider:network_type']);
    if (body.name !== undefined) n.name = str(body, 'name')!;
    if (body.description !== undefined) n.description = str(body, 'description')!;
    if (body.admin_state_up !== undefined) n.admin_state_up = bool(body, 'admin_state_up')!;
    if (body.shared !== undefined) n.shared = bool(body, 'shared')!;
    if (body['router:external'] !== undefined) n['router:external'] = bool(body, 'router:external')!;
    if (body.is_default !== undefined) n.is_default = bool(body, 'is_default')!;
    if (body.port_security_enabled !== undefined) n.port_security_enabled = bool(body, 'port_security_enabled')!;
    if (mtu !== undefined) n.mtu = mtu;
    n.updated_at = now();
    n.revision_number++;
    return json(200, { network: renderNetwork(n, admin) });
  });
  r.delete('/v2.0/networks/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    const n = ownNet(ctx.params.id, pid, admin);
    const ports = Object.values(s.ports).filter((p) => p.network_id === n.id);
    const busy = ports.filter((p) => !AUTO_DELETE_OWNERS.includes(p.device_owner));
    if (busy.length) {
      throw neutronError(409, 'NetworkInUse', `Unable to complete operation on network ${n.id}. There are one or more ports still in use on the network, id for these ports is: ${busy.map((p) => p.id).join(',')}.`);
    }
    for (const p of ports) m.deletePort(p);
    for (const id of n.subnets) delete s.subnets[id];
    delete s.networks[n.id];
    return noContent();
  });

  // ---------- subnets ----------
  r.get('/v2.0/subnets', (ctx) => {
    const { pid, admin } = who(ctx);
    return listReply(ctx, 'subnets', 'Subnet', Object.values(s.subnets).filter((x) => subnetVisible(x, pid, admin)).map(renderSubnet));
  });
  r.get('/v2.0/subnets/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    return json(200, { subnet: pickFields(ctx, renderSubnet(visibleSubnet(ctx.params.id, pid, admin))) });
  });
  const SUBNET_UPDATABLE = ['name', 'description', 'gateway_ip', 'allocation_pools', 'enable_dhcp', 'dns_nameservers', 'host_routes', 'service_types', 'segment_id'];
  r.post('/v2.0/subnets', async (ctx) => {
    const { pid, admin } = who(ctx);
    const body = await resourceBody(ctx, 'subnet', [...SUBNET_UPDATABLE, 'network_id', 'ip_version', 'cidr', 'ipv6_ra_mode', 'ipv6_address_mode', 'tenant_id', 'project_id', 'subnetpool_id', 'prefixlen', 'use_default_subnetpool']);
    required(body, 'network_id');
    required(body, 'ip_version');
    const netId = uuidAttr(body, 'network_id');
    const version = int(body, 'ip_version');
    if (version !== 4 && version !== 6) throw bad(`Invalid input for ip_version. Reason: ${String(body.ip_version)} is not in valid_values.`);
    for (const a of ['ipv6_ra_mode', 'ipv6_address_mode']) {
      if (body[a] !== undefined && body[a] !== null && !IPV6_MODES.includes(String(body[a]))) throw bad(`Invalid input for ${a}. Reason: ${String(body[a])} is not in valid_values.`);
    }
    const n = m.network(netId!);
    if (!admin && n.project_id !== pid) {
      if (!m.networkVisible(n, pid, admin)) throw neutronError(404, 'NetworkNotFound', `Network ${n.id} could not be found.`);
      throw policy('(rule:create_subnet and rule:create_subnet:network_id)');
    }
    if (body.cidr === undefined || body.cidr === null) throw bad('Bad subnets request: a subnetpool must be specified in the absence of a cidr.', 'BadRequest');
    const cidrText = String(body.cidr);
    const c = parseCidr(cidrText);
    if (!c) throw bad(`Invalid input for operation: ${cidrText} is not in a CIDR format.`, 'InvalidInput');
    if (c.version !== version) throw bad(`Invalid input for operation: Cidr ${cidrText} does not match the IP version ${version}.`, 'InvalidInput');
    if (c.prefix === 0) throw bad('Invalid input for operation: 0 is not allowed as CIDR prefix length.', 'InvalidInput');
    const enableDhcp = bool(body, 'enable_dhcp') ?? true;
    // Neutron's _validate_ipv6_attributes: modes need DHCP, must agree when both are set, and SLAAC needs a /64.
    const ra = (body.ipv6_ra_mode ?? null) as string | null;
    const addr = (body.ipv6_address_mode ?? null) as string | null;
    if (version === 6 && (ra || addr)) {
      if (!enableDhcp) throw bad('Invalid input for operation: ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False.', 'InvalidInput');
      if (ra && addr && ra !== addr) throw bad(`Invalid input for operation: ipv6_ra_mode set to '${ra}' with ipv6_address_mode set to '${addr}' is not valid. If both attributes are set, they must be the same value.`, 'InvalidInput');
      const auto = [ra, addr].some((x) => x === 'slaac' || x === 'dhcpv6-stateless');
      if (auto && c.prefix !== 64) throw bad(`Invalid input for operation: Invalid CIDR ${cidrText} for IPv6 address mode. OpenStack uses the EUI-64 address format, which requires the prefix to be /64.`, 'InvalidInput');
    }
    if (enableDhcp && c.version === 4 && c.prefix >= 31) throw bad('Invalid input for operation: Subnet has a prefix length that is incompatible with DHCP service enabled.', 'InvalidInput');
    if (enableDhcp && c.version === 6 && c.prefix === 128) throw bad('Invalid input for operation: Subnet has a prefix length that is incompatible with DHCP service enabled.', 'InvalidInput');
    for (const other of n.subnets.map((id) => s.subnets[id]).filter(Boolean)) {
      if (cidrsOverlap(parseCidr(other.cidr)!, c)) {
        throw bad(`Invalid input for operation: Requested subnet with cidr: ${cidrString(c)} for network: ${n.id} overlaps with another subnet.`, 'InvalidInput');
      }
    }
    let gateway: string | null;
    if (body.gateway_ip === undefined) gateway = formatIp(c.version, c.version === 4 ? c.network + 1n : c.network);
    else {
      gateway = ipAttr(body, 'gateway_ip') ?? null;
      if (gateway) gateway = formatIp(c.version, parseIp(gateway)!.value);
    }
    gatewayValid(c, gateway);
    let pools: Pool[];
    if (body.allocation_pools !== undefined && body.allocation_pools !== null) {
      pools = validPools(c, body.allocation_pools);
      gatewayConflict(gateway, pools);
    } else pools = defaultPools(c, gateway);
    const project = str(body, 'project_id') ?? str(body, 'tenant_id') ?? n.project_id;
    m.checkQuota(project, 'subnet');
    const sub = makeSubnet(n, str(body, 'name') ?? '', cidrString(c), {
      project_id: project, tenant_id: project, enable_dhcp: enableDhcp, gateway_ip: gateway, allocation_pools: pools,
      dns_nameservers: body.dns_nameservers ? validNameservers(body.dns_nameservers) : [],
      host_routes: body.host_routes ? validRoutes(body.host_routes, 'host_routes') : [],
      description: str(body, 'description') ?? '',
      ipv6_ra_mode: (body.ipv6_ra_mode as string | undefined) ?? null, ipv6_address_mode: (body.ipv6_address_mode as string | undefined) ?? null,
    });
    s.subnets[sub.id] = sub;
    n.revision_number++;
    n.updated_at = now();
    return json(201, { subnet: renderSubnet(sub) });
  });
  r.put('/v2.0/subnets/{id}', async (ctx) => {
    const { pid, admin } = who(ctx);
    const sub = visibleSubnet(ctx.params.id, pid, admin);
    if (!admin && sub.project_id !== pid) throw policy('rule:update_subnet');
    const body = await resourceBody(ctx, 'subnet', SUBNET_UPDATABLE, ['id', 'network_id', 'ip_version', 'cidr', 'tenant_id', 'project_id', 'ipv6_ra_mode', 'ipv6_address_mode', 'subnetpool_id']);
    const c = parseCidr(sub.cidr)!;
    let gateway = sub.gateway_ip;
    if (body.gateway_ip !== undefined) {
      gateway = ipAttr(body, 'gateway_ip') ?? null;
      if (gateway) gateway = formatIp(c.version, parseIp(gateway)!.value);
      gatewayValid(c, gateway);
    }
    const pools = body.allocation_pools !== undefined && body.allocation_pools !== null ? validPools(c, body.allocation_pools) : sub.allocation_pools;
    if (body.gateway_ip !== undefined || body.allocation_pools !== undefined) gatewayConflict(gateway, pools);
    const dhcp = bool(body, 'enable_dhcp');
    if (body.name !== undefined) sub.name = str(body, 'name')!;
    if (body.description !== undefined) sub.description = str(body, 'description')!;
    if (dhcp !== undefined) sub.enable_dhcp = dhcp;
    if (body.dns_nameservers !== undefined) sub.dns_nameservers = body.dns_nameservers === null ? [] : validNameservers(body.dns_nameservers);
    if (body.host_routes !== undefined) sub.host_routes = body.host_routes === null ? [] : validRoutes(body.host_routes, 'host_routes');
    sub.gateway_ip = gateway;
    sub.allocation_pools = pools;
    sub.updated_at = now();
    sub.revision_number++;
    return json(200, { subnet: renderSubnet(sub) });
  });
  r.delete('/v2.0/subnets/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    const sub = visibleSubnet(ctx.params.id, pid, admin);
    if (!admin && sub.project_id !== pid) throw policy('rule:delete_subnet');
    const ports = Object.values(s.ports).filter((p) => p.fixed_ips.some((f) => f.subnet_id === sub.id));
    if (ports.some((p) => !AUTO_DELETE_OWNERS.includes(p.device_owner))) {
      throw neutronError(409, 'SubnetInUse', `Unable to complete operation on subnet ${sub.id}: One or more ports have an IP allocation from this subnet.`);
    }
    for (const p of ports) p.fixed_ips = p.fixed_ips.filter((f) => f.subnet_id !== sub.id);
    const n = s.networks[sub.network_id];
    if (n) {
      n.subnets = n.subnets.filter((x) => x !== sub.id);
      n.revision_number++;
    }
    delete s.subnets[sub.id];
    return noContent();
  });

  // ---------- ports ----------
  r.get('/v2.0/ports', (ctx) => {
    const { pid, admin } = who(ctx);
    const deviceIds = ctx.query.getAll('device_id');
    const source = deviceIds.length ? deviceIds.flatMap((d) => m.portsOfDevice(d)) : Object.values(s.ports).map((p) => m.settled(p));
    const rows = source.filter((p) => admin || p.project_id === pid).map((p) => renderPort(p, admin));
    return listReply(ctx, 'ports', 'Port', rows, (row, key) => (key in row ? undefined : BINDING_ADMIN.includes(key) || key === 'ip_address' ? false : undefined));
  });
  r.get('/v2.0/ports/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    return json(200, { port: pickFields(ctx, renderPort(visiblePort(ctx.params.id, pid, admin), admin)) });
  });
  const PORT_UPDATABLE = ['name', 'admin_state_up', 'fixed_ips', 'device_id', 'device_owner', 'security_groups', 'description', 'port_security_enabled', 'allowed_address_pairs', 'binding:host_id', 'binding:profile', 'binding:vnic_type', 'extra_dhcp_opts', 'mac_address'];
  const checkSgs = (raw: unknown, pid: string, admin: boolean): string[] => {
    if (!Array.isArray(raw)) throw bad(`Invalid input for security_groups. Reason: '${String(raw)}' is not a list.`);
    return [...new Set(raw.map(String))].map((id) => {
      const sg = s.securityGroups[id] ?? Object.values(s.securityGroups).find((g) => g.name === id && g.project_id === pid);
      if (!sg || (!admin && sg.project_id !== pid)) throw neutronError(404, 'SecurityGroupNotFound', `Security group ${id} does not exist`);
      return sg.id;
    });
  };
  const bindingPolicy = (body: Obj, admin: boolean, op: string) => {
    for (const a of ['binding:host_id', 'binding:profile', 'mac_address'].filter((x) => op === 'create' ? x !== 'mac_address' : true)) {
      if (body[a] !== undefined && !admin) throw policy(`(rule:${op}_port and rule:${op}_port:${a})`);
    }
  };
  const validMac = (v: unknown) => {
    if (typeof v !== 'string' || !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(v)) throw bad(`Invalid input for mac_address. Reason: '${String(v)}' is not a valid MAC address.`);
    return v.toLowerCase();
  };
  r.post('/v2.0/ports', async (ctx) => {
    const { pid, admin } = who(ctx);
    const body = await resourceBody(ctx, 'port', [...PORT_UPDATABLE, 'network_id', 'tenant_id', 'project_id']);
    required(body, 'network_id');
    bindingPolicy(body, admin, 'create');
    const n = visibleNet(String(uuidAttr(body, 'network_id')), pid, admin);
    const project = str(body, 'project_id') ?? str(body, 'tenant_id') ?? pid;
    if (project !== pid && !admin) throw policy('(rule:create_port and rule:create_port:tenant_id)');
    let mac: string | undefined;
    if (body.mac_address !== undefined) {
      mac = validMac(body.mac_address);
      if (Object.values(s.ports).some((p) => p.network_id === n.id && p.mac_address === mac)) {
        throw neutronError(409, 'MacAddressInUse', `Unable to complete operation for network ${n.id}. The mac address ${mac} is in use.`);
      }
    }
    const portSec = bool(body, 'port_security_enabled');
    const sgs = body.security_groups !== undefined ? checkSgs(body.security_groups, project, admin) : undefined;
    if (portSec === false && sgs && sgs.length) throw bad('Port has security group associated. Cannot disable port security or ip address until security group is removed', 'PortSecurityAndIPRequiredForSecurityGroups');
    m.checkQuota(project, 'port');
    const device = str(body, 'device_id') ?? '';
    const owner = str(body, 'device_owner') ?? '';
    const port = m.createPort({
      project_id: project, tenant_id: project, network_id: n.id, name: str(body, 'name') ?? '', description: str(body, 'description') ?? '',
      admin_state_up: bool(body, 'admin_state_up') ?? true, device_id: device, device_owner: owner, mac_address: mac,
      security_groups: portSec === false ? [] : sgs, port_security_enabled: portSec,
      'binding:vnic_type': str(body, 'binding:vnic_type') ?? 'normal', 'binding:host_id': str(body, 'binding:host_id') ?? '',
      'binding:profile': (body['binding:profile'] as Record<string, unknown> | undefined) ?? {},
      allowed_address_pairs: (body.allowed_address_pairs as Port['allowed_address_pairs'] | undefined) ?? [],
    }, body.fixed_ips);
    return json(201, { port: renderPort(port, admin) });
  });
  r.put('/v2.0/ports/{id}', async (ctx) => {
    const { pid, admin } = who(ctx);
    const p = visiblePort(ctx.params.id, pid, admin);
    const body = await resourceBody(ctx, 'port', PORT_UPDATABLE, ['id', 'network_id', 'tenant_id', 'project_id', 'status']);
    bindingPolicy(body, admin, 'update');
    const sgs = body.security_groups !== undefined ? (body.security_groups === null ? [] : checkSgs(body.security_groups, p.project_id, admin)) : undefined;
    const portSec = bool(body, 'port_security_enabled');
    if ((portSec ?? p.port_security_enabled) === false && (sgs ?? (portSec === false ? p.security_groups : [])).length) {
      throw conflict('Port has security group associated. Cannot disable port security or ip address until security group is removed', { type: 'PortSecurityAndIPRequiredForSecurityGroups' });
    }
    if (body.fixed_ips !== undefined) p.fixed_ips = m.resolveFixedIps(s.networks[p.network_id], body.fixed_ips, p.mac_address, p.id);
    if (body.mac_address !== undefined) p.mac_address = validMac(body.mac_address);
    if (body.name !== undefined) p.name = str(body, 'name')!;
    if (body.description !== undefined) p.description = str(body, 'description')!;
    if (body.admin_state_up !== undefined) p.admin_state_up = bool(body, 'admin_state_up')!;
    if (portSec !== undefined) p.port_security_enabled = portSec;
    if (sgs !== undefined) p.security_groups = sgs;
    if (body.allowed_address_pairs !== undefined) p.allowed_address_pairs = (body.allowed_address_pairs as Port['allowed_address_pairs']) ?? [];
    if (body['binding:host_id'] !== undefined) p['binding:host_id'] = str(body, 'binding:host_id')!;
    if (body['binding:profile'] !== undefined) p['binding:profile'] = (body['binding:profile'] as Record<string, unknown>) ?? {};
    if (body['binding:vnic_type'] !== undefined) p['binding:vnic_type'] = str(body, 'binding:vnic_type')!;
    if (body.device_id !== undefined || body.device_owner !== undefined) {
      m.setDevice(p, str(body, 'device_id') ?? p.device_id, str(body, 'device_owner') ?? p.device_owner);
      if (p.device_id) m.bind(p);
    }
    p.updated_at = now();
    p.revision_number++;
    return json(200, { port: renderPort(p, admin) });
  });
  r.delete('/v2.0/ports/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    const p = visiblePort(ctx.params.id, pid, admin);
    if ([...ROUTER_OWNERS, 'network:router_gateway', 'network:floatingip'].includes(p.device_owner) && s.routers[p.device_id] !== undefined || p.device_owner === 'network:floatingip') {
      throw neutronError(409, 'ServicePortInUse', `Port ${p.id} cannot be deleted directly via the port API: has device owner ${p.device_owner}.`);
    }
    m.deletePort(p);
    return noContent();
  });
}
