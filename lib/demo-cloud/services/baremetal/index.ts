import { defineService } from '../../core/service';
import { json } from '../../core/reply';
import type { RequestContext } from '../../core/context';
import { uuid } from '../../core/ids';
import { state } from './common';
import { MAX_VERSION, MIN_VERSION, rangeHeaders, versioned } from './microversion';
import { nodeRoutes } from './nodes';
import { portRoutes } from './ports';

// Ironic v1, mounted at /baremetal (DevStack's layout). Admin-only by Ironic's default policy,
// except that project members may read the nodes their project owns or leases.

const versionEntry = (ctx: RequestContext) => ({
  id: 'v1',
  links: [{ href: `${ctx.serviceUrl}/v1/`, rel: 'self' }],
  status: 'CURRENT',
  min_version: MIN_VERSION,
  version: MAX_VERSION,
});

const resourceLinks = (ctx: RequestContext, kind: string) => [
  { href: `${ctx.serviceUrl}/v1/${kind}/`, rel: 'self' },
  { href: `${ctx.serviceUrl}/${kind}/`, rel: 'bookmark' },
];

export const baremetalService = defineService({
  type: 'baremetal',
  name: 'ironic',
  description: 'Ironic baremetal provisioning service',
  prefix: '/baremetal',
  endpointPath: '/baremetal',
  errorBody: (err) => {
    if (err.status === 406 && err.type === 'not-acceptable') {
      return { error_message: JSON.stringify({ code: 406, title: 'Not Acceptable', description: err.message }) };
    }
    return {
      error_message: JSON.stringify({ faultcode: err.status >= 500 ? 'Server' : 'Client', faultstring: err.message, debuginfo: null }),
    };
  },
  malformedJsonMessage: 'Expecting value: line 1 column 1 (char 0)',
  validationMessage: (field, problem) => `Invalid input for field/attribute ${field}: ${problem}`,
  // Ironic names its request id header Openstack-Request-Id (the server also sends x-openstack-request-id).
  responseHeaders: () => ({ ...rangeHeaders(), 'Openstack-Request-Id': `req-${uuid()}` }),
  setup(core, router) {
    state(core);
    router.get('/', (ctx) => {
      const v = versionEntry(ctx);
      return json(200, {
        name: 'OpenStack Ironic API',
        description: 'Ironic is an OpenStack project which enables the provision and management of baremetal machines.',
        default_version: v,
        versions: [v],
      });
    });
    versioned(router, 'GET', '/v1', (ctx, minor) => {
      // Resources appear in the document from the microversion that introduced them.
      const extra: Record<string, unknown> = {};
      const add = (kind: string, since: number) => {
        if (minor >= since) extra[kind] = resourceLinks(ctx, kind);
      };
      add('portgroups', 24);
      add('volume', 32);
      add('lookup', 22);
      add('heartbeat', 22);
      add('conductors', 49);
      add('allocations', 52);
      add('events', 54);
      add('deploy_templates', 55);
      return json(200, {
        id: 'v1',
        links: [
          { href: `${ctx.serviceUrl}/v1/`, rel: 'self' },
          { href: 'https://docs.openstack.org//ironic/latest/contributor//webapi.html', rel: 'describedby', type: 'text/html' },
        ],
        media_types: { base: 'application/json', type: 'application/vnd.openstack.ironic.v1+json' },
        chassis: resourceLinks(ctx, 'chassis'),
        nodes: resourceLinks(ctx, 'nodes'),
        ports: resourceLinks(ctx, 'ports'),
        drivers: resourceLinks(ctx, 'drivers'),
        ...extra,
        version: versionEntry(ctx),
      });
    });
    nodeRoutes(router);
    portRoutes(router);
  },
});
