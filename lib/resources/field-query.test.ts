import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { allows, globToRegExp, matchScore, MAX_QUERY, needsDetail, parseQuery, type FieldQuery, type SearchRecord } from './field-query';

const parsed = (s: string): FieldQuery => {
  const r = parseQuery(s);
  if (!r.ok) throw new Error(`did not parse: ${s}`);
  return r.query;
};

describe('parseQuery', () => {
  it.each<[string, FieldQuery]>([
    ['web', { words: ['web'], clauses: [] }],
    ['  web   db ', { words: ['web', 'db'], clauses: [] }],
    ['ip:10.0.0.5', { words: [], clauses: [{ field: 'ip', value: '10.0.0.5' }] }],
    ['status:ERROR', { words: [], clauses: [{ field: 'status', value: 'ERROR' }] }],
    ['name:web*', { words: [], clauses: [{ field: 'name', value: 'web*' }] }],
    ['region:RegionTwo name:web* db', { words: ['db'], clauses: [{ field: 'region', value: 'RegionTwo' }, { field: 'name', value: 'web*' }] }],
    ['Status:active', { words: [], clauses: [{ field: 'status', value: 'active' }] }],
    ['name:"my web"', { words: [], clauses: [{ field: 'name', value: 'my web' }] }],
    ['"a:b" c', { words: ['a:b', 'c'], clauses: [] }],
    [':x', { words: [':x'], clauses: [] }],
    ['ip:fe80::1', { words: [], clauses: [{ field: 'ip', value: 'fe80::1' }] }],
    ['ip:10.0.0.0/24 kind:volume id:ab12', { words: [], clauses: [{ field: 'ip', value: '10.0.0.0/24' }, { field: 'kind', value: 'volume' }, { field: 'id', value: 'ab12' }] }],
    ['', { words: [], clauses: [] }],
  ])('%s', (input, query) => {
    expect(parseQuery(input)).toEqual({ ok: true, query });
  });

  it.each<[string, string]>([
    ['colour:red', 'Unknown field “colour”: use name, status, ip, region, id, kind (e.g. status:ERROR)'],
    ['status:', 'status: needs a value, e.g. status:ERROR'],
    ['name:"web', 'A quote is not closed: add the closing "'],
    ['ip:web', '“web” is not an IP address: write e.g. ip:10.0.0.5, ip:10.0.0.* or ip:10.0.0.0/24'],
    ['ip:10.0.0.0/40', '“10.0.0.0/40” is not an IP address: write e.g. ip:10.0.0.5, ip:10.0.0.* or ip:10.0.0.0/24'],
    ['ip:fe80::/64', '“fe80::/64” is not an IP address: write e.g. ip:10.0.0.5, ip:10.0.0.* or ip:10.0.0.0/24'],
    ['x'.repeat(MAX_QUERY + 1), 'The search is too long (at most 200 characters)'],
  ])('hints instead of throwing: %s', (input, hint) => {
    const r = parseQuery(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(en(r.hint)).toBe(hint);
  });

  it('never throws, whatever it is given', () => {
    for (const s of ['"', '::', 'a:"', '*:*', 'name:(', 'name:[a-', 'ip:..../.', '\u0000:\u0000', 'name:\\', '"""']) expect(() => parseQuery(s)).not.toThrow();
    expect(() => matchScore(parsed('name:(['), rec({}))).not.toThrow();
  });
});

const rec = (r: Partial<SearchRecord>): SearchRecord => ({ id: 'f3a1c2d4', name: 'web-1', statuses: ['ACTIVE'], ips: ['10.0.0.5', '172.24.4.10'], region: 'RegionOne', kinds: ['server', 'instances', 'Instances'], ...r });

describe('matchScore', () => {
  it.each<[string, Partial<SearchRecord>, boolean]>([
    ['ip:10.0.0.5', {}, true],
    ['ip:10.0.0.50', {}, false],
    ['ip:10.0.0.*', {}, true],
    ['ip:10.0.0.0/24', {}, true],
    ['ip:10.0.1.0/24', {}, false],
    ['ip:0.0.0.0/0', {}, true],
    ['status:ERROR', {}, false],
    ['status:error', { statuses: ['ERROR'] }, true],
    ['status:ERROR status:ACTIVE', {}, true],
    ['status:ERR*', { statuses: ['ERROR'] }, true],
    ['name:web*', {}, true],
    ['name:web*', { name: 'db-web' }, false],
    ['name:web', { name: 'db-web' }, true],
    ['name:w?b-1', {}, true],
    ['name:"my web"', { name: 'My Web server' }, true],
    ['region:RegionTwo', {}, false],
    ['region:regiontwo', { region: 'RegionTwo' }, true],
    ['region:Region*', {}, true],
    ['kind:server', {}, true],
    ['kind:volume', {}, false],
    ['id:f3a1', {}, true],
    ['id:a1', {}, false],
    ['web', {}, true],
    ['web db', {}, false],
    ['region:RegionTwo name:web*', { region: 'RegionTwo' }, true],
    ['region:RegionTwo name:web* 1', { region: 'RegionTwo' }, true],
    ['name:a.b', { name: 'axb' }, false],
  ])('%s on %j: %s', (q, r, ok) => {
    expect(matchScore(parsed(q), rec(r)) >= 0).toBe(ok);
  });

  it('ranks an exact name before a prefix, an id prefix, and a part', () => {
    const q = parsed('web');
    expect(matchScore(q, rec({ name: 'web' }))).toBeLessThan(matchScore(q, rec({ name: 'web-1' })));
    expect(matchScore(q, rec({ name: 'web-1' }))).toBeLessThan(matchScore(q, rec({ name: 'x', id: 'web9' })));
    expect(matchScore(q, rec({ name: 'x', id: 'web9' }))).toBeLessThan(matchScore(q, rec({ name: 'my-web' })));
  });
});

describe('what a query needs', () => {
  it('asks only the regions and kinds its clauses allow', () => {
    expect(allows(parsed('region:RegionTwo'), 'region', ['RegionOne'])).toBe(false);
    expect(allows(parsed('region:RegionTwo'), 'region', ['RegionTwo'])).toBe(true);
    expect(allows(parsed('web'), 'region', ['RegionOne'])).toBe(true);
    expect(allows(parsed('kind:instances'), 'kind', ['server', 'instances'])).toBe(true);
    expect(allows(parsed('kind:vol*'), 'kind', ['volume', 'volumes'])).toBe(true);
  });
  it('needs full lists for statuses and addresses only', () => {
    expect(needsDetail(parsed('status:ERROR'))).toBe(true);
    expect(needsDetail(parsed('ip:10.0.0.5'))).toBe(true);
    expect(needsDetail(parsed('name:web* region:RegionTwo'))).toBe(false);
  });
  it('escapes everything but the wildcards', () => {
    expect(globToRegExp('a.b*').test('a.bcd')).toBe(true);
    expect(globToRegExp('a.b*').test('axbcd')).toBe(false);
    expect(globToRegExp('(x)').test('(x)')).toBe(true);
  });
});
