// Designate v2 (DNS as a service), mounted at /dns: zones with their SOA/NS recordsets, recordsets,
// zone export/import tasks, PTR records for floating IPs and quotas. Zones and recordsets go
// PENDING -> ACTIVE lazily; every change bumps the zone serial.
import type { RequestContext } from '../../core/context';
import { defineService } from '../../core/service';
import { seedProjectId } from '../identity/seed';
import { designateErrorBody } from './errors';
import type { DnsDeps } from './lifecycle';
import { seedDns, type DnsState } from './model';
import { guarded } from './request';
import { reverseRoutes } from './reverse';
import { taskRoutes } from './tasks';
import { zoneRoutes } from './zones';

function versionDoc(ctx: RequestContext) {
  const links = [
    { href: `${ctx.serviceUrl}/v2`, rel: 'self' },
    { href: 'https://docs.openstack.org/api-ref/dns', rel: 'help' },
  ];
  return {
    versions: [
      { id: 'v2', links, status: 'SUPPORTED', updated: '2022-06-29T00:00:00Z' },
      { id: 'v2.0', links, status: 'CURRENT', updated: '2022-06-29T00:00:00Z' },
    ],
  };
}

export const dnsService = defineService({
  type: 'dns',
  name: 'designate',
  description: 'Designate DNS Service',
  prefix: '/dns',
  endpointPath: '/dns',
  errorBody: designateErrorBody,
  setup(core, router) {
    const s = core.state.slice<DnsState>('dns', () => seedDns(seedProjectId('demo'), core.clock.now()));
    const deps: DnsDeps = { core, s };
    const r = guarded(router);
    r.get('/', (ctx) => ({ status: 200, body: versionDoc(ctx) }));
    zoneRoutes(r, deps);
    taskRoutes(r, deps);
    reverseRoutes(r, deps);
  },
});
