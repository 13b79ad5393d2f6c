// The instance overview's IP addresses: Nova's `addresses` (network name -> addresses) in a stable reading order.
import type { Server } from '@/lib/resources/compute/server';

export interface ServerAddress {
  addr: string;
  version: 4 | 6;
  floating: boolean;
}

export interface NetworkAddresses {
  /** Nova names the network (its label), not its id. */
  network: string;
  addresses: ServerAddress[];
}

/**
 * Per network (by name), the fixed addresses before the floating ones that translate to them, IPv4 before IPv6, each
 * group in Nova's order. `version` is Nova's, or read from the address when a cloud leaves it out.
 */
export function addressesByNetwork(addresses: Server['addresses']): NetworkAddresses[] {
  return Object.entries(addresses)
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([network, list]) => ({
      network,
      addresses: list
        .map((a): ServerAddress => ({ addr: a.addr, version: a.version === 6 || (a.version === undefined && a.addr.includes(':')) ? 6 : 4, floating: a['OS-EXT-IPS:type'] === 'floating' }))
        // Array.prototype.sort is stable: equal keys keep Nova's order.
        .sort((a, b) => Number(a.floating) - Number(b.floating) || a.version - b.version),
    }))
    .filter((n) => n.addresses.length > 0);
}
