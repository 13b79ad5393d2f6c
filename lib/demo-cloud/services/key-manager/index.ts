// Barbican v1 (key manager), mounted at /key-manager: secrets (with payloads), containers,
// microversions 1.0-1.1. Payloads are stored base64-encoded in the state and never logged.
import type { RequestContext } from '../../core/context';
import { defineService } from '../../core/service';
import { containerRoutes } from './containers';
import { mv } from './microversion';
import { seed, type KeyManagerState } from './model';
import { secretRoutes } from './secrets';

function versionInfo(ctx: RequestContext) {
  return {
    id: 'v1',
    status: 'stable',
    links: [
      { rel: 'self', href: `${ctx.serviceUrl}/v1/` },
      { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.key-manager-v1+json' }],
  };
}

export const keyManagerService = defineService({
  type: 'key-manager',
  name: 'barbican',
  description: 'Barbican Key Manager Service',
  prefix: '/key-manager',
  endpointPath: '/key-manager',
  errorBody: (e) =>
    e.status === 401
      ? { error: { code: 401, title: 'Unauthorized', message: e.message } }
      : { code: e.status, title: e.title, description: e.message },
  malformedJsonMessage: 'Malformed JSON',
  setup(core, router) {
    const s = core.state.slice<KeyManagerState>('key-manager', () => seed(core.clock.now()));
    router.get('/', mv((ctx) => ({ status: 300, body: { versions: { values: [versionInfo(ctx)] } } })));
    router.get('/v1', mv((ctx) => ({ status: 200, body: { version: versionInfo(ctx) } })));
    secretRoutes(router, core, s);
    containerRoutes(router, core, s);
  },
});
