import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ProjectAuthInfo } from '../../core/auth';
import { isoSeconds } from '../../core/clock';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, conflict } from '../../core/errors';
import type { Router } from '../../core/router';
import { importUriAllowed } from './import-filter';
import { imagesDir, imageState, type Image } from './model';

// Glance's interoperable image import, web-download method only (glance-direct needs staging, not emulated).

export const IMPORT_METHODS = ['glance-direct', 'web-download'];

export function importRoutes(
  core: CloudCore,
  router: Router,
  load: (ctx: RequestContext, auth: ProjectAuthInfo) => Image,
  mustOwn: (image: Image, auth: ProjectAuthInfo) => void,
): void {
  router.post('/v2/images/{image_id}/import', async (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    const body = (await ctx.json()) as { method?: { name?: unknown; uri?: unknown } } | null;
    const name = body?.method?.name;
    if (typeof name !== 'string' || !IMPORT_METHODS.includes(name)) throw badRequest(`Unknown import method name '${String(name)}'.`);
    mustOwn(image, auth);
    // Messages as Glance Zed words them (checked against the realcloud).
    if (image.status !== 'queued' && image.status !== 'uploading') throw conflict(`Image with status ${image.status} cannot be target for import`);
    if (name === 'glance-direct') throw conflict(`Image needs to be staged before 'glance-direct' method can be used`);
    const uri = body?.method?.uri;
    if (!(await importUriAllowed(uri))) throw badRequest(`URI for web-download does not pass filtering: ${typeof uri === 'string' ? uri : 'None'}`);
    image.status = 'importing';
    // Glance's import flow tracks its stores in these two properties (single store: 'file').
    image.properties.os_glance_importing_to_stores = 'file';
    image.properties.os_glance_failed_import = '';
    image.updated_at = isoSeconds(core.clock.now());
    ctx.markDirty();
    void download(core, image, uri as string);
    return { status: 202, headers: { 'content-type': 'text/html; charset=UTF-8' } };
  });
}

/**
 * The import task: fetch the URL into the store; on any failure the image goes back to queued with
 * os_glance_failed_import=file, as in Glance. The demo cloud really fetches the URL: offline (no internet, or
 * nothing listening) it fails the way a real Glance without a route fails, online it imports.
 */
async function download(core: CloudCore, image: Image, uri: string): Promise<void> {
  const dir = imagesDir(core);
  mkdirSync(dir, { recursive: true });
  const part = path.join(dir, `${image.id}.import`);
  const md5 = createHash('md5');
  const sha512 = createHash('sha512');
  let size = 0;
  const hasher = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      md5.update(chunk);
      sha512.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  const finish = (changes: Partial<Image>, failed: boolean) => {
    if (!imageState(core).images.includes(image)) return; // deleted meanwhile
    Object.assign(image, changes, { updated_at: isoSeconds(core.clock.now()) });
    image.properties.os_glance_importing_to_stores = '';
    image.properties.os_glance_failed_import = failed ? 'file' : '';
    core.state.markDirty();
  };
  try {
    const res = await fetch(uri, { redirect: 'follow', signal: AbortSignal.timeout(10 * 60_000) });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), hasher, createWriteStream(part));
    if (!imageState(core).images.includes(image)) return rmSync(part, { force: true });
    renameSync(part, path.join(dir, image.id));
    finish({ status: 'active', size, checksum: md5.digest('hex'), os_hash_algo: 'sha512', os_hash_value: sha512.digest('hex'), dataFile: image.id }, false);
  } catch {
    rmSync(part, { force: true });
    finish({ status: 'queued' }, true);
  }
}
