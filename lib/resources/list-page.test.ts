import { describe, expect, it } from 'vitest';
import { novaSort, SERVER_PAGE_SIZE, serverDefinition } from './compute/server';
import { secretDefinition } from './key-manager/secret';
import { listKey, listParamsFor, listQuery, pageFromBody } from './list-page';

const server = (id: string) => ({ id, name: id, status: 'ACTIVE', flavor: {}, image: '', addresses: {}, created: '2026-01-01T00:00:00Z' });

describe('listParamsFor', () => {
  it("reads the page's query string as the list does: filters, sort (or the default), marker, page size", () => {
    expect(listParamsFor(serverDefinition, new URLSearchParams())).toEqual({ filters: {}, sort: { column: 'age', dir: 'desc' }, marker: undefined, limit: SERVER_PAGE_SIZE });
    expect(listParamsFor(serverDefinition, new URLSearchParams('status=ERROR&sort=name:asc&marker=m1&q=web'))).toEqual({
      filters: { status: 'ERROR' },
      sort: { column: 'name', dir: 'asc' },
      marker: 'm1',
      limit: SERVER_PAGE_SIZE,
    });
  });

  it('leaves out a sort the API cannot do (the page sorts those itself)', () => {
    expect(listParamsFor(serverDefinition, new URLSearchParams('sort=ips:asc')).sort).toBeUndefined();
  });

  it('gives the server and the browser one cache key for one URL', () => {
    const a = listKey('p', 'server', listParamsFor(serverDefinition, new URLSearchParams('status=ACTIVE')));
    const b = listKey('p', 'server', listParamsFor(serverDefinition, new URLSearchParams('status=ACTIVE')));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('listQuery', () => {
  it("sorts servers stably: the chosen key, then created_at, name and id (Nova's repeated sort_key/sort_dir pairs)", () => {
    const path = listQuery(serverDefinition, listParamsFor(serverDefinition, new URLSearchParams()));
    expect(path).toBe(
      `servers/detail?sort_key=created_at&sort_dir=desc&sort_key=display_name&sort_dir=asc&sort_key=uuid&sort_dir=asc&limit=${SERVER_PAGE_SIZE}`,
    );
    expect(novaSort('display_name', 'desc')).toEqual([
      ['sort_key', 'display_name'], ['sort_dir', 'desc'],
      ['sort_key', 'created_at'], ['sort_dir', 'desc'],
      ['sort_key', 'uuid'], ['sort_dir', 'asc'],
    ]);
  });

  it("keeps a kind's own sort parameter (Barbican's sort=<key>:<dir>)", () => {
    const sortable = secretDefinition.columns.find((c) => c.sortKey);
    expect(sortable).toBeDefined();
    const path = listQuery(secretDefinition, { filters: {}, sort: { column: sortable!.id, dir: 'asc' } });
    expect(path).toContain(`sort=${encodeURIComponent(`${sortable!.sortKey}:asc`)}`);
  });
});

describe('pageFromBody', () => {
  it('says where the next page starts only when the page is full', () => {
    const params = { filters: {}, limit: 2 };
    expect(pageFromBody(serverDefinition, params, { servers: [server('a'), server('b')] }).next).toBe('b');
    expect(pageFromBody(serverDefinition, params, { servers: [server('a')] }).next).toBeUndefined();
  });
});
