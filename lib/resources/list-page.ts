// One page of a list, as the browser and the server both read it: the query the page's URL asks for, the API path,
// the parsed page and its cache key. No client code here: the server prefetches the first page with these same
// functions (lib/openstack/prefetch.ts), so the key it fills is the key the list reads.
import { parseList } from './schema';
import type { AnyDefinition, ListPage, ResourceDefinition } from './types';
import { parseListState } from './url-state';

export interface ListParams {
  filters: Record<string, string>;
  sort?: { column: string; dir: 'asc' | 'desc' };
  marker?: string;
  limit?: number;
  /** Another region than the session's (an "All regions" list asks each one): part of the cache key. */
  region?: string;
}

/** The list's API parameters from the page's query string: its filters, sort (or the kind's default), marker, size. */
export function listParamsFor(def: AnyDefinition, search: URLSearchParams): ListParams {
  const state = parseListState(search, (def.filters ?? []).map((f) => f.id));
  const sort = state.sort ?? def.defaultSort;
  const sortColumn = sort && def.columns.find((c) => c.id === sort.column);
  return {
    filters: state.filters,
    // Only server-side sort keys go to the API; the others sort the page in the browser.
    sort: sortColumn?.sortKey && sort ? sort : undefined,
    marker: state.marker,
    limit: def.pageSize,
  };
}

export function listQuery(def: AnyDefinition, params: ListParams): string {
  const q = new URLSearchParams();
  for (const f of def.filters ?? []) {
    const v = params.filters[f.id];
    if (v && f.query) for (const [k, x] of Object.entries(f.query(v))) q.set(k, x);
    else if (v) q.set(f.param ?? f.id, v);
  }
  const sortCol = params.sort && def.columns.find((c) => c.id === params.sort?.column);
  if (sortCol?.sortKey && params.sort) {
    const sortParams = def.sortQuery ? def.sortQuery(sortCol.sortKey, params.sort.dir) : { sort_key: sortCol.sortKey, sort_dir: params.sort.dir };
    const pairs: readonly (readonly [string, string])[] = Array.isArray(sortParams) ? sortParams : Object.entries(sortParams);
    for (const [k, v] of pairs) q.append(k, v);
  }
  if (params.limit) q.set('limit', String(params.limit));
  if (params.marker) q.set(def.paging === 'offset' ? 'offset' : 'marker', params.marker);
  const s = q.toString();
  // A list path may carry fixed parameters of its own (`servers/detail?all_tenants=1`).
  return s ? `${def.paths.list}${def.paths.list.includes('?') ? '&' : '?'}${s}` : def.paths.list;
}

/** The page in an API answer: its rows (validated) and where the next page starts. */
export function pageFromBody<T>(def: ResourceDefinition<T>, params: ListParams, body: unknown): ListPage<T> {
  const items = parseList(def.listSchema ?? def.schema, body, def.keys.list, `${def.service} ${def.paths.list}`);
  if (def.paging === 'offset') return offsetPage(items, body, params.marker);
  const next = params.limit && items.length === params.limit ? def.id(items[items.length - 1]) : undefined;
  return { items, next };
}

/** Barbican's envelope: a `next` href when more follow (the next offset is ours to count), and `total`. */
export function offsetPage<T>(items: T[], body: unknown, offset: string | undefined): ListPage<T> {
  const b = (body && typeof body === 'object' ? body : {}) as { next?: unknown; total?: unknown };
  const start = Number(offset) > 0 ? Math.floor(Number(offset)) : 0;
  return {
    items,
    ...(typeof b.next === 'string' && b.next && items.length > 0 ? { next: String(start + items.length) } : {}),
    ...(typeof b.total === 'number' ? { total: b.total } : {}),
  };
}

export const listKey = (projectId: string, kind: string, params?: ListParams) =>
  params ? (['os', projectId, kind, 'list', params] as const) : (['os', projectId, kind, 'list'] as const);
