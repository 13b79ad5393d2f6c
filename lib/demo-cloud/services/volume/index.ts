import type { RequestContext } from '../../core/context';
import { wsgiFaultBody } from '../../core/fault';
import { json } from '../../core/reply';
import { defineService, type ServiceDefinition } from '../../core/service';
import { MAX_MV, VolumeRouter } from './microversion';
import { volumeState } from './model';
import { backupRoutes } from './backups';
import { miscRoutes } from './misc';
import { qosRoutes } from './qos';
import { snapshotRoutes } from './snapshots';
import { transferRoutes } from './transfers';
import { typeRoutes } from './types';
import { volumeRoutes } from './volumes';

const versionsDoc = (ctx: RequestContext) => ({
  versions: [
    {
      id: 'v3.0',
      status: 'CURRENT',
      version: `3.${MAX_MV}`,
      min_version: '3.0',
      updated: '2022-08-31T00:00:00Z',
      links: [
        { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
        { rel: 'self', href: `${ctx.serviceUrl}/v3/` },
      ],
      'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
    },
  ],
});

function makeService(type: string, name: string): ServiceDefinition {
  return defineService({
    type,
    name,
    description: 'Cinder Volume Service V3',
    prefix: '/volume',
    endpointPath: '/volume/v3/{project_id}',
    errorBody: wsgiFaultBody,
    malformedJsonMessage: 'Malformed request body',
    validationMessage: (field, problem) => `Invalid input for field/attribute ${field}. ${problem}`,
    setup(core, router) {
      // Both catalog entries (volumev3, block-storage) share one mount point; the first registers the routes.
      if (type !== 'volumev3') return;
      volumeState(core);
      const r = new VolumeRouter(router);
      r.get('/', (ctx) => json(300, versionsDoc(ctx)), { noAuth: true });
      r.get('/v3', (ctx) => json(200, versionsDoc(ctx)), { noAuth: true });
      volumeRoutes(core, r);
      snapshotRoutes(core, r);
      miscRoutes(core, r);
      typeRoutes(core, r);
      backupRoutes(core, r);
      transferRoutes(core, r);
      qosRoutes(core, r);
    },
  });
}

/** Cinder v3 under its Zed catalog type. */
export const volumeService = makeService('volumev3', 'cinderv3');
/** The same endpoint under the newer service-types-authority name. */
export const blockStorageService = makeService('block-storage', 'cinder');
