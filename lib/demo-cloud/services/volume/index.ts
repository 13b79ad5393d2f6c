import type { RequestContext } from '../../core/context';
import type { HttpError } from '../../core/errors';
import { json } from '../../core/reply';
import { defineService, type ServiceDefinition } from '../../core/service';
import { MAX_MV, VolumeRouter } from './microversion';
import { volumeState } from './model';
import { miscRoutes } from './misc';
import { snapshotRoutes } from './snapshots';
import { volumeRoutes } from './volumes';

const ERROR_KEYS: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  501: 'notImplemented',
};

function errorBody(err: HttpError): unknown {
  if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
  const key = ERROR_KEYS[err.status] ?? 'computeFault';
  const body: Record<string, unknown> = { code: err.status, message: err.message };
  if (err.status === 413) body.retryAfter = '0';
  return { [key]: body };
}

const versionsDoc = (ctx: RequestContext) => ({
  versions: [
    {
      id: 'v3.0',
      status: 'CURRENT',
      version: `3.${MAX_MV}`,
      min_version: '3.0',
      updated: '2022-08-31T00:00:00Z',
      links: [
        { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
        { rel: 'self', href: `${ctx.serviceUrl}/v3/` },
      ],
      'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
    },
  ],
});

function makeService(type: string, name: string): ServiceDefinition {
  return defineService({
    type,
    name,
    description: 'Cinder Volume Service V3',
    prefix: '/volume',
    endpointPath: '/volume/v3/{project_id}',
    errorBody,
    malformedJsonMessage: 'Malformed request body',
    validationMessage: (field, problem) => `Invalid input for field/attribute ${field}. ${problem}`,
    setup(core, router) {
      // Both catalog entries (volumev3, block-storage) share one mount point; the first registers the routes.
      if (type !== 'volumev3') return;
      volumeState(core);
      const r = new VolumeRouter(router);
      r.get('/', (ctx) => json(300, versionsDoc(ctx)), { noAuth: true });
      r.get('/v3', (ctx) => json(200, versionsDoc(ctx)), { noAuth: true });
      volumeRoutes(core, r);
      snapshotRoutes(core, r);
      miscRoutes(core, r);
    },
  });
}

/** Cinder v3 under its Zed catalog type. */
export const volumeService = makeService('volumev3', 'cinderv3');
/** The same endpoint under the newer service-types-authority name. */
export const blockStorageService = makeService('block-storage', 'cinder');
