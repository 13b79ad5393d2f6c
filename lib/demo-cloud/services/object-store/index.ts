// Swift v1 (object storage), mounted at /object-store with accounts at /v1/AUTH_{project_id}.
// Object bodies are streamed to files under core.options.dataDir (md5 computed on the way) and
// streamed back; metadata lives in the state. Errors are Swift's small HTML pages.
import { defineService } from '../../core/service';
import { swiftAccess } from './access';
import { accountRoutes } from './accounts';
import { swift, swiftPage } from './http';
import { LISTING_LIMIT } from './listing';
import type { ObjectStoreState } from './model';
import { objectRoutes } from './objects';

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
    const access = swiftAccess(core, s);
    router.get('/info', swift(() => ({ status: 200, raw: JSON.stringify(INFO), contentType: 'application/json; charset=UTF-8' })));
    accountRoutes(core, router, access);
    objectRoutes(core, router, access);
  },
});
