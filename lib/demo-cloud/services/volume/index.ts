import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json, type Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { defineService, type ServiceDefinition } from '../../core/service';
import { volumeState } from './model';
import type { View } from './render';
import { miscRoutes } from './misc';
import { snapshotRoutes } from './snapshots';
import { volumeRoutes } from './volumes';

export const MIN_MV = 0;
export const MAX_MV = 70;

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

/** Parses `OpenStack-API-Version: volume 3.x` (default 3.0, `latest` = 3.70); 406 otherwise. */
function negotiate(ctx: RequestContext): { mv: number; echo: string } {
  const raw = ctx.header('openstack-api-version');
  if (!raw) return { mv: MIN_MV, echo: 'volume 3.0' };
  const m = /(?:^|,)\s*volume\s+(\S+)/i.exec(raw);
  if (!m) return { mv: MIN_MV, echo: 'volume 3.0' };
  const value = m[1];
  if (value.toLowerCase() === 'latest') return { mv: MAX_MV, echo: `volume 3.${MAX_MV}` };
  const vm = /^(\d+)\.(\d+)$/.exec(value);
  const headers = { 'OpenStack-API-Version': `volume ${value}`, Vary: 'OpenStack-API-Version' };
  if (!vm) {
    throw new HttpError(400, `Invalid API version request: ${value}`, { headers });
  }
  const [major, minor] = [Number(vm[1]), Number(vm[2])];
  if (major !== 3 || minor < MIN_MV || minor > MAX_MV) {
    throw new HttpError(406, `Version ${value} is not supported by the API. Minimum is 3.0 and maximum is 3.${MAX_MV}.`, { headers });
  }
  return { mv: minor, echo: `volume ${value}` };
}

export type VolumeHandler = (ctx: RequestContext, view: View) => Reply | Promise<Reply>;

/** Registers Cinder routes: microversion negotiation, echo headers and x-compute-request-id on every answer. */
export class VolumeRouter {
  constructor(private readonly router: Router) {}
  add(method: string, pattern: string, handler: VolumeHandler, opts: { noAuth?: boolean } = {}): this {
    this.router.add(method, pattern, async (ctx) => {
      const requestId = `req-${uuid()}`;
      let headers: Record<string, string> = { 'x-compute-request-id': requestId, 'x-openstack-request-id': requestId };
      try {
        const { mv, echo } = negotiate(ctx);
        headers = { ...headers, 'OpenStack-API-Version': echo, Vary: 'OpenStack-API-Version' };
        let view: View;
        if (opts.noAuth) {
          view = { ctx, mv, isAdmin: false, projectId: '' };
        } else {
          const auth = ctx.authProject();
          view = { ctx, mv, isAdmin: auth.isAdmin, projectId: auth.project.id };
        }
        const reply = await handler(ctx, view);
        // Cinder's empty 200/202 answers carry webob's default content type.
        if (reply.body === undefined && reply.raw === undefined && reply.status !== 204) headers['content-type'] = 'text/html; charset=UTF-8';
        return { ...reply, headers: { ...headers, ...reply.headers } };
      } catch (err) {
        if (err instanceof HttpError) {
          throw new HttpError(err.status, err.message, { title: err.title, type: err.type, headers: { ...headers, ...err.headers } });
        }
        throw err;
      }
    });
    return this;
  }
  get(p: string, h: VolumeHandler, o?: { noAuth?: boolean }) { return this.add('GET', p, h, o); }
  post(p: string, h: VolumeHandler) { return this.add('POST', p, h); }
  put(p: string, h: VolumeHandler) { return this.add('PUT', p, h); }
  delete(p: string, h: VolumeHandler) { return this.add('DELETE', p, h); }
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
