import type { CloudCore } from '../../core/cloud';
import { HttpError } from '../../core/errors';
import { createServiceFloatingIp, deleteServiceFloatingIp } from '../network/api';
import type { Cluster } from './model';

// A cluster's node addresses, as its Heat stack gets them. With floating IPs, each node's address is a floating IP
// created in the cluster's project on the template's external network, so it comes from Neutron's IPAM like every
// other address (never one already handed out) and shows in `openstack floating ip list`. Without, each node has
// an address on the private network Heat makes for the cluster (10.0.0.0/24, one network per cluster).

/** Magnum's default external network when the template names none (DevStack's `public`). */
const DEFAULT_EXTERNAL = 'public';

/** Neutron could not give the cluster an address (the stack fails with this reason). */
export class AddressError extends Error {}

/** Allocates `count` more addresses for the cluster; on failure releases what it took and throws AddressError. */
export function allocate(core: CloudCore, c: Cluster, externalNetwork: string | null, count: number): string[] {
  const held = (c.held_addresses ??= {});
  const out: string[] = [];
  if (!c.floating_ip_enabled) {
    for (let host = 3; out.length < count && host < 255; host++) if (!(`10.0.0.${host}` in held)) out.push(`10.0.0.${host}`);
    if (out.length < count) throw new AddressError(`No more IP addresses available on network private-${c.uuid}.`);
    for (const a of out) held[a] = null;
    return out;
  }
  try {
    for (let i = 0; i < count; i++) {
      const f = createServiceFloatingIp(core, c.project_id, externalNetwork ?? DEFAULT_EXTERNAL);
      held[f.floating_ip_address] = f.id;
      out.push(f.floating_ip_address);
    }
  } catch (err) {
    release(core, c, out);
    if (err instanceof HttpError) throw new AddressError(err.message);
    throw err;
  }
  return out;
}

/** Gives addresses back (their floating IPs are deleted, as Heat deletes them with the nodes). */
export function release(core: CloudCore, c: Cluster, addresses: readonly string[]): void {
  for (const a of addresses) {
    const fip = c.held_addresses?.[a];
    if (fip) deleteServiceFloatingIp(core, fip);
    if (c.held_addresses) delete c.held_addresses[a];
  }
}

/** Releases every address the cluster holds (its stack is being deleted). */
export const releaseAll = (core: CloudCore, c: Cluster): void => release(core, c, Object.keys(c.held_addresses ?? {}));
