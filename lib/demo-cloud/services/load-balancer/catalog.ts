// What the deployment offers: providers (amphora only, as on the real cloud), their flavor and availability
// zone capabilities, flavors and availability zones (none defined, as on the real cloud), and the amphorae
// the provider runs (admin only).
import { fault, notFound } from './errors';
import { listReply, pickFields } from './listing';
import { PROVIDER, PROVIDER_DESCRIPTION } from './model';
import { authorize } from './policy';
import { renderAmphora } from './render';
import { find, type LbDeps, type Mount } from './request';
import { listenersOf } from './tree';

const CAPABILITIES = {
  flavor_capabilities: [
    { name: 'loadbalancer_topology', description: 'The load balancer topology. One of: SINGLE - One amphora per load balancer. ACTIVE_STANDBY - Two amphora per load balancer.' },
    { name: 'compute_flavor', description: 'The compute driver flavor ID.' },
    { name: 'amp_image_tag', description: 'The amphora image tag.' },
  ],
  availability_zone_capabilities: [
    { name: 'compute_zone', description: 'The compute availability zone.' },
    { name: 'management_network', description: 'The management network ID for the amphora.' },
    {
      name: 'valid_vip_networks',
      description: 'List of network IDs that are allowed for VIP use. This overrides/replaces the list of allowed networks configured in `octavia.conf`.',
    },
  ],
};

/** Empty collections: [path, list key, links key, admin only, resource name for a 404]. */
const EMPTY: Array<[string, string, string, boolean, string]> = [
  ['/lbaas/flavors', 'flavors', 'flavors_links', false, 'Flavor'],
  ['/lbaas/flavorprofiles', 'flavorprofiles', 'flavorprofile_links', true, 'Flavor Profile'],
  ['/lbaas/availabilityzones', 'availability_zones', 'availability_zones_links', false, 'Availability Zone'],
  ['/lbaas/availabilityzoneprofiles', 'availability_zone_profiles', 'availability_zone_profile_links', true, 'Availability Zone Profile'],
];

export function catalogRoutes(at: Mount, deps: LbDeps): void {
  const { s } = deps;

  at('GET', '/lbaas/providers', (ctx, auth) => {
    authorize(auth, 'read', auth.project?.id ?? null);
    return { status: 200, body: { providers: [pickFields(ctx, { name: PROVIDER, description: PROVIDER_DESCRIPTION })] } };
  });

  for (const kind of ['flavor_capabilities', 'availability_zone_capabilities'] as const) {
    at('GET', `/lbaas/providers/{provider}/${kind}`, (ctx, auth) => {
      authorize(auth, 'admin', auth.project?.id ?? null);
      if (ctx.params.provider !== PROVIDER) throw fault(400, `Provider '${ctx.params.provider}' is not enabled.`);
      const rows = CAPABILITIES[kind].filter((c) => (ctx.query.get('name') ?? c.name) === c.name && (ctx.query.get('description') ?? c.description) === c.description);
      return { status: 200, body: { [kind]: rows.map((r) => pickFields(ctx, r)) } };
    });
  }

  for (const [path, key, linksKey, adminOnly, resource] of EMPTY) {
    at('GET', path, (ctx, auth) => {
      authorize(auth, adminOnly ? 'admin' : 'read', auth.project?.id ?? null);
      return listReply(ctx, key, [], {}, linksKey);
    });
    at('GET', `${path}/{id}`, (ctx, auth) => {
      authorize(auth, adminOnly ? 'admin' : 'read', auth.project?.id ?? null);
      throw notFound(resource, ctx.params.id);
    });
  }

  at('GET', '/octavia/amphorae', (ctx, auth) => {
    authorize(auth, 'admin', auth.project?.id ?? null);
    // project_id filters by the load balancer's project (an amphora has none of its own).
    const projectOf = (r: Record<string, unknown>) => s.loadbalancers[r.loadbalancer_id as string]?.project_id;
    return listReply(ctx, 'amphorae', Object.values(s.amphorae).map(renderAmphora), { extraFilters: { project_id: projectOf } });
  });

  at('GET', '/octavia/amphorae/{id}', (ctx, auth) => {
    authorize(auth, 'admin', auth.project?.id ?? null);
    return { status: 200, body: { amphora: pickFields(ctx, renderAmphora(find(s.amphorae, 'Amphora', ctx.params.id))) } };
  });

  at('GET', '/octavia/amphorae/{id}/stats', (ctx, auth) => {
    authorize(auth, 'admin', auth.project?.id ?? null);
    const amp = find(s.amphorae, 'Amphora', ctx.params.id);
    const zero = { active_connections: 0, bytes_in: 0, bytes_out: 0 };
    const stats = listenersOf(s, amp.loadbalancer_id).map((l) => ({
      ...zero, id: amp.id, listener_id: l.id, loadbalancer_id: amp.loadbalancer_id, request_errors: 0, total_connections: 0,
    }));
    return { status: 200, body: { amphora_stats: stats } };
  });
}
