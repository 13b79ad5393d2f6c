// Deletes wait a few seconds with an Undo button before the API call is made (as Headlamp does). The pending
// operations live outside React, so navigating away from the page that started one neither loses nor cancels it;
// closing or reloading the tab sends them at once (pagehide), since a delete the user confirmed must happen.
import type { Text } from '@/lib/i18n/msg';

export type PendingState = 'waiting' | 'running' | 'failed';

export interface PendingOp {
  id: number;
  /** "Delete web-1, web-2": a message the view translates. */
  label: Text;
  /** Epoch ms when the call is made. */
  deadline: number;
  state: PendingState;
  error?: unknown;
}

interface Entry extends PendingOp {
  timer?: ReturnType<typeof setTimeout>;
  fire: () => Promise<void>;
  leave: () => void;
  resolve: (v: { undone: boolean }) => void;
}

const STORAGE_KEY = 'stratus.undoSeconds';
export const UNDO_CHOICES = [0, 3, 5, 10] as const;
export const DEFAULT_UNDO_SECONDS = 5;
/** The operator's default (STRATUS_UNDO_SECONDS), set by the app shell. */
let operatorDefault = DEFAULT_UNDO_SECONDS;

export function configureUndoDefault(seconds: number): void {
  operatorDefault = seconds;
}

let ops: Entry[] = [];
let snapshot: readonly PendingOp[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  snapshot = ops.map(({ id, label, deadline, state, error }) => ({ id, label, deadline, state, error }));
  for (const l of listeners) l();
}

export function subscribePending(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function getPending(): readonly PendingOp[] {
  return snapshot;
}

/** The user's undo window in seconds (a per-browser preference; 0 turns the delay off). */
export function undoSeconds(): number {
  const stored = typeof window === 'undefined' ? null : window.localStorage.getItem(STORAGE_KEY);
  return stored === null ? operatorDefault : validUndoSeconds(stored, operatorDefault);
}

/** `value` as an undo window (0-60 s), else `fallback`: for the stored preference and STRATUS_UNDO_SECONDS alike. */
export function validUndoSeconds(value: string | undefined, fallback: number): number {
  const v = Number(value ?? fallback);
  return Number.isFinite(v) && v >= 0 && v <= 60 ? v : fallback;
}

/** The user's choice; undefined returns to the operator's default. */
export function setUndoSeconds(seconds: number | undefined): void {
  if (seconds === undefined) window.localStorage.removeItem(STORAGE_KEY);
  else window.localStorage.setItem(STORAGE_KEY, String(seconds));
}

/**
 * Sends every waiting operation when the document goes away (tab closed, reloaded, or left for another site).
 * `run` could not finish there (its promise chain dies with the page), so each entry's `leave` sends the same
 * calls as keepalive requests, synchronously, in the pagehide handler.
 */
function sendAllOnLeave(): void {
  const waiting = ops.filter((o) => o.state === 'waiting');
  if (!waiting.length) return;
  for (const entry of waiting) {
    clearTimeout(entry.timer);
    entry.leave();
  }
  ops = ops.filter((o) => !waiting.includes(o));
  emit();
  for (const entry of waiting) entry.resolve({ undone: false });
}

let leaveListener = false;

/**
 * Runs `run` after `seconds` unless undone. Resolves `{undone}`; a failure is kept in the list (shown with the
 * service's message) until dismissed, and rejects the promise too. `leave` sends the same calls in a way that
 * survives the page (see sendAllOnLeave) when the page goes away inside the window.
 */
export function deferUndoable(label: Text, seconds: number, run: () => Promise<unknown>, leave: () => void): Promise<{ undone: boolean }> {
  if (seconds <= 0) return run().then(() => ({ undone: false }));
  if (!leaveListener && typeof window !== 'undefined') {
    window.addEventListener('pagehide', sendAllOnLeave);
    leaveListener = true;
  }
  return new Promise((resolve, reject) => {
    const entry: Entry = {
      id: nextId++,
      label,
      deadline: Date.now() + seconds * 1000,
      state: 'waiting',
      resolve,
      leave,
      fire: async () => {
        clearTimeout(entry.timer);
        if (entry.state !== 'waiting') return;
        entry.state = 'running';
        emit();
        try {
          await run();
          ops = ops.filter((o) => o !== entry);
          emit();
          resolve({ undone: false });
        } catch (e) {
          entry.state = 'failed';
          entry.error = e;
          emit();
          reject(e);
        }
      },
    };
    entry.timer = setTimeout(() => void entry.fire(), seconds * 1000);
    ops = [...ops, entry];
    emit();
  });
}

/** Undo a waiting operation: nothing was sent to the API. */
export function undo(id: number): void {
  const entry = ops.find((o) => o.id === id);
  if (!entry || entry.state !== 'waiting') return;
  clearTimeout(entry.timer);
  ops = ops.filter((o) => o !== entry);
  emit();
  entry.resolve({ undone: true });
}

/** Run a waiting operation now instead of at its deadline. */
export function runNow(id: number): void {
  void ops.find((o) => o.id === id)?.fire();
}

/** Forget a failed operation once its error was read. */
export function dismiss(id: number): void {
  ops = ops.filter((o) => o.id !== id || o.state !== 'failed');
  emit();
}
