import { describe, expect, it } from 'vitest';
import { formCarriedParams, listStateQuery, pageSearch, parseListState, parseTab, searchSubmitted, searchText, searchTyped, tabQuery, withChange, type ListState } from './url-state';

const FILTERS = ['name', 'status', 'image', 'flavor'];

describe('parseListState', () => {
  it.each([
    ['empty', '', { filters: {}, sort: undefined, q: '', marker: undefined }],
    ['filters, sort, search and marker', 'name=web&status=ACTIVE&sort=name:desc&q=10.0&marker=abc&region=RegionOne', { filters: { name: 'web', status: 'ACTIVE' }, sort: { column: 'name', dir: 'desc' }, q: '10.0', marker: 'abc' }],
    ['sort without direction is ascending', 'sort=age', { filters: {}, sort: { column: 'age', dir: 'asc' }, q: '', marker: undefined }],
    ['unknown filters ignored, empty values dropped', 'colour=red&name=', { filters: {}, sort: undefined, q: '', marker: undefined }],
  ])('%s', (_n, query, expected) => {
    expect(parseListState(new URLSearchParams(query), FILTERS)).toEqual(expected);
  });
});

describe('listStateQuery', () => {
  it.each([
    ['keeps region and tab', 'region=RegionTwo&tab=console&name=old', { filters: { status: 'ERROR' }, q: '' }, 'region=RegionTwo&tab=console&status=ERROR'],
    ['writes everything', 'region=R', { filters: { name: 'web', image: 'i-1' }, sort: { column: 'name', dir: 'asc' as const }, q: 'x y', marker: 'm' }, 'region=R&name=web&image=i-1&sort=name%3Aasc&q=x+y&marker=m'],
    ['clears', 'region=R&q=a&sort=name:asc&marker=z', { filters: {}, q: '' }, 'region=R'],
  ])('%s', (_n, current, state, expected) => {
    expect(listStateQuery(new URLSearchParams(current), FILTERS, state)).toBe(expected);
  });
  it('round-trips', () => {
    const state = { filters: { name: 'db', flavor: '3' }, sort: { column: 'age', dir: 'desc' as const }, q: 'hello', marker: 'id-9' };
    const q = listStateQuery(new URLSearchParams('region=RegionOne'), FILTERS, state);
    expect(parseListState(new URLSearchParams(q), FILTERS)).toEqual(state);
  });
});

describe('withChange', () => {
  const base = { filters: { name: 'a' }, q: '', marker: 'm1' };
  it.each([
    ['a filter change returns to page one', { filters: { name: 'b' } }, undefined],
    ['a sort change returns to page one', { sort: { column: 'name', dir: 'asc' as const } }, undefined],
    ['search keeps the page', { q: 'z' }, 'm1'],
    ['paging sets the marker', { marker: 'm2' }, 'm2'],
  ])('%s', (_n, change, marker) => {
    expect(withChange(base, change).marker).toBe(marker);
  });
});

describe('tabs', () => {
  it.each([
    ['tab=console', 'console'],
    ['tab=nonsense', 'overview'],
    ['', 'overview'],
  ])('%s -> %s', (q, tab) => {
    expect(parseTab(new URLSearchParams(q), ['overview', 'console', 'log'], 'overview')).toBe(tab);
  });
  it('the default tab leaves the URL clean, others keep region', () => {
    expect(tabQuery(new URLSearchParams('region=R&tab=log'), 'overview', 'overview')).toBe('region=R');
    expect(tabQuery(new URLSearchParams('region=R'), 'log', 'overview')).toBe('region=R&tab=log');
  });
});

describe('the search box', () => {
  const state = (filters: Record<string, string>, q = ''): ListState => ({ filters, q });

  it('shows the page search, else the server name filter of a kind that has one', () => {
    expect(searchText(state({ name: 'web' }, 'db'), true)).toBe('db');
    expect(searchText(state({ name: 'web' }), true)).toBe('web');
    expect(searchText(state({ name: 'web' }), false)).toBe('');
  });

  it('Enter sends the text to the server as name= where the kind filters by name, keeping the other filters', () => {
    expect(searchSubmitted({ status: 'ACTIVE' }, ' web-1 ', true)).toEqual({ q: '', filters: { status: 'ACTIVE', name: 'web-1' } });
    expect(searchSubmitted({ status: 'ACTIVE', name: 'old' }, '', true)).toEqual({ q: '', filters: { status: 'ACTIVE' } });
    // No server name filter: the text filters the page.
    expect(searchSubmitted({ status: 'ACTIVE' }, ' 10.0 ', false)).toEqual({ q: '10.0', filters: { status: 'ACTIVE' } });
  });

  it('typing filters the page and drops a server name filter the text no longer is', () => {
    expect(searchTyped({ status: 'ACTIVE' }, 'we', true)).toEqual({ q: 'we' });
    expect(searchTyped({ status: 'ACTIVE', name: 'web' }, 'web', true)).toEqual({ q: 'web' });
    expect(searchTyped({ status: 'ACTIVE', name: 'web' }, 'web-', true)).toEqual({ q: 'web-', filters: { status: 'ACTIVE' } });
    expect(searchTyped({ status: 'ACTIVE', name: 'web' }, '', true)).toEqual({ q: '', filters: { status: 'ACTIVE' } });
    expect(searchTyped({ name: 'web' }, 'x', false)).toEqual({ q: 'x' });
  });

  it('the page does not filter again by the text the server matched (a Nova pattern is no substring)', () => {
    expect(pageSearch(state({ name: 'web.*' }, 'web.*'), true)).toBe('');
    expect(pageSearch(state({ name: 'web' }, 'db'), true)).toBe('db');
    expect(pageSearch(state({}, 'db'), false)).toBe('db');
  });

  it('a submitted search survives the URL', () => {
    const next = withChange(state({ status: 'ACTIVE' }, 'web'), searchSubmitted({ status: 'ACTIVE' }, 'web', true));
    const q = listStateQuery(new URLSearchParams('region=R'), FILTERS, next);
    expect(q).toBe('region=R&name=web&status=ACTIVE');
    expect(searchText(parseListState(new URLSearchParams(q), FILTERS), true)).toBe('web');
  });
});

describe('formCarriedParams', () => {
  it('keeps the region, tab and sort, drops the marker, the search text and the fields the form sets itself', () => {
    const current = new URLSearchParams('region=RegionOne&sort=name:asc&q=web&marker=abc&name=x&status=ACTIVE&tab=log');
    expect(formCarriedParams(current, ['name', 'status'])).toEqual([
      ['region', 'RegionOne'],
      ['sort', 'name:asc'],
      ['tab', 'log'],
    ]);
  });
});
