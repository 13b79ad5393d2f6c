// OS::Neutron::* resources (heat/engine/resources/openstack/neutron/), through the demo cloud's Neutron API.
import type { Json, JsonMap } from '../model';
import { ResourceFailure } from './client';
import { neutronId, type NeutronKind } from './lookup';
import { given, pick, restPlugin, type RestSpec } from './rest';
import type { Plugin, PluginContext } from './types';

const str = (v: Json | undefined) => (v === null || v === undefined ? undefined : String(v));
const list = (v: Json | undefined) => (Array.isArray(v) ? v : []);
const valueSpecs = (p: JsonMap) => ((p.value_specs ?? {}) as JsonMap);
/** Neutron's ACTIVE/DOWN/ERROR: ERROR is a failure (neutron.py _resolve_status). */
function active(show: JsonMap): boolean {
  if (show.status === 'ERROR') throw new ResourceFailure('ResourceInError', `Went to status ERROR due to "Unknown"`);
  return show.status === undefined || show.status === 'ACTIVE' || show.status === 'DOWN';
}

/** `{[key]: <the Neutron id>}` for a property naming a Neutron object by name or id; nothing when it is unset. */
async function idOf(ctx: PluginContext, kind: NeutronKind, value: Json | undefined, key: string): Promise<JsonMap> {
  return value ? { [key]: await neutronId(ctx.api, kind, String(value)) } : {};
}

/** A fixed IP as Neutron takes it: the address, and the subnet (by name or id) as subnet_id. */
const fixedIp = async (ctx: PluginContext, ip: JsonMap, subnet: Json | undefined): Promise<JsonMap> => ({ ...pick(ip, { ip_address: 'ip_address' }), ...(await idOf(ctx, 'subnet', subnet, 'subnet_id')) });

/** A Neutron object at `/<collection>` of the network service; `tagged` ones get the template's tags once created. */
function neutronPlugin(collection: string, key: string, spec: Omit<RestSpec, 'service' | 'collection' | 'key'>, tagged = false): Plugin {
  const tags: Pick<RestSpec, 'afterCreate'> = tagged ? { afterCreate: (ctx, show) => setTags(ctx, collection, String(show.id)) } : {};
  return restPlugin({ service: 'network', collection: `/${collection}`, key, ...tags, ...spec });
}

async function setTags(ctx: PluginContext, collection: string, id: string) {
  const tags = ctx.props.tags;
  if (Array.isArray(tags) && tags.length) await ctx.api.put('network', `/${collection}/${id}/tags`, { tags });
}

const netAttrs = ['status', 'name', 'subnets', 'admin_state_up', 'tenant_id', 'port_security_enabled', 'mtu', 'qos_policy_id', 'l2_adjacency', 'segments'];
const fields = (names: string[], renames: Record<string, string> = {}) =>
  Object.fromEntries(names.map((n) => [n, (s: JsonMap) => (s[renames[n] ?? n] ?? null) as Json]));

const NET_FIELDS = { admin_state_up: 'admin_state_up', shared: 'shared', port_security_enabled: 'port_security_enabled', tenant_id: 'tenant_id', dns_domain: 'dns_domain', availability_zone_hints: 'availability_zone_hints' };

const net = neutronPlugin('networks', 'network', {
  body: async (ctx) => ({ name: str(ctx.props.name) ?? ctx.physicalName, ...pick(given(ctx), NET_FIELDS), ...valueSpecs(ctx.props) }),
  updateBody: async (ctx, changed) => ({ ...pick(ctx.props, { name: 'name', ...NET_FIELDS }, changed), ...(changed.includes('value_specs') ? valueSpecs(ctx.props) : {}) }),
  ready: active,
  attributes: fields(netAttrs),
}, true);

const subnetBody = async (ctx: PluginContext): Promise<JsonMap> => {
  const p = ctx.props;
  const body: JsonMap = {
    network_id: await neutronId(ctx.api, 'network', String(p.network)),
    ip_version: (p.ip_version as number | null) ?? 4,
    name: str(p.name) ?? ctx.physicalName,
    ...pick(given(ctx), { cidr: 'cidr', enable_dhcp: 'enable_dhcp', dns_nameservers: 'dns_nameservers', allocation_pools: 'allocation_pools', host_routes: 'host_routes', ipv6_ra_mode: 'ipv6_ra_mode', ipv6_address_mode: 'ipv6_address_mode', prefixlen: 'prefixlen', tenant_id: 'tenant_id' }),
    ...valueSpecs(p),
  };
  // Heat: gateway_ip '' means "no gateway" (null); absent means Neutron picks one.
  if (p.gateway_ip === '') body.gateway_ip = null;
  else if (p.gateway_ip) body.gateway_ip = p.gateway_ip;
  if (p.subnetpool) body.subnetpool_id = await neutronId(ctx.api, 'subnetpool', String(p.subnetpool));
  return body;
};

const subnet = neutronPlugin('subnets', 'subnet', {
  body: subnetBody,
  updateBody: async (ctx, changed) => {
    const body = pick(ctx.props, { name: 'name', dns_nameservers: 'dns_nameservers', enable_dhcp: 'enable_dhcp', allocation_pools: 'allocation_pools', host_routes: 'host_routes' }, changed);
    if (changed.includes('gateway_ip')) body.gateway_ip = ctx.props.gateway_ip === '' ? null : (ctx.props.gateway_ip ?? null);
    return body;
  },
  attributes: fields(['name', 'network_id', 'tenant_id', 'allocation_pools', 'gateway_ip', 'host_routes', 'ip_version', 'cidr', 'dns_nameservers', 'enable_dhcp']),
}, true);

async function gatewayInfo(ctx: PluginContext): Promise<JsonMap | undefined> {
  const g = ctx.props.external_gateway_info as JsonMap | null;
  if (!g) return undefined;
  const out: JsonMap = { network_id: await neutronId(ctx.api, 'network', String(g.network)) };
  if (g.enable_snat !== null && g.enable_snat !== undefined) out.enable_snat = g.enable_snat;
  const ips = list(g.external_fixed_ips) as JsonMap[];
  if (ips.length) {
    out.external_fixed_ips = await Promise.all(ips.map((ip) => fixedIp(ctx, ip, ip.subnet)));
  }
  return out;
}

const router = neutronPlugin('routers', 'router', {
  body: async (ctx) => {
    const gw = await gatewayInfo(ctx);
    return { name: str(ctx.props.name) ?? ctx.physicalName, ...pick(given(ctx), { admin_state_up: 'admin_state_up', distributed: 'distributed', ha: 'ha', availability_zone_hints: 'availability_zone_hints' }), ...(gw ? { external_gateway_info: gw } : {}), ...valueSpecs(ctx.props) };
  },
  updateBody: async (ctx, changed) => ({
    ...pick(ctx.props, { name: 'name', admin_state_up: 'admin_state_up' }, changed),
    ...(changed.includes('external_gateway_info') ? { external_gateway_info: (await gatewayInfo(ctx)) ?? {} } : {}),
  }),
  ready: active,
  attributes: fields(['status', 'external_gateway_info', 'name', 'admin_state_up', 'tenant_id']),
}, true);

/** Heat's RouterInterface id: "<router id>:subnet_id=<id>" or ":port_id=<id>". */
const routerInterface: Plugin = {
  async create(ctx) {
    const routerId = await neutronId(ctx.api, 'router', String(ctx.props.router));
    const [key, id] = ctx.props.subnet
      ? ['subnet_id', await neutronId(ctx.api, 'subnet', String(ctx.props.subnet))]
      : ctx.props.port
        ? ['port_id', await neutronId(ctx.api, 'port', String(ctx.props.port))]
        : (() => {
            throw new ResourceFailure('PropertyUnspecifiedError', 'At least one of the following properties must be specified: subnet, port.');
          })();
    await ctx.api.put('network', `/routers/${routerId}/add_router_interface`, { [key]: id });
    ctx.res.physicalId = `${routerId}:${key}=${id}`;
  },
  async delete(ctx) {
    const m = /^([^:]+):(subnet_id|port_id)=(.+)$/.exec(ctx.res.physicalId);
    if (!m) return;
    await ctx.api.call('network', 'PUT', `/routers/${m[1]}/remove_router_interface`, { [m[2]]: m[3] }, { accept: [404] });
  },
  attribute: (_res, name) => (name === null ? {} : null),
};

async function fixedIps(ctx: PluginContext): Promise<Json[] | undefined> {
  const ips = ctx.props.fixed_ips;
  if (!Array.isArray(ips)) return undefined;
  return Promise.all((ips as JsonMap[]).map((ip) => fixedIp(ctx, ip, ip.subnet ?? ip.subnet_id)));
}

const securityGroupIds = (ctx: PluginContext) => Promise.all(list(ctx.props.security_groups).map((g) => neutronId(ctx.api, 'security_group', String(g))));

const PORT_FIELDS = { device_id: 'device_id', device_owner: 'device_owner', mac_address: 'mac_address', admin_state_up: 'admin_state_up', allowed_address_pairs: 'allowed_address_pairs', 'binding:vnic_type': 'binding:vnic_type', port_security_enabled: 'port_security_enabled', dns_name: 'dns_name', propagate_uplink_status: 'propagate_uplink_status' };

async function portBody(ctx: PluginContext, changed?: string[]): Promise<JsonMap> {
  const has = (k: string) => !changed || changed.includes(k);
  const body: JsonMap = pick(changed ? ctx.props : given(ctx), { name: 'name', ...PORT_FIELDS }, changed);
  if (!changed) {
    body.network_id = await neutronId(ctx.api, 'network', String(ctx.props.network));
    body.name = str(ctx.props.name) ?? ctx.physicalName;
  }
  if (has('fixed_ips') && !ctx.props.no_fixed_ips) {
    const ips = await fixedIps(ctx);
    if (ips) body.fixed_ips = ips;
  }
  if (ctx.props.no_fixed_ips) body.fixed_ips = [];
  if (has('security_groups') && ctx.props.security_groups !== null) body.security_groups = await securityGroupIds(ctx);
  return { ...body, ...(has('value_specs') ? valueSpecs(ctx.props) : {}) };
}

const port = neutronPlugin('ports', 'port', {
  body: (ctx) => portBody(ctx),
  updateBody: (ctx, changed) => portBody(ctx, changed),
  attributes: {
    ...fields(['admin_state_up', 'device_id', 'device_owner', 'fixed_ips', 'mac_address', 'name', 'network_id', 'security_groups', 'status', 'tenant_id', 'allowed_address_pairs', 'port_security_enabled', 'qos_policy_id', 'dns_assignment', 'propagate_uplink_status']),
    subnets: (s) => list(s.fixed_ips).map((f) => (f as JsonMap).subnet_id ?? null),
    network: (s) => ({ id: s.network_id ?? null }),
  },
}, true);

const floatingIp = neutronPlugin('floatingips', 'floatingip', {
  body: async (ctx) => ({
    floating_network_id: await neutronId(ctx.api, 'network', String(ctx.props.floating_network)),
    ...(await idOf(ctx, 'subnet', ctx.props.floating_subnet, 'subnet_id')),
    ...(await idOf(ctx, 'port', ctx.props.port_id, 'port_id')),
    ...pick(given(ctx), { fixed_ip_address: 'fixed_ip_address', floating_ip_address: 'floating_ip_address', dns_name: 'dns_name', dns_domain: 'dns_domain' }),
    ...valueSpecs(ctx.props),
  }),
  updateBody: async (ctx, changed) =>
    changed.some((c) => c === 'port_id' || c === 'fixed_ip_address')
      ? { port_id: ctx.props.port_id ? await neutronId(ctx.api, 'port', String(ctx.props.port_id)) : null, ...(ctx.props.fixed_ip_address ? { fixed_ip_address: ctx.props.fixed_ip_address } : {}) }
      : {},
  check: () => null,
  attributes: fields(['router_id', 'tenant_id', 'floating_network_id', 'fixed_ip_address', 'floating_ip_address', 'port_id']),
});

const floatingIpAssociation: Plugin = {
  async create(ctx) {
    const portId = await neutronId(ctx.api, 'port', String(ctx.props.port_id));
    await ctx.api.put('network', `/floatingips/${ctx.props.floatingip_id}`, { floatingip: { port_id: portId, ...pick(ctx.props, { fixed_ip_address: 'fixed_ip_address' }) } });
    ctx.res.physicalId = `${String(ctx.props.floatingip_id)}:${portId}`;
    ctx.res.data.fip = ctx.props.floatingip_id;
  },
  async update(ctx) {
    await floatingIpAssociation.delete(ctx);
    await floatingIpAssociation.create(ctx);
  },
  async delete(ctx) {
    if (!ctx.res.data.fip) return;
    await ctx.api.call('network', 'PUT', `/floatingips/${String(ctx.res.data.fip)}`, { floatingip: { port_id: null } }, { accept: [404] });
  },
  attribute: (_res, name) => (name === null ? {} : null),
};

const RULE_FIELDS = { direction: 'direction', ethertype: 'ethertype', port_range_min: 'port_range_min', port_range_max: 'port_range_max', protocol: 'protocol', remote_ip_prefix: 'remote_ip_prefix', description: 'description' };

/** Rules of a SecurityGroup: egress rules replace Neutron's default egress ones (security_group.py). */
async function applyRules(ctx: PluginContext, groupId: string): Promise<void> {
  const rules = list(ctx.props.rules) as JsonMap[];
  const show = (await ctx.api.get('network', `/security-groups/${groupId}`)).body.security_group as JsonMap;
  const existing = list(show.security_group_rules) as JsonMap[];
  const egress = rules.some((r) => (r.direction ?? 'ingress') === 'egress');
  for (const r of existing) {
    if (r.direction === 'ingress' || egress) await ctx.api.remove('network', `/security-group-rules/${String(r.id)}`);
  }
  for (const r of rules) {
    const body: JsonMap = { security_group_id: groupId, direction: 'ingress', ethertype: 'IPv4', ...pick(r, RULE_FIELDS) };
    if (r.remote_mode === 'remote_group_id') body.remote_group_id = r.remote_group_id ? await neutronId(ctx.api, 'security_group', String(r.remote_group_id)) : groupId;
    await ctx.api.post('network', '/security-group-rules', { security_group_rule: body });
  }
}

const securityGroup = neutronPlugin('security-groups', 'security_group', {
  body: async (ctx) => ({ name: str(ctx.props.name) ?? ctx.physicalName, description: str(ctx.props.description) ?? '' }),
  updateBody: async (ctx, changed) => {
    if (changed.includes('rules')) await applyRules(ctx, ctx.res.physicalId);
    return pick(ctx.props, { name: 'name', description: 'description' }, changed);
  },
  afterCreate: async (ctx, show) => {
    if (ctx.props.rules !== null) await applyRules(ctx, String(show.id));
  },
  attributes: {},
});

const securityGroupRule = neutronPlugin('security-group-rules', 'security_group_rule', {
  body: async (ctx) => ({
    security_group_id: await neutronId(ctx.api, 'security_group', String(ctx.props.security_group)),
    direction: str(ctx.props.direction) ?? 'ingress',
    ethertype: str(ctx.props.ethertype) ?? 'IPv4',
    ...pick(given(ctx), RULE_FIELDS),
    ...(await idOf(ctx, 'security_group', ctx.props.remote_group, 'remote_group_id')),
  }),
  attributes: {},
});

export const neutronPlugins: Record<string, Plugin> = {
  'OS::Neutron::Net': net,
  'OS::Neutron::Subnet': subnet,
  'OS::Neutron::Router': router,
  'OS::Neutron::RouterInterface': routerInterface,
  'OS::Neutron::Port': port,
  'OS::Neutron::FloatingIP': floatingIp,
  'OS::Neutron::FloatingIPAssociation': floatingIpAssociation,
  'OS::Neutron::SecurityGroup': securityGroup,
  'OS::Neutron::SecurityGroupRule': securityGroupRule,
};

