// Octavia v2 (load balancing), mounted at /load-balancer: load balancers with a real VIP port in the demo
// Neutron, listeners (TLS from Barbican), pools, members, health monitors, L7 policies and rules, quotas,
// providers, flavors, availability zones and amphorae. Paths live under /v2/lbaas and /v2/octavia (also
// /v2.0, which the CLI uses); the version list is at the root, without authentication, as in Octavia.
import type { RequestContext } from '../../core/context';
import { defineService } from '../../core/service';
import { catalogRoutes } from './catalog';
import { octaviaErrorBody } from './errors';
import { l7Routes } from './l7';
import { listenerRoutes } from './listeners';
import { loadBalancerRoutes } from './loadbalancers';
import { memberRoutes } from './members';
import { seedLoadBalancer, type LbState } from './model';
import { monitorRoutes } from './monitors';
import { poolRoutes } from './pools';
import { quotaRoutes } from './quotas';
import { mounter, type LbDeps } from './request';

/** Microversions 2.0-2.26 (Zed), all served at /v2. */
const VERSIONS: Array<[string, string]> = [
  ['2016-12-11', '2.0'], ['2018-04-20', '2.1'], ['2018-07-31', '2.2'], ['2018-12-18', '2.3'], ['2018-12-19', '2.4'], ['2019-01-21', '2.5'],
  ['2019-01-25', '2.6'], ['2018-01-25T12', '2.7'], ['2019-02-12', '2.8'], ['2019-03-04', '2.9'], ['2019-03-05', '2.10'], ['2019-06-24', '2.11'],
  ['2019-09-11', '2.12'], ['2019-09-13', '2.13'], ['2019-11-10', '2.14'], ['2020-03-10', '2.15'], ['2020-03-15', '2.16'], ['2020-04-29', '2.17'],
  ['2020-04-29T01', '2.18'], ['2020-05-12', '2.19'], ['2020-08-02', '2.20'], ['2020-09-03', '2.21'], ['2020-09-04', '2.22'], ['2020-09-07', '2.23'],
  ['2020-10-15', '2.24'], ['2021-10-02', '2.25'], ['2022-08-29', '2.26'],
];

function versionList(ctx: RequestContext) {
  const stamp = (d: string) => (d.includes('T') ? `${d}:00:00Z` : `${d}T00:00:00Z`);
  return {
    versions: VERSIONS.map(([date, v], i) => ({
      id: `v${v}`, status: i === VERSIONS.length - 1 ? 'CURRENT' : 'SUPPORTED', updated: stamp(date), links: [{ href: `${ctx.serviceUrl}/v2`, rel: 'self' }],
    })),
  };
}

export const loadBalancerService = defineService({
  type: 'load-balancer',
  name: 'octavia',
  description: 'Octavia Load Balancing Service',
  prefix: '/load-balancer',
  endpointPath: '/load-balancer',
  errorBody: octaviaErrorBody,
  malformedJsonMessage: 'Request is not in valid JSON format',
  setup(core, router) {
    const s = core.state.slice<LbState>('load-balancer', seedLoadBalancer);
    const deps: LbDeps = { core, s };
    router.get('/', (ctx) => ({ status: 200, body: versionList(ctx) }));
    const at = mounter(router, deps);
    for (const path of ['', '/lbaas', '/octavia']) at('GET', path, () => ({ status: 200, body: 'v2' }));
    loadBalancerRoutes(at, deps);
    listenerRoutes(at, deps);
    poolRoutes(at, deps);
    memberRoutes(at, deps);
    monitorRoutes(at, deps);
    l7Routes(at, deps);
    quotaRoutes(at, deps);
    catalogRoutes(at, deps);
  },
});
