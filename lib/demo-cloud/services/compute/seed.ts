import type { CloudCore } from '../../core/cloud';
import { isoDb, isoZ } from './common';
import { failureFixtures } from '../../core/failures';
import { stableUuid } from '../../core/ids';
import * as x from './deps';
import { seedFlavors } from './flavors';
import { HOST, type ComputeState, type Server } from './model';
import { newServerRecord, reservationId } from './build';
import { seedProjectId, seedUserId } from '../identity/seed';

export function emptyComputeState(core: CloudCore): ComputeState {
  return { servers: {}, flavors: seedFlavors(failureFixtures(core)), keypairs: {}, serverGroups: {}, quotas: {}, seq: { instance: 0, keypair: 0, flavor: 0 } };
}

/** The demo project's image for seeded servers: cirros when the image service has it. */
function seedImageId(core: CloudCore, projectId: string): string {
  for (const id of [stableUuid('image', 'cirros'), 'cirros']) {
    try {
      const img = x.findImage(core, id);
      if (img && x.imageVisibleTo(core, img, projectId, false)) return img.id;
    } catch {
      /* image service absent */
    }
  }
  return stableUuid('image', 'cirros');
}

function settledServer(core: CloudCore, s: ComputeState, name: string, vm: 'active' | 'stopped', projectId: string, userId: string, imageId: string, flavorId: string, index: number): Server {
  const srv = newServerRecord(core, s, {
    name, projectId, userId, flavor: s.flavors[flavorId], imageId, keyName: null, metadata: {}, description: null, userData: null,
    securityGroups: ['default'], reservationId: reservationId(), launchIndex: 0, availabilityZone: 'nova',
  }, stableUuid('server', projectId, name, String(index)));
  const t = core.clock.now() - 3600_000 + index;
  Object.assign(srv, {
    vm_state: vm, task_state: null, power_state: vm === 'active' ? 1 : 4, host: HOST, created: isoZ(t), updated: isoZ(t + 9000), launched_at: isoDb(t + 8000),
  });
  srv.actions.push({
    action: 'create', request_id: `req-${stableUuid('req', srv.id)}`, user_id: userId, project_id: projectId, start_time: isoDb(t), updated_at: isoDb(t + 8000), message: null,
    events: [{ event: 'compute__do_build_and_run_instance', start_time: isoDb(t), finish_time: isoDb(t + 8000), result: 'Success', traceback: null }],
  });
  return srv;
}

/** Flavors, web-1/web-2 (ACTIVE) and db-1 (SHUTOFF) on demo's private network, plus --seed-servers N. */
export function seedCompute(core: CloudCore): ComputeState {
  const s = emptyComputeState(core);
  const demo = seedProjectId('demo');
  const user = seedUserId('demo');
  const image = seedImageId(core, demo);
  let network: { id: string } | undefined;
  try {
    network = x.findNetwork(core, 'private', demo);
  } catch {
    network = undefined;
  }
  const base: Array<[string, 'active' | 'stopped', string]> = [['web-1', 'active', '2'], ['web-2', 'active', '2'], ['db-1', 'stopped', '3']];
  base.forEach(([name, vm, flavor], i) => {
    const srv = settledServer(core, s, name, vm, demo, user, image, flavor, i);
    if (network) {
      try {
        x.allocateServerPort(core, { projectId: demo, serverId: srv.id, networkId: network.id, securityGroups: ['default'] });
        srv.has_ports = true;
      } catch {
        srv.has_ports = false;
      }
    }
    s.servers[srv.id] = srv;
  });
  const extra = core.options.seedServers;
  if (extra > 0) {
    // Many servers, fast: no ports (a /24 could not hold them), created an hour ago, all ACTIVE.
    const width = Math.max(String(extra).length, 5);
    for (let i = 1; i <= extra; i++) {
      const srv = settledServer(core, s, `scale-${String(i).padStart(width, '0')}`, 'active', demo, user, image, '1', 10 + i);
      s.servers[srv.id] = srv;
    }
    s.quotas[demo] = { instances: extra + 50, cores: extra + 100, ram: (extra + 100) * 512 + 51200 };
  }
  return s;
}
