// The compute contract other services call (see docs/demo-cloud-team-brief.md).
import type { CloudCore } from '../../core/cloud';
import { lookupFlavor } from './flavors';
import type { ComputeState, Flavor, Keypair, Server } from './model';
import { settleServer } from './ops';
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
