import { z } from 'zod';
import { msg, type Msg, type Text } from '@/lib/i18n/msg';
import { startCall } from './inspector';
import { beginMutation } from '@/lib/recorder/store';

/** One zod issue as the route handlers return it; `text` is its message as a catalog key, when the words are ours. */
export interface ApiIssue {
  path: string;
  message: string;
  text?: Msg;
}

/**
 * Any non-2xx answer from `/api/**`, normalised from `{"error": {...}}`. `message` is the service's text, shown as it
 * was sent, or our route's English. `text` is ours: the same words as a catalog key, from our own routes (see
 * `ourText`), or instead of a message when there is none (an answer without a message, a task that timed out; then
 * `message` holds its key). Views show `errorText(error)`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly service?: string;
  readonly requestId?: string;
  readonly issues: ApiIssue[];
  readonly text?: Msg;

  constructor(init: { status: number; service?: string; requestId?: string; issues?: ApiIssue[] } & ({ message: string; text?: Msg } | { text: Msg })) {
    super('message' in init ? init.message : keyOf(init.text));
    this.name = 'ApiError';
    if (init.text) this.text = init.text;
    this.status = init.status;
    this.service = init.service;
    this.requestId = init.requestId;
    this.issues = init.issues ?? [];
  }
}

/** An error in our own words, not a service's (a task that ended in failure): views show `text`, translated. */
export class TextError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(keyOf(text));
    this.name = 'TextError';
    this.text = text;
  }
}

/** A mutation the recorder's dry run kept from being sent: nothing was changed (views say so, not as a failure). */
export class DryRunError extends TextError {
  constructor() {
    super('recorder.notSent');
    this.name = 'DryRunError';
  }
}

const keyOf = (text: Text) => (typeof text === 'string' ? text : text.key);

/** What a view shows of an error (with useMsg): our words to translate, or the message as the service sent it. */
export function errorText(error: unknown): Text {
  if ((error instanceof ApiError || error instanceof TextError) && error.text) return error.text;
  return error instanceof Error ? error.message : String(error);
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiFetchOptions<T> {
  method?: HttpMethod;
  body?: unknown;
  /** Validates (and types) the JSON answer. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Extra request headers (e.g. an OpenStack microversion); the proxy forwards only allow-listed ones. */
  headers?: Record<string, string>;
  /** `text`: the answer is a file (a zone file), returned and recorded as text rather than parsed as JSON. */
  as?: 'text';
  /** The `openstack` command the page shows for this call, for the session recorder (lib/recorder). */
  cli?: string;
}

/** 401s from these mean "wrong credentials", not "session expired". */
const NO_EXPIRY_REDIRECT = ['/api/auth/login', '/api/auth/reauth'];

function issuePath(path: unknown): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  return typeof path === 'string' ? path : '';
}

/** Our routes' catalog keys: under `server.`, dotted words, nothing else. */
const OUR_KEY = z.string().regex(/^server(\.[A-Za-z0-9]+)+$/);
const OurText = z.union([OUR_KEY, z.strictObject({ key: OUR_KEY, values: z.record(z.string(), z.union([z.string(), z.number()])) })]);

/** A `text` field of our error body as a Msg, or undefined when it is missing or not one of our keys. */
function ourText(v: unknown): Msg | undefined {
  const parsed = OurText.safeParse(v);
  // The key is checked by shape only: the build's catalogs are not at hand here, and useMsg shows an unknown key as it is.
  return parsed.success ? (parsed.data as Msg) : undefined;
}

/**
 * Reads `{"error": {status, message, text?, issues?, service?, requestId?}}`, tolerating other shapes.
 *
 * `text` (our words as a catalog key, translated by the view) is read only from answers our own routes wrote: a
 * cloud's error must always show as the service sent it, and no service may choose what the dashboard says. So it
 * is ignored on every answer that names a `service` (the proxy's normalised upstream errors, which never copy a
 * `text` anyway) and on every answer that carries `x-stratus-upstream` (set by the proxy on whatever it relays: an
 * upstream 3xx reaches us with the cloud's own body, whatever shape that has). Keys outside `server.` are refused.
 */
export async function parseApiError(res: Response): Promise<ApiError> {
  // HTTP/2 answers have no status text: then our words, unless the body says more.
  let message: string | undefined = res.statusText || undefined;
  let service: string | undefined;
  let requestId: string | undefined = res.headers.get('x-openstack-request-id') ?? undefined;
  let issues: ApiIssue[] = [];
  let text: Msg | undefined;
  try {
    const body: unknown = await res.json();
    const err = body && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : undefined;
    if (err && typeof err === 'object') {
      const e = err as Record<string, unknown>;
      if (typeof e.message === 'string' && e.message) message = e.message;
      if (typeof e.service === 'string') service = e.service;
      if (typeof e.requestId === 'string') requestId = e.requestId;
      const ours = e.service === undefined && !res.headers.has('x-stratus-upstream');
      // Our text stands beside our English message, never instead of it.
      if (ours && typeof e.message === 'string' && e.message) text = ourText(e.text);
      if (Array.isArray(e.issues)) {
        issues = e.issues
          .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
          .map((i) => {
            const issueText = ours ? ourText(i.text) : undefined;
            return { path: issuePath(i.path), message: String(i.message ?? ''), ...(issueText ? { text: issueText } : {}) };
          });
      }
    } else if (typeof err === 'string') {
      message = err;
    }
  } catch {
    // not JSON: keep the status text
  }
  const head = { status: res.status, service, requestId, issues };
  return message ? new ApiError({ ...head, message, text }) : new ApiError({ ...head, text: msg('explain.requestFailed', { status: res.status }) });
}

/** Where the browser goes when the session has expired: back here after logging in. */
export function expiredLoginUrl(current: { pathname: string; search: string }): string {
  const next = current.pathname + current.search;
  const params = new URLSearchParams({ reason: 'expired' });
  if (next.startsWith('/') && !next.startsWith('/login')) params.set('next', next);
  return `/login?${params.toString()}`;
}

/** Pages that are not a project's: `/login`, and the app's own top-level routes. */
const NON_PROJECT_ROOTS = new Set(['login', 'api', '_next']);

/**
 * The project a page belongs to, from its URL (`/<cloud>/<projectId>/...`), or undefined elsewhere. Sent as
 * `X-Stratus-Project` on proxy calls so that a tab never acts on another project than the one it shows when
 * another tab has rescoped the shared session meanwhile (the proxy answers 409 then).
 */
export function pageProjectId(pathname: string): string | undefined {
  const m = /^\/([^/?#]+)\/([^/?#]+)/.exec(pathname);
  if (!m || NON_PROJECT_ROOTS.has(m[1])) return undefined;
  try {
    return decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
}

/**
 * Fetch a Stratus route handler: JSON in and out, the CSRF header on mutations, typed errors,
 * and a redirect to the login page when the session has expired.
 */
/** The headers of a call to our API: JSON, the CSRF header on mutations, the tab's project on proxy calls. */
function requestHeaders(path: string, method: HttpMethod, options: Pick<ApiFetchOptions<unknown>, 'body' | 'headers'>): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET') headers['X-Stratus-CSRF'] = '1';
  // A caller's own content type wins (Glance PATCH needs application/openstack-images-v2.1-json-patch).
  if (options.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  if (path.startsWith('/api/os/') && typeof window !== 'undefined') {
    const project = pageProjectId(window.location.pathname);
    if (project) headers['X-Stratus-Project'] = project;
  }
  return headers;
}

/**
 * A GET that bypasses the API inspector (apiFetch records its calls) and returns the raw response: for values no
 * record may hold (a secret's payload). Same headers as apiFetch; a 401 goes to the login page, a refusal throws.
 */
export async function fetchUnrecorded(path: string, accept: string, signal?: AbortSignal): Promise<Response> {
  const res = await fetch(path, { headers: requestHeaders(path, 'GET', { headers: { Accept: accept } }), credentials: 'same-origin', cache: 'no-store', signal });
  if (!res.ok) {
    if (res.status === 401 && typeof window !== 'undefined') window.location.assign(expiredLoginUrl(window.location));
    throw await parseApiError(res);
  }
  return res;
}

/** The region a call names (lib/resources/regions.ts: a row of an "All regions" list), for the session recorder. */
const namedRegion = (headers: Record<string, string> | undefined) => Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'x-stratus-region')?.[1];

/**
 * Send a call that must outlive the page (a confirmed delete when the tab is closed or reloaded): a keepalive
 * fetch, which the browser completes after the document is gone. Nothing reads the answer.
 */
export function sendWhileLeaving(path: string, options: Pick<ApiFetchOptions<unknown>, 'method' | 'body' | 'headers' | 'cli'>): void {
  const method = options.method ?? 'GET';
  const recorded = beginMutation({ method, path, body: options.body, cli: options.cli, region: namedRegion(options.headers) });
  if (recorded === 'dry-run') return;
  // The answer is not read: a recorded call counts as sent.
  recorded?.({ status: 200 });
  void fetch(path, {
    method,
    headers: requestHeaders(path, method, options),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => undefined);
}

export async function apiFetch<T = unknown>(path: string, options: ApiFetchOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = requestHeaders(path, method, options);
  // The session recorder sees every mutating proxy call here; in its dry run the call is not sent at all.
  const recorded = beginMutation({ method, path, body: options.body, cli: options.cli, region: namedRegion(headers) });
  if (recorded === 'dry-run') throw new DryRunError();

  const finish = startCall({ method, path, headers, body: options.body });
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (e) {
    finish({ failure: e instanceof Error ? e.message : String(e) });
    recorded?.({ status: 0 });
    throw e;
  }

  if (!res.ok) recorded?.({ status: res.status });
  if (!res.ok) {
    const errText = await res.clone().text().catch(() => '');
    finish({ status: res.status, headers: res.headers, body: errText });
    const error = await parseApiError(res);
    const pathname = path.split('?')[0];
    if (res.status === 401 && !NO_EXPIRY_REDIRECT.includes(pathname) && typeof window !== 'undefined') {
      window.location.assign(expiredLoginUrl(window.location));
    }
    throw error;
  }

  if (res.status === 204) {
    recorded?.({ status: res.status });
    finish({ status: res.status, headers: res.headers });
    return undefined as T;
  }
  const text = await res.text();
  if (options.as === 'text') {
    recorded?.({ status: res.status });
    finish({ status: res.status, headers: res.headers, body: text });
    return text as T;
  }
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } finally {
    recorded?.({ status: res.status, answer: data });
    finish({ status: res.status, headers: res.headers, body: data ?? text });
  }
  return options.schema ? options.schema.parse(data) : (data as T);
}
