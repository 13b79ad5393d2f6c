import { defineService } from '../../core/service';
import { actionRoutes } from './actions';
import type { ComputeDeps } from './common';
import { flavorRoutes } from './flavors';
import { hypervisorRoutes } from './hypervisors';
import { interfaceRoutes } from './interfaces';
import { keypairRoutes } from './keypairs';
import { miscRoutes } from './misc';
import type { ComputeState } from './model';
import { seedCompute } from './seed';
import { serverMetaRoutes } from './server-meta';
import { serverRoutes } from './servers';
import { usageRoutes } from './usage';
import { versionRoutes } from './versions';
import { faultBody } from '../../core/fault';

/** Nova v2.1 at /compute (catalog endpoint /compute/v2.1), as DevStack lays it out. */
export const computeService = defineService({
  type: 'compute',
  name: 'nova',
  description: 'Nova Compute Service',
  prefix: '/compute',
  endpointPath: '/compute/v2.1',
  errorBody: faultBody({ typed: true }),
  malformedJsonMessage: 'Malformed request body',
  validationMessage: (field, problem) => `Invalid input for field/attribute ${field}. ${problem}`,
  setup(core, router) {
    const s = core.state.slice<ComputeState>('compute', () => seedCompute(core));
    const deps: ComputeDeps = { core, s };
    versionRoutes(router);
    serverRoutes(router, deps);
    actionRoutes(router, deps);
    serverMetaRoutes(router, deps);
    interfaceRoutes(router, deps);
    flavorRoutes(router, deps);
    keypairRoutes(router, deps);
    miscRoutes(router, deps);
    hypervisorRoutes(router, deps);
    usageRoutes(router, deps);
  },
});
