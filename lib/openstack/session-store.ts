// The state that sealed cookies cannot carry, shared by every Stratus process: the ids of sessions that ended
// (logout, a new login in the same browser) so that copies of their cookie are refused everywhere, and the
// counters of the log-in throttle (login-throttle.ts). Never a token or a password; usernames and client
// addresses only as hashes.
//
// Two implementations: in this process's memory (the default; right for one process) and Redis/Valkey
// (STRATUS_SESSION_STORE=redis://host:6379/0, required when several processes share the load). One store per
// process, kept on globalThis: the custom server's fast path (lib/openstack/proxy-node.ts, loaded by tsx) and
// Next's bundle of lib/ are two module instances in one process and must see the same revocations.
//
// Fail closed: when Redis cannot be asked, every operation throws SessionStoreUnavailable (HTTP 503 "Session
// store unavailable"); a session is never taken as valid without the store's answer.
import 'server-only';
import { createClient } from 'redis';
import { sessionStoreConfig } from '@/lib/config/session-store-url';
import { HttpError } from './errors';

export class SessionStoreUnavailable extends HttpError {
  constructor() {
    super(503, 'Session store unavailable', { text: 'server.errors.sessionStoreUnavailable' });
    this.name = 'SessionStoreUnavailable';
  }
}

/**
 * One throttle counter. `delaysMs[i]` is the lock after the (free + i + 1)-th counted attempt; past the end of the
 * array the last value holds (the cap). `windowMs`: a counter is forgotten that long after its last attempt.
 */
export type ThrottleRule = { key: string; free: number; delaysMs: readonly number[]; windowMs: number };

export interface SessionStore {
  readonly kind: 'memory' | 'redis';
  /** Set a flag for ttlMs (a revoked session id, a client known to a user). */
  setFlag(key: string, ttlMs: number): Promise<void>;
  hasFlag(key: string): Promise<boolean>;
  /**
   * Atomically: when any rule's key is locked, count nothing and answer the longest wait (ms); otherwise count this
   * attempt on every key (as a failure until settled otherwise), lock each key whose count passed its free
   * attempts for its delay, and answer 0. Counting before the answer comes keeps parallel guesses in check.
   */
  throttleAttempt(rules: readonly ThrottleRule[], now: number): Promise<number>;
  /** Take back one counted attempt that turned out not to be a failure; unlock a key back within its free attempts. */
  throttleUncount(rules: readonly ThrottleRule[]): Promise<void>;
  /** Forget these counters (a successful log-in). */
  throttleReset(keys: readonly string[]): Promise<void>;
  /** A text value for ttlMs (a shared snapshot, lib/snapshot/store.ts), replacing any before it. */
  setValue(key: string, value: string, ttlMs: number): Promise<void>;
  getValue(key: string): Promise<string | null>;
  /** Add a member to a set and keep the set for at least ttlMs (the snapshots of one owner). */
  addMember(key: string, member: string, ttlMs: number): Promise<void>;
  members(key: string): Promise<string[]>;
  removeMember(key: string, member: string): Promise<void>;
  close(): Promise<void>;
}

/** The lock after the n-th counted attempt of a rule (0 within the free attempts). */
export function lockAfter(rule: Pick<ThrottleRule, 'free' | 'delaysMs'>, n: number): number {
  if (n <= rule.free || rule.delaysMs.length === 0) return 0;
  return rule.delaysMs[Math.min(n - rule.free, rule.delaysMs.length) - 1];
}

// ---------------------------------------------------------------------------------------------------------------
// Memory

type Counter = { n: number; until: number; expires: number };

export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory' as const;
  private readonly flags = new Map<string, number>();
  private readonly counters = new Map<string, Counter>();
  private readonly values = new Map<string, { value: string; until: number }>();
  private readonly sets = new Map<string, { members: Set<string>; until: number }>();
  private writes = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  async setFlag(key: string, ttlMs: number): Promise<void> {
    this.flags.set(key, this.clock() + ttlMs);
    this.sweep();
  }

  async hasFlag(key: string): Promise<boolean> {
    const until = this.flags.get(key);
    if (until === undefined) return false;
    if (until > this.clock()) return true;
    this.flags.delete(key);
    return false;
  }

  private live(key: string, now: number): Counter | undefined {
    const c = this.counters.get(key);
    if (c && c.expires <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return c;
  }

  async throttleAttempt(rules: readonly ThrottleRule[], now: number): Promise<number> {
    // Synchronous from here on: atomic with respect to every other request of this process.
    let wait = 0;
    for (const r of rules) wait = Math.max(wait, (this.live(r.key, now)?.until ?? 0) - now);
    if (wait > 0) return wait;
    for (const r of rules) {
      const c = this.live(r.key, now) ?? { n: 0, until: 0, expires: 0 };
      c.n += 1;
      const lock = lockAfter(r, c.n);
      if (lock > 0) c.until = now + lock;
      c.expires = now + Math.max(r.windowMs, lock);
      this.counters.set(r.key, c);
    }
    this.sweep();
    return 0;
  }

  async throttleUncount(rules: readonly ThrottleRule[]): Promise<void> {
    const now = this.clock();
    for (const r of rules) {
      const c = this.live(r.key, now);
      if (!c) continue;
      c.n -= 1;
      if (c.n <= 0) this.counters.delete(r.key);
      else if (c.n <= r.free) c.until = 0;
    }
  }

  async throttleReset(keys: readonly string[]): Promise<void> {
    for (const k of keys) this.counters.delete(k);
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, until: this.clock() + ttlMs });
    this.sweep();
  }

  async getValue(key: string): Promise<string | null> {
    const v = this.values.get(key);
    if (!v) return null;
    if (v.until > this.clock()) return v.value;
    this.values.delete(key);
    return null;
  }

  private liveSet(key: string) {
    const set = this.sets.get(key);
    if (set && set.until <= this.clock()) {
      this.sets.delete(key);
      return undefined;
    }
    return set;
  }

  async addMember(key: string, member: string, ttlMs: number): Promise<void> {
    const set = this.liveSet(key) ?? { members: new Set<string>(), until: 0 };
    set.members.add(member);
    set.until = Math.max(set.until, this.clock() + ttlMs);
    this.sets.set(key, set);
    this.sweep();
  }

  async members(key: string): Promise<string[]> {
    return [...(this.liveSet(key)?.members ?? [])];
  }

  async removeMember(key: string, member: string): Promise<void> {
    this.liveSet(key)?.members.delete(member);
  }

  async close(): Promise<void> {
    this.flags.clear();
    this.counters.clear();
    this.values.clear();
    this.sets.clear();
  }

  /** Drop expired entries now and then, so that memory follows the live entries only. */
  private sweep(): void {
    if (++this.writes % 1000 !== 0) return;
    const now = this.clock();
    for (const [key, until] of this.flags) if (until <= now) this.flags.delete(key);
    for (const [key, c] of this.counters) if (c.expires <= now) this.counters.delete(key);
    for (const [key, v] of this.values) if (v.until <= now) this.values.delete(key);
    for (const [key, v] of this.sets) if (v.until <= now) this.sets.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Redis / Valkey

// KEYS: the counters (hashes n, until). ARGV[1]: now (ms); ARGV[1 + i]: rule i as JSON {free, windowMs, delays}.
const ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local wait = 0
for i = 1, #KEYS do
  local u = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
  if u - now > wait then wait = u - now end
end
if wait > 0 then return string.format('%.0f', wait) end
for i = 1, #KEYS do
  local rule = cjson.decode(ARGV[i + 1])
  local n = redis.call('HINCRBY', KEYS[i], 'n', 1)
  local lock = 0
  if n > rule.free and #rule.delays > 0 then
    lock = rule.delays[math.min(n - rule.free, #rule.delays)]
    redis.call('HSET', KEYS[i], 'until', string.format('%.0f', now + lock))
  end
  redis.call('PEXPIRE', KEYS[i], string.format('%.0f', math.max(rule.windowMs, lock)))
end
return '0'
`;

// KEYS: the counters. ARGV[i]: the free attempts of rule i.
const UNCOUNT_SCRIPT = `
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    local n = redis.call('HINCRBY', KEYS[i], 'n', -1)
    if n <= 0 then redis.call('DEL', KEYS[i])
    elseif n <= tonumber(ARGV[i]) then redis.call('HDEL', KEYS[i], 'until') end
  end
end
return 0
`;

type RedisClient = ReturnType<typeof createClient>;

export type RedisStoreOptions = {
  /** Prefix of every key (tests use their own). */
  prefix?: string;
  /** Shown in logs instead of the URL (which may hold a password). */
  display?: string;
  /** How long one operation may take before the store counts as unavailable. */
  commandTimeoutMs?: number;
  /** While (re)connecting, how long an operation waits for the connection before failing. */
  readyWaitMs?: number;
  log?: (line: string) => void;
};

export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly display: string;
  private readonly commandTimeoutMs: number;
  private readonly readyWaitMs: number;
  private readonly log: (line: string) => void;
  private healthy: boolean | undefined;
  private closed = false;
  private nextReady: Promise<void> | undefined;

  constructor(url: string, opts: RedisStoreOptions = {}) {
    this.prefix = opts.prefix ?? 'stratus:';
    this.display = opts.display ?? 'redis';
    this.commandTimeoutMs = opts.commandTimeoutMs ?? 2_000;
    this.readyWaitMs = opts.readyWaitMs ?? 1_000;
    this.log = opts.log ?? ((line) => console.error(line));
    this.client = createClient({
      url,
      // Fail fast while disconnected (the caller answers 503) instead of queueing requests behind an outage.
      disableOfflineQueue: true,
      socket: { connectTimeout: 3_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 2_000) },
    });
    // Without an 'error' listener a refused connection would crash the process.
    this.client.on('error', (e: unknown) => this.down(e));
    this.client.on('ready', () => {
      if (this.healthy !== true) this.log(`stratus: session store ${this.display}: connected`);
      this.healthy = true;
    });
    // Reconnects forever in the background; operations fail (503) until it is back.
    this.client.connect().catch((e: unknown) => this.down(e));
  }

  private down(e: unknown): void {
    if (this.closed) return;
    if (this.healthy !== false) {
      const why = e instanceof Error ? (e.message || e.name) : String(e);
      this.log(`stratus: session store ${this.display} unavailable (${why}); session checks answer 503 until it is back`);
    }
    this.healthy = false;
  }

  /** Resolves when the connection is (back) up, or after readyWaitMs; one shared listener however many wait. */
  private waitReady(): Promise<void> {
    this.nextReady ??= new Promise<void>((resolve) => {
      this.client.once('ready', () => {
        this.nextReady = undefined;
        resolve();
      });
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.readyWaitMs);
    });
    return Promise.race([this.nextReady, timeout]).finally(() => clearTimeout(timer));
  }

  private async run<T>(op: (c: RedisClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new SessionStoreUnavailable();
    // Starting or just disconnected: wait a little for the connection. Known to be down: fail at once.
    if (!this.client.isReady && this.healthy !== false) await this.waitReady();
    if (!this.client.isReady) throw new SessionStoreUnavailable();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        op(this.client),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.commandTimeoutMs} ms`)), this.commandTimeoutMs);
        }),
      ]);
      if (this.healthy !== true) {
        if (this.healthy === false) this.log(`stratus: session store ${this.display}: answering again`);
        this.healthy = true;
      }
      return result;
    } catch (e) {
      this.down(e);
      throw new SessionStoreUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  private flagKey(key: string): string {
    return `${this.prefix}flag:${key}`;
  }

  private counterKey(key: string): string {
    return `${this.prefix}throttle:${key}`;
  }

  private valueKey(key: string): string {
    return `${this.prefix}value:${key}`;
  }

  private setKey(key: string): string {
    return `${this.prefix}set:${key}`;
  }

  async setFlag(key: string, ttlMs: number): Promise<void> {
    await this.run((c) => c.set(this.flagKey(key), '1', { expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } }));
  }

  async hasFlag(key: string): Promise<boolean> {
    return (await this.run((c) => c.exists(this.flagKey(key)))) > 0;
  }

  async throttleAttempt(rules: readonly ThrottleRule[], now: number): Promise<number> {
    if (rules.length === 0) return 0;
    const reply = await this.run((c) =>
      c.eval(ATTEMPT_SCRIPT, {
        keys: rules.map((r) => this.counterKey(r.key)),
        arguments: [String(Math.floor(now)), ...rules.map((r) => JSON.stringify({ free: r.free, windowMs: r.windowMs, delays: r.delaysMs }))],
      }),
    );
    return Number(reply) || 0;
  }

  async throttleUncount(rules: readonly ThrottleRule[]): Promise<void> {
    if (rules.length === 0) return;
    await this.run((c) => c.eval(UNCOUNT_SCRIPT, { keys: rules.map((r) => this.counterKey(r.key)), arguments: rules.map((r) => String(r.free)) }));
  }

  async throttleReset(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.run((c) => c.del(keys.map((k) => this.counterKey(k))));
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    await this.run((c) => c.set(this.valueKey(key), value, { expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } }));
  }

  async getValue(key: string): Promise<string | null> {
    const v = await this.run((c) => c.get(this.valueKey(key)));
    return typeof v === 'string' ? v : null;
  }

  async addMember(key: string, member: string, ttlMs: number): Promise<void> {
    const k = this.setKey(key);
    const ttl = Math.max(1, Math.ceil(ttlMs));
    // GT: a later member's shorter TTL never shortens the set's life; NX covers a set that had none yet.
    await this.run((c) => c.multi().sAdd(k, member).pExpire(k, ttl, 'NX').pExpire(k, ttl, 'GT').exec());
  }

  async members(key: string): Promise<string[]> {
    return this.run((c) => c.sMembers(this.setKey(key)));
  }

  async removeMember(key: string, member: string): Promise<void> {
    await this.run((c) => c.sRem(this.setKey(key), member));
  }

  async close(): Promise<void> {
    this.closed = true;
    try {
      this.client.destroy();
    } catch {
      // already closed
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The process's store

const STORE_KEY = Symbol.for('stratus.sessionStore');
type StoreHolder = { [STORE_KEY]?: SessionStore };

/**
 * The store seen through this module instance: its errors become this instance's SessionStoreUnavailable. The
 * shared store may have been made by the other module instance of the process, whose error classes fail this
 * one's `instanceof HttpError` (which would turn a 503 into a 500).
 */
class LocalErrors implements SessionStore {
  constructor(private readonly inner: SessionStore) {}
  get kind() {
    return this.inner.kind;
  }
  private async call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (e instanceof SessionStoreUnavailable) throw e;
      if (e instanceof Error && e.name === 'SessionStoreUnavailable') throw new SessionStoreUnavailable();
      throw e;
    }
  }
  setFlag(key: string, ttlMs: number) {
    return this.call(() => this.inner.setFlag(key, ttlMs));
  }
  hasFlag(key: string) {
    return this.call(() => this.inner.hasFlag(key));
  }
  throttleAttempt(rules: readonly ThrottleRule[], now: number) {
    return this.call(() => this.inner.throttleAttempt(rules, now));
  }
  throttleUncount(rules: readonly ThrottleRule[]) {
    return this.call(() => this.inner.throttleUncount(rules));
  }
  throttleReset(keys: readonly string[]) {
    return this.call(() => this.inner.throttleReset(keys));
  }
  setValue(key: string, value: string, ttlMs: number) {
    return this.call(() => this.inner.setValue(key, value, ttlMs));
  }
  getValue(key: string) {
    return this.call(() => this.inner.getValue(key));
  }
  addMember(key: string, member: string, ttlMs: number) {
    return this.call(() => this.inner.addMember(key, member, ttlMs));
  }
  members(key: string) {
    return this.call(() => this.inner.members(key));
  }
  removeMember(key: string, member: string) {
    return this.call(() => this.inner.removeMember(key, member));
  }
  close() {
    return this.inner.close();
  }
}
const local = new WeakMap<SessionStore, SessionStore>();

/** This process's store, made on first use from STRATUS_SESSION_STORE (see lib/config/session-store-url.ts). */
export function sessionStore(): SessionStore {
  const g = globalThis as StoreHolder;
  let store = g[STORE_KEY];
  if (!store) {
    const config = sessionStoreConfig(process.env);
    store = config.kind === 'memory' ? new MemorySessionStore() : new RedisSessionStore(config.url, { display: config.display });
    g[STORE_KEY] = store;
  }
  let view = local.get(store);
  if (!view) {
    view = new LocalErrors(store);
    local.set(store, view);
  }
  return view;
}

/** Replace this process's store (tests); answers the previous one, which the caller closes if it wants. */
export function installSessionStore(store: SessionStore | undefined): SessionStore | undefined {
  const g = globalThis as StoreHolder;
  const previous = g[STORE_KEY];
  if (store) g[STORE_KEY] = store;
  else delete g[STORE_KEY];
  return previous;
}
