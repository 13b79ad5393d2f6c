import { describe, expect, it } from 'vitest';
import { discoveryCandidates, parseDiscovery, swiftInfoUrl } from './discovery';

describe('parseDiscovery', () => {
  it('reads a single version document (Nova at /v2.1)', () => {
    expect(parseDiscovery({ version: { id: 'v2.1', status: 'CURRENT', min_version: '2.1', version: '2.93' } })).toEqual([
      { id: 'v2.1', status: 'CURRENT', minVersion: '2.1', maxVersion: '2.93' },
    ]);
  });
  it('reads a versions list (Glance) and Keystone values', () => {
    expect(parseDiscovery({ versions: [{ id: 'v2.16', status: 'CURRENT' }] })).toEqual([{ id: 'v2.16', status: 'CURRENT', minVersion: undefined, maxVersion: undefined }]);
    expect(parseDiscovery({ versions: { values: [{ id: 'v3.14', status: 'stable' }] } })?.[0].id).toBe('v3.14');
  });
  it('rejects other documents', () => {
    expect(parseDiscovery({ servers: [] })).toBeUndefined();
    expect(parseDiscovery('text')).toBeUndefined();
  });
});

it('discoveryCandidates walks up from the endpoint', () => {
  expect(discoveryCandidates('http://h:8776/v3/abc')).toEqual(['http://h:8776/v3/abc/', 'http://h:8776/v3/', 'http://h:8776/']);
  expect(discoveryCandidates('http://h:9292')).toEqual(['http://h:9292/']);
});

it("discoveryCandidates skips a path that ends in the project's ID (Cinder and Heat answer 404 there)", () => {
  expect(discoveryCandidates('http://h:8776/v3/abc', 'abc')).toEqual(['http://h:8776/v3/', 'http://h:8776/']);
  expect(discoveryCandidates('http://h:8004/v1/abc', 'abc')).toEqual(['http://h:8004/v1/', 'http://h:8004/']);
  expect(discoveryCandidates('http://h:8774/v2.1', 'abc')).toEqual(['http://h:8774/v2.1/', 'http://h:8774/']);
});

describe('swiftInfoUrl', () => {
  it('points at /info beside the /v1/AUTH_ path, under any prefix', () => {
    expect(swiftInfoUrl('http://127.0.0.1:8080/v1/AUTH_abc')).toBe('http://127.0.0.1:8080/info');
    expect(swiftInfoUrl('http://127.0.0.1:5050/object-store/v1/AUTH_abc')).toBe('http://127.0.0.1:5050/object-store/info');
  });
  it('has no answer for an endpoint without a /v1 segment', () => {
    expect(swiftInfoUrl('http://127.0.0.1:8080/swift')).toBeUndefined();
    expect(swiftInfoUrl('http://127.0.0.1:8080/v10/x')).toBeUndefined();
  });
});
