// The authenticated proxy: session -> CSRF -> path rules -> catalog endpoint -> headers -> streamed call
// -> error normalisation. Bodies are streamed both ways, never buffered.
import 'server-only';
import { getCatalog, forgetCatalog, resolveEndpoint } from './catalog';
import { HttpError, normaliseUpstreamError } from './errors';
import { osFetch } from './http';
import { DEFAULT_MICROVERSION_HEADERS, hasMicroversion } from './microversions';
import { csrfRefusal, filterRequestHeaders, filterResponseHeaders, ProxyRuleError, SERVICE_TYPE, upstreamUrl } from './proxy-rules';
import { requireSession } from './session';
import { errorResponse } from './route-helpers';

const PREFIX = '/api/os/';
const MAX_ERROR_BODY = 64 * 1024;

/** Raw path segments after /api/os/<service>/, still percent-encoded as the browser sent them. */
function rawSegments(pathname: string): { service: string; segments: string[] } {
  const rest = pathname.slice(PREFIX.length);
  const [service = '', ...segments] = rest.split('/');
  // A trailing slash is meaningful to a few APIs (e.g. Designate's "/v2/zones/"); keep paths exact otherwise.
  if (segments.length && segments[segments.length - 1] === '') segments.pop();
  return { service, segments };
}

export function ownHost(req: Request): string | null {
  return req.headers.get('x-forwarded-host') ?? req.headers.get('host');
}

async function readLimited(res: Awaited<ReturnType<typeof osFetch>>): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_ERROR_BODY) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY);
}

export async function proxyRequest(req: Request): Promise<Response> {
  try {
    const method = req.method.toUpperCase();
    const refusal = csrfRefusal(method, req.headers, ownHost(req));
    if (refusal) throw new HttpError(403, refusal);

    const url = new URL(req.url);
    const { service, segments } = rawSegments(url.pathname);
    if (!SERVICE_TYPE.test(service)) throw new HttpError(400, 'Invalid service type');

    const { session, cloud } = await requireSession();
    const catalog = await getCatalog(session);
    const endpoint = resolveEndpoint(catalog, service, session.region, cloud.interface);
    if (!endpoint) {
      throw new HttpError(404, `Service "${service}" is not available in this cloud (region ${session.region}, ${cloud.interface} interface)`, { service });
    }
    let target: URL;
    try {
      target = upstreamUrl(endpoint, segments, url.search);
    } catch (e) {
      if (e instanceof ProxyRuleError) throw new HttpError(e.status, e.message, { service });
      throw e;
    }

    const headers = filterRequestHeaders(req.headers);
    if (!hasMicroversion(headers)) {
      for (const [k, v] of Object.entries(DEFAULT_MICROVERSION_HEADERS[service] ?? {})) headers.set(k, v);
    }
    headers.set('x-auth-token', session.token);

    const hasBody = method !== 'GET' && method !== 'HEAD' && req.body !== null;
    const upstream = await osFetch(cloud, target.toString(), {
      what: `the ${service} service`,
      method,
      headers,
      body: hasBody ? (req.body as unknown as ReadableStream) : undefined,
      // Stream the request body instead of buffering it.
      ...(hasBody ? { duplex: 'half' as const } : {}),
      signal: req.signal,
    });

    if (upstream.status >= 400) {
      const text = await readLimited(upstream);
      const body = normaliseUpstreamError(upstream.status, upstream.headers.get('content-type'), text, upstream.headers as unknown as Headers, service);
      if (upstream.status === 401) {
        // The token was revoked or expired: forget its catalog and send the user to log in again.
        forgetCatalog(session.token);
        body.error.message = 'Your session expired';
      }
      return Response.json(body, { status: upstream.status, headers: { 'cache-control': 'no-store' } });
    }

    const outHeaders = filterResponseHeaders(upstream.headers as unknown as Headers);
    outHeaders.set('cache-control', 'no-store');
    const location = upstream.headers.get('location');
    if (location) outHeaders.set('x-upstream-location', rewriteLocation(location, endpoint, service));
    const noBody = method === 'HEAD' || upstream.status === 204 || upstream.status === 304;
    return new Response(noBody ? null : (upstream.body as unknown as ReadableStream | null), { status: upstream.status, headers: outHeaders });
  } catch (e) {
    return errorResponse(e);
  }
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

