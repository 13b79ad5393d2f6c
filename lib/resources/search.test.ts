import { describe, expect, it } from 'vitest';
import { matchHits, searchSources } from './search';

const servers = searchSources('p1').find((s) => s.kind === 'server')!;
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
    expect(matchHits(servers, body, '4444-AB')).toEqual([{ id: 'dddd4444-abcd', name: 'cache' }]);
  });
  it('ranks exact name, then prefix, then substring', () => {
    expect(matchHits(servers, body, 'web').map((h) => h.name)).toEqual(['web', 'web-2', 'db-web']);
  });
  it('ignores blank queries and bodies without the key', () => {
    expect(matchHits(servers, body, '  ')).toEqual([]);
    expect(matchHits(servers, { images: [] }, 'web')).toEqual([]);
  });
  it('unwraps Nova key pairs and links kinds without detail pages to their filtered list', () => {
    const kp = searchSources('p1').find((s) => s.kind === 'keypair')!;
    const hits = matchHits(kp, { keypairs: [{ keypair: { name: 'laptop', fingerprint: 'x' } }] }, 'lap');
    expect(hits).toEqual([{ id: 'laptop', name: 'laptop' }]);
    expect(kp.href(hits[0])).toBe('key-pairs?name=laptop');
    expect(servers.href({ id: 'a b', name: 'x' })).toBe('instances/a%20b');
  });
});
