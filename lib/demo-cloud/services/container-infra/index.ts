import type { RequestContext } from '../../core/context';
import { json } from '../../core/reply';
import { defineService } from '../../core/service';
import { clusterRoutes } from './clusters';
import { state } from './common';
import { MAX_VERSION, MIN_VERSION, rangeHeaders, versioned } from './microversion';
import { templateRoutes } from './templates';

// Magnum v1, mounted at /container-infra (catalog endpoint /container-infra/v1).

const res = (ctx: RequestContext, kind: string) => [
  { href: `${ctx.serviceUrl}/v1/${kind}/`, rel: 'self' },
  { href: `${ctx.serviceUrl}/${kind}/`, rel: 'bookmark' },
];

export const containerInfraService = defineService({
  type: 'container-infra',
  name: 'magnum',
  description: 'Container Infrastructure Management Service',
  prefix: '/container-infra',
  endpointPath: '/container-infra/v1',
  errorBody: (err) => {
    if (err.type === 'microversion-unsupported') {
      return {
        errors: [{
          max_version: MAX_VERSION,
          min_version: MIN_VERSION,
          code: 'magnum.microversion-unsupported',
          links: [{ rel: 'help', href: 'http://docs.openstack.org/api-guide/compute/microversions.html' }],
          title: 'Requested microversion is unsupported',
          description: err.message,
        }],
      };
    }
    const detail = err.message;
    return {
      errors: [{
        request_id: '',
        code: err.status >= 500 ? 'server' : 'client',
        status: err.status,
        title: detail.replace(/\.$/, ''),
        detail,
        links: [],
      }],
    };
  },
  malformedJsonMessage: 'Request is not in valid JSON format',
  responseHeaders: () => rangeHeaders(),
  setup(core, router) {
    state(core);
    router.get('/', (ctx) =>
      json(200, {
        name: 'OpenStack Magnum API',
        description: 'Magnum is an OpenStack project which aims to provide container cluster management.',
        versions: [{ id: 'v1', links: [{ href: `${ctx.serviceUrl}/v1/`, rel: 'self' }], status: 'CURRENT', max_version: MAX_VERSION, min_version: MIN_VERSION }],
      }),
    );
    versioned(router, 'GET', '/v1', (ctx) =>
      json(200, {
        id: 'v1',
        media_types: [{ base: 'application/json', type: 'application/vnd.openstack.magnum.v1+json' }],
        links: [
          { href: `${ctx.serviceUrl}/v1/`, rel: 'self' },
          { href: 'http://docs.openstack.org/developer/magnum/dev/api-spec-v1.html', rel: 'describedby', type: 'text/html' },
        ],
        baymodels: res(ctx, 'baymodels'),
        bays: res(ctx, 'bays'),
        clustertemplates: res(ctx, 'clustertemplates'),
        clusters: res(ctx, 'clusters'),
        quotas: res(ctx, 'quotas'),
        certificates: res(ctx, 'certificates'),
        mservices: res(ctx, 'mservices'),
        stats: res(ctx, 'stats'),
        federations: res(ctx, 'federations'),
        nodegroups: [
          { href: `${ctx.serviceUrl}/v1/clusters/{cluster_id}/nodegroups`, rel: 'self' },
          { href: `${ctx.serviceUrl}/clusters/{cluster_id}/nodegroups`, rel: 'bookmark' },
        ],
      }),
    );
    templateRoutes(router);
    clusterRoutes(router);
  },
});
