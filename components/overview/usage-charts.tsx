'use client';
// The overview's charts: quota usage per service (used, reserved, limit) and resources per status.
// The charts themselves (Chart.js, charts.tsx) load lazily after the numbers: the text rows beside each chart are
// ARIA meters and a legend carrying the same numbers, and each group has a table of them. Only catalog services
// are queried.

import dynamic from 'next/dynamic';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { QUOTA_POLL_MS, useQuota, useRefreshQuotas } from '@/lib/resources/compute/quota-queries';
import { serverDefinition } from '@/lib/resources/compute/server';
import { useResourceList } from '@/lib/resources/hooks';
import { volumeDefinition } from '@/lib/resources/volume/volume';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { tableClass } from '@/components/ui/table';
import type { StatusInfo } from '@/lib/resources/types';
import {
  countByStatus,
  formatAmount,
  isUnlimited,
  quotaSummary,
  quotaTone,
  statusColors,
  usedFraction,
  type QuotaItem,
} from '@/lib/resources/compute/quotas';

// Placeholders keep the layout still while Chart.js loads.
const QuotaBarChart = dynamic(() => import('./charts').then((m) => m.QuotaBarChart), { ssr: false, loading: () => <div aria-hidden="true" className="h-40" /> });
const StatusDoughnut = dynamic(() => import('./charts').then((m) => m.StatusDoughnut), { ssr: false, loading: () => <div aria-hidden="true" className="h-36 w-36 shrink-0" /> });

/**
 * Instances and volumes counted by status: the newest page of each list, a call that does not grow with the project
 * (a project of 5,000 servers made the overview list them all). The totals come from the quota usage.
 */
const LIST_LIMIT = 100;

/** Catalog types present for each quota API (undefined: not in this cloud, not queried). */
export interface UsageServices {
  compute?: string;
  volume?: string;
  network?: string;
  share?: string;
}

export function UsageCharts({ services }: { services: UsageServices }) {
  const t = useTranslations('overview');
  const format = useFormatter();
  const refreshQuotas = useRefreshQuotas();
  const compute = useQuota('compute', services.compute);
  const volume = useQuota('volume', services.volume);
  const network = useQuota('network', services.network);
  const share = useQuota('share', services.share);
  // Polled like the lists: every 2 s while something is changing, else every 30 s.
  const servers = useResourceList(serverDefinition, { filters: {}, limit: LIST_LIMIT }, { enabled: !!services.compute });
  const volumes = useResourceList({ ...volumeDefinition, service: services.volume ?? volumeDefinition.service }, { filters: {}, limit: LIST_LIMIT }, { enabled: !!services.volume });

  // When the resources change (a launch, a delete, a status settling), the usage changed too: refresh it now. Not
  // when the lists first arrive: the quotas were just read, and refetching them then aborted those first calls.
  const fingerprint = useMemo(
    () =>
      servers.data && volumes.data
        ? [servers.data.items.map((s) => `${s.id}:${s.status}`).join(','), volumes.data.items.map((v) => `${v.id}:${v.status}`).join(',')].join('|')
        : undefined,
    [servers.data, volumes.data],
  );
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (fingerprint === undefined) return;
    const before = seen.current;
    seen.current = fingerprint;
    if (before !== undefined && before !== fingerprint) void refreshQuotas();
  }, [fingerprint, refreshQuotas]);
  const inUse = (items: QuotaItem[] | undefined, id: string) => items?.find((i) => i.id === id)?.used;

  const groups = [
    { id: 'compute', title: t('quota.groups.compute'), present: !!services.compute, q: compute },
    { id: 'volume', title: t('quota.groups.volume'), present: !!services.volume, q: volume },
    { id: 'network', title: t('quota.groups.network'), present: !!services.network, q: network },
    { id: 'share', title: t('quota.groups.share'), present: !!services.share, q: share },
  ].filter((g) => g.present);

  return (
    <div className="space-y-6">
      <section aria-labelledby="quota-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="quota-heading" className="text-lg font-semibold">
            {t('quota.heading')}
          </h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('quota.intro', { seconds: format.number(QUOTA_POLL_MS / 1000) })}</p>
        </div>
        {groups.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('quota.none')}</p>}
        <div className="grid gap-4 lg:grid-cols-3">
          {groups.map((g) => (
            <QuotaGroup key={g.id} title={g.title} items={g.q.data} pending={g.q.isPending} error={g.q.error} stale={g.q.isError && !!g.q.data} />
          ))}
        </div>
      </section>
      {(services.compute || services.volume) && (
        <section aria-labelledby="status-heading" className="space-y-3">
          <h2 id="status-heading" className="text-lg font-semibold">
            {t('status.heading')}
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {services.compute && (
              <StatusChart title={t('status.instances')} rows={servers.data?.items} total={inUse(compute.data, 'instances')} status={serverDefinition.status!} pending={servers.isPending} error={servers.error} />
            )}
            {services.volume && (
              <StatusChart title={t('status.volumes')} rows={volumes.data?.items} total={inUse(volume.data, 'volumes')} status={volumeDefinition.status!} pending={volumes.isPending} error={volumes.error} />
            )}
          </div>
        </section>
      )}
    </div>
  );
}

const card = 'rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

function QuotaGroup({ title, items, pending, error, stale }: { title: string; items?: QuotaItem[]; pending: boolean; error: unknown; stale: boolean }) {
  const t = useTranslations('overview.quota');
  const m = useMsg();
  const locale = useLocale();
  const tableId = useId();
  return (
    <section aria-label={t('region', { group: title })} className={card}>
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      {pending && <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">{t('loading')}</p>}
      {!items && !pending && !!error && (
        <div className="mt-3">
          <ApiErrorNotice title={t('readFailed', { group: title })} error={error} />
        </div>
      )}
      {stale && (
        <p role="status" className="mt-2 text-xs text-amber-700 dark:text-amber-300">
          {t('stale')}
        </p>
      )}
      {items && (
        <>
          {items.length > 0 && (
            <div className="mt-3">
              <QuotaBarChart title={title} items={items} />
            </div>
          )}
          <ul className="mt-3 space-y-1">
            {items.map((q) => (
              <li key={q.id}>
                <QuotaMeter q={q} />
              </li>
            ))}
          </ul>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-700 dark:text-brand-300">{t('table')}</summary>
            <div className={`${tableClass.box} mt-2`}>
              <table className={tableClass.table} aria-labelledby={tableId}>
                <caption id={tableId} className="sr-only">
                  {t('caption', { group: title })}
                </caption>
                <thead>
                  <tr>
                    <th className={tableClass.th}>{t('columns.resource')}</th>
                    <th className={tableClass.th}>{t('columns.used')}</th>
                    <th className={tableClass.th}>{t('columns.reserved')}</th>
                    <th className={tableClass.th}>{t('columns.limit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((q) => (
                    <tr key={q.id} className="border-t border-zinc-100 dark:border-zinc-800">
                      <th scope="row" className={`${tableClass.td} text-left font-normal`}>
                        {m(q.label)}
                      </th>
                      <td className={tableClass.td}>{formatAmount(q.used, q.unit, locale)}</td>
                      <td className={tableClass.td}>{q.reserved === undefined ? t('notReported') : formatAmount(q.reserved, q.unit, locale)}</td>
                      <td className={tableClass.td}>{isUnlimited(q) ? t('unlimited') : formatAmount(q.limit, q.unit, locale)}</td>
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
  const m = useMsg();
  const locale = useLocale();
  const labelId = useId();
  const summary = m(quotaSummary(q, locale));
  const tone = quotaTone(q);
  const limited = usedFraction(q) !== null;
  // The chart above draws the bars; this row is its text and the value for assistive technology.
  return (
    <div
      role={limited ? 'meter' : undefined}
      aria-labelledby={limited ? labelId : undefined}
      aria-valuemin={limited ? 0 : undefined}
      aria-valuemax={limited ? q.limit : undefined}
      aria-valuenow={limited ? Math.min(q.used, Math.max(q.limit, 0)) : undefined}
      aria-valuetext={limited ? summary : undefined}
      data-tone={tone}
      className="flex items-baseline justify-between gap-2 text-sm"
    >
      <span id={labelId} className="font-medium">
        {m(q.label)}
      </span>
      <span className={`text-right text-xs tabular-nums ${tone === 'full' ? 'font-semibold text-red-700 dark:text-red-300' : tone === 'warn' ? 'text-amber-700 dark:text-amber-300' : 'text-zinc-600 dark:text-zinc-300'}`}>
        {summary}
      </span>
    </div>
  );
}

function StatusChart<T>({ title, rows, total: quotaTotal, status, pending, error }: { title: string; rows?: readonly T[]; total?: number; status: (row: T) => StatusInfo; pending: boolean; error: unknown }) {
  const t = useTranslations('overview.status');
  const m = useMsg();
  const format = useFormatter();
  const headingId = useId();
  // Counted by the definition's label (a raw status or a catalog message), shown in the page's language.
  const counts = rows ? countByStatus(rows, status).map((c) => ({ ...c, label: m(c.label) })) : [];
  const colors = statusColors(counts);
  const counted = rows?.length ?? 0;
  // A full page means more may exist: the project's count is the quota's usage (when the API reports one).
  const capped = counted >= LIST_LIMIT;
  const total = capped && quotaTotal !== undefined ? Math.max(quotaTotal, counted) : counted;
  return (
    <section aria-labelledby={headingId} className={card}>
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {title}
        </h3>
        {rows && (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {capped ? t('totalCapped', { total: format.number(total), limit: format.number(counted) }) : t('total', { total: format.number(total) })}
          </span>
        )}
      </div>
      {pending && <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">{t('loading')}</p>}
      {!rows && !pending && !!error && (
        <div className="mt-3">
          <ApiErrorNotice error={error} />
        </div>
      )}
      {rows && counts.length === 0 && <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>}
      {counts.length > 0 && (
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <StatusDoughnut title={title} counts={counts} />
          {/* The legend, and the chart's numbers as text. */}
          <ul aria-labelledby={headingId} className="min-w-40 flex-1 space-y-1.5">
            {counts.map((c, i) => (
              <li key={c.label} className="flex items-center justify-between gap-2 text-sm">
                <span className="flex items-center gap-1.5">
                  <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: colors[i] }} />
                  {c.label}
                </span>
                <span className="tabular-nums">
                  <span className="sr-only">{t('legendSeparator')}</span>
                  {format.number(c.count)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
