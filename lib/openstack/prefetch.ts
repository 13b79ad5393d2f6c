// The first page of a list, read on the server while the page renders, so it arrives with the HTML instead of after
// the scripts have loaded and hydrated (issue 16: the list request used to start 0.25-0.47 s after navigation).
// It goes through the proxy's own core, so it takes the same rules, endpoint, microversion and token as the browser's
// call would; any failure just leaves the page to fetch as before (and show the error its usual way).
import 'server-only';
import type { ServedCall } from '@/lib/client/inspector';
import { getCloud } from '@/lib/config/clouds';
import { listParamsFor, listQuery, pageFromBody, type ListParams } from '@/lib/resources/list-page';
import { isAllRegions } from '@/lib/resources/regions';
import type { ResourceDefinition } from '@/lib/resources/types';
import { decoded, proxyCall } from './proxy';
import type { SessionData } from './session';

/** How long the server waits for the API before sending the page without the rows (the browser then asks). */
const PREFETCH_TIMEOUT_MS = 3000;

const KEPT_HEADERS = ['x-stratus-upstream', 'server-timing', 'x-openstack-request-id', 'x-compute-request-id', 'content-type'];

/** GET a service path as the session's user: the JSON body and the call, or undefined on any failure. */
export async function serverRead(session: SessionData, service: string, path: string, headers: Record<string, string> = {}): Promise<{ body: unknown; call: ServedCall } | undefined> {
  const cloud = getCloud(session.cloud);
  if (!cloud) return undefined;
  const [p, q = ''] = path.split(/\?(.*)/s, 2);
  const at = Date.now();
  const started = performance.now();
  const pathname = `/api/os/${service}/${p.replace(/^\//, '')}`;
  const search = q ? `?${q}` : '';
  const reply = await proxyCall(
    { method: 'GET', pathname, search, headers: new Headers({ accept: 'application/json', ...headers }), body: () => null, signal: AbortSignal.timeout(PREFETCH_TIMEOUT_MS) },
    async () => ({ session, cloud }),
  );
  if (reply.status !== 200 || reply.body === null) return undefined;
  let text: string;
  if (typeof reply.body === 'string') text = reply.body;
  else {
    const chunks: Buffer[] = [];
    for await (const chunk of decoded(reply.body, reply.headers['content-encoding'] ?? null)) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  }
  const kept: Record<string, string> = {};
  for (const h of KEPT_HEADERS) if (reply.headers[h]) kept[h] = reply.headers[h];
  return { body: JSON.parse(text) as unknown, call: { method: 'GET', path: `${pathname}${search}`, status: reply.status, headers: kept, at, durationMs: performance.now() - started } };
}

/** The first page as the API answered it, with the parameters the page's URL asks for; undefined when not read. */
export interface ServedPage {
  params: ListParams;
  body: unknown;
  call: ServedCall;
}

/**
 * The list page the browser would ask for first (same parameters, so the same cache key once parsed). Errors are
 * never sent: the browser asks again and explains them its usual way.
 */
export async function prefetchFirstPage<T>(session: SessionData, def: ResourceDefinition<T>, search: URLSearchParams): Promise<ServedPage | undefined> {
  try {
    const params = listParamsFor(def, search);
    // Only the first page: a later one (a shared `?marker=` link) loads in the browser, as paging on does. An "All
    // regions" list reads each region in the browser: the session region's page would fill a key it never reads.
    if (params.marker || isAllRegions(search)) return undefined;
    const read = await serverRead(session, def.service, listQuery(def, params), def.headers);
    if (!read) return undefined;
    // Parsed here too: an answer the page could not read is left for the browser to report.
    pageFromBody(def, params, read.body);
    return { params, ...read };
  } catch {
    return undefined;
  }
}
