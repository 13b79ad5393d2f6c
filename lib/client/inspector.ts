// The API inspector's record of the OpenStack calls this tab made through the proxy (/api/os/**), newest first.
// A small in-memory ring buffer with a subscribe function for useSyncExternalStore. Bodies are kept as the parsed
// JSON the page already holds (no copy), and redacted when shown; secret payloads are never kept at all. What it
// says itself (a body not kept, a redacted value) is the view's to translate: notes are catalog messages, marks are
// given by the view.
import { msg, type Msg } from '@/lib/i18n/msg';

export interface CallRecord {
  id: number;
  /** Epoch ms when the call started. */
  at: number;
  method: string;
  /** The dashboard path, `/api/os/<service>/<path>?query`. */
  path: string;
  service: string;
  /** `METHOD https://…` of the real OpenStack call, from the proxy's X-Stratus-Upstream header. */
  upstream?: string;
  /** 0 while in flight or when the network failed. */
  status: number;
  /** Browser-measured round trip in ms. */
  durationMs?: number;
  /** Time spent upstream in ms (Server-Timing), when the proxy reached the service. */
  upstreamMs?: number;
  requestId?: string;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  requestBody?: unknown;
  responseBody?: unknown;
  /** Said instead of a body that is not kept (a secret payload, a file, a long text). */
  requestNote?: Msg;
  responseNote?: Msg;
  /** The page (pathname) that made the call. */
  page: string;
  /** Set when the call failed before an answer (network, abort). */
  failure?: string;
}

const MAX_RECORDS = 200;
/** Text bodies larger than this are summarised instead of kept. */
const MAX_TEXT_BODY = 64 * 1024;

let records: CallRecord[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit() {
  for (const l of listeners) l();
}

export function subscribeCalls(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Newest first; a new array after each change (a stable snapshot for useSyncExternalStore). */
export function getCalls(): readonly CallRecord[] {
  return records;
}

export function clearCalls(): void {
  records = [];
  emit();
}

/** Paths whose bodies are secret material: their answers are never kept (Barbican payloads). */
export function isSecretPath(path: string): boolean {
  const p = path.split('?')[0];
  return /^\/api\/os\/key-manager\/.*\/payload\/?$/.test(p);
}

function serviceOf(path: string): string {
  return /^\/api\/os\/([^/?]+)/.exec(path)?.[1] ?? '';
}

function lowerHeaders(h: Record<string, string> | Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => (out[k.toLowerCase()] = v));
  else for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}

/** Starts a record; the returned function completes it. */
export function startCall(init: { method: string; path: string; headers?: Record<string, string>; body?: unknown }) {
  if (!init.path.startsWith('/api/os/')) return () => {};
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const rec: CallRecord = {
    id: nextId++,
    at: Date.now(),
    method: init.method,
    path: init.path,
    service: serviceOf(init.path),
    status: 0,
    requestHeaders: lowerHeaders(init.headers),
    responseHeaders: {},
    ...kept(init.path, init.body, 'request'),
    page: typeof window !== 'undefined' ? window.location.pathname : '',
  };
  records = [rec, ...records].slice(0, MAX_RECORDS);
  emit();
  return (done: { status?: number; headers?: Headers; body?: unknown; failure?: string }) => {
    const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
    const headers = lowerHeaders(done.headers);
    const updated: CallRecord = {
      ...rec,
      status: done.status ?? 0,
      durationMs: now - started,
      responseHeaders: headers,
      upstream: headers['x-stratus-upstream'],
      upstreamMs: serverTiming(headers['server-timing']),
      requestId: headers['x-openstack-request-id'] ?? headers['x-compute-request-id'] ?? headers['x-trans-id'] ?? requestIdOf(done.body),
      ...kept(init.path, done.body, 'response'),
      failure: done.failure,
    };
    records = records.map((r) => (r.id === rec.id ? updated : r));
    emit();
  };
}

/** A call the server made for the page (a list's first page, sent with the HTML): the inspector lists it too. */
export interface ServedCall {
  method: 'GET';
  /** The dashboard path the browser would have asked, `/api/os/<service>/<path>?query`. */
  path: string;
  status: number;
  /** What the inspector reads: the upstream URL, Server-Timing, the request ID, the content type. */
  headers: Record<string, string>;
  /** Epoch ms when it started, and how long the server waited for it. */
  at: number;
  durationMs: number;
}

const served = new Set<string>();

/** Records a served call once (a page mounted twice, or the same HTML hydrated again, adds nothing). */
export function recordServedCall(call: ServedCall, body: unknown): void {
  const key = `${call.at} ${call.path}`;
  if (served.has(key)) return;
  served.add(key);
  const headers = lowerHeaders(call.headers);
  const rec: CallRecord = {
    id: nextId++,
    at: call.at,
    method: call.method,
    path: call.path,
    service: serviceOf(call.path),
    status: call.status,
    durationMs: call.durationMs,
    requestHeaders: {},
    responseHeaders: headers,
    upstream: headers['x-stratus-upstream'],
    upstreamMs: serverTiming(headers['server-timing']),
    requestId: headers['x-openstack-request-id'] ?? headers['x-compute-request-id'] ?? requestIdOf(body),
    ...kept(call.path, body, 'response'),
    page: typeof window !== 'undefined' ? window.location.pathname : '',
  };
  records = [rec, ...records].slice(0, MAX_RECORDS);
  emit();
}

/** The body as kept (`requestBody`/`responseBody`), or a note saying why it is not (`requestNote`/`responseNote`). */
function kept(path: string, body: unknown, side: 'request' | 'response'): Partial<CallRecord> {
  const note = noteInstead(path, body, side);
  if (note) return { [`${side}Note`]: note };
  return body === undefined || body === null || body === '' ? {} : { [`${side}Body`]: body };
}

function noteInstead(path: string, body: unknown, side: 'request' | 'response'): Msg | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (isSecretPath(path)) return 'inspector.notes.secretPayload';
  if (typeof Blob !== 'undefined' && body instanceof Blob) return msg('inspector.notes.binary', { size: body.size });
  if (typeof body === 'string' && body.length > MAX_TEXT_BODY) return msg(side === 'request' ? 'inspector.notes.requestText' : 'inspector.notes.responseText', { count: body.length });
  return undefined;
}

function serverTiming(value: string | undefined): number | undefined {
  const m = value && /upstream;dur=([\d.]+)/.exec(value);
  return m ? Number(m[1]) : undefined;
}

function requestIdOf(raw: unknown): string | undefined {
  let body = raw;
  if (typeof raw === 'string') {
    try {
      body = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const err = body && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : undefined;
  const id = err && typeof err === 'object' ? (err as Record<string, unknown>).requestId : undefined;
  return typeof id === 'string' ? id : undefined;
}

// Keys whose values are credentials or secret material wherever they appear (Keystone auth bodies, Nova's
// generated private keys, Barbican payloads, application credential secrets, Magnum's signed certificates' keys).
const SECRET_KEYS = new Set([
  'password',
  'token',
  'x-auth-token',
  'x-subject-token',
  'payload',
  'private_key',
  'passphrase',
  'secret',
  'adminpass',
  'admin_pass',
  'csr_key',
  'client_key',
]);

/** What stands for a value not shown, in the page's language: a redacted one, and one nested too deep to show. */
export interface Marks {
  redacted: string;
  tooDeep: string;
}

/** A copy of `value` with secret-looking keys (any depth) replaced by the redacted mark. */
export function redact(value: unknown, marks: Marks, depth = 0): unknown {
  if (depth > 40) return marks.tooDeep;
  if (Array.isArray(value)) return value.map((v) => redact(v, marks, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.has(k.toLowerCase()) && v !== null && v !== '' ? marks.redacted : redact(v, marks, depth + 1);
    }
    return out;
  }
  return value;
}

/** Headers as shown: anything token-like redacted (the proxy never returns one, but say so if it ever did). */
export function redactHeaders(h: Record<string, string>, marks: Marks): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k] = /token|cookie|authorization|secret/i.test(k) ? marks.redacted : v;
  return out;
}

/** Pretty JSON of a redacted body, or the text as is. */
export function showBody(body: unknown, marks: Marks): string {
  if (body === undefined) return '';
  if (typeof body === 'string') {
    try {
      return JSON.stringify(redact(JSON.parse(body), marks), null, 2);
    } catch {
      return body;
    }
  }
  return JSON.stringify(redact(body, marks), null, 2);
}
