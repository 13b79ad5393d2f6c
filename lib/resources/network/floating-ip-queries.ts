'use client';
// The reads behind associating a floating IP with an instance address: the project's ports (its instances' and its
// routers' interfaces, one call), its routers, every subnet it sees, its floating IPs and instance names; and what
// they say about each address (reachability.ts). Also every visible subnet for the launch form's network picker.
import { z } from 'zod';
import { useProjectScope, useResourceList } from '../hooks';
import { usePathQuery } from '../queries';
import { useServerNames } from '../compute/queries';
import { floatingIpDefinition, type FloatingIp } from './floating-ip';
import { NetworksSchema } from './network';
import { PortSchema } from './port';
import { instanceTargets, type InstanceTarget } from './reachability';
import { RouterSchema, type Router } from './router';
import { SubnetSchema, type Subnet } from './subnet';
import { NEUTRON } from './standard';

const PortsSchema = z.looseObject({ ports: z.array(PortSchema) });
const RoutersSchema = z.looseObject({ routers: z.array(RouterSchema) });
const SubnetsSchema = z.looseObject({ subnets: z.array(SubnetSchema) });

const selectSubnets = (b: z.infer<typeof SubnetsSchema>) => b.subnets;

/** Every subnet the project sees: its own, shared ones and external ones (names and CIDRs for pickers). */
export const useVisibleSubnets = (staleTime = 15_000) => usePathQuery('subnet', NEUTRON, 'v2.0/subnets', SubnetsSchema, { staleTime, select: selectSubnets });

/** The project's routers (their gateways decide which subnets reach an external network). */
export function useProjectRouters() {
  const { projectId } = useProjectScope();
  return usePathQuery('router', NEUTRON, `v2.0/routers?project_id=${encodeURIComponent(projectId)}`, RoutersSchema, { staleTime: 0, select: (b) => b.routers });
}

/** External network names by id (the pools). */
export const useExternalNames = () =>
  usePathQuery('network', NEUTRON, 'v2.0/networks?router:external=true', NetworksSchema, { select: (b) => Object.fromEntries(b.networks.map((n) => [n.id, n.name || n.id])) });

export interface AssociationData {
  targets: InstanceTarget[];
  serverNames: Record<string, string>;
  subnets: Record<string, Subnet>;
  routers: Router[];
  externalName: string;
  isPending: boolean;
  error: unknown;
}

/** The instance addresses a floating IP may go to, each with its reach, and the names to word them. */
export function useAssociationData(fip: Pick<FloatingIp, 'id' | 'floating_network_id' | 'port_id' | 'fixed_ip_address'>): AssociationData {
  const { projectId } = useProjectScope();
  const ports = usePathQuery('port', NEUTRON, `v2.0/ports?project_id=${encodeURIComponent(projectId)}`, PortsSchema, { staleTime: 0, select: (b) => b.ports });
  const routers = useProjectRouters();
  const subnets = useVisibleSubnets(0);
  const fips = useResourceList(floatingIpDefinition, { filters: {} });
  const servers = useServerNames();
  const externals = useExternalNames();
  const serverNames = Object.fromEntries((servers.data ?? []).map((s) => [s.id, s.name]));
  const all = [ports, routers, subnets, fips, servers];
  const ready = !!ports.data && !!routers.data && !!subnets.data;
  return {
    targets: ready
      ? instanceTargets({ ports: ports.data!, routers: routers.data!, subnets: subnets.data!, fips: fips.data?.items ?? [], projectId, fip, serverNames })
      : [],
    serverNames,
    subnets: Object.fromEntries((subnets.data ?? []).map((s) => [s.id, s])),
    routers: routers.data ?? [],
    externalName: externals.data?.[fip.floating_network_id] ?? fip.floating_network_id,
    isPending: all.some((q) => q.isPending),
    error: all.find((q) => q.isError)?.error,
  };
}
