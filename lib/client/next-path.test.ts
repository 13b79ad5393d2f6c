import { describe, expect, it } from 'vitest';
import { projectFromNext, regionFromNext, safeNextPath, withProject } from './next-path';

describe('safeNextPath', () => {
  it.each([
    ['/demo/abc?region=RegionTwo', '/demo/abc?region=RegionTwo'],
    ['/demo/abc/instances', '/demo/abc/instances'],
    ['//evil.example/x', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example/', undefined],
    ['javascript:alert(1)', undefined],
    ['demo/abc', undefined],
    ['/login?next=/x', undefined],
    ['/api/auth/logout', undefined],
    ['/a\nb', undefined],
    ['/a\tb', undefined],
    // Paths a browser normalises to "//host" (protocol-relative: off-site).
    ['/.//evil.example/', undefined],
    ['/./\\evil.example/', undefined],
    ['/a/..//evil.example', undefined],
    ['/%2e//evil.example', undefined],
    ['/%2E%2E//evil.example/x', undefined],
    ['/a/%2e%2e//evil.example', undefined],
    ['/demo\\..\\/evil.example', undefined],
    ['/api', undefined],
    ['/./login', undefined],
    // Normalised but still on this origin.
    ['/demo/./abc/../xyz?region=R#t', '/demo/xyz?region=R#t'],
    ['/demo/%2e/abc', '/demo/abc'],
    ['', undefined],
    [null, undefined],
  ])('%j -> %j', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe('deep-link parsing', () => {
  it('finds the project only on the same cloud', () => {
    expect(projectFromNext('/demo/p1/volumes?region=R2', 'demo')).toBe('p1');
    expect(projectFromNext('/other/p1', 'demo')).toBeUndefined();
    expect(projectFromNext('/demo', 'demo')).toBeUndefined();
    expect(projectFromNext(undefined, 'demo')).toBeUndefined();
  });
  it('reads the region', () => {
    expect(regionFromNext('/demo/p1?region=RegionTwo')).toBe('RegionTwo');
    expect(regionFromNext('/demo/p1')).toBeUndefined();
  });
  it('replaces the project segment and keeps the page', () => {
    expect(withProject('/demo/p1/volumes/x', 'p2')).toBe('/demo/p2/volumes/x');
    expect(withProject('/demo/p1', 'p2')).toBe('/demo/p2');
  });
});
