// The authenticated proxy: session -> CSRF -> path rules -> catalog endpoint -> headers -> streamed call
// -> error normalisation, every answer sandboxed. Bodies are streamed both ways, never buffered.
//
// One core (`proxyCall`) with two thin entry points:
// - `proxyRequest` (WHATWG Request -> Response) for the Next route handler app/api/os/[service]/[...path],
//   which serves /api/os under `next dev`;
// - `handleOsProxy` (lib/openstack/proxy-node.ts, node:http) for the custom server lib/server/main.ts,
//   which serves /api/os in production outside Next's request pipeline (Next adds 3-5 ms per request).
// The core speaks Node streams and plain header objects so that the fast path converts nothing.
import 'server-only';
import type { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import type { CloudConfig } from '@/lib/config/clouds';
import { catalogRegions, getCatalog, forgetCatalog, resolveEndpoint } from './catalog';
import { HttpError, internalError, normaliseUpstreamError, type ErrorBody } from './errors';
import { msg } from '@/lib/i18n/msg';
import { agentFor, describeNetworkError } from './http';
import { DEFAULT_MICROVERSION_HEADERS, hasMicroversion } from './microversions';
import { HSTS } from '@/lib/security/headers';
import { isHttpsRequest, requestOrigin } from './forwarded';
import {
  csrfRefusal,
  filterRequestHeaders,
  filterResponseHeaders,
  projectMismatch,
  proxiedDisposition,
  requestedRegion,
  PROXIED_BODY_CSP,
  ProxyRuleError,
  SAFE_METHODS,
  SERVICE_TYPE,
  upstreamUrl,
} from './proxy-rules';
import { requireSession, type SessionData } from './session';

const PREFIX = '/api/os/';
const MAX_ERROR_BODY = 64 * 1024;

/** The part of WHATWG `Headers` the proxy rules read; `NodeHeaders` provides it over node:http headers. */
export type HeaderSource = Pick<Headers, 'get' | 'has' | 'forEach'>;

/** Case-insensitive read-only view of node:http / undici header objects (lower-case keys), as WHATWG Headers. */
export class NodeHeaders implements HeaderSource {
  constructor(private readonly raw: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(', ') : v;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  forEach(fn: (value: string, name: string, parent: Headers) => void): void {
    for (const name of Object.keys(this.raw)) {
      const v = this.raw[name];
      if (v !== undefined) fn(Array.isArray(v) ? v.join(', ') : v, name, this as unknown as Headers);
    }
  }
  /** For the shared rules typed on WHATWG Headers: they only call get, has and forEach (see HeaderSource). */
  asHeaders(): Headers {
    return this as unknown as Headers;
  }
}

export type SessionSource = () => Promise<{ session: SessionData; cloud: CloudConfig }>;

/** One proxied call, independent of the server that received it. */
export type ProxyCall = {
  method: string;
  /** Path as the browser sent it (still percent-encoded), starting with /api/os/. */
  pathname: string;
  /** Query string including its "?", or "". */
  search: string;
  /** The browser's headers; the CSRF check reads the dashboard's origin from them (forwarded.ts requestOrigin). */
  headers: Headers;
  /** The request body, asked for only when the method may carry one. */
  body: () => Readable | null;
  /** Aborted when the browser goes away (undici accepts an AbortSignal or an EventEmitter emitting 'abort'). */
  signal?: AbortSignal | EventEmitter;
};

export type ProxyReply = {
  status: number;
  headers: Record<string, string>;
  /** A stream to pipe, a complete (JSON) body, or nothing. */
  body: Readable | string | null;
  /**
   * The upstream Content-Length of a streamed body, passed through unchanged. The node:http entry point sends
   * it (one write per small answer instead of chunked encoding's two); the WHATWG one leaves framing to Next.
   */
  length?: string;
};

/** Raw path segments after /api/os/<service>/, still percent-encoded as the browser sent them. */
function rawSegments(pathname: string): { service: string; segments: string[] } {
  const rest = pathname.slice(PREFIX.length);
  const [service = '', ...segments] = rest.split('/');
  // A trailing slash is meaningful to a few APIs (e.g. Designate's "/v2/zones/"); keep paths exact otherwise.
  if (segments.length && segments[segments.length - 1] === '') segments.pop();
  return { service, segments };
}

function jsonReply(status: number, body: ErrorBody, extra: Record<string, string> = {}): ProxyReply {
  return { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra }, body: JSON.stringify(body) };
}

/**
 * What the API inspector shows about the upstream call: the real OpenStack URL (never the token, which travels
 * in a header) and the upstream time as Server-Timing, so the browser can tell proxy time from service time.
 */
export function traceHeaders(method: string, url: string, startedAt: number): Record<string, string> {
  const ms = Math.max(0, performance.now() - startedAt);
  return { 'x-stratus-upstream': `${method} ${url}`, 'server-timing': `upstream;dur=${ms.toFixed(1)}` };
}

/** Same mapping as route-helpers' errorResponse, as a ProxyReply. */
function errorReply(e: unknown): ProxyReply {
  if (e instanceof HttpError) return jsonReply(e.status, e.toBody());
  // Unexpected: log the error class and message only (no request bodies, no tokens).
  console.error('stratus: unexpected error:', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  return jsonReply(500, internalError().toBody());
}

/** The upstream body, decoded when a server compressed it although we did not ask (we send no Accept-Encoding). */
export function decoded(body: Readable, encoding: string | null): Readable {
  const enc = encoding?.trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return body.pipe(zlib.createGunzip());
  if (enc === 'deflate') return body.pipe(zlib.createInflate());
  if (enc === 'br') return body.pipe(zlib.createBrotliDecompress());
  return body;
}

async function readLimited(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).byteLength;
      if (size >= MAX_ERROR_BODY) break;
    }
  } catch {
    // A broken error body still gets a normalised error.
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY);
}

function hasRequestBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/**
 * On every answer, success or error: whatever the cloud sent renders sandboxed (no script, nothing loaded, never
 * framed) and is never sniffed into another type.
 */
function securityHeaders(call: ProxyCall): Record<string, string> {
  const out: Record<string, string> = { 'x-content-type-options': 'nosniff', 'content-security-policy': PROXIED_BODY_CSP };
  if (isHttpsRequest(call.headers)) out['strict-transport-security'] = HSTS;
  return out;
}

/** The proxy core shared by both entry points. Never throws: every failure is a normalised JSON error reply. */
export async function proxyCall(call: ProxyCall, getSession: SessionSource): Promise<ProxyReply> {
  const reply = await forward(call, getSession);
  Object.assign(reply.headers, securityHeaders(call));
  return reply;
}

/** The call itself: session -> CSRF -> path rules -> endpoint -> headers -> streamed upstream call -> errors. */
async function forward(call: ProxyCall, getSession: SessionSource): Promise<ProxyReply> {
  try {
    const method = call.method.toUpperCase();
    // The origin is worked out only for the calls that are checked: reads are most of the traffic.
    const refusal = SAFE_METHODS.has(method) ? null : csrfRefusal(method, call.headers, requestOrigin(call.headers));
    if (refusal) throw new HttpError(403, refusal);

    const { service, segments } = rawSegments(call.pathname);
    if (!SERVICE_TYPE.test(service)) throw new HttpError(400, 'Invalid service type');

    const { session, cloud } = await getSession();
    // The tab's project (from its URL) must still be the session's: another tab may have rescoped the cookie.
    const mismatch = projectMismatch(call.headers, session);
    if (mismatch) throw mismatch;
    const catalog = await getCatalog(session);
    const region = requestedRegion(call.headers, session.region, catalogRegions(catalog));
    const endpoint = resolveEndpoint(catalog, service, region, cloud.interface);
    if (!endpoint) {
      // No `service` in this body: lib/client/api.ts reads `text` only from answers that name no service.
      throw new HttpError(404, `Service "${service}" is not available in this cloud (region ${region}, ${cloud.interface} interface)`, {
        text: msg('server.errors.serviceUnavailable', { service, region, interface: cloud.interface }),
      });
    }
    let target: URL;
    try {
      target = upstreamUrl(endpoint, segments, call.search);
    } catch (e) {
      if (e instanceof ProxyRuleError) throw new HttpError(e.status, e.message, { service });
      throw e;
    }

    const filtered = filterRequestHeaders(call.headers);
    const headers: Record<string, string> = {};
    filtered.forEach((v, k) => (headers[k] = v));
    if (!hasMicroversion(filtered)) Object.assign(headers, DEFAULT_MICROVERSION_HEADERS[service]);
    headers['x-auth-token'] = session.token;

    const body = hasRequestBody(method) ? call.body() : null;
    const url = target.toString();
    let upstream: Dispatcher.ResponseData;
    const startedAt = performance.now();
    try {
      // undici's request(): Node streams and plain headers, no WHATWG Response; redirects are not followed.
      // Streams the request body (the equivalent of fetch's duplex: 'half'). Same pool and timeouts as osFetch.
      upstream = await agentFor(cloud).request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        signal: call.signal,
      });
    } catch (err) {
      throw describeNetworkError(err, service, url);
    }

    const upHeaders = new NodeHeaders(upstream.headers).asHeaders();
    const status = upstream.statusCode;
    const trace = traceHeaders(method, url, startedAt);
    if (status >= 400) {
      const text = await readLimited(decoded(upstream.body, upHeaders.get('content-encoding')));
      const errBody = normaliseUpstreamError(status, upHeaders.get('content-type'), text, upHeaders, service);
      if (status === 401) {
        // The token was revoked or expired: forget its catalog and send the user to log in again.
        forgetCatalog(session.token);
        errBody.error.message = 'Your session expired';
      }
      return jsonReply(status, errBody, trace);
    }

    const out: Record<string, string> = { ...trace };
    filterResponseHeaders(upHeaders).forEach((v, k) => (out[k] = v));
    out['cache-control'] = 'no-store';
    // A body the browser could render as a document (HTML, SVG, XML, or an unknown type) is downloaded instead.
    const disposition = proxiedDisposition(out['content-type'] ?? null, out['content-disposition'] ?? null);
    if (disposition) out['content-disposition'] = disposition;
    // Bodies are passed through as received: a server that compressed anyway keeps its encoding for the browser.
    const encoding = upHeaders.get('content-encoding');
    if (encoding && encoding.toLowerCase() !== 'identity') out['content-encoding'] = encoding;
    const location = upHeaders.get('location');
    if (location) out['x-upstream-location'] = rewriteLocation(location, endpoint, service);
    const noBody = method === 'HEAD' || status === 204 || status === 304;
    if (noBody) {
      upstream.body.resume();
      return { status, headers: out, body: null };
    }
    const length = upHeaders.get('content-length');
    return { status, headers: out, body: upstream.body, ...(length && /^\d+$/.test(length) ? { length } : {}) };
  } catch (e) {
    return errorReply(e);
  }
}

/** Entry point for the Next route handler (used under `next dev`; production serves /api/os from proxy-node.ts). */
export async function proxyRequest(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const reply = await proxyCall(
    {
      method: req.method,
      pathname: url.pathname,
      search: url.search,
      headers: req.headers,
      body: () => (req.body ? Readable.fromWeb(req.body as import('node:stream/web').ReadableStream) : null),
      signal: req.signal,
    },
    requireSession,
  );
  const body = reply.body instanceof Readable ? (Readable.toWeb(reply.body) as unknown as ReadableStream) : reply.body;
  return new Response(body, { status: reply.status, headers: reply.headers });
}

/** A Location under the endpoint becomes the matching proxy path; anything else is not exposed. */
export function rewriteLocation(location: string, endpoint: string, service: string): string {
  try {
    const loc = new URL(location, endpoint);
    const base = new URL(endpoint);
    const basePath = base.pathname.replace(/\/+$/, '');
    if (loc.origin === base.origin && loc.pathname.startsWith(`${basePath}/`)) {
      return `${PREFIX}${service}${loc.pathname.slice(basePath.length)}${loc.search}`;
    }
  } catch {
    // fall through
  }
  return '';
}
