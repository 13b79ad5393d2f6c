// What the command palette searches: one source per resource kind that has a page, read from the kinds'
// definitions. A source lists the project's objects cheaply (summary lists, large pages) and the palette
// matches them in the browser with its field queries (field-query.ts: names and ids by fragment, which no
// OpenStack list filter offers, statuses, addresses, regions): API data only, never the kinds' labels, which the
// palette translates. Statuses and addresses need the kind's full list, asked only when a query uses them.
import { allows, matchScore, needsDetail, type FieldQuery, type SearchRecord } from './field-query';
import { listQuery, pageFromBody, type ListParams } from './list-page';
import { definitionOf, SECTIONS, type Section } from './registry';
import type { AnyDefinition, ListPage, MaskKind, Text } from './types';
import type { Msg } from '@/lib/i18n/msg';

/** An object as a source reads it, before the palette adds its region and kind. */
export type SourceRecord = Omit<SearchRecord, 'region' | 'kinds'>;

/** The full list a status or address query reads: one bounded page per region. */
export const DETAIL_LIMIT = 200;

export interface SearchSource {
  kind: string;
  /** Plural label, the heading of its results. */
  label: Text;
  /** The kind's ICU plural noun, for "search instances, volumes…". */
  noun: Msg;
  service: string;
  headers?: Record<string, string>;
  /** Relative to the service endpoint. */
  path: string;
  /** Response key of the array. */
  key: string;
  /** Page of a result: `<slug>/<id>` when the kind has detail pages, else the list filtered by name. */
  href: (hit: SearchHit) => string;
  id: (o: Record<string, unknown>) => string;
  name: (o: Record<string, unknown>) => string;
  /** Only searched for admins (Ironic nodes). */
  adminOnly?: boolean;
  /** Names presentation mode may mask (secret names). */
  sensitive?: MaskKind;
  /** The kind's page (`instances`), which a `kind:` clause may name as well as the kind. */
  slug: string;
  /** The objects of the cheap list's answer. */
  records: (body: unknown) => SourceRecord[];
  /** The kind's full list (bounded), for queries on what the cheap list lacks: `status` and `ip`. */
  detail: { path: string; records: (body: unknown) => SourceRecord[]; status: boolean; addresses: boolean };
  /** The records of rows a list page already holds (the palette reuses cached list data). */
  fromRows: (rows: readonly unknown[]) => SourceRecord[];
}

export interface SearchHit {
  id: string;
  name: string;
}

function source(section: Section, def: AnyDefinition, path: string): SearchSource {
  const detail = !!section.detail;
  const id = (o: Record<string, unknown>) => String(def.id(unwrap(o, def.keys.item)) ?? '');
  const name = (o: Record<string, unknown>) => String(def.name(unwrap(o, def.keys.item)) ?? '');
  const params: ListParams = { filters: {}, limit: def.pageSize ? DETAIL_LIMIT : undefined };
  // Rows the kind's schema parsed: its own status and addresses, and the API's raw status beside the badge's label.
  const fromRows = (rows: readonly unknown[]): SourceRecord[] =>
    rows.map((row) => {
      const label = def.status?.(row).label;
      const raw = (row as Record<string, unknown>).status;
      return { id: def.id(row), name: def.name(row), statuses: [...new Set([label, raw].filter((x): x is string => typeof x === 'string'))], ips: [...(def.addresses?.(row) ?? [])] };
    });
  return {
    adminOnly: section.search?.adminOnly,
    kind: def.kind,
    slug: def.slug,
    label: def.label.plural,
    noun: def.label.noun,
    service: def.service,
    headers: def.headers,
    path,
    key: def.keys.list,
    href: (hit) => (detail ? `${def.slug}/${encodeURIComponent(hit.id)}` : `${def.slug}?name=${encodeURIComponent(hit.name)}`),
    // Nova's key pair list wraps each item: `{"keypair": {...}}`.
    id,
    name,
    sensitive: def.sensitiveName,
    records: (body) =>
      listOf(body, def.keys.list).map((o) => ({ id: id(o), name: name(o), statuses: typeof o.status === 'string' ? [o.status] : [], ips: [] })),
    detail: { path: listQuery(def, params), records: (body) => fromRows(pageFromBody(def, params, body).items), status: !!def.status, addresses: !!def.addresses },
    fromRows,
  };
}

function listOf(body: unknown, key: string): Record<string, unknown>[] {
  const list = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list.filter((o): o is Record<string, unknown> => !!o && typeof o === 'object') : [];
}

function unwrap(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const inner = key ? o[key] : undefined;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : o;
}

/** One source per registry section that names a search path, in sidebar order. */
export function searchSources(projectId: string): SearchSource[] {
  return SECTIONS.flatMap((section) => {
    const def = definitionOf(section, projectId);
    return def && section.search ? [source(section, def, section.search.path)] : [];
  });
}

/** A match: the object and the region it is in. */
export interface RegionHit extends SearchHit {
  region: string;
}

/** The records that match `query`, best first (then by name), at most `max`. */
export function rankHits(records: readonly SearchRecord[], query: FieldQuery, max = 6): RegionHit[] {
  const scored: { hit: RegionHit; score: number }[] = [];
  for (const r of records) {
    const score = matchScore(query, r);
    if (score >= 0) scored.push({ hit: { id: r.id, name: r.name, region: r.region }, score });
  }
  scored.sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name) || a.hit.region.localeCompare(b.hit.region));
  return scored.slice(0, max).map((s) => s.hit);
}

/** One request of a search: a kind in a region, its cheap list or (for statuses and addresses) its full one. */
export interface SearchJob {
  src: SearchSource;
  region: string;
  detail: boolean;
  /** The names a `kind:` clause may use: the kind, its page, its label as read. */
  kinds: string[];
}

/** The kinds and regions a query can match in: its `kind:` and `region:` clauses narrow the requests. */
export function searchJobs(sources: readonly SearchSource[], regions: readonly string[], session: string, fq: FieldQuery, m: (t: Text) => string): SearchJob[] {
  const detail = needsDetail(fq);
  const wants = (field: 'status' | 'ip') => fq.clauses.some((c) => c.field === field);
  return sources.flatMap((src) => {
    const kinds = [src.kind, src.slug, m(src.label)];
    if (!allows(fq, 'kind', kinds)) return [];
    // A kind without statuses (or addresses) cannot match a status (or ip) clause: not asked at all.
    if ((wants('status') && !src.detail.status) || (wants('ip') && !src.detail.addresses)) return [];
    // Keystone is one for the whole cloud: its objects are asked once, of the session's region.
    return (src.service === 'identity' ? [session] : regions).filter((r) => allows(fq, 'region', [r])).map((region) => ({ src, region, detail, kinds }));
  });
}

/** The rows of a kind that cached list pages of that region already hold (`region` undefined: the session's). */
export function cachedRecords(pages: [readonly unknown[], ListPage<unknown> | undefined][], src: SearchSource, region: string | undefined): SourceRecord[] | undefined {
  const rows = pages.flatMap(([key, page]) => (page && (key[4] as ListParams | undefined)?.region === region ? page.items : []));
  if (!rows.length) return undefined;
  const seen = new Set<string>();
  return src.fromRows(rows).filter((r) => !seen.has(r.id) && !!seen.add(r.id));
}
