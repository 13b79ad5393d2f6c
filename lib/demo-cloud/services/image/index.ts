import type { RequestContext } from '../../core/context';
import { json } from '../../core/reply';
import { defineService } from '../../core/service';
import { imageRoutes } from './images';
import { IMPORT_METHODS } from './import';
import { imageState } from './model';
import { glanceRouter, htmlError } from './render';
import imageSchema from './schema-image.json';
import imagesSchema from './schema-images.json';

const VERSIONS = Array.from({ length: 17 }, (_, i) => 16 - i).map((minor) => ({
  id: `v2.${minor}`,
  status: minor === 16 ? 'CURRENT' : 'SUPPORTED',
}));

const versionsDoc = (ctx: RequestContext) => ({
  versions: VERSIONS.map((v) => ({ ...v, links: [{ rel: 'self', href: `${ctx.serviceUrl}/v2/` }] })),
});

/** Glance v2, mounted at /image (DevStack's layout). Errors are webob text/html pages. */
export const imageService = defineService({
  type: 'image',
  name: 'glance',
  description: 'Glance Image Service',
  prefix: '/image',
  endpointPath: '/image',
  errorBody: (err) => htmlError(err),
  malformedJsonMessage: 'Malformed JSON in request body.',
  setup(core, baseRouter) {
    const router = glanceRouter(baseRouter);
    imageState(core); // seed at start-up (writes the seed images' data files)
    router.get('/', (ctx) => json(300, versionsDoc(ctx)));
    router.get('/versions', (ctx) => json(200, versionsDoc(ctx)));
    router.get('/v2/schemas/image', (ctx) => (ctx.auth(), json(200, imageSchema)));
    router.get('/v2/schemas/images', (ctx) => (ctx.auth(), json(200, imagesSchema)));
    router.get('/v2/info/import', (ctx) => {
      ctx.auth();
      // Glance's default enabled_import_methods. web-download is emulated (import.ts); glance-direct is listed, as
      // Glance lists it, but staging is not.
      return json(200, { 'import-methods': { description: 'Import methods available.', type: 'array', value: IMPORT_METHODS } });
    });
    router.get('/v2/info/stores', (ctx) => (ctx.auth(), json(200, { stores: [{ id: 'file', default: 'true' }] })));
    imageRoutes(core, router);
  },
});
