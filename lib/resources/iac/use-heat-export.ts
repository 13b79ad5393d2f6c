'use client';
// The reads behind exporting a Heat template: each exportable kind's objects (the picker) and the inventory the
// chosen kinds' mappings need (ports, subnets, networks, image and flavor names), through the pages' shared paths.
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useFlavorNames } from '../compute/queries';
import { fetchListPage, useProjectScope } from '../hooks';
import { useActiveImages } from '../image/queries';
import { listKey, type ListParams } from '../list-page';
import { useNetworks, usePorts } from '../network/queries';
import { useVisibleSubnets } from '../network/floating-ip-queries';
import { findSection } from '../registry';
import type { AnyDefinition, ListPage } from '../types';
import { exportableKinds, heatTemplateFor, inventoryParts, type HeatInventory, type HeatTemplateResult } from './heat-template';

/** The picker reads one page of this many objects per kind (the lists' own pages are smaller). */
export const EXPORT_PAGE = 500;
const PARAMS: ListParams = { filters: {}, limit: EXPORT_PAGE };

export interface ExportCandidates {
  def: AnyDefinition;
  rows: readonly unknown[];
  isPending: boolean;
  error: unknown;
}

/** The kinds a template can be made of that have a page of their own (subnets come with their networks). */
let pickableKinds: AnyDefinition[] | undefined;
const pickable = () => (pickableKinds ??= exportableKinds().filter((d) => !!findSection(d.slug)));

/** The kinds' objects, of the kinds `available` allows (the cloud has their service, the user may list them). */
export function useExportCandidates(available: (slug: string) => boolean): ExportCandidates[] {
  const { projectId } = useProjectScope();
  const all = pickable();
  const key = all.map((d) => (available(d.slug) ? '1' : '0')).join('');
  const kinds = useMemo(() => all.filter((_, i) => key[i] === '1'), [all, key]);
  const combine = useCallback(
    (results: UseQueryResult<ListPage<unknown>>[]) => kinds.map((def, i) => ({ def, rows: results[i]?.data?.items ?? [], isPending: !!results[i]?.isPending, error: results[i]?.error ?? undefined })),
    [kinds],
  );
  return useQueries({
    queries: kinds.map((def) => ({ queryKey: listKey(projectId, def.kind, PARAMS), queryFn: ({ signal }: { signal: AbortSignal }) => fetchListPage(def, PARAMS, signal) })),
    // Combined once per change of the answers, so the page's choice of rows is stable between renders.
    combine,
  });
}

/** The template of the chosen objects, once the inventory their kinds read has loaded. */
export function useHeatTemplate(items: ReadonlyArray<{ slug: string; row: unknown }>): { result?: HeatTemplateResult; isPending: boolean; error: unknown } {
  const { projectId } = useProjectScope();
  const parts = inventoryParts([...new Set(items.map((i) => i.slug))]);
  const wants = (p: keyof HeatInventory) => items.length > 0 && parts.includes(p);
  const ports = usePorts(`project_id=${encodeURIComponent(projectId)}`, wants('ports'));
  const subnets = useVisibleSubnets();
  const networks = useNetworks();
  const images = useActiveImages({ enabled: wants('images') });
  const flavors = useFlavorNames();
  const used = [wants('ports') && ports, wants('subnets') && subnets, wants('networks') && networks, wants('images') && images, wants('flavors') && flavors].filter((q) => !!q);
  const isPending = used.some((q) => q.isPending);
  const error = used.find((q) => q.isError)?.error;
  const result = useMemo(() => {
    if (isPending || items.length === 0) return undefined;
    return heatTemplateFor(items, {
      ports: ports.data ?? [],
      subnets: subnets.data ?? [],
      networks: networks.data ?? [],
      images: Object.fromEntries((images.data ?? []).map((i) => [i.id, i.name ?? i.id])),
      flavors: Object.fromEntries((flavors.data?.flavors ?? []).map((f) => [f.id, f.name ?? f.id])),
    });
  }, [isPending, items, ports.data, subnets.data, networks.data, images.data, flavors.data]);
  return { result, isPending, error };
}
