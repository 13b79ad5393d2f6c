import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { msg } from '@/lib/i18n/msg';
import { en } from '@/lib/testing/english';
import type { Column, Text } from '@/lib/resources/types';
import { ago, elapsed, cellText, compareCells, toCsv, toJson } from './format';

type Row = { name: string; ips: string[]; n: number };
const columns: Column<Row>[] = [
  { id: 'name', label: 'Name', value: (r) => r.name },
  { id: 'ips', label: 'IP addresses', value: (r) => r.ips, cell: 'list' },
  { id: 'n', label: 'Count', value: (r) => r.n },
];
const ctx = { lookups: {} };

describe('export', () => {
  it.each([
    ['plain', { name: 'web-1', ips: ['10.0.0.5'], n: 1 }, 'web-1,10.0.0.5,1'],
    ['a comma and quotes are quoted', { name: 'a,"b"', ips: [], n: 2 }, '"a,""b""",,2'],
    ['several IPs in one cell', { name: 'x', ips: ['10.0.0.5', '172.24.4.9'], n: 0 }, 'x,"10.0.0.5, 172.24.4.9",0'],
    ['formula-looking cells are neutralised', { name: '=HYPERLINK("x")', ips: [], n: 0 }, `"'=HYPERLINK(""x"")",,0`],
    ['+, - and @ too', { name: '@SUM(A1)', ips: ['-1+1'], n: 0 }, `"'@SUM(A1)","'-1+1",0`],
    ['a leading tab is neutralised', { name: '\t=1+1', ips: [], n: 0 }, `"'\t=1+1",,0`],
    ['a leading CR is neutralised', { name: '\r=1+1', ips: [], n: 0 }, `"'\r=1+1",,0`],
    ['a minus inside a name is left alone', { name: 'web-1', ips: [], n: -3 }, 'web-1,,"\'-3"'],
  ])('CSV: %s', (_n, row, line) => {
    expect(toCsv([row], columns, ctx, (t) => en(t)!)).toBe(`Name,IP addresses,Count\r\n${line}\r\n`);
  });
  it('CSV headers are the labels in the user\'s language, neutralised and quoted like cells', () => {
    const de: Record<string, string> = { Name: 'Name', 'IP addresses': 'IP-Adressen', Count: '=Anzahl, gesamt' };
    const label = (t: Text) => de[t as string];
    expect(toCsv([], columns, ctx, label)).toBe(`Name,IP-Adressen,"'=Anzahl, gesamt"\r\n`);
  });
  it('JSON exports the words of message objects, alone and in lists, not the objects', () => {
    type Tagged = { state: Text; tags: Text[] };
    const cols: Column<Tagged>[] = [
      { id: 'state', label: 'State', value: (r) => r.state as never },
      { id: 'tags', label: 'Tags', value: (r) => r.tags as never, cell: 'list' },
    ];
    const row = { state: msg('common.yes', {}), tags: ['raw', msg('common.no', {})] };
    expect(JSON.parse(toJson([row], cols, ctx, (t) => en(t)!))).toEqual([{ state: 'Yes', tags: ['raw', 'No'] }]);
  });
  it('JSON keeps the visible columns by id', () => {
    expect(JSON.parse(toJson([{ name: 'a', ips: ['1'], n: 3 }], columns, ctx, (t) => en(t)!))).toEqual([{ name: 'a', ips: ['1'], n: 3 }]);
  });
});

describe('cells', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [['a', 'b'], 'a, b'],
    [5, '5'],
    ['common.yes', 'common.yes'],
    [{ key: 'common.yes', values: {} }, 'Yes'],
  ] as const)('cellText(%j) = %j', (v, text) => {
    // API data is never looked up in the catalogs, even when it looks like a key; the dashboard's words are.
    expect(cellText(v as never, (t) => en(t)!)).toBe(text);
  });
  it.each([
    ['en', '2026-01-01T00:00:00Z', '2026-01-01T00:00:30Z', '30 sec'],
    ['en', '2026-01-01T00:00:00Z', '2026-01-01T00:05:59Z', '5 min'],
    ['en', '2026-01-01T00:00:00Z', '2026-01-01T03:00:00Z', '3 hr'],
    ['en', '2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', '2 days'],
    ['de', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z', '5 Min.'],
    ['en', 'garbage', '2026-01-01T00:00:00Z', ''],
  ] as const)('elapsed(%s, %s → %s)', (locale, iso, now, out) => {
    expect(elapsed(iso, Date.parse(now), createFormatter({ locale }))).toBe(out);
  });
  it.each([
    ['en', '2026-01-01T00:00:00Z', '2026-01-01T00:00:30Z', '30 seconds ago'],
    ['en', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z', '5 minutes ago'],
    ['en', '2026-01-01T00:00:00Z', '2026-01-01T03:00:00Z', '3 hours ago'],
    ['en', '2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', '2 days ago'],
    ['de', '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z', 'vor 5 Minuten'],
    ['ja', '2026-01-01T00:00:00Z', '2026-01-01T03:00:00Z', '3 時間前'],
    ['en', '2026-01-01T00:05:00Z', '2026-01-01T00:00:00Z', 'now'],
    ['en', 'garbage', '2026-01-01T00:00:00Z', ''],
  ] as const)('ago in %s (%s at %s)', (locale, iso, now, out) => {
    expect(ago(iso, Date.parse(now), createFormatter({ locale }))).toBe(out);
  });
  it('sorts numbers and names naturally', () => {
    const m = (t: Text) => en(t)!;
    expect(['web-10', 'web-2', 'web-1'].sort((a, b) => compareCells(a, b, m))).toEqual(['web-1', 'web-2', 'web-10']);
    expect(compareCells(2, 10, m)).toBeLessThan(0);
  });
});
