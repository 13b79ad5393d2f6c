import { describe, expect, it } from 'vitest';
import { pollInterval, trackChange } from './polling';

describe('pollInterval', () => {
  it.each([
    ['hidden tab never polls', { hidden: true, busy: true, unchanged: 0 }, false],
    ['hidden tab, idle', { hidden: true, busy: false, unchanged: 0 }, false],
    ['gone (404) stops', { hidden: false, busy: true, unchanged: 0, gone: true }, false],
    ['busy: 2 s', { hidden: false, busy: true, unchanged: 0 }, 2000],
    ['busy, 1 unchanged poll: 3 s', { hidden: false, busy: true, unchanged: 1 }, 3000],
    ['busy, 2 unchanged: 4.5 s', { hidden: false, busy: true, unchanged: 2 }, 4500],
    ['busy, 5 unchanged: 15.2 s', { hidden: false, busy: true, unchanged: 5 }, 15188],
    ['busy, long unchanged: capped at 30 s', { hidden: false, busy: true, unchanged: 40 }, 30000],
    ['idle: 30 s', { hidden: false, busy: false, unchanged: 0 }, 30000],
    ['idle after changes: 30 s', { hidden: false, busy: false, unchanged: 7 }, 30000],
  ] as const)('%s', (_name, input, expected) => {
    expect(pollInterval(input)).toBe(expected);
  });
});

describe('trackChange', () => {
  const a = { items: [1] };
  const b = { items: [2] };
  it.each([
    ['first fetch', undefined, a, 1, 0],
    ['same fetch seen twice keeps the count', { updatedAt: 1, data: a, unchanged: 2 }, a, 1, 2],
    ['new fetch, same reference: unchanged +1', { updatedAt: 1, data: a, unchanged: 2 }, a, 2, 3],
    ['new fetch, new data: reset', { updatedAt: 1, data: a, unchanged: 2 }, b, 2, 0],
  ] as const)('%s', (_n, prev, data, at, unchanged) => {
    expect(trackChange(prev, data, at).unchanged).toBe(unchanged);
  });
});
