'use client';
// The overview's charts: quota usage per service (used, reserved, limit) and resources per status.
// Plain HTML/CSS bars with ARIA meters: no charting library, so the page adds no JS beyond this file, and every
// chart has a name, a text summary and a table of the numbers. Only catalog services are queried.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { ApiError } from '@/lib/client/api';
import { COMPUTE_HEADERS, serverDefinition } from '@/lib/resources/compute/server';
import { osCall, useProjectScope, useResourceList } from '@/lib/resources/hooks';
import { volumeDefinition } from '@/lib/resources/volume/volume';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { tableClass } from '@/components/ui/table';
import {
  countByStatus,
  formatAmount,
  isUnlimited,
  parseCinderUsage,
  parseNeutronDetails,
  parseNovaDetail,
  parseNovaLimits,
  quotaSummary,
  quotaTone,
  usedFraction,
  type QuotaItem,
} from './quotas';

/** Catalog types present for each quota API (undefined: not in this cloud, not queried). */
export interface UsageServices {
  compute?: string;
  volume?: string;
  network?: string;
}

const QUOTA_POLL_MS = 15_000;
const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

async function computeQuota(service: string, projectId: string, signal: AbortSignal): Promise<QuotaItem[]> {
  try {
    return parseNovaDetail(await osCall({ service, headers: COMPUTE_HEADERS }, { method: 'GET', path: `os-quota-sets/${projectId}/detail` }, signal));
  } catch (e) {
    // A stricter quota-set policy: /limits is readable by every member of the project (no reservations there).
    if (e instanceof ApiError && e.status === 403) return parseNovaLimits(await osCall({ service, headers: COMPUTE_HEADERS }, { method: 'GET', path: 'limits' }, signal));
    throw e;
  }
}

function useQuota(kind: 'compute' | 'volume' | 'network', service: string | undefined, fetcher: (service: string, projectId: string, signal: AbortSignal) => Promise<QuotaItem[]>) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, 'quota', kind],
    queryFn: ({ signal }) => fetcher(service!, projectId, signal),
    enabled: !!service,
    refetchInterval: () => (hidden() ? false : QUOTA_POLL_MS),
  });
}

export function UsageCharts({ services }: { services: UsageServices }) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const compute = useQuota('compute', services.compute, computeQuota);
  const volume = useQuota('volume', services.volume, async (service, pid, signal) =>
    parseCinderUsage(await osCall({ service }, { method: 'GET', path: `os-quota-sets/${pid}?usage=true` }, signal)),
  );
  const network = useQuota('network', services.network, async (service, pid, signal) =>
    parseNeutronDetails(await osCall({ service }, { method: 'GET', path: `v2.0/quotas/${pid}/details` }, signal)),
  );
  // Polled like the lists: every 2 s while something is changing, else every 30 s.
  const servers = useResourceList(serverDefinition, { filters: {}, limit: 1000 }, { enabled: !!services.compute });
  const volumes = useResourceList({ ...volumeDefinition, service: services.volume ?? volumeDefinition.service }, { filters: {}, limit: 1000 }, { enabled: !!services.volume });

  // When the resources change (a launch, a delete, a status settling), the usage changed too: refresh it now.
  const fingerprint = useMemo(
    () => [servers.data?.items.map((s) => `${s.id}:${s.status}`).join(','), volumes.data?.items.map((v) => `${v.id}:${v.status}`).join(',')].join('|'),
    [servers.data, volumes.data],
  );
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: ['os', projectId, 'quota'] });
  }, [fingerprint, projectId, qc]);

  const groups = [
    { id: 'compute', title: 'Compute', present: !!services.compute, q: compute },
    { id: 'volume', title: 'Block Storage', present: !!services.volume, q: volume },
    { id: 'network', title: 'Network', present: !!services.network, q: network },
  ].filter((g) => g.present);

  return (
    <div className="space-y-6">
      <section aria-labelledby="quota-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="quota-heading" className="text-lg font-semibold">
            Quota usage
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Used and reserved of each limit; refreshed every {QUOTA_POLL_MS / 1000} s</p>
        </div>
        {groups.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No service with quotas (Compute, Block Storage, Network) is in this cloud.</p>}
        <div className="grid gap-4 lg:grid-cols-3">
          {groups.map((g) => (
            <QuotaGroup key={g.id} title={g.title} items={g.q.data} pending={g.q.isPending} error={g.q.error} stale={g.q.isError && !!g.q.data} />
          ))}
        </div>
      </section>
      {(services.compute || services.volume) && (
        <section aria-labelledby="status-heading" className="space-y-3">
          <h2 id="status-heading" className="text-lg font-semibold">
            Resources by status
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {services.compute && (
              <StatusChart title="Instances by status" rows={servers.data?.items} status={serverDefinition.status!} pending={servers.isPending} error={servers.error} />
            )}
            {services.volume && (
              <StatusChart title="Volumes by status" rows={volumes.data?.items} status={volumeDefinition.status!} pending={volumes.isPending} error={volumes.error} />
            )}
          </div>
        </section>
      )}
    </div>
  );
}

const card = 'rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';
const toneBar = { ok: 'bg-brand-600 dark:bg-brand-500', warn: 'bg-amber-500', full: 'bg-red-600' } as const;

function QuotaGroup({ title, items, pending, error, stale }: { title: string; items?: QuotaItem[]; pending: boolean; error: unknown; stale: boolean }) {
  const tableId = useId();
  return (
    <section aria-label={`${title} quota`} className={card}>
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      {pending && <p className="mt-3 text-sm text-zinc-500">Loading quotas…</p>}
      {!items && !pending && !!error && (
        <div className="mt-3">
          <ApiErrorNotice title={`Could not read the ${title} quota`} error={error} />
        </div>
      )}
      {stale && (
        <p role="status" className="mt-2 text-xs text-amber-700 dark:text-amber-300">
          Stale: refresh failed
        </p>
      )}
      {items && (
        <>
          <ul className="mt-3 space-y-3">
            {items.map((q) => (
              <li key={q.id}>
                <QuotaMeter q={q} />
              </li>
            ))}
          </ul>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700 dark:text-brand-300">Table of the numbers</summary>
            <div className={`${tableClass.box} mt-2`}>
              <table className={tableClass.table} aria-labelledby={tableId}>
                <caption id={tableId} className="sr-only">
                  {title} quota usage
                </caption>
                <thead>
                  <tr>
                    <th className={tableClass.th}>Resource</th>
                    <th className={tableClass.th}>Used</th>
                    <th className={tableClass.th}>Reserved</th>
                    <th className={tableClass.th}>Limit</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((q) => (
                    <tr key={q.id} className="border-t border-zinc-100 dark:border-zinc-800">
                      <th scope="row" className={`${tableClass.td} text-left font-normal`}>
                        {q.label}
                      </th>
                      <td className={tableClass.td}>{formatAmount(q.used, q.unit)}</td>
                      <td className={tableClass.td}>{q.reserved === undefined ? 'not reported' : formatAmount(q.reserved, q.unit)}</td>
                      <td className={tableClass.td}>{isUnlimited(q) ? 'unlimited' : formatAmount(q.limit, q.unit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

function QuotaMeter({ q }: { q: QuotaItem }) {
  const labelId = useId();
  const summary = quotaSummary(q);
  const f = usedFraction(q);
  const usedPct = f === null ? 0 : Math.min(100, (q.used / Math.max(q.limit, 1)) * 100);
  const reservedPct = f === null ? 0 : Math.min(100 - usedPct, ((q.reserved ?? 0) / Math.max(q.limit, 1)) * 100);
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span id={labelId} className="font-medium">
          {q.label}
        </span>
        <span className="text-right text-xs text-zinc-600 tabular-nums dark:text-zinc-300">{summary}</span>
      </div>
      {f === null ? (
        <div role="img" aria-label={`${q.label}: ${summary}`} className="mt-1 h-2.5 rounded-full border border-dashed border-zinc-400 dark:border-zinc-600" title="Unlimited" />
      ) : (
        <div
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={q.limit}
          aria-valuenow={Math.min(q.used, Math.max(q.limit, 0))}
          aria-valuetext={summary}
          data-tone={quotaTone(q)}
          className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className={toneBar[quotaTone(q)]} style={{ width: `${usedPct}%` }} />
          <div className="bg-[repeating-linear-gradient(45deg,var(--color-zinc-500)_0_3px,transparent_3px_6px)]" style={{ width: `${reservedPct}%` }} />
        </div>
      )}
    </div>
  );
}

const toneDot: Record<string, string> = { ok: 'bg-emerald-600', busy: 'bg-sky-600', error: 'bg-red-600', unknown: 'bg-zinc-500' };

function StatusChart<T>({ title, rows, status, pending, error }: { title: string; rows?: readonly T[]; status: (row: T) => { label: string; tone: string }; pending: boolean; error: unknown }) {
  const headingId = useId();
  const counts = rows ? countByStatus(rows, status) : [];
  const max = Math.max(1, ...counts.map((c) => c.count));
  const total = rows?.length ?? 0;
  return (
    <section aria-labelledby={headingId} className={card}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {title}
        </h3>
        {rows && <span className="text-xs text-zinc-500 dark:text-zinc-400">{total} in total{total >= 1000 ? ' (first 1000)' : ''}</span>}
      </div>
      {pending && <p className="mt-3 text-sm text-zinc-500">Loading…</p>}
      {!rows && !pending && !!error && (
        <div className="mt-3">
          <ApiErrorNotice error={error} />
        </div>
      )}
      {rows && counts.length === 0 && <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">None yet.</p>}
      {counts.length > 0 && (
        // The list is the chart and its own text alternative: each bar carries its label and number as text.
        <ul aria-labelledby={headingId} className="mt-3 space-y-2">
          {counts.map((c) => (
            <li key={c.label} className="grid grid-cols-[minmax(6rem,auto)_1fr_2.5rem] items-center gap-2 text-sm">
              <span className="flex items-center gap-1.5">
                <span aria-hidden="true" className={`h-2 w-2 rounded-full ${toneDot[c.tone] ?? toneDot.unknown}`} />
                {c.label}
              </span>
              <span aria-hidden="true" className="h-3 rounded bg-zinc-100 dark:bg-zinc-800">
                <span className={`block h-3 rounded ${toneDot[c.tone] ?? toneDot.unknown}`} style={{ width: `${(c.count / max) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums">
                <span className="sr-only">: </span>
                {c.count}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
