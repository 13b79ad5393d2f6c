// Neutron ports: a port is a plug on a network (a virtual NIC), holding a MAC address, fixed IPs from the network's
// subnets and the security groups that filter its traffic. Instances, routers and DHCP own ports too.
import { z } from 'zod';
import { define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter } from '../define';
import type { FormField, ResourceAction, StatusInfo } from '../types';
import { cidrContains, parseCidr, parseIp } from './cidr';
import { command } from '../cli';
import { NETWORK_SERVICE, neutronNames } from './network';
import { SecurityGroupNamesSchema } from './security-group';
import { maybeStrings } from '../schema';
import { NEUTRON, NEUTRON_STANDARD } from './standard';

export const FixedIpSchema = z.looseObject({ subnet_id: z.string().optional(), ip_address: z.string() });

export const PortSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  description: z.string().nullable().optional(),
  network_id: z.string().min(1),
  mac_address: z.string().optional(),
  admin_state_up: z.boolean().optional(),
  status: z.string(),
  device_id: z.string().default(''),
  device_owner: z.string().default(''),
  fixed_ips: z.array(FixedIpSchema).default([]),
  security_groups: z.array(z.string()).default([]),
  port_security_enabled: z.boolean().optional(),
  allowed_address_pairs: z.array(z.looseObject({ ip_address: z.string(), mac_address: z.string().optional() })).optional(),
  'binding:vnic_type': z.string().optional(),
  ...maybeStrings('binding:host_id', 'binding:vif_type', 'dns_name'),
  ...NEUTRON_STANDARD,
});
export type Port = z.infer<typeof PortSchema>;

export function portStatus(p: Pick<Port, 'status'>): StatusInfo {
  if (p.status === 'ACTIVE') return { label: 'ACTIVE', tone: 'ok' };
  if (p.status === 'BUILD') return { label: 'BUILD', tone: 'busy' };
  if (p.status === 'ERROR') return { label: 'ERROR', tone: 'error' };
  // DOWN is normal for a port nothing is plugged into yet.
  return { label: p.status, tone: 'unknown', detail: p.status === 'DOWN' ? 'Not bound: no instance or router uses it' : undefined };
}

/** What a device_owner means to a person. */
export function ownerLabel(owner: string): string {
  if (!owner) return 'Unattached';
  if (owner.startsWith('compute:')) return 'Instance';
  const known: Record<string, string> = {
    'network:dhcp': 'DHCP', 'network:router_interface': 'Router interface', 'network:router_interface_distributed': 'Router interface (DVR)',
    'network:ha_router_replicated_interface': 'Router interface (HA)', 'network:router_gateway': 'Router gateway', 'network:floatingip': 'Floating IP',
  };
  return known[owner] ?? owner;
}

/** Ports Neutron lets a user delete through the port API (not router or floating IP ports). */
export const canDeletePort = (p: Pick<Port, 'device_owner'>) => !['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface', 'network:router_gateway', 'network:floatingip'].includes(p.device_owner);

export const fixedIpList = (p: Pick<Port, 'fixed_ips'>) => p.fixed_ips.map((f) => f.ip_address);

/** The project's security groups as checkboxes by name (ids as values), for a port's create and edit forms. */
export const securityGroupsField: FormField = {
  name: 'securityGroups',
  label: 'Security groups',
  type: 'checkboxes',
  optionsFrom: {
    service: NETWORK_SERVICE, kind: 'security-group', key: 'security_groups', schema: SecurityGroupNamesSchema, staleTime: 30_000,
    path: (projectId) => `v2.0/security-groups?project_id=${encodeURIComponent(projectId)}&fields=id&fields=name&fields=description`,
    value: (o) => String(o.id), label: (o) => String(o.name), title: (o) => (typeof o.description === 'string' ? o.description : undefined),
    noun: 'security group', none: 'No security group', loadError: 'Could not load security groups',
  },
};

export const PORT_ACTIONS: readonly ResourceAction<Port>[] = [
  deleteAction({
    noun: 'port', allowed: canDeletePort,
    path: (p) => `v2.0/ports/${p.id}`, cli: (p) => command('openstack', 'port', 'delete', p.id),
    body: (r) => `This deletes ${rowNames(r, nameOrId)} and frees ${r.length === 1 ? 'its' : 'their'} addresses. An instance using ${r.length === 1 ? 'it' : 'one'} loses that interface.`,
  }),
];

export const portDefinition = define<Port>({
  kind: 'port',
  slug: 'ports',
  label: { singular: 'Port', plural: 'Ports' },
  ...rest(NEUTRON, 'v2.0/ports', 'port'),
  schema: PortSchema,
  status: portStatus,
  pageSize: 100,
  columns: [
    nameColumn((p) => p.name || p.id.slice(0, 8), { sortKey: 'name' }),
    { id: 'network', label: 'Network', value: (p, ctx) => ctx.lookups.networks?.[p.network_id] ?? p.network_id },
    { id: 'ips', label: 'Fixed IPs', value: fixedIpList, cell: 'list' },
    { id: 'mac', label: 'MAC address', value: (p) => p.mac_address ?? '', cell: 'mono' },
    { id: 'owner', label: 'Attached to', value: (p) => ownerLabel(p.device_owner) },
    statusColumn((p) => p.status, { sortKey: 'status' }),
    { id: 'groups', label: 'Security groups', value: (p, ctx) => p.security_groups.map((g) => ctx.lookups.groups?.[g] ?? g), cell: 'list', hidden: true },
    idColumn((p) => p.id),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  filters: [
    { id: 'network_id', label: 'Network', type: 'select', optionsFrom: { service: NETWORK_SERVICE, path: 'v2.0/networks?fields=id&fields=name', key: 'networks', kind: 'network', value: (o) => String(o.id), label: (o) => String(o.name || o.id) } },
    nameFilter,
    statusFilter(['ACTIVE', 'DOWN', 'BUILD', 'ERROR']),
  ],
  lookups: [
    neutronNames('networks', 'network', (rows) => rows.map((p) => p.network_id)),
    neutronNames('groups', 'security-group', (rows) => rows.flatMap((p) => p.security_groups)),
  ],
  // A port delete frees its network for deletion and drops the server's interface and floating IP.
  invalidates: ['network', 'server', 'floating-ip'],
  actions: PORT_ACTIONS,
  forms: [
    {
      id: 'security-groups',
      label: 'Edit security groups',
      hint: (p) => `openstack port set --no-security-group --security-group <group> ${p.id}`,
      schema: z.object({ securityGroups: z.array(z.string()) }),
      fields: [{ ...securityGroupsField, hint: 'Security groups are firewalls on this port: traffic is allowed only by their rules (together). None: all inbound traffic is dropped unless port security is off.' }],
      initial: (p) => ({ securityGroups: p.security_groups }),
      resetKey: (p) => p.security_groups.join(','),
      note: (p) => (p.port_security_enabled === false ? 'Port security is off on this port: Neutron refuses security groups until it is enabled.' : undefined),
      request: (p, i: { securityGroups: string[] }) => ({ method: 'PUT', path: `v2.0/ports/${p.id}`, body: portSecurityGroupsBody(i.securityGroups) }),
      cli: (p, v, labels) => portSecurityGroupsCli(p, Array.isArray(v.securityGroups) ? (v.securityGroups as string[]) : [], labels),
      submitLabel: 'Save security groups',
      errorTitle: 'Update refused',
    },
  ],
  overview: [
    { label: 'ID', value: (p) => p.id, mono: true },
    { label: 'Status', value: (p) => p.status },
    { label: 'Network', value: (p, ctx) => ctx.lookups.networks?.[p.network_id] ?? p.network_id },
    { label: 'Fixed IPs', value: (p) => fixedIpList(p).join(', ') || 'None' },
    { label: 'MAC address', value: (p) => p.mac_address ?? '', mono: true },
    { label: 'Attached to', value: (p) => `${ownerLabel(p.device_owner)}${p.device_id ? ` ${p.device_id}` : ''}` },
    { label: 'Security groups', value: (p, ctx) => p.security_groups.map((g) => ctx.lookups.groups?.[g] ?? g).join(', ') || 'None' },
    { label: 'Port security', value: (p) => (p.port_security_enabled === false ? 'Disabled: no filtering, no anti-spoofing' : 'Enabled') },
    { label: 'Admin state', value: (p) => (p.admin_state_up === false ? 'DOWN' : 'UP') },
    { label: 'Description', value: (p) => p.description ?? '' },
    { label: 'VNIC type', value: (p) => p['binding:vnic_type'] ?? '' },
    { label: 'Host', value: (p) => p['binding:host_id'] ?? '', adminOnly: true },
    { label: 'Project ID', value: (p) => p.project_id ?? p.tenant_id ?? '', mono: true },
    { label: 'Created', value: (p) => p.created_at ?? '' },
  ],
  cli: { list: 'openstack port list --long', show: (p) => command('openstack', 'port', 'show', p.id) },
});

// ---- Create and security groups --------------------------------------------------------------------

export interface PortValues {
  name: string;
  description: string;
  /** Subnet to take the fixed IP from ('' = Neutron picks one of the network's subnets). */
  subnetId: string;
  /** Blank = the next free address. */
  ipAddress: string;
  securityGroups: string[];
}

/** Port input; `subnets` are the network's, to check the address lies inside the chosen one. */
export function portCreateSchema(subnets: ReadonlyArray<{ id: string; cidr: string }> = []) {
  return z
    .object({
      name: z.string().trim().max(255, { error: 'At most 255 characters' }),
      description: z.string().max(255, { error: 'At most 255 characters' }),
      subnetId: z.string(),
      ipAddress: z.string().trim(),
      securityGroups: z.array(z.string()),
    })
    .superRefine((v, ctx) => {
      if (!v.ipAddress) return;
      const ip = parseIp(v.ipAddress);
      if (!ip) return ctx.addIssue({ code: 'custom', path: ['ipAddress'], message: `${v.ipAddress} is not an IP address` });
      if (!v.subnetId) return ctx.addIssue({ code: 'custom', path: ['subnetId'], message: 'Choose the subnet the address belongs to' });
      const sub = subnets.find((s) => s.id === v.subnetId);
      const c = sub && parseCidr(sub.cidr);
      if (c && !cidrContains(c, ip)) ctx.addIssue({ code: 'custom', path: ['ipAddress'], message: `The address must be inside ${c.text}` });
    });
}
export type PortCreate = z.infer<ReturnType<typeof portCreateSchema>>;

export function portCreateBody(networkId: string, v: PortCreate): { port: Record<string, unknown> } {
  const port: Record<string, unknown> = { network_id: networkId };
  if (v.name.trim()) port.name = v.name.trim();
  if (v.description) port.description = v.description;
  if (v.subnetId || v.ipAddress) port.fixed_ips = [{ ...(v.subnetId ? { subnet_id: v.subnetId } : {}), ...(v.ipAddress ? { ip_address: v.ipAddress } : {}) }];
  // Without the attribute Neutron applies the project's `default` group; an explicit choice replaces it.
  if (v.securityGroups.length) port.security_groups = v.securityGroups;
  return { port };
}

/** `groups` maps ids to names, so the CLI line reads like what the user picked. */
export function portCreateCli(network: string, v: PortValues, groups: Record<string, string> = {}): string {
  const fixed = [v.subnetId && `subnet=${v.subnetId}`, v.ipAddress.trim() && `ip-address=${v.ipAddress.trim()}`].filter(Boolean).join(',');
  return command(
    'openstack', 'port', 'create',
    { '--network': network || '<network>', '--fixed-ip': fixed || undefined, '--description': v.description || undefined },
    ...v.securityGroups.flatMap((g) => ['--security-group', groups[g] ?? g]),
    v.name.trim() || '<name>',
  );
}

export const portSecurityGroupsBody = (ids: readonly string[]) => ({ port: { security_groups: [...ids] } });

/** Replace the port's groups: `--no-security-group` clears them, each `--security-group` adds one. */
export function portSecurityGroupsCli(p: Pick<Port, 'id'>, ids: readonly string[], groups: Record<string, string> = {}): string {
  return command('openstack', 'port', 'set', '--no-security-group', ...ids.flatMap((g) => ['--security-group', groups[g] ?? g]), p.id);
}
