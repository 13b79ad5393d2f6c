// A database instance's life: its Nova server, Cinder volume and Neutron port in the service project,
// the status machine (BUILD -> ACTIVE/HEALTHY, REBOOT, RESIZE, BACKUP, SHUTDOWN -> gone, ERROR with a
// fault), quota usage, and Trove's view of it.
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { schedule, settle } from '../../core/transitions';
import * as x from './deps';
import { unprocessable } from './errors';
import { links } from './links';
import { databaseState, troveTime, type DatabaseState, type DbInstance } from './model';

/** Nominal seconds (scaled by --speed): the fake guest reports HEALTHY ~8 s after create on the real cloud. */
export const TIMES = { build: 8, reboot: 3, resize: 4, shutdown: 4, backup: 5 } as const;

/** The project that owns the instances' servers, volumes and ports (Trove's service project). */
export const serviceProject = () => x.seedProjectId('admin');

/** The instance with its due transitions applied, or undefined once deleted (it is dropped then). */
export function settleInstance(core: CloudCore, inst: DbInstance | undefined): DbInstance | undefined {
  if (!inst) return undefined;
  if (settle(inst, core.clock)) core.state.markDirty();
  if (inst.deleted) {
    delete databaseState(core).instances[inst.id];
    core.state.markDirty();
    return undefined;
  }
  return inst;
}

export function projectInstances(core: CloudCore, s: DatabaseState, projectId: string | null): DbInstance[] {
  return Object.values(s.instances)
    .filter((i) => projectId === null || i.project_id === projectId)
    .map((i) => settleInstance(core, i))
    .filter((i): i is DbInstance => !!i)
    .sort((a, b) => a.created.localeCompare(b.created) || a.name.localeCompare(b.name));
}

/** Moves the instance to a transitional status now and back to ACTIVE/HEALTHY after `seconds` (plus any patch). */
export function runAction(core: CloudCore, inst: DbInstance, status: string, seconds: number, done: Partial<DbInstance> = {}): void {
  const now = troveTime(core.clock.now());
  const end = troveTime(core.clock.after(seconds));
  inst.status = status;
  inst.operating_status = '';
  inst.updated = now;
  schedule(inst, core.clock, [[seconds, { status: 'ACTIVE', operating_status: 'HEALTHY', updated: end, service_status_updated: end, ...done }]]);
  core.state.markDirty();
}

/**
 * Trove's validate_can_perform_action: 422 unless the instance is ACTIVE with no task running.
 * Transitional statuses name the task (REBOOTING, RESIZING, ...) as Trove's message does.
 */
const TASKS: Record<string, string> = { REBOOT: 'REBOOTING', RESIZE: 'RESIZING', SHUTDOWN: 'DELETING' };
/** The name of the task behind a transitional status (RESIZE -> RESIZING), or the status itself. */
export const taskName = (status: string) => TASKS[status] ?? status;

export function checkCanAct(inst: DbInstance): void {
  if (inst.status === 'ACTIVE') return;
  const [type, status] = TASKS[inst.status] ? ['task', TASKS[inst.status]] : ['instance', inst.status];
  throw unprocessable(`Instance ${inst.id} is not currently available for an action to be performed (${type} status was ${status}).`);
}

/** Trove's load_and_verify for databases, users and root: a mysql/mariadb guest that is running. */
export function checkGuest(s: DatabaseState, inst: DbInstance): void {
  const manager = s.datastores.find((d) => d.name === inst.datastore)?.versions.find((v) => v.name === inst.datastore_version)?.manager ?? inst.datastore;
  if (manager !== 'mysql' && manager !== 'mariadb') throw unprocessable(`Operation not supported for datastore ${manager}.`);
  if (inst.operating_status !== 'HEALTHY') {
    const guest: Record<string, string> = { BUILD: 'new', REBOOT: 'restarting', RESIZE: 'shutdown', SHUTDOWN: 'shutdown', ERROR: 'failed to spawn' };
    throw unprocessable(`Instance ${inst.id} is not ready, status: ${guest[inst.status] ?? 'unknown'}.`);
  }
}

/** The instance's network cannot reach a router: the create is accepted, the instance then ends in ERROR. */
export class NoRouter extends Error {}

export interface Nic {
  networkId: string;
  subnetId?: string;
  ipAddress?: string;
}

/** Creates the instance's volume, port(s) and server in the service project; the server attaches the volume once ACTIVE. */
export function provision(core: CloudCore, inst: DbInstance, input: { flavorId: string; nics: Nic[]; userId: string }): void {
  const project = serviceProject();
  const portIds: string[] = [];
  try {
    for (const nic of input.nics) {
      const fixed = nic.subnetId || nic.ipAddress ? [{ ...(nic.subnetId ? { subnet_id: nic.subnetId } : {}), ...(nic.ipAddress ? { ip_address: nic.ipAddress } : {}) }] : [];
      const port = x.createServicePort(core, {
        projectId: project,
        networkId: nic.networkId,
        fixedIps: fixed.length ? fixed : (x.visibleNetwork(core, nic.networkId, project, true)?.subnets.slice(0, 1).map((id) => ({ subnet_id: id })) ?? []),
        name: `trove-${inst.id}`,
        deviceId: '',
        deviceOwner: '',
        adminStateUp: true,
      });
      portIds.push(port.id);
      // [network] enable_access_check: the subnet must be on a router, or Trove stops before the server.
      const subnet = port.fixed_ips[0]?.subnet_id;
      if (subnet && !x.subnetHasRouter(core, subnet)) throw new NoRouter(`Failed to create User port for instance ${inst.id}: Subnet ${subnet} is not associated with router.`);
    }
    const volume = x.createBootVolume(core, { projectId: project, size: inst.volume_size, name: `trove-${inst.id}` });
    const image = x.imagesNamed(core, 'ubuntu-22.04', project, true)[0];
    const server = x.createServiceServer(core, {
      projectId: project,
      userId: input.userId,
      name: inst.name,
      flavorId: input.flavorId,
      imageId: image?.id ?? '',
      portIds,
      volumeId: volume.id,
      metadata: { trove_project_id: inst.project_id, trove_user_id: input.userId, trove_instance_id: inst.id },
    });
    inst.server_id = server.id;
    inst.volume_id = volume.id;
    inst.port_ids = portIds;
  } catch (e) {
    for (const id of portIds) x.deleteServicePort(core, id);
    throw e;
  }
}

/** Deletes the server (its volume goes with it) and the ports; the instance shows SHUTDOWN, then is gone. */
export function teardown(core: CloudCore, inst: DbInstance): void {
  if (inst.server_id) x.deleteServiceServer(core, inst.server_id);
  for (const id of inst.port_ids) x.deleteServicePort(core, id);
  inst.port_ids = [];
  inst.status = 'SHUTDOWN';
  inst.operating_status = '';
  inst.updated = troveTime(core.clock.now());
  schedule(inst, core.clock, [[TIMES.shutdown, { deleted: true }]]);
  core.state.markDirty();
}

/** What the project uses against Trove's quotas. */
export function usage(core: CloudCore, s: DatabaseState, projectId: string) {
  const insts = projectInstances(core, s, projectId);
  return {
    instances: insts.length,
    ram: insts.reduce((sum, i) => sum + (x.findFlavor(core, i.flavor_id)?.ram ?? 0), 0),
    volumes: insts.reduce((sum, i) => sum + i.volume_size, 0),
    backups: Object.values(s.backups).filter((b) => b.project_id === projectId && !b.deleted).length,
  };
}

/** The instance's addresses on the user's networks, as Trove lists them (`type` private, `network` its id). */
function addresses(core: CloudCore, inst: DbInstance) {
  if (!inst.server_id) return [];
  const out: Array<{ address: string; type: string; network: string }> = [];
  const byName = x.serverAddresses(core, inst.server_id);
  for (const [netName, addrs] of Object.entries(byName)) {
    const net = x.findNetwork(core, netName, inst.project_id);
    const external = !!net?.['router:external'];
    for (const a of addrs) out.push({ address: a.addr, type: external || a['OS-EXT-IPS:type'] === 'floating' ? 'public' : 'private', network: net?.id ?? netName });
  }
  return out;
}

/** Trove's InstanceView (list) or InstanceDetailView (show, create). */
export function renderInstance(core: CloudCore, ctx: RequestContext, s: DatabaseState, inst: DbInstance, opts: { detail: boolean; isAdmin: boolean }) {
  const link = (path: string, id: string) => links(ctx, path, id);
  const version = s.datastores.find((d) => d.name === inst.datastore)?.versions.find((v) => v.name === inst.datastore_version);
  const addrs = inst.status === 'BUILD' ? [] : addresses(core, inst);
  const access = inst.access && Object.keys(inst.access).length ? inst.access : addrs.length ? { is_public: addrs.some((a) => a.type === 'public') } : {};
  const out: Record<string, unknown> = {
    id: inst.id,
    name: inst.name,
    status: inst.status,
    operating_status: inst.operating_status,
    links: link('instances', inst.id),
    flavor: { id: inst.flavor_id, links: link('flavors', inst.flavor_id) },
    datastore: { type: inst.datastore, version: inst.datastore_version, ...(opts.detail ? { version_number: version?.version ?? inst.datastore_version } : {}) },
    region: inst.region,
    access,
    ...(opts.isAdmin ? { tenant_id: inst.project_id } : {}),
    volume: { size: inst.volume_size, ...(opts.detail && inst.volume_used !== null ? { used: inst.volume_used } : {}) },
    ...(addrs.length ? { ip: addrs.map((a) => a.address), addresses: addrs } : {}),
  };
  if (!opts.detail) return out;
  const config = inst.configuration_id ? s.configurations[inst.configuration_id] : undefined;
  return {
    ...out,
    created: inst.created,
    updated: inst.updated,
    service_status_updated: inst.service_status_updated,
    ...(inst.fault ? { fault: inst.fault } : {}),
    ...(config ? { configuration: { id: config.id, name: config.name, links: link('configurations', config.id) } } : {}),
    ...(opts.isAdmin ? { server_id: inst.server_id || null, volume_id: inst.volume_id || null, encrypted_rpc_messaging: true } : {}),
  };
}
