// Neutron networks (v2.0). A network is the layer-2 segment (a virtual switch); its subnets (subnet.ts) give it
// layer-3 address ranges, and ports (port.ts) are the plugs on it. Paths are relative to the catalog endpoint,
// which has no version suffix, hence `v2.0/...`.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter, YES_NO } from '../define';
import type { Lookup, ResourceAction, RowMenuItem, StatusInfo } from '../types';
import { networkDependents } from './dependents';
import { maybeStrings } from '../schema';
import { NETWORK_SERVICE, NEUTRON, NEUTRON_STANDARD } from './standard';
import { networkHeat } from '../iac/neutron';

export { NETWORK_SERVICE };

export const NetworkSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  description: z.string().nullable().optional(),
  status: z.string(),
  admin_state_up: z.boolean(),
  shared: z.boolean().default(false),
  'router:external': z.boolean().optional(),
  subnets: z.array(z.string()).default([]),
  mtu: z.number().nullable().optional(),
  port_security_enabled: z.boolean().optional(),
  availability_zones: z.array(z.string()).optional(),
  is_default: z.boolean().optional(),
  ...maybeStrings('dns_domain', 'qos_policy_id', 'provider:network_type', 'provider:physical_network'),
  'provider:segmentation_id': z.number().nullable().optional(),
  ...NEUTRON_STANDARD,
});
/** A list of networks (`v2.0/networks?…`): one schema per path, shared by the pickers and the pages. */
export const NetworksSchema = z.looseObject({ networks: z.array(NetworkSchema) });
export type Network = z.infer<typeof NetworkSchema>;

export function networkStatus(n: Pick<Network, 'status' | 'admin_state_up'>): StatusInfo {
  if (n.status === 'ACTIVE') return n.admin_state_up ? { label: 'ACTIVE', tone: 'ok' } : { label: 'kinds.network.status.adminDown', tone: 'unknown', detail: 'kinds.network.status.adminDownDetail' };
  if (n.status === 'BUILD') return { label: n.status, tone: 'busy' };
  if (n.status === 'ERROR') return { label: n.status, tone: 'error' };
  return { label: n.status, tone: 'unknown' };
}

/**
 * Names of other Neutron objects (`networks`, `security-groups`) for the ids on screen, in one call: Neutron filters
 * by several ids at once with repeated `id=`, and `fields` keeps the answer small.
 */
export function neutronNames<T>(name: string, kind: 'network' | 'security-group', ids: (rows: readonly T[]) => string[]): Lookup<T> {
  const collection = `${kind}s`;
  return {
    name, kind, service: NETWORK_SERVICE, key: collection.replace('-', '_'), ids,
    path: (list) => `v2.0/${collection}?fields=id&fields=name&${list.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`,
    label: (o) => String(o.name || o.id),
  };
}

export const isExternal = (n: Pick<Network, 'router:external'>) => n['router:external'] === true;
const yesNo = (b: boolean | undefined) => msg(b ? 'common.yes' : 'common.no', {});
/** Neutron's admin_state_up as the CLI words it (UP, DOWN); ports say it the same way. */
export const adminStateWords = (up: boolean) => msg(up ? 'kinds.network.adminState.up' : 'kinds.network.adminState.down', {});

/** "name 10.0.0.0/24" for each subnet id, from the subnets lookup. */
export function subnetLabels(n: Pick<Network, 'subnets'>, names: Record<string, string> = {}): string[] {
  return n.subnets.map((id) => names[id] ?? id);
}

export const NETWORK_ACTIONS: readonly ResourceAction<Network>[] = [
  // Always offered, others' shared or external networks too: Neutron's refusal (policy, NetworkInUse) is the answer.
  deleteAction({
    title: 'kinds.network.confirm.deleteTitle',
    path: (n) => `v2.0/networks/${n.id}`, cli: (n) => command('openstack', 'network', 'delete', n.id),
    body: (r) => msg('kinds.network.confirm.deleteBody', { count: r.length, ...rowNames(r, nameOrId, 3) }),
    dependents: networkDependents,
  }),
];

/**
 * Horizon's row: Create subnet, Edit network (and a port, as its Ports tab does), each the network page's own form
 * (`?open=<panel>`, components/network/network-detail.tsx). Not on an external network: Neutron keeps those to admins.
 */
const NETWORK_ROW_MENU: readonly RowMenuItem<Network>[] = [
  { id: 'subnet', label: 'kinds.network.rowMenu.createSubnet', panel: 'subnet', when: (n) => !isExternal(n), cli: (n) => `openstack subnet create --network ${n.id} --subnet-range <cidr> <name>` },
  { id: 'port', label: 'kinds.network.rowMenu.createPort', panel: 'port', when: (n) => !isExternal(n), cli: (n) => `openstack port create --network ${n.id} <name>` },
  { id: 'edit', label: 'kinds.network.rowMenu.edit', panel: 'edit', when: (n) => !isExternal(n), cli: (n) => `openstack network set --name <name> ${n.id}` },
];

export const networkDefinition = define<Network>({
  kind: 'network',
  slug: 'networks',
  label: { singular: 'kinds.network.singular', plural: 'kinds.network.plural', noun: 'kinds.network.noun' },
  ...rest(NEUTRON, 'v2.0/networks', 'network'),
  schema: NetworkSchema,
  status: networkStatus,
  pageSize: 100,
  columns: [
    nameColumn(nameOrId, { sortKey: 'name' }),
    { id: 'subnets', label: 'kinds.network.columns.subnets', value: (n, ctx) => subnetLabels(n, ctx.lookups.subnets), cell: 'list' },
    { id: 'shared', label: 'kinds.network.columns.shared', value: (n) => yesNo(n.shared), sortKey: 'shared' },
    { id: 'external', label: 'kinds.network.columns.external', value: (n) => yesNo(isExternal(n)) },
    { id: 'admin', label: 'kinds.network.columns.adminState', value: (n) => adminStateWords(n.admin_state_up), sortKey: 'admin_state_up' },
    statusColumn((n) => n.status, { sortKey: 'status' }),
    { id: 'mtu', label: 'kinds.network.columns.mtu', value: (n) => n.mtu ?? '', hidden: true },
    idColumn((n) => n.id),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  filters: [
    nameFilter,
    { id: 'shared', label: 'kinds.network.columns.shared', type: 'select', options: YES_NO },
    { id: 'external', param: 'router:external', label: 'kinds.network.columns.external', type: 'select', options: YES_NO },
    statusFilter(['ACTIVE', 'DOWN', 'BUILD', 'ERROR']),
  ],
  lookups: [
    {
      name: 'subnets', kind: 'subnet', service: NETWORK_SERVICE, key: 'subnets',
      ids: (rows) => rows.flatMap((n) => n.subnets),
      // Neutron filters by several ids at once with repeated `id=`; `fields` keeps the answer small.
      path: (ids) => `v2.0/subnets?fields=id&fields=name&fields=cidr&${ids.map((i) => `id=${encodeURIComponent(i)}`).join('&')}`,
      label: (o) => (o.name ? `${String(o.name)} ${String(o.cidr ?? '')}` : String(o.cidr ?? o.id)),
    },
  ],
  // A network delete takes its subnets and DHCP ports with it.
  invalidates: ['subnet', 'port'],
  actions: NETWORK_ACTIONS,
  rowMenu: NETWORK_ROW_MENU,
  overview: [
    { label: 'common.id', value: (n) => n.id, mono: true },
    { label: 'common.status', value: (n) => n.status },
    { label: 'kinds.network.overview.adminState', value: (n) => adminStateWords(n.admin_state_up) },
    { label: 'common.description', value: (n) => n.description ?? '' },
    { label: 'kinds.network.overview.subnets', value: (n, ctx) => subnetLabels(n, ctx.lookups.subnets).join(', '), empty: 'kinds.network.overview.noSubnets' },
    { label: 'kinds.network.overview.shared', value: (n) => yesNo(n.shared) },
    { label: 'kinds.network.overview.external', value: (n) => msg(isExternal(n) ? 'kinds.network.overview.externalYes' : 'common.no', {}) },
    { label: 'kinds.network.overview.mtu', value: (n) => n.mtu ?? '' },
    { label: 'kinds.network.overview.portSecurity', value: (n) => (n.port_security_enabled === undefined ? '' : msg(n.port_security_enabled ? 'kinds.network.overview.portSecurityOn' : 'kinds.network.overview.portSecurityOff', {})) },
    { label: 'kinds.network.overview.availabilityZones', value: (n) => (n.availability_zones ?? []).join(', ') },
    { label: 'kinds.network.overview.networkType', value: (n) => n['provider:network_type'] ?? '', adminOnly: true },
    { label: 'kinds.network.overview.physicalNetwork', value: (n) => n['provider:physical_network'] ?? '', adminOnly: true },
    { label: 'kinds.network.overview.segmentationId', value: (n) => n['provider:segmentation_id'] ?? '', adminOnly: true },
    { label: 'common.projectId', value: (n) => n.project_id ?? n.tenant_id ?? '', mono: true, sensitive: 'projectId' },
    { label: 'common.created', value: (n) => n.created_at ?? '' },
    { label: 'common.updated', value: (n) => n.updated_at ?? '' },
  ],
  heat: networkHeat,
  cli: { list: 'openstack network list --long', show: (n) => command('openstack', 'network', 'show', n.id) },
});

// ---- Create and edit ----------------------------------------------------------------------------

const name = z.string().trim().max(255, { error: 'kinds.network.errors.tooLong' });
const description = z.string().max(255, { error: 'kinds.network.errors.tooLong' });

export const NetworkCreateSchema = z.object({
  name: name.min(1, { error: 'kinds.network.errors.nameRequired' }),
  description,
  adminStateUp: z.boolean(),
});
export type NetworkCreate = z.infer<typeof NetworkCreateSchema>;

export const NetworkEditSchema = z.object({ name, description, adminStateUp: z.boolean() });
export type NetworkEdit = z.infer<typeof NetworkEditSchema>;

export function networkCreateBody(i: NetworkCreate): { network: Record<string, unknown> } {
  const network: Record<string, unknown> = { name: i.name.trim(), admin_state_up: i.adminStateUp };
  if (i.description) network.description = i.description;
  return { network };
}

export function networkCreateCli(i: Partial<NetworkCreate>): string {
  return command('openstack', 'network', 'create', i.description ? '--description' : undefined, i.description, i.adminStateUp === false ? '--disable' : undefined, i.name?.trim() || '<name>');
}

/** Only what changed, so a PUT never resends what another user just edited. */
export function networkEditBody(n: Network, i: NetworkEdit): { network: Record<string, unknown> } {
  const network: Record<string, unknown> = {};
  if (i.name.trim() !== n.name) network.name = i.name.trim();
  if (i.description !== (n.description ?? '')) network.description = i.description;
  if (i.adminStateUp !== n.admin_state_up) network.admin_state_up = i.adminStateUp;
  return { network };
}

export function networkEditCli(n: Network, i: NetworkEdit): string {
  const b = networkEditBody(n, i).network as { name?: string; description?: string; admin_state_up?: boolean };
  return command('openstack', 'network', 'set', { '--name': b.name, '--description': b.description, '--enable': b.admin_state_up === true, '--disable': b.admin_state_up === false }, n.id);
}
