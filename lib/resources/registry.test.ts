// Declarations over the registry: what the generic routes, the sidebar and the palette rely on. The schemas are
// checked against answers recorded from the demo cloud, which speaks the OpenStack APIs (the CLI conformance
// suite holds it to the real clients).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '@/lib/demo-cloud/server';
import { call, login, startTestCloud } from '@/lib/demo-cloud/test-helpers';
import { en } from '@/lib/testing/english';
import type { Text } from '@/lib/i18n/msg';
import { definitionOf, findSection, GROUPS, groupOf, navGroups, NO_SCOPE, projectHref, providingType, sectionAccess, sectionOfKind, SECTIONS, type DefinitionScope } from './registry';
import { parseItem, parseList } from './schema';
import { parseQuery } from './field-query';
import { rankHits, searchSources } from './search';

const kinds = SECTIONS.flatMap((s) => {
  const def = definitionOf(s, 'p1');
  return def ? [{ section: s, def }] : [];
});

describe('registry declarations', () => {
  it('has unique slugs, and each kind once', () => {
    const slugs = SECTIONS.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const names = kinds.map((k) => k.def.kind);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names known groups; a definition and its section agree on the slug', () => {
    for (const s of SECTIONS) expect(() => groupOf(s)).not.toThrow();
    for (const { section, def } of kinds) expect(def.slug, section.slug).toBe(section.slug);
    expect(new Set(GROUPS.map((g) => g.id)).size).toBe(GROUPS.length);
  });

  it('every column, sort and filter of a kind resolves', () => {
    for (const { def } of kinds) {
      const ids = def.columns.map((c) => c.id);
      expect(new Set(ids).size, `${def.kind} columns`).toBe(ids.length);
      if (def.defaultSort) expect(ids, `${def.kind} default sort`).toContain(def.defaultSort.column);
      for (const f of def.filters ?? []) expect(f.type === 'text' || (f.options?.length ?? 0) > 0 || !!f.optionsFrom, `${def.kind} filter ${f.id}`).toBe(true);
      for (const a of def.actions ?? []) expect(a.id && a.label, `${def.kind} action`).toBeTruthy();
    }
  });

  it('every related section and palette action points at a page that exists', () => {
    for (const s of SECTIONS) {
      for (const r of s.related ?? []) expect(findSection(r), `${s.slug} relates to ${r}`).toBeDefined();
      for (const a of s.actions ?? []) expect(a.path === 'new' ? !!s.create : a.path.startsWith('?'), `${s.slug} action ${a.label}`).toBe(true);
    }
  });

  it('every kind is reachable: from the sidebar, or (hidden ones) from the palette', () => {
    const inNav = new Set(navGroups(['admin']).flatMap((g) => g.sections.map((s) => s.slug)));
    const searched = new Set(searchSources('p1').map((s) => s.kind));
    for (const { section, def } of kinds) {
      expect(inNav.has(section.slug) || searched.has(def.kind), `${section.slug} is reachable`).toBe(true);
      if (section.detail) expect(searched.has(def.kind), `${section.slug} has detail pages, so the palette finds its objects`).toBe(true);
    }
    expect(sectionOfKind('server')?.slug).toBe('instances');
  });

  it('decides access from the catalog and the roles', () => {
    const nodes = findSection('nodes')!;
    expect(sectionAccess(nodes, ['baremetal'], ['member'])).toEqual({ state: 'admin-required', serviceType: 'baremetal' });
    expect(sectionAccess(nodes, ['baremetal'], ['admin']).state).toBe('ok');
    expect(sectionAccess(nodes, ['compute'], ['admin']).state).toBe('unavailable');
    expect(sectionAccess(findSection('admin/hypervisors')!, ['compute', 'identity'], ['member']).state).toBe('forbidden');
    expect(sectionAccess(findSection('snapshots')!, ['block-storage'], ['member'])).toEqual({ state: 'ok', serviceType: 'block-storage' });
    expect(providingType(groupOf(findSection('clusters')!), ['identity'])).toBeUndefined();
    expect(navGroups(['member']).map((g) => g.group.id)).not.toContain('admin');
    expect(navGroups(['member']).flatMap((g) => g.sections.map((s) => s.slug))).not.toContain('ports');
  });

  it('words its own texts through the catalogs (the kinds word theirs)', () => {
    const own = (s: (typeof SECTIONS)[number]): (Text | undefined)[] => [s.definition ? undefined : s.label, s.create, s.description, ...(s.actions ?? []).map((a) => a.label)];
    const texts = [...GROUPS.flatMap((g) => [g.label, g.service]), ...SECTIONS.flatMap(own)].filter((t): t is Text => t !== undefined);
    for (const t of texts) expect(typeof t !== 'string' || en(t) !== t, `${typeof t === 'string' ? t : t.key} is a catalog key`).toBe(true);
    expect(en(findSection('key-pairs')?.label)).toBe('Key Pairs');
    expect(en(findSection('admin/hypervisors')?.description)).toMatch(/^Usage comes from Nova microversion 2\.87, the last one/);
  });

  it('keeps the region in links', () => {
    expect(projectHref('demo', 'p1', 'RegionTwo', 'zones')).toBe('/demo/p1/zones?region=RegionTwo');
  });
});

describe('schemas against the demo cloud', () => {
  let cloud: DemoCloud;
  let token: string;
  let endpoints: Record<string, string>;
  // The logged-in user, for the kinds built per user (application credentials).
  let scope: DefinitionScope = NO_SCOPE;

  beforeAll(async () => {
    cloud = await startTestCloud({ speed: 100 });
    const auth = await call(cloud, 'POST', '/identity/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['password'], password: { user: { name: 'admin', domain: { id: 'default' }, password: 'admin' } } }, scope: { project: { name: 'admin', domain: { name: 'Default' } } } } },
    });
    token = auth.headers.get('x-subject-token') ?? (await login(cloud, 'admin', 'admin'));
    const catalog = (auth.body as { token: { catalog: { type: string; endpoints: { interface: string; url: string }[] }[] } }).token.catalog;
    endpoints = Object.fromEntries(catalog.map((c) => [c.type, c.endpoints.find((e) => e.interface === 'public')?.url ?? '']));
    scope = { userId: (auth.body as { token: { user: { id: string } } }).token.user.id, roles: [] };
  }, 30_000);
  afterAll(() => cloud?.close());

  const get = async (service: string, path: string, headers?: Record<string, string>) => {
    const base = endpoints[service];
    expect(base, `catalog has ${service}`).toBeTruthy();
    const r = await fetch(`${base.replace(/\/$/, '')}/${path}`, { headers: { 'X-Auth-Token': token, ...headers } });
    expect(r.status, `GET ${service} ${path}`).toBe(200);
    return r.json() as Promise<unknown>;
  };

  it.each(kinds.map((k) => [k.section.slug, k] as const))('%s: the list, and one item where it has detail pages, parse with the definition', async (_slug, { section }) => {
    const def = definitionOf(section, 'p1', scope)!;
    const list = parseList(def.listSchema ?? def.schema, await get(def.service, def.paths.list, def.headers), def.keys.list, def.paths.list);
    if (!list.length) return;
    for (const row of list) for (const c of def.columns) expect(() => c.value(row, { lookups: {} }), `${def.kind} column ${c.id}`).not.toThrow();
    // Only kinds with detail pages read one object (Nova has no GET os-services/{id}).
    if (!section.detail) return;
    const item = parseItem(def.schema, await get(def.service, def.paths.item(def.id(list[0])), def.headers), def.keys.item, def.paths.item(def.id(list[0])));
    expect(def.id(item)).toBe(def.id(list[0]));
  });

  it('every palette source answers with its key, and a name finds its object', async () => {
    for (const src of searchSources('p1')) {
      const body = await get(src.service, src.path, src.headers);
      const list = (body as Record<string, unknown>)[src.key];
      expect(Array.isArray(list), `${src.kind} answers ${src.key}`).toBe(true);
      const first = (list as Record<string, unknown>[])[0];
      if (!first) continue;
      const name = src.name(first) || src.id(first);
      const records = src.records(body).map((r) => ({ ...r, region: 'RegionOne', kinds: [src.kind] }));
      const query = parseQuery(`"${name}"`);
      expect(query.ok && rankHits(records, query.query, 50).map((h) => h.id), `${src.kind} finds ${name}`).toContain(src.id(first));
    }
  });

  it('every palette source with statuses or addresses answers its full list, which parses', async () => {
    for (const src of searchSources('p1')) {
      if (!src.detail.status && !src.detail.addresses) continue;
      const records = src.detail.records(await get(src.service, src.detail.path, src.headers));
      for (const r of records) expect(typeof r.id, `${src.kind} record id`).toBe('string');
    }
  });
});
