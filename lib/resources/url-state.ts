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

/** The parameters the filter form carries as hidden fields: all but the ones its own fields set (the filters and the
 *  search text) and the page marker (a new search starts at the first page). */
export function formCarriedParams(current: URLSearchParams, filterIds: readonly string[]): [string, string][] {
  return [...current].filter(([k]) => k !== 'q' && k !== 'marker' && !filterIds.includes(k));
}

/** A change that alters the result set starts again at the first page. */
export function withChange(state: ListState, change: Partial<ListState>): ListState {
  const next = { ...state, ...change };
  if (('filters' in change || 'sort' in change) && !('marker' in change)) delete next.marker;
  return next;
}

// ---- The list's one search box ----
// It filters the rows on the page as the user types (`q`, any column). Where the kind filters by name on the server
// (a text filter `name`), Enter asks the server too: the text becomes `name=` (Nova matches a pattern, Glance, Cinder
// and Neutron the exact name), so it finds rows on later pages as well. The box shows whichever of the two holds it.

/** The text the search box shows. */
export function searchText(state: ListState, serverName: boolean): string {
  return state.q || (serverName ? (state.filters.name ?? '') : '');
}

/** The words the page itself still filters by: none while the server filters by that very text (Nova's name filter
 *  is a regular expression, which a plain substring match of the page would contradict). */
export function pageSearch(state: ListState, serverName: boolean): string {
  return serverName && state.q.trim() === state.filters.name ? '' : state.q;
}

/** Typing in the box: the page follows at once; a text that is no longer the server's name filter drops that filter,
 *  so the box never shows one thing while the rows are filtered by another. */
export function searchTyped(filters: Record<string, string>, text: string, serverName: boolean): Partial<ListState> {
  if (!serverName || filters.name === undefined || filters.name === text.trim()) return { q: text };
  const rest = { ...filters };
  delete rest.name;
  return { q: text, filters: rest };
}

/** Enter in the box (or Apply): the text goes to the server as `name=` where the kind has that filter (and leaves
 *  `q`, which would only repeat it), or stays a filter of the page. An empty box clears both. */
export function searchSubmitted(filters: Record<string, string>, text: string, serverName: boolean): Partial<ListState> {
  const q = text.trim();
  if (!serverName) return { q, filters };
  const next = { ...filters };
  if (q) next.name = q;
  else delete next.name;
  return { q: '', filters: next };
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
