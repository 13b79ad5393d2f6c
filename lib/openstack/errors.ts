// One error type for route handlers, and the normalisation of every OpenStack service's error body.
import { msg, type Msg } from '@/lib/i18n/msg';

/**
 * Our error body. `message` is English (logs, e2e tests, API clients); `text`, on our own words only, is the same
 * sentence as a catalog key (`server.…`) with its values, which the browser shows translated (lib/client/api.ts).
 * A service's error never has a `text`: its message is shown as the service sent it.
 */
export type ErrorBody = {
  error: {
    status: number;
    message: string;
    text?: Msg;
    service?: string;
    requestId?: string;
    issues?: { path: string; message: string; text?: Msg }[];
  };
};

export class HttpError extends Error {
  constructor(
    public status: number,
    message: string,
    public extra: Omit<ErrorBody['error'], 'status' | 'message'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
  /** The message as a catalog key, when the words are ours. */
  get text(): Msg | undefined {
    return this.extra.text;
  }
  toBody(): ErrorBody {
    return { error: { status: this.status, message: this.message, ...this.extra } };
  }
}

/** 401: the browser goes to the login page. */
export const sessionExpired = () => new HttpError(401, 'Your session expired', { text: 'server.errors.sessionExpired' });

/** 500 for anything unexpected (the error itself is logged, never sent). */
export const internalError = () => new HttpError(500, 'Internal error in the dashboard', { text: 'server.errors.internal' });

/** 409: another tab rescoped the shared session while this one still shows project `wanted`. */
export const projectSwitched = (wanted: string, current: string) =>
  new HttpError(409, `This tab is on project ${wanted} but your session switched to project ${current}; reload to continue`, {
    text: msg('server.errors.projectSwitched', { wanted, current }),
  });

const REQUEST_ID_HEADERS = ['x-openstack-request-id', 'x-compute-request-id', 'x-trans-id', 'x-request-id'];

export function requestIdFrom(headers: Headers, body?: unknown): string | undefined {
  for (const h of REQUEST_ID_HEADERS) {
    const v = headers.get(h);
    if (v) return v;
  }
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.request_id === 'string') return b.request_id;
    const first = Array.isArray(b.errors) ? (b.errors[0] as Record<string, unknown> | undefined) : undefined;
    if (first && typeof first.request_id === 'string') return first.request_id;
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Text of an HTML or plain-text error page (Glance, Swift, proxies), without the repeated status title. */
function textOf(raw: string): string {
  const text = raw
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  const all = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const lines = all.filter((l, i) => all.indexOf(l) === i);
  // "404 Not Found" followed by the explanation: keep the explanation.
  if (lines.length > 1 && /^\d{3}\b/.test(lines[0])) lines.shift();
  return lines.join(' ').slice(0, 2000);
}

/** The message a service put in its error body, whatever its dialect. */
export function messageFromBody(body: unknown): string | undefined {
  if (typeof body === 'string') return textOf(body) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  // Ironic: {"error_message": "<json string with faultstring>"}
  if ('error_message' in b) {
    const em = b.error_message;
    if (typeof em === 'string') {
      try {
        const inner = JSON.parse(em) as Record<string, unknown>;
        return str(inner.faultstring) ?? str(inner.message) ?? em;
      } catch {
        return em;
      }
    }
    if (em && typeof em === 'object') return str((em as Record<string, unknown>).faultstring);
  }
  // Magnum and other API-WG style: {"errors": [{title, detail}]}
  if (Array.isArray(b.errors) && b.errors.length) {
    const e = b.errors[0] as Record<string, unknown>;
    return str(e.detail) ?? str(e.title) ?? str(e.message);
  }
  // Keystone {"error": {message}}; also our own error shape.
  if (b.error && typeof b.error === 'object') {
    const e = b.error as Record<string, unknown>;
    return str(e.message) ?? str(e.title);
  }
  if (typeof b.error === 'string') return b.error;
  // Barbican {code, title, description}
  if (str(b.description)) return str(b.description);
  // Designate {code, type, message}
  if (str(b.message)) return str(b.message);
  if (str(b.faultstring)) return str(b.faultstring);
  if (str(b.title)) return str(b.title);
  // Nova / Cinder / Neutron: {"itemNotFound": {"message", "code"}}, {"NeutronError": {"message", ...}}
  for (const v of Object.values(b)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const m = str((v as Record<string, unknown>).message);
      if (m) return m;
    }
  }
  return undefined;
}

/** Build our error body from an upstream error response text. */
export function normaliseUpstreamError(status: number, contentType: string | null, text: string, headers: Headers, service: string): ErrorBody {
  let body: unknown = text;
  if (contentType?.includes('json') || /^\s*[{[]/.test(text)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const message = messageFromBody(body) ?? `${service} answered ${status} with no message`;
  const requestId = requestIdFrom(headers, body);
  return { error: { status, message, service, ...(requestId ? { requestId } : {}) } };
}
