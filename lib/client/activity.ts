// Activity: what polling noticed finishing in this tab (an instance became ACTIVE, a volume went to error, a
// cluster finished). The list and resource hooks report each poll's statuses; a change is an event when the row was
// busy before and has settled now (ok or error), so first loads and steady lists stay quiet. The kind's label and
// the statuses are the definitions' Text (catalog keys, or API values shown as they are): the view translates them.
import type { Text } from '@/lib/i18n/msg';
import type { Tone } from '@/lib/resources/types';

export interface ActivityEvent {
  id: number;
  at: number;
  /** Singular label of the kind ("Instance"). */
  kind: Text;
  name: string;
  from: Text;
  to: Text;
  tone: Tone;
  /** Relative page of the resource (`instances/<id>`), when it has one. */
  slug?: string;
}

export interface Observed {
  id: string;
  name: string;
  label: Text;
  tone: Tone;
}

/** One status label for another: keys and API values by value, messages by key and values (each poll builds new ones). */
const sameText = (a: Text, b: Text) => a === b || (typeof a !== 'string' && typeof b !== 'string' && a.key === b.key && JSON.stringify(a.values) === JSON.stringify(b.values));

const MAX_EVENTS = 50;
const seen = new Map<string, { label: Text; tone: Tone }>();
let events: ActivityEvent[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

export function subscribeActivity(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Newest first. */
export function getActivity(): readonly ActivityEvent[] {
  return events;
}

export function clearActivity(): void {
  events = [];
  for (const l of listeners) l();
}

/** Reports one poll's rows of a kind; returns the events it produced. */
export function observeStatuses(scope: string, kind: { kind: string; label: Text; slug?: string }, rows: readonly Observed[], now = Date.now()): ActivityEvent[] {
  const fresh: ActivityEvent[] = [];
  for (const r of rows) {
    const key = `${scope}\u0000${kind.kind}\u0000${r.id}`;
    const before = seen.get(key);
    seen.set(key, { label: r.label, tone: r.tone });
    if (!before || sameText(before.label, r.label)) continue;
    if (before.tone !== 'busy' || r.tone === 'busy' || r.tone === 'unknown') continue;
    fresh.push({ id: nextId++, at: now, kind: kind.label, name: r.name || r.id, from: before.label, to: r.label, tone: r.tone, slug: kind.slug ? `${kind.slug}/${encodeURIComponent(r.id)}` : undefined });
  }
  if (fresh.length) {
    events = [...fresh.reverse(), ...events].slice(0, MAX_EVENTS);
    for (const l of listeners) l();
  }
  return fresh;
}
