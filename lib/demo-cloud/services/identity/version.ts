import type { RequestContext } from '../../core/context';
import type { Router } from '../../core/router';

// Version discovery: `/identity` answers 300 Multiple Choices with the list, `/identity/v3`
// the single version, exactly the documents keystoneauth's discovery expects.

function v3(ctx: RequestContext) {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${ctx.serviceUrl}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

export function versionRoutes(r: Router): void {
  r.get('/', (ctx) => ({ status: 300, body: { versions: { values: [v3(ctx)] } } }));
  r.get('/v3', (ctx) => ({ status: 200, body: { version: v3(ctx) } }));
}
