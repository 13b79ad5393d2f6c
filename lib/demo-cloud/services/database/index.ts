// Trove v1.0 (database as a service), mounted at /database with the project in the path as real Trove
// registers it (/database/v1.0/{project_id}): datastores, flavors (Nova's), instances whose server,
// volume and port live in the service project, databases and users, root, guest logs,
// backups, configuration groups, quotas and limits.
import type { RequestContext } from '../../core/context';
import { json } from '../../core/reply';
import { defineService } from '../../core/service';
import { actionRoutes } from './actions';
import { backupRoutes } from './backups';
import { configurationRoutes } from './configurations';
import { datastoreRoutes, flavorRoutes } from './datastores';
import { troveErrorBody } from './errors';
import { guestRoutes } from './guest';
import { instanceRoutes } from './instances';
import { logRoutes } from './logs';
import { databaseState } from './model';
import { quotaRoutes } from './quotas';
import type { TroveDeps } from './request';

const versions = (ctx: RequestContext) => ({
  versions: [{ id: 'v1.0', status: 'CURRENT', updated: '2012-08-01T00:00:00Z', links: [{ rel: 'self', href: `${ctx.serviceUrl}/v1.0/` }] }],
});

export const databaseService = defineService({
  type: 'database',
  name: 'trove',
  description: 'Trove Database Service',
  prefix: '/database',
  endpointPath: '/database/v1.0/{project_id}',
  errorBody: (e) => (e.status === 401 ? { error: { code: 401, title: 'Unauthorized', message: e.message } } : troveErrorBody(e)),
  malformedJsonMessage: 'Malformed request body',
  setup(core, router) {
    const deps: TroveDeps = { core, s: databaseState(core) };
    router.get('/', (ctx) => json(200, versions(ctx)));
    datastoreRoutes(router, deps);
    flavorRoutes(router, deps);
    instanceRoutes(router, deps);
    actionRoutes(router, deps);
    guestRoutes(router, deps);
    logRoutes(router, deps);
    backupRoutes(router, deps);
    configurationRoutes(router, deps);
    quotaRoutes(router, deps);
  },
});
