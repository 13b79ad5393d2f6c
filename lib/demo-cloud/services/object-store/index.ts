// Swift v1 (object storage), mounted at /object-store with accounts at /v1/AUTH_{project_id}.
// Object bodies are streamed to files under core.options.dataDir (md5 computed on the way) and
// streamed back; metadata lives in the state. Errors are Swift's small HTML pages.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import type { AuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Reply } from '../../core/reply';
import type { Handler, Router } from '../../core/router';
import { defineService } from '../../core/service';

export interface SwiftObject {
  name: string;
  bytes: number;
  hash: string;
  content_type: string;
  /** ms */
  modified: number;
  meta: Record<string, string>;
  /** File name under the object-store data directory. */
  file: string;
}

export interface SwiftContainer {
  name: string;
  created: number;
  modified: number;
  meta: Record<string, string>;
  read: string | null;
  write: string | null;
  objects: Record<string, SwiftObject>;
}

export interface SwiftAccount {
  created: number;
  meta: Record<string, string>;
  containers: Record<string, SwiftContainer>;
}

export interface ObjectStoreState {
  accounts: Record<string, SwiftAccount>;
}

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

const HTML = 'text/html; charset=UTF-8';
const MAX_OBJECT_DEPTH = 40;
const LISTING_LIMIT = 10000;

const MIME: Record<string, string> = {
  txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json',
  xml: 'application/xml', csv: 'text/csv', md: 'text/markdown', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  svg: 'image/svg+xml', pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip', tar: 'application/x-tar',
  iso: 'application/x-iso9660-image', qcow2: 'application/octet-stream', mp4: 'video/mp4', yaml: 'application/x-yaml', yml: 'application/x-yaml',
};
const guessType = (name: string) => MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

const httpDate = (ms: number) => new Date(Math.ceil(ms / 1000) * 1000).toUTCString();
const xTimestamp = (ms: number) => (ms / 1000).toFixed(5);
const listingTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
const transId = () => `tx${randomUUID().replace(/-/g, '').slice(0, 21)}-${Math.floor(Date.now() / 1000).toString(16).padStart(10, '0')}`;

/** Wraps a handler: HttpErrors become Swift's HTML pages, every reply gets X-Trans-Id. */
function swift(handler: Handler): Handler {
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

const fail = (status: number, headers?: Record<string, string>) => new HttpError(status, PAGES[status]?.[0] ?? 'Error', { headers });

function metaHeaders(prefix: string, meta: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(meta).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Applies X-<Kind>-Meta-* (empty value removes) and X-Remove-<Kind>-Meta-* headers. */
function applyMeta(ctx: RequestContext, kind: 'Account' | 'Container' | 'Object', meta: Record<string, string>, replace = false): Record<string, string> {
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

interface Listing {
  name?: string;
  subdir?: string;
}

/** marker/end_marker/prefix/delimiter/limit/reverse over sorted names, as Swift lists. */
function listNames<T extends { name: string }>(ctx: RequestContext, items: T[]): Array<T | { subdir: string }> {
  const q = ctx.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const marker = q.get('marker') ?? '';
  const endMarker = q.get('end_marker') ?? '';
  const reverse = ['true', '1', 'yes', 'on'].includes((q.get('reverse') ?? '').toLowerCase());
  let limit = LISTING_LIMIT;
  if (q.get('limit') !== null) {
    const n = Number(q.get('limit'));
    if (!Number.isInteger(n) || n < 0) throw fail(412);
    if (n > LISTING_LIMIT) throw fail(412);
    limit = n;
  }
  let sorted = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (reverse) sorted = sorted.reverse();
  const out: Array<T | { subdir: string }> = [];
  const seen = new Set<string>();
  for (const item of sorted) {
    if (out.length >= limit) break;
    if (marker && (reverse ? item.name >= marker : item.name <= marker)) continue;
    if (endMarker && (reverse ? item.name <= endMarker : item.name >= endMarker)) continue;
    if (!item.name.startsWith(prefix)) continue;
    if (delimiter) {
      const i = item.name.indexOf(delimiter, prefix.length);
      if (i >= 0) {
        const subdir = item.name.slice(0, i + delimiter.length);
        if (!seen.has(subdir)) {
          seen.add(subdir);
          if (!(marker && !reverse && subdir <= marker)) out.push({ subdir });
        }
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

function wantsJson(ctx: RequestContext): 'json' | 'xml' | 'text' {
  const f = (ctx.query.get('format') ?? '').toLowerCase();
  if (f === 'json') return 'json';
  if (f === 'xml') return 'xml';
  if (f === 'plain' || f === 'text') return 'text';
  const accept = (ctx.header('accept') ?? '').toLowerCase();
  if (accept.includes('application/json')) return 'json';
  if (accept.includes('application/xml') || accept.includes('text/xml')) return 'xml';
  return 'text';
}

function listingReply(ctx: RequestContext, rows: Listing[], json: unknown[], headers: Record<string, string>): Reply {
  const format = wantsJson(ctx);
  if (format === 'json') return { status: 200, raw: JSON.stringify(json), contentType: 'application/json; charset=utf-8', headers };
  if (rows.length === 0) return { status: 204, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } };
  const text = rows.map((r) => `${r.name ?? r.subdir}\n`).join('');
  if (format === 'xml') {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<list>${rows.map((r) => `<name>${esc(r.name ?? r.subdir ?? '')}</name>`).join('')}</list>`;
    return { status: 200, raw: xml, contentType: 'application/xml; charset=utf-8', headers };
  }
  return { status: 200, raw: text, contentType: 'text/plain; charset=utf-8', headers };
}

const parseAccount = (account: string): string | null => (account.startsWith('AUTH_') ? account.slice(5) : null);

function setupRoutes(core: CloudCore, r: Router, s: ObjectStoreState): void {
  const dir = path.join(core.options.dataDir, 'object-store');
  mkdirSync(dir, { recursive: true });

  /** The caller may act on this account (token scoped to it, or a public-read GET/HEAD). */
  const authorize = (ctx: RequestContext, publicRead?: SwiftContainer, listing = false): AuthInfo | null => {
    const projectId = parseAccount(ctx.params.account);
    const auth = ctx.tryAuth();
    const read = publicRead?.read ?? '';
    const isRead = ['GET', 'HEAD'].includes(ctx.method);
    const publicOk = isRead && read.split(',').map((x) => x.trim()).includes('.r:*') && (!listing || read.includes('.rlistings'));
    if (!auth) {
      if (publicOk) return null;
      throw fail(401, { 'Www-Authenticate': 'Swift realm="unknown"' });
    }
    if (!projectId || auth.project?.id !== projectId) {
      if (publicOk) return auth;
      throw fail(403);
    }
    return auth;
  };
  const account = (ctx: RequestContext): SwiftAccount => {
    const id = parseAccount(ctx.params.account) ?? ctx.params.account;
    s.accounts[id] ??= { created: core.clock.now(), meta: {}, containers: {} };
    return s.accounts[id];
  };
  const peekContainer = (ctx: RequestContext): SwiftContainer | undefined => {
    const id = parseAccount(ctx.params.account);
    return id ? s.accounts[id]?.containers[ctx.params.container] : undefined;
  };
  const containerStats = (c: SwiftContainer) => {
    const objs = Object.values(c.objects);
    return { count: objs.length, bytes: objs.reduce((n, o) => n + o.bytes, 0) };
  };
  const accountHeaders = (a: SwiftAccount): Record<string, string> => {
    const cs = Object.values(a.containers).map(containerStats);
    const count = String(Object.keys(a.containers).length);
    const objects = String(cs.reduce((n, c) => n + c.count, 0));
    const bytes = String(cs.reduce((n, c) => n + c.bytes, 0));
    return {
      'X-Account-Container-Count': count,
      'X-Account-Object-Count': objects,
      'X-Account-Bytes-Used': bytes,
      'X-Timestamp': xTimestamp(a.created),
      'X-Account-Storage-Policy-Policy-0-Container-Count': count,
      'X-Account-Storage-Policy-Policy-0-Object-Count': objects,
      'X-Account-Storage-Policy-Policy-0-Bytes-Used': bytes,
      'Accept-Ranges': 'bytes',
      'x-account-project-domain-id': 'default',
      ...metaHeaders('X-Account-Meta-', a.meta),
    };
  };
  const containerHeaders = (c: SwiftContainer): Record<string, string> => {
    const st = containerStats(c);
    return {
      'X-Container-Object-Count': String(st.count),
      'X-Container-Bytes-Used': String(st.bytes),
      'X-Timestamp': xTimestamp(c.created),
      'Last-Modified': httpDate(c.modified),
      'Accept-Ranges': 'bytes',
      'X-Storage-Policy': 'Policy-0',
      ...(c.read ? { 'X-Container-Read': c.read } : {}),
      ...(c.write ? { 'X-Container-Write': c.write } : {}),
      ...metaHeaders('X-Container-Meta-', c.meta),
    };
  };
  const objectHeaders = (o: SwiftObject): Record<string, string> => ({
    'Content-Type': o.content_type,
    Etag: o.hash,
    'Last-Modified': httpDate(o.modified),
    'X-Timestamp': xTimestamp(o.modified),
    'Accept-Ranges': 'bytes',
    ...metaHeaders('X-Object-Meta-', o.meta),
  });
  const objectName = (ctx: RequestContext): string => {
    // Everything after /v1/<account>/<container>/, raw (object names may contain slashes).
    const parts = ctx.url.pathname.split('/');
    const i = parts.indexOf('v1');
    const raw = parts.slice(i + 3).join('/');
    try {
      return decodeURIComponent(raw);
    } catch {
      throw fail(400);
    }
  };
  const objectPatterns = Array.from({ length: MAX_OBJECT_DEPTH }, (_, n) => `/v1/{account}/{container}/${Array.from({ length: n + 1 }, (_x, k) => `{o${k}}`).join('/')}`);
  const onObjects = (method: string, h: Handler) => {
    for (const p of objectPatterns) r.add(method, p, swift(h));
  };

  r.get('/info', swift(() => ({ status: 200, raw: JSON.stringify(INFO), contentType: 'application/json; charset=UTF-8' })));

  // Account -----------------------------------------------------------------------------------
  r.get('/v1/{account}', swift((ctx) => {
    authorize(ctx);
    const a = account(ctx);
    const rows = listNames(ctx, Object.values(a.containers)) as Array<SwiftContainer | { subdir: string }>;
    const json = rows.map((c) => ('subdir' in c ? c : { name: c.name, count: containerStats(c).count, bytes: containerStats(c).bytes, last_modified: listingTime(c.modified) }));
    return listingReply(ctx, rows as Listing[], json, accountHeaders(a));
  }));
  r.head('/v1/{account}', swift((ctx) => {
    authorize(ctx);
    return { status: 204, headers: { ...accountHeaders(account(ctx)), 'Content-Type': 'text/plain; charset=utf-8' } };
  }));
  r.post('/v1/{account}', swift((ctx) => {
    authorize(ctx);
    const a = account(ctx);
    a.meta = applyMeta(ctx, 'Account', a.meta);
    return { status: 204, headers: { 'Content-Type': HTML } };
  }));

  // Containers --------------------------------------------------------------------------------
  const findContainer = (ctx: RequestContext) => {
    const c = account(ctx).containers[ctx.params.container];
    if (!c) throw fail(404);
    return c;
  };
  r.put('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx);
    const name = ctx.params.container;
    if (name.length > 256 || name.includes('/')) throw fail(400);
    const a = account(ctx);
    const existing = a.containers[name];
    const now = core.clock.now();
    const c: SwiftContainer = existing ?? { name, created: now, modified: now, meta: {}, read: null, write: null, objects: {} };
    c.meta = applyMeta(ctx, 'Container', c.meta);
    const read = ctx.header('x-container-read');
    const write = ctx.header('x-container-write');
    if (read !== undefined) c.read = read || null;
    if (write !== undefined) c.write = write || null;
    c.modified = now;
    a.containers[name] = c;
    // Real Swift: an empty 201 for a new container, its "Accepted" page for an existing one.
    return { status: existing ? 202 : 201, raw: existing ? swiftPage202 : '', contentType: HTML };
  }));
  r.get('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx, peekContainer(ctx), true);
    const c = findContainer(ctx);
    const rows = listNames(ctx, Object.values(c.objects)) as Array<SwiftObject | { subdir: string }>;
    const json = rows.map((o) => ('subdir' in o ? o : { bytes: o.bytes, hash: o.hash, name: o.name, content_type: o.content_type, last_modified: listingTime(o.modified) }));
    return listingReply(ctx, rows as Listing[], json, containerHeaders(c));
  }));
  r.head('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx, peekContainer(ctx), true);
    return { status: 204, headers: { ...containerHeaders(findContainer(ctx)), 'Content-Type': 'text/plain; charset=utf-8' } };
  }));
  r.post('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx);
    const c = findContainer(ctx);
    c.meta = applyMeta(ctx, 'Container', c.meta);
    const read = ctx.header('x-container-read');
    const write = ctx.header('x-container-write');
    if (read !== undefined) c.read = read || null;
    if (write !== undefined) c.write = write || null;
    if (ctx.header('x-remove-container-read') !== undefined) c.read = null;
    if (ctx.header('x-remove-container-write') !== undefined) c.write = null;
    return { status: 204, headers: { 'Content-Type': HTML } };
  }));
  r.delete('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx);
    const a = account(ctx);
    const c = findContainer(ctx);
    if (Object.keys(c.objects).length > 0) throw fail(409);
    delete a.containers[c.name];
    return { status: 204, headers: { 'Content-Type': HTML } };
  }));

  // Objects -----------------------------------------------------------------------------------
  const findObject = (ctx: RequestContext) => {
    authorize(ctx, peekContainer(ctx));
    const c = findContainer(ctx);
    const o = c.objects[objectName(ctx)];
    if (!o) throw fail(404);
    return { c, o };
  };

  onObjects('PUT', async (ctx) => {
    authorize(ctx);
    const c = findContainer(ctx);
    const name = objectName(ctx);
    if (!name || name.length > 1024) throw fail(400);
    const length = ctx.header('content-length');
    const chunked = (ctx.header('transfer-encoding') ?? '').toLowerCase().includes('chunked');
    if (length === undefined && !chunked && !ctx.header('x-copy-from')) throw fail(411);
    const meta = applyMeta(ctx, 'Object', {}, true);
    const file = `${randomUUID()}`;
    const tmp = path.join(dir, `${file}.part`);
    let bytes = 0;
    let hash: string;
    const source = ctx.header('x-copy-from');
    if (source) {
      const [srcContainer, ...rest] = decodeURIComponent(source.replace(/^\/+/, '')).split('/');
      const src = account(ctx).containers[srcContainer]?.objects[rest.join('/')];
      if (!src) throw fail(404);
      await pipeline(createReadStream(path.join(dir, src.file)), createWriteStream(tmp));
      bytes = src.bytes;
      hash = src.hash;
      Object.assign(meta, { ...src.meta, ...meta });
    } else {
      const md5 = createHash('md5');
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          md5.update(chunk);
          bytes += chunk.length;
          cb(null, chunk);
        },
      });
      try {
        await pipeline(ctx.req, counter, createWriteStream(tmp));
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
      hash = md5.digest('hex');
    }
    const expected = ctx.header('etag')?.replace(/"/g, '').toLowerCase();
    if (expected && expected !== hash) {
      await rm(tmp, { force: true });
      throw fail(422);
    }
    await rename(tmp, path.join(dir, file));
    const old = c.objects[name];
    if (old) await rm(path.join(dir, old.file), { force: true });
    const detect = (ctx.header('x-detect-content-type') ?? '').toLowerCase() === 'true';
    const given = ctx.header('content-type');
    const now = core.clock.now();
    const o: SwiftObject = {
      name,
      bytes,
      hash,
      content_type: !detect && given ? given : guessType(name),
      modified: now,
      meta,
      file,
    };
    c.objects[name] = o;
    c.modified = now;
    ctx.markDirty();
    return { status: 201, raw: '', contentType: HTML, headers: { Etag: hash, 'Last-Modified': httpDate(now) } };
  });

  // COPY with a Destination header: the same as PUT on the destination with X-Copy-From.
  onObjects('COPY', async (ctx) => {
    authorize(ctx);
    const src = findContainer(ctx).objects[objectName(ctx)];
    if (!src) throw fail(404);
    const dest = decodeURIComponent((ctx.header('destination') ?? '').replace(/^\/+/, ''));
    const [dstName, ...rest] = dest.split('/');
    const dst = account(ctx).containers[dstName];
    if (!dstName || rest.length === 0) throw fail(412);
    if (!dst) throw fail(404);
    const file = randomUUID();
    const tmp = path.join(dir, `${file}.part`);
    await pipeline(createReadStream(path.join(dir, src.file)), createWriteStream(tmp));
    await rename(tmp, path.join(dir, file));
    const name = rest.join('/');
    const old = dst.objects[name];
    if (old) await rm(path.join(dir, old.file), { force: true });
    const now = core.clock.now();
    dst.objects[name] = { ...src, name, modified: now, file, meta: { ...src.meta, ...applyMeta(ctx, 'Object', {}, true) } };
    dst.modified = now;
    ctx.markDirty();
    return {
      status: 201,
      raw: '',
      contentType: HTML,
      headers: { Etag: src.hash, 'Last-Modified': httpDate(now), 'X-Copied-From': `${ctx.params.container}/${encodeURI(src.name)}` },
    };
  });

  onObjects('GET', async (ctx) => {
    const { o } = findObject(ctx);
    const file = path.join(dir, o.file);
    await stat(file).catch(() => {
      throw fail(404);
    });
    const headers = objectHeaders(o);
    delete headers['Content-Type'];
    const range = ctx.header('range')?.match(/^bytes=(\d*)-(\d*)$/);
    if (range && o.bytes > 0 && (range[1] || range[2])) {
      let start = range[1] ? Number(range[1]) : Math.max(0, o.bytes - Number(range[2]));
      let end = range[1] && range[2] ? Math.min(Number(range[2]), o.bytes - 1) : o.bytes - 1;
      if (!range[1]) end = o.bytes - 1;
      if (start >= o.bytes || start > end) throw fail(416, { 'Content-Range': `bytes */${o.bytes}` });
      start = Math.max(0, start);
      end = Math.max(start, end);
      return {
        status: 206,
        stream: createReadStream(file, { start, end }),
        contentType: o.content_type,
        headers: { ...headers, 'content-length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${o.bytes}` },
      };
    }
    return { status: 200, stream: createReadStream(file), contentType: o.content_type, headers: { ...headers, 'content-length': String(o.bytes) } };
  });

  onObjects('HEAD', (ctx) => {
    const { o } = findObject(ctx);
    // A stream reply keeps our content-length (the server computes it for other bodies); HEAD never sends it.
    const { 'Content-Type': contentType, ...headers } = objectHeaders(o);
    return { status: 200, headers: { ...headers, 'content-length': String(o.bytes) }, contentType, stream: Readable.from([]) };
  });

  onObjects('POST', (ctx) => {
    authorize(ctx);
    const { o } = findObject(ctx);
    o.meta = applyMeta(ctx, 'Object', {}, true);
    const ct = ctx.header('content-type');
    if (ct) o.content_type = ct;
    o.modified = core.clock.now();
    return { status: 202, raw: swiftPage202, contentType: HTML };
  });

  onObjects('DELETE', async (ctx) => {
    authorize(ctx);
    const c = findContainer(ctx);
    const name = objectName(ctx);
    const o = c.objects[name];
    if (!o) throw fail(404);
    delete c.objects[name];
    c.modified = core.clock.now();
    await rm(path.join(dir, o.file), { force: true });
    return { status: 204, headers: { 'Content-Type': HTML } };
  });
}

const swiftPage202 = '<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>';

const INFO = {
  swift: {
    version: '2.30.1',
    strict_cors_mode: true,
    policies: [{ name: 'Policy-0', aliases: 'Policy-0', default: true }],
    allow_account_management: false,
    account_autocreate: true,
    max_file_size: 5368709122,
    max_meta_name_length: 128,
    max_meta_value_length: 256,
    max_meta_count: 90,
    max_meta_overall_size: 4096,
    max_header_size: 8192,
    max_object_name_length: 1024,
    container_listing_limit: LISTING_LIMIT,
    account_listing_limit: LISTING_LIMIT,
    max_account_name_length: 256,
    max_container_name_length: 256,
    extra_header_count: 0,
  },
};

export const objectStoreService = defineService({
  type: 'object-store',
  name: 'swift',
  description: 'Swift Object Storage Service',
  prefix: '/object-store',
  endpointPath: '/object-store/v1/AUTH_{project_id}',
  errorBody: (e) => swiftPage(e.status),
  setup(core, router) {
    const s = core.state.slice<ObjectStoreState>('object-store', () => ({ accounts: {} }));
    setupRoutes(core, router, s);
  },
});
