import { forbidden } from '../../core/errors';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { invalidInput, isoZ, novaBadRequest, novaConflict, novaNotFound, objectBody, pyRepr, type ComputeDeps } from './common';
import { novaRoute, type NovaRequest } from './microversion';
import type { Server } from './model';
import { checkLock, checkState, quotaOf, requestServer } from './ops';

// /servers/{id}/metadata and /servers/{id}/tags (2.26+), as Zed's server_metadata.py and
// server_tags.py answer them: metadata needs a settled state and an unlocked server (for non-admins),
// tags only a settled vm_state; a tag is 1-60 characters without ',' or '/', 50 per server.

const META_KEY = /^[a-zA-Z0-9-_:. ]{1,255}$/;
const SETTLED = ['active', 'paused', 'suspended', 'stopped'];
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 60;

export function serverMetaRoutes(router: Router, { core, s }: ComputeDeps): void {
  const getServer = (r: NovaRequest): Server => requestServer(core, s, r.ctx);

  /** The body's `key` object, validated as Nova's metadata schema does. */
  const metadataOf = (body: Record<string, unknown>, key: 'metadata' | 'meta'): Record<string, string> => {
    const m = body[key];
    if (m === undefined) throw novaBadRequest(`'${key}' is a required property`);
    if (!m || typeof m !== 'object' || Array.isArray(m)) throw invalidInput(key, m, `${pyRepr(m)} is not of type 'object'`);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
      if (!META_KEY.test(k)) throw invalidInput(key, m, `'${k}' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'`);
      if (typeof v !== 'string') throw invalidInput(k, v, `${pyRepr(v)} is not of type 'string'`);
      if (v.length > 255) throw invalidInput(k, v, `'${v}' is too long`);
      out[k] = v;
    }
    return out;
  };

  /** compute_api.update_instance_metadata: lock, state, the metadata_items quota. */
  const writeMetadata = (r: NovaRequest, srv: Server, next: Record<string, string>, method = 'update metadata') => {
    checkLock(srv, r.ctx.authProject().isAdmin);
    checkState(srv, method, SETTLED);
    const max = quotaOf(s, srv.project_id).metadata_items;
    if (max >= 0 && Object.keys(next).length > max) throw forbidden(`Maximum number of metadata items exceeds ${max}`);
    srv.metadata = next;
    srv.updated = isoZ(core.clock.now());
    core.state.markDirty();
  };

  novaRoute(router, 'GET', '/servers/{server_id}/metadata', (r) => json(200, { metadata: { ...getServer(r).metadata } }));
  novaRoute(router, 'POST', '/servers/{server_id}/metadata', async (r) => {
    const srv = getServer(r);
    const meta = metadataOf(await objectBody(r.ctx), 'metadata');
    writeMetadata(r, srv, { ...srv.metadata, ...meta });
    return json(200, { metadata: { ...srv.metadata } });
  });
  novaRoute(router, 'PUT', '/servers/{server_id}/metadata', async (r) => {
    const srv = getServer(r);
    const meta = metadataOf(await objectBody(r.ctx), 'metadata');
    writeMetadata(r, srv, meta);
    return json(200, { metadata: { ...srv.metadata } });
  });
  novaRoute(router, 'GET', '/servers/{server_id}/metadata/{key}', (r) => {
    const srv = getServer(r);
    const key = r.ctx.params.key;
    if (!(key in srv.metadata)) throw novaNotFound('Metadata item was not found');
    return json(200, { meta: { [key]: srv.metadata[key] } });
  });
  novaRoute(router, 'PUT', '/servers/{server_id}/metadata/{key}', async (r) => {
    const srv = getServer(r);
    const meta = metadataOf(await objectBody(r.ctx), 'meta');
    if (Object.keys(meta).length > 1) throw invalidInput('meta', meta, `${pyRepr(meta)} has too many properties`);
    if (!(r.ctx.params.key in meta)) throw novaBadRequest('Request body and URI mismatch');
    writeMetadata(r, srv, { ...srv.metadata, ...meta });
    return json(200, { meta });
  });
  novaRoute(router, 'DELETE', '/servers/{server_id}/metadata/{key}', (r) => {
    const srv = getServer(r);
    const key = r.ctx.params.key;
    if (!(key in srv.metadata)) throw novaNotFound('Metadata item was not found');
    const next = { ...srv.metadata };
    delete next[key];
    writeMetadata(r, srv, next, 'delete metadata');
    return { status: 204 };
  });

  // Tags.
  const tagged = (r: NovaRequest): Server => {
    if (r.v.lt('2.26')) throw novaNotFound('The resource could not be found.');
    return getServer(r);
  };
  /** Tags change only in a settled vm_state (the task state does not matter). */
  const settled = (srv: Server, method: string) => {
    if (!SETTLED.includes(srv.vm_state)) throw novaConflict(`Cannot '${method}' instance ${srv.id} while it is in vm_state ${srv.vm_state}`);
  };
  const badTag = (tag: string) => {
    if (tag.length === 0) return `'' is too short`;
    if (tag.length > MAX_TAG_LENGTH) return `'${tag}' is too long`;
    if (/[,/]/.test(tag)) return `'${tag}' does not match '^[^,/]*$'`;
    return null;
  };
  const touch = (srv: Server) => {
    srv.updated = isoZ(core.clock.now());
    core.state.markDirty();
  };

  novaRoute(router, 'GET', '/servers/{server_id}/tags', (r) => json(200, { tags: [...tagged(r).tags] }));
  novaRoute(router, 'PUT', '/servers/{server_id}/tags', async (r) => {
    const srv = tagged(r);
    const body = await objectBody(r.ctx);
    if (!Array.isArray(body.tags)) throw invalidInput('tags', body.tags, body.tags === undefined ? "'tags' is a required property" : `${pyRepr(body.tags)} is not of type 'array'`);
    if (body.tags.length > MAX_TAGS) throw invalidInput('tags', body.tags, `${pyRepr(body.tags)} is too long`);
    body.tags.forEach((tag: unknown, i: number) => {
      if (typeof tag !== 'string') throw invalidInput(String(i), tag, `${pyRepr(tag)} is not of type 'string'`);
      const why = badTag(tag);
      if (why) throw invalidInput(String(i), tag, why);
    });
    settled(srv, 'update tags');
    srv.tags = [...new Set(body.tags as string[])].sort();
    touch(srv);
    return json(200, { tags: [...srv.tags] });
  });
  novaRoute(router, 'DELETE', '/servers/{server_id}/tags', (r) => {
    const srv = tagged(r);
    settled(srv, 'delete tags');
    srv.tags = [];
    touch(srv);
    return { status: 204 };
  });
  novaRoute(router, 'GET', '/servers/{server_id}/tags/{tag}', (r) => {
    const srv = tagged(r);
    const tag = r.ctx.params.tag;
    if (!srv.tags.includes(tag)) throw novaNotFound(`Server ${srv.id} has no tag '${tag}'`);
    return { status: 204 };
  });
  novaRoute(router, 'PUT', '/servers/{server_id}/tags/{tag}', (r) => {
    const srv = tagged(r);
    const tag = r.ctx.params.tag;
    settled(srv, 'update tag');
    const why = badTag(tag);
    if (why) throw novaBadRequest(`Tag '${tag}' is invalid. It must be a non empty string without characters '/' and ','. Validation error message: ${why}`);
    if (srv.tags.length >= MAX_TAGS) throw novaBadRequest(`The number of tags exceeded the per-server limit ${MAX_TAGS}`);
    if (srv.tags.includes(tag)) return { status: 204 };
    srv.tags = [...srv.tags, tag].sort();
    touch(srv);
    return { status: 201, headers: { Location: `${r.ctx.serviceUrl}/v2.1/servers/${srv.id}/tags/${encodeURIComponent(tag)}` } };
  });
  novaRoute(router, 'DELETE', '/servers/{server_id}/tags/{tag}', (r) => {
    const srv = tagged(r);
    const tag = r.ctx.params.tag;
    settled(srv, 'delete tag');
    if (!srv.tags.includes(tag)) throw novaNotFound(`Instance ${srv.id} has no tag '${tag}'`);
    srv.tags = srv.tags.filter((t) => t !== tag);
    touch(srv);
    return { status: 204 };
  });
}
