import { defineService } from '../../core/service';
import { registerModel } from './api';
import { networkRoutes } from './networks';
import type { NetworkState } from './model';
import { NetworkModel } from './network-model';
import { seedNetworkState } from './seed';
import { routerRoutes } from './routers';
import { securityRoutes } from './secgroups';

const DEFAULT_TYPES: Record<number, string> = {
  400: 'HTTPBadRequest', 403: 'HTTPForbidden', 404: 'HTTPNotFound', 405: 'HTTPMethodNotAllowed', 409: 'HTTPConflict', 413: 'HTTPRequestEntityTooLarge', 500: 'HTTPInternalServerError',
};

/** Neutron v2.0, mounted at /network (paths /v2.0/...), as DevStack lays it out. */
export const networkService = defineService({
  type: 'network',
  name: 'neutron',
  description: 'Neutron Service',
  prefix: '/network',
  endpointPath: '/network',
  errorBody: (err) => {
    // keystonemiddleware answers 401 before Neutron sees the request, in Keystone's format.
    if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
    const message = err.status === 405 ? 'The server could not comply with the request since it is either malformed or otherwise incorrect.' : err.message;
    return { NeutronError: { type: err.type ?? DEFAULT_TYPES[err.status] ?? 'NeutronException', message, detail: '' } };
  },
  malformedJsonMessage: 'Body contains invalid data',
  setup(core, router) {
    const state = core.state.slice<NetworkState>('network', () => seedNetworkState(core));
    const m = new NetworkModel(state, core);
    registerModel(core, m);
    const deps = { m };
    securityRoutes(router, deps);
    networkRoutes(router, deps);
    routerRoutes(router, deps);
  },
});
