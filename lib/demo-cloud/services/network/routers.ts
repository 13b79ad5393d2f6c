// Neutron routers (external gateway, interfaces, extra routes) and floating IPs.
import { uuid } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router as HttpRouter } from '../../core/router';
import { schedule } from '../../core/transitions';
import { bad, bool, clean, ipAttr, listReply, pickFields, policy, required, resourceBody, str, uuidAttr, who, type Deps, type Obj } from './common';
import { cidrContains, cidrsOverlap, cidrString, parseCidr, parseIp } from './ip';
import { neutronError, now, ROUTER_OWNERS, type FloatingIp, type GatewayInfo, type Router } from './model';
import type { NetworkModel } from './network-model';

export function renderFip(m: NetworkModel, f: FloatingIp): Obj {
  m.settled(f);
  const port = f.port_id ? m.s.ports[f.port_id] : undefined;
  const port_details = port
    ? { name: port.name, network_id: port.network_id, mac_address: port.mac_address, admin_state_up: port.admin_state_up, status: port.status, device_id: port.device_id, device_owner: port.device_owner }
    : null;
  return { ...clean(f), port_details };
}

const routerRender = (r: Router): Obj => clean(r);

export function routerRoutes(hr: HttpRouter, { m }: Deps): void {
  const s = m.s;
  const ownRouter = (id: string, pid: string, admin: boolean) => {
    const r = s.routers[id];
    if (!r || (!admin && r.project_id !== pid)) throw neutronError(404, 'RouterNotFound', `Router ${id} could not be found`);
    return r;
  };
  const interfaces = (r: Router) => m.portsOfDevice(r.id).filter((p) => ROUTER_OWNERS.includes(p.device_owner));

  /** Validates external_gateway_info and (re)creates the gateway port. */
  const setGateway = (r: Router, raw: unknown, admin: boolean, op: string) => {
    const current = r.external_gateway_info;
    if (raw === null || (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0)) {
      if (!current) return;
      const used = Object.values(s.floatingips).some((f) => f.router_id === r.id);
      if (used) {
        throw neutronError(409, 'RouterExternalGatewayInUseByFloatingIp', `Gateway cannot be updated for router ${r.id}, since a gateway to external network ${current.network_id} is required by one or more floating IPs.`);
      }
      for (const p of m.portsOfDevice(r.id).filter((x) => x.device_owner === 'network:router_gateway')) m.deletePort(p);
      r.external_gateway_info = null;
      return;
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) throw bad(`Invalid input for external_gateway_info. Reason: Validation of dictionary's keys failed. Expected keys: {'network_id'} Provided keys: set().`);
    const g = raw as Obj;
    const unknown = Object.keys(g).filter((k) => !['network_id', 'enable_snat', 'external_fixed_ips', 'qos_policy_id'].includes(k));
    if (unknown.length || g.network_id === undefined) {
      throw bad(`Invalid input for external_gateway_info. Reason: Validation of dictionary's keys failed. Expected keys: {'network_id'} Provided keys: {${Object.keys(g).map((k) => `'${k}'`).join(', ')}}.`);
    }
    for (const a of ['enable_snat', 'external_fixed_ips']) {
      if (g[a] !== undefined && !admin) throw policy(`(rule:${op}_router and rule:${op}_router:external_gateway_info:${a})`);
    }
    const net = m.network(String(uuidAttr(g, 'network_id')));
    if (!net['router:external']) throw bad(`Bad router request: Network ${net.id} is not an external network.`, 'BadRequest');
    const snat = bool(g, 'enable_snat') ?? true;
    if (current && current.network_id === net.id && g.external_fixed_ips === undefined) {
      current.enable_snat = snat;
      return;
    }
    if (current) setGateway(r, null, admin, op);
    const port = m.createPort({ project_id: '', tenant_id: '', network_id: net.id, device_id: r.id, device_owner: 'network:router_gateway' }, g.external_fixed_ips);
    const info: GatewayInfo = { network_id: net.id, external_fixed_ips: port.fixed_ips, enable_snat: snat };
    r.external_gateway_info = info;
  };

  const validRoutes = (r: Router, raw: unknown) => {
    if (!Array.isArray(raw)) throw bad(`Invalid input for routes. Reason: Invalid data format for hostroute: '${JSON.stringify(raw)}'.`);
    const connected = interfaces(r).flatMap((p) => p.fixed_ips.map((f) => s.subnets[f.subnet_id])).filter(Boolean);
    return raw.map((route: Obj) => {
      const d = parseCidr(route?.destination);
      const hop = parseIp(route?.nexthop);
      if (!route || !d || !hop) throw bad(`Invalid input for routes. Reason: Invalid data format for hostroute: '${JSON.stringify(route)}'.`);
      if (!connected.some((sub) => cidrContains(parseCidr(sub.cidr)!, hop))) {
        throw bad(`Invalid format for routes: ${JSON.stringify([route])}, the nexthop is not connected with router`, 'InvalidRoutes');
      }
      return { destination: cidrString(d), nexthop: String(route.nexthop) };
    });
  };

  hr.get('/v2.0/routers', (ctx) => {
    const { pid, admin } = who(ctx);
    return listReply(ctx, 'routers', 'Router', Object.values(s.routers).filter((r) => admin || r.project_id === pid).map(routerRender));
  });
  hr.get('/v2.0/routers/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    return json(200, { router: pickFields(ctx, routerRender(ownRouter(ctx.params.id, pid, admin))) });
  });
  const ROUTER_ATTRS = ['name', 'admin_state_up', 'description', 'external_gateway_info'];
  hr.post('/v2.0/routers', async (ctx) => {
    const { pid, admin } = who(ctx);
    const body = await resourceBody(ctx, 'router', [...ROUTER_ATTRS, 'tenant_id', 'project_id', 'distributed', 'ha', 'availability_zone_hints', 'flavor_id']);
    for (const a of ['distributed', 'ha']) if (body[a] !== undefined && !admin) throw policy(`(rule:create_router and rule:create_router:${a})`);
    const project = str(body, 'project_id') ?? str(body, 'tenant_id') ?? pid;
    if (project !== pid && !admin) throw policy('(rule:create_router and rule:create_router:tenant_id)');
    m.checkQuota(project, 'router');
    const t = now();
    const r: Router = {
      id: uuid(), name: str(body, 'name') ?? '', tenant_id: project, project_id: project, admin_state_up: bool(body, 'admin_state_up') ?? true,
      status: 'ACTIVE', external_gateway_info: null, description: str(body, 'description') ?? '', availability_zones: [], availability_zone_hints: [],
      routes: [], flavor_id: null, tags: [], created_at: t, updated_at: t, revision_number: 1,
    };
    if (body.external_gateway_info !== undefined) setGateway(r, body.external_gateway_info, admin, 'create');
    s.routers[r.id] = r;
    return json(201, { router: routerRender(r) });
  });
  hr.put('/v2.0/routers/{id}', async (ctx) => {
    const { pid, admin } = who(ctx);
    const r = ownRouter(ctx.params.id, pid, admin);
    const body = await resourceBody(ctx, 'router', [...ROUTER_ATTRS, 'routes', 'distributed', 'ha'], ['id', 'tenant_id', 'project_id', 'status']);
    const routes = body.routes !== undefined ? (body.routes === null ? [] : validRoutes(r, body.routes)) : undefined;
    if (body.external_gateway_info !== undefined) setGateway(r, body.external_gateway_info, admin, 'update');
    if (body.name !== undefined) r.name = str(body, 'name')!;
    if (body.description !== undefined) r.description = str(body, 'description')!;
    if (body.admin_state_up !== undefined) r.admin_state_up = bool(body, 'admin_state_up')!;
    if (routes) r.routes = routes;
    r.updated_at = now();
    r.revision_number++;
    return json(200, { router: routerRender(r) });
  });
  hr.delete('/v2.0/routers/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    const r = ownRouter(ctx.params.id, pid, admin);
    const ifaces = interfaces(r);
    if (ifaces.length) throw neutronError(409, 'RouterInUse', `Router ${r.id} has ports still attached: ${ifaces.map((p) => p.id).join(', ')}`);
    if (r.external_gateway_info) setGateway(r, null, true, 'delete');
    delete s.routers[r.id];
    return noContent();
  });

  const interfaceInfo = (r: Router, portId: string, networkId: string, subnetIds: string[]) => ({
    id: r.id, tenant_id: r.tenant_id, port_id: portId, network_id: networkId, subnet_id: subnetIds[0] ?? null, subnet_ids: subnetIds,
  });
  const interfaceBody = async (ctx: Parameters<Parameters<HttpRouter['put']>[1]>[0]) => {
    const raw = await ctx.json();
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('Bad router request: Either subnet_id or port_id must be specified.', 'BadRequest');
    const b = raw as Obj;
    if (b.subnet_id && b.port_id) throw bad('Bad router request: Cannot specify both subnet-id and port-id.', 'BadRequest');
    if (!b.subnet_id && !b.port_id) throw bad('Bad router request: Either subnet_id or port_id must be specified.', 'BadRequest');
    return b;
  };
  hr.put('/v2.0/routers/{id}/add_router_interface', async (ctx) => {
    const { pid, admin } = who(ctx);
    const r = ownRouter(ctx.params.id, pid, admin);
    const b = await interfaceBody(ctx);
    const existing = interfaces(r).flatMap((p) => p.fixed_ips.map((f) => s.subnets[f.subnet_id])).filter(Boolean);
    const checkOverlap = (subId: string) => {
      const sub = s.subnets[subId];
      if (existing.some((x) => x.id === subId)) throw bad(`Bad router request: Router already has a port on subnet ${subId}.`, 'BadRequest');
      const other = existing.find((x) => cidrsOverlap(parseCidr(x.cidr)!, parseCidr(sub.cidr)!));
      if (other) throw bad(`Bad router request: Cidr ${sub.cidr} of subnet ${sub.id} overlaps with cidr ${other.cidr} of subnet ${other.id}.`, 'BadRequest');
    };
    if (b.port_id) {
      const p = s.ports[String(b.port_id)];
      if (!p || (!admin && p.project_id !== pid)) throw neutronError(404, 'PortNotFound', `Port ${String(b.port_id)} could not be found.`);
      if (p.device_id) throw neutronError(409, 'PortInUse', `Unable to complete operation on port ${p.id} for network ${p.network_id}. Port already has an attached device ${p.device_id}.`);
      if (p.fixed_ips.length === 0) throw bad('Bad router request: Router port must have at least one fixed IP.', 'BadRequest');
      for (const f of p.fixed_ips) checkOverlap(f.subnet_id);
      m.setDevice(p, r.id, 'network:router_interface');
      p.security_groups = [];
      p.port_security_enabled = false;
      m.bind(p);
      r.revision_number++;
      return json(200, interfaceInfo(r, p.id, p.network_id, p.fixed_ips.map((f) => f.subnet_id)));
    }
    const sub = s.subnets[String(b.subnet_id)];
    if (!sub || (!admin && sub.project_id !== pid && !s.networks[sub.network_id]?.shared)) throw neutronError(404, 'SubnetNotFound', `Subnet ${String(b.subnet_id)} could not be found.`);
    if (!sub.gateway_ip) throw bad('Bad router request: Subnet for router interface must have a gateway IP.', 'BadRequest');
    checkOverlap(sub.id);
    if (m.ipInUse(sub.id, sub.gateway_ip)) throw neutronError(409, 'IpAddressAlreadyAllocated', `IP address ${sub.gateway_ip} already allocated in subnet ${sub.id}`);
    m.checkQuota(r.project_id, 'port');
    const p = m.createPort({
      project_id: r.project_id, tenant_id: r.project_id, network_id: sub.network_id, device_id: r.id, device_owner: 'network:router_interface',
      fixed_ips: [{ subnet_id: sub.id, ip_address: sub.gateway_ip }],
    });
    r.revision_number++;
    r.updated_at = now();
    return json(200, interfaceInfo(r, p.id, p.network_id, [sub.id]));
  });
  hr.put('/v2.0/routers/{id}/remove_router_interface', async (ctx) => {
    const { pid, admin } = who(ctx);
    const r = ownRouter(ctx.params.id, pid, admin);
    const b = await interfaceBody(ctx);
    let port;
    if (b.port_id) {
      port = interfaces(r).find((p) => p.id === b.port_id);
      if (!port) throw neutronError(404, 'RouterInterfaceNotFound', `Router ${r.id} does not have an interface with id ${String(b.port_id)}`);
    } else {
      port = interfaces(r).find((p) => p.fixed_ips.some((f) => f.subnet_id === b.subnet_id));
      if (!port) throw neutronError(404, 'RouterInterfaceNotFoundForSubnet', `Router ${r.id} has no interface on subnet ${String(b.subnet_id)}`);
    }
    const subnetIds = port.fixed_ips.map((f) => f.subnet_id);
    for (const subId of subnetIds) {
      const cidr = parseCidr(s.subnets[subId]?.cidr);
      const used = Object.values(s.floatingips).some((f) => f.router_id === r.id && f.fixed_ip_address && cidr && cidrContains(cidr, parseIp(f.fixed_ip_address)!));
      if (used) throw neutronError(409, 'RouterInterfaceInUseByFloatingIP', `Router interface for subnet ${subId} on router ${r.id} cannot be deleted, as it is required by one or more floating IPs.`);
    }
    const info = interfaceInfo(r, port.id, port.network_id, subnetIds);
    m.deletePort(port);
    r.revision_number++;
    r.updated_at = now();
    return json(200, info);
  });

  // ---------- floating IPs ----------
  const ownFip = (id: string, pid: string, admin: boolean) => {
    const f = s.floatingips[id];
    if (!f || (!admin && f.project_id !== pid)) throw neutronError(404, 'FloatingIPNotFound', `Floating IP ${id} could not be found`);
    return m.settled(f);
  };
  hr.get('/v2.0/floatingips', (ctx) => {
    const { pid, admin } = who(ctx);
    return listReply(ctx, 'floatingips', 'Floating IP', Object.values(s.floatingips).filter((f) => admin || f.project_id === pid).map((f) => renderFip(m, f)));
  });
  hr.get('/v2.0/floatingips/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    return json(200, { floatingip: pickFields(ctx, renderFip(m, ownFip(ctx.params.id, pid, admin))) });
  });
  hr.post('/v2.0/floatingips', async (ctx) => {
    const { pid, admin } = who(ctx);
    const body = await resourceBody(ctx, 'floatingip', ['floating_network_id', 'floating_ip_address', 'subnet_id', 'port_id', 'fixed_ip_address', 'description', 'tenant_id', 'project_id', 'qos_policy_id']);
    required(body, 'floating_network_id');
    const netId = String(uuidAttr(body, 'floating_network_id'));
    if (body.floating_ip_address !== undefined && !admin) throw policy('(rule:create_floatingip and rule:create_floatingip:floating_ip_address)');
    const addr = ipAttr(body, 'floating_ip_address');
    const fixedAddr = ipAttr(body, 'fixed_ip_address');
    const net = m.network(netId);
    if (!net['router:external']) throw bad(`Bad floatingip request: Network ${netId} is not a valid external network.`, 'BadRequest');
    const project = str(body, 'project_id') ?? str(body, 'tenant_id') ?? pid;
    if (project !== pid && !admin) throw policy('(rule:create_floatingip and rule:create_floatingip:tenant_id)');
    m.checkQuota(project, 'floatingip');
    const v4 = net.subnets.map((id) => s.subnets[id]).filter((x) => x && x.ip_version === 4);
    const subnetId = uuidAttr(body, 'subnet_id');
    if (subnetId && !v4.some((x) => x.id === subnetId)) throw neutronError(404, 'SubnetNotFound', `Subnet ${subnetId} could not be found.`);
    if (v4.length === 0) throw bad(`Bad floatingip request: Network ${netId} does not contain any IPv4 subnet.`, 'BadRequest');
    const f = m.newFloatingIp(net, project, { subnetId: subnetId ?? (addr ? undefined : v4[0].id), address: addr ?? undefined, description: str(body, 'description') ?? '' });
    try {
      if (body.port_id) m.associate(f, String(body.port_id), fixedAddr ?? undefined, pid, admin);
    } catch (err) {
      for (const p of m.portsOfDevice(f.id)) m.deletePort(p);
      throw err;
    }
    s.floatingips[f.id] = f;
    const out = renderFip(m, f);
    return json(201, { floatingip: { ...out, status: 'DOWN' } });
  });
  hr.put('/v2.0/floatingips/{id}', async (ctx) => {
    const { pid, admin } = who(ctx);
    const f = ownFip(ctx.params.id, pid, admin);
    const body = await resourceBody(ctx, 'floatingip', ['port_id', 'fixed_ip_address', 'description', 'qos_policy_id'], ['id', 'floating_network_id', 'floating_ip_address', 'tenant_id', 'project_id', 'router_id', 'status']);
    const fixedAddr = ipAttr(body, 'fixed_ip_address');
    if (body.port_id !== undefined) {
      if (body.port_id === null) m.disassociate(f);
      else {
        uuidAttr(body, 'port_id');
        m.associate(f, String(body.port_id), fixedAddr ?? undefined, pid, admin);
        f.revision_number++;
      }
    }
    if (body.description !== undefined) f.description = str(body, 'description')!;
    f.updated_at = now();
    return json(200, { floatingip: renderFip(m, f) });
  });
  hr.delete('/v2.0/floatingips/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    const f = ownFip(ctx.params.id, pid, admin);
    for (const p of m.portsOfDevice(f.id)) m.deletePort(p);
    delete s.floatingips[f.id];
    return noContent();
  });
  void schedule;
}
