// Objects: bodies streamed to and from files under the data directory (md5 on the way in),
// server-side copies (X-Copy-From, COPY), ranges, metadata. Object names may contain slashes.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import type { Handler, Router } from '../../core/router';
import type { SwiftAccess } from './access';
import { applyMeta, fail, guessType, HTML, httpDate, metaHeaders, swift, swiftPage202, xTimestamp } from './http';
import type { SwiftObject } from './model';

const MAX_OBJECT_DEPTH = 40;

export function objectRoutes(core: CloudCore, r: Router, { authorize, account, peekContainer, findContainer }: SwiftAccess): void {
  const dir = path.join(core.options.dataDir, 'object-store');
  mkdirSync(dir, { recursive: true });

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
