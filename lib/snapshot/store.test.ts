// The snapshot store: the same behaviour from files and from a real redis-server (through the session store's client),
// on a clock the test moves; files 0600 in a 0700 directory; two Redis-backed stores seeing each other's snapshots.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redisForThisFile } from '@/lib/testing/redis-server';
import { MemorySessionStore, RedisSessionStore } from '@/lib/openstack/session-store';
import type { StoredSnapshot } from './schema';
import { FileSnapshotStore, SessionStoreSnapshots, snapshotStoreConfig, TOMBSTONE_MS, type SnapshotStore } from './store';

const redis = redisForThisFile();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const HOUR = 3600_000;
const alice = { cloud: 'demo', userId: 'u-alice' };
const bob = { cloud: 'demo', userId: 'u-bob' };
const newId = () => crypto.randomBytes(24).toString('base64url');

function snapshot(over: Partial<StoredSnapshot> = {}, now = 0): StoredSnapshot {
  return {
    v: 1,
    id: newId(),
    owner: alice,
    sharedBy: 'alice',
    createdAt: now,
    expiresAt: now + HOUR,
    title: 'Instances',
    kindLabel: 'Instances',
    removed: ['email', 'projectId', 'secretName'],
    view: { type: 'list', columns: [{ id: 'name', label: 'Name' }], rows: [['web-1']] },
    ...over,
  };
}

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshots-'));
  dirs.push(d);
  return path.join(d, 'snapshots');
}

type Clock = { now: number };
function redisBacked(clock: Clock, prefix = `t-${crypto.randomUUID()}:`): SnapshotStore {
  const s = redis.opened(new RedisSessionStore(redis.url, { prefix, log: () => {} }));
  return new SessionStoreSnapshots(() => s, () => clock.now);
}
const makers: [string, (clock: Clock) => SnapshotStore][] = [
  ['file', (clock) => new FileSnapshotStore(tmpDir(), () => clock.now)],
  ['redis', (clock) => redisBacked(clock)],
  [
    'memory session store',
    (clock) => {
      const memory = new MemorySessionStore(() => clock.now);
      return new SessionStoreSnapshots(() => memory, () => clock.now);
    },
  ],
];

describe.each(makers)('%s', (_kind, make) => {
  it('reads a live snapshot, 404s an unknown or malformed id', async () => {
    const clock = { now: Date.now() };
    const store = make(clock);
    const s = snapshot({}, clock.now);
    await store.create(s);
    expect(await store.read(s.id)).toEqual({ state: 'live', snapshot: s });
    expect(await store.read(newId())).toEqual({ state: 'missing' });
    expect(await store.read('../../etc/passwd')).toEqual({ state: 'missing' });
  });

  it('lists the owner’s live snapshots only, newest first', async () => {
    const clock = { now: Date.now() };
    const store = make(clock);
    const older = snapshot({ createdAt: clock.now - 10 }, clock.now);
    const newer = snapshot({}, clock.now);
    const bobs = snapshot({ owner: bob }, clock.now);
    for (const s of [older, newer, bobs]) await store.create(s);
    expect((await store.list(alice)).map((s) => s.id)).toEqual([newer.id, older.id]);
    expect((await store.list({ cloud: 'other', userId: 'u-alice' })).length).toBe(0);
  });

  it('revokes for the owner only, then answers gone', async () => {
    const clock = { now: Date.now() };
    const store = make(clock);
    const s = snapshot({}, clock.now);
    await store.create(s);
    expect(await store.revoke(s.id, bob)).toBe('forbidden');
    expect((await store.read(s.id)).state).toBe('live');
    expect(await store.revoke(s.id, alice)).toBe('revoked');
    expect(await store.revoke(s.id, alice)).toBe('revoked');
    expect(await store.read(s.id)).toEqual({ state: 'gone' });
    expect(await store.list(alice)).toEqual([]);
    expect(await store.revoke(newId(), alice)).toBe('missing');
  });

  it('answers gone once expired', async () => {
    const clock = { now: Date.now() };
    const store = make(clock);
    const s = snapshot({}, clock.now);
    await store.create(s);
    clock.now += HOUR + 1;
    expect(await store.read(s.id)).toEqual({ state: 'gone' });
    expect(await store.list(alice)).toEqual([]);
  });
});

describe('file store', () => {
  it('keeps files 0600 in a 0700 directory, drops the data of expired and revoked ones, purges old tombstones', async () => {
    const clock = { now: Date.now() };
    const dir = tmpDir();
    const store = new FileSnapshotStore(dir, () => clock.now);
    const s = snapshot({ title: 'secret-rows' }, clock.now);
    await store.create(s);
    const file = path.join(dir, `${s.id}.json`);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    clock.now += HOUR + 1;
    await store.read(s.id);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('secret-rows');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    clock.now += TOMBSTONE_MS + 1;
    expect(await store.read(s.id)).toEqual({ state: 'missing' });
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('redis store', () => {
  it('is shared by every process using the same Redis', async () => {
    const clock = { now: Date.now() };
    const prefix = `t-${crypto.randomUUID()}:`;
    const one = redisBacked(clock, prefix);
    const two = redisBacked(clock, prefix);
    const s = snapshot({}, clock.now);
    await one.create(s);
    expect((await two.read(s.id)).state).toBe('live');
    expect(await two.revoke(s.id, alice)).toBe('revoked');
    expect((await one.read(s.id)).state).toBe('gone');
  });
});

describe('snapshotStoreConfig', () => {
  it.each([
    [{}, { kind: 'file', dir: path.join(process.cwd(), '.stratus', 'snapshots') }],
    [{ STRATUS_STATE_DIR: '/var/lib/stratus' }, { kind: 'file', dir: '/var/lib/stratus/snapshots' }],
    [{ STRATUS_SESSION_STORE: 'redis://cache:6379/0' }, { kind: 'redis' }],
    [{ STRATUS_SESSION_STORE: 'redis://cache:6379/0', STRATUS_SNAPSHOT_DIR: '/mnt/shared/snap' }, { kind: 'file', dir: '/mnt/shared/snap' }],
  ])('%j', (env, config) => {
    expect(snapshotStoreConfig(env)).toEqual(config);
  });
});
