// Designate's request conventions shared by the route modules: JSON bodies, UUID checks,
// X-Auth-All-Projects, the list envelope and query filters.
import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { nextPageUrl } from '../../core/pagination';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { dnsError, invalidObject } from './errors';

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export async function readJson(ctx: RequestContext): Promise<Record<string, unknown>> {
  const text = (await ctx.rawBody()).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw dnsError(400, 'invalid_json', (e as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidObject([{ path: [], message: `${JSON.stringify(parsed)} is not of type 'object'`, validator: 'type', validator_value: 'object' }]);
  }
  return parsed as Record<string, unknown>;
}

export function checkUuid(name: string, value: string): void {
  if (!UUID_RE.test(value)) throw dnsError(400, 'invalid_uuid', `Invalid UUID ${name}: ${value}`);
}

/** Designate refuses X-Auth-All-Projects from non-admins before the API: an empty text/html 403. */
class AllProjectsDenied extends Error {}

/** Admins with `X-Auth-All-Projects: true` see every project's zones. */
export function allProjects(ctx: RequestContext, auth: ProjectAuthInfo): boolean {
  const h = (ctx.header('x-auth-all-projects') ?? '').toLowerCase();
  if (!['true', '1', 'yes'].includes(h)) return false;
  if (!auth.isAdmin) throw new AllProjectsDenied();
  return true;
}

/** The router with every handler answering AllProjectsDenied as Designate's middleware does. */
export function guarded(router: Router): Router {
  const add = router.add.bind(router);
  const wrapped = Object.create(router) as Router;
  wrapped.add = (method, pattern, handler) =>
    add(method, pattern, async (ctx) => {
      try {
        return await handler(ctx);
      } catch (e) {
        if (e instanceof AllProjectsDenied) return { status: 403, raw: '', contentType: 'text/html; charset=utf-8' };
        throw e;
      }
    });
  return wrapped;
}

/** Designate's list envelope: limit/marker, links.self/next, metadata.total_count. */
export function listReply<T extends { id: string }>(ctx: RequestContext, key: string, all: T[], render: (x: T) => unknown, withTotal = true): Reply {
  let items = all;
  const sortDir = ctx.query.get('sort_dir');
  if (sortDir && !['asc', 'desc'].includes(sortDir)) throw dnsError(400, 'invalid_sort_dir', 'Unknown sort direction, must be \'desc\' or \'asc\'');
  const sortKey = ctx.query.get('sort_key');
  if (sortKey) {
    items = [...items].sort((a, b) => String((a as Record<string, unknown>)[sortKey] ?? '').localeCompare(String((b as Record<string, unknown>)[sortKey] ?? '')));
  }
  if (sortDir === 'desc') items = [...items].reverse();
  const rawLimit = ctx.query.get('limit');
  let limit = 20;
  if (rawLimit !== null) {
    const n = Number(rawLimit);
    if (rawLimit !== 'max' && (!Number.isInteger(n) || n < 1 || n > 1000)) throw dnsError(400, 'invalid_limit', 'limit should be an integer between 1 and 1000');
    limit = rawLimit === 'max' ? 1000 : n;
  }
  let start = 0;
  const marker = ctx.query.get('marker');
  if (marker !== null) {
    const i = items.findIndex((x) => x.id === marker);
    if (i < 0) throw dnsError(400, 'marker_not_found', 'Marker None could not be found');
    start = i + 1;
  }
  const page = items.slice(start, start + limit);
  const links: Record<string, string> = { self: ctx.url.href };
  if (page.length === limit && page.length > 0) links.next = nextPageUrl(ctx.url.href, page[page.length - 1].id, limit);
  const body: Record<string, unknown> = { [key]: page.map(render), links };
  if (withTotal) body.metadata = { total_count: items.length };
  return { status: 200, body };
}

/** Query filters Designate applies with exact match (a `*` is a wildcard). */
export function filterBy<T>(items: T[], ctx: RequestContext, fields: string[]): T[] {
  return items.filter((item) =>
    fields.every((f) => {
      const want = ctx.query.get(f);
      if (want === null) return true;
      const have = String((item as Record<string, unknown>)[f] ?? '');
      if (want.includes('*')) {
        const re = new RegExp(`^${want.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
        return re.test(have);
      }
      return f === 'status' || f === 'type' ? have.toUpperCase() === want.toUpperCase() : have === want;
    }),
  );
}
