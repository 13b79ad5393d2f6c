// The compute contract other services call (see docs/demo-cloud-team-brief.md).
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { schedule } from '../../core/transitions';
import { newServerRecord, reservationId, startBuild } from './build';
import { isoZ, novaNotFound } from './common';
import * as x from './deps';
import { lookupFlavor, snapshotOf } from './flavors';
import { AZ, type ComputeState, type Flavor, type Keypair, type Server } from './model';
import { releaseResources, settleServer } from './ops';
import { addServer } from './order';
import { invalidateRenderCache } from './render-cache';
import { emptyComputeState } from './seed';

export type { Flavor, Keypair, Server } from './model';

const stateOf = (core: CloudCore) => core.state.slice<ComputeState>('compute', () => emptyComputeState(core));

/** The server (settled), or undefined when unknown or deleted. */
export function findServer(core: CloudCore, id: string): Server | undefined {
  const s = stateOf(core);
  return settleServer(core, s, s.servers[id]);
}

export function findFlavor(core: CloudCore, idOrName: string): Flavor | undefined {
  return lookupFlavor(stateOf(core), idOrName);
}

/** What `GET /flavors/detail` lists by default: public flavors and those shared with the project, disabled ones
 *  for admins only (Nova's is_public=True default). */
export function listedFlavors(core: CloudCore, projectId: string, isAdmin: boolean): Flavor[] {
  return Object.values(stateOf(core).flavors).filter((f) => (f.is_public || f.access.includes(projectId)) && (isAdmin || !f.disabled));
}

export function findKeypair(core: CloudCore, userId: string, name: string): Keypair | undefined {
  return stateOf(core).keypairs[userId]?.[name];
}

export function serverNameOf(core: CloudCore, id: string): string | undefined {
  return findServer(core, id)?.name;
}

/**
 * A server another service boots for itself (Trove's database VM) in its service project, on ports it
 * created there: BUILD -> ACTIVE like any server, then the volume (if any) is attached and deleted with it.
 */
export function createServiceServer(
  core: CloudCore,
  input: { projectId: string; userId: string; name: string; flavorId: string; imageId: string; portIds: string[]; volumeId?: string; metadata?: Record<string, string> },
): Server {
  const s = stateOf(core);
  const flavor = lookupFlavor(s, input.flavorId);
  if (!flavor) throw novaNotFound(`Flavor ${input.flavorId} could not be found.`);
  const srv = newServerRecord(core, s, {
    name: input.name,
    projectId: input.projectId,
    userId: input.userId,
    flavor,
    imageId: input.imageId,
    keyName: null,
    metadata: { ...input.metadata },
    description: null,
    userData: null,
    securityGroups: [],
    reservationId: reservationId(),
    launchIndex: 0,
    availabilityZone: AZ,
  });
  for (const portId of input.portIds) {
    x.allocateServerPort(core, { projectId: input.projectId, serverId: srv.id, portId });
    srv.has_ports = true;
  }
  if (input.volumeId) srv.pending_volumes = [{ volumeId: input.volumeId, device: '/dev/vdb', deleteOnTermination: true, bdmId: uuid() }];
  startBuild(core, srv, false);
  addServer(s, srv);
  core.state.markDirty();
  return srv;
}

/** A service's server takes a new flavor (Trove's resize, confirmed at once). */
export function resizeServiceServer(core: CloudCore, id: string, flavorId: string): void {
  const srv = findServer(core, id);
  const flavor = lookupFlavor(stateOf(core), flavorId);
  if (!srv || !flavor) return;
  srv.flavor = snapshotOf(flavor);
  srv.updated = isoZ(core.clock.now());
  invalidateRenderCache(core, srv);
  core.state.markDirty();
}

/** Deletes a service's server as Nova does (ports released, delete_on_termination volumes deleted, gone after ~1.5 s). */
export function deleteServiceServer(core: CloudCore, id: string): void {
  const s = stateOf(core);
  const srv = findServer(core, id);
  if (!srv || srv.task_state === 'deleting') return;
  srv.task_state = 'deleting';
  srv.updated = isoZ(core.clock.now());
  releaseResources(core, s, srv);
  srv.has_ports = false;
  schedule(srv, core.clock, [[1.5, { deleted: true }]]);
  invalidateRenderCache(core, srv);
  core.state.markDirty();
}
