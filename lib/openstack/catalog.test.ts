import { describe, expect, it } from 'vitest';
import { cachedCatalog, cacheCatalog, catalogRegions, forgetCatalog, resolveEndpoint, type CatalogEntry } from './catalog';

const catalog: CatalogEntry[] = [
  {
    id: '1', type: 'compute', name: 'nova',
    endpoints: [
      { id: 'a', interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: 'http://one/compute/v2.1' },
      { id: 'b', interface: 'internal', region: 'RegionOne', region_id: 'RegionOne', url: 'http://one-int/compute/v2.1' },
      { id: 'c', interface: 'public', region: 'RegionTwo', region_id: 'RegionTwo', url: 'http://two/compute/v2.1' },
    ],
  },
  { id: '2', type: 'identity', name: 'keystone', endpoints: [{ id: 'd', interface: 'public', region: 'RegionOne', url: 'http://one/identity/v3' }] },
];

describe('catalog resolution', () => {
  it.each([
    ['compute', 'RegionOne', 'public', 'http://one/compute/v2.1'],
    ['compute', 'RegionOne', 'internal', 'http://one-int/compute/v2.1'],
    ['compute', 'RegionTwo', 'public', 'http://two/compute/v2.1'],
    ['compute', 'RegionTwo', 'internal', undefined],
    ['identity', 'RegionOne', 'public', 'http://one/identity/v3'],
    ['network', 'RegionOne', 'public', undefined],
  ])('%s in %s (%s)', (type, region, iface, url) => {
    expect(resolveEndpoint(catalog, type, region, iface)).toBe(url);
  });

  it('lists regions in first-seen order, with region or region_id', () => {
    expect(catalogRegions(catalog)).toEqual(['RegionOne', 'RegionTwo']);
  });
});

describe('catalog cache', () => {
  it('is keyed by token, expires with it, and forgets on demand', () => {
    cacheCatalog('tok-1', catalog, 2000);
    expect(cachedCatalog('tok-1', 1000)).toBe(catalog);
    expect(cachedCatalog('tok-2', 1000)).toBeUndefined();
    expect(cachedCatalog('tok-1', 2000)).toBeUndefined();
    cacheCatalog('tok-3', catalog, Date.now() + 60_000);
    forgetCatalog('tok-3');
    expect(cachedCatalog('tok-3')).toBeUndefined();
  });
});
