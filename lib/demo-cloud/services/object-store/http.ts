// Swift's HTTP conventions: small HTML error pages, X-Trans-Id, timestamps, metadata headers
// and content types guessed from names.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Handler } from '../../core/router';

const PAGES: Record<number, [string, string]> = {
  400: ['Bad Request', 'The server could not comply with the request since it is either malformed or otherwise incorrect.'],
  401: ['Unauthorized', 'This server could not verify that you are authorized to access the document you requested.'],
  403: ['Forbidden', 'Access was denied to this resource.'],
  404: ['Not Found', 'The resource could not be found.'],
  405: ['Method Not Allowed', 'The method is not allowed for this resource.'],
  409: ['Conflict', 'There was a conflict when trying to complete your request.'],
  411: ['Length Required', 'Length Required'],
  412: ['Precondition Failed', 'A precondition for this request was not met.'],
  416: ['Requested Range Not Satisfiable', 'The Range requested is not available.'],
  422: ['Unprocessable Entity', 'Unable to process the contained instructions'],
  500: ['Internal Error', 'The server has either erred or is incapable of performing the requested operation.'],
};

export const swiftPage = (status: number): string => {
  const [title, text] = PAGES[status] ?? ['Error', 'Error'];
  return `<html><h1>${title}</h1><p>${text}</p></html>`;
};

export const HTML = 'text/html; charset=UTF-8';

export const swiftPage202 = '<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>';

const MIME: Record<string, string> = {
  txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json',
  xml: 'application/xml', csv: 'text/csv', md: 'text/markdown', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  svg: 'image/svg+xml', pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar',
  iso: 'application/x-iso9660-image', qcow2: 'application/octet-stream', mp4: 'video/mp4', yaml: 'application/x-yaml', yml: 'application/x-yaml',
};
export const guessType = (name: string) => MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

export const httpDate = (ms: number) => new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
export const xTimestamp = (ms: number) => (ms / 1000).toFixed(5);
export const listingTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
const transId = () => `tx${randomUUID().replace(/-/g, '').slice(0, 21)}-${Math.floor(Date.now() / 1000).toString(16).padStart(10, '0')}`;

/** Wraps a handler: HttpErrors become Swift's HTML pages, every reply gets X-Trans-Id. */
export function swift(handler: Handler): Handler {
  return async (ctx) => {
    const tx = transId();
    const base = { 'X-Trans-Id': tx, 'x-openstack-request-id': tx, Date: new Date().toUTCString() };
    try {
      const reply = await handler(ctx);
      return { ...reply, headers: { ...base, ...reply.headers } };
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      return { status: e.status, raw: swiftPage(e.status), contentType: HTML, headers: { ...base, ...e.headers } };
    }
  };
}

export const fail = (status: number, headers?: Record<string, string>) => new HttpError(status, PAGES[status]?.[0] ?? 'Error', { headers });

export function metaHeaders(prefix: string, meta: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(meta).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Applies X-<Kind>-Meta-* (empty value removes) and X-Remove-<Kind>-Meta-* headers. */
export function applyMeta(ctx: RequestContext, kind: 'Account' | 'Container' | 'Object', meta: Record<string, string>, replace = false): Record<string, string> {
  const out = replace ? {} : { ...meta };
  const set = `x-${kind.toLowerCase()}-meta-`;
  const remove = `x-remove-${kind.toLowerCase()}-meta-`;
  for (const [k, v] of Object.entries(ctx.req.headers)) {
    const value = Array.isArray(v) ? v[0] : (v ?? '');
    const key = k.toLowerCase();
    if (key.startsWith(set)) {
      const name = key.slice(set.length).replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
      if (name.length > 128 || value.length > 256) throw fail(400);
      if (value === '') delete out[name];
      else out[name] = value;
    } else if (key.startsWith(remove)) {
      const name = key.slice(remove.length).replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
      delete out[name];
    }
  }
  if (Object.keys(out).length > 90) throw fail(400);
  return out;
}
