import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../core/context';
import type { Router } from '../../core/router';
import { MAX_VERSION, MIN_VERSION } from './microversion';

// Version discovery: /compute lists v2.0 and v2.1, /compute/v2.1 is the single document.

const v21 = (ctx: RequestContext) => ({
  id: 'v2.1',
  status: 'CURRENT',
  version: MAX_VERSION,
  min_version: MIN_VERSION,
  updated: '2013-07-23T11:33:21Z',
  links: [{ rel: 'self', href: `${ctx.serviceUrl}/v2.1/` }],
});

export function versionRoutes(r: Router): void {
  r.get('/', (ctx) => ({
    status: 200,
    body: {
      versions: [
        { id: 'v2.0', status: 'SUPPORTED', version: '', min_version: '', updated: '2011-01-21T11:33:21Z', links: [{ rel: 'self', href: `${ctx.serviceUrl}/v2/` }] },
        v21(ctx),
      ],
    },
  }));
  r.get('/v2.1', (ctx) => {
    const doc = v21(ctx);
    const requestId = `req-${randomUUID()}`;
    return {
      status: 200,
      body: {
        version: {
          ...doc,
          links: [...doc.links, { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' }],
          'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
        },
      },
      headers: {
        'OpenStack-API-Version': 'compute 2.1',
        'X-OpenStack-Nova-API-Version': '2.1',
        Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
        'x-openstack-request-id': requestId,
        'x-compute-request-id': requestId,
      },
    };
  });
}
