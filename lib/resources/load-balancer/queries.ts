'use client';
// The reads of the load balancer pages besides the definitions' own: the project's ports (router interfaces decide
// which subnets a VIP can sit on and which instances it reaches), the Octavia quota, Barbican's certificate
// containers for TERMINATED_HTTPS, a load balancer's status tree, and the floating IP step after a create.
import { useEffect } from 'react';
import { z } from 'zod';
import { ContainerSchema } from '../key-manager/container';
import { useProjectScope, osCall } from '../hooks';
import { FloatingIpSchema } from '../network/floating-ip';
import { PortSchema } from '../network/port';
import { NEUTRON } from '../network/standard';
import { BUSY_MS, IDLE_MS } from '../polling';
import { usePathQuery } from '../queries';
import { LB_KINDS } from './children';
import { isPending, LB_BASE, LbQuotaSchema, OCTAVIA, type LoadBalancer } from './octavia';
import { StatusTreeSchema } from './tree';
import { ApiError } from '@/lib/client/api';

// The same path and schema as the floating IP association's (lib/resources/network/floating-ip-queries.ts).
const PortsSchema = z.looseObject({ ports: z.array(PortSchema) });

/** The project's ports: its instances' and its routers' interfaces. */
export function useProjectPorts() {
  const { projectId } = useProjectScope();
  return usePathQuery('port', NEUTRON, `v2.0/ports?project_id=${encodeURIComponent(projectId)}`, PortsSchema, { staleTime: 0, select: (b) => b.ports });
}

/** The project's Octavia quota (-1: unlimited). */
export function useLbQuota() {
  const { projectId } = useProjectScope();
  return usePathQuery('lb-quota', OCTAVIA, `${LB_BASE}/quotas/${encodeURIComponent(projectId)}`, LbQuotaSchema, { staleTime: 60_000, select: (b) => b.quota, retry: false });
}

const LbIdsSchema = z.looseObject({ loadbalancers: z.array(z.looseObject({ id: z.string() })) });
/** How many load balancers the project has (the quota's "in use"). */
export const useLbCount = () => usePathQuery(LB_KINDS.lb, OCTAVIA, `${LB_BASE}/loadbalancers?fields=id`, LbIdsSchema, { select: (b) => b.loadbalancers.length });

const ContainersSchema = z.looseObject({ containers: z.array(ContainerSchema) });
/** Barbican certificate containers, for a TERMINATED_HTTPS listener (asked only when that protocol is chosen). */
export const useCertificateContainers = (enabled: boolean) =>
  usePathQuery('secret-container', { service: 'key-manager' }, 'v1/containers?type=certificate&limit=100', ContainersSchema, { enabled, select: (b) => b.containers, retry: false });

/**
 * The status tree. While the load balancer is PENDING_* (any change below it makes it so), every 2 s; once it is ACTIVE,
 * its children are settled too, or never will be (a provider that did not report them back): every 30 s. Read again
 * whenever the load balancer's own state changes (the detail page polls that with back-off).
 */
export function useStatusTree(lb: LoadBalancer) {
  const q = usePathQuery(LB_KINDS.lb, OCTAVIA, `${LB_BASE}/loadbalancers/${lb.id}/status`, StatusTreeSchema, {
    staleTime: 0,
    refetchInterval: (_body, error) => (error ? false : isPending(lb.provisioning_status) ? BUSY_MS : IDLE_MS),
  });
  const { refetch } = q;
  const state = lb.provisioning_status;
  useEffect(() => {
    void refetch();
  }, [state, refetch]);
  return q;
}

export type FloatingStep = { kind: 'associated'; address: string } | { kind: 'noVipPort'; portId: string };

/**
 * A new floating IP for the VIP: first the VIP port is looked up (Octavia's noop network driver, as on the real test
 * cloud, hands out a port id that does not exist in Neutron); only when it exists is a floating IP allocated from
 * `pool` and associated with it. A failed association releases the address again.
 */
export async function associateVipFloatingIp(lb: LoadBalancer, pool: string): Promise<FloatingStep> {
  const portId = lb.vip_port_id ?? '';
  try {
    await osCall(NEUTRON, { method: 'GET', path: `v2.0/ports/${portId}` });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { kind: 'noVipPort', portId };
    throw e;
  }
  const created = await osCall<{ floatingip: unknown }>(NEUTRON, { method: 'POST', path: 'v2.0/floatingips', body: { floatingip: { floating_network_id: pool, port_id: portId } } });
  const fip = FloatingIpSchema.parse(created.floatingip);
  return { kind: 'associated', address: fip.floating_ip_address };
}

