import { randomBytes } from 'node:crypto';
import type { CloudCore } from '../../core/cloud';
import { slowOnDemand } from '../../core/failures';
import { uuid } from '../../core/ids';
import { schedule } from '../../core/transitions';
import { isoDb, isoZ, novaBadRequest, novaNotFound } from './common';
import * as x from './deps';
import { snapshotOf } from './flavors';
import { HOST, type ComputeState, type Flavor, type Server } from './model';

// A new server: its record (also used by the seed), the BUILD -> ACTIVE (or ERROR) schedule,
// and the volumes of its block device mapping.

export interface NewServer {
  name: string;
  projectId: string;
  userId: string;
  flavor: Flavor;
  imageId: string;
  keyName: string | null;
  metadata: Record<string, string>;
  description: string | null;
  userData: string | null;
  /** "True" or "", as Nova stores it. */
  configDrive?: string;
  securityGroups: string[];
  reservationId: string;
  launchIndex: number;
  availabilityZone: string;
}

export function newServerRecord(core: CloudCore, s: ComputeState, n: NewServer, id = uuid()): Server {
  s.seq.instance += 1;
  const now = isoZ(core.clock.now());
  return {
    id,
    seq: s.seq.instance,
    name: n.name,
    project_id: n.projectId,
    user_id: n.userId,
    vm_state: 'building',
    task_state: 'scheduling',
    power_state: 0,
    created: now,
    updated: now,
    launched_at: null,
    image_id: n.imageId,
    flavor: snapshotOf(n.flavor),
    key_name: n.keyName,
    metadata: n.metadata,
    description: n.description,
    locked: false,
    locked_reason: null,
    tags: [],
    availability_zone: n.availabilityZone,
    host: '',
    instance_name: `instance-${s.seq.instance.toString(16).padStart(8, '0')}`,
    reservation_id: n.reservationId,
    launch_index: n.launchIndex,
    hostname: n.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'server',
    user_data: n.userData,
    config_drive: n.configDrive ?? '',
    access_ipv4: '',
    access_ipv6: '',
    fault: null,
    has_ports: false,
    requested_security_groups: n.securityGroups,
    volumes: [],
    server_groups: [],
    actions: [],
  };
}

export const reservationId = () => `r-${randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 8)}`;

/** BUILD (scheduling -> networking -> spawning) on `host`, then ACTIVE after 3-6 s nominal (ten times that for -slowbuild names), or ERROR (NoValidHost) for fail- names. */
export function startBuild(core: CloudCore, srv: Server, failing: boolean, host: string = HOST): void {
  const spawnAt = 1 + Math.random() * 2;
  const doneAt = 2 + Math.random();
  if (failing) {
    const failAt = core.clock.after(2.5);
    schedule(srv, core.clock, [
      [1, { task_state: null as string | null, updated: isoZ(core.clock.after(1)) } as Partial<Server>],
      [1.5, {
        vm_state: 'error', task_state: null, power_state: 0, updated: isoZ(failAt),
        fault: {
          code: 500,
          message: 'No valid host was found. There are not enough hosts available.',
          created: isoZ(failAt),
          details: 'Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/nova/conductor/manager.py", line 1654, in schedule_and_build_instances\nnova.exception.NoValidHost: No valid host was found. There are not enough hosts available.\n',
        },
      }],
    ]);
    return;
  }
  srv.planned_host = host;
  const k = slowOnDemand(core, srv.name) ? 10 : 1;
  const end = core.clock.after(k * (spawnAt + doneAt));
  schedule(srv, core.clock, [
    [k, { task_state: 'networking', host, updated: isoZ(core.clock.after(k)) }],
    [k * (spawnAt - 0.5), { task_state: 'spawning', updated: isoZ(core.clock.after(k * (spawnAt + 0.5))) }],
    [k * (doneAt - 0.5), { vm_state: 'active', task_state: null, power_state: 1, launched_at: isoDb(end), updated: isoZ(end) }],
  ]);
}

export function prepareVolumes(core: CloudCore, srv: Server, bdms: Array<Record<string, unknown>>, flavor: Flavor, projectId: string): void {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = 0;
  for (const b of bdms) {
    if ((b.destination_type ?? 'volume') !== 'volume') continue;
    const device = typeof b.device_name === 'string' ? b.device_name : `/dev/vd${letters[n]}`;
    n += 1;
    const deleteOnTermination = b.delete_on_termination === true || b.delete_on_termination === 'true' || b.delete_on_termination === 'True';
    const bdmId = uuid();
    const source = String(b.source_type);
    if (source === 'volume') {
      const volumeId = String(b.uuid ?? '');
      const vol = x.findVolume(core, volumeId);
      if (!vol || vol.project_id !== projectId) throw novaBadRequest(`Block Device Mapping is Invalid: failed to get volume ${volumeId}.`);
      (srv.pending_volumes ??= []).push({ volumeId, device, deleteOnTermination, bdmId });
    } else {
      const size = Number(b.volume_size ?? flavor.disk);
      if (!Number.isInteger(size) || size < 1) throw novaBadRequest('Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
      const vol = x.createBootVolume(core, {
        projectId,
        size,
        imageId: source === 'image' ? String(b.uuid ?? '') : undefined,
        snapshotId: source === 'snapshot' ? String(b.uuid ?? '') : undefined,
        name: '',
      });
      (srv.pending_volumes ??= []).push({ volumeId: vol.id, device, deleteOnTermination, bdmId });
    }
  }
}

export function fromVolumeNotFound(id: string) {
  return novaNotFound(`Volume ${id} could not be found.`);
}
