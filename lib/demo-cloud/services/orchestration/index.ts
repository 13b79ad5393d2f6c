// Heat v1 (orchestration), mounted at /orchestration with the project id in the endpoint as real Heat has it
// (/v1/{project_id}). A HOT template engine (template/) drives resource plugins (plugins/) that create real
// demo-cloud servers, networks and volumes through the other services' HTTP APIs with the stack owner's
// token (engine/). Software configs/deployments, snapshots, abandon/adopt/export and CFN templates are
// not implemented.
import { defineService } from '../../core/service';
import { catalogRoutes } from './catalog';
import { kick } from './engine/runner';
import { heatErrorBody } from './errors';
import { heatState } from './model';
import { resourceRoutes } from './resources';
import { stackRoutes } from './stacks';

export const orchestrationService = defineService({
  type: 'orchestration',
  name: 'heat',
  description: 'Heat Orchestration Service',
  prefix: '/orchestration',
  endpointPath: '/orchestration/v1/{project_id}',
  errorBody: heatErrorBody,
  setup(core, router) {
    heatState(core);
    const versions = (href: string) => ({ versions: [{ id: 'v1.0', status: 'CURRENT', links: [{ rel: 'self', href }] }] });
    router.get('/', (ctx) => ({ status: 300, body: versions(`${ctx.serviceUrl}/v1/`) }));
    // Catalog routes first: /stacks/preview and /stacks/detail must win over /stacks/{stack_name}.
    catalogRoutes(router, core);
    stackRoutes(router, core);
    resourceRoutes(router, core);
    // Operations persisted by an earlier process are picked up (and fail: their tokens died with it).
    if (Object.values(heatState(core).stacks).some((s) => s.op)) kick(core);
  },
});
