// Octavia v2 load balancers (api-ref: load-balancer v2 "Load Balancers"). The list shows provisioning (PENDING_*
// polled fast, backing off once settled: lib/resources/polling.ts) and health apart: a load balancer whose amphorae
// send no heartbeats stays OFFLINE, shown as "No health data yet", never as a red OFFLINE. Delete is a cascade
// (`?cascade=true`; without it Octavia answers 400 while anything is below it), its confirmation counting what goes
// along. Failover is admin-only (PUT .../failover). The create page is components/load-balancer/lb-create.tsx.
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, choices, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn } from '../define';
import { parseList } from '../schema';
import type { Text } from '../types';
import { LB_KINDS, listenerDefinition, poolDefinition } from './children';
import { LB_CREATE_DEFAULTS, lbCreateCli, LbCreateSchema, lbCreateRequest, type LbCreate } from './create';
import { isPending, LB_BASE, LoadBalancerSchema, OCTAVIA, objectStatus, operatingStatus, PoolSchema, provisioningStatus, type LoadBalancer } from './octavia';
import { dependentsOf, dependentsText } from './tree';

const ref = (lb: LoadBalancer) => nameOrId(lb);
const item = (id: string) => `${LB_BASE}/loadbalancers/${id}`;

/** What a cascade delete takes along: the listeners the row names, and the pools read with their members and monitors. */
async function cascadeSummary(rows: readonly LoadBalancer[], get: (service: string, path: string) => Promise<unknown>): Promise<Text[]> {
  const out: Text[] = [];
  for (const lb of rows) {
    const pools = parseList(PoolSchema, await get(OCTAVIA.service, `${LB_BASE}/pools?loadbalancer_id=${encodeURIComponent(lb.id)}`), 'pools', 'load-balancer pools');
    out.push(...dependentsText(ref(lb), dependentsOf(lb.listeners.length, pools)));
  }
  return out;
}

export const loadBalancerDefinition = define<LoadBalancer, LbCreate>({
  kind: LB_KINDS.lb,
  slug: 'load-balancers',
  label: { singular: 'kinds.loadBalancer.singular', plural: 'kinds.loadBalancer.plural', noun: 'kinds.loadBalancer.noun' },
  ...rest(OCTAVIA, `${LB_BASE}/loadbalancers`, 'loadbalancer'),
  schema: LoadBalancerSchema,
  name: (lb) => lb.name ?? '',
  // Provisioning drives polling (PENDING_* is busy); once ACTIVE, the badge is the health.
  status: (lb) => objectStatus(lb),
  addresses: (lb) => (lb.vip_address ? [lb.vip_address] : []),
  pageSize: 50,
  columns: [
    nameColumn(ref, { sortKey: 'name' }),
    { id: 'vip', label: 'kinds.loadBalancer.fields.vipAddress', value: (lb) => lb.vip_address ?? '', cell: 'mono', sortKey: 'vip_address' },
    { id: 'floatingIp', label: 'kinds.loadBalancer.fields.floatingIp', value: (lb, ctx) => ctx.lookups.floating?.[lb.vip_port_id ?? ''] ?? '', cell: 'mono' },
    statusColumn((lb) => lb.provisioning_status, { label: 'kinds.loadBalancer.fields.provisioning', sortKey: 'provisioning_status', badge: (lb) => provisioningStatus(lb.provisioning_status) }),
    { id: 'operating', label: 'kinds.loadBalancer.fields.operating', value: (lb) => lb.operating_status, cell: 'status', sortKey: 'operating_status', badge: (lb) => operatingStatus(lb.operating_status, lb.admin_state_up ?? true) },
    { id: 'provider', label: 'kinds.loadBalancer.fields.provider', value: (lb) => lb.provider ?? '', sortKey: 'provider' },
    { id: 'flavor', label: 'kinds.loadBalancer.fields.flavor', value: (lb, ctx) => (lb.flavor_id ? (ctx.lookups.flavors?.[lb.flavor_id] ?? lb.flavor_id) : '') },
    { id: 'listeners', label: 'kinds.loadBalancer.fields.listenerCount', value: (lb) => lb.listeners.length },
    ageColumn((lb) => lb.created_at ?? '', { sortKey: 'created_at', hidden: true }),
    idColumn((lb) => lb.id),
  ],
  filters: [
    nameFilter,
    { id: 'provisioning_status', label: 'kinds.loadBalancer.fields.provisioning', type: 'select', options: choices(['ACTIVE', 'PENDING_CREATE', 'PENDING_UPDATE', 'PENDING_DELETE', 'ERROR']) },
    { id: 'vip_address', label: 'kinds.loadBalancer.fields.vipAddress', type: 'text' },
  ],
  lookups: [
    {
      // Neutron takes several port_id values: one call for the rows on screen.
      name: 'floating', kind: 'floating-ip', service: 'network', key: 'floatingips',
      ids: (rows) => rows.map((lb) => lb.vip_port_id ?? ''),
      path: (ids) => `v2.0/floatingips?${ids.map((id) => `port_id=${encodeURIComponent(id)}`).join('&')}`,
      label: (o) => String(o.floating_ip_address ?? ''),
      idOf: (o) => String(o.port_id),
    },
    {
      name: 'flavors', kind: 'lb-flavor', service: OCTAVIA.service, key: 'flavors',
      ids: (rows) => rows.map((lb) => lb.flavor_id ?? ''),
      path: () => `${LB_BASE}/flavors`,
      label: (o) => String(o.name || o.id),
    },
  ],
  actions: [
    {
      id: 'failover', label: 'kinds.loadBalancer.actions.failover',
      // Octavia's default policy: load-balancer:admin; refused while PENDING_*.
      allowed: (lb, user) => user.isAdmin && !isPending(lb.provisioning_status),
      request: (lb) => ({ method: 'PUT', path: `${item(lb.id)}/failover` }),
      optimistic: (lb) => ({ ...lb, provisioning_status: 'PENDING_UPDATE' }),
      confirm: {
        title: (rows) => msg('kinds.loadBalancer.confirm.failoverTitle', { count: rows.length }),
        body: (rows) => msg('kinds.loadBalancer.confirm.failoverBody', { count: rows.length, ...rowNames(rows, ref, 3) }),
        confirmLabel: 'kinds.loadBalancer.actions.failover',
      },
      cli: (lb) => command('openstack loadbalancer failover', lb.id),
    },
    deleteAction<LoadBalancer>({
      title: 'kinds.loadBalancer.confirm.deleteTitle',
      // A PENDING_* load balancer answers 409 "Invalid state": offered once it has settled.
      allowed: (lb) => !isPending(lb.provisioning_status),
      optimistic: (lb) => ({ ...lb, provisioning_status: 'PENDING_DELETE' }),
      path: (lb) => `${item(lb.id)}?cascade=true`,
      cli: (lb) => command('openstack loadbalancer delete --cascade', lb.id),
      body: (rows) => msg('kinds.loadBalancer.confirm.deleteBody', { count: rows.length, ...rowNames(rows, ref, 3) }),
      dependents: cascadeSummary,
    }),
  ],
  overview: [
    { label: 'common.id', value: (lb) => lb.id, mono: true },
    { label: 'common.description', value: (lb) => lb.description ?? '' },
    { label: 'kinds.loadBalancer.fields.provisioning', value: (lb) => lb.provisioning_status },
    { label: 'kinds.loadBalancer.fields.operating', value: (lb) => operatingLine(lb) },
    { label: 'kinds.loadBalancer.fields.vipAddress', value: (lb) => lb.vip_address ?? '', mono: true },
    { label: 'kinds.loadBalancer.fields.floatingIp', value: (lb, ctx) => ctx.lookups.floating?.[lb.vip_port_id ?? ''] ?? '', mono: true },
    { label: 'kinds.loadBalancer.fields.vipSubnet', value: (lb) => lb.vip_subnet_id ?? '', links: (lb) => (lb.vip_subnet_id ? [{ name: lb.vip_subnet_id }] : []), mono: true },
    { label: 'kinds.loadBalancer.fields.vipNetwork', value: (lb) => lb.vip_network_id ?? '', links: (lb) => (lb.vip_network_id ? [{ name: lb.vip_network_id, to: { slug: 'networks', id: lb.vip_network_id } }] : []) },
    { label: 'kinds.loadBalancer.fields.vipPort', value: (lb) => lb.vip_port_id ?? '', mono: true },
    { label: 'kinds.loadBalancer.fields.provider', value: (lb) => lb.provider ?? '' },
    { label: 'kinds.loadBalancer.fields.flavor', value: (lb, ctx) => (lb.flavor_id ? (ctx.lookups.flavors?.[lb.flavor_id] ?? lb.flavor_id) : '') },
    { label: 'kinds.loadBalancer.fields.listenerCount', value: (lb) => lb.listeners.length },
    { label: 'kinds.loadBalancer.fields.poolCount', value: (lb) => lb.pools.length },
    { label: 'kinds.loadBalancer.fields.adminState', value: (lb) => msg(lb.admin_state_up === false ? 'kinds.loadBalancer.fields.down' : 'kinds.loadBalancer.fields.up', {}) },
    { label: 'common.projectId', value: (lb) => lb.project_id ?? '', mono: true, sensitive: 'projectId' },
    { label: 'common.created', value: (lb) => lb.created_at ?? '' },
    { label: 'common.updated', value: (lb) => lb.updated_at ?? '' },
  ],
  tabs: [
    { id: 'listeners', label: 'kinds.loadBalancer.listener.plural', view: 'compact', list: (lb) => listenerDefinition(lb.id), note: (lb) => pendingNote(lb) },
    { id: 'pools', label: 'kinds.loadBalancer.pool.plural', view: 'compact', list: (lb) => poolDefinition(lb.id), note: (lb) => pendingNote(lb) },
  ],
  // The form is components/load-balancer/lb-create.tsx (subnets with a router, instances as members, the quota).
  create: {
    schema: LbCreateSchema,
    fields: [],
    defaults: { ...LB_CREATE_DEFAULTS },
    request: lbCreateRequest,
    cli: (i) => lbCreateCli(i).join('\n'),
  },
  invalidates: [LB_KINDS.listener, LB_KINDS.pool, LB_KINDS.member, LB_KINDS.monitor, LB_KINDS.l7policy, LB_KINDS.l7rule, 'floating-ip', 'topology'],
  // Octavia keeps no event history: a load balancer's updated_at or status changing on the list is the activity.
  activity: { type: 'status', sortKey: 'updated_at', updated: (lb) => lb.updated_at ?? lb.created_at },
  cli: { list: 'openstack loadbalancer list', show: (lb) => command('openstack loadbalancer show', lb.id) },
});

/** The health line of the overview: Octavia's value, and what it means when it means "nothing yet". */
function operatingLine(lb: LoadBalancer) {
  const s = operatingStatus(lb.operating_status, lb.admin_state_up ?? true);
  return s.label === lb.operating_status ? lb.operating_status : msg('kinds.loadBalancer.health.line', { status: lb.operating_status });
}

/** While the load balancer is pending, Octavia refuses changes below it (409): said above the add form. */
const pendingNote = (lb: LoadBalancer) => (isPending(lb.provisioning_status) ? msg('kinds.loadBalancer.pendingNote', { status: lb.provisioning_status }) : undefined);
