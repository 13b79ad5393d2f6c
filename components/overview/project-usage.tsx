'use client';
// The overview's usage over a chosen period (Horizon's "Usage Summary"): Nova's os-simple-tenant-usage per instance,
// with totals and a CSV download. Its own component: a period form and a table of computed numbers, not a kind.
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download } from '@/components/resource/format';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { tableClass } from '@/components/ui/table';
import { useClientSession } from '@/components/shell/session-context';
import { PERIOD_PRESETS, presetDays, usageCsv, usageCsvName, usagePeriod, usageTotals, type PeriodPreset } from '@/lib/resources/usage/tenant-usage';
import { useTenantUsage } from '@/lib/resources/usage/use-tenant-usage';

// Keys written out whole, so the catalogs' test sees each used.
const PRESET_LABELS = { month: 'presets.month', lastMonth: 'presets.lastMonth', last7: 'presets.last7', last30: 'presets.last30', custom: 'presets.custom' } as const;
const COLUMNS = ['columns.name', 'columns.state', 'columns.flavor', 'columns.hours', 'columns.vcpuHours', 'columns.ramGbHours', 'columns.diskGbHours'] as const;

export function ProjectUsage({ compute }: { compute: boolean }) {
  const t = useTranslations('usage');
  const m = useMsg();
  const format = useFormatter();
  const session = useClientSession();
  const headingId = useId();
  const tableId = useId();
  // The period is read once per choice: "now" moves on, the query key must not.
  const [now] = useState(() => Date.now());
  const [preset, setPreset] = useState<PeriodPreset>('month');
  const [custom, setCustom] = useState(() => presetDays('month', now));
  const days = preset === 'custom' ? custom : presetDays(preset, now);
  const period = usagePeriod(days.from, days.to, now);
  const ok = 'start' in period ? period : undefined;
  const projectId = session?.project.id ?? '';
  const q = useTenantUsage(projectId, ok, compute && !!projectId);
  const rows = useMemo(() => [...(q.data ?? [])].sort((a, b) => b.hours - a.hours), [q.data]);
  const totals = usageTotals(rows);
  const n = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  if (!compute) return null;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <SelectField label={t('period')} value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(PRESET_LABELS[p])}
              </option>
            ))}
          </SelectField>
          {preset === 'custom' && (
            <>
              <TextField type="date" label={t('from')} value={custom.from} max={custom.to} error={'error' in period && period.field === 'from' ? m(period.error) : undefined} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
              <TextField type="date" label={t('to')} value={custom.to} min={custom.from} error={'error' in period && period.field === 'to' ? m(period.error) : undefined} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </>
          )}
          <button type="button" className={buttonClass.secondary} disabled={!q.data} onClick={() => download(usageCsvName(session?.project.name ?? 'project', days.from, days.to), 'text/csv', usageCsv(rows))}>
            {t('downloadCsv')}
          </button>
        </div>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('summary', { from: days.from, to: days.to })}</p>
      {q.isError && <ApiErrorNotice title={t('failed')} error={q.error} />}
      {q.isPending && ok && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('loading')}</p>}
      {q.data && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {(
              [
                ['totals.instances', totals.instances],
                ['totals.instanceHours', totals.hours],
                ['totals.vcpuHours', totals.vcpuHours],
                ['totals.ramGbHours', totals.ramGbHours],
                ['totals.diskGbHours', totals.diskGbHours],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t(k)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{n(v)}</dd>
              </div>
            ))}
          </dl>
          {rows.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
          ) : (
            <div className={tableClass.box} tabIndex={0} role="region" aria-labelledby={tableId}>
              <table className={tableClass.table} aria-labelledby={tableId}>
                <caption id={tableId} className="sr-only">
                  {t('tableLabel')}
                </caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c} scope="col" className={tableClass.th}>
                        {t(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className="border-t border-zinc-100 dark:border-zinc-800">
                      <th scope="row" className={`${tableClass.td} text-left font-normal`}>
                        {r.name || <span className="font-mono">{r.id}</span>}
                      </th>
                      <td className={tableClass.td}>{r.state}</td>
                      <td className={tableClass.td}>{r.flavor}</td>
                      <td className={`${tableClass.td} tabular-nums`}>{n(r.hours)}</td>
                      <td className={`${tableClass.td} tabular-nums`}>{n(r.vcpuHours)}</td>
                      <td className={`${tableClass.td} tabular-nums`}>{n(r.ramGbHours)}</td>
                      <td className={`${tableClass.td} tabular-nums`}>{n(r.diskGbHours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
