import { endpointsOf, REGIONS, serviceId } from '../../core/catalog';
import type { RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import { adminOnly } from './policy';
import { collection, link } from './render';

// Regions, services and endpoints are read-only views of the service registry.

export function catalogRoutes(r: Router, { core }: IdentityDeps): void {
  const regionView = (ctx: RequestContext, id: string) => ({
    id,
    description: '',
    parent_region_id: null,
    links: link(ctx, `/regions/${id}`),
  });
  const serviceView = (ctx: RequestContext, s: (typeof core.services)[number]) => ({
    id: serviceId(s),
    type: s.type,
    name: s.name,
    description: s.description ?? '',
    enabled: true,
    links: link(ctx, `/services/${serviceId(s)}`),
  });
  const allEndpoints = (ctx: RequestContext) =>
    core.services.flatMap((s) =>
      endpointsOf(s, ctx.baseUrl, null).map((e) => ({ ...e, enabled: true, links: link(ctx, `/endpoints/${e.id}`) })),
    );

  r.get('/v3/regions', (ctx) => {
    ctx.auth(); // any authenticated user may list regions
    return json(200, collection(ctx, 'regions', REGIONS.map((id) => regionView(ctx, id))));
  });
  r.get('/v3/regions/{region_id}', (ctx) => {
    ctx.auth();
    const id = REGIONS.find((x) => x === ctx.params.region_id);
    if (!id) throw notFound(`Could not find region: ${ctx.params.region_id}.`);
    return json(200, { region: regionView(ctx, id) });
  });

  r.get('/v3/services', (ctx) => {
    adminOnly('identity:list_services', ctx.auth());
    let items = core.services;
    const type = ctx.query.get('type');
    if (type) items = items.filter((s) => s.type === type);
    return json(200, collection(ctx, 'services', items.map((s) => serviceView(ctx, s))));
  });
  r.get('/v3/services/{service_id}', (ctx) => {
    adminOnly('identity:get_service', ctx.auth());
    const s = core.services.find((x) => serviceId(x) === ctx.params.service_id);
    if (!s) throw notFound(`Could not find service: ${ctx.params.service_id}.`);
    return json(200, { service: serviceView(ctx, s) });
  });

  r.get('/v3/endpoints', (ctx) => {
    adminOnly('identity:list_endpoints', ctx.auth());
    const q = ctx.query;
    const items = allEndpoints(ctx).filter(
      (e) =>
        (!q.get('interface') || e.interface === q.get('interface')) &&
        (!q.get('service_id') || e.service_id === q.get('service_id')) &&
        (!q.get('region_id') || e.region_id === q.get('region_id')),
    );
    return json(200, collection(ctx, 'endpoints', items));
  });
  r.get('/v3/endpoints/{endpoint_id}', (ctx) => {
    adminOnly('identity:get_endpoint', ctx.auth());
    const e = allEndpoints(ctx).find((x) => x.id === ctx.params.endpoint_id);
    if (!e) throw notFound(`Could not find endpoint: ${ctx.params.endpoint_id}.`);
    return json(200, { endpoint: e });
  });
}
