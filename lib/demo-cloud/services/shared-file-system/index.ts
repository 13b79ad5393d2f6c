// Manila v2 (shared file systems, catalog type `sharev2`), mounted at /shared-file-system: shares with a
// generic DHSS=False backend shaped like upstream's dummy driver, access rules, snapshots and revert, share
// types, share networks, security services, availability zones, quotas, limits and user messages.
// Microversions 2.0-2.73 (Zed) through `X-OpenStack-Manila-API-Version`.
import type { RequestContext } from '../../core/context';
import { wsgiFaultBody } from '../../core/fault';
import { json } from '../../core/reply';
import { defineService } from '../../core/service';
import { accessRuleRoutes } from './access';
import { actionRoutes } from './actions';
import { messageRoutes } from './messages';
import { MAX_MV, ManilaRouter } from './microversion';
import { manilaState, settleAll } from './model';
import { networkAndSecurityRoutes } from './networks';
import { quotaRoutes } from './quotas';
import { azView } from './render';
import { shareRoutes } from './shares';
import { snapshotRoutes } from './snapshots';
import { typeRoutes } from './types';

const version = (ctx: RequestContext, major: 1 | 2) => ({
  id: `v${major}.0`,
  status: major === 2 ? 'CURRENT' : 'DEPRECATED',
  version: major === 2 ? `2.${MAX_MV}` : '',
  min_version: major === 2 ? '2.0' : '',
  updated: '2015-08-27T11:33:21Z',
  links: [
    { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' },
    { rel: 'self', href: `${ctx.serviceUrl}/v${major}/` },
  ],
  'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.share+json;version=1' }],
});

export const sharedFileSystemService = defineService({
  type: 'sharev2',
  name: 'manilav2',
  description: 'Manila Shared File System Service V2',
  prefix: '/shared-file-system',
  endpointPath: '/shared-file-system/v2/{project_id}',
  errorBody: wsgiFaultBody,
  malformedJsonMessage: 'Malformed request body',
  setup(core, router) {
    const s = manilaState(core);
    const r = new ManilaRouter(router, () => settleAll(core));
    r.open('/', (ctx) => ({ status: 300, body: { versions: [version(ctx, 1), version(ctx, 2)] } }));
    r.open('/v2', (ctx) => json(200, { versions: [version(ctx, 2)] }));
    r.open('/v1', (ctx) => json(200, { versions: [version(ctx, 1)] }), true);
    shareRoutes(core, r, s);
    actionRoutes(core, r, s);
    accessRuleRoutes(r, s);
    snapshotRoutes(core, r, s);
    typeRoutes(r, s);
    networkAndSecurityRoutes(core, r, s);
    quotaRoutes(r, s);
    r.get('/availability-zones', () => json(200, { availability_zones: [azView()] }));
    r.get('/os-availability-zone', () => json(200, { availability_zones: [azView()] }));
    messageRoutes(core, r, s);
  },
});
