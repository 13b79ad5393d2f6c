// Neutron floating IPs (v2.0). A floating IP is a public address from an external network's pool; associated with
// a port (an instance's interface), the router between them translates it to the port's fixed (private) address.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { deleteAction, idColumn, rowNames, statusColumn, statusFilter } from '../define';
import { linkedField, linkTo } from '../overview-links';
import type { ApiRequest, ResourceDefinition, StatusInfo } from '../types';
import { NetworksSchema, neutronNames } from './network';
import { NETWORK_SERVICE } from './security-group';
import { floatingIpHeat } from '../iac/neutron';

export const FloatingIpSchema = z.looseObject({
  id: z.string().min(1),
  floating_ip_address: z.string(),
  floating_network_id: z.string(),
  fixed_ip_address: z.string().nullable().optional(),
  port_id: z.string().nullable().optional(),
  router_id: z.string().nullable().optional(),
  status: z.string(),
  description: z.string().nullable().optional(),
  project_id: z.string().optional(),
  dns_name: z.string().nullable().optional(),
  dns_domain: z.string().nullable().optional(),
  port_details: z
    .looseObject({ name: z.string().optional(), network_id: z.string().optional(), device_id: z.string().optional(), device_owner: z.string().optional(), status: z.string().optional() })
    .nullable()
    .optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type FloatingIp = z.infer<typeof FloatingIpSchema>;

/** How long after an association a DOWN floating IP counts as on its way to ACTIVE (an L3 agent wiring it up). */
export const SETTLE_MS = 120_000;

/**
 * ACTIVE when translated; DOWN when unassociated, or associated and not yet (or, on clouds without an L3 agent, never)
 * activated. Just after an association (updated_at within SETTLE_MS) DOWN is transitional, so the list and the
 * detail page poll every 2 s until it turns ACTIVE; after that it is left as it is, polled as idle.
 */
export function floatingIpStatus(f: Pick<FloatingIp, 'status' | 'port_id' | 'updated_at'>, now = Date.now()): StatusInfo {
  if (f.status === 'ACTIVE') return { label: 'ACTIVE', tone: 'ok' };
  if (f.status === 'ERROR') return { label: 'ERROR', tone: 'error' };
  if (f.status === 'DOWN') {
    if (!f.port_id) return { label: 'DOWN', tone: 'unknown', detail: 'kinds.floatingIp.status.downUnassociated' };
    const since = f.updated_at ? now - Date.parse(f.updated_at) : Infinity;
    return { label: 'DOWN', tone: since < SETTLE_MS ? 'busy' : 'unknown', detail: 'kinds.floatingIp.status.downAssociated' };
  }
  return { label: f.status, tone: 'unknown' };
}

/** The instance behind the port (Neutron's port_details carries the device), when it is one. */
export const instanceOf = (f: FloatingIp): string | undefined =>
  f.port_details?.device_owner?.startsWith('compute:') ? f.port_details.device_id : undefined;

export const isAssociated = (f: FloatingIp) => !!f.port_id;

/** What the address does now, in a sentence (the detail page's overview). */
export const translation = (f: FloatingIp) =>
  !f.port_id
    ? msg('kinds.floatingIp.overview.notTranslated', {})
    : f.fixed_ip_address
      ? msg('kinds.floatingIp.overview.translatedTo', { address: f.floating_ip_address, fixed: f.fixed_ip_address })
      : msg('kinds.floatingIp.overview.translatedToPort', { address: f.floating_ip_address });

/** The status with what DOWN means, for the overview (the status itself as Neutron says it). */
const statusWords = (f: FloatingIp) =>
  f.status === 'DOWN' ? msg(f.port_id ? 'kinds.floatingIp.overview.statusDownAssociated' : 'kinds.floatingIp.overview.statusDownUnassociated', { status: f.status }) : f.status;

export const associateRequest = (fipId: string, portId: string, fixedIp?: string): ApiRequest => ({
  method: 'PUT', path: `v2.0/floatingips/${fipId}`, body: { floatingip: { port_id: portId, ...(fixedIp ? { fixed_ip_address: fixedIp } : {}) } },
});
export const associateCli = (fip: string, port: string, fixedIp?: string) =>
  command('openstack', 'floating', 'ip', 'set', '--port', port, fixedIp ? '--fixed-ip-address' : undefined, fixedIp, fip);

/** One fixed IPv4 address of a port: what an association needs (port_id + fixed_ip_address), as "port id|fixed ip". */
export interface AssociateTarget {
  value: string;
  port: { id: string; name?: string };
  ip: string;
}
type TargetPort = { id: string; name?: string; fixed_ips: readonly { ip_address: string }[] };

/** "port id|fixed ip" for each fixed IPv4 of each port: the choice the API needs (port_id + fixed_ip_address). */
export const associateTargets = (ports: readonly TargetPort[]): AssociateTarget[] =>
  ports.flatMap((p) => p.fixed_ips.filter((f) => !f.ip_address.includes(':')).map((f) => ({ value: `${p.id}|${f.ip_address}`, port: p, ip: f.ip_address })));

/** The chosen (or only) port/fixed-IP pair; the fixed IP is sent only when the choice was needed. */
export function resolveTarget(ports: readonly TargetPort[], value: string): { portId: string; fixedIp?: string } | undefined {
  const list = associateTargets(ports);
  if (list.length === 1) return { portId: list[0].port.id, fixedIp: ports.length === 1 && ports[0].fixed_ips.length === 1 ? undefined : list[0].ip };
  const t = list.find((x) => x.value === value);
  return t && { portId: t.port.id, fixedIp: t.ip };
}

export const disassociateRequest = (fipId: string): ApiRequest => ({ method: 'PUT', path: `v2.0/floatingips/${fipId}`, body: { floatingip: { port_id: null } } });
export const disassociateCli = (fip: string) => command('openstack', 'floating', 'ip', 'unset', '--port', fip);

export const FloatingIpCreateSchema = z.object({
  networkId: z.string().min(1, { error: 'kinds.floatingIp.errors.poolRequired' }),
  description: z.string().max(255, { error: 'kinds.network.errors.tooLong' }),
});
export type FloatingIpCreate = z.infer<typeof FloatingIpCreateSchema>;

export function floatingIpCreateCli(i: Partial<FloatingIpCreate>, networkName?: string): string {
  return command('openstack', 'floating', 'ip', 'create', i.description ? '--description' : undefined, i.description || undefined, i.networkId ? (networkName ?? i.networkId) : '<network>');
}

export const floatingIpDefinition: ResourceDefinition<FloatingIp, FloatingIpCreate> = {
  kind: 'floating-ip',
  slug: 'floating-ips',
  label: { singular: 'kinds.floatingIp.singular', plural: 'kinds.floatingIp.plural', noun: 'kinds.floatingIp.noun' },
  service: NETWORK_SERVICE,
  paths: { list: 'v2.0/floatingips', item: (id) => `v2.0/floatingips/${id}` },
  keys: { list: 'floatingips', item: 'floatingip' },
  schema: FloatingIpSchema,
  id: (f) => f.id,
  name: (f) => f.floating_ip_address,
  status: floatingIpStatus,
  addresses: (f) => [f.floating_ip_address, ...(f.fixed_ip_address ? [f.fixed_ip_address] : [])],
  columns: [
    { id: 'address', label: 'kinds.floatingIp.columns.address', value: (f) => f.floating_ip_address, cell: 'name', sortKey: 'floating_ip_address' },
    statusColumn((f) => f.status, { sortKey: 'status' }),
    { id: 'fixed', label: 'kinds.floatingIp.columns.fixedIp', value: (f) => f.fixed_ip_address ?? '', cell: 'mono' },
    {
      id: 'target', label: 'kinds.floatingIp.columns.target',
      value: (f, ctx) => {
        const server = instanceOf(f);
        if (server) return ctx.lookups.servers?.[server] ?? server;
        return f.port_id ? msg('kinds.floatingIp.columns.targetPort', { port: f.port_details?.name || f.port_id }) : msg('kinds.floatingIp.notAssociated', {});
      },
    },
    { id: 'pool', label: 'kinds.floatingIp.columns.pool', value: (f, ctx) => ctx.lookups.networks?.[f.floating_network_id] ?? f.floating_network_id },
    { id: 'description', label: 'common.description', value: (f) => f.description ?? '', hidden: true },
    idColumn((f) => f.id),
  ],
  defaultSort: { column: 'address', dir: 'asc' },
  filters: [
    { id: 'floating_ip_address', label: 'kinds.floatingIp.columns.address', type: 'text' },
    statusFilter(['ACTIVE', 'DOWN', 'ERROR']),
  ],
  lookups: [
    neutronNames('networks', 'network', (rows) => rows.map((f) => f.floating_network_id)),
    {
      name: 'servers', kind: 'server', service: 'compute', key: 'servers',
      ids: (rows) => rows.map((f) => instanceOf(f) ?? ''),
      path: () => 'servers?limit=1000',
      label: (o) => String(o.name ?? o.id),
    },
    {
      // The router that translates the address (the detail page names it); Neutron filters routers by several ids.
      name: 'routers', kind: 'router', service: NETWORK_SERVICE, key: 'routers',
      ids: (rows) => rows.map((f) => f.router_id ?? ''),
      path: (ids) => `v2.0/routers?fields=id&fields=name&${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`,
      label: (o) => String(o.name || o.id),
    },
  ],
  // An association or release changes the server's addresses and the port's.
  invalidates: ['server', 'port'],
  actions: [
    {
      id: 'disassociate', label: 'kinds.floatingIp.actions.disassociate',
      allowed: isAssociated,
      request: (f) => disassociateRequest(f.id),
      optimistic: (f) => ({ ...f, port_id: null, fixed_ip_address: null, port_details: null, status: 'DOWN' }),
      // The instance loses its public address at once: asked first, like every other destructive action.
      confirm: {
        title: (r) => msg('kinds.floatingIp.confirm.disassociateTitle', { count: r.length }),
        body: (r) => msg('kinds.floatingIp.confirm.disassociateBody', { count: r.length, names: rowNames(r, (f) => f.floating_ip_address).names }),
        confirmLabel: 'kinds.floatingIp.actions.disassociate',
        destructive: true,
      },
      cli: (f) => disassociateCli(f.floating_ip_address),
    },
    deleteAction({
      title: 'kinds.floatingIp.confirm.releaseTitle', verb: 'kinds.floatingIp.actions.release',
      path: (f) => `v2.0/floatingips/${f.id}`, cli: (f) => command('openstack', 'floating', 'ip', 'delete', f.floating_ip_address),
      body: (r) => msg('kinds.floatingIp.confirm.releaseBody', { count: r.length, names: rowNames(r, (f) => f.floating_ip_address).names }),
    }),
  ],
  create: {
    schema: FloatingIpCreateSchema,
    fields: [
      {
        name: 'networkId', label: 'kinds.floatingIp.fields.pool', type: 'select',
        optionsFrom: {
          service: NETWORK_SERVICE, kind: 'network', path: 'v2.0/networks?router:external=true', key: 'networks', schema: NetworksSchema,
          value: (o) => String(o.id), label: (o) => String(o.name ?? ''),
          noun: 'kinds.network.noun', choose: 'kinds.floatingIp.fields.choosePool', none: 'kinds.floatingIp.fields.noPool', single: true,
        },
      },
      { name: 'description', label: 'common.description', type: 'text' },
    ],
    defaults: { networkId: '', description: '' },
    modes: [{ id: 'create', label: 'kinds.floatingIp.create.title', fields: ['networkId', 'description'], submitLabel: 'kinds.floatingIp.create.submit' }],
    explain: 'kinds.floatingIp.create.explain',
    errorTitle: 'kinds.floatingIp.create.errorTitle',
    request: (i) => ({ method: 'POST', path: 'v2.0/floatingips', body: { floatingip: { floating_network_id: i.networkId, ...(i.description ? { description: i.description } : {}) } } }),
    cli: (i, labels) => floatingIpCreateCli(i, labels?.[i.networkId]),
  },
  // Associating (or moving) means choosing an instance address among those a router connects to the pool: the
  // floating IPs list opens that form (`?associate=<id>`, components/network/floating-ip-list.tsx); the PTR record of
  // the address is kept with the zones (Reverse DNS).
  links: [
    {
      label: 'kinds.floatingIp.links.associate', when: (f) => !isAssociated(f),
      to: (f) => ({ slug: 'floating-ips', query: `associate=${encodeURIComponent(f.id)}` }),
      cli: (f) => associateCli(f.floating_ip_address, '<port>'),
    },
    {
      label: 'kinds.floatingIp.links.move', when: isAssociated,
      to: (f) => ({ slug: 'floating-ips', query: `associate=${encodeURIComponent(f.id)}` }),
      cli: (f) => associateCli(f.floating_ip_address, '<port>'),
    },
    { label: 'kinds.floatingIp.links.reverseDns', needsSection: true, to: () => ({ slug: 'zones' }), cli: (f) => command('openstack', 'ptr', 'record', 'show', `<region>:${f.id}`) },
  ],
  overview: [
    { label: 'kinds.floatingIp.overview.translation', value: translation },
    { label: 'common.id', value: (f) => f.id, mono: true },
    { label: 'kinds.floatingIp.overview.address', value: (f) => f.floating_ip_address, mono: true },
    { label: 'common.status', value: statusWords },
    linkedField({ label: 'kinds.floatingIp.overview.pool', links: (f, ctx) => linkTo('networks', f.floating_network_id, ctx.lookups.networks) }),
    { label: 'kinds.floatingIp.overview.fixedIp', value: (f) => f.fixed_ip_address ?? '', mono: true, empty: 'kinds.floatingIp.notAssociated' },
    linkedField({ label: 'kinds.floatingIp.overview.port', links: (f) => linkTo('ports', f.port_id, undefined, f.port_details?.name) }),
    // The instance and the router by name, each a link to its page (Neutron gives only their ids).
    linkedField({ label: 'kinds.floatingIp.overview.instance', links: (f, ctx) => linkTo('instances', instanceOf(f), ctx.lookups.servers) }),
    linkedField({ label: 'kinds.floatingIp.overview.router', links: (f, ctx) => linkTo('routers', f.router_id, ctx.lookups.routers) }),
    { label: 'kinds.floatingIp.overview.dnsName', value: (f) => (f.dns_name ? `${f.dns_name}${f.dns_domain ? `.${f.dns_domain}` : ''}` : '') },
    { label: 'common.description', value: (f) => f.description ?? '' },
    { label: 'common.created', value: (f) => f.created_at ?? '' },
    { label: 'common.projectId', value: (f) => f.project_id ?? '', mono: true, sensitive: 'projectId' },
  ],
  heat: floatingIpHeat,
  cli: { list: 'openstack floating ip list --long', show: (f) => command('openstack', 'floating', 'ip', 'show', f.floating_ip_address) },
};

/** The floating IPs on a server's ports: Neutron keeps no server link, so ports by device_id, then floating IPs by
 *  port_id (Nova's addresses can lag behind an association). `get` reads a Neutron path. */
export async function serverFloatingIps(get: (path: string) => Promise<unknown>, serverId: string): Promise<FloatingIp[]> {
  const ports = z.looseObject({ ports: z.array(z.looseObject({ id: z.string() })) }).parse(await get(`v2.0/ports?device_id=${encodeURIComponent(serverId)}&fields=id`)).ports;
  if (!ports.length) return [];
  const query = ports.map((p) => `port_id=${encodeURIComponent(p.id)}`).join('&');
  return z.looseObject({ floatingips: z.array(FloatingIpSchema) }).parse(await get(`v2.0/floatingips?${query}`)).floatingips;
}
