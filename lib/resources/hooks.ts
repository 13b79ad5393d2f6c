'use client';
// Typed data access for resource definitions, on TanStack Query and the proxy (/api/os/<service>/<path>).
// Keys: ['os', projectId, kind, 'list', params] | ['os', projectId, kind, 'item', id] | ['os', projectId, kind, 'names', ids].
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient, type Query, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { apiFetch, ApiError, sendWhileLeaving } from '@/lib/client/api';
import { observeStatuses } from '@/lib/client/activity';
import { pollInterval, trackChange, type ChangeTracker } from './polling';
import { listKey, listQuery, pageFromBody, type ListParams } from './list-page';
import { parseItem } from './schema';
import { byRegion, inRegion, mergeRegions, regionHeaders, rowRegion, type MergedRegions } from './regions';
import type { AnyDefinition, ApiRequest, ListPage, Lookup, ResourceAction, ResourceDefinition, RowContext, StatusInfo } from './types';

export function useProjectScope(): { cloud: string; projectId: string; region: string } {
  const params = useParams<{ cloud: string; projectId: string }>();
  const search = useSearchParams();
  return { cloud: params.cloud, projectId: params.projectId, region: search.get('region') ?? '' };
}

/** `/<cloud>/<project>/<slug>[/<rest>]?region=...`: the page's region, unless `query` names another (a row of an
 *  "All regions" list links to its own region). */
export function useResourceHref() {
  const { cloud, projectId, region } = useProjectScope();
  return (slug: string, rest = '', query = '') => {
    const q = new URLSearchParams(query);
    if (region && !q.has('region')) q.set('region', region);
    const s = q.toString();
    return `/${encodeURIComponent(cloud)}/${encodeURIComponent(projectId)}/${slug}${rest ? `/${rest}` : ''}${s ? `?${s}` : ''}`;
  };
}

export function osPath(service: string, path: string): string {
  return `/api/os/${service}/${path.replace(/^\//, '')}`;
}

export function osCall<T = unknown>(def: Pick<AnyDefinition, 'service' | 'headers'>, req: ApiRequest, signal?: AbortSignal): Promise<T> {
  return apiFetch<T>(osPath(def.service, req.path), { method: req.method, body: req.body, headers: { ...def.headers, ...req.headers }, signal, cli: req.cli });
}

/** osCall for a page that is going away: sent as a keepalive request, the answer is not read. */
export function sendOsCallWhileLeaving(def: Pick<AnyDefinition, 'service' | 'headers'>, req: ApiRequest): void {
  sendWhileLeaving(osPath(def.service, req.path), { method: req.method, body: req.body, headers: { ...def.headers, ...req.headers }, cli: req.cli });
}

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

export { listKey, listQuery, offsetPage, type ListParams } from './list-page';

export async function fetchListPage<T>(def: ResourceDefinition<T>, params: ListParams, signal?: AbortSignal): Promise<ListPage<T>> {
  return pageFromBody(def, params, await osCall(inRegion(def, params.region), { method: 'GET', path: listQuery(def, params) }, signal));
}

export const itemKey = (projectId: string, kind: string, id: string) => ['os', projectId, kind, 'item', id] as const;

/** One page of a list, polled while any row is busy (see polling.ts). A failed poll keeps the old rows. */
export function useResourceList<T>(def: ResourceDefinition<T>, params: ListParams, options: { enabled?: boolean } = {}) {
  const { projectId } = useProjectScope();
  const tracker = useRef<ChangeTracker | undefined>(undefined);
  return useQuery({
    queryKey: listKey(projectId, def.kind, params),
    queryFn: ({ signal }) => fetchListPage(def, params, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    refetchOnWindowFocus: true,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data) tracker.current = trackChange(tracker.current, data, query.state.dataUpdatedAt);
      if (data) reportStatuses(projectId, def, data.items);
      const busy = !!def.status && !!data?.items.some((r) => def.status!(r).tone === 'busy');
      return pollInterval({ hidden: hidden(), busy, unchanged: tracker.current?.unchanged ?? 0 });
    },
  });
}

/** What an "All regions" list shows: the merged rows, each region's failure beside the others' rows. */
export interface RegionLists<T> extends MergedRegions<T> {
  /** Every region is still loading its first page. */
  isPending: boolean;
  isFetching: boolean;
  refetch: (region: string) => void;
}

/**
 * The combined result as a class instance, not a plain object: TanStack structurally shares a plain combined result
 * with the previous one, which copies rows that changed into new objects, and a copy has lost its region (regions.ts
 * remembers a row's region by the row object itself).
 */
class MergedLists<T> implements RegionLists<T> {
  readonly rows: T[];
  readonly failed: MergedRegions<T>['failed'];
  readonly pending: string[];
  readonly more: string[];
  constructor(
    merged: MergedRegions<T>,
    readonly isPending: boolean,
    readonly isFetching: boolean,
    readonly refetch: (region: string) => void,
  ) {
    this.rows = merged.rows;
    this.failed = merged.failed;
    this.pending = merged.pending;
    this.more = merged.more;
  }
}

/**
 * The list's page asked of every region at once, each region a query of its own: polled on its own (a region with a
 * transitional row polls fast while the others idle), failing on its own (a region without the service answers 404
 * and is not retried), and merged with each row tagged with its region (regions.ts).
 */
export function useRegionLists<T>(def: ResourceDefinition<T>, params: ListParams, regions: readonly string[]): RegionLists<T> {
  const { projectId } = useProjectScope();
  const trackers = useRef(new Map<string, ChangeTracker>());
  const combine = useCallback(
    (rs: UseQueryResult<ListPage<T>>[]): RegionLists<T> =>
      new MergedLists(
        mergeRegions(rs.map((r, i) => ({ region: regions[i], items: r.data?.items, next: r.data?.next, error: r.error ?? undefined, pending: r.isPending }))),
        rs.length > 0 && rs.every((r) => r.isPending),
        rs.some((r) => r.isFetching),
        (region: string) => void rs[regions.indexOf(region)]?.refetch(),
      ),
    [regions],
  );
  return useQueries({
    queries: regions.map((region) => {
      const p = { ...params, region };
      return {
        queryKey: listKey(projectId, def.kind, p),
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchListPage(def, p, signal),
        placeholderData: keepPreviousData,
        refetchOnWindowFocus: true,
        retry: (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchInterval: (query: { state: { data: ListPage<T> | undefined; dataUpdatedAt: number } }) => {
          const data = query.state.data;
          const prev = trackers.current.get(region);
          if (data) trackers.current.set(region, trackChange(prev, data, query.state.dataUpdatedAt));
          if (data) reportStatuses(projectId, def, data.items);
          const busy = !!def.status && !!data?.items.some((r) => def.status!(r).tone === 'busy');
          return pollInterval({ hidden: hidden(), busy, unchanged: trackers.current.get(region)?.unchanged ?? 0 });
        },
      };
    }),
    combine,
  });
}

/**
 * The page after this one, read in the background once this one is on screen: first pages are small so the first
 * row comes fast (servers: 20 rows), and "Next" then shows its rows at once.
 */
export function usePrefetchNextPage<T>(def: ResourceDefinition<T>, params: ListParams, next: string | undefined) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const nextParams = next && def.pageSize && def.paging !== 'offset' ? { ...params, marker: next } : undefined;
  const key = nextParams ? JSON.stringify(nextParams) : '';
  useEffect(() => {
    if (!key || hidden()) return;
    const p = JSON.parse(key) as ListParams;
    // After the browser has drawn this page and run its first effects (the lookups of the rows on screen).
    const timer = window.setTimeout(() => void qc.prefetchQuery({ queryKey: listKey(projectId, def.kind, p), queryFn: ({ signal }) => fetchListPage(def, p, signal) }), 500);
    return () => window.clearTimeout(timer);
  }, [key, qc, projectId, def]);
}

/** Feeds the activity list (lib/client/activity.ts) with what this poll saw. */
function reportStatuses<T>(projectId: string, def: ResourceDefinition<T>, rows: readonly T[]) {
  const status = def.status;
  if (!status) return;
  observeStatuses(projectId, { kind: def.kind, label: def.label.singular, slug: def.slug }, rows.map((r) => ({ id: def.id(r), name: def.name(r), ...pick(status(r)) })));
}

const pick = (s: StatusInfo) => ({ label: s.label, tone: s.tone });

export function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** One object, polled while busy; a 404 means it is gone (polling stops, the page says so). */
export function useResource<T>(def: ResourceDefinition<T>, id: string) {
  const { projectId } = useProjectScope();
  const tracker = useRef<ChangeTracker | undefined>(undefined);
  return useQuery({
    queryKey: itemKey(projectId, def.kind, id),
    queryFn: async ({ signal }) => {
      const path = def.paths.item(id);
      const body = await osCall(def, { method: 'GET', path }, signal);
      return parseItem(def.schema, body, def.keys.item, `${def.service} ${path}`);
    },
    refetchOnWindowFocus: true,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data) tracker.current = trackChange(tracker.current, data, query.state.dataUpdatedAt);
      if (data) reportStatuses(projectId, def, [data]);
      const busy = !!data && !!def.status && def.status(data).tone === 'busy';
      return pollInterval({ hidden: hidden(), busy, unchanged: tracker.current?.unchanged ?? 0, gone: isGone(query.state.error) });
    },
  });
}

/** A lookup asked per object (`each`) reads at most this many: a long list shows the rest without. */
export const LOOKUP_EACH_MAX = 50;

/**
 * Names of related objects referenced by the rows on screen: one request per lookup, by id, cached a minute. Rows of
 * an "All regions" list name objects of their own region, so each region's ids are looked up in that region.
 */
export function useLookups<T>(def: ResourceDefinition<T>, rows: readonly T[]): RowContext {
  const { projectId } = useProjectScope();
  const lookups = def.lookups ?? [];
  const groups = [...byRegion(rows)];
  const jobs = lookups.flatMap((l: Lookup<T>) => groups.map(([region, rs]) => ({ l, region, ids: [...new Set(l.ids(rs))].filter(Boolean).sort() })));
  const results = useQueries({
    queries: jobs.map(({ l, region, ids }) => {
      const headers = regionHeaders(region);
      return {
        queryKey: region ? ['os', projectId, l.kind, 'names', ids, region] : ['os', projectId, l.kind, 'names', ids],
        queryFn: async ({ signal }: { signal: AbortSignal }) => {
          if (l.each) {
            const each = l.each;
            // One object's refusal (an image an admin sees but is no member of: 404) leaves the others' answers.
            const answers = await Promise.all(
              ids.slice(0, LOOKUP_EACH_MAX).map((id) => apiFetch<Record<string, unknown>>(osPath(l.service, each(id)), { signal, headers }).then((b) => [[id, l.label(b)] as const], () => [])),
            );
            return Object.fromEntries(answers.flat());
          }
          const body = await apiFetch<Record<string, unknown>>(osPath(l.service, l.path(ids)), { signal, headers });
          const list = Array.isArray(body?.[l.key]) ? (body[l.key] as Record<string, unknown>[]) : [];
          return Object.fromEntries(list.map((o) => [l.idOf ? l.idOf(o) : String(o.id), l.label(o)]));
        },
        enabled: ids.length > 0,
        staleTime: 60_000,
        placeholderData: keepPreviousData,
      };
    }),
  });
  const out: RowContext = { lookups: {} };
  for (const l of lookups) out.lookups[l.name] = {};
  jobs.forEach(({ l }, i) => Object.assign(out.lookups[l.name], (results[i]?.data as Record<string, string> | undefined) ?? {}));
  return out;
}

/** Replace a row wherever it is cached (list pages and the item), by id. */
export function patchCachedRow<T>(qc: QueryClient, projectId: string, def: ResourceDefinition<T>, id: string, fn: (row: T) => T | undefined, region?: string) {
  // A row of an "All regions" list is patched in its own region's lists only: two regions may hold the same id.
  const inRegion = (q: Query) => q.queryKey[3] === 'list' && (q.queryKey[4] as ListParams | undefined)?.region === region;
  qc.setQueriesData<unknown>({ queryKey: ['os', projectId, def.kind], ...(region ? { predicate: inRegion } : {}) }, (old: unknown) => {
    if (!old || typeof old !== 'object') return old;
    if ('items' in (old as object) && Array.isArray((old as ListPage<T>).items)) {
      const page = old as ListPage<T>;
      let changed = false;
      const items: T[] = [];
      for (const r of page.items) {
        if (def.id(r) !== id) {
          items.push(r);
          continue;
        }
        changed = true;
        const n = fn(r);
        if (n !== undefined) items.push(n);
      }
      return changed ? { ...page, items } : old;
    }
    try {
      if (def.id(old as T) === id) return fn(old as T) ?? old;
    } catch {
      // not a row of this kind (e.g. a names map)
    }
    return old;
  });
}

/** Run an action on rows: optimistic status at once, then a refetch. A 404 on delete means already gone. */
export function useAction<T>(def: ResourceDefinition<T>) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, rows }: { action: ResourceAction<T>; rows: readonly T[] }) => {
      // A poll in flight must not overwrite the optimistic status with the old one.
      await qc.cancelQueries({ queryKey: ['os', projectId, def.kind] });
      for (const row of rows) if (action.optimistic) patchCachedRow(qc, projectId, def, def.id(row), action.optimistic, rowRegion(row));
      const results = await Promise.allSettled(
        rows.map((row) =>
          // A row of an "All regions" list is acted on in its own region.
          osCall(inRegion(def, rowRegion(row)), { ...action.request(row), cli: action.cli(row) }).catch((e: unknown) => {
            if (action.id === 'delete' && isGone(e)) {
              patchCachedRow(qc, projectId, def, def.id(row), () => undefined, rowRegion(row));
              return undefined;
            }
            throw e;
          }),
        ),
      );
      const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ row: rows[i], error: r.reason as unknown }] : []));
      if (failed.length) throw failed[0].error;
      return results.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
    },
    onSettled: () => invalidateDefinition(qc, projectId, def),
  });
}

/** Refetch every cached query of these kinds (lists, items, names, paths). */
export function invalidateKinds(qc: QueryClient, projectId: string, kinds: readonly string[]): Promise<unknown> {
  return Promise.all([...new Set(kinds)].map((k) => qc.invalidateQueries({ queryKey: ['os', projectId, k] })));
}

/** A kind and the kinds its mutations change (the definition's `invalidates`). */
const invalidateDefinition = (qc: QueryClient, projectId: string, def: Pick<AnyDefinition, 'kind' | 'invalidates'>) =>
  invalidateKinds(qc, projectId, [def.kind, ...(def.invalidates ?? [])]);

/** Delete rows with the definition's delete action (or a plain DELETE of the item path). */
export function useDelete<T>(def: ResourceDefinition<T>) {
  const m = useAction(def);
  const action: ResourceAction<T> = def.actions?.find((a) => a.id === 'delete') ?? {
    id: 'delete',
    label: 'common.delete',
    allowed: () => true,
    request: (row) => ({ method: 'DELETE', path: def.paths.item(def.id(row)) }),
    cli: (row) => `openstack ${def.kind} delete ${def.id(row)}`,
  };
  return { ...m, remove: (rows: readonly T[]) => m.mutateAsync({ action, rows }) };
}

export function useCreate<T, C>(def: ResourceDefinition<T, C>) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: C) => {
      if (!def.create) throw new Error(`${def.kind} cannot be created here`);
      return osCall<unknown>(def, { ...def.create.request(input), cli: def.create.cli(input) });
    },
    onSettled: () => invalidateDefinition(qc, projectId, def),
  });
}

export function useUpdate<T>(def: ResourceDefinition<T>) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ request, cli }: { row: T; request: ApiRequest; cli?: string }) => osCall<unknown>(def, cli ? { ...request, cli } : request),
    // The whole kind (lists, items, the pickers' path queries) and the kinds it changes.
    onSettled: () => invalidateDefinition(qc, projectId, def),
  });
}

/** Show a just-created row at once (e.g. a server in BUILD) on cached first pages, before the refetch. */
export function prependCachedRow<T>(qc: QueryClient, projectId: string, def: ResourceDefinition<T>, row: T) {
  const id = def.id(row);
  qc.setQueriesData<unknown>({ queryKey: ['os', projectId, def.kind, 'list'] }, (old: unknown) => {
    if (!old || typeof old !== 'object' || !Array.isArray((old as ListPage<T>).items)) return old;
    const page = old as ListPage<T>;
    if (page.items.some((r) => def.id(r) === id)) return old;
    return { ...page, items: [row, ...page.items] };
  });
}
