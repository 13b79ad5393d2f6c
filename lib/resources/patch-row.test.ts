// The optimistic patch of a row (hooks.ts patchCachedRow): a row of an "All regions" list changes in its own region's
// cached lists only, since two regions may hold the same id (the demo cloud seeds both alike).
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { patchCachedRow } from './hooks';
import { listKey } from './list-page';
import { networkDefinition } from './network/network';
import type { ListPage, ResourceDefinition } from './types';

type Row = { id: string; name: string; status: string };
const def = networkDefinition as unknown as ResourceDefinition<Row>;

function cache() {
  const qc = new QueryClient();
  const page = (status: string): ListPage<Row> => ({ items: [{ id: 'n1', name: 'private', status }] });
  qc.setQueryData(listKey('p', 'network', { filters: {}, region: 'RegionOne' }), page('ACTIVE'));
  qc.setQueryData(listKey('p', 'network', { filters: {}, region: 'RegionTwo' }), page('ACTIVE'));
  qc.setQueryData(listKey('p', 'network', { filters: {} }), page('ACTIVE'));
  const status = (region?: string) => qc.getQueryData<ListPage<Row>>(listKey('p', 'network', { filters: {}, ...(region ? { region } : {}) }))?.items.map((r) => r.status);
  return { qc, status };
}

describe('patchCachedRow', () => {
  it('patches a region\'s row in that region\'s lists only', () => {
    const { qc, status } = cache();
    patchCachedRow(qc, 'p', def, 'n1', (r) => ({ ...r, status: 'DOWN' }), 'RegionTwo');
    expect(status('RegionTwo')).toEqual(['DOWN']);
    expect(status('RegionOne')).toEqual(['ACTIVE']);
    expect(status()).toEqual(['ACTIVE']);
    patchCachedRow(qc, 'p', def, 'n1', () => undefined, 'RegionTwo');
    expect(status('RegionTwo')).toEqual([]);
    expect(status('RegionOne')).toEqual(['ACTIVE']);
  });
  it('patches every cached list for a row of the session\'s own list', () => {
    const { qc, status } = cache();
    patchCachedRow(qc, 'p', def, 'n1', (r) => ({ ...r, status: 'DOWN' }));
    expect(status()).toEqual(['DOWN']);
  });
});
