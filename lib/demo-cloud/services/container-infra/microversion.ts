import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';

// Magnum microversions: `OpenStack-API-Version: container-infra 1.x`, 1.1 when absent, `latest` = 1.10.

export const MIN_VERSION = '1.1';
export const MAX_VERSION = '1.10';
export const MAX_MINOR = 10;

export const rangeHeaders = (): Record<string, string> => ({
  'OpenStack-API-Minimum-Version': `container-infra ${MIN_VERSION}`,
  'OpenStack-API-Maximum-Version': `container-infra ${MAX_VERSION}`,
  vary: 'OpenStack-API-Version',
});

export function requestedMinor(ctx: RequestContext): number {
  const header = ctx.header('openstack-api-version');
  const entry = header?.split(',').map((s) => s.trim()).find((s) => s.toLowerCase().startsWith('container-infra '));
  const raw = entry?.slice('container-infra '.length).trim();
  if (!raw) return 1;
  if (raw.toLowerCase() === 'latest') return MAX_MINOR;
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  const unsupported = () =>
    new HttpError(406, `Version ${raw} was requested but the ${m && Number(m[1]) !== 1 ? 'major' : 'minor'} version is not supported by this service. The supported version range is: [container-infra ${MIN_VERSION}, container-infra ${MAX_VERSION}].`, {
      type: 'microversion-unsupported',
      headers: { ...rangeHeaders(), 'OpenStack-API-Version': `container-infra ${raw}` },
    });
  if (!m) throw new HttpError(400, `Invalid value for OpenStack-API-Version header: ${raw}`, { headers: rangeHeaders() });
  if (Number(m[1]) !== 1 || Number(m[2]) < 1 || Number(m[2]) > MAX_MINOR) throw unsupported();
  return Number(m[2]);
}

export type VersionedHandler = (ctx: RequestContext, minor: number) => Reply | Promise<Reply>;

export function versioned(router: Router, method: string, pattern: string, handler: VersionedHandler): void {
  router.add(method, pattern, async (ctx) => {
    const minor = requestedMinor(ctx);
    const headers = { ...rangeHeaders(), 'OpenStack-API-Version': `container-infra 1.${minor}` };
    try {
      const reply = await handler(ctx, minor);
      return { ...reply, headers: { ...headers, ...reply.headers } };
    } catch (err) {
      if (err instanceof HttpError) {
        throw new HttpError(err.status, err.message, { title: err.title, type: err.type, headers: { ...headers, ...err.headers } });
      }
      throw err;
    }
  });
}
