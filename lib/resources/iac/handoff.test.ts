import { describe, expect, it } from 'vitest';
import { exportQuery, MAX_LINKED, parseSelection, selectionQuery } from './handoff';

describe('the export page link', () => {
  it('chooses the objects of kinds that map to Heat, by kind and id, and reads them back', () => {
    const q = exportQuery([{ slug: 'networks', id: 'n1' }, { slug: 'instances', id: 'v1' }, { slug: 'load-balancers', id: 'lb' }, { slug: 'floating-ips', id: 'f1' }]);
    expect(q).toBe('select=network%3An1&select=server%3Av1&select=floating-ip%3Af1');
    expect(parseSelection(new URLSearchParams(q).getAll('select'))).toEqual([{ kind: 'network', id: 'n1' }, { kind: 'server', id: 'v1' }, { kind: 'floating-ip', id: 'f1' }]);
  });
  it('chooses nothing rather than a query too long to send', () => {
    expect(exportQuery([])).toBeUndefined();
    expect(exportQuery(Array.from({ length: MAX_LINKED + 1 }, (_, i) => ({ slug: 'instances', id: `v${i}` })))).toBeUndefined();
  });
  it('ignores malformed values', () => {
    expect(parseSelection(['network', ':x', 'server:', 'stack:a/b'])).toEqual([{ kind: 'stack', id: 'a/b' }]);
    expect(selectionQuery([])).toBe('');
  });
});
