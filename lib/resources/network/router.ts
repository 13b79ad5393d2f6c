// Neutron routers (v2.0). A router forwards traffic between the project's subnets (its interfaces) and, through
// its external gateway, to an external network: that gateway is also what floating IPs are translated on.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn } from '../define';
import type { ApiRequest, StatusInfo } from '../types';
import { NEUTRON } from './standard';
import { routerDependents } from './dependents';
import { neutronNames } from './network';
import { NEUTRON_STANDARD } from './standard';
import { routerHeat } from '../iac/neutron';

const FixedIpSchema = z.looseObject({ subnet_id: z.string().optional(), ip_address: z.string() });

export const RouterSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable().optional(),
  status: z.string(),
  admin_state_up: z.boolean(),
  external_gateway_info: z
    .looseObject({ network_id: z.string(), enable_snat: z.boolean().optional(), external_fixed_ips: z.array(FixedIpSchema).optional() })
    .nullable()
    .optional(),
  routes: z.array(z.looseObject({ destination: z.string(), nexthop: z.string() })).optional(),
  availability_zones: z.array(z.string()).optional(),
  ...NEUTRON_STANDARD,
});
export type Router = z.infer<typeof RouterSchema>;

export function routerStatus(r: Pick<Router, 'status'>): StatusInfo {
  if (r.status === 'ACTIVE') return { label: 'ACTIVE', tone: 'ok' };
  if (r.status === 'ERROR') return { label: 'ERROR', tone: 'error' };
  if (r.status === 'PENDING_CREATE' || r.status === 'PENDING_UPDATE' || r.status === 'PENDING_DELETE') return { label: r.status, tone: 'busy' };
  return { label: r.status, tone: 'unknown' };
}

export const gatewayIps = (r: Router): string[] => (r.external_gateway_info?.external_fixed_ips ?? []).map((f) => f.ip_address);

/** Ports of a router: interfaces on the project's subnets (and their HA/DVR variants) versus its gateway. */
export const ROUTER_INTERFACE_OWNERS = ['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface'];

export const RouterCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.network.errors.nameRequired' }).max(255, { error: 'kinds.network.errors.tooLong' }),
  description: z.string().max(255, { error: 'kinds.network.errors.tooLong' }),
  /** External network id, or empty for a router without a gateway. */
  gatewayNetworkId: z.string(),
  adminStateUp: z.boolean(),
});
export type RouterCreate = z.infer<typeof RouterCreateSchema>;

export function routerCreateRequest(i: RouterCreate): ApiRequest {
  const router: Record<string, unknown> = { name: i.name.trim(), admin_state_up: i.adminStateUp };
  if (i.description) router.description = i.description;
  if (i.gatewayNetworkId) router.external_gateway_info = { network_id: i.gatewayNetworkId };
  return { method: 'POST', path: 'v2.0/routers', body: { router } };
}

export function routerCreateCli(i: Partial<RouterCreate>, networkName?: string): string {
  return command(
    'openstack', 'router', 'create',
    i.gatewayNetworkId ? '--external-gateway' : undefined, i.gatewayNetworkId ? (networkName ?? i.gatewayNetworkId) : undefined,
    i.adminStateUp === false ? '--disable' : undefined,
    i.description ? '--description' : undefined, i.description || undefined,
    i.name?.trim() || '<name>',
  );
}

const names = (rows: readonly Router[]) => rowNames(rows, nameOrId).names;

export const routerDefinition = define<Router, RouterCreate>({
  kind: 'router',
  slug: 'routers',
  label: { singular: 'kinds.router.singular', plural: 'kinds.router.plural', noun: 'kinds.router.noun' },
  ...rest(NEUTRON, 'v2.0/routers', 'router'),
  schema: RouterSchema,
  status: routerStatus,
  columns: [
    nameColumn(nameOrId, { sortKey: 'name' }),
    statusColumn((r) => r.status, { sortKey: 'status' }),
    { id: 'gateway', label: 'kinds.router.columns.gateway', value: (r, ctx) => (r.external_gateway_info ? (ctx.lookups.networks?.[r.external_gateway_info.network_id] ?? r.external_gateway_info.network_id) : msg('kinds.router.columns.noGateway', {})) },
    { id: 'gatewayIps', label: 'kinds.router.columns.gatewayIps', value: gatewayIps, cell: 'list' },
    { id: 'admin', label: 'kinds.router.columns.adminState', value: (r) => msg(r.admin_state_up ? 'kinds.router.columns.adminUp' : 'kinds.router.columns.adminDown', {}), sortKey: 'admin_state_up' },
    idColumn((r) => r.id),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  filters: [nameFilter],
  lookups: [neutronNames('networks', 'network', (rows) => rows.map((r) => r.external_gateway_info?.network_id ?? ''))],
  // Clearing the gateway or deleting the router removes its ports (and the floating IPs' route out).
  invalidates: ['port', 'floating-ip'],
  actions: [
    {
      id: 'clear-gateway', label: 'kinds.router.actions.clearGateway',
      allowed: (r) => !!r.external_gateway_info,
      request: (r) => ({ method: 'PUT', path: `v2.0/routers/${r.id}`, body: { router: { external_gateway_info: {} } } }),
      cli: (r) => command('openstack', 'router', 'unset', '--external-gateway', r.id),
      confirm: {
        title: () => 'kinds.router.confirm.clearGatewayTitle',
        body: (r) => msg('kinds.router.confirm.clearGatewayBody', { names: names(r) }),
        confirmLabel: 'kinds.router.actions.clearGateway',
      },
    },
    {
      id: 'disable', label: 'kinds.router.actions.disable',
      allowed: (r) => r.admin_state_up,
      request: (r) => ({ method: 'PUT', path: `v2.0/routers/${r.id}`, body: { router: { admin_state_up: false } } }),
      optimistic: (r) => ({ ...r, admin_state_up: false }),
      cli: (r) => command('openstack', 'router', 'set', '--disable', r.id),
    },
    {
      id: 'enable', label: 'kinds.router.actions.enable',
      allowed: (r) => !r.admin_state_up,
      request: (r) => ({ method: 'PUT', path: `v2.0/routers/${r.id}`, body: { router: { admin_state_up: true } } }),
      optimistic: (r) => ({ ...r, admin_state_up: true }),
      cli: (r) => command('openstack', 'router', 'set', '--enable', r.id),
    },
    deleteAction({
      title: 'kinds.router.confirm.deleteTitle',
      path: (r) => `v2.0/routers/${r.id}`, cli: (r) => command('openstack', 'router', 'delete', r.id),
      body: (r) => msg('kinds.router.confirm.deleteBody', { names: names(r) }),
      dependents: routerDependents,
    }),
  ],
  // Horizon's row: Set gateway, Add interface; each the router page's own form (`?open=<panel>`, router-detail.tsx).
  rowMenu: [
    { id: 'set-gateway', label: 'kinds.router.rowMenu.setGateway', panel: 'gateway', when: (r) => !r.external_gateway_info, cli: (r) => `openstack router set --external-gateway <network> ${r.id}` },
    { id: 'change-gateway', label: 'kinds.router.rowMenu.changeGateway', panel: 'gateway', when: (r) => !!r.external_gateway_info, cli: (r) => `openstack router set --external-gateway <network> ${r.id}` },
    { id: 'add-interface', label: 'kinds.router.rowMenu.addInterface', panel: 'interface', cli: (r) => `openstack router add subnet ${r.id} <subnet>` },
  ],
  create: {
    schema: RouterCreateSchema,
    // The page has its own form (a pick among external networks); the generic one is not used.
    fields: [],
    defaults: { name: '', description: '', gatewayNetworkId: '', adminStateUp: true },
    request: routerCreateRequest,
    cli: (i) => routerCreateCli(i),
  },
  overview: [
    { label: 'common.id', value: (r) => r.id, mono: true },
    { label: 'common.status', value: (r) => r.status },
    { label: 'kinds.router.overview.adminState', value: (r) => msg(r.admin_state_up ? 'kinds.router.overview.adminUp' : 'kinds.router.overview.adminDown', {}) },
    { label: 'kinds.router.overview.externalNetwork', value: (r, ctx) => (r.external_gateway_info ? `${ctx.lookups.networks?.[r.external_gateway_info.network_id] ?? ''} ${r.external_gateway_info.network_id}`.trim() : ''), empty: 'kinds.router.overview.noGateway' },
    { label: 'kinds.router.overview.gatewayIps', value: (r) => gatewayIps(r).join(', ') },
    { label: 'kinds.router.overview.snat', value: (r) => (r.external_gateway_info ? msg(r.external_gateway_info.enable_snat === false ? 'kinds.router.overview.snatOff' : 'kinds.router.overview.snatOn', {}) : '') },
    { label: 'kinds.router.overview.staticRoutes', value: (r) => (r.routes ?? []).map((x) => msg('kinds.router.overview.route', { destination: x.destination, nexthop: x.nexthop })) },
    { label: 'common.description', value: (r) => r.description ?? '' },
    { label: 'common.created', value: (r) => r.created_at ?? '' },
    { label: 'common.projectId', value: (r) => r.project_id ?? '', mono: true, sensitive: 'projectId' },
  ],
  heat: routerHeat,
  cli: { list: 'openstack router list --long', show: (r) => command('openstack', 'router', 'show', r.id) },
});

export const setGatewayRequest = (routerId: string, networkId: string): ApiRequest => ({
  method: 'PUT', path: `v2.0/routers/${routerId}`, body: { router: { external_gateway_info: { network_id: networkId } } },
});

export const interfaceRequest = (routerId: string, subnetId: string, op: 'add' | 'remove'): ApiRequest => ({
  method: 'PUT', path: `v2.0/routers/${routerId}/${op}_router_interface`, body: { subnet_id: subnetId },
});
export const interfaceCli = (router: string, subnet: string, op: 'add' | 'remove') => command('openstack', 'router', op, 'subnet', router, subnet);
