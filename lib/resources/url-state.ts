// List and detail view state in the query string, so a copied link reproduces the view.
// `?name=web&status=ACTIVE&sort=name:asc&q=text&marker=<id>&tab=console&region=RegionOne`.
// Unknown parameters (region above all) are kept as they are.

export interface ListState {
  filters: Record<string, string>;
  sort?: { column: string; dir: 'asc' | 'desc' };
  q: string;
  marker?: string;
}

const RESERVED = ['sort', 'q', 'marker'] as const;

export function parseListState(params: URLSearchParams, filterIds: readonly string[]): ListState {
  const filters: Record<string, string> = {};
  for (const id of filterIds) {
    const v = params.get(id);
    if (v) filters[id] = v;
  }
  let sort: ListState['sort'];
  const raw = params.get('sort');
  if (raw) {
    const [column, dir] = raw.split(':');
    if (column) sort = { column, dir: dir === 'desc' ? 'desc' : 'asc' };
  }
  return { filters, sort, q: params.get('q') ?? '', marker: params.get('marker') || undefined };
}

/** The query string for `state`, keeping every parameter that is not list state (region, tab, ...). */
export function listStateQuery(current: URLSearchParams, filterIds: readonly string[], state: ListState): string {
  const out = new URLSearchParams();
  for (const [k, v] of current) {
    if ((RESERVED as readonly string[]).includes(k) || filterIds.includes(k)) continue;
    out.append(k, v);
  }
  for (const id of filterIds) if (state.filters[id]) out.set(id, state.filters[id]);
  if (state.sort) out.set('sort', `${state.sort.column}:${state.sort.dir}`);
  if (state.q) out.set('q', state.q);
  if (state.marker) out.set('marker', state.marker);
  return out.toString();
}

/** A change that alters the result set starts again at the first page. */
export function withChange(state: ListState, change: Partial<ListState>): ListState {
  const next = { ...state, ...change };
  if (('filters' in change || 'sort' in change) && !('marker' in change)) delete next.marker;
  return next;
}

export function parseTab(params: URLSearchParams, tabs: readonly string[], fallback: string): string {
  const t = params.get('tab');
  return t && tabs.includes(t) ? t : fallback;
}

export function tabQuery(current: URLSearchParams, tab: string, fallback: string): string {
  const out = new URLSearchParams(current);
  if (tab === fallback) out.delete('tab');
  else out.set('tab', tab);
  return out.toString();
}

/** `path?query`, without a dangling "?". */
export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}
