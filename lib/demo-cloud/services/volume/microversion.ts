// Cinder's microversions and route registration, apart from index.ts so the route modules can
// take a VolumeRouter without importing the service that imports them.
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import { uuid } from '../../core/ids';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import type { View } from './render';

export const MIN_MV = 0;
export const MAX_MV = 70;

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
