// List queries as Octavia's PaginationHelper reads them: any attribute as an exact-match filter (unknown ones
// are a 400), tags/tags-any/not-tags/not-tags-any, sort=key:dir,... or sort_key/sort_dir (created_at, id
// appended), limit (default 1000) and marker, `previous`/`next` links, and fields=.
import type { RequestContext } from '../../core/context';
import type { Reply } from '../../core/reply';
import { fault, invalidFilter, routingFault } from './errors';

type Json = Record<string, unknown>;
const AUX = ['limit', 'marker', 'sort', 'sort_key', 'sort_dir', 'fields', 'page_reverse'];
const TAG_FILTERS = ['tags', 'tags-any', 'not-tags', 'not-tags-any'];
const TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];

export interface ListOptions {
  /** Filters on values the rendered object does not show directly (e.g. a listener's loadbalancer_id). */
  extraFilters?: Record<string, (row: Json) => unknown>;
  /** Query keys Octavia accepts and ignores for this list. */
  ignored?: string[];
  /** The sort keys always appended (created_at, id; quotas have only project_id). */
  defaultSort?: string[];
  /** A marker outside the caller's rows (Octavia looks markers up across projects), rendered. */
  markerOf?: (id: string) => Json | undefined;
  /** Any object of the kind (rendered), for telling valid filters from invalid ones when `rows` is empty. */
  sample?: Json;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

const tagsOf = (q: URLSearchParams, key: string) => q.getAll(key).flatMap((v) => v.split(','));

function matches(row: Json, key: string, want: string, opts: ListOptions): boolean {
  const have = opts.extraFilters?.[key] ? opts.extraFilters[key](row) : row[key];
  if (typeof have === 'boolean') return have === TRUE.includes(want.toLowerCase());
  return have !== null && have !== undefined && String(have) === want;
}

function sortKeys(q: URLSearchParams, defaults: string[]): Array<[string, 'asc' | 'desc']> {
  const dir = (d: string): 'asc' | 'desc' => {
    const x = d.toLowerCase();
    if (x !== 'asc' && x !== 'desc') throw routingFault(400, `Supplied sort direction '${x}' is not valid.`);
    return x;
  };
  const keys: Array<[string, 'asc' | 'desc']> = [];
  const sort = q.get('sort');
  const sortKey = q.get('sort_key');
  if (sort) {
    for (const part of sort.split(',')) {
      const comps = part.split(':');
      if (comps.length > 2) throw routingFault(400, `Supplied sort key '${JSON.stringify(comps).replace(/"/g, "'").replace(/,/g, ', ')}' is not valid.`);
      keys.push([comps[0], comps.length === 2 ? dir(comps[1]) : 'asc']);
    }
  } else if (sortKey) {
    const dirs = (q.get('sort_dir') ?? '').split(',').filter(Boolean);
    sortKey.split(',').forEach((k, i) => keys.push([k, dir(dirs[i] ?? 'asc')]));
  }
  for (const k of defaults) if (!keys.some(([x]) => x === k)) keys.push([k, 'asc']);
  return keys;
}

/**
 * The list reply `{<key>: [...], <key>_links: [...]}` from every row the caller may see (rendered).
 * `all` is the unfiltered set a marker is looked up in (Octavia finds markers across projects).
 */
export function listReply(ctx: RequestContext, key: string, rows: Json[], opts: ListOptions = {}, linksKey = `${key}_links`): Reply {
  const q = ctx.query;
  const filterKeys = [...new Set([...q.keys()])].filter((k) => !AUX.includes(k) && !TAG_FILTERS.includes(k) && !(opts.ignored ?? []).includes(k));
  const sample = rows[0] ?? opts.sample;
  const known = (k: string) => (sample ? k in sample && (typeof sample[k] !== 'object' || sample[k] === null) : true) || !!opts.extraFilters?.[k];
  if (filterKeys.some((k) => !known(k))) throw invalidFilter();
  let items = rows.filter((r) => filterKeys.every((k) => matches(r, k, q.get(k)!, opts)));
  const tags = (r: Json) => (r.tags as string[] | undefined) ?? [];
  if (q.has('tags')) items = items.filter((r) => tagsOf(q, 'tags').every((t) => tags(r).includes(t)));
  if (q.has('tags-any')) items = items.filter((r) => tagsOf(q, 'tags-any').some((t) => tags(r).includes(t)));
  if (q.has('not-tags')) items = items.filter((r) => !tagsOf(q, 'not-tags').every((t) => tags(r).includes(t)));
  if (q.has('not-tags-any')) items = items.filter((r) => !tagsOf(q, 'not-tags-any').some((t) => tags(r).includes(t)));

  const keys = sortKeys(q, opts.defaultSort ?? ['created_at', 'id']);
  for (const [k] of keys) if (sample && !(k in sample)) throw fault(400, `Supplied sort key '${k}' is not valid.`);
  const order = (a: Json, b: Json) => {
    for (const [k, d] of keys) {
      const c = compare(a[k], b[k]);
      if (c !== 0) return d === 'asc' ? c : -c;
    }
    return 0;
  };
  items.sort(order);

  const marker = q.get('marker');
  if (marker !== null) {
    const m = rows.find((r) => r.id === marker) ?? opts.markerOf?.(marker);
    if (!m) throw fault(400, `Supplied pagination marker '${marker}' is not valid.`);
    const reverse = q.get('page_reverse') === 'True';
    items = items.filter((r) => (reverse ? order(r, m) < 0 : order(r, m) > 0));
  }
  const rawLimit = q.get('limit') ?? '1000';
  let limit: number | null;
  if (rawLimit === 'infinite') limit = null;
  else if (/^\s*-?\d+\s*$/.test(rawLimit)) limit = Number(rawLimit) < 1 ? null : Math.min(Number(rawLimit), 1000);
  else throw routingFault(400, `Supplied pagination limit '${rawLimit}' is not valid.`);
  const page = limit === null ? items : items.slice(0, limit);

  const links: Array<{ href: string; rel: string }> = [];
  if (page.length && limit !== null) {
    const base = `${ctx.url.origin}${ctx.url.pathname}`;
    const attrs = [`limit=${limit}`, ...(q.get('sort') ? [`sort=${q.get('sort')}`] : []), ...(q.get('sort_key') ? [`sort_key=${q.get('sort_key')}`] : [])];
    if (marker !== null) links.push({ href: `${base}?${[...attrs, `marker=${String(page[0].id)}`, 'page_reverse=True'].join('&')}`, rel: 'previous' });
    if (page.length >= limit) links.push({ href: `${base}?${[...attrs, `marker=${String(page[page.length - 1].id)}`].join('&')}`, rel: 'next' });
  }
  const fields = q.getAll('fields').flatMap((f) => f.split(','));
  const shown = fields.length ? page.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => fields.includes(k)))) : page;
  return { status: 200, body: { [key]: shown, [linksKey]: links } };
}

/** `?fields=` on a single object. */
export function pickFields(ctx: RequestContext, row: Json): Json {
  const fields = ctx.query.getAll('fields').flatMap((f) => f.split(','));
  return fields.length ? Object.fromEntries(Object.entries(row).filter(([k]) => fields.includes(k))) : row;
}

/**
 * A project-scoped list: the rows of `scope` (every project for null), with the whole table behind filter
 * validation and markers.
 */
export function scopedList<T extends { id: string; project_id: string }>(
  ctx: RequestContext, key: string, table: Record<string, T>, scope: string | null, render: (x: T) => Json, opts: ListOptions = {},
): Reply {
  const all = Object.values(table);
  const rows = all.filter((x) => scope === null || x.project_id === scope).map(render);
  return listReply(ctx, key, rows, {
    ...opts, sample: all[0] ? render(all[0]) : undefined, markerOf: (id) => (table[id] ? render(table[id]) : undefined),
  });
}
