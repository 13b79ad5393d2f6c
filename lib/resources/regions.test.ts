import { describe, expect, it } from 'vitest';
import { inRegion, isAllRegions, mergeRegions, regionColumn, regionRowKey, rowRegion, tagRegion, withAllRegions } from './regions';

describe('the All regions choice in the URL', () => {
  it('reads ?regions=all only', () => {
    expect(isAllRegions(new URLSearchParams('regions=all'))).toBe(true);
    expect(isAllRegions(new URLSearchParams('regions=RegionTwo'))).toBe(false);
    expect(isAllRegions(new URLSearchParams('region=RegionOne'))).toBe(false);
  });
  it('sets and clears it, keeping the view and dropping a page marker', () => {
    const q = new URLSearchParams('region=RegionOne&status=ERROR&marker=abc');
    expect(withAllRegions(q, true)).toBe('region=RegionOne&status=ERROR&regions=all');
    expect(withAllRegions(new URLSearchParams('region=RegionOne&regions=all&sort=name:asc'), false)).toBe('region=RegionOne&sort=name%3Aasc');
  });
});

describe('inRegion', () => {
  it('adds the region header beside the target\'s own headers', () => {
    const def = { service: 'compute', headers: { 'OpenStack-API-Version': 'compute 2.79' } };
    expect(inRegion(def, 'RegionTwo').headers).toEqual({ 'OpenStack-API-Version': 'compute 2.79', 'X-Stratus-Region': 'RegionTwo' });
    expect(inRegion(def, undefined)).toBe(def);
    expect(def.headers).toEqual({ 'OpenStack-API-Version': 'compute 2.79' });
  });
});

describe('mergeRegions', () => {
  const a = { id: '1' };
  const b = { id: '2' };
  const c = { id: '1' };
  it('merges every region that answered, each row tagged with its region', () => {
    const m = mergeRegions([
      { region: 'RegionOne', items: [a, b], pending: false, next: '2' },
      { region: 'RegionTwo', items: [c], pending: false },
    ]);
    expect(m.rows).toEqual([a, b, c]);
    expect(m.rows.map(rowRegion)).toEqual(['RegionOne', 'RegionOne', 'RegionTwo']);
    expect(m.more).toEqual(['RegionOne']);
    expect(m.failed).toEqual([]);
  });
  it('keeps the other regions\' rows when one fails or is still loading', () => {
    const err = new Error('Service "dns" is not available');
    const m = mergeRegions([
      { region: 'RegionOne', items: [{ id: 'x' }], pending: false },
      { region: 'RegionTwo', error: err, pending: false },
      { region: 'RegionThree', pending: true },
    ]);
    expect(m.rows).toHaveLength(1);
    expect(m.failed).toEqual([{ region: 'RegionTwo', error: err }]);
    expect(m.pending).toEqual(['RegionThree']);
  });
  it('keeps a region\'s last rows when its refetch failed, and says it failed', () => {
    const err = new Error('timeout');
    const m = mergeRegions([{ region: 'RegionTwo', items: [{ id: 'y' }], error: err, pending: false }]);
    expect(m.rows).toHaveLength(1);
    expect(m.failed[0].region).toBe('RegionTwo');
  });
});

describe('rows of several regions', () => {
  it('keys the same id apart per region, and leaves a session-region row as its id', () => {
    expect(regionRowKey('1', 'RegionOne')).not.toBe(regionRowKey('1', 'RegionTwo'));
    expect(regionRowKey('1', undefined)).toBe('1');
  });
  it('shows the region in its own column, and nothing for an untagged row', () => {
    const col = regionColumn<{ id: string }>();
    expect(col.value(tagRegion({ id: '1' }, 'RegionTwo'), { lookups: {} })).toBe('RegionTwo');
    expect(col.value({ id: '2' }, { lookups: {} })).toBe('');
    expect(rowRegion('text')).toBeUndefined();
  });
});
