'use client';
// Ironic calls the node pages share beyond the generic hooks: drivers, a node's ports, and mutations that
// refetch the node and its ports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import type { ApiRequest } from '@/lib/resources/types';
import { nodeDefinition as def } from '@/lib/resources/baremetal/node';
import { nodePortsPath, PortListSchema } from '@/lib/resources/baremetal/port';

const DriversSchema = z.looseObject({ drivers: z.array(z.looseObject({ name: z.string(), hosts: z.array(z.string()).optional() })) });

export function useDrivers() {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, 'baremetal-driver', 'options'],
    queryFn: async ({ signal }) => parseResponse(DriversSchema, await osCall(def, { method: 'GET', path: 'v1/drivers' }, signal), 'baremetal v1/drivers').drivers,
    staleTime: 60_000,
  });
}

export function useNodePorts(nodeUuid: string) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, def.kind, 'ports', nodeUuid],
    queryFn: async ({ signal }) => parseResponse(PortListSchema, await osCall(def, { method: 'GET', path: nodePortsPath(nodeUuid) }, signal), 'baremetal v1/ports/detail').ports,
  });
}

/** One Ironic call, then every node query (lists, the item, its ports) refetches. */
export function useIronicCall<V>(request: (v: V) => ApiRequest, onDone?: (body: unknown, v: V) => void) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => osCall<unknown>(def, request(v)),
    onSuccess: (body, v) => onDone?.(body, v),
    onSettled: () => qc.invalidateQueries({ queryKey: ['os', projectId, def.kind] }),
  });
}
