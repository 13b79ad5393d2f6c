// The project's activity, whoever did it: each service's own history, read since the last poll, turned into one kind
// of entry and merged into one list, newest first. Pure functions and zod schemas only (the hook that polls is
// lib/resources/project-activity.ts, the panel components/shell/activity.tsx). Field names from the API references
// and from what Zed answered (`openstack server event list`, `volume message list`, `stack event list` with --debug):
// - Nova: instance actions (`os-instance-actions`: action, request_id, user_id, start_time, updated_at, message);
// - Cinder: user messages (`/messages`: user_message, message_level, resource_type, resource_uuid, created_at);
// - Heat: stack events (event_time, resource_name, resource_status, resource_status_reason);
// - Designate and Octavia keep no event history: a change of a row's updated_at or status on the list is the entry.
// None but Nova says who acted; an entry without `userId` says nothing about who.
import { z } from 'zod';
import type { Text, Tone } from '@/lib/resources/types';

export interface ActivityEntry {
  /** The same happening read twice is one entry (request id, message id, event id, status change). */
  key: string;
  /** When it happened (ms since the epoch). */
  at: number;
  /** The definition's kind (`server`), for its label. */
  kind: string;
  resourceId: string;
  resourceName: string;
  /** Its page below the project (`instances/<id>`); none once it is gone. */
  slug?: string;
  /** What happened, in the API's words (`delete`, `CREATE_COMPLETE`) or the kind's status label. */
  action: Text;
  outcome: Tone;
  /** Who did it, when the API says (Nova). */
  userId?: string;
  /** The API's own text about it (a Cinder message, a Heat event's reason). */
  detail?: string;
}

/** OpenStack timestamps: ISO with `Z`, or Nova's and Cinder's DB format without a zone, which is UTC. */
export function apiTime(s: string | null | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(/(Z|[+-]\d\d:?\d\d)$/i.test(s) ? s : `${s}Z`);
  return Number.isNaN(t) ? undefined : t;
}

/** `changes-since` as Nova reads it (ISO 8601, UTC, seconds). */
export const isoSince = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const InstanceActionSchema = z.looseObject({
  action: z.string(),
  request_id: z.string().min(1),
  user_id: z.string().nullable().optional(),
  start_time: z.string(),
  updated_at: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
});
export const InstanceActionsSchema = z.looseObject({ instanceActions: z.array(InstanceActionSchema) });
export type InstanceAction = z.infer<typeof InstanceActionSchema>;

export const CinderMessageSchema = z.looseObject({
  id: z.string().min(1),
  user_message: z.string(),
  message_level: z.string(),
  resource_type: z.string().nullable().optional(),
  resource_uuid: z.string().nullable().optional(),
  created_at: z.string(),
  request_id: z.string().nullable().optional(),
});
export const CinderMessagesSchema = z.looseObject({ messages: z.array(CinderMessageSchema) });
export type CinderMessage = z.infer<typeof CinderMessageSchema>;

export const HeatEventSchema = z.looseObject({
  id: z.string().min(1),
  event_time: z.string(),
  resource_name: z.string(),
  resource_status: z.string(),
  resource_status_reason: z.string().nullable().optional(),
  physical_resource_id: z.string().nullable().optional(),
});
export const HeatEventsSchema = z.looseObject({ events: z.array(HeatEventSchema) });
export type HeatEvent = z.infer<typeof HeatEventSchema>;

/** The object an entry is about, as the list showed it. */
export interface Subject {
  kind: string;
  id: string;
  name: string;
  /** Its page, while it exists. */
  slug?: string;
}

/**
 * A server's instance actions. An action whose events failed has a message (Nova sets "Error"); the newest action of
 * a server that is still busy is under way; the rest went through.
 */
export function fromInstanceActions(server: Subject & { busy: boolean }, actions: readonly InstanceAction[]): ActivityEntry[] {
  const newest = actions.reduce<InstanceAction | undefined>((a, b) => (!a || (apiTime(b.start_time) ?? 0) > (apiTime(a.start_time) ?? 0) ? b : a), undefined);
  return actions.flatMap((a) => {
    const at = apiTime(a.start_time);
    if (at === undefined) return [];
    const outcome: Tone = a.message ? 'error' : server.busy && a === newest ? 'busy' : 'ok';
    return [{
      key: `nova:${a.request_id}:${server.id}`, at, kind: server.kind, resourceId: server.id, resourceName: server.name || server.id,
      ...(server.slug ? { slug: server.slug } : {}), action: a.action, outcome,
      ...(a.user_id ? { userId: a.user_id } : {}), ...(a.message ? { detail: a.message } : {}),
    }];
  });
}

/** Cinder's user messages (what failed and on which resource); `subject` names the resource when it is known. */
export function fromCinderMessages(messages: readonly CinderMessage[], subject: (m: CinderMessage) => Subject): ActivityEntry[] {
  return messages.flatMap((m) => {
    const at = apiTime(m.created_at);
    if (at === undefined) return [];
    const s = subject(m);
    return [{
      key: `cinder:${m.id}`, at, kind: s.kind, resourceId: s.id, resourceName: s.name || s.id, ...(s.slug ? { slug: s.slug } : {}),
      action: m.user_message, outcome: m.message_level === 'ERROR' ? 'error' : 'unknown',
    }];
  });
}

/** Heat's `<ACTION>_<STATUS>` as a tone. */
export function heatTone(status: string): Tone {
  if (status.endsWith('_FAILED')) return 'error';
  if (status.endsWith('_IN_PROGRESS')) return 'busy';
  if (status.endsWith('_COMPLETE')) return 'ok';
  return 'unknown';
}

/** A stack's events (each about one of its resources, or the stack itself). */
export function fromHeatEvents(stack: Subject, events: readonly HeatEvent[]): ActivityEntry[] {
  return events.flatMap((e) => {
    const at = apiTime(e.event_time);
    if (at === undefined) return [];
    const own = e.resource_name === stack.name;
    return [{
      key: `heat:${e.id}`, at, kind: stack.kind, resourceId: stack.id, resourceName: own ? stack.name : `${stack.name}/${e.resource_name}`,
      ...(stack.slug ? { slug: stack.slug } : {}), action: e.resource_status, outcome: heatTone(e.resource_status),
      ...(e.resource_status_reason ? { detail: e.resource_status_reason } : {}),
    }];
  });
}

/** One row of a list without history (Designate, Octavia), as the last poll saw it. */
export interface StatusRow extends Subject {
  /** The row's updated_at (or created_at): when its state last changed. */
  updated: string | null | undefined;
  status: Text;
  tone: Tone;
}

/** What each object looked like at the last poll (a signature of its update time and status), by `kind:id`. */
export type StatusMemory = ReadonlyMap<string, string>;

/** An object as a list showed it: `sig` changes whenever the object does, `at` is when it last changed. */
export interface Seen {
  key: string;
  sig: string;
  at: number | undefined;
}

/**
 * The objects that changed since the last poll: seen before with another signature, or first seen and changed after
 * `since` (created or changed since the panel began watching). Answers the keys and the memory for the next poll.
 */
export function changedSince(rows: readonly Seen[], memory: StatusMemory, since: number): { changed: Set<string>; memory: Map<string, string> } {
  const next = new Map(memory);
  const changed = new Set<string>();
  for (const r of rows) {
    const before = memory.get(r.key);
    next.set(r.key, r.sig);
    if (before === r.sig || r.at === undefined || (before === undefined && r.at < since)) continue;
    changed.add(r.key);
  }
  return { changed, memory: next };
}

const textSig = (t: Text) => (typeof t === 'string' ? t : JSON.stringify(t));

/**
 * Entries from a list that keeps no history: each row that changed since the last poll (changedSince) is one entry,
 * its status as the action. Deletions are not seen: the bounded list (newest updates first) cannot tell a deleted
 * row from one that fell off its end.
 */
export function fromStatusChanges(rows: readonly StatusRow[], memory: StatusMemory, since: number): { entries: ActivityEntry[]; memory: Map<string, string> } {
  const seen = rows.map((r) => ({ row: r, key: `${r.kind}:${r.id}`, sig: `${r.updated ?? ''}\u0000${textSig(r.status)}`, at: apiTime(r.updated) }));
  const { changed, memory: next } = changedSince(seen, memory, since);
  const entries = seen.flatMap(({ row: r, key, sig, at }) =>
    changed.has(key) && at !== undefined
      ? [{ key: `status:${key}:${sig}`, at, kind: r.kind, resourceId: r.id, resourceName: r.name || r.id, ...(r.slug ? { slug: r.slug } : {}), action: r.status, outcome: r.tone }]
      : [],
  );
  return { entries, memory: next };
}

/** The panel keeps this many entries. */
export const MAX_ENTRIES = 100;

/**
 * `fresh` merged into `current`: one entry per key (the later reading wins: an action that finished since), newest
 * first, at most `max`. Answers `current` itself when nothing changed, so a poll that found nothing new re-renders
 * nothing.
 */
export function mergeActivity(current: readonly ActivityEntry[], fresh: readonly ActivityEntry[], max = MAX_ENTRIES): readonly ActivityEntry[] {
  if (fresh.length === 0) return current;
  const byKey = new Map(current.map((e) => [e.key, e]));
  let changed = false;
  for (const e of fresh) {
    const old = byKey.get(e.key);
    if (old && old.at === e.at && old.outcome === e.outcome && old.detail === e.detail && old.slug === e.slug) continue;
    byKey.set(e.key, e);
    changed = true;
  }
  if (!changed) return current;
  return [...byKey.values()].sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : 1)).slice(0, max);
}

/**
 * The entries about objects now gone (`kind` and ids) without their links. Their own history may not change again
 * (real Nova can record a delete's last event before the server is marked deleted), so a later poll that sees the
 * object gone unlinks every entry about it. Answers `current` itself when no entry changed.
 */
export function unlinkGone(current: readonly ActivityEntry[], kind: string, ids: readonly string[]): readonly ActivityEntry[] {
  if (ids.length === 0) return current;
  const gone = new Set(ids);
  const linkedAndGone = (e: ActivityEntry) => !!e.slug && e.kind === kind && gone.has(e.resourceId);
  if (!current.some(linkedAndGone)) return current;
  return current.map((e) => {
    if (!linkedAndGone(e)) return e;
    const rest = { ...e };
    delete rest.slug;
    return rest;
  });
}

/**
 * Where the next poll starts: the newest time the service answered (its clock, not the browser's, so a skewed
 * laptop clock loses nothing), never earlier than the last cursor. Entries at exactly that time come again and
 * merge into themselves.
 */
export function nextCursor(cursor: number, times: readonly (number | undefined)[]): number {
  return times.reduce<number>((c, t) => (t !== undefined && t > c ? t : c), cursor);
}

/** Who did it: the user's name when known, else the id's first 8 characters (the whole id goes in a tooltip). */
export function actorLabel(userId: string, names: Readonly<Record<string, string>>): { text: string; full?: string } {
  const name = names[userId];
  if (name) return { text: name, full: userId };
  return { text: userId.length > 8 ? userId.slice(0, 8) : userId, full: userId };
}
