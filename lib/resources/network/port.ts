// Neutron ports: a port is a plug on a network (a virtual NIC), holding a MAC address, fixed IPs from the network's
// subnets and the security groups that filter its traffic. Instances, routers and DHCP own ports too.
import { z } from 'zod';
import { msg, type Msg, type MsgKey, type Text } from '@/lib/i18n/msg';
import { define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter } from '../define';
import type { FormField, ResourceAction, StatusInfo } from '../types';
import { cidrContains, parseCidr, parseIp } from './cidr';
import { issueText } from '@/lib/i18n/issue';
import { command } from '../cli';
import { adminStateWords, NETWORK_SERVICE, neutronNames } from './network';
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
  return { label: p.status, tone: 'unknown', detail: p.status === 'DOWN' ? 'kinds.port.status.downDetail' : undefined };
}

type OwnerCode = 'unattached' | 'instance' | 'dhcp' | 'routerInterface' | 'routerInterfaceDvr' | 'routerInterfaceHa' | 'routerGateway' | 'floatingIp';
const OWNER_CODES: Record<string, OwnerCode> = {
  'network:dhcp': 'dhcp', 'network:router_interface': 'routerInterface', 'network:router_interface_distributed': 'routerInterfaceDvr',
  'network:ha_router_replicated_interface': 'routerInterfaceHa', 'network:router_gateway': 'routerGateway', 'network:floatingip': 'floatingIp',
};
const OWNER_KEYS: Record<OwnerCode, MsgKey> = {
  unattached: 'kinds.port.owners.unattached', instance: 'kinds.port.owners.instance', dhcp: 'kinds.port.owners.dhcp',
  routerInterface: 'kinds.port.owners.routerInterface', routerInterfaceDvr: 'kinds.port.owners.routerInterfaceDvr', routerInterfaceHa: 'kinds.port.owners.routerInterfaceHa',
  routerGateway: 'kinds.port.owners.routerGateway', floatingIp: 'kinds.port.owners.floatingIp',
};
const ownerCode = (owner: string): OwnerCode | undefined => (!owner ? 'unattached' : owner.startsWith('compute:') ? 'instance' : OWNER_CODES[owner]);

/** What a device_owner means to a person (an owner Stratus does not know is shown as Neutron names it). */
export function ownerLabel(owner: string): Text {
  const code = ownerCode(owner);
  return code ? msg(OWNER_KEYS[code], {}) : owner;
}

/** The owner and the device's id ("Instance 1b2c…"), one message whichever the owner. */
const ownerAndDevice = (p: Pick<Port, 'device_owner' | 'device_id'>) =>
  p.device_id ? msg('kinds.port.overview.ownerDevice', { owner: ownerCode(p.device_owner) ?? 'other', raw: p.device_owner, device: p.device_id }) : ownerLabel(p.device_owner);

/** Ports Neutron lets a user delete through the port API (not router or floating IP ports). */
export const canDeletePort = (p: Pick<Port, 'device_owner'>) => !['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface', 'network:router_gateway', 'network:floatingip'].includes(p.device_owner);

export const fixedIpList = (p: Pick<Port, 'fixed_ips'>) => p.fixed_ips.map((f) => f.ip_address);

/** The project's security groups as checkboxes by name (ids as values), for a port's create and edit forms. */
export const securityGroupsField: FormField = {
  name: 'securityGroups',
  label: 'kinds.port.fields.securityGroups',
  type: 'checkboxes',
  optionsFrom: {
    service: NETWORK_SERVICE, kind: 'security-group', key: 'security_groups', schema: SecurityGroupNamesSchema, staleTime: 30_000,
    path: (projectId) => `v2.0/security-groups?project_id=${encodeURIComponent(projectId)}&fields=id&fields=name&fields=description`,
    value: (o) => String(o.id), label: (o) => String(o.name), title: (o) => (typeof o.description === 'string' ? o.description : undefined),
    noun: 'kinds.securityGroup.noun', none: 'kinds.port.fields.noSecurityGroup', loadError: 'kinds.port.fields.securityGroupsLoadError',
  },
};

export const PORT_ACTIONS: readonly ResourceAction<Port>[] = [
  deleteAction({
    title: 'kinds.port.confirm.deleteTitle', allowed: canDeletePort,
    path: (p) => `v2.0/ports/${p.id}`, cli: (p) => command('openstack', 'port', 'delete', p.id),
    body: (r) => msg('kinds.port.confirm.deleteBody', { count: r.length, names: rowNames(r, nameOrId).names }),
  }),
];

export const portDefinition = define<Port>({
  kind: 'port',
  slug: 'ports',
  label: { singular: 'kinds.port.singular', plural: 'kinds.port.plural', noun: 'kinds.port.noun' },
  ...rest(NEUTRON, 'v2.0/ports', 'port'),
  schema: PortSchema,
  status: portStatus,
  addresses: fixedIpList,
  pageSize: 100,
  columns: [
    nameColumn((p) => p.name || p.id.slice(0, 8), { sortKey: 'name' }),
    { id: 'network', label: 'kinds.port.columns.network', value: (p, ctx) => ctx.lookups.networks?.[p.network_id] ?? p.network_id },
    { id: 'ips', label: 'kinds.port.columns.fixedIps', value: fixedIpList, cell: 'list' },
    { id: 'mac', label: 'kinds.port.columns.mac', value: (p) => p.mac_address ?? '', cell: 'mono' },
    { id: 'owner', label: 'kinds.port.columns.owner', value: (p) => ownerLabel(p.device_owner) },
    statusColumn((p) => p.status, { sortKey: 'status' }),
    { id: 'groups', label: 'kinds.port.columns.securityGroups', value: (p, ctx) => p.security_groups.map((g) => ctx.lookups.groups?.[g] ?? g), cell: 'list', hidden: true },
    idColumn((p) => p.id),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  filters: [
    { id: 'network_id', label: 'kinds.port.columns.network', type: 'select', optionsFrom: { service: NETWORK_SERVICE, path: 'v2.0/networks?fields=id&fields=name', key: 'networks', kind: 'network', value: (o) => String(o.id), label: (o) => String(o.name || o.id) } },
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
      label: 'kinds.port.forms.securityGroups.label',
      hint: (p) => `openstack port set --no-security-group --security-group <group> ${p.id}`,
      schema: z.object({ securityGroups: z.array(z.string()) }),
      fields: [{ ...securityGroupsField, hint: 'kinds.port.forms.securityGroups.hint' }],
      initial: (p) => ({ securityGroups: p.security_groups }),
      resetKey: (p) => p.security_groups.join(','),
      note: (p) => (p.port_security_enabled === false ? 'kinds.port.forms.securityGroups.portSecurityOff' : undefined),
      request: (p, i: { securityGroups: string[] }) => ({ method: 'PUT', path: `v2.0/ports/${p.id}`, body: portSecurityGroupsBody(i.securityGroups) }),
      cli: (p, v, labels) => portSecurityGroupsCli(p, Array.isArray(v.securityGroups) ? (v.securityGroups as string[]) : [], labels),
      submitLabel: 'kinds.port.forms.securityGroups.submit',
      errorTitle: 'kinds.port.forms.securityGroups.errorTitle',
    },
  ],
  overview: [
    { label: 'common.id', value: (p) => p.id, mono: true },
    { label: 'common.status', value: (p) => p.status },
    { label: 'kinds.port.overview.network', value: (p, ctx) => ctx.lookups.networks?.[p.network_id] ?? p.network_id },
    { label: 'kinds.port.overview.fixedIps', value: (p) => fixedIpList(p).join(', '), empty: 'kinds.port.overview.none' },
    { label: 'kinds.port.overview.mac', value: (p) => p.mac_address ?? '', mono: true },
    { label: 'kinds.port.overview.owner', value: ownerAndDevice },
    { label: 'kinds.port.overview.securityGroups', value: (p, ctx) => p.security_groups.map((g) => ctx.lookups.groups?.[g] ?? g).join(', '), empty: 'kinds.port.overview.none' },
    { label: 'kinds.port.overview.portSecurity', value: (p) => msg(p.port_security_enabled === false ? 'kinds.port.overview.portSecurityOff' : 'kinds.port.overview.portSecurityOn', {}) },
    { label: 'kinds.port.overview.adminState', value: (p) => adminStateWords(p.admin_state_up !== false) },
    { label: 'common.description', value: (p) => p.description ?? '' },
    { label: 'kinds.port.overview.vnicType', value: (p) => p['binding:vnic_type'] ?? '' },
    { label: 'kinds.port.overview.host', value: (p) => p['binding:host_id'] ?? '', adminOnly: true },
    { label: 'common.projectId', value: (p) => p.project_id ?? p.tenant_id ?? '', mono: true, sensitive: 'projectId' },
    { label: 'common.created', value: (p) => p.created_at ?? '' },
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
      name: z.string().trim().max(255, { error: 'kinds.network.errors.tooLong' }),
      description: z.string().max(255, { error: 'kinds.network.errors.tooLong' }),
      subnetId: z.string(),
      ipAddress: z.string().trim(),
      securityGroups: z.array(z.string()),
    })
    .superRefine((v, ctx) => {
      const issue = (path: keyof typeof v, m: Msg) => ctx.addIssue({ code: 'custom', path: [path], message: issueText(m) });
      if (!v.ipAddress) return;
      const ip = parseIp(v.ipAddress);
      if (!ip) return issue('ipAddress', msg('kinds.subnet.errors.notIp', { value: v.ipAddress }));
      if (!v.subnetId) return issue('subnetId', 'kinds.port.errors.subnetRequired');
      const sub = subnets.find((s) => s.id === v.subnetId);
      const c = sub && parseCidr(sub.cidr);
      if (c && !cidrContains(c, ip)) issue('ipAddress', msg('kinds.port.errors.outside', { cidr: c.text }));
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
