// What the session recorder keeps of one mutating call: the raw HTTP call (method, service type, path, JSON body with
// every secret redacted), the `openstack` command the page showed for it, whether it was sent or only shown (dry
// run), and what it created (from the answer), so the exports can use names instead of ids and build templates.
// Pure: no browser, no React. The store (store.ts) keeps these in the tab's sessionStorage.
import { redact } from '@/lib/client/inspector';

/** Stands for a value the recording never holds (a password, a token, a secret payload, user data). */
export const REDACTED = '<redacted>';

/** A name the CLI resolves for an id, captured when the call was recorded (the object may be gone by export time). */
export interface KnownName {
  kind: string;
  name: string;
}

/** An object a call created: the answer's top-level key (`server`, `volume`, `network`...), its id and name. */
export interface CreatedObject {
  key: string;
  id: string;
  name?: string;
}

export interface RecordedCall {
  /** Epoch ms. */
  at: number;
  method: string;
  /** The Keystone catalog type (the proxy's `[service]`). */
  service: string;
  /** Relative to the service's endpoint, with its query. */
  path: string;
  /** The JSON body with secrets redacted; a text body (a zone file) is not kept. */
  body?: unknown;
  /** The `openstack` command the page showed, secrets redacted; absent when the page shows none. */
  cli?: string;
  /** The region the call went to when it was not the page's own (a row of an "All regions" list). */
  region?: string;
  /** `sent` (answered 2xx), `failed` (refused: left out of the exports), `dry-run` (never sent). */
  outcome: 'sent' | 'failed' | 'dry-run';
  /** The HTTP status of a sent or failed call. */
  status?: number;
  created?: CreatedObject;
  /** Names of the ids the CLI line holds, as the page knew them. */
  names?: Record<string, KnownName>;
}

// Request fields that may carry secrets the CLI line does not show either: cloud-init user data, a rescue password.
const EXTRA_SECRET_KEYS = new Set(['user_data', 'userdata', 'adminpass', 'admin_pass', 'credentials', 'secret_ref']);

function redactExtra(value: unknown, depth = 0): unknown {
  if (depth > 40) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactExtra(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, EXTRA_SECRET_KEYS.has(k.toLowerCase()) && v !== null && v !== '' ? REDACTED : redactExtra(v, depth + 1)]));
  }
  return value;
}

/** A request body as recorded: passwords, tokens, payloads, keys and user data replaced by REDACTED; text dropped. */
export function redactBody(body: unknown): unknown {
  if (body === undefined || body === null || typeof body === 'string') return undefined;
  return redactExtra(redact(body, { redacted: REDACTED, tooDeep: REDACTED }));
}

const SECRET_FLAGS = /(^|\s)(--(?:password|admin-pass|root-password|secret|payload|passphrase|token))(?:\s+|=)('(?:[^']|'\\'')*'|"[^"]*"|\S+)/g;

/** A CLI line with the values of secret flags replaced (the pages write `<password>` already; this makes sure). */
export function redactCli(line: string): string {
  return line.replace(SECRET_FLAGS, (_all, lead: string, flag: string) => `${lead}${flag} ${REDACTED}`);
}

/** Barbican payloads and the like: calls whose path itself is secret material are recorded without a body. */
const SECRET_PATH = /^key-manager\/.*\/payload\/?$/;

/** The object an answer names as created: a single top-level key holding an object with an `id`. */
export function createdObject(method: string, requestBody: unknown, answer: unknown): CreatedObject | undefined {
  if (method !== 'POST' || !answer || typeof answer !== 'object' || Array.isArray(answer)) return undefined;
  const keys = Object.keys(answer);
  if (keys.length !== 1) return undefined;
  const key = keys[0];
  const obj = (answer as Record<string, unknown>)[key];
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const id = (obj as Record<string, unknown>).id ?? (obj as Record<string, unknown>).uuid;
  if (typeof id !== 'string' || !id) return undefined;
  const sent = requestBody && typeof requestBody === 'object' ? (requestBody as Record<string, unknown>)[key] : undefined;
  const nameOf = (o: unknown) => (o && typeof o === 'object' && typeof (o as Record<string, unknown>).name === 'string' ? ((o as Record<string, unknown>).name as string) : undefined);
  const name = nameOf(obj) || nameOf(sent);
  return { key, id, ...(name ? { name } : {}) };
}

/**
 * Calls sent with POST or PATCH that change nothing: Nova's console output (polled by the console tail) and console
 * URLs, Heat's template validation and previews. They are neither recorded nor held back by a dry run.
 */
export function readsOnly(method: string, service: string, path: string, body: unknown): boolean {
  const p = path.split('?')[0];
  if (service === 'compute' && method === 'POST') {
    if (/^servers\/[^/]+\/remote-consoles$/.test(p)) return true;
    const keys = body && typeof body === 'object' ? Object.keys(body) : [];
    return /^servers\/[^/]+\/action$/.test(p) && keys.length === 1 && keys[0].startsWith('os-get');
  }
  if (service === 'orchestration') return (method === 'POST' && (p === 'validate' || p === 'stacks/preview')) || ((method === 'PATCH' || method === 'PUT') && /^stacks\/[^/]+\/[^/]+\/preview$/.test(p));
  return false;
}

/** The service and the path below it, from a dashboard path `/api/os/<service>/<path>`. */
export function splitProxyPath(path: string): { service: string; path: string } | undefined {
  const m = /^\/api\/os\/([^/?#]+)\/?(.*)$/.exec(path);
  return m ? { service: decodeURIComponent(m[1]), path: m[2] } : undefined;
}

export interface CallInput {
  method: string;
  /** The dashboard path `/api/os/<service>/<path>`. */
  path: string;
  body?: unknown;
  cli?: string;
  region?: string;
  at: number;
}

/** A recorded call from what the page sent and how it ended (the answer is read for what it created, never kept). */
export function recordCall(call: CallInput, end: { outcome: RecordedCall['outcome']; status?: number; answer?: unknown; names?: Record<string, KnownName> }): RecordedCall | undefined {
  const where = splitProxyPath(call.path);
  if (!where) return undefined;
  const secretPath = SECRET_PATH.test(`${where.service}/${where.path.split('?')[0]}`);
  const body = secretPath ? undefined : redactBody(call.body);
  const created = end.outcome === 'sent' ? createdObject(call.method, call.body, end.answer) : undefined;
  return {
    at: call.at,
    method: call.method,
    service: where.service,
    path: where.path,
    ...(body === undefined ? {} : { body }),
    ...(call.cli ? { cli: redactCli(call.cli) } : {}),
    ...(call.region ? { region: call.region } : {}),
    outcome: end.outcome,
    ...(end.status === undefined ? {} : { status: end.status }),
    ...(created ? { created } : {}),
    ...(end.names && Object.keys(end.names).length ? { names: end.names } : {}),
  };
}

/** The calls an export replays: sent ones, and those a dry run showed; refused calls changed nothing. */
export const replayable = (calls: readonly RecordedCall[]) => calls.filter((c) => c.outcome !== 'failed');

/** Every id → name the recording knows: names captured per call, then what the calls created. */
export function namesOf(calls: readonly RecordedCall[]): Map<string, KnownName> {
  const out = new Map<string, KnownName>();
  for (const c of calls) for (const [id, n] of Object.entries(c.names ?? {})) out.set(id, n);
  for (const c of calls) if (c.created?.name) out.set(c.created.id, { kind: c.created.key, name: c.created.name });
  return out;
}
