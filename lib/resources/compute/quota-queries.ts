'use client';
// The overview's quota usage per service (Nova, Cinder, Neutron, Manila), polled every 15 s while the tab is visible, under
// the 'quota' kind: the overview refreshes it when the servers or volumes change.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '@/lib/client/api';
import { invalidateKinds, osCall, useProjectScope } from '../hooks';
import { parseCinderUsage, parseManilaDetail, parseManilaLimits, parseNeutronDetails, parseNovaDetail, parseNovaLimits, type QuotaItem } from './quotas';
import { COMPUTE_HEADERS } from './server';

export const QUOTA_POLL_MS = 15_000;
const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

type Fetcher = (service: string, projectId: string, signal: AbortSignal) => Promise<QuotaItem[]>;

async function computeQuota(service: string, projectId: string, signal: AbortSignal): Promise<QuotaItem[]> {
  try {
    return parseNovaDetail(await osCall({ service, headers: COMPUTE_HEADERS }, { method: 'GET', path: `os-quota-sets/${projectId}/detail` }, signal));
  } catch (e) {
    // A stricter quota-set policy: /limits is readable by every member of the project (no reservations there).
    if (e instanceof ApiError && e.status === 403) return parseNovaLimits(await osCall({ service, headers: COMPUTE_HEADERS }, { method: 'GET', path: 'limits' }, signal));
    throw e;
  }
}

const volumeQuota: Fetcher = async (service, pid, signal) => parseCinderUsage(await osCall({ service }, { method: 'GET', path: `os-quota-sets/${pid}?usage=true` }, signal));
const networkQuota: Fetcher = async (service, pid, signal) => parseNeutronDetails(await osCall({ service }, { method: 'GET', path: `v2.0/quotas/${pid}/details` }, signal));
// Manila at its default 2.73 (the proxy's): quota-set detail needs 2.25+; /limits where the policy refuses it.
async function shareQuota(service: string, projectId: string, signal: AbortSignal): Promise<QuotaItem[]> {
  try {
    return parseManilaDetail(await osCall({ service }, { method: 'GET', path: `quota-sets/${projectId}/detail` }, signal));
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return parseManilaLimits(await osCall({ service }, { method: 'GET', path: 'limits' }, signal));
    throw e;
  }
}

type QuotaKind = 'compute' | 'volume' | 'network' | 'share';
const FETCHERS: Record<QuotaKind, Fetcher> = { compute: computeQuota, volume: volumeQuota, network: networkQuota, share: shareQuota };

/** One service's quota usage; `service` is its catalog type (undefined: not in this cloud, not queried). */
export function useQuota(kind: QuotaKind, service: string | undefined) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, 'quota', kind],
    queryFn: ({ signal }) => FETCHERS[kind](service!, projectId, signal),
    enabled: !!service,
    refetchInterval: () => (hidden() ? false : QUOTA_POLL_MS),
  });
}

/** Refetch every quota of the project now (stable per project: an effect may depend on it). */
export function useRefreshQuotas() {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useCallback(() => invalidateKinds(qc, projectId, ['quota']), [qc, projectId]);
}
