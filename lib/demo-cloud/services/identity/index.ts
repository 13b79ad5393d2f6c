import { defineService } from '../../core/service';
import { appCredentialRoutes } from './app-credentials';
import { assignmentRoutes } from './assignments';
import { authRoutes } from './auth-routes';
import { catalogRoutes } from './catalog-routes';
import { credentialRoutes } from './credentials';
import type { IdentityDeps } from './deps';
import { domainRoutes, roleRoutes } from './domains-roles';
import { groupRoutes } from './groups';
import { IdentityModel, type IdentityState } from './model';
import { projectRoutes } from './projects';
import { Receipts } from './receipts';
import { seedIdentity } from './seed';
import { Tokens } from './tokens';
import { userRoutes } from './users';
import { versionRoutes } from './version';

/** Keystone v3, mounted at /identity. It also resolves X-Auth-Token for every other service. */
export const identityService = defineService({
  type: 'identity',
  name: 'keystone',
  description: 'Keystone Identity Service',
  prefix: '/identity',
  endpointPath: '/identity/v3',
  errorBody: (err) => ({ error: { code: err.status, title: err.title, message: err.message } }),
  malformedJsonMessage:
    'Expecting to find valid JSON in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
  // Keystone names itself in WWW-Authenticate on every 401.
  responseHeaders: (err, baseUrl) => ({
    Vary: 'X-Auth-Token',
    ...(err?.status === 401 ? { 'WWW-Authenticate': `Keystone uri="${baseUrl}/identity/v3"` } : {}),
  }),
  setup(core, router) {
    const state = core.state.slice<IdentityState>('identity', () => seedIdentity(core.options.seedProjects));
    const m = new IdentityModel(state);
    const receipts = new Receipts(m, core);
    const tokens = new Tokens(m, core, receipts);
    core.setTokenResolver((raw) => {
      const t = tokens.lookup(raw);
      return t ? tokens.authInfo(t) : null;
    });
    const deps: IdentityDeps = { core, m, tokens, receipts };
    versionRoutes(router);
    authRoutes(router, deps);
    projectRoutes(router, deps);
    userRoutes(router, deps);
    domainRoutes(router, deps);
    roleRoutes(router, deps);
    groupRoutes(router, deps);
    assignmentRoutes(router, deps);
    appCredentialRoutes(router, deps);
    credentialRoutes(router, deps);
    catalogRoutes(router, deps);
  },
});
