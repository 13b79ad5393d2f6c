// Pure rules of the authenticated proxy: which upstream URL a request may reach, which headers cross,
// and whether a mutation is same-origin. Unit-tested with a table of hostile inputs.

export class ProxyRuleError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

export const SERVICE_TYPE = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * Build the upstream URL from the catalog endpoint and the raw (still percent-encoded) path segments that
 * followed `/api/os/<service>/`. Each segment is decoded once and re-encoded, so it can never add a path
 * separator, a query, a host or a scheme; dot segments and other tricks are refused outright.
 */
export function upstreamUrl(endpoint: string, rawSegments: string[], search: string): URL {
  const base = new URL(endpoint);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new ProxyRuleError(502, 'Catalog endpoint is not http(s)');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    if (raw === '') throw new ProxyRuleError(400, 'Empty path segment');
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      throw new ProxyRuleError(400, 'Malformed percent-encoding in path');
    }
    if (seg === '.' || seg === '..') throw new ProxyRuleError(400, 'Dot segments are not allowed in the path');
    if (/[/\\@]/.test(seg)) throw new ProxyRuleError(400, 'Path segments may not contain "/", "\\" or "@"');
     
    if (/[\u0000-\u001f\u007f]/.test(seg)) throw new ProxyRuleError(400, 'Control characters are not allowed in the path');
    // Double-encoded separators or dots would be decoded again by some servers.
    if (/%(2e|2f|5c|40|25)/i.test(seg)) throw new ProxyRuleError(400, 'Encoded separators are not allowed in the path');
    if (segments.length === 0 && /^[a-z][a-z0-9+.-]*:/i.test(seg)) throw new ProxyRuleError(400, 'Absolute URLs are not allowed');
    segments.push(encodeURIComponent(seg));
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const url = new URL(base.origin);
  url.pathname = `${basePath}/${segments.join('/')}`;
  if (search && search !== '?') {
    if (/[\u0000-\u001f\u007f#]/.test(search)) throw new ProxyRuleError(400, 'Invalid query string');
    url.search = search;
  }
  // Belt and braces: the result must stay on the endpoint's origin and under its path.
  if (url.origin !== base.origin || !(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`) || basePath === '')) {
    throw new ProxyRuleError(400, 'Path escapes the service endpoint');
  }
  return url;
}

const REQUEST_HEADERS = new Set([
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'content-disposition',
  'content-range',
  'range',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'etag',
  'openstack-api-version',
  'x-openstack-nova-api-version',
  'x-openstack-ironic-api-version',
  'x-container-read',
  'x-container-write',
  'x-delete-at',
  'x-delete-after',
  'x-detect-content-type',
  'x-object-manifest',
]);
const REQUEST_HEADER_PREFIXES = [
  'x-container-meta-',
  'x-object-meta-',
  'x-account-meta-',
  'x-remove-container-meta-',
  'x-remove-object-meta-',
  'x-remove-account-meta-',
];

const RESPONSE_HEADERS = new Set([
  'content-type',
  'content-disposition',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'retry-after',
  'openstack-api-version',
  'x-openstack-nova-api-version',
  'x-openstack-ironic-api-version',
  'x-openstack-ironic-api-min-version',
  'x-openstack-ironic-api-max-version',
  'x-openstack-request-id',
  'x-compute-request-id',
  'x-trans-id',
  'x-timestamp',
  'x-delete-at',
  'x-object-manifest',
  'x-static-large-object',
  'x-container-read',
  'x-container-write',
  'openstack-image-import-methods',
  'openstack-image-store-ids',
  'vary',
]);
const RESPONSE_HEADER_PREFIXES = ['x-container-', 'x-object-', 'x-account-'];

function allowed(name: string, exact: Set<string>, prefixes: string[]): boolean {
  const n = name.toLowerCase();
  return exact.has(n) || prefixes.some((p) => n.startsWith(p));
}

/** Headers the browser may send upstream. Never cookies, never auth, never hop-by-hop or host headers. */
export function filterRequestHeaders(incoming: Headers): Headers {
  const out = new Headers();
  incoming.forEach((value, name) => {
    if (allowed(name, REQUEST_HEADERS, REQUEST_HEADER_PREFIXES)) out.set(name, value);
  });
  return out;
}

/**
 * Headers the browser may see. `content-encoding` and `content-length` are dropped because the upstream
 * client decompresses bodies; `set-cookie` and token headers never cross.
 */
export function filterResponseHeaders(upstream: Headers): Headers {
  const out = new Headers();
  upstream.forEach((value, name) => {
    if (allowed(name, RESPONSE_HEADERS, RESPONSE_HEADER_PREFIXES)) out.set(name, value);
  });
  return out;
}

export const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-stratus-csrf';

/**
 * CSRF rule for mutations: the custom header (which a cross-site form cannot send and a cross-site fetch
 * cannot send without a CORS preflight we never grant) plus a same-origin Origin or Sec-Fetch-Site.
 * Returns the reason for refusal, or null when allowed.
 */
export function csrfRefusal(method: string, headers: Headers, ownHost: string | null): string | null {
  if (!MUTATING_METHODS.has(method.toUpperCase())) return null;
  if (headers.get(CSRF_HEADER) !== '1') return `Missing ${CSRF_HEADER} header`;
  const origin = headers.get('origin');
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return 'Malformed Origin header';
    }
    if (!ownHost || host.toLowerCase() !== ownHost.toLowerCase()) return 'Cross-origin request refused';
    return null;
  }
  const site = headers.get('sec-fetch-site');
  if (site === 'same-origin') return null;
  return 'Request is not same-origin (no Origin or Sec-Fetch-Site header)';
}

export const PROJECT_HEADER = 'x-stratus-project';
const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The tab's project (`X-Stratus-Project`, sent by lib/client/api.ts from the page URL) against the session's.
 * Another tab may have rescoped the shared session cookie to another project meanwhile: the call must then not
 * act on that other project silently. Returns null when the call may proceed (no header: not a project page).
 */
export function projectMismatch(headers: Headers, session: { project: { id: string; name: string } }): ProxyRuleError | null {
  const wanted = headers.get(PROJECT_HEADER);
  if (wanted === null) return null;
  if (!PROJECT_ID.test(wanted)) return new ProxyRuleError(400, `Invalid ${PROJECT_HEADER} header`);
  if (wanted === session.project.id) return null;
  return new ProxyRuleError(409, `This tab is on project ${wanted} but your session switched to project ${session.project.name}; reload to continue`);
}
