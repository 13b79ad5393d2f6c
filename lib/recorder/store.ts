// The tab's recording: on/off, dry run, and the recorded calls, kept in sessionStorage so that it survives client-side
// navigation and reloads of this tab (and no other tab, no other browser: a recording is one person's clicks). A tiny
// external store for useSyncExternalStore. apiFetch (lib/client/api.ts) asks it about every mutating proxy call.
import { idsOfCall, uniqueNames } from './names';
import { readsOnly, recordCall, splitProxyPath, type KnownName, type RecordedCall } from './recording';

export interface RecorderState {
  recording: boolean;
  /** Mutations are not sent, only recorded (implies recording). */
  dryRun: boolean;
  calls: RecordedCall[];
}

const KEY = 'stratus.recorder';
/** A recording longer than this keeps its newest calls (sessionStorage holds a few megabytes per origin). */
export const MAX_CALLS = 500;
const OFF: RecorderState = { recording: false, dryRun: false, calls: [] };

let state: RecorderState | undefined;
const listeners = new Set<() => void>();

const storage = (): Storage | undefined => {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
};

/** The stored state, checked field by field: a stored value that is not ours counts as no recording. */
export function parseStored(raw: string | null): RecorderState {
  if (!raw) return OFF;
  try {
    const v = JSON.parse(raw) as Partial<RecorderState>;
    const calls = Array.isArray(v.calls) ? v.calls.filter((c): c is RecordedCall => !!c && typeof c === 'object' && typeof c.method === 'string' && typeof c.path === 'string' && typeof c.service === 'string') : [];
    const dryRun = v.dryRun === true;
    return { recording: v.recording === true || dryRun, dryRun, calls: calls.slice(-MAX_CALLS) };
  } catch {
    return OFF;
  }
}

export function getRecorder(): RecorderState {
  state ??= parseStored(storage()?.getItem(KEY) ?? null);
  return state;
}

/** The server's snapshot: never recording (the store lives in the tab). */
export const getServerRecorder = (): RecorderState => OFF;

export function subscribeRecorder(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: RecorderState) {
  state = next;
  try {
    storage()?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: the recording goes on in memory for this page.
  }
  for (const l of listeners) l();
}

export const startRecording = () => set({ ...getRecorder(), recording: true });
/** Stops recording (and dry run); the calls stay for export until cleared. */
export const stopRecording = () => set({ ...getRecorder(), recording: false, dryRun: false });
export const setDryRun = (dryRun: boolean) => set({ ...getRecorder(), dryRun, recording: getRecorder().recording || dryRun });
export const clearRecording = () => set({ ...getRecorder(), calls: [] });

/** Objects the page has loaded (kind, id, name), to name the ids of a call; set by the recorder's component. */
type NameSource = () => Iterable<{ kind: string; id: string; name: string }>;
let nameSource: NameSource | undefined;
export function setNameSource(source: NameSource | undefined): void {
  nameSource = source;
}

function namesFor(cli: string | undefined, path: string, body: unknown): Record<string, KnownName> {
  const ids = new Set(idsOfCall(cli, path, body));
  return ids.size && nameSource ? uniqueNames(nameSource(), ids) : {};
}

function add(call: RecordedCall | undefined) {
  if (!call) return;
  const s = getRecorder();
  set({ ...s, calls: [...s.calls, call].slice(-MAX_CALLS) });
}

export interface MutationInit {
  method: string;
  /** `/api/os/<service>/<path>` */
  path: string;
  body?: unknown;
  cli?: string;
  /** The region the call names (a row of an "All regions" list), when not the page's own. */
  region?: string;
}

/**
 * Asked by apiFetch before a mutating proxy call. Not recording: undefined. Dry run: the call is recorded as not sent
 * and `dry-run` is answered (the caller must not send it). Recording: a function to call with how it ended.
 */
export function beginMutation(init: MutationInit): undefined | 'dry-run' | ((end: { status: number; answer?: unknown }) => void) {
  const s = getRecorder();
  if (!s.recording || init.method === 'GET') return undefined;
  const where = splitProxyPath(init.path);
  if (!where || readsOnly(init.method, where.service, where.path, init.body)) return undefined;
  const at = Date.now();
  // Names now: a later step (a delete) may remove the object before the recording is exported.
  const names = namesFor(init.cli, init.path, init.body);
  if (s.dryRun) {
    add(recordCall({ ...init, at }, { outcome: 'dry-run', names }));
    return 'dry-run';
  }
  return (end) => add(recordCall({ ...init, at }, { outcome: end.status >= 200 && end.status < 300 ? 'sent' : 'failed', status: end.status, answer: end.answer, names }));
}
