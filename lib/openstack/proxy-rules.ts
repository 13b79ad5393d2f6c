// Pure rules of the authenticated proxy: which upstream URL a request may reach, which headers cross, whether a
// mutation is same-origin, and how a cloud's body may reach the browser. Unit-tested with tables of hostile inputs.
import { HttpError, projectSwitched } from './errors';
import { msg } from '@/lib/i18n/msg';

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
    if (/[/\\]/.test(seg)) throw new ProxyRuleError(400, 'Path segments may not contain "/" or "\\"');
    // An "@" goes out encoded (%40), so it cannot become userinfo; only the first segment, which some servers might
    // read as an authority, refuses it. Trove addresses a database user as name@host (users/reader%40%25).
    if (segments.length === 0 && seg.includes('@')) throw new ProxyRuleError(400, 'The first path segment may not contain "@"');
     
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
  'x-openstack-manila-api-version',
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
  'x-openstack-manila-api-version',
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

/**
 * The only methods allowed without the CSRF check: they change nothing. Everything else (Swift's COPY, any verb an
 * upstream might accept) needs the header and a same-origin request.
 */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-stratus-csrf';

/**
 * CSRF rule for every method but GET/HEAD/OPTIONS: the custom header (which a cross-site form cannot send and a
 * cross-site fetch cannot send without a CORS preflight we never grant) plus a same-origin Origin or Sec-Fetch-Site.
 * `ownOrigin` is the dashboard's origin as the browser addressed it (forwarded.ts requestOrigin); the whole origin
 * counts, so http://dash cannot act on https://dash. Returns the reason for refusal, or null when allowed.
 */
export function csrfRefusal(method: string, headers: Pick<Headers, 'get'>, ownOrigin: string | null): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (headers.get(CSRF_HEADER) !== '1') return `Missing ${CSRF_HEADER} header`;
  const origin = headers.get('origin');
  if (origin) {
    let theirs: URL;
    try {
      theirs = new URL(origin);
    } catch {
      return 'Malformed Origin header';
    }
    if (ownOrigin && theirs.origin === ownOrigin) return null;
    // The likely misconfiguration: TLS ends at a reverse proxy whose X-Forwarded-Proto is not trusted.
    if (ownOrigin === `http://${theirs.host}` && theirs.protocol === 'https:') {
      return 'Cross-origin request refused (https page, http request: behind a TLS proxy, set STRATUS_TRUST_PROXY=1)';
    }
    return 'Cross-origin request refused';
  }
  const site = headers.get('sec-fetch-site');
  if (site === 'same-origin') return null;
  return 'Request is not same-origin (no Origin or Sec-Fetch-Site header)';
}

/**
 * Proxied bodies come from the cloud, that is from anyone who can upload a Swift object: none may run as a page of
 * the dashboard's origin. `sandbox` gives a document an opaque origin with no scripts, forms or popups, and
 * `default-src 'none'` loads nothing. The two exceptions serve the browser's own viewers, which run no author code:
 * inline styles let the text viewer wrap lines, and media-src 'self' lets the audio/video viewer play the file it
 * shows. The image viewer shows the document itself and needs no img-src.
 */
export const PROXIED_BODY_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; media-src 'self'; frame-ancestors 'none'";

/** Types a browser shows without running anything, and never as markup (no svg, html, xhtml, xml, pdf). */
const INLINE_SAFE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'text/plain',
  'application/json',
]);
const TOKEN = '[a-z0-9!#$&^_.+-]+';
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`);
const INLINE_SAFE_PATTERN = new RegExp(`^(audio/${TOKEN}|video/${TOKEN}|application/${TOKEN}\\+json)$`);

/**
 * Whether a body with this Content-Type may be shown inline. A missing or unparsable type is unsafe (the browser
 * would guess), and so is a list of types: browsers use the last one ("text/plain, text/html" renders HTML).
 */
export function safeInline(contentType: string | null): boolean {
  if (!contentType || contentType.includes(',')) return false;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  if (!MEDIA_TYPE.test(essence)) return false;
  return INLINE_SAFE_TYPES.has(essence) || INLINE_SAFE_PATTERN.test(essence);
}

/** Split a header value on ";" outside double quotes. */
function splitParams(value: string): string[] {
  return value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g)?.map((p) => p.trim()).filter(Boolean) ?? [];
}

/**
 * The Content-Disposition of a proxied body: the upstream one for a type safe to show inline (null: none), else
 * `attachment`, so the browser downloads the body instead of rendering it, keeping any upstream filename. An
 * upstream `inline` on an unsafe type is overridden.
 */
export function proxiedDisposition(contentType: string | null, upstream: string | null): string | null {
  if (safeInline(contentType)) return upstream;
  const names = splitParams(upstream ?? '').filter((p) => /^filename\*?\s*=/i.test(p));
  return ['attachment', ...names].join('; ');
}

export const PROJECT_HEADER = 'x-stratus-project';
const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The tab's project (`X-Stratus-Project`, sent by lib/client/api.ts from the page URL) against the session's.
 * Another tab may have rescoped the shared session cookie to another project meanwhile: the call must then not
 * act on that other project silently. Returns null when the call may proceed (no header: not a project page).
 */
export function projectMismatch(headers: Headers, session: { project: { id: string; name: string } }): HttpError | null {
  const wanted = headers.get(PROJECT_HEADER);
  if (wanted === null) return null;
  if (!PROJECT_ID.test(wanted)) return new HttpError(400, `Invalid ${PROJECT_HEADER} header`);
  if (wanted === session.project.id) return null;
  return projectSwitched(wanted, session.project.name);
}

export const REGION_HEADER = 'x-stratus-region';

/**
 * The region a call goes to: the tab's `X-Stratus-Region` (an "All regions" list asks each region in turn), else
 * the session's. Only a region of the token's own catalog: the proxy reaches catalog endpoints and nothing else,
 * so a region the catalog does not name is refused (400) rather than guessed.
 */
export function requestedRegion(headers: Headers, sessionRegion: string, catalogRegions: readonly string[]): string {
  let wanted = headers.get(REGION_HEADER);
  if (wanted === null || wanted === sessionRegion) return sessionRegion;
  if (!catalogRegions.includes(wanted)) {
    // Keystone region ids are at most 255 characters: a longer header is named cut, never echoed whole.
    wanted = wanted.slice(0, 255);
    throw new HttpError(400, `Region "${wanted}" is not in this cloud's catalog`, { text: msg('server.errors.unknownRegion', { region: wanted }) });
  }
  return wanted;
}
