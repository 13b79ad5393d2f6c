// What the command palette searches: one source per resource kind that has a page, read from the kinds'
// definitions. A source lists the project's objects cheaply (summary lists, large pages) and the palette
// matches names and ids (fragments included, which no OpenStack list filter offers) in the browser: API data
// only, never the kinds' labels, which the palette translates.
import { definitionOf, SECTIONS, type Section } from './registry';
import type { AnyDefinition, MaskKind, Text } from './types';
import type { Msg } from '@/lib/i18n/msg';

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
}

export interface SearchHit {
  id: string;
  name: string;
}

function source(section: Section, def: AnyDefinition, path: string): SearchSource {
  const detail = !!section.detail;
  return {
    adminOnly: section.search?.adminOnly,
    kind: def.kind,
    label: def.label.plural,
    noun: def.label.noun,
    service: def.service,
    headers: def.headers,
    path,
    key: def.keys.list,
    href: (hit) => (detail ? `${def.slug}/${encodeURIComponent(hit.id)}` : `${def.slug}?name=${encodeURIComponent(hit.name)}`),
    // Nova's key pair list wraps each item: `{"keypair": {...}}`.
    id: (o) => String(def.id(unwrap(o, def.keys.item)) ?? ''),
    name: (o) => String(def.name(unwrap(o, def.keys.item)) ?? ''),
    sensitive: def.sensitiveName,
  };
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

/** The objects of one source's answer that match `query` by name or id (case-insensitive substring), best first. */
export function matchHits(src: Pick<SearchSource, 'key' | 'id' | 'name'>, body: unknown, query: string, max = 6): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q || !body || typeof body !== 'object') return [];
  const list = (body as Record<string, unknown>)[src.key];
  if (!Array.isArray(list)) return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const o of list) {
    if (!o || typeof o !== 'object') continue;
    const hit = { id: src.id(o as Record<string, unknown>), name: src.name(o as Record<string, unknown>) };
    const name = hit.name.toLowerCase();
    const id = hit.id.toLowerCase();
    // Exact name, then name prefix, then id prefix, then any substring.
    const score = name === q || id === q ? 0 : name.startsWith(q) ? 1 : id.startsWith(q) ? 2 : name.includes(q) ? 3 : id.includes(q) ? 4 : -1;
    if (score >= 0) scored.push({ hit, score });
  }
  scored.sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name));
  return scored.slice(0, max).map((s) => s.hit);
}
