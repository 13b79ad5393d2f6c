import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { ProjectAuthInfo } from '../../core/auth';
import { isoSeconds } from '../../core/clock';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json, type Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { settle } from '../../core/transitions';
import {
  BASE_ATTRS, CONTAINER_FORMATS, DISK_FORMATS, imagesDir, imageState, READ_ONLY, RESERVED, VISIBILITIES,
  type Image, type MemberStatus, type Visibility,
} from './model';
import { importRoutes, IMPORT_METHODS } from './import';
import { renderImage } from './render';
import { pyRepr, schemaError, checkEnum, checkType } from './schema-check';
import { imageVisibleTo } from './visibility';

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const PATCH_TYPES = ['application/openstack-images-v2.1-json-patch', 'application/openstack-images-v2.0-json-patch'];
const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'];

function setAttr(image: Image, key: string, value: unknown, auth: ProjectAuthInfo, creating: boolean) {
  if (READ_ONLY.has(key) && !(creating && key === 'id')) throw forbidden(`Attribute '${key}' is read-only.`);
  if (RESERVED.has(key)) throw forbidden(`Attribute '${key}' is reserved.`);
  switch (key) {
    case 'id':
      if (typeof value !== 'string' || !UUID_RE.test(value)) throw schemaError(`${pyRepr(value)} does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'`, key, value);
      image.id = value;
      return;
    case 'name':
      checkType(key, value, 'string', true);
      if (typeof value === 'string' && value.length > 255) throw schemaError(`${pyRepr(value)} is too long`, key, value);
      image.name = value as string | null;
      return;
    case 'visibility':
      checkEnum(key, value, VISIBILITIES, false);
      if (value === 'public' && !auth.isAdmin) throw forbidden('You are not authorized to complete publicize_image action.');
      image.visibility = value as Visibility;
      return;
    case 'protected':
    case 'os_hidden':
      checkType(key, value, 'boolean');
      image[key] = value as boolean;
      return;
    case 'disk_format':
      checkEnum(key, value, DISK_FORMATS, true);
      image.disk_format = value as string | null;
      return;
    case 'container_format':
      checkEnum(key, value, CONTAINER_FORMATS, true);
      image.container_format = value as string | null;
      return;
    case 'min_ram':
    case 'min_disk':
      checkType(key, value, 'integer');
      if ((value as number) < 0) throw badRequest(`Invalid value '${String(value)}' for parameter '${key}': Cannot be a negative value`);
      image[key] = value as number;
      return;
    case 'tags':
      checkType(key, value, 'array');
      for (const t of value as unknown[]) checkType(key, t, 'string');
      image.tags = [...new Set(value as string[])];
      return;
    case 'owner':
      checkType(key, value, 'string', true);
      if (value !== auth.project.id && !auth.isAdmin) throw forbidden(`You are not permitted to create images owned by '${String(value)}'.`);
      image.owner = value as string | null;
      return;
    default:
      if (typeof value !== 'string') {
        throw badRequest(`Provided object does not match schema 'image': ${pyRepr(value)} is not of type 'string'\n\nFailed validating 'type' in schema['additionalProperties']:\n    {'type': 'string'}\n\nOn instance['${key}']:\n    ${pyRepr(value)}`);
      }
      image.properties[key] = value;
  }
}

export function imageRoutes(core: CloudCore, router: Router): void {
  const state = () => imageState(core);
  const now = () => isoSeconds(core.clock.now());

  /** A visible image, settled; 404 otherwise. */
  const load = (ctx: RequestContext, auth: ProjectAuthInfo, message = (id: string) => `No image found with ID ${id}`): Image => {
    const id = ctx.params.image_id;
    const image = state().images.find((i) => i.id === id);
    if (!image || !imageVisibleTo(core, image, auth.project.id, auth.isAdmin)) throw notFound(message(id));
    if (settle(image, core.clock)) ctx.markDirty();
    return image;
  };
  const mustOwn = (image: Image, auth: ProjectAuthInfo) => {
    if (!auth.isAdmin && image.owner !== auth.project.id) throw forbidden('You do not own this image');
  };

  router.post('/v2/images', async (ctx) => {
    const auth = ctx.authProject();
    const body = await ctx.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw badRequest(`Provided object does not match schema 'image': ${pyRepr(body)} is not of type 'object'`);
    }
    const t = now();
    const image: Image = {
      id: uuid(), name: null, status: 'queued', visibility: 'shared', protected: false, os_hidden: false,
      checksum: null, os_hash_algo: null, os_hash_value: null, owner: auth.project.id, size: null, virtual_size: null,
      container_format: null, disk_format: null, created_at: t, updated_at: t, tags: [], min_ram: 0, min_disk: 0,
      properties: {}, members: [],
    };
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) setAttr(image, k, v, auth, true);
    if (state().images.some((i) => i.id === image.id)) throw conflict(`Image with identifier ${image.id} already exists!`);
    state().images.push(image);
    return json(201, renderImage(image), {
      Location: `${ctx.serviceUrl}/v2/images/${image.id}`,
      'OpenStack-image-import-methods': IMPORT_METHODS.join(','),
      'OpenStack-image-store-ids': 'file',
    });
  });

  router.get('/v2/images', (ctx) => {
    const auth = ctx.authProject();
    const q = ctx.query;
    const projectId = auth.project.id;
    const visibility = q.get('visibility');
    if (visibility !== null && ![...VISIBILITIES, 'all'].includes(visibility)) throw badRequest(`Invalid visibility value: ${visibility}`);
    const memberStatus = q.get('member_status') ?? 'accepted';
    if (!['pending', 'accepted', 'rejected', 'all'].includes(memberStatus)) throw badRequest(`Invalid status value: ${memberStatus}`);
    const limitRaw = q.get('limit');
    let limit = 25;
    if (limitRaw !== null) {
      if (!/^-?\d+$/.test(limitRaw)) throw badRequest('limit param must be an integer');
      limit = Number(limitRaw);
      if (limit < 0) throw badRequest('limit param must be positive');
    }
    limit = Math.min(limit, 1000);

    // Sorting: sort=key:dir,... or sort_key (repeatable) + sort_dir.
    let sort: Array<[string, 'asc' | 'desc']> = [];
    const sortParam = q.get('sort');
    if (sortParam !== null) {
      if (q.has('sort_key') || q.has('sort_dir')) throw badRequest('The \'sort_key\' and \'sort_dir\' parameters are deprecated and cannot be used with the \'sort\' parameter.');
      for (const part of sortParam.split(',')) {
        const [key, dir = 'asc'] = part.split(':').map((s) => s.trim());
        if (!SORT_KEYS.includes(key)) throw badRequest(`Invalid sort key: ${key}. It must be one of the following: ${SORT_KEYS.join(', ')}.`);
        if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Invalid sort direction: ${dir}`);
        sort.push([key, dir]);
      }
    } else {
      const keys = q.getAll('sort_key');
      const dirs = q.getAll('sort_dir');
      for (const d of dirs) if (d !== 'asc' && d !== 'desc') throw badRequest(`Invalid sort direction: ${d}`);
      keys.forEach((key, i) => {
        if (!SORT_KEYS.includes(key)) throw badRequest(`Invalid sort key: ${key}. It must be one of the following: ${SORT_KEYS.join(', ')}.`);
        sort.push([key, (dirs[i] ?? dirs[0] ?? 'desc') as 'asc' | 'desc']);
      });
    }
    if (sort.length === 0) sort = [['created_at', 'desc']];
    if (!sort.some(([k]) => k === 'id')) sort.push(['id', sort[sort.length - 1][1]]);

    const reserved = new Set(['limit', 'marker', 'sort', 'sort_key', 'sort_dir', 'visibility', 'member_status', 'tag', 'os_hidden', 'size_min', 'size_max']);
    const hidden = q.get('os_hidden');
    let images = state().images.filter((img) => {
      if (settle(img, core.clock)) ctx.markDirty();
      const own = img.owner === projectId;
      const member = img.members.find((m) => m.member_id === projectId);
      if (visibility === null) {
        if (!auth.isAdmin) {
          const listed = img.visibility === 'public' || own ||
            (img.visibility === 'shared' && member && (memberStatus === 'all' || member.status === memberStatus));
          if (!listed) return false;
        }
      } else {
        if (visibility !== 'all' && img.visibility !== visibility) return false;
        if (!imageVisibleTo(core, img, projectId, auth.isAdmin)) return false;
        if (visibility === 'shared' && !own && !auth.isAdmin && !(member && (memberStatus === 'all' || member.status === memberStatus))) return false;
      }
      if (hidden === null ? img.os_hidden : String(img.os_hidden) !== hidden.toLowerCase()) return false;
      for (const tag of q.getAll('tag')) if (!img.tags.includes(tag)) return false;
      const sizeMin = q.get('size_min');
      const sizeMax = q.get('size_max');
      if (sizeMin !== null && (img.size ?? 0) < Number(sizeMin)) return false;
      if (sizeMax !== null && (img.size ?? 0) > Number(sizeMax)) return false;
      const doc = renderImage(img);
      for (const [k, v] of q.entries()) {
        if (reserved.has(k)) continue;
        const actual = doc[k];
        if (actual === undefined) return false;
        const values = v.startsWith('in:') ? v.slice(3).split(',') : [v];
        if (!values.includes(String(actual))) return false;
      }
      return true;
    });
    images = images.sort((a, b) => {
      for (const [key, dir] of sort) {
        const av = (a as unknown as Record<string, unknown>)[key];
        const bv = (b as unknown as Record<string, unknown>)[key];
        if (av === bv) continue;
        let c: number;
        if (av === null || av === undefined) c = -1;
        else if (bv === null || bv === undefined) c = 1;
        else c = typeof av === 'number' && typeof bv === 'number' ? av - bv : String(av) < String(bv) ? -1 : 1;
        return dir === 'asc' ? c : -c;
      }
      return 0;
    });
    let start = 0;
    const marker = q.get('marker');
    if (marker !== null) {
      const idx = images.findIndex((i) => i.id === marker);
      if (idx < 0) throw badRequest(`No image found with ID ${marker}`);
      start = idx + 1;
    }
    const page = images.slice(start, start + limit);
    const firstQuery = new URLSearchParams(q);
    firstQuery.delete('marker');
    const fq = firstQuery.toString();
    const body: Record<string, unknown> = {
      images: page.map(renderImage),
      first: `/v2/images${fq ? `?${fq}` : ''}`,
      schema: '/v2/schemas/images',
    };
    if (start + limit < images.length && page.length > 0) {
      const nextQuery = new URLSearchParams(q);
      nextQuery.set('marker', page[page.length - 1].id);
      if (!nextQuery.has('limit')) nextQuery.set('limit', String(limit));
      body.next = `/v2/images?${nextQuery.toString()}`;
    }
    return json(200, body);
  });

  router.get('/v2/images/{image_id}', (ctx) => {
    const auth = ctx.authProject();
    return json(200, renderImage(load(ctx, auth)));
  });

  router.patch('/v2/images/{image_id}', async (ctx) => {
    const auth = ctx.authProject();
    const type = (ctx.header('content-type') ?? '').split(';')[0].trim();
    if (!PATCH_TYPES.includes(type)) {
      throw new HttpError(415, `The request media type ${type || 'None'} is not supported by this server.\n`, {
        headers: { 'Accept-Patch': PATCH_TYPES.slice().reverse().join(', ') },
      });
    }
    const image = load(ctx, auth);
    const ops = await ctx.json();
    if (!Array.isArray(ops)) throw badRequest('Request body must be a JSON array of operation objects.');
    mustOwn(image, auth);
    // Work on a copy so a failing operation changes nothing.
    const draft: Image = structuredClone(image);
    for (const raw of ops) {
      if (typeof raw !== 'object' || raw === null) throw badRequest('Operations must be JSON objects.');
      const op = raw as { op?: unknown; path?: unknown; value?: unknown };
      if (op.op === undefined) throw badRequest('Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.');
      if (!['add', 'remove', 'replace'].includes(String(op.op))) throw badRequest(`Invalid operation: \`${String(op.op)}\`. It must be one of the following: add, remove, replace.`);
      if (typeof op.path !== 'string') throw badRequest('Unable to find `path` in JSON Schema change. It must be one of the following: add, remove, replace.');
      const parts = op.path.replace(/^\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const key = parts[0];
      if (!key || parts.length > 1) throw badRequest(`Invalid JSON pointer for this resource: '${op.path}'`);
      if (op.op !== 'remove' && !('value' in op)) throw badRequest(`Unable to find 'value' in JSON Schema change`);
      if (READ_ONLY.has(key)) throw forbidden(`Attribute '${key}' is read-only.`);
      if (RESERVED.has(key)) throw forbidden(`Attribute '${key}' is reserved.`);
      const isBase = BASE_ATTRS.has(key);
      if (op.op === 'remove') {
        if (isBase) throw forbidden(`Attribute '${key}' is read-only.`);
        if (!(key in draft.properties)) throw conflict('There was a conflict when trying to complete your request.');
        delete draft.properties[key];
        continue;
      }
      if (op.op === 'replace' && !isBase && !(key in draft.properties)) {
        throw conflict('There was a conflict when trying to complete your request.');
      }
      if (key === 'owner' && !auth.isAdmin && op.value !== image.owner) throw forbidden('Owner can\'t be updated by non admin.');
      setAttr(draft, key, op.value, auth, false);
    }
    Object.assign(image, draft, { updated_at: now() });
    return json(200, renderImage(image));
  });

  router.delete('/v2/images/{image_id}', (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth, (id) => `Failed to find image ${id} to delete`);
    mustOwn(image, auth);
    if (image.protected) throw forbidden(`Image ${image.id} is protected and cannot be deleted.`);
    removeImage(core, image);
    return { status: 204 };
  });

  // Upload: streamed to <dataDir>/images/<id>.part, hashed on the way, renamed when complete.
  router.put('/v2/images/{image_id}/file', async (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    if (!auth.isAdmin && image.owner !== auth.project.id) throw forbidden(`Not allowed to upload image data for image ${image.id}`);
    if (image.status !== 'queued') throw conflict(`Image status transition from ${image.status} to saving is not allowed`);
    const dir = imagesDir(core);
    mkdirSync(dir, { recursive: true });
    const part = path.join(dir, `${image.id}.part`);
    const md5 = createHash('md5');
    const sha512 = createHash('sha512');
    let size = 0;
    let head = Buffer.alloc(0);
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        if (head.length < 32) head = Buffer.concat([head, chunk.subarray(0, 32 - head.length)]);
        md5.update(chunk);
        sha512.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    image.status = 'saving';
    image.updated_at = now();
    try {
      await pipeline(ctx.req, hasher, createWriteStream(part));
    } catch {
      rmSync(part, { force: true });
      image.status = 'queued';
      throw badRequest('Error in store configuration. Adding images to store is disabled.');
    }
    // The image may have been deleted while the data was arriving.
    if (!state().images.includes(image)) {
      rmSync(part, { force: true });
      throw conflict(`Image ${image.id} could not be found after upload. The image may have been deleted during the upload.`);
    }
    renameSync(part, path.join(dir, image.id));
    Object.assign(image, {
      status: 'active',
      size,
      virtual_size: virtualSize(image.disk_format, head, size),
      checksum: md5.digest('hex'),
      os_hash_algo: 'sha512',
      os_hash_value: sha512.digest('hex'),
      dataFile: image.id,
      updated_at: now(),
    });
    ctx.markDirty();
    return { status: 204, headers: { 'content-type': 'text/html; charset=UTF-8' } };
  });

  router.get('/v2/images/{image_id}/file', (ctx): Reply => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    const file = image.dataFile ? path.join(imagesDir(core), image.dataFile) : null;
    // A deactivated image's data stays readable by admins only (checked against Zed).
    if (image.status === 'deactivated' && !auth.isAdmin) throw forbidden('The requested image has been deactivated. Image data download is forbidden.');
    if (!file || !['active', 'deactivated'].includes(image.status)) return { status: 204 };
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new HttpError(503, `Image ${image.id} is not available: its data is missing from the store.`, { title: 'Service Unavailable' });
    }
    const headers: Record<string, string> = { 'content-length': String(size) };
    if (image.checksum) headers['content-md5'] = image.checksum;
    return { status: 200, stream: createReadStream(file), headers };
  });

  router.put('/v2/images/{image_id}/tags/{tag}', (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    mustOwn(image, auth);
    if (ctx.params.tag.length > 255) throw badRequest(`Provided object does not match schema 'image': '${ctx.params.tag}' is too long`);
    if (!image.tags.includes(ctx.params.tag)) image.tags.push(ctx.params.tag);
    image.updated_at = now();
    return { status: 204 };
  });

  router.delete('/v2/images/{image_id}/tags/{tag}', (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    mustOwn(image, auth);
    const i = image.tags.indexOf(ctx.params.tag);
    if (i < 0) throw notFound('The resource could not be found.');
    image.tags.splice(i, 1);
    image.updated_at = now();
    return { status: 204 };
  });

  // Deactivate/reactivate: the owner or an admin (Zed's legacy policy checks the image is mutable); other states 403.
  for (const [action, from, to] of [['deactivate', 'active', 'deactivated'], ['reactivate', 'deactivated', 'active']] as const) {
    router.post(`/v2/images/{image_id}/actions/${action}`, (ctx) => {
      const auth = ctx.authProject();
      const image = load(ctx, auth);
      mustOwn(image, auth);
      if (image.status !== from && image.status !== to) throw forbidden(`Not allowed to ${action} image in status '${image.status}'`);
      if (image.status === from) {
        image.status = to;
        image.updated_at = now();
        ctx.markDirty();
      }
      return { status: 204 };
    });
  }

  memberRoutes(core, router, load);
  importRoutes(core, router, load, mustOwn);
}

/** What Glance's format inspector reports: the qcow2 header's size, the byte size for raw, else null. */
function virtualSize(diskFormat: string | null, head: Buffer, size: number): number | null {
  if (diskFormat === 'raw') return size;
  if (diskFormat === 'qcow2' && head.length >= 32 && head.toString('latin1', 0, 4) === 'QFI\xfb') {
    const v = head.readBigUInt64BE(24);
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
  }
  return null;
}

/** Deletes an image record and its data file. */
export function removeImage(core: CloudCore, image: Image): void {
  const s = imageState(core);
  const i = s.images.indexOf(image);
  if (i >= 0) s.images.splice(i, 1);
  if (image.dataFile) rmSync(path.join(imagesDir(core), image.dataFile), { force: true });
  core.state.markDirty();
}

function renderMember(image: Image, m: Image['members'][number]) {
  return { ...m, image_id: image.id, schema: '/v2/schemas/member' };
}

function memberRoutes(
  core: CloudCore,
  router: Router,
  load: (ctx: RequestContext, auth: ProjectAuthInfo) => Image,
): void {
  const now = () => isoSeconds(core.clock.now());
  const findMember = (image: Image, memberId: string) => {
    const m = image.members.find((x) => x.member_id === memberId);
    if (!m) throw notFound(`Member ${memberId} not found`);
    return m;
  };

  router.get('/v2/images/{image_id}/members', (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    if (image.visibility !== 'shared') throw forbidden(`Only shared images have members.`);
    const own = auth.isAdmin || image.owner === auth.project.id;
    const members = image.members.filter((m) => own || m.member_id === auth.project.id);
    return json(200, { members: members.map((m) => renderMember(image, m)), schema: '/v2/schemas/members' });
  });
  router.post('/v2/images/{image_id}/members', async (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    if (!auth.isAdmin && image.owner !== auth.project.id) throw forbidden('You are not permitted to add members to this image.');
    const body = (await ctx.json()) as { member?: unknown };
    if (typeof body?.member !== 'string' || !body.member) throw badRequest('Member to be added not specified');
    if (image.visibility !== 'shared') throw forbidden(`Image ${image.id} could not be shared: its visibility is ${image.visibility}. Only shared images can have members.`);
    if (image.members.some((m) => m.member_id === body.member)) throw conflict(`Member ${body.member} already exists for image ${image.id}`);
    const t = now();
    const m = { member_id: body.member, status: 'pending' as MemberStatus, created_at: t, updated_at: t };
    image.members.push(m);
    return json(200, renderMember(image, m));
  });
  router.get('/v2/images/{image_id}/members/{member_id}', (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    return json(200, renderMember(image, findMember(image, ctx.params.member_id)));
  });
  router.put('/v2/images/{image_id}/members/{member_id}', async (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    const m = findMember(image, ctx.params.member_id);
    if (!auth.isAdmin && m.member_id !== auth.project.id) throw forbidden('You are not permitted to modify this membership.');
    const body = (await ctx.json()) as { status?: unknown };
    if (!['pending', 'accepted', 'rejected'].includes(String(body?.status))) throw badRequest(`Provided object does not match schema 'member': ${pyRepr(body?.status)} is not one of ['pending', 'accepted', 'rejected']`);
    m.status = body.status as MemberStatus;
    m.updated_at = now();
    return json(200, renderMember(image, m));
  });
  router.delete('/v2/images/{image_id}/members/{member_id}', (ctx) => {
    const auth = ctx.authProject();
    const image = load(ctx, auth);
    if (!auth.isAdmin && image.owner !== auth.project.id) throw forbidden('You are not permitted to remove members from this image.');
    const m = findMember(image, ctx.params.member_id);
    image.members.splice(image.members.indexOf(m), 1);
    return { status: 204 };
  });
}
