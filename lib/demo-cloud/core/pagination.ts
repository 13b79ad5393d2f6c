import { badRequest } from './errors';

// limit/marker pagination as Nova, Glance, Neutron, Cinder do it: items after `marker`
// (an id), at most `limit` of them, and a next link when more remain.

export interface PageOptions<T> {
  /** Id used as marker. */
  id: (item: T) => string;
  /** Cap applied when the client asks for more (Nova's max_limit is 1000). */
  maxLimit?: number;
  /** Used when the client sends no limit; undefined = everything up to maxLimit. */
  defaultLimit?: number;
}

export interface Page<T> {
  items: T[];
  /** Marker for the next page, or null on the last page. */
  nextMarker: string | null;
  limit: number;
}

export function paginate<T>(all: readonly T[], query: URLSearchParams, opts: PageOptions<T>): Page<T> {
  const maxLimit = opts.maxLimit ?? 1000;
  const rawLimit = query.get('limit');
  let limit = opts.defaultLimit ?? maxLimit;
  if (rawLimit !== null) {
    const n = Number(rawLimit);
    if (!Number.isInteger(n) || n < 0) throw badRequest(`limit must be a non-negative integer, got '${rawLimit}'`);
    limit = n;
  }
  limit = Math.min(limit, maxLimit);

  let start = 0;
  const marker = query.get('marker');
  if (marker !== null) {
    const index = all.findIndex((item) => opts.id(item) === marker);
    if (index < 0) throw badRequest(`marker [${marker}] not found`);
    start = index + 1;
  }
  const items = all.slice(start, start + limit);
  const more = start + limit < all.length;
  const nextMarker = more && items.length > 0 ? opts.id(items[items.length - 1]) : null;
  return { items, nextMarker, limit };
}

/** The request URL with `marker` (and `limit`) replaced: the href of a "next" link. */
export function nextPageUrl(requestUrl: string, marker: string, limit: number): string {
  const url = new URL(requestUrl);
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('marker', marker);
  return url.toString();
}
