import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';

// Ironic microversions: X-OpenStack-Ironic-API-Version (or OpenStack-API-Version: baremetal 1.x),
// 1.1 when absent, `latest` = 1.82 (Zed). Every /v1 response echoes the range and the version used.

export const MIN_MINOR = 1;
export const MAX_MINOR = 82;
export const MIN_VERSION = `1.${MIN_MINOR}`;
export const MAX_VERSION = `1.${MAX_MINOR}`;

export const rangeHeaders = (): Record<string, string> => ({
  'X-OpenStack-Ironic-API-Minimum-Version': MIN_VERSION,
  'X-OpenStack-Ironic-API-Maximum-Version': MAX_VERSION,
});

/** Requested minor version; throws 406 (Ironic's body) when out of range. */
export function requestedMinor(ctx: RequestContext): number {
  let raw = ctx.header('x-openstack-ironic-api-version')?.trim();
  if (!raw) {
    const generic = ctx.header('openstack-api-version');
    const entry = generic?.split(',').map((s) => s.trim()).find((s) => s.toLowerCase().startsWith('baremetal '));
    raw = entry?.slice('baremetal '.length).trim();
  }
  if (!raw) return MIN_MINOR;
  if (raw.toLowerCase() === 'latest') return MAX_MINOR;
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  if (!m) {
    throw new HttpError(406, `Invalid value for X-OpenStack-Ironic-API-Version header: ${raw}`, { type: 'not-acceptable', headers: rangeHeaders() });
  }
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major !== 1 || minor < MIN_MINOR || minor > MAX_MINOR) {
    const what = major !== 1 ? 'major' : 'minor';
    throw new HttpError(
      406,
      `Version ${raw} was requested but the ${what} version is not supported by this service. The supported version range is: [${MIN_VERSION}, ${MAX_VERSION}].`,
      { type: 'not-acceptable', headers: rangeHeaders() },
    );
  }
  return minor;
}

export type VersionedHandler = (ctx: RequestContext, minor: number) => Reply | Promise<Reply>;

/** Registers a /v1 route whose responses (errors included) carry the version headers. */
export function versioned(router: Router, method: string, pattern: string, handler: VersionedHandler): void {
  router.add(method, pattern, async (ctx) => {
    const minor = requestedMinor(ctx);
    const headers = {
      ...rangeHeaders(),
      'X-OpenStack-Ironic-API-Version': `1.${minor}`,
      'OpenStack-API-Version': `baremetal 1.${minor}`,
    };
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
