import { describe, expect, it } from 'vitest';
import { parseQuery, type FieldQuery, type SearchRecord } from './field-query';
import { cachedRecords, DETAIL_LIMIT, rankHits, searchJobs, searchSources, type SearchSource } from './search';

const source = (kind: string) => searchSources('p1').find((s) => s.kind === kind)!;
const servers = source('server');
const q = (s: string): FieldQuery => {
  const r = parseQuery(s);
  if (!r.ok) throw new Error(s);
  return r.query;
};
const inRegion = (src: SearchSource, region: string, body: unknown): SearchRecord[] => src.records(body).map((r) => ({ ...r, region, kinds: [src.kind, src.slug] }));
const body = {
  servers: [
    { id: 'aaaa1111-0000', name: 'web-2' },
    { id: 'bbbb2222-0000', name: 'web' },
    { id: 'cccc3333-0000', name: 'db-web' },
    { id: 'dddd4444-abcd', name: 'cache' },
  ],
};

describe('command palette search', () => {
  it('finds by a fragment of the id', () => {
    expect(rankHits(inRegion(servers, 'RegionOne', body), q('4444-AB'))).toEqual([{ id: 'dddd4444-abcd', name: 'cache', region: 'RegionOne' }]);
  });
  it('ranks exact name, then prefix, then substring', () => {
    expect(rankHits(inRegion(servers, 'RegionOne', body), q('web')).map((h) => h.name)).toEqual(['web', 'web-2', 'db-web']);
  });
  it('reads nothing from bodies without the key', () => {
    expect(servers.records({ images: [] })).toEqual([]);
    expect(servers.records(null)).toEqual([]);
  });
  it('finds a row of one region by region and name glob among both regions', () => {
    const records = [...inRegion(servers, 'RegionOne', body), ...inRegion(servers, 'RegionTwo', { servers: [{ id: 'eeee', name: 'web-r2' }] })];
    expect(rankHits(records, q('region:RegionTwo name:web*'))).toEqual([{ id: 'eeee', name: 'web-r2', region: 'RegionTwo' }]);
    expect(rankHits(records, q('name:web*')).map((h) => h.region)).toContain('RegionOne');
  });
  it('unwraps Nova key pairs and links kinds without detail pages to their filtered list', () => {
    const kp = source('keypair');
    const hits = rankHits(inRegion(kp, 'RegionOne', { keypairs: [{ keypair: { name: 'laptop', fingerprint: 'x' } }] }), q('lap'));
    expect(hits).toEqual([{ id: 'laptop', name: 'laptop', region: 'RegionOne' }]);
    expect(kp.href(hits[0])).toBe('key-pairs?name=laptop');
    expect(servers.href({ id: 'a b', name: 'x' })).toBe('instances/a%20b');
  });
  it('reads statuses and addresses from the kind\'s full list, bounded', () => {
    expect(servers.detail.path).toBe(`servers/detail?limit=${DETAIL_LIMIT}`);
    expect(servers.detail.status && servers.detail.addresses).toBe(true);
    const detail = {
      servers: [
        {
          id: 'ffff', name: 'api', status: 'ERROR', flavor: { id: '1' }, image: '', created: '2026-01-01T00:00:00Z', 'OS-EXT-STS:task_state': null,
          addresses: { private: [{ addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' }] },
        },
      ],
    };
    const [rec] = servers.detail.records(detail);
    expect(rec).toEqual({ id: 'ffff', name: 'api', statuses: ['ERROR'], ips: ['10.0.0.5'] });
    const records = [{ ...rec, region: 'RegionOne', kinds: ['server'] }];
    expect(rankHits(records, q('ip:10.0.0.5 status:ERROR'))).toHaveLength(1);
    expect(rankHits(records, q('ip:10.0.0.6'))).toHaveLength(0);
  });
});

describe('what the palette asks', () => {
  const all = searchSources('p1');
  const label = (t: unknown) => String(t);
  const regions = ['RegionOne', 'RegionTwo'];
  const jobs = (query: string) => searchJobs(all, regions, 'RegionOne', q(query), label);

  it('asks every kind in every region, and Keystone\'s once', () => {
    const j = jobs('web');
    expect(j.filter((x) => x.src.kind === 'server').map((x) => x.region)).toEqual(regions);
    expect(j.filter((x) => x.src.service === 'identity').every((x) => x.region === 'RegionOne')).toBe(true);
    expect(j.every((x) => !x.detail)).toBe(true);
  });
  it('asks only the regions and kinds the clauses allow', () => {
    const j = jobs('region:RegionTwo kind:network name:web*');
    expect(j.map((x) => [x.src.kind, x.region])).toEqual([['network', 'RegionTwo']]);
    expect(jobs('kind:instances').map((x) => x.src.kind)).toEqual(['server', 'server']);
  });
  it('asks full lists for statuses and addresses, of the kinds that have them only', () => {
    const ip = jobs('ip:10.0.0.5');
    expect(ip.length).toBeGreaterThan(0);
    expect(ip.every((x) => x.detail && x.src.detail.addresses)).toBe(true);
    expect(new Set(ip.map((x) => x.src.kind))).toEqual(new Set(['server', 'floating-ip', 'port', 'load-balancer']));
    expect(jobs('status:ERROR').every((x) => x.detail && x.src.detail.status)).toBe(true);
    expect(jobs('status:ERROR').some((x) => x.src.kind === 'keypair')).toBe(false);
  });
  it('reuses the rows cached list pages of the same region hold, once each', () => {
    const networks = source('network');
    const row = { id: 'n1', name: 'web', status: 'ACTIVE', admin_state_up: true, shared: false, subnets: [] };
    const pages: [readonly unknown[], { items: unknown[] } | undefined][] = [
      [['os', 'p1', 'network', 'list', { filters: {} }], { items: [row] }],
      [['os', 'p1', 'network', 'list', { filters: { name: 'web' } }], { items: [row] }],
      [['os', 'p1', 'network', 'list', { filters: {}, region: 'RegionTwo' }], { items: [{ ...row, id: 'n2' }] }],
    ];
    expect(cachedRecords(pages, networks, undefined)?.map((r) => r.id)).toEqual(['n1']);
    expect(cachedRecords(pages, networks, 'RegionTwo')?.map((r) => r.id)).toEqual(['n2']);
    expect(cachedRecords(pages, networks, 'RegionThree')).toBeUndefined();
  });
});
