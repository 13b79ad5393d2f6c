import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import type { Reply } from '../../core/reply';
import type { Handler, Router } from '../../core/router';
import type { Image } from './model';

// Glance's wire formats: the image document (extra properties at the top level) and webob's
// text/html error pages.

export function renderImage(image: Image): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    ...image.properties,
    name: image.name,
    disk_format: image.disk_format,
    container_format: image.container_format,
    visibility: image.visibility,
    size: image.size,
    virtual_size: image.virtual_size,
    status: image.status,
    checksum: image.checksum,
    protected: image.protected,
    min_ram: image.min_ram,
    min_disk: image.min_disk,
    owner: image.owner,
    os_hidden: image.os_hidden,
    os_hash_algo: image.os_hash_algo,
    os_hash_value: image.os_hash_value,
    id: image.id,
    created_at: image.created_at,
    updated_at: image.updated_at,
    tags: [...image.tags],
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
  };
  if (image.dataFile) doc.stores = 'file';
  return doc;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** webob's HTML error page, exactly as glance-api sends it. */
export function htmlError(err: HttpError): string {
  const title = `${err.status} ${err.title}`;
  return `<html>\n <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n  ${escapeHtml(err.message)}<br /><br />\n\n\n\n </body>\n</html>`;
}

/** webob picks the error format from Accept: JSON for API clients, the HTML page otherwise. */
export function errorReply(ctx: RequestContext, err: HttpError): Reply {
  const headers = { ...err.headers };
  if ((ctx.header('accept') ?? '').includes('application/json')) {
    const body = { message: `${err.message}<br /><br />\n\n\n`, code: `${err.status} ${err.title}`, title: err.title };
    return { status: err.status, body, headers };
  }
  return { status: err.status, raw: htmlError(err), contentType: 'text/html; charset=UTF-8', headers };
}

/** A view of the service's router whose handlers answer errors the way glance-api does. */
export function glanceRouter(router: Router): Router {
  const wrapped = Object.create(router) as Router;
  wrapped.add = (method: string | string[], pattern: string, handler: Handler) => {
    router.add(method, pattern, async (ctx) => {
      try {
        const reply = await handler(ctx);
        // glance-api's 204s to writes carry webob's default content type.
        if (reply.status === 204 && ctx.method !== 'GET' && !Object.keys(reply.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
          return { ...reply, headers: { ...reply.headers, 'content-type': 'text/html; charset=UTF-8' } };
        }
        return reply;
      } catch (err) {
        if (err instanceof HttpError) return errorReply(ctx, err);
        throw err;
      }
    });
    return wrapped;
  };
  return wrapped;
}
