import { describe, expect, it } from 'vitest';
import { compareShapes, headerDiffs } from './shape';

describe('compareShapes', () => {
  it('reports missing fields and type differences, ignoring values', () => {
    const real = { server: { id: 'a', status: 'ACTIVE', flavor: { vcpus: 1 }, 'OS-EXT-STS:task_state': null, tags: [], addresses: { net: [] } } };
    const demo = { server: { id: 'b', status: 'BUILD', flavor: { vcpus: '1' }, addresses: { other: [] } } };
    expect(compareShapes(real, demo)).toEqual([
      { path: '$.server.flavor.vcpus', problem: 'type', expected: 'number', actual: 'string' },
      { path: '$.server.OS-EXT-STS:task_state', problem: 'missing', expected: 'null' },
      { path: '$.server.tags', problem: 'missing', expected: 'array' },
    ]);
  });

  it('compares array elements and lets null match anything', () => {
    expect(compareShapes({ a: [{ x: 1, y: null }] }, { a: [{ x: 2, y: 'set' }] })).toEqual([]);
    expect(compareShapes({ a: [{ x: 1 }] }, { a: [{}] })).toEqual([{ path: '$.a[].x', problem: 'missing', expected: 'number' }]);
  });
});

it('headerDiffs lists meaningful headers the candidate lacks', () => {
  const real = new Headers({ date: 'x', 'openstack-api-version': 'compute 2.79', 'x-openstack-request-id': 'r', server: 'Apache' });
  const demo = new Headers({ 'x-openstack-request-id': 'q' });
  expect(headerDiffs(real, demo)).toEqual(['openstack-api-version']);
});
