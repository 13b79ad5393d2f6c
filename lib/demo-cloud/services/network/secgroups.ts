// Neutron security groups and rules, quotas, extensions, version discovery and tags.
import { conflict } from '../../core/errors';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import { bad, clean, int, listReply, pickFields, policy, required, resourceBody, str, who, type Deps, type Obj } from './common';
import { cidrString, formatIp, parseCidr } from './ip';
import { neutronError, now, QUOTA_DEFAULTS, type QuotaKey, type SecurityGroup, type SgRule } from './model';
import type { NetworkModel } from './network-model';

const PROTOCOLS = ['ah', 'dccp', 'egp', 'esp', 'gre', 'hopopt', 'icmp', 'igmp', 'ip', 'ipip', 'ipv6-encap', 'ipv6-frag', 'ipv6-icmp', 'icmpv6', 'ipv6-nonxt', 'ipv6-opts', 'ipv6-route', 'ospf', 'pgm', 'rsvp', 'sctp', 'tcp', 'udp', 'udplite', 'vrrp'];
const PROTOCOL_NUMBERS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, 'ipv6-icmp': 58, icmpv6: 58, sctp: 132, dccp: 33, udplite: 136 };
const PORT_PROTOCOLS = [6, 17, 132, 33, 136];
const ICMP_PROTOCOLS = [1, 58];

const protoNumber = (p: string | null): number | null => (p === null ? null : /^\d+$/.test(p) ? Number(p) : (PROTOCOL_NUMBERS[p] ?? -1));

export const renderRule = (r: SgRule): Obj => clean(r);
export const renderSg = (m: NetworkModel, g: SecurityGroup): Obj => ({ ...clean(g), security_group_rules: m.rulesOf(g.id).map(renderRule) });

const EXTENSIONS: Array<[alias: string, name: string, description: string]> = [
  ['agent', 'agent', 'The agent management extension.'],
  ['allowed-address-pairs', 'Allowed Address Pairs', 'Provides allowed address pairs'],
  ['availability_zone', 'Availability Zone', 'The availability zone extension.'],
  ['binding', 'Port Binding', 'Expose port bindings of a virtual port to external application'],
  ['binding-extended', 'Port Bindings Extended', 'Expose port bindings of a virtual port to external application'],
  ['empty-string-filtering', 'Empty String Filtering Extension', 'Allow filtering by attributes with empty string value'],
  ['external-net', 'Neutron external network', 'Adds external network attribute to network resource.'],
  ['ext-gw-mode', 'Neutron L3 Configurable external gateway mode', 'Extension of the router abstraction for specifying whether SNAT should occur on the external gateway'],
  ['extra_dhcp_opt', 'Neutron Extra DHCP options', 'Extra options configuration for DHCP. For example PXE boot options to DHCP clients can be specified (e.g. tftp-server, server-ip-address, bootfile-name)'],
  ['extraroute', 'Neutron Extra Route', 'Extra routes configuration for L3 router'],
  ['filter-validation', 'Filter parameters validation', 'Provides validation on filter parameters.'],
  ['fip-port-details', 'Floating IP Port Details Extension', 'Add port_details attribute to Floating IP resource'],
  ['ip-substring-filtering', 'IP address substring filtering', 'Provides IP address substring filtering when listing ports'],
  ['ip_allocation', 'IP Allocation', 'IP allocation extension.'],
  ['net-mtu', 'Network MTU', 'Provides MTU attribute for a network resource.'],
  ['net-mtu-writable', 'Network MTU (writable)', 'Provides a writable MTU attribute for a network resource.'],
  ['network_availability_zone', 'Network Availability Zone', 'Availability zone support for network.'],
  ['pagination', 'Pagination support', 'Extension that indicates that pagination is enabled.'],
  ['port-security', 'Port Security', 'Provides port security'],
  ['project-id', 'project_id field enabled', 'Extension that indicates that project_id field is enabled.'],
  ['provider', 'Provider Network', 'Expose mapping of virtual networks to physical networks'],
  ['quotas', 'Quota management support', 'Expose functions for quotas management per project'],
  ['quota_details', 'Quota details management support', 'Expose functions for quotas usage statistics per project'],
  ['router', 'Neutron L3 Router', 'Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway.'],
  ['router_availability_zone', 'Router Availability Zone', 'Availability zone support for router.'],
  ['security-group', 'security-group', 'The security groups extension.'],
  ['security-groups-normalized-cidr', 'Security Group Rules Normalized CIDR', 'Add new field with normalized remote_ip_prefix cidr in SG rule'],
  ['sorting', 'Sorting support', 'Extension that indicates that sorting is enabled.'],
  ['standard-attr-description', 'standard-attr-description', 'Extension to add descriptions to standard attributes'],
  ['standard-attr-revisions', 'Resource revision numbers', 'This extension will display the revision number of neutron resources.'],
  ['standard-attr-tag', 'Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip', 'Enables to set tag on resources with standard attribute.'],
  ['standard-attr-timestamp', 'Resource timestamps', 'Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes.'],
  ['stateful-security-group', 'Stateful security group', 'Indicates if the security group is stateful or not'],
  ['subnet_allocation', 'Subnet Allocation', 'Enables allocation of subnets from a subnet pool'],
  ['subnet-service-types', 'Subnet service types', 'Provides ability to set the subnet service_types field'],
];

const TAGGABLE: Record<string, keyof NetworkModel['s']> = {
  networks: 'networks', subnets: 'subnets', ports: 'ports', routers: 'routers', floatingips: 'floatingips', 'security-groups': 'securityGroups',
};

export function securityRoutes(r: Router, { m }: Deps): void {
  const s = m.s;
  const ownSg = (id: string, pid: string, admin: boolean) => {
    const g = s.securityGroups[id];
    if (!g || (!admin && g.project_id !== pid)) throw neutronError(404, 'SecurityGroupNotFound', `Security group ${id} does not exist`);
    return g;
  };

  // ---------- version discovery and extensions ----------
  r.get('/', (ctx) => json(200, { versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${ctx.serviceUrl}/v2.0/` }] }] }));
  r.get('/v2.0', (ctx) => {
    ctx.auth();
    const res = (name: string, collection: string) => ({ name, collection, links: [{ rel: 'self', href: `${ctx.serviceUrl}/v2.0/${collection}` }] });
    return json(200, { resources: [res('network', 'networks'), res('subnet', 'subnets'), res('subnetpool', 'subnetpools'), res('port', 'ports')] });
  });
  const ext = ([alias, name, description]: (typeof EXTENSIONS)[number]) => ({ name, alias, description, updated: '2013-01-01T10:00:00-00:00', links: [] });
  r.get('/v2.0/extensions', (ctx) => {
    ctx.auth();
    return json(200, { extensions: EXTENSIONS.map(ext) });
  });
  r.get('/v2.0/extensions/{alias}', (ctx) => {
    ctx.auth();
    const e = EXTENSIONS.find(([a]) => a === ctx.params.alias);
    if (!e) throw neutronError(404, 'HTTPNotFound', `Extension with alias ${ctx.params.alias} does not exist`);
    return json(200, { extension: ext(e) });
  });

  // ---------- security groups ----------
  r.get('/v2.0/security-groups', (ctx) => {
    const { pid, admin } = who(ctx);
    m.ensureDefaultSg(pid);
    return listReply(ctx, 'security_groups', 'Security group', Object.values(s.securityGroups).filter((g) => admin || g.project_id === pid).map((g) => renderSg(m, g)));
  });
  r.get('/v2.0/security-groups/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    return json(200, { security_group: pickFields(ctx, renderSg(m, ownSg(ctx.params.id, pid, admin))) });
  });
  r.post('/v2.0/security-groups', async (ctx) => {
    const { pid, admin } = who(ctx);
    const body = await resourceBody(ctx, 'security_group', ['name', 'description', 'stateful', 'tenant_id', 'project_id']);
    const project = str(body, 'project_id') ?? str(body, 'tenant_id') ?? pid;
    if (project !== pid && !admin) throw policy('(rule:create_security_group and rule:create_security_group:tenant_id)');
    m.ensureDefaultSg(project);
    const name = str(body, 'name') ?? '';
    if (name === 'default') throw conflict('Default security group already exists.', { type: 'SecurityGroupDefaultAlreadyExists' });
    m.checkQuota(project, 'security_group');
    const g = m.createSecurityGroup(project, name, str(body, 'description') ?? '');
    if (body.stateful === false) g.stateful = false;
    return json(201, { security_group: renderSg(m, g) });
  });
  r.put('/v2.0/security-groups/{id}', async (ctx) => {
    const { pid, admin } = who(ctx);
    const g = ownSg(ctx.params.id, pid, admin);
    const body = await resourceBody(ctx, 'security_group', ['name', 'description', 'stateful'], ['id', 'tenant_id', 'project_id']);
    if (body.name !== undefined) {
      const name = str(body, 'name')!;
      if (g.name === 'default' && name !== 'default' && s.defaultSg[g.project_id] === g.id) throw conflict('Updating default security group not allowed.', { type: 'SecurityGroupCannotUpdateDefault' });
      g.name = name;
    }
    if (body.description !== undefined) g.description = str(body, 'description')!;
    if (typeof body.stateful === 'boolean') g.stateful = body.stateful;
    g.updated_at = now();
    g.revision_number++;
    return json(200, { security_group: renderSg(m, g) });
  });
  r.delete('/v2.0/security-groups/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    const g = ownSg(ctx.params.id, pid, admin);
    if (s.defaultSg[g.project_id] === g.id && !admin) throw conflict('Insufficient rights for removing default security group.', { type: 'SecurityGroupCannotRemoveDefault' });
    if (Object.values(s.ports).some((p) => p.security_groups.includes(g.id))) throw conflict(`Security Group ${g.id} in use.`, { type: 'SecurityGroupInUse' });
    for (const rule of Object.values(s.rules)) if (rule.security_group_id === g.id || rule.remote_group_id === g.id) delete s.rules[rule.id];
    if (s.defaultSg[g.project_id] === g.id) delete s.defaultSg[g.project_id];
    delete s.securityGroups[g.id];
    return noContent();
  });

  // ---------- rules ----------
  const ownRule = (id: string, pid: string, admin: boolean) => {
    const rule = s.rules[id];
    if (!rule || (!admin && rule.project_id !== pid)) throw neutronError(404, 'SecurityGroupRuleNotFound', `Security group rule ${id} does not exist`);
    return rule;
  };
  r.get('/v2.0/security-group-rules', (ctx) => {
    const { pid, admin } = who(ctx);
    m.ensureDefaultSg(pid);
    return listReply(ctx, 'security_group_rules', 'Security group rule', Object.values(s.rules).filter((x) => admin || x.project_id === pid).map(renderRule));
  });
  r.get('/v2.0/security-group-rules/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    return json(200, { security_group_rule: pickFields(ctx, renderRule(ownRule(ctx.params.id, pid, admin))) });
  });
  r.post('/v2.0/security-group-rules', async (ctx) => {
    const { pid, admin } = who(ctx);
    const body = await resourceBody(ctx, 'security_group_rule', ['security_group_id', 'direction', 'ethertype', 'protocol', 'port_range_min', 'port_range_max', 'remote_ip_prefix', 'remote_group_id', 'remote_address_group_id', 'description', 'tenant_id', 'project_id']);
    required(body, 'security_group_id');
    required(body, 'direction');
    const direction = String(body.direction);
    if (!['ingress', 'egress'].includes(direction)) throw bad(`Invalid input for direction. Reason: ${direction} is not in valid_values.`);
    const ethertype = body.ethertype === undefined || body.ethertype === null ? 'IPv4' : String(body.ethertype);
    if (!['IPv4', 'IPv6'].includes(ethertype)) throw bad(`Invalid input for ethertype. Reason: ${ethertype} is not in valid_values.`);
    let protocol: string | null = body.protocol === undefined || body.protocol === null || body.protocol === '' || body.protocol === 'any' ? null : String(body.protocol).toLowerCase();
    if (protocol !== null && !PROTOCOLS.includes(protocol) && !(/^\d+$/.test(protocol) && Number(protocol) <= 255)) {
      throw bad(`Security group rule protocol ${String(body.protocol)} not supported. Only protocol values [None, ${PROTOCOLS.map((p) => `'${p}'`).join(', ')}] and integer representations [0 to 255] are supported.`, 'SecurityGroupRuleInvalidProtocol');
    }
    if (protocol === 'icmp' && ethertype === 'IPv6') protocol = 'ipv6-icmp';
    const min = int(body, 'port_range_min') ?? null;
    const max = int(body, 'port_range_max') ?? null;
    for (const v of [min, max]) if (v !== null && (v < 0 || v > 65535)) throw bad(`Invalid value for port ${v}`, 'SecurityGroupInvalidPortValue');
    const num = protoNumber(protocol);
    if ((min !== null || max !== null) && protocol === null) throw bad('Must also specify protocol if port range is given.', 'SecurityGroupProtocolRequiredWithPorts');
    if (num !== null && PORT_PROTOCOLS.includes(num)) {
      if (min === 0 || max === 0) throw bad('Invalid value for port 0', 'SecurityGroupInvalidPortValue');
      if ((min === null) !== (max === null) || (min !== null && max !== null && min > max)) {
        throw bad('For TCP/UDP protocols, port_range_min must be <= port_range_max', 'SecurityGroupInvalidPortRange');
      }
    } else if (num !== null && ICMP_PROTOCOLS.includes(num)) {
      if (min !== null && min > 255) throw bad(`Invalid value for ICMP type (port_range_min) ${min}. It must be 0 to 255.`, 'SecurityGroupInvalidIcmpValue');
      if (max !== null && max > 255) throw bad(`Invalid value for ICMP code (port_range_max) ${max}. It must be 0 to 255.`, 'SecurityGroupInvalidIcmpValue');
      if (min === null && max !== null) throw bad(`ICMP code (port-range-max) ${max} is provided but ICMP type (port-range-min) is missing.`, 'SecurityGroupMissingIcmpType');
    }
    let prefix: string | null = null;
    let normalized: string | null = null;
    if (body.remote_ip_prefix !== undefined && body.remote_ip_prefix !== null) {
      const c = parseCidr(body.remote_ip_prefix);
      // Neutron's convert_ip_prefix_to_cidr (checked on Zed): 400 InvalidCIDR.
      if (!c) throw bad(`Invalid CIDR ${String(body.remote_ip_prefix)} given as IP prefix.`, 'InvalidCIDR');
      if ((c.version === 4 ? 'IPv4' : 'IPv6') !== ethertype) throw bad(`Conflicting value ethertype ${ethertype} for CIDR ${String(body.remote_ip_prefix)}`, 'SecurityGroupRuleParameterConflict');
      prefix = `${formatIp(c.version, c.address)}/${c.prefix}`;
      normalized = cidrString(c);
    }
    const remoteGroup = (body.remote_group_id as string | null | undefined) ?? null;
    if (prefix && remoteGroup) throw bad('Only one of remote_ip_prefix or remote_group_id or remote_address_group_id may be provided.', 'SecurityGroupMultipleRemoteEntites');
    const g = ownSg(String(body.security_group_id), pid, admin);
    if (remoteGroup) ownSg(remoteGroup, pid, admin);
    const anyNet = (x: string | null) => (x === '0.0.0.0/0' || x === '::/0' ? null : x);
    const dup = m.rulesOf(g.id).find((x) =>
      x.direction === direction && x.ethertype === ethertype && protoNumber(x.protocol) === num && x.port_range_min === min && x.port_range_max === max &&
      anyNet(x.normalized_cidr) === anyNet(normalized) && x.remote_group_id === remoteGroup);
    if (dup) throw conflict(`Security group rule already exists. Rule id is ${dup.id}.`, { type: 'SecurityGroupRuleExists' });
    m.checkQuota(g.project_id, 'security_group_rule');
    const rule = m.newRule(g, {
      direction: direction as SgRule['direction'], ethertype: ethertype as SgRule['ethertype'], protocol, port_range_min: min, port_range_max: max,
      remote_ip_prefix: prefix, normalized_cidr: normalized, remote_group_id: remoteGroup, description: str(body, 'description') ?? '',
    });
    g.revision_number++;
    return json(201, { security_group_rule: renderRule(rule) });
  });
  r.delete('/v2.0/security-group-rules/{id}', (ctx) => {
    const { pid, admin } = who(ctx);
    const rule = ownRule(ctx.params.id, pid, admin);
    delete s.rules[rule.id];
    const g = s.securityGroups[rule.security_group_id];
    if (g) g.revision_number++;
    return noContent();
  });

  // ---------- quotas ----------
  const quotaKeys = Object.keys(QUOTA_DEFAULTS) as QuotaKey[];
  r.get('/v2.0/quotas', (ctx) => {
    const { admin } = who(ctx);
    if (!admin) throw policy('rule:get_quota');
    return json(200, { quotas: Object.entries(s.quotas).map(([p]) => ({ ...m.quotaOf(p), tenant_id: p, project_id: p })) });
  });
  const quotaTarget = (ctx: Parameters<Parameters<Router['get']>[1]>[0], rule: string) => {
    const { pid, admin } = who(ctx);
    if (!admin && ctx.params.project_id !== pid) throw policy(rule);
    return ctx.params.project_id;
  };
  r.get('/v2.0/quotas/{project_id}', (ctx) => json(200, { quota: m.quotaOf(quotaTarget(ctx, 'rule:get_quota')) }));
  r.get('/v2.0/quotas/{project_id}/default', (ctx) => {
    quotaTarget(ctx, 'rule:get_quota');
    return json(200, { quota: { ...QUOTA_DEFAULTS } });
  });
  r.get('/v2.0/quotas/{project_id}/details', (ctx) => {
    const p = quotaTarget(ctx, 'rule:get_quota');
    const q = m.quotaOf(p);
    return json(200, { quota: Object.fromEntries(quotaKeys.map((k) => [k, { limit: q[k], used: m.used(p, k), reserved: 0 }])) });
  });
  r.put('/v2.0/quotas/{project_id}', async (ctx) => {
    const { admin } = who(ctx);
    if (!admin) throw policy('rule:update_quota');
    const body = await resourceBody(ctx, 'quota', [...quotaKeys, 'check_limit', 'force']);
    const patch: Partial<Record<QuotaKey, number>> = {};
    for (const k of quotaKeys) {
      if (body[k] === undefined) continue;
      const v = body[k];
      // Neutron's convert_to_int is Python's int(): 1.5 becomes 1; then the range validator.
      const n = typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : typeof v === 'number' ? Math.trunc(v) : NaN;
      if (!Number.isInteger(n)) throw bad(`Invalid input for operation: '${String(v)}' is not an integer.`, 'InvalidInput');
      if (n < -1) throw bad(`Invalid input for ${k}. Reason: '${n}' is too small - must be at least '-1'.`);
      patch[k] = n;
    }
    s.quotas[ctx.params.project_id] = { ...(s.quotas[ctx.params.project_id] ?? {}), ...patch };
    return json(200, { quota: m.quotaOf(ctx.params.project_id) });
  });
  r.delete('/v2.0/quotas/{project_id}', (ctx) => {
    const { admin } = who(ctx);
    if (!admin) throw policy('rule:delete_quota');
    delete s.quotas[ctx.params.project_id];
    return noContent();
  });

  // ---------- tags (standard-attr-tag) ----------
  const tagged = (ctx: Parameters<Parameters<Router['get']>[1]>[0]) => {
    const { pid, admin } = who(ctx);
    const key = TAGGABLE[ctx.params.resource];
    if (!key) throw neutronError(404, 'HTTPNotFound', 'The resource could not be found.');
    const rec = (s[key] as Record<string, { project_id: string; tags: string[]; revision_number: number }>)[ctx.params.id];
    const visible = rec && (admin || rec.project_id === pid || (key === 'networks' && m.networkVisible(s.networks[ctx.params.id], pid, admin)));
    if (!visible) throw neutronError(404, 'NotFound', `${ctx.params.resource.replace(/s$/, '')} ${ctx.params.id} could not be found.`);
    return rec;
  };
  r.get('/v2.0/{resource}/{id}/tags', (ctx) => json(200, { tags: tagged(ctx).tags }));
  r.put('/v2.0/{resource}/{id}/tags', async (ctx) => {
    const rec = tagged(ctx);
    const body = (await ctx.json()) as Obj;
    if (!body || !Array.isArray(body.tags)) throw bad("Invalid input for tags. Reason: Invalid tags body.");
    rec.tags = [...new Set(body.tags.map(String))];
    rec.revision_number++;
    return json(200, { tags: rec.tags });
  });
  r.delete('/v2.0/{resource}/{id}/tags', (ctx) => {
    const rec = tagged(ctx);
    rec.tags = [];
    return noContent();
  });
  r.put('/v2.0/{resource}/{id}/tags/{tag}', (ctx) => {
    const rec = tagged(ctx);
    if (!rec.tags.includes(ctx.params.tag)) rec.tags.push(ctx.params.tag);
    return { status: 201, body: null };
  });
  r.get('/v2.0/{resource}/{id}/tags/{tag}', (ctx) => {
    const rec = tagged(ctx);
    if (!rec.tags.includes(ctx.params.tag)) throw neutronError(404, 'TagNotFound', `Tag ${ctx.params.tag} could not be found for ${ctx.params.resource} ${ctx.params.id}.`);
    return noContent();
  });
  r.delete('/v2.0/{resource}/{id}/tags/{tag}', (ctx) => {
    const rec = tagged(ctx);
    if (!rec.tags.includes(ctx.params.tag)) throw neutronError(404, 'TagNotFound', `Tag ${ctx.params.tag} could not be found for ${ctx.params.resource} ${ctx.params.id}.`);
    rec.tags = rec.tags.filter((t) => t !== ctx.params.tag);
    return noContent();
  });
}
