import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { randomUUID } from 'node:crypto';
import { invalidateRenderCache } from './render-cache';

// Nova microversions: `OpenStack-API-Version: compute 2.79` or the legacy
// `X-OpenStack-Nova-API-Version: 2.79`; both are echoed with `Vary`, also on errors.

export const MIN_VERSION = '2.1';
export const MAX_VERSION = '2.93';

export class Version {
  constructor(
    readonly major: number,
    readonly minor: number,
  ) {}
  /** True when this request's version is at least `v` ("2.47"). */
  ge(v: string): boolean {
    const [ma, mi] = v.split('.').map(Number);
    return this.major > ma || (this.major === ma && this.minor >= mi);
  }
  lt(v: string): boolean {
    return !this.ge(v);
  }
  toString(): string {
    return `${this.major}.${this.minor}`;
  }
}

const MAX = new Version(2, 93);

export function parseVersion(ctx: RequestContext): Version {
  let raw: string | undefined;
  const std = ctx.header('openstack-api-version');
  if (std) {
    for (const part of std.split(',')) {
      const [svc, ver] = part.trim().split(/\s+/);
      if (svc?.toLowerCase() === 'compute' && ver) raw = ver;
    }
  }
  raw ??= ctx.header('x-openstack-nova-api-version')?.trim();
  if (!raw) return new Version(2, 1);
  if (raw.toLowerCase() === 'latest') return MAX;
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  if (!m || m[1] === '0') {
    throw new HttpError(400, `Invalid API version request string ${raw}`, { type: 'badRequest' });
  }
  const v = new Version(Number(m[1]), Number(m[2]));
  if (!v.ge(MIN_VERSION) || v.major !== 2 || v.minor > MAX.minor) {
    throw new HttpError(406, `Version ${raw} is not supported by the API. Minimum is ${MIN_VERSION} and maximum is ${MAX_VERSION}.`, {
      type: 'computeFault',
    });
  }
  return v;
}

export function versionHeaders(v: string, requestId: string): Record<string, string> {
  return {
    'OpenStack-API-Version': `compute ${v}`,
    'X-OpenStack-Nova-API-Version': v,
    Vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    'x-openstack-request-id': requestId,
    'x-compute-request-id': requestId,
  };
}

export interface NovaRequest {
  ctx: RequestContext;
  v: Version;
  requestId: string;
}

export type NovaHandler = (r: NovaRequest) => Reply | Promise<Reply>;

/** Registers a versioned route: parses the microversion and echoes it on every answer. */
export function novaRoute(router: Router, method: string, pattern: string, handler: NovaHandler): void {
  router.add(method, `/v2.1${pattern}`, async (ctx) => {
    const requestId = `req-${randomUUID()}`;
    let version = '2.1';
    // Anything but a read may change servers (actions, updates, attachments): drop rendered views.
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') invalidateRenderCache(ctx.core);
    try {
      const v = parseVersion(ctx);
      version = v.toString();
      let reply = await handler({ ctx, v, requestId });
      // Nova labels even its empty 202/204 answers as JSON.
      if (reply.body === undefined && reply.raw === undefined) reply = { ...reply, raw: '', contentType: 'application/json' };
      return { ...reply, headers: { ...versionHeaders(version, requestId), ...reply.headers } };
    } catch (err) {
      if (err instanceof HttpError) {
        throw new HttpError(err.status, err.message, {
          title: err.title,
          type: err.type,
          headers: { ...versionHeaders(version, requestId), ...err.headers },
        });
      }
      throw err;
    }
  });
}
