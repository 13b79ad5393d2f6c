import { describe, expect, it } from 'vitest';
import { projectUrl, safeNextPath } from './urls';

describe('safeNextPath', () => {
  it.each([
    ['/demo/abc?region=RegionTwo', '/demo/abc?region=RegionTwo'],
    ['//evil.example/x', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example', undefined],
    ['javascript:alert(1)', undefined],
    ['/api/auth/logout', undefined],
    ['/login?next=/x', undefined],
    ['/a\nb', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s', (input, out) => expect(safeNextPath(input)).toBe(out));
});

it('projectUrl carries cloud, project and region', () => {
  expect(projectUrl({ cloud: 'demo', project: { id: 'p 1' }, region: 'RegionOne' }, '/instances')).toBe('/demo/p%201/instances?region=RegionOne');
});
