import { describe, expect, it } from 'vitest';
import {
  checkView,
  clampInterval,
  decodePlaylist,
  DEFAULT_INTERVAL,
  encodePlaylist,
  MAX_INTERVAL,
  MAX_VIEWS,
  MIN_INTERVAL,
  moveView,
  msUntilNext,
  nextIndex,
  normalisePlaylist,
  parseRotation,
  parseStoredPlaylist,
  pauseRotation,
  playlistLink,
  resumeRotation,
  startRotation,
  stepRotation,
} from './playlist';

const ORIGIN = 'https://stratus.example.org';
const P = '/demo/0123456789abcdef0123456789abcdef';

describe('checkView', () => {
  it.each([
    [`${P}/volumes?region=RegionOne`, `${P}/volumes?region=RegionOne`],
    [`${ORIGIN}${P}/instances?region=RegionOne#x`, `${P}/instances?region=RegionOne#x`],
    [`  ${P}  `, P],
    // The modes' own flags are not part of a view.
    [`${P}/volumes?kiosk=1&region=RegionOne&present=1&playlist=abc`, `${P}/volumes?region=RegionOne`],
    // Dot segments are resolved as the browser would.
    [`${P}/a/../volumes`, `${P}/volumes`],
  ])('accepts %s', (input, path) => {
    expect(checkView(input, ORIGIN)).toEqual({ ok: true, path });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:alert(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['ftp://stratus.example.org/x', 'scheme'],
    ['https://evil.example.com/demo', 'origin'],
    ['http://stratus.example.org/demo', 'origin'], // another scheme is another origin
    ['https://stratus.example.org:8443/demo', 'origin'],
    ['//evil.example.com/x', 'origin'],
    ['/\\evil.example.com/x', 'origin'],
    ['\\\\evil.example.com', 'origin'],
    ['/.//evil.example.com', 'invalid'],
    ['/%2e//evil.example.com', 'invalid'],
    ['volumes', 'invalid'],
    ['/login', 'invalid'],
    ['/api/os/compute/v2.1/servers', 'invalid'],
    [`${ORIGIN}/api/auth/logout`, 'invalid'],
    ['/demo/\u0000x', 'invalid'],
    ['https://[bad', 'invalid'],
  ])('refuses %s (%s)', (input, error) => {
    expect(checkView(input, ORIGIN)).toEqual({ ok: false, error });
  });
});

describe('clampInterval', () => {
  it.each([
    [30, 30],
    ['45', 45],
    [1, MIN_INTERVAL],
    [0, MIN_INTERVAL],
    [-10, MIN_INTERVAL],
    [99999, MAX_INTERVAL],
    [12.6, 13],
    ['abc', DEFAULT_INTERVAL],
    [Number.NaN, DEFAULT_INTERVAL],
    [Infinity, DEFAULT_INTERVAL],
  ])('%s -> %s', (input, out) => expect(clampInterval(input)).toBe(out));
});

describe('stored and shared playlists', () => {
  it('drops bad views and duplicates, clamps the interval, caps the length', () => {
    const views = [`${P}/a`, 'javascript:alert(1)', `${P}/a`, 42, 'https://evil.example.com/', `${P}/b`];
    expect(normalisePlaylist({ interval: 2, views }, ORIGIN)).toEqual({ interval: MIN_INTERVAL, views: [`${P}/a`, `${P}/b`] });
    const many = Array.from({ length: 50 }, (_, i) => `${P}/v${i}`);
    expect(normalisePlaylist({ views: many }, ORIGIN).views).toHaveLength(MAX_VIEWS);
  });

  it.each([null, '', 'not json', '[]', '{"views": "x"}', 'null'])('tolerates stored %j', (raw) => {
    expect(parseStoredPlaylist(raw, ORIGIN)).toEqual({ interval: DEFAULT_INTERVAL, views: [] });
  });

  it('round-trips through the shared form, including non-ASCII', () => {
    const p = { interval: 12, views: [`${P}/instances?region=RegionOne`, `${P}/volumes?name=${encodeURIComponent('日本')}`] };
    const enc = encodePlaylist(p);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePlaylist(enc, ORIGIN)).toEqual(p);
  });

  it('checks every view of a shared link again', () => {
    const evil = encodePlaylist({ interval: 10, views: ['javascript:alert(1)', 'https://evil.example.com/', `${P}/ok`] });
    expect(decodePlaylist(evil, ORIGIN)).toEqual({ interval: 10, views: [`${P}/ok`] });
    expect(decodePlaylist(encodePlaylist({ interval: 10, views: ['javascript:alert(1)'] }), ORIGIN)).toBeUndefined();
  });

  it.each([null, '', '!!!', 'e30', 'bm90IGpzb24', 'x'.repeat(20_000)])('refuses the shared form %j', (param) => {
    expect(decodePlaylist(param, ORIGIN)).toBeUndefined();
  });

  it('builds the wall-screen link on the first view', () => {
    const p = { interval: 10, views: [`${P}/instances?region=RegionOne`, `${P}/volumes`] };
    const link = new URL(playlistLink(p, ORIGIN)!);
    expect(link.origin).toBe(ORIGIN);
    expect(link.pathname).toBe(`${P}/instances`);
    expect(link.searchParams.get('region')).toBe('RegionOne');
    expect(link.searchParams.get('kiosk')).toBe('1');
    expect(decodePlaylist(link.searchParams.get('playlist'), ORIGIN)).toEqual(p);
    expect(playlistLink({ interval: 10, views: [] }, ORIGIN)).toBeUndefined();
  });

  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
    [5, 1, ['a', 'b', 'c']],
  ])('moves view %i by %i', (from, delta, out) => expect(moveView(['a', 'b', 'c'], from, delta)).toEqual(out));
});

describe('rotation', () => {
  it.each([
    [0, 3, 1, 1],
    [2, 3, 1, 0],
    [0, 3, -1, 2],
    [5, 3, 1, 0],
    [0, 0, 1, 0],
  ])('nextIndex(%i, %i, %i) = %i', (i, n, d, out) => expect(nextIndex(i, n, d)).toBe(out));

  it('counts down, pauses with the time left and resumes from there', () => {
    const r = startRotation(1_000);
    expect(msUntilNext(r, 10, 1_000)).toBe(10_000);
    expect(msUntilNext(r, 10, 7_000)).toBe(4_000);
    expect(msUntilNext(r, 10, 20_000)).toBe(0);
    const paused = pauseRotation(r, 10, 7_000);
    expect(paused).toEqual({ index: 0, since: null, left: 4_000 });
    expect(msUntilNext(paused, 10, 99_000)).toBeNull();
    expect(pauseRotation(paused, 10, 8_000)).toBe(paused);
    const resumed = resumeRotation(paused, 10, 50_000);
    expect(msUntilNext(resumed, 10, 50_000)).toBe(4_000);
    expect(resumeRotation(resumed, 10, 60_000)).toBe(resumed);
    // A shorter interval chosen while paused caps the time left.
    expect(msUntilNext(resumeRotation(paused, 2, 50_000), 2, 50_000)).toBe(2_000);
  });

  it('steps restart the countdown, and stay paused when paused', () => {
    const r = startRotation(0, 2);
    expect(stepRotation(r, 3, 5_000)).toEqual({ index: 0, since: 5_000, left: 0 });
    expect(stepRotation(r, 3, 5_000, -1)).toEqual({ index: 1, since: 5_000, left: 0 });
    expect(stepRotation(pauseRotation(r, 10, 1_000), 3, 5_000)).toEqual({ index: 0, since: null, left: 0 });
  });

  it.each([
    [null, undefined],
    ['x', undefined],
    ['{"index": -1}', undefined],
    ['{"index": 1.5}', undefined],
    ['{"index": 2, "since": 5, "left": 0}', { index: 2, since: 5, left: 0 }],
    ['{"index": 1, "since": "x", "left": 300}', { index: 1, since: null, left: 300 }],
  ])('parseRotation(%j)', (raw, out) => expect(parseRotation(raw)).toEqual(out));
});
