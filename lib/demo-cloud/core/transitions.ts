import type { Clock } from './clock';

// Transitional states evaluated lazily: a record carries the patches still to come, and
// `settle` applies the ones that are due whenever the record is read. Nothing runs in the
// background, so the state stays plain JSON (persistable) and tests need no timers.

export interface PendingStep {
  at: number;
  patch: Record<string, unknown>;
}

export interface Transitional {
  _pending?: PendingStep[];
}

/**
 * Queues patches at nominal offsets (seconds, cumulative from now, scaled by the clock's speed),
 * e.g. `schedule(server, clock, [[3, {status: 'ACTIVE', 'OS-EXT-STS:task_state': null}]])`.
 * Replaces anything already pending.
 */
export function schedule<T extends Transitional>(
  record: T,
  clock: Clock,
  steps: Array<[nominalSeconds: number, patch: Partial<Omit<T, '_pending'>>]>,
): T {
  let offset = 0;
  record._pending = steps.map(([seconds, patch]) => {
    offset += seconds;
    return { at: clock.after(offset), patch: patch as Record<string, unknown> };
  });
  return record;
}

/** Applies every due patch; returns true when something changed (callers may mark state dirty). */
export function settle<T extends Transitional>(record: T, clock: Clock): boolean {
  const pending = record._pending;
  if (!pending || pending.length === 0) return false;
  const now = clock.now();
  let changed = false;
  while (pending.length > 0 && pending[0].at <= now) {
    Object.assign(record, pending.shift()!.patch);
    changed = true;
  }
  if (pending.length === 0) delete record._pending;
  return changed;
}

export function isBusy(record: Transitional): boolean {
  return (record._pending?.length ?? 0) > 0;
}

/** Copy without the bookkeeping field, for rendering. */
export function publicView<T extends Transitional>(record: T): Omit<T, '_pending'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { _pending, ...rest } = record;
  return rest;
}
