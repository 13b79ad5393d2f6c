// The session store: the same behaviour from memory and from a real redis-server started for this file (on a free
// loopback port, stopped by its pid), two Redis-backed stores seeing each other's state (what several Stratus
// processes behind one balancer do), and failing closed (503) when Redis is down, without crashing the process.
import crypto from 'node:crypto';
import net from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { sessionStoreConfig } from '@/lib/config/session-store-url';
import { freePort, startRedis, redisForThisFile } from '@/lib/testing/redis-server';
import { HttpError } from './errors';
import { installSessionStore, lockAfter, MemorySessionStore, RedisSessionStore, SessionStoreUnavailable, sessionStore, type SessionStore, type ThrottleRule } from './session-store';

const redis = redisForThisFile();

const quiet = () => {};
function redisStore(prefix = `t-${crypto.randomUUID()}:`, url = redis.url, extra: Partial<ConstructorParameters<typeof RedisSessionStore>[1]> = {}): RedisSessionStore {
  return redis.opened(new RedisSessionStore(url, { prefix, log: quiet, ...extra }));
}
const makers: [string, () => SessionStore][] = [
  ['memory', () => new MemorySessionStore()],
  ['redis', () => redisStore()],
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rule = (key: string, over: Partial<ThrottleRule> = {}): ThrottleRule => ({ key, free: 2, delaysMs: [1_000, 2_000, 4_000], windowMs: 60_000, ...over });

describe('lockAfter', () => {
  const r = { free: 2, delaysMs: [1_000, 2_000, 4_000] };
  it.each([
    [0, 0],
    [2, 0],
    [3, 1_000],
    [4, 2_000],
    [5, 4_000],
    [9, 4_000],
  ])('after %i counted attempts: %i ms', (n, ms) => expect(lockAfter(r, n)).toBe(ms));
});

describe.each(makers)('%s store', (_kind, make) => {
  it('keeps flags until their ttl', async () => {
    const s = make();
    expect(await s.hasFlag('revoked-session:a')).toBe(false);
    await s.setFlag('revoked-session:a', 60_000);
    await s.setFlag('revoked-session:short', 40);
    expect(await s.hasFlag('revoked-session:a')).toBe(true);
    expect(await s.hasFlag('revoked-session:short')).toBe(true);
    expect(await s.hasFlag('revoked-session:b')).toBe(false);
    await sleep(80);
    expect(await s.hasFlag('revoked-session:short')).toBe(false);
    expect(await s.hasFlag('revoked-session:a')).toBe(true);
  });

  it('counts attempts, locks past the free ones with the schedule, and refuses without counting while locked', async () => {
    const s = make();
    const r = rule('k');
    const t0 = Date.now();
    // [time offset, expected wait]
    const steps: [number, number][] = [
      [0, 0], // 1
      [0, 0], // 2
      [0, 0], // 3: counted, locks 1 s
      [0, 1_000],
      [999, 1],
      [1_000, 0], // 4: locks 2 s
      [1_500, 1_500],
      [3_000, 0], // 5: locks 4 s
      [7_000, 0], // 6: the schedule's last value holds
      [7_000, 4_000],
    ];
    for (const [dt, wait] of steps) expect(await s.throttleAttempt([r], t0 + dt), `at +${dt}`).toBe(wait);
  });

  it('answers the longest wait of several counters and then counts on none of them', async () => {
    const s = make();
    const a = rule('a', { free: 0, delaysMs: [5_000] });
    const b = rule('b', { free: 10 });
    const t0 = Date.now();
    expect(await s.throttleAttempt([a, b], t0)).toBe(0);
    expect(await s.throttleAttempt([a, b], t0 + 1_000)).toBe(4_000);
    // b was counted once only: 10 more attempts on b alone are still free, the 11th locks.
    for (let i = 0; i < 10; i++) expect(await s.throttleAttempt([b], t0)).toBe(0);
    expect(await s.throttleAttempt([b], t0)).toBe(1_000);
  });

  it('takes back an attempt that was no failure, and unlocks a counter back within its free attempts', async () => {
    const s = make();
    const r = rule('u');
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) expect(await s.throttleAttempt([r], t0)).toBe(0);
    expect(await s.throttleAttempt([r], t0)).toBe(1_000);
    await s.throttleUncount([r]);
    expect(await s.throttleAttempt([r], t0)).toBe(0);
    // Uncounting what was never counted is harmless.
    await s.throttleUncount([rule('never')]);
    expect(await s.throttleAttempt([rule('never')], t0)).toBe(0);
  });

  it('forgets counters on reset', async () => {
    const s = make();
    const r = rule('reset-me');
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) await s.throttleAttempt([r], t0);
    expect(await s.throttleAttempt([r], t0)).toBeGreaterThan(0);
    await s.throttleReset(['reset-me']);
    expect(await s.throttleAttempt([r], t0)).toBe(0);
  });

  it('lets exactly free + 1 of many parallel attempts through', async () => {
    const s = make();
    const r = rule('parallel', { free: 5 });
    const t0 = Date.now();
    const waits = await Promise.all(Array.from({ length: 30 }, () => s.throttleAttempt([r], t0)));
    expect(waits.filter((w) => w === 0)).toHaveLength(6);
  });
});

describe('Redis store shared by several processes', () => {
  it('two stores on one Redis see each other\'s revocations and counters', async () => {
    const prefix = `shared-${crypto.randomUUID()}:`;
    const a = redisStore(prefix);
    const b = redisStore(prefix);
    await a.setFlag('revoked-session:abc', 60_000);
    expect(await b.hasFlag('revoked-session:abc')).toBe(true);
    const r = rule('shared');
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) expect(await a.throttleAttempt([r], t0)).toBe(0);
    expect(await b.throttleAttempt([r], t0)).toBe(1_000);
    await b.throttleReset(['shared']);
    expect(await a.throttleAttempt([r], t0)).toBe(0);
    // Another prefix (another deployment on the same Redis) sees nothing.
    expect(await redisStore().hasFlag('revoked-session:abc')).toBe(false);
  });
});

describe('Redis unavailable', () => {
  it('fails closed with 503 while Redis is down at start, without crashing, and recovers when it comes up', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const s = redisStore('down:', `redis://127.0.0.1:${port}/0`, { readyWaitMs: 100, log: (l) => lines.push(l) });
    const started = Date.now();
    await expect(s.hasFlag('revoked-session:x')).rejects.toBeInstanceOf(SessionStoreUnavailable);
    await expect(s.setFlag('revoked-session:x', 1_000)).rejects.toMatchObject({ status: 503, message: 'Session store unavailable' });
    await expect(s.throttleAttempt([rule('x')], Date.now())).rejects.toBeInstanceOf(SessionStoreUnavailable);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(lines.some((l) => l.includes('unavailable'))).toBe(true);

    const late = await startRedis(port);
    try {
      await vi.waitFor(async () => expect(await s.hasFlag('revoked-session:x')).toBe(false), { timeout: 10_000, interval: 200 });
      await s.setFlag('revoked-session:x', 60_000);
      expect(await s.hasFlag('revoked-session:x')).toBe(true);
      expect(lines.some((l) => l.includes('connected'))).toBe(true);

      // And down again: 503, not a stale "not revoked".
      await late.stop();
      await vi.waitFor(async () => expect(s.hasFlag('revoked-session:x')).rejects.toBeInstanceOf(SessionStoreUnavailable), { timeout: 10_000, interval: 100 });
    } finally {
      await late.stop();
    }
  }, 30_000);
});

describe('Redis that accepts connections but never answers', () => {
  it('answers 503 within the wait, not never', async () => {
    const mute = net.createServer(() => {});
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    try {
      const s = redisStore('mute:', `redis://127.0.0.1:${(mute.address() as net.AddressInfo).port}/0`, { readyWaitMs: 200, commandTimeoutMs: 200 });
      const started = Date.now();
      await expect(s.hasFlag('revoked-session:x')).rejects.toBeInstanceOf(SessionStoreUnavailable);
      expect(Date.now() - started).toBeLessThan(2_000);
      await s.close();
    } finally {
      mute.close();
    }
  });
});

describe('the process\'s store', () => {
  it('is one object per process, shared by separately loaded copies of this module', async () => {
    const previous = installSessionStore(undefined);
    try {
      vi.stubEnv('STRATUS_SESSION_STORE', '');
      const first = sessionStore();
      expect(first.kind).toBe('memory');
      await first.setFlag('revoked-session:seen-by-both', 60_000);
      vi.resetModules();
      const copy = await import('./session-store');
      expect(copy.sessionStore).not.toBe(sessionStore);
      expect(await copy.sessionStore().hasFlag('revoked-session:seen-by-both')).toBe(true);
      expect((globalThis as Record<symbol, SessionStore>)[Symbol.for('stratus.sessionStore')].kind).toBe('memory');
    } finally {
      vi.unstubAllEnvs();
      installSessionStore(previous);
    }
  });

  it('turns the other module instance\'s "unavailable" into this one\'s 503', async () => {
    vi.resetModules();
    const copy = await import('./session-store');
    const foreign = new copy.MemorySessionStore();
    foreign.hasFlag = async () => {
      throw new copy.SessionStoreUnavailable();
    };
    const previous = installSessionStore(foreign);
    try {
      const e = await sessionStore().hasFlag('x').catch((err: unknown) => err);
      expect(e).not.toBeInstanceOf(copy.SessionStoreUnavailable);
      expect(e).toBeInstanceOf(SessionStoreUnavailable);
      expect(e).toBeInstanceOf(HttpError);
      expect(e).toMatchObject({ status: 503, message: 'Session store unavailable' });
    } finally {
      installSessionStore(previous);
    }
  });
});

describe('STRATUS_SESSION_STORE', () => {
  it.each([
    [undefined, { kind: 'memory' }],
    ['', { kind: 'memory' }],
    ['memory', { kind: 'memory' }],
    ['redis://127.0.0.1:6379/0', { kind: 'redis', url: 'redis://127.0.0.1:6379/0', display: 'redis://127.0.0.1:6379/0' }],
    ['rediss://:s3cret@cache.example:6380/2', { kind: 'redis', url: 'rediss://:s3cret@cache.example:6380/2', display: 'rediss://cache.example:6380/2' }],
  ])('%j -> %j', (value, expected) => {
    expect(sessionStoreConfig({ STRATUS_SESSION_STORE: value })).toEqual(expected);
  });

  it.each([['valkey://127.0.0.1'], ['127.0.0.1:6379'], ['http://cache'], ['redis://127.0.0.1:6379/zero']])('refuses %j', (value) => {
    expect(() => sessionStoreConfig({ STRATUS_SESSION_STORE: value })).toThrow(/STRATUS_SESSION_STORE/);
  });

  it('never shows the password in its error', () => {
    expect(() => sessionStoreConfig({ STRATUS_SESSION_STORE: 'redis://:hunter2@exa mple' })).toThrow(/^(?!.*hunter2)/);
  });
});
