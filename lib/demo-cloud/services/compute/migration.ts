import { argObject, BOOL_CHOICES, novaBool, runTask, type ActionArgs, type ActionTable } from './action-kit';
import { invalidInput, novaBadRequest, novaNotFound, policyDenied } from './common';
import { hostExists, hostState, pickHost } from './hosts';
import { checkLock, checkState } from './ops';

// Admin moves between the fake hypervisors, as Zed's default policy and compute API allow them:
// cold migrate (RESIZE -> VERIFY_RESIZE, then confirmResize/revertResize), live migration
// (MIGRATING) and evacuate (REBUILD, only off a host whose nova-compute is down). With no other
// host that passes the filters, Nova accepts the request (202) and the conductor's NoValidHost
// puts the server back as it was, with the migration in status error; so does this (a live
// migration below 2.34 is synchronous and answers 400 instead).

export const migrationActions: ActionTable = ({ core, s }) => {
  const admin = ({ auth }: ActionArgs, rule: string) => {
    if (!auth.isAdmin) throw policyDenied(rule);
  };
  /** A named target host must exist and be a compute host (400 for migrations, as Nova). */
  const knownHost = (host: string) => {
    if (!hostExists(host)) throw novaBadRequest(`Compute host ${host} could not be found.`);
  };

  return {
    migrate: (a) => {
      admin(a, 'os_compute_api:os-migrate-server:migrate');
      const { r, srv, auth, arg } = a;
      const body = r.v.ge('2.56') ? argObject('migrate', arg, ['host']) : {};
      const wanted = typeof body.host === 'string' ? body.host : null;
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'migrate', ['active', 'stopped']);
      if (wanted) {
        knownHost(wanted);
        if (wanted === srv.host) throw novaBadRequest('Cannot migrate to the host where the server exists.');
      }
      const from = srv.vm_state;
      const target = wanted ?? pickHost(core, s, srv, [srv.host]);
      if (!target || hostState(s, target).forced_down) {
        runTask(core, a, 'migrate', 'conductor_migrate_server', 'resize_prep', [[1.5, {}]], 'Error');
        return { status: 202 };
      }
      srv.migration_source_host = srv.host;
      srv.resize_from_state = from;
      srv.old_flavor = srv.flavor;
      runTask(core, a, 'migrate', 'compute_finish_resize', 'resize_prep', [
        [1, { task_state: 'resize_migrating' }],
        [1, { task_state: 'resize_migrated', host: target }],
        [1, { task_state: 'resize_finish' }],
        [1, { vm_state: 'resized', power_state: from === 'stopped' ? 4 : 1 }],
      ]);
      return { status: 202 };
    },

    'os-migrateLive': (a) => {
      admin(a, 'os_compute_api:os-migrate-server:migrate_live');
      const { r, srv, auth, arg } = a;
      const keys = r.v.lt('2.25') ? ['host', 'block_migration', 'disk_over_commit'] : r.v.lt('2.30') || r.v.ge('2.68') ? ['host', 'block_migration'] : ['host', 'block_migration', 'force'];
      if (arg === null || typeof arg !== 'object') throw invalidInput('os-migrateLive', arg, `${String(arg)} is not of type 'object'`);
      const body = argObject('os-migrateLive', arg, keys);
      for (const k of keys.filter((k) => k !== 'force')) {
        if (!(k in body)) throw invalidInput('os-migrateLive', body, `'${k}' is a required property`);
      }
      const bm = body.block_migration;
      if (!(r.v.ge('2.25') && bm === 'auto') && novaBool(bm) === undefined) {
        throw invalidInput('block_migration', bm, `${typeof bm === 'string' ? `'${bm}'` : String(bm)} is not one of ${r.v.ge('2.25') ? BOOL_CHOICES.replace(/\]$/, ", 'auto']") : BOOL_CHOICES}`);
      }
      const host = body.host === null || body.host === undefined ? null : String(body.host);
      if (body.force !== undefined && novaBool(body.force) === true && !host) throw novaBadRequest("Can't force to a non-provided destination");
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'os-migrateLive', ['active', 'paused']);
      if (host) knownHost(host);
      // The target is checked in the conductor, after the 202: the same host, a host that is down
      // or no host at all fails the migration and leaves the server where it was.
      const target = host ?? pickHost(core, s, srv, [srv.host]);
      const ok = !!target && target !== srv.host && !hostState(s, target).forced_down;
      // Before 2.34 the API waits for the conductor's checks, so their failure is the answer (400).
      if (!ok && r.v.lt('2.34')) {
        if (!target) throw novaBadRequest('No valid host was found. There are not enough hosts available.');
        if (target === srv.host) throw novaBadRequest(`Unable to migrate instance (${srv.id}) to current host (${target}).`);
        throw novaBadRequest(`Compute service of ${target} is unavailable at this time.`);
      }
      runTask(core, a, 'live-migration', 'compute_live_migration', 'migrating', [[ok ? 3 : 1.5, ok ? { host: target } : {}]], ok ? 'Success' : 'Error');
      return { status: 202 };
    },

    evacuate: (a) => {
      admin(a, 'os_compute_api:os-evacuate');
      const { r, srv, arg } = a;
      const keys = r.v.lt('2.14') ? ['host', 'onSharedStorage', 'adminPass'] : r.v.lt('2.29') || r.v.ge('2.68') ? ['host', 'adminPass'] : ['host', 'adminPass', 'force'];
      if (arg === null || typeof arg !== 'object') throw invalidInput('evacuate', arg, `${String(arg)} is not of type 'object'`);
      const body = argObject('evacuate', arg, keys);
      const host = typeof body.host === 'string' ? body.host : null;
      if (body.force !== undefined && novaBool(body.force) === true && !host) throw novaBadRequest("Can't force to a non-provided destination");
      if (host !== null && !hostExists(host)) throw novaNotFound(`Compute host ${host} not found.`);
      if (host !== null && host === srv.host) throw novaBadRequest("The target host can't be the same one.");
      checkState(srv, 'evacuate', ['active', 'stopped', 'error']);
      // Evacuation rebuilds the server elsewhere, so its own host must be down (forced down here).
      if (!hostState(s, srv.host).forced_down) throw novaBadRequest(`Compute service of ${srv.host} is still in use.`);
      const back = srv.vm_state === 'stopped' ? 'stopped' : 'active';
      const target = host ?? pickHost(core, s, srv, [srv.host]);
      if (!target) {
        runTask(core, a, 'evacuate', 'conductor_rebuild_server', 'rebuilding', [[1.5, { vm_state: 'error' }]], 'Error');
      } else {
        runTask(core, a, 'evacuate', 'compute_rebuild_instance', 'rebuilding', [
          [1, { task_state: 'rebuild_spawning', host: target }],
          [1.5, { vm_state: back, power_state: back === 'stopped' ? 4 : 1, fault: null }],
        ]);
      }
      return { status: 200 };
    },
  };
};
