// One poll of the project's activity: for each kind that declares an `activity` source (types.ts), the bounded calls
// that read what changed since the last poll, worded by lib/activity/feed.ts. No React: the hook
// (project-activity.ts) runs it on an interval, the tests with a fake `get`.
//
// Bounds: every list asks for at most OBJECTS_PER_POLL rows, newest changes first, and only the objects that changed
// since the last poll are read further (at most OBJECTS_PER_POLL of them, each for at most ITEMS_PER_OBJECT
// entries). The first poll looks back LOOKBACK_MS; later ones start where the service's own clock left off.
import {
  apiTime, changedSince, CinderMessagesSchema, fromCinderMessages, fromHeatEvents, fromInstanceActions, fromStatusChanges, HeatEventsSchema,
  InstanceActionsSchema, isoSince, mergeActivity, nextCursor, unlinkGone, type ActivityEntry, type StatusMemory,
} from '@/lib/activity/feed';
import { parseList, parseResponse } from './schema';
import type { ActivitySource, AnyDefinition, ServiceTarget } from './types';

export const OBJECTS_PER_POLL = 20;
export const ITEMS_PER_OBJECT = 20;
export const LOOKBACK_MS = 60 * 60 * 1000;
/** The panel's poll: a teammate's action shows within this long while the page is visible. */
export const ACTIVITY_POLL_MS = 10_000;

/** A GET through the proxy (`get(target, 'servers/detail?…')`), answering the parsed JSON. */
export type Get = (target: ServiceTarget, path: string) => Promise<unknown>;

/** What the polls of one project remember between them. */
export interface PollState {
  /** When the first poll ran (browser clock): its look-back starts LOOKBACK_MS before. */
  started: number;
  /** Per kind: the service time the next poll asks from. */
  cursors: Map<string, number>;
  memory: StatusMemory;
  entries: readonly ActivityEntry[];
  /** Per kind: the last poll's error, shown beside the list (the other kinds keep going). */
  errors: Map<string, string>;
  /** Kinds the service's policy refuses this user (HTTP 403: Octavia without a load-balancer role): not asked again. */
  refused: ReadonlySet<string>;
}

export function newPollState(now: number): PollState {
  return { started: now, cursors: new Map(), memory: new Map(), entries: [], errors: new Map(), refused: new Set() };
}

const target = (def: AnyDefinition): ServiceTarget => ({ service: def.service, headers: def.headers });
const pageOf = (def: AnyDefinition, id: string) => `${def.slug}/${encodeURIComponent(id)}`;
const withQuery = (path: string, q: Record<string, string>) => `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(q).toString()}`;

interface KindResult {
  entries: ActivityEntry[];
  cursor?: number;
  memory?: StatusMemory;
  /** Ids of this kind's objects the poll saw gone: entries about them lose their links. */
  gone?: string[];
}

type Poll<S> = (def: AnyDefinition, source: S, since: number, memory: StatusMemory, get: Get) => Promise<KindResult>;

/** Nova: the servers changed since `since` (deleted ones too), then the actions of those that changed again. */
const pollNova: Poll<Extract<ActivitySource<unknown>, { type: 'nova-actions' }>> = async (def, source, since, memory, get) => {
  const where = `${def.service} ${def.paths.list}`;
  const q = { 'changes-since': isoSince(since), sort_key: 'updated_at', sort_dir: 'desc', limit: String(OBJECTS_PER_POLL) };
  const rows = parseList(def.listSchema ?? def.schema, await get(target(def), withQuery(def.paths.list, q)), def.keys.list, where);
  const seen = rows.map((row) => {
    const updated = String((row as { updated?: unknown }).updated ?? '');
    return { row, key: `${def.kind}:${def.id(row)}`, sig: updated, at: apiTime(updated) };
  });
  const { changed, memory: next } = changedSince(seen, memory, since);
  const lists = await Promise.all(
    seen.filter((s) => changed.has(s.key)).map(async ({ row, key }) => {
      const id = def.id(row);
      // Actions changed since this server was last seen (or since the poll's start for one seen first now).
      const from = apiTime(memory.get(key)) ?? since;
      const path = withQuery(`${def.paths.item(id)}/os-instance-actions`, { 'changes-since': isoSince(from), limit: String(ITEMS_PER_OBJECT) });
      let body: unknown;
      try {
        body = await get(target(def), path);
      } catch {
        // A server we may not read the actions of (another project's, seen by an admin): its change stays unworded.
        return [];
      }
      // Linked here; pollActivity unlinks the entries of every object this poll saw gone (`gone` below).
      const busy = !source.gone(row) && def.status?.(row).tone === 'busy';
      const subject = { kind: def.kind, id, name: def.name(row), busy, slug: pageOf(def, id) };
      return fromInstanceActions(subject, parseResponse(InstanceActionsSchema, body, `${def.service} os-instance-actions`).instanceActions);
    }),
  );
  const gone = rows.filter((row) => source.gone(row)).map((row) => def.id(row));
  return { entries: lists.flat(), cursor: nextCursor(since, seen.map((s) => s.at)), memory: next, gone };
};

/** Cinder: the newest user messages (they are few, and expire); those older than the first poll's look-back are left. */
const pollMessages: Poll<Extract<ActivitySource<unknown>, { type: 'messages' }>> = async (def, source, since, _memory, get) => {
  const body = await get(target(def), withQuery(source.path, { sort: 'created_at:desc', limit: String(OBJECTS_PER_POLL) }));
  const messages = parseResponse(CinderMessagesSchema, body, `${def.service} ${source.path}`).messages;
  const entries = fromCinderMessages(messages, (m) => {
    const about = source.resources[m.resource_type ?? ''];
    const id = m.resource_uuid ?? m.id;
    return { kind: about?.kind ?? def.kind, id, name: id, ...(about && m.resource_uuid ? { slug: `${about.slug}/${encodeURIComponent(m.resource_uuid)}` } : {}) };
  }).filter((e) => e.at >= since);
  return { entries, cursor: nextCursor(since, entries.map((e) => e.at)) };
};

/** Heat: the stacks created or updated since the last poll (two short lists), then their newest events. */
const pollHeat: Poll<Extract<ActivitySource<unknown>, { type: 'heat-events' }>> = async (def, source, since, memory, get) => {
  const where = `${def.service} ${def.paths.list}`;
  const list = async (sortKey: string) =>
    parseList(def.listSchema ?? def.schema, await get(target(def), withQuery(def.paths.list, { sort_keys: sortKey, sort_dir: 'desc', limit: String(OBJECTS_PER_POLL) })), def.keys.list, where);
  // Heat sorts a never-updated stack (updated_time null) last: new stacks come from the creation order.
  const [updated, created] = await Promise.all([list('updated_time'), list('creation_time')]);
  const rows = [...new Map([...updated, ...created].map((r) => [def.id(r), r])).values()];
  const seen = rows.map((row) => {
    const status = def.status?.(row).label;
    const changedAt = source.changed(row);
    return { row, key: `${def.kind}:${def.id(row)}`, sig: `${changedAt ?? ''}\u0000${typeof status === 'string' ? status : JSON.stringify(status)}`, at: apiTime(changedAt) };
  });
  const { changed, memory: next } = changedSince(seen, memory, since);
  const lists = await Promise.all(
    seen.filter((s) => changed.has(s.key)).map(async ({ row }) => {
      const path = withQuery(source.eventsPath(row), { sort_dir: 'desc', limit: String(ITEMS_PER_OBJECT) });
      const events = parseResponse(HeatEventsSchema, await get(target(def), path), `${def.service} events`).events;
      const id = def.id(row);
      return fromHeatEvents({ kind: def.kind, id, name: def.name(row), slug: pageOf(def, id) }, events).filter((e) => e.at >= since);
    }),
  );
  return { entries: lists.flat(), cursor: nextCursor(since, seen.map((s) => s.at)), memory: next };
};

/** Designate, Octavia: no history; the newest-updated rows, each change of updated_at or status an entry. */
const pollStatus: Poll<Extract<ActivitySource<unknown>, { type: 'status' }>> = async (def, source, since, memory, get) => {
  const sort = def.sortQuery ? def.sortQuery(source.sortKey, 'desc') : { sort_key: source.sortKey, sort_dir: 'desc' };
  const q = new URLSearchParams(Array.isArray(sort) ? sort.map(([k, v]) => [k, v]) : Object.entries(sort));
  q.set('limit', String(OBJECTS_PER_POLL));
  const rows = parseList(def.listSchema ?? def.schema, await get(target(def), `${def.paths.list}?${q.toString()}`), def.keys.list, `${def.service} ${def.paths.list}`);
  const status = (row: unknown) => def.status?.(row) ?? { label: '', tone: 'unknown' as const };
  const { entries, memory: next } = fromStatusChanges(
    rows.map((row) => ({ kind: def.kind, id: def.id(row), name: def.name(row), slug: pageOf(def, def.id(row)), updated: source.updated(row), status: status(row).label, tone: status(row).tone })),
    memory,
    since,
  );
  return { entries, cursor: nextCursor(since, entries.map((e) => e.at)), memory: next };
};

function pollKind(def: AnyDefinition, since: number, memory: StatusMemory, get: Get): Promise<KindResult> {
  const source = def.activity as ActivitySource<unknown>;
  switch (source.type) {
    case 'nova-actions':
      return pollNova(def, source, since, memory, get);
    case 'messages':
      return pollMessages(def, source, since, memory, get);
    case 'heat-events':
      return pollHeat(def, source, since, memory, get);
    case 'status':
      return pollStatus(def, source, since, memory, get);
  }
}

/**
 * One poll of every kind that declares a source (in parallel): the state after it, with the entries merged in. A
 * kind whose calls fail keeps its cursor and memory (the next poll asks again) and records its error.
 */
export async function pollActivity(state: PollState, all: readonly AnyDefinition[], get: Get): Promise<PollState> {
  const defs = all.filter((d) => !state.refused.has(d.kind));
  const results = await Promise.allSettled(defs.map((def) => pollKind(def, state.cursors.get(def.kind) ?? state.started - LOOKBACK_MS, state.memory, get)));
  const cursors = new Map(state.cursors);
  const memory = new Map(state.memory);
  const errors = new Map<string, string>();
  const refused = new Set(state.refused);
  let entries = state.entries;
  results.forEach((r, i) => {
    const kind = defs[i].kind;
    if (r.status === 'rejected') {
      if ((r.reason as { status?: unknown } | null)?.status === 403) refused.add(kind);
      else errors.set(kind, r.reason instanceof Error ? r.reason.message : String(r.reason));
      return;
    }
    if (r.value.cursor !== undefined) cursors.set(kind, r.value.cursor);
    // Each kind's memory holds its own `kind:id` keys; another kind's copies of them are older.
    for (const [k, v] of r.value.memory ?? []) if (k.startsWith(`${kind}:`)) memory.set(k, v);
    entries = unlinkGone(mergeActivity(entries, r.value.entries), kind, r.value.gone ?? []);
  });
  return { ...state, cursors, memory, entries, errors, refused };
}
