'use client';
// Small queries and mutations the volume pages share: quota, types, zones, servers, and calls that touch
// both Cinder and Nova (attach/detach), invalidating both kinds' caches.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import type { ApiRequest } from '@/lib/resources/types';
import { COMPUTE_HEADERS } from '@/lib/resources/compute/server';
import { remainingGigabytes, VOLUME_SERVICE } from '@/lib/resources/volume/volume';

export const CINDER = { service: VOLUME_SERVICE };
export const NOVA = { service: 'compute', headers: COMPUTE_HEADERS };

const LimitsSchema = z.looseObject({ limits: z.looseObject({ absolute: z.record(z.string(), z.number()) }) });
const TypesSchema = z.looseObject({ volume_types: z.array(z.looseObject({ id: z.string(), name: z.string(), description: z.string().nullable().optional() })) });
const ZonesSchema = z.looseObject({ availabilityZoneInfo: z.array(z.looseObject({ zoneName: z.string(), zoneState: z.looseObject({ available: z.boolean() }).optional() })) });
const ServersSchema = z.looseObject({ servers: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })) });

function useGet<T>(kind: string, target: { service: string; headers?: Record<string, string> }, path: string, schema: z.ZodType<T>, enabled = true) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, kind, 'options', path],
    queryFn: async ({ signal }) => parseResponse(schema, await osCall(target, { method: 'GET', path }, signal), `${target.service} ${path}`),
    staleTime: 30_000,
    enabled,
  });
}

/** Cinder's absolute limits; `remaining` is the gigabytes left (undefined = unlimited or unknown). */
export function useVolumeLimits() {
  // Under the 'volume' kind so any volume change refetches it.
  const q = useGet('volume', CINDER, 'limits', LimitsSchema);
  const abs = q.data?.limits.absolute;
  return { ...q, abs, remaining: remainingGigabytes(abs) };
}

export const useVolumeTypes = () => useGet('volume-type', CINDER, 'types', TypesSchema);
export const useVolumeZones = () => useGet('volume-zone', CINDER, 'os-availability-zone', ZonesSchema);
export const useServers = (enabled = true) => useGet('server', NOVA, 'servers/detail?limit=1000', ServersSchema, enabled);

/** One call to Cinder or Nova, then both kinds refetch (an attach changes the volume and the server). */
export function useStorageCall<V = void>(target: { service: string; headers?: Record<string, string> }, request: (v: V) => ApiRequest, onDone?: (body: unknown, v: V) => void) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => osCall<unknown>(target, request(v)),
    onSuccess: (body, v) => onDone?.(body, v),
    onSettled: async () => {
      await Promise.all(['volume', 'volume-snapshot', 'server'].map((k) => qc.invalidateQueries({ queryKey: ['os', projectId, k] })));
    },
  });
}
