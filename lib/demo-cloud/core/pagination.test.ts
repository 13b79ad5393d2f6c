import { describe, expect, it } from 'vitest';
import { HttpError } from './errors';
import { nextPageUrl, paginate } from './pagination';

const items = Array.from({ length: 5 }, (_, i) => ({ id: `id${i}` }));
const page = (q: string, opts: { maxLimit?: number; defaultLimit?: number } = {}) =>
  paginate(items, new URLSearchParams(q), { id: (x) => x.id, ...opts });

describe('paginate', () => {
  it.each([
    ['', ['id0', 'id1', 'id2', 'id3', 'id4'], null],
    ['limit=2', ['id0', 'id1'], 'id1'],
    ['limit=2&marker=id1', ['id2', 'id3'], 'id3'],
    ['limit=2&marker=id3', ['id4'], null],
    ['limit=5', ['id0', 'id1', 'id2', 'id3', 'id4'], null],
    ['marker=id4', [], null],
    ['limit=0', [], null],
  ])('%s -> %j, next %s', (q, ids, next) => {
    const p = page(q);
    expect(p.items.map((x) => x.id)).toEqual(ids);
    expect(p.nextMarker).toBe(next);
  });

  it('caps the limit at maxLimit and applies defaultLimit', () => {
    expect(page('limit=100', { maxLimit: 3 }).items).toHaveLength(3);
    expect(page('', { defaultLimit: 2 }).nextMarker).toBe('id1');
  });

  it.each([['marker=nope'], ['limit=-1'], ['limit=abc']])('rejects %s with 400', (q) => {
    expect(() => page(q)).toThrow(HttpError);
    try {
      page(q);
    } catch (e) {
      expect((e as HttpError).status).toBe(400);
    }
  });

  it('builds next links from the request URL', () => {
    expect(nextPageUrl('http://h:1/compute/v2.1/servers?name=x&marker=a', 'b', 2)).toBe(
      'http://h:1/compute/v2.1/servers?name=x&marker=b&limit=2',
    );
  });
});
