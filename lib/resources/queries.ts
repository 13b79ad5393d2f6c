'use client';
// The two hooks every page's own data goes through, besides the definition hooks (hooks.ts): a GET of one path,
// cached under the kind it reads, and a call that says which kinds it changes. Keys:
// ['os', projectId, kind, 'path', path], so any mutation of that kind (useAction, useCreate, useOsMutation)
// refetches it.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { invalidateKinds, osCall, prependCachedRow, useProjectScope } from './hooks';
import { parseResponse } from './schema';
import type { ApiRequest, ResourceDefinition, ServiceTarget } from './types';

export type { ServiceTarget };

export const pathKey = (projectId: string, kind: string, path: string) => ['os', projectId, kind, 'path', path] as const;

export interface PathQueryOptions<T, S> {
  enabled?: boolean;
  staleTime?: number;
  /** The part of the parsed answer the caller reads (the array under `servers`); the cache holds the whole answer. */
  select?: (body: T) => S;
  /** Poll while the answer says so (a snapshot still creating): milliseconds, or false. */
  refetchInterval?: (body: T | undefined, error: unknown) => number | false;
  /** Keep showing the previous answer while another path loads (a longer console log). */
  keepPrevious?: boolean;
  retry?: boolean;
}

/**
 * GET `path` on `target`, parsed with `schema` (the failing field is named in the error). One path has one schema:
 * callers sharing a path (the active images, the server names) share the schema that lives beside the kind.
 */
export function usePathQuery<T, S = T>(kind: string, target: ServiceTarget, path: string, schema: z.ZodType<T>, opts: PathQueryOptions<T, S> = {}) {
  const { projectId } = useProjectScope();
  const interval = opts.refetchInterval;
  return useQuery({
    queryKey: pathKey(projectId, kind, path),
    queryFn: async ({ signal }) => parseResponse(schema, await osCall(target, { method: 'GET', path }, signal), `${target.service} ${path.split('?')[0]}`),
    enabled: opts.enabled ?? true,
    staleTime: opts.staleTime ?? 15_000,
    ...(opts.select ? { select: opts.select } : {}),
    ...(interval ? { refetchInterval: (q: { state: { data: T | undefined; error: unknown } }) => interval(q.state.data, q.state.error) } : {}),
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(opts.retry === undefined ? {} : { retry: opts.retry }),
  });
}

/** Refetch these kinds now (a multi-step create that is not one mutation). */
export function useInvalidateKinds() {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return (kinds: readonly string[]) => invalidateKinds(qc, projectId, kinds);
}

/** Show a just-created row at once on the kind's cached first pages (a network, a server in BUILD). */
export function usePrependRow<T>(def: ResourceDefinition<T>) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return (row: T) => prependCachedRow(qc, projectId, def, row);
}

/** One call; then the kinds it changes refetch (an attach changes the volume and the server). */
export function useOsMutation<V = void>(
  target: ServiceTarget,
  request: (v: V) => ApiRequest | Promise<ApiRequest>,
  opts: { invalidates: readonly string[]; onDone?: (body: unknown, v: V) => void; cli?: (v: V) => string },
) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    // The page's CLI line goes with the call to the session recorder (lib/recorder).
    mutationFn: async (v: V) => osCall<unknown>(target, { ...(await request(v)), ...(opts.cli ? { cli: opts.cli(v) } : {}) }),
    onSuccess: (body, v) => opts.onDone?.(body, v),
    onSettled: () => invalidateKinds(qc, projectId, opts.invalidates),
  });
}
