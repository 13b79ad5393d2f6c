'use client';
// Queries and mutations the network, subnet and port pages share. Every change refetches all three kinds
// (a subnet changes its network's `subnets`, a port delete frees a network for deletion).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import type { ApiRequest } from '@/lib/resources/types';
import { NETWORK_SERVICE } from '@/lib/resources/network/network';
import { PortSchema } from '@/lib/resources/network/port';
import { SubnetSchema } from '@/lib/resources/network/subnet';

export const NEUTRON = { service: NETWORK_SERVICE };

const SubnetsSchema = z.looseObject({ subnets: z.array(SubnetSchema) });
const PortsSchema = z.looseObject({ ports: z.array(PortSchema) });
const CidrsSchema = z.looseObject({ subnets: z.array(z.looseObject({ cidr: z.string() })) });
const GroupsSchema = z.looseObject({ security_groups: z.array(z.looseObject({ id: z.string(), name: z.string(), description: z.string().nullable().optional() })) });

function useNeutronGet<T>(kind: string, path: string, schema: z.ZodType<T>, opts: { enabled?: boolean; staleTime?: number } = {}) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, kind, 'list', 'path', path],
    queryFn: async ({ signal }) => parseResponse(schema, await osCall(NEUTRON, { method: 'GET', path }, signal), `network ${path.split('?')[0]}`),
    enabled: opts.enabled ?? true,
    staleTime: opts.staleTime,
  });
}

export const useNetworkSubnets = (networkId: string) => useNeutronGet('subnet', `v2.0/subnets?network_id=${encodeURIComponent(networkId)}`, SubnetsSchema);

export const useNetworkPorts = (networkId: string) => useNeutronGet('port', `v2.0/ports?network_id=${encodeURIComponent(networkId)}`, PortsSchema);

/** Every CIDR the user can see (own, shared, external), for overlap-free suggestions. */
export function useVisibleCidrs(): string[] {
  const q = useNeutronGet('subnet', 'v2.0/subnets?fields=cidr', CidrsSchema, { staleTime: 10_000 });
  return (q.data?.subnets ?? []).map((s) => s.cidr);
}

/** The project's security groups (Neutron lists others' too to admins: filter by project). */
export function useProjectSecurityGroups() {
  const { projectId } = useProjectScope();
  return useNeutronGet('security-group', `v2.0/security-groups?project_id=${encodeURIComponent(projectId)}&fields=id&fields=name&fields=description`, GroupsSchema, { staleTime: 30_000 });
}

/** One Neutron call, then networks, subnets and ports refetch. */
export function useNeutronCall<V>(request: (v: V) => ApiRequest, onDone?: (body: unknown, v: V) => void) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => osCall<unknown>(NEUTRON, request(v)),
    onSuccess: (body, v) => onDone?.(body, v),
    onSettled: async () => {
      await Promise.all(['network', 'subnet', 'port'].map((k) => qc.invalidateQueries({ queryKey: ['os', projectId, k] })));
    },
  });
}
