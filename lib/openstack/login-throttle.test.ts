// The log-in throttle: the pure back-off policy, and throttledLogin() over a memory store with fake attempts.
import { describe, expect, it, vi } from 'vitest';
import { en } from '@/lib/testing/english';
import { HttpError } from './errors';
import { CredentialsRefused } from './keystone';
import { backoffMs, backoffSchedule, LOGIN_BACKOFF, throttledLogin, TooManyAttempts, type Backoff, type LoginSubject } from './login-throttle';
import { MemorySessionStore } from './session-store';

const S = 1_000;
const M = 60 * S;

describe('backoffMs', () => {
  const p: Backoff = { free: 3, baseMs: S, capMs: 10 * S, windowMs: M };
  it.each([
    [0, 0],
    [3, 0],
    [4, S],
    [5, 2 * S],
    [6, 4 * S],
    [7, 8 * S],
    [8, 10 * S],
    [1_000, 10 * S],
  ])('after %i failures waits %i ms', (failures, ms) => expect(backoffMs(failures, p)).toBe(ms));

  it('schedules each wait past the free failures up to the cap', () => {
    expect(backoffSchedule(p)).toEqual([S, 2 * S, 4 * S, 8 * S, 10 * S]);
  });

  it('has the documented numbers', () => {
    expect(LOGIN_BACKOFF).toEqual({
      userAtAddress: { free: 5, baseMs: S, capMs: 15 * M, windowMs: 60 * M },
      address: { free: 20, baseMs: S, capMs: 10 * M, windowMs: 60 * M },
      user: { free: 10, baseMs: S, capMs: 30 * S, windowMs: 60 * M },
    });
    expect(backoffSchedule(LOGIN_BACKOFF.userAtAddress).at(-1)).toBe(15 * M);
    expect(backoffSchedule(LOGIN_BACKOFF.user)).toEqual([S, 2 * S, 4 * S, 8 * S, 16 * S, 30 * S]);
  });
});

const demo: LoginSubject = { kind: 'password', cloud: 'c', userDomain: 'Default', username: 'demo' };
const wrong = () => Promise.reject(new CredentialsRefused('Invalid username or password'));
const right = () => Promise.resolve('ok');

/** Runs an attempt; answers 'ok', 'wrong', or the 429's Retry-After as a number, and whether the attempt ran. */
async function tryOnce(store: MemorySessionStore, subject: LoginSubject, address: string | undefined, attempt: () => Promise<string>, now: number) {
  const spy = vi.fn(attempt);
  try {
    await throttledLogin(subject, address, spy, { store, now });
    return { outcome: 'ok' as const, ran: spy.mock.calls.length > 0 };
  } catch (e) {
    if (e instanceof TooManyAttempts) return { outcome: e.retryAfterSeconds, ran: spy.mock.calls.length > 0, message: e.message };
    if (e instanceof CredentialsRefused) return { outcome: 'wrong' as const, ran: true };
    throw e;
  }
}

describe('throttledLogin', () => {
  it('refuses the 7th wrong password in a row from one address before asking Keystone, with back-off', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    for (let i = 0; i < 6; i++) expect((await tryOnce(store, demo, '10.0.0.1', wrong, t0)).outcome).toBe('wrong');
    const refused = await tryOnce(store, demo, '10.0.0.1', right, t0);
    expect(refused).toEqual({ outcome: 1, ran: false, message: 'Too many failed log-in attempts; try again in 1 second' });
    // After the wait: one more try (wrong), then twice as long.
    expect((await tryOnce(store, demo, '10.0.0.1', wrong, t0 + S)).outcome).toBe('wrong');
    const again = await tryOnce(store, demo, '10.0.0.1', right, t0 + S);
    expect(again).toMatchObject({ outcome: 2, ran: false, message: 'Too many failed log-in attempts; try again in 2 seconds' });
    expect(new TooManyAttempts(2).status).toBe(429);
    for (const n of [1, 2, 30]) expect(en(new TooManyAttempts(n).text)).toBe(new TooManyAttempts(n).message);
  });

  it('counts a username with any case and spacing as one', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    const spellings = ['demo', 'Demo', ' DEMO', 'demo ', 'dEmO', 'DeMo'];
    for (const username of spellings) await tryOnce(store, { ...demo, username }, '10.0.0.1', wrong, t0);
    expect((await tryOnce(store, { ...demo, username: 'DEMO' }, '10.0.0.1', right, t0)).ran).toBe(false);
  });

  it('never throttles successes, however many, and a success resets the username\'s failures', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    for (let i = 0; i < 200; i++) expect((await tryOnce(store, demo, '127.0.0.1', right, t0)).outcome).toBe('ok');
    // (Within the address's 20 free failures: a success resets the username's counters, not the address's.)
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 5; i++) expect((await tryOnce(store, demo, '127.0.0.1', wrong, t0)).outcome).toBe('wrong');
      expect((await tryOnce(store, demo, '127.0.0.1', right, t0)).outcome).toBe('ok');
    }
  });

  it('takes back attempts that were no guess (Keystone down, no project)', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    const down = () => Promise.reject(new HttpError(502, 'Cannot reach Keystone'));
    for (let i = 0; i < 30; i++) await expect(throttledLogin(demo, '10.0.0.1', down, { store, now: t0 })).rejects.toMatchObject({ status: 502 });
    expect((await tryOnce(store, demo, '10.0.0.1', right, t0)).outcome).toBe('ok');
  });

  it('holds back one address guessing many usernames (loosely: 20 free failures)', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    for (let i = 0; i < 21; i++) expect((await tryOnce(store, { ...demo, username: `user${i}` }, '10.0.0.9', wrong, t0)).outcome).toBe('wrong');
    expect(await tryOnce(store, { ...demo, username: 'someone-else' }, '10.0.0.9', right, t0)).toMatchObject({ outcome: 1, ran: false });
    // Other addresses are not affected.
    expect((await tryOnce(store, { ...demo, username: 'someone-else' }, '10.0.0.10', right, t0)).outcome).toBe('ok');
    // A success does not buy the address more guesses at other accounts.
    expect((await tryOnce(store, { ...demo, username: 'mine' }, '10.0.0.9', right, t0 + S)).outcome).toBe('ok');
    expect((await tryOnce(store, { ...demo, username: 'user99' }, '10.0.0.9', wrong, t0 + M)).outcome).toBe('wrong');
    expect((await tryOnce(store, { ...demo, username: 'user98' }, '10.0.0.9', wrong, t0 + M)).ran).toBe(false);
  });

  it('holds back one username guessed from many addresses, never for more than 30 s, and not from a known client', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    // The real user logged in from home before.
    expect((await tryOnce(store, demo, '192.0.2.1', right, t0)).outcome).toBe('ok');
    // A botnet: one guess per address.
    let t = t0;
    for (let i = 0; i < 40; i++) {
      const r = await tryOnce(store, demo, `198.51.100.${i}`, wrong, t);
      if (r.outcome !== 'wrong') {
        expect(r.ran).toBe(false);
        expect(r.outcome).toBeLessThanOrEqual(30);
        t += (r.outcome as number) * S;
      }
    }
    // Whatever the last step was, the next guess passes or is refused; the one after it is refused.
    if ((await tryOnce(store, demo, '198.51.100.249', wrong, t)).ran === false) await tryOnce(store, demo, '198.51.100.249', wrong, (t += 30 * S));
    const locked = await tryOnce(store, demo, '198.51.100.250', right, t);
    expect(locked.ran).toBe(false);
    expect(locked.outcome).toBe(30);
    // The real user, from the address they logged in from before, is not held back by the botnet's failures.
    expect((await tryOnce(store, demo, '192.0.2.1', right, t)).outcome).toBe('ok');
    // A new address of theirs waits at most 30 s.
    expect((await tryOnce(store, demo, '203.0.113.7', right, t + 30 * S)).outcome).toBe('ok');
  });

  it('lets at most 6 of 50 parallel guesses from one address reach Keystone', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    const results = await Promise.all(Array.from({ length: 50 }, () => tryOnce(store, demo, '10.0.0.1', wrong, t0)));
    expect(results.filter((r) => r.ran)).toHaveLength(6);
  });

  it('throttles application credentials and re-authentication on their own ids', async () => {
    const store = new MemorySessionStore();
    const t0 = Date.now();
    const ac: LoginSubject = { kind: 'application_credential', cloud: 'c', id: 'abc' };
    const re: LoginSubject = { kind: 'reauth', cloud: 'c', userId: 'u1' };
    for (let i = 0; i < 6; i++) await tryOnce(store, ac, '10.0.0.1', wrong, t0);
    expect((await tryOnce(store, ac, '10.0.0.1', right, t0)).ran).toBe(false);
    for (let i = 0; i < 6; i++) await tryOnce(store, re, '10.0.0.2', wrong, t0);
    expect((await tryOnce(store, re, '10.0.0.2', right, t0)).ran).toBe(false);
    expect((await tryOnce(store, demo, '10.0.0.3', right, t0)).outcome).toBe('ok');
  });
});
