// Where shared snapshots live. The embedded default: one JSON file per snapshot under the data directory
// (`<STRATUS_STATE_DIR>/snapshots`, mode 0600 in a 0700 directory), or under STRATUS_SNAPSHOT_DIR (a directory on
// storage that several processes share). With STRATUS_SESSION_STORE=redis://… and no STRATUS_SNAPSHOT_DIR they live in
// that Redis/Valkey, through the session store's client (lib/openstack/session-store.ts), so every process sees them.
//
// A revoked or expired snapshot loses its data at once (or at its first read after expiry: purged lazily) and leaves
// a tombstone for TOMBSTONE_MS, so that its link answers 410 Gone rather than 404.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stateDir } from '@/lib/config/secret';
import { sessionStoreConfig } from '@/lib/config/session-store-url';
import { sessionStore, type SessionStore } from '@/lib/openstack/session-store';
import { SNAPSHOT_ID, type SnapshotOwner, type SnapshotRecord, type SnapshotSummary, type SnapshotTombstone, type StoredSnapshot } from './schema';

export const TOMBSTONE_MS = 30 * 24 * 3600 * 1000;
export const SNAPSHOT_DIR_ENV = 'STRATUS_SNAPSHOT_DIR';

export type SnapshotRead = { state: 'live'; snapshot: StoredSnapshot } | { state: 'gone' } | { state: 'missing' };

export interface SnapshotStore {
  readonly kind: 'file' | 'redis';
  create(snapshot: StoredSnapshot): Promise<void>;
  read(id: string): Promise<SnapshotRead>;
  /** The owner's live snapshots, newest first. */
  list(owner: SnapshotOwner): Promise<SnapshotSummary[]>;
  /** Only the owner may revoke; revoking twice is no error. */
  revoke(id: string, owner: SnapshotOwner): Promise<'revoked' | 'missing' | 'forbidden'>;
}

const sameOwner = (a: SnapshotOwner, b: SnapshotOwner) => a.cloud === b.cloud && a.userId === b.userId;
const isTombstone = (r: SnapshotRecord): r is SnapshotTombstone => 'gone' in r;
const summary = (s: StoredSnapshot): SnapshotSummary => ({ id: s.id, title: s.title, kindLabel: s.kindLabel, createdAt: s.createdAt, expiresAt: s.expiresAt });
const newestFirst = (a: SnapshotSummary, b: SnapshotSummary) => b.createdAt - a.createdAt;

function tombstone(r: Pick<SnapshotRecord, 'id' | 'owner'>, gone: SnapshotTombstone['gone'], now: number): SnapshotTombstone {
  return { v: 1, id: r.id, owner: r.owner, gone, purgeAt: now + TOMBSTONE_MS };
}

// ---------------------------------------------------------------------------------------------------------------
// Files

export class FileSnapshotStore implements SnapshotStore {
  readonly kind = 'file' as const;
  private lastSweep = 0;

  constructor(
    readonly dir: string,
    private readonly clock: () => number = Date.now,
  ) {}

  private file(id: string): string {
    if (!SNAPSHOT_ID.test(id)) throw new Error('invalid snapshot id');
    return path.join(this.dir, `${id}.json`);
  }

  private async write(record: SnapshotRecord): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.file(record.id);
    // Write then rename: a reader never sees half a file, and a tombstone replaces the data whole.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(record), { mode: 0o600 });
    await fs.rename(tmp, file);
  }

  /** The record as it is now: an expired snapshot becomes a tombstone, an old tombstone is deleted. */
  private async load(id: string): Promise<SnapshotRecord | undefined> {
    let record: SnapshotRecord;
    try {
      record = JSON.parse(await fs.readFile(this.file(id), 'utf8')) as SnapshotRecord;
    } catch {
      return undefined;
    }
    const now = this.clock();
    if (isTombstone(record)) {
      if (record.purgeAt > now) return record;
      await fs.rm(this.file(id), { force: true });
      return undefined;
    }
    if (record.expiresAt > now) return record;
    const gone = tombstone(record, 'expired', now);
    await this.write(gone);
    return gone;
  }

  private async ids(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => SNAPSHOT_ID.test(id));
  }

  /** Purge what expired, at most once a minute (on create). */
  private async sweep(): Promise<void> {
    const now = this.clock();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const id of await this.ids()) await this.load(id);
  }

  async create(snapshot: StoredSnapshot): Promise<void> {
    await this.sweep();
    await this.write(snapshot);
  }

  async read(id: string): Promise<SnapshotRead> {
    if (!SNAPSHOT_ID.test(id)) return { state: 'missing' };
    const record = await this.load(id);
    if (!record) return { state: 'missing' };
    return isTombstone(record) ? { state: 'gone' } : { state: 'live', snapshot: record };
  }

  async list(owner: SnapshotOwner): Promise<SnapshotSummary[]> {
    const out: SnapshotSummary[] = [];
    for (const id of await this.ids()) {
      const record = await this.load(id);
      if (record && !isTombstone(record) && sameOwner(record.owner, owner)) out.push(summary(record));
    }
    return out.sort(newestFirst);
  }

  async revoke(id: string, owner: SnapshotOwner): Promise<'revoked' | 'missing' | 'forbidden'> {
    if (!SNAPSHOT_ID.test(id)) return 'missing';
    const record = await this.load(id);
    if (!record) return 'missing';
    if (!sameOwner(record.owner, owner)) return 'forbidden';
    if (!isTombstone(record)) await this.write(tombstone(record, 'revoked', this.clock()));
    return 'revoked';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Redis / Valkey, through the session store

/**
 * Two values per snapshot: `snapshot:<id>` holds the data until it expires (a tombstone after a revocation), and
 * `snapshot-meta:<id>` the owner and summary until TOMBSTONE_MS after that, so an expired link still answers 410.
 * `snapshots-of:<owner>` lists the owner's ids.
 */
export class SessionStoreSnapshots implements SnapshotStore {
  readonly kind = 'redis' as const;

  constructor(
    private readonly store: () => SessionStore,
    private readonly clock: () => number = Date.now,
  ) {}

  private ownerKey(owner: SnapshotOwner): string {
    return `snapshots-of:${encodeURIComponent(owner.cloud)}:${encodeURIComponent(owner.userId)}`;
  }

  private async meta(id: string): Promise<(SnapshotSummary & { owner: SnapshotOwner }) | undefined> {
    const raw = await this.store().getValue(`snapshot-meta:${id}`);
    return raw ? (JSON.parse(raw) as SnapshotSummary & { owner: SnapshotOwner }) : undefined;
  }

  async create(s: StoredSnapshot): Promise<void> {
    const ttl = s.expiresAt - this.clock();
    const store = this.store();
    await store.setValue(`snapshot:${s.id}`, JSON.stringify(s), ttl);
    await store.setValue(`snapshot-meta:${s.id}`, JSON.stringify({ ...summary(s), owner: s.owner }), ttl + TOMBSTONE_MS);
    await store.addMember(this.ownerKey(s.owner), s.id, ttl + TOMBSTONE_MS);
  }

  async read(id: string): Promise<SnapshotRead> {
    if (!SNAPSHOT_ID.test(id)) return { state: 'missing' };
    const raw = await this.store().getValue(`snapshot:${id}`);
    const record = raw ? (JSON.parse(raw) as SnapshotRecord) : undefined;
    if (record && !isTombstone(record) && record.expiresAt > this.clock()) return { state: 'live', snapshot: record };
    if (record || (await this.meta(id))) return { state: 'gone' };
    return { state: 'missing' };
  }

  async list(owner: SnapshotOwner): Promise<SnapshotSummary[]> {
    const key = this.ownerKey(owner);
    const out: SnapshotSummary[] = [];
    for (const id of await this.store().members(key)) {
      const read = await this.read(id);
      if (read.state === 'live') out.push(summary(read.snapshot));
      else if (read.state === 'missing') await this.store().removeMember(key, id);
    }
    return out.sort(newestFirst);
  }

  async revoke(id: string, owner: SnapshotOwner): Promise<'revoked' | 'missing' | 'forbidden'> {
    if (!SNAPSHOT_ID.test(id)) return 'missing';
    const meta = await this.meta(id);
    if (!meta) return 'missing';
    if (!sameOwner(meta.owner, owner)) return 'forbidden';
    const now = this.clock();
    // The data goes; the meta value (until TOMBSTONE_MS past the expiry) keeps answering 410.
    await this.store().setValue(`snapshot:${id}`, JSON.stringify(tombstone(meta, 'revoked', now)), Math.max(1, meta.expiresAt - now));
    return 'revoked';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The process's store

export type SnapshotStoreConfig = { kind: 'file'; dir: string } | { kind: 'redis' };

/** STRATUS_SNAPSHOT_DIR, else the session store's Redis when there is one, else `<data directory>/snapshots`. */
export function snapshotStoreConfig(env: Record<string, string | undefined> = process.env): SnapshotStoreConfig {
  const dir = env[SNAPSHOT_DIR_ENV]?.trim();
  if (dir) return { kind: 'file', dir: path.resolve(dir) };
  if (sessionStoreConfig(env).kind === 'redis') return { kind: 'redis' };
  return { kind: 'file', dir: path.join(stateDir(env), 'snapshots') };
}

let current: SnapshotStore | undefined;

export function snapshotStore(): SnapshotStore {
  if (!current) {
    const config = snapshotStoreConfig();
    current = config.kind === 'file' ? new FileSnapshotStore(config.dir) : new SessionStoreSnapshots(sessionStore);
  }
  return current;
}
