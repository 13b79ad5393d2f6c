'use client';
// The two hooks every page's own data goes through, besides the definition hooks (hooks.ts): a GET of one path,
// cached under the kind it reads, and a call that says which kinds it changes. Keys:
// ['os', projectId, kind, 'path', path], so any mutation of that kind (useAction, useCreate, useOsMutation)
// refetches it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { invalidateKinds, osCall, useProjectScope } from './hooks';
import { parseResponse } from './schema';
import type { ApiRequest } from './types';

/** Where a call goes: the catalog type (the proxy's `[service]`) and per-service headers (microversions). */
export interface ServiceTarget {
  service: string;
  headers?: Record<string, string>;
}

export const pathKey = (projectId: string, kind: string, path: string) => ['os', projectId, kind, 'path', path] as const;

/** GET `path` on `target`, parsed with `schema` (the failing field is named in the error). */
export function usePathQuery<T>(kind: string, target: ServiceTarget, path: string, schema: z.ZodType<T>, opts: { enabled?: boolean; staleTime?: number } = {}) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: pathKey(projectId, kind, path),
    queryFn: async ({ signal }) => parseResponse(schema, await osCall(target, { method: 'GET', path }, signal), `${target.service} ${path.split('?')[0]}`),
    enabled: opts.enabled ?? true,
    staleTime: opts.staleTime ?? 15_000,
  });
}

/** One call; then the kinds it changes refetch (an attach changes the volume and the server). */
export function useOsMutation<V = void>(
  target: ServiceTarget,
  request: (v: V) => ApiRequest | Promise<ApiRequest>,
  opts: { invalidates: readonly string[]; onDone?: (body: unknown, v: V) => void },
) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: V) => osCall<unknown>(target, await request(v)),
    onSuccess: (body, v) => opts.onDone?.(body, v),
    onSettled: () => invalidateKinds(qc, projectId, opts.invalidates),
  });
}
