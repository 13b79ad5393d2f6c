'use client';
// Neutron reads of the network, router, floating IP, security group and instance pages besides the kinds' own lists
// and items, and the kinds each family of calls changes. One schema per path: pages reading the same path share
// its cache entry (full objects, never `fields=` subsets, so the kinds' schemas apply).
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { osCall, useProjectScope } from '../hooks';
import { usePathQuery } from '../queries';
import { disassociateRequest, FloatingIpSchema, serverFloatingIps } from './floating-ip';
import { NETWORK_SERVICE, NetworkSchema, NetworksSchema, type Network } from './network';
import { PortSchema, type Port } from './port';
import { SecurityGroupNamesSchema } from './security-group';
import { SubnetSchema, type Subnet } from './subnet';

export type { Network, Port, Subnet };

export const NEUTRON = { service: NETWORK_SERVICE } as const;

/** A change on the network page (subnet, port, network edit) changes these: a port delete frees a network for deletion. */
export const NETWORK_CHANGES = ['network', 'subnet', 'port'] as const;
/** A router, floating IP or security group change, or an instance's group or address: every kind it may touch. */
export const EDGE_CHANGES = ['router', 'floating-ip', 'security-group', 'port', 'server', 'subnet', 'network'] as const;

const SubnetsSchema = z.looseObject({ subnets: z.array(SubnetSchema) });
const PortsSchema = z.looseObject({ ports: z.array(PortSchema) });
const CidrsSchema = z.looseObject({ subnets: z.array(z.looseObject({ cidr: z.string() })) });

const selectSubnets = (b: z.infer<typeof SubnetsSchema>) => b.subnets;
const selectPorts = (b: z.infer<typeof PortsSchema>) => b.ports;
const selectNetworks = (b: z.infer<typeof NetworksSchema>) => b.networks;

export const useNetworkSubnets = (networkId: string) => usePathQuery('subnet', NEUTRON, `v2.0/subnets?network_id=${encodeURIComponent(networkId)}`, SubnetsSchema, { staleTime: 0 });

export const useNetworkPorts = (networkId: string) => usePathQuery('port', NEUTRON, `v2.0/ports?network_id=${encodeURIComponent(networkId)}`, PortsSchema, { staleTime: 0 });

/** Every CIDR the user can see (own, shared, external), for overlap-free suggestions. */
export function useVisibleCidrs(): string[] {
  const q = usePathQuery('subnet', NEUTRON, 'v2.0/subnets?fields=cidr', CidrsSchema, { staleTime: 10_000 });
  return (q.data?.subnets ?? []).map((s) => s.cidr);
}

/** The project's security groups (Neutron lists others' too to admins: filter by project). */
/** The project's security groups for the launch form (every field). */
export function useLaunchSecurityGroups() {
  const { projectId } = useProjectScope();
  return usePathQuery('security-group', NEUTRON, `v2.0/security-groups?project_id=${projectId}`, SecurityGroupNamesSchema, { staleTime: 60_000 });
}

/** External networks: the pools of floating IPs and the possible router gateways (e.g. `public`). */
export const useExternalNetworks = () => usePathQuery('network', NEUTRON, 'v2.0/networks?router:external=true', NetworksSchema, { select: selectNetworks });
/** Every network the project sees (own, shared, external). */
export const useNetworks = (staleTime = 15_000) => usePathQuery('network', NEUTRON, 'v2.0/networks', NetworksSchema, { staleTime, select: selectNetworks });

/** The subnets of the project's own networks (a router interface goes on one of them). */
export function useProjectSubnets() {
  const { projectId } = useProjectScope();
  return usePathQuery('subnet', NEUTRON, `v2.0/subnets?project_id=${encodeURIComponent(projectId)}`, SubnetsSchema, { select: selectSubnets });
}

/** Ports matching a Neutron query (`device_id=<server>`). */
/** `follow`: refetched every 2 s while it holds (an interface detach Nova finishes after its 202). */
export const usePorts = (query: string, enabled = true, follow?: (ports: ReturnType<typeof selectPorts>) => boolean) =>
  usePathQuery('port', NEUTRON, `v2.0/ports?${query}`, PortsSchema, { enabled, select: selectPorts, ...(follow && { refetchInterval: (b?: z.infer<typeof PortsSchema>) => (b && follow(selectPorts(b)) ? 2000 : false) }) });

const NamesSchema = z.looseObject({ security_groups: z.array(z.looseObject({ id: z.string(), name: z.string() })) });
const selectNames = (b: z.infer<typeof NamesSchema>) => Object.fromEntries(b.security_groups.map((g) => [g.id, g.name]));
/** Security group names by id (one call for all of them). */
export const useSecurityGroupNames = (ids: readonly string[]) =>
  usePathQuery('security-group', NEUTRON, `v2.0/security-groups?fields=id&fields=name&${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`, NamesSchema, {
    enabled: ids.length > 0,
    staleTime: 60_000,
    select: selectNames,
  });

/** The floating IPs on the server's ports, from Neutron (Nova's addresses can lag behind an association). */
export function useServerFloatingIps(serverId: string) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, 'floating-ip', 'list', 'of-server', serverId],
    queryFn: ({ signal }) => serverFloatingIps((path) => osCall(NEUTRON, { method: 'GET', path }, signal), serverId),
  });
}

/** Disassociate every floating IP of a server (the instance list's row action). */
export async function disassociateAll(serverId: string): Promise<void> {
  for (const f of await serverFloatingIps((path) => osCall(NEUTRON, { method: 'GET', path }), serverId)) await osCall(NEUTRON, disassociateRequest(f.id));
}

/** Allocate a floating IP from a pool; answers its id. */
export async function allocateFloatingIp(pool: string): Promise<string> {
  const body = await osCall(NEUTRON, { method: 'POST', path: 'v2.0/floatingips', body: { floatingip: { floating_network_id: pool } } });
  return FloatingIpSchema.parse((body as { floatingip: unknown }).floatingip).id;
}

/** Create a network (POST v2.0/networks); answers it parsed. */
export async function createNetwork(body: unknown): Promise<Network> {
  const answer = await osCall<{ network?: unknown }>(NEUTRON, { method: 'POST', path: 'v2.0/networks', body });
  return NetworkSchema.parse(answer?.network);
}

/** Create a subnet (POST v2.0/subnets). */
export const createSubnet = (body: unknown) => osCall(NEUTRON, { method: 'POST', path: 'v2.0/subnets', body });
