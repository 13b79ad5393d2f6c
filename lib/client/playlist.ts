// Kiosk playlists (issue 20): saved views of this deployment that a wall screen rotates through. Pure logic only:
// checking a view's address, the stored and shared forms of a playlist, and the rotation's timing.
import { safeNextPath } from './next-path';

/** Bounds of the rotation interval in seconds: faster than 5 s a page has not loaded; slower than an hour is a poster. */
export const MIN_INTERVAL = 5;
export const MAX_INTERVAL = 3600;
export const DEFAULT_INTERVAL = 30;
/** More views than this would make the shared link longer than browsers and proxies like (about 8 KB). */
export const MAX_VIEWS = 20;

export interface Playlist {
  /** Seconds each view stays on screen. */
  interval: number;
  /** Paths on this origin ("/demo/<project>/volumes?region=RegionOne"). */
  views: string[];
}

export const EMPTY_PLAYLIST: Playlist = { interval: DEFAULT_INTERVAL, views: [] };

export type ViewError = 'empty' | 'scheme' | 'origin' | 'invalid';
export type ViewCheck = { ok: true; path: string } | { ok: false; error: ViewError };

/** The URL parameters of the modes themselves: a view is stored without them (kiosk adds its own while it runs). */
const MODE_PARAMS = ['kiosk', 'present', 'playlist'];

/**
 * A view as the playlist stores it: a path of this deployment, given either as a path or as an absolute URL on
 * `origin`. Other origins, `javascript:`/`data:` and other schemes, protocol-relative and backslash tricks, the
 * login page and the API are refused (safeNextPath, the login redirect's validator, judges the path).
 */
export function checkView(input: string, origin: string): ViewCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, error: 'empty' };
  let candidate = raw;
  // A scheme ("javascript:", "https:") means an absolute URL; only http(s) on our own origin is a view.
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { ok: false, error: 'invalid' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'scheme' };
    if (url.origin !== origin) return { ok: false, error: 'origin' };
    candidate = url.pathname + url.search + url.hash;
  } else if (raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('\\')) {
    return { ok: false, error: 'origin' };
  }
  const path = safeNextPath(candidate);
  if (!path) return { ok: false, error: 'invalid' };
  return { ok: true, path: withoutModeParams(path) };
}

/** The path without the kiosk/presentation/playlist parameters. */
export function withoutModeParams(path: string): string {
  const url = new URL(path, 'http://stratus.invalid');
  for (const p of MODE_PARAMS) url.searchParams.delete(p);
  return url.pathname + url.search + url.hash;
}

/** The interval a user typed, kept within the bounds (a non-number gives the default). */
export function clampInterval(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return DEFAULT_INTERVAL;
  return Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, Math.round(n)));
}

/** A playlist from anything (storage, a shared link): invalid views dropped, interval clamped, duplicates kept once. */
export function normalisePlaylist(value: unknown, origin: string): Playlist {
  if (!value || typeof value !== 'object') return EMPTY_PLAYLIST;
  const v = value as { interval?: unknown; views?: unknown };
  const views: string[] = [];
  for (const item of Array.isArray(v.views) ? v.views : []) {
    if (typeof item !== 'string') continue;
    const check = checkView(item, origin);
    if (check.ok && !views.includes(check.path)) views.push(check.path);
    if (views.length >= MAX_VIEWS) break;
  }
  return { interval: clampInterval(v.interval ?? DEFAULT_INTERVAL), views };
}

/** Parses stored JSON, tolerating anything (hand edits, old versions). */
export function parseStoredPlaylist(raw: string | null, origin: string): Playlist {
  if (!raw) return EMPTY_PLAYLIST;
  try {
    return normalisePlaylist(JSON.parse(raw), origin);
  } catch {
    return EMPTY_PLAYLIST;
  }
}

// The shared form: base64url of the JSON, so a wall screen opens the whole playlist from one link's `?playlist=`.
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodePlaylist(p: Playlist): string {
  return toBase64Url(JSON.stringify({ i: p.interval, v: p.views }));
}

/** The playlist a shared link carries, every view checked again (a link is input from anyone); undefined if unreadable or empty. */
export function decodePlaylist(param: string | null, origin: string): Playlist | undefined {
  if (!param || param.length > 16_000 || !/^[A-Za-z0-9_-]+$/.test(param)) return undefined;
  try {
    const v = JSON.parse(fromBase64Url(param)) as { i?: unknown; v?: unknown } | null;
    const p = normalisePlaylist({ interval: v?.i, views: v?.v }, origin);
    return p.views.length ? p : undefined;
  } catch {
    return undefined;
  }
}

/** The link that starts `p` in kiosk mode on a wall screen: its first view with the playlist attached. */
export function playlistLink(p: Playlist, origin: string): string | undefined {
  if (!p.views.length) return undefined;
  const url = new URL(p.views[0], origin);
  url.searchParams.set('kiosk', '1');
  url.searchParams.set('playlist', encodePlaylist(p));
  return url.toString();
}

/** Moves the view at `from` by `delta` places (reorder), leaving the list unchanged at the ends. */
export function moveView(views: readonly string[], from: number, delta: number): string[] {
  const to = from + delta;
  if (from < 0 || from >= views.length || to < 0 || to >= views.length) return [...views];
  const next = [...views];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

// Rotation. The running state is the index on screen and when it got there (or the time left, while paused), so a
// reload or a client-side navigation keeps the rhythm instead of restarting the countdown.
export interface Rotation {
  index: number;
  /** Epoch ms when the current view's countdown started; null while paused. */
  since: number | null;
  /** Ms left when paused (so resuming does not restart the view's full time). */
  left: number;
}

export const startRotation = (now: number, index = 0): Rotation => ({ index, since: now, left: 0 });

export const nextIndex = (index: number, count: number, delta = 1): number => (count <= 0 ? 0 : (((index + delta) % count) + count) % count);

/** Ms until the next view is due (0 when overdue); null while paused. */
export function msUntilNext(r: Rotation, intervalSec: number, now: number): number | null {
  if (r.since === null) return null;
  return Math.max(0, r.since + intervalSec * 1000 - now);
}

export function pauseRotation(r: Rotation, intervalSec: number, now: number): Rotation {
  if (r.since === null) return r;
  return { index: r.index, since: null, left: msUntilNext(r, intervalSec, now) ?? 0 };
}

export function resumeRotation(r: Rotation, intervalSec: number, now: number): Rotation {
  if (r.since !== null) return r;
  // Resumes with the time that was left, as if the countdown had started that much earlier.
  const left = r.left > 0 ? Math.min(r.left, intervalSec * 1000) : intervalSec * 1000;
  return { index: r.index, since: now - (intervalSec * 1000 - left), left: 0 };
}

/** Goes `delta` views on (next, previous), restarting the countdown unless paused. */
export function stepRotation(r: Rotation, count: number, now: number, delta = 1): Rotation {
  return { index: nextIndex(r.index, count, delta), since: r.since === null ? null : now, left: 0 };
}

/** Parses a stored rotation (sessionStorage), tolerating anything. */
export function parseRotation(raw: string | null): Rotation | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<Rotation> | null;
    if (!v || typeof v.index !== 'number' || !Number.isInteger(v.index) || v.index < 0) return undefined;
    const since = typeof v.since === 'number' && Number.isFinite(v.since) ? v.since : null;
    const left = typeof v.left === 'number' && Number.isFinite(v.left) && v.left > 0 ? v.left : 0;
    return { index: v.index, since, left };
  } catch {
    return undefined;
  }
}
