import type { ComputeState, Server } from './model';

// In-memory ordered index of the servers (not persisted: rebuilt from state on first use).
// Per project and for the whole cloud, servers in ascending creation order (seq), so Nova's
// default sort (created_at desc) is a walk from the end, and an id -> position map finds a
// marker in O(1). Creation appends (a new server always has the highest seq); removals are
// batched and compacted on the next read, so deleting while a list walks the index is safe.

export interface Ordered {
  /** Ascending seq. */
  list: Server[];
  pos: Map<string, number>;
}

const ALL = '\u0000all';

export class ServerIndex {
  private scopes = new Map<string, Ordered>();
  private removed = new Set<string>();

  constructor(private readonly s: ComputeState) {
    const all = Object.values(s.servers).sort((a, b) => a.seq - b.seq);
    for (const srv of all) this.push(srv);
  }

  private push(srv: Server): void {
    for (const key of [ALL, srv.project_id]) {
      let o = this.scopes.get(key);
      if (!o) this.scopes.set(key, (o = { list: [], pos: new Map() }));
      const last = o.list[o.list.length - 1];
      if (last && last.seq > srv.seq) {
        // Out of order (never happens for new servers): insert and renumber.
        let i = o.list.length;
        while (i > 0 && o.list[i - 1].seq > srv.seq) i--;
        o.list.splice(i, 0, srv);
        for (let j = i; j < o.list.length; j++) o.pos.set(o.list[j].id, j);
      } else {
        o.pos.set(srv.id, o.list.length);
        o.list.push(srv);
      }
    }
  }

  add(srv: Server): void {
    this.compact();
    this.push(srv);
  }

  remove(id: string): void {
    this.removed.add(id);
  }

  private compact(): void {
    if (this.removed.size === 0) return;
    const gone = this.removed;
    this.removed = new Set();
    for (const [key, o] of this.scopes) {
      if (![...gone].some((id) => o.pos.has(id))) continue;
      const list = o.list.filter((srv) => !gone.has(srv.id));
      if (list.length === 0 && key !== ALL) {
        this.scopes.delete(key);
        continue;
      }
      const pos = new Map<string, number>();
      list.forEach((srv, i) => pos.set(srv.id, i));
      this.scopes.set(key, { list, pos });
    }
  }

  /** Servers of a project (or all with null), ascending seq; may still hold records due for removal on settle. */
  scope(projectId: string | null): Ordered {
    this.compact();
    return this.scopes.get(projectId ?? ALL) ?? { list: [], pos: new Map() };
  }
}

const indexes = new WeakMap<ComputeState, ServerIndex>();

export function serverIndex(s: ComputeState): ServerIndex {
  let idx = indexes.get(s);
  if (!idx) indexes.set(s, (idx = new ServerIndex(s)));
  return idx;
}

/** Adds a new server to the state and the index. */
export function addServer(s: ComputeState, srv: Server): void {
  s.servers[srv.id] = srv;
  indexes.get(s)?.add(srv); // without an index yet, the first read builds it from state
}

/** Drops a server from the state and the index. */
export function dropServer(s: ComputeState, id: string): void {
  if (!(id in s.servers)) return;
  delete s.servers[id];
  indexes.get(s)?.remove(id);
}
