import { json } from '../../core/reply';
import { argObject, novaBoolField, runTask, type ActionTable } from './action-kit';
import { invalidInput, isoDb, isoZ, novaBadRequest, novaConflict, policyDenied } from './common';
import * as x from './deps';
import { pickHost, hostExists } from './hosts';
import { AZ, type Server } from './model';
import { adminPass, checkLock, checkState } from './ops';
import { renderServer } from './render';

// Rebuild, rescue/unrescue and shelve/shelve-offload/unshelve, with Zed's states, texts and policy
// (nova/compute/api.py and nova/api/openstack/compute/{servers,rescue,shelve}.py).

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export const lifecycleActions: ActionTable = ({ core, s }) => {
  /** The image a rebuild or rescue names: a UUID the project can see. */
  const visibleImage = (id: string, projectId: string, isAdmin: boolean) => {
    const image = x.findImage(core, id);
    return image && x.imageVisibleTo(core, image, projectId, isAdmin) ? image : undefined;
  };
  const powerAfter = (vm: string) => (vm === 'stopped' ? 4 : 1);

  return {
    rebuild: ({ r, srv, auth, arg }) => {
      const allowed = ['name', 'imageRef', 'adminPass', 'metadata', 'preserve_ephemeral', 'OS-DCF:diskConfig', 'accessIPv4', 'accessIPv6',
        ...(r.v.lt('2.57') ? ['personality'] : []), ...(r.v.ge('2.19') ? ['description'] : []), ...(r.v.ge('2.54') ? ['key_name'] : []),
        ...(r.v.ge('2.57') ? ['user_data'] : []), ...(r.v.ge('2.63') ? ['trusted_image_certificates'] : []), ...(r.v.ge('2.90') ? ['hostname'] : [])];
      if (arg === null || typeof arg !== 'object') throw invalidInput('rebuild', arg, `${String(arg)} is not of type 'object'`);
      const a = argObject('rebuild', arg, allowed);
      if (a.imageRef === undefined) throw invalidInput('rebuild', a, "'imageRef' is a required property");
      const imageRef = String(a.imageRef);
      if (!UUID.test(imageRef)) throw invalidInput('imageRef', imageRef, `'${imageRef}' is not a 'uuid'`);
      if (a.name !== undefined && (typeof a.name !== 'string' || !a.name.trim() || a.name.length > 255)) throw invalidInput('name', a.name, `'${String(a.name)}' does not match`);
      let preserve = false;
      if (a.preserve_ephemeral !== undefined) preserve = novaBoolField('preserve_ephemeral', a.preserve_ephemeral);
      let metadata: Record<string, string> | undefined;
      if (a.metadata !== undefined) {
        if (!a.metadata || typeof a.metadata !== 'object' || Array.isArray(a.metadata)) throw invalidInput('metadata', a.metadata, "is not of type 'object'");
        metadata = {};
        for (const [k, val] of Object.entries(a.metadata as Record<string, unknown>)) {
          if (typeof val !== 'string') throw invalidInput(k, val, `${String(val)} is not of type 'string'`);
          metadata[k] = val;
        }
      }
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'rebuild', ['active', 'stopped', 'error']);
      const image = visibleImage(imageRef, auth.project.id, auth.isAdmin);
      if (!image) throw novaBadRequest('Cannot find image for rebuild');
      if (image.status !== 'active') throw novaBadRequest(`Image ${image.id} is not active.`);
      // Before 2.93 a volume-backed server can only be rebuilt with the image it booted from.
      if (!srv.image_id && r.v.lt('2.93')) throw novaBadRequest(`Image ${image.id} is unacceptable: Unable to rebuild with a different image for a volume-backed server.`);
      if (typeof a.name === 'string') srv.name = a.name;
      if (metadata) srv.metadata = metadata;
      if (typeof a.description === 'string' || a.description === null) srv.description = a.description as string | null;
      if (srv.image_id) srv.image_id = image.id;
      const back = srv.vm_state === 'stopped' ? 'stopped' : 'active';
      if (preserve) {
        // Only Ironic preserves ephemeral partitions: libvirt and the fake driver fail the rebuild
        // in the compute manager (PreserveEphemeralNotSupported), and the server goes ERROR.
        const at = isoZ(core.clock.after(1.5));
        runTask(core, { r, srv, auth }, 'rebuild', 'compute_rebuild_instance', 'rebuilding', [
          [1.5, { vm_state: 'error', power_state: 1, fault: { code: 400, message: 'The current driver does not support preserving ephemeral partitions.', created: at } }],
        ], 'Error');
      } else {
        runTask(core, { r, srv, auth }, 'rebuild', 'compute_rebuild_instance', 'rebuilding', [
          [1, { task_state: 'rebuild_block_device_mapping' }],
          [1, { task_state: 'rebuild_spawning' }],
          [1.5, { vm_state: back, power_state: powerAfter(back), fault: null, launched_at: isoDb(core.clock.after(3.5)) }],
        ]);
      }
      const view = renderServer(core, r.ctx, r.v, srv, { isAdmin: auth.isAdmin, show: r.v.ge('2.71') });
      if (r.v.ge('2.57') && !('user_data' in view)) view.user_data = srv.user_data;
      // Nova's _add_location: the server's self link as Location, as on create.
      const self = (view.links as { rel: string; href: string }[] | undefined)?.find((l) => l.rel === 'self')?.href;
      return json(202, { server: { ...view, adminPass: typeof a.adminPass === 'string' ? a.adminPass : adminPass() } }, self ? { Location: self } : undefined);
    },

    rescue: ({ r, srv, auth, arg }) => {
      const a = argObject('rescue', arg, ['adminPass', 'rescue_image_ref']);
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'rescue', ['active', 'stopped', 'error']);
      if (a.rescue_image_ref !== undefined) {
        const ref = String(a.rescue_image_ref);
        if (!visibleImage(ref, auth.project.id, auth.isAdmin)) throw novaBadRequest(`Requested rescue image '${ref}' is not supported`);
      }
      if (!srv.image_id) throw novaBadRequest(`Instance ${srv.id} cannot be rescued: Cannot rescue a volume-backed instance`);
      runTask(core, { r, srv, auth }, 'rescue', 'compute_rescue_instance', 'rescuing', [[1.5, { vm_state: 'rescued', power_state: 1 }]]);
      return json(200, { adminPass: typeof a.adminPass === 'string' ? a.adminPass : adminPass() });
    },

    unrescue: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'unrescue', ['rescued']);
      runTask(core, { r, srv, auth }, 'unrescue', 'compute_unrescue_instance', 'unrescuing', [[1.5, { vm_state: 'active', power_state: 1 }]]);
      return { status: 202 };
    },

    shelve: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'shelve', ['active', 'stopped', 'paused', 'suspended']);
      // An image-backed server is snapshotted to `<name>-shelved` first; shelved_offload_time is 0
      // (the default, as on real Zed), so the server is offloaded right after.
      const offloaded: Partial<Server> = { vm_state: 'shelved_offloaded', power_state: 4, host: '' };
      if (srv.image_id) {
        const image = x.createImageFromServer(core, {
          name: `${srv.name}-shelved`, projectId: srv.project_id, ownerUserId: auth.user.id, serverId: srv.id,
          metadata: {}, minDisk: srv.flavor.disk, minRam: 0, diskFormat: 'qcow2', containerFormat: 'bare',
        });
        srv.shelved_image_id = image.id;
        runTask(core, { r, srv, auth }, 'shelve', 'compute_shelve_instance', 'shelving', [
          [0.5, { task_state: 'shelving_image_pending_upload' }],
          [1, { task_state: 'shelving_image_uploading' }],
          [1, { vm_state: 'shelved', power_state: 4, task_state: 'shelving_offloading' }],
          [1, offloaded],
        ]);
      } else {
        runTask(core, { r, srv, auth }, 'shelve', 'compute_shelve_offload_instance', 'shelving_offloading', [[1.5, offloaded]]);
      }
      return { status: 202 };
    },

    shelveOffload: ({ r, srv, auth }) => {
      if (!auth.isAdmin) throw policyDenied('os_compute_api:os-shelve:shelve_offload');
      checkState(srv, 'shelveOffload', ['shelved']);
      runTask(core, { r, srv, auth }, 'shelveOffload', 'compute_shelve_offload_instance', 'shelving_offloading', [
        [1, { vm_state: 'shelved_offloaded', power_state: 4, host: '' }],
      ]);
      return { status: 202 };
    },

    unshelve: ({ r, srv, auth, arg }) => {
      let a: Record<string, unknown> = {};
      if (r.v.ge('2.77') && arg !== null && arg !== undefined) a = argObject('unshelve', arg, r.v.ge('2.91') ? ['availability_zone', 'host'] : ['availability_zone']);
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'unshelve', ['shelved', 'shelved_offloaded']);
      const azPassed = 'availability_zone' in a;
      const host = typeof a.host === 'string' ? a.host : null;
      if ((azPassed || host) && srv.vm_state !== 'shelved_offloaded') {
        throw novaConflict(`Specifying an availability zone or a host when unshelving server "${srv.id}" with status "${srv.vm_state === 'shelved' ? 'SHELVED' : srv.vm_state}" is not supported. The server status must be SHELVED_OFFLOADED.`);
      }
      if (azPassed && a.availability_zone !== null && a.availability_zone !== AZ) throw novaBadRequest('The requested availability zone is not available');
      if (host) {
        if (!auth.isAdmin) throw policyDenied('os_compute_api:os-shelve:unshelve_to_host');
        if (!hostExists(host)) throw novaBadRequest(`Compute host ${host} could not be found.`);
      }
      const target = srv.vm_state === 'shelved' ? srv.host : (host ?? pickHost(core, s, srv) ?? '');
      if (srv.shelved_image_id) x.deleteServerImage(core, srv.shelved_image_id);
      srv.shelved_image_id = null;
      runTask(core, { r, srv, auth }, 'unshelve', 'compute_unshelve_instance', 'unshelving', [
        [1, { task_state: 'spawning', host: target }],
        [1.5, { vm_state: 'active', power_state: 1 }],
      ]);
      return { status: 202 };
    },
  };
};
