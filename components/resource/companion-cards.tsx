'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { CliHint } from '@/components/ui/cli-hint';
import { useLookups, useResourceList } from '@/lib/resources/hooks';
import type { ListCompanion } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { OverviewList } from './detail/overview-list';
import { DetailToolbar } from './detail/toolbar';
import { useKindNoun } from './kind-noun';
import { StatusBadge } from './status-badge';

/** A definition's companion below its list: the other kind's objects as cards, each with its overview and toolbar. */
export function CompanionCards<T>({ spec }: { spec: ListCompanion<T> }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const { def } = spec;
  const headingId = useId();
  const q = useResourceList(def, { filters: {} });
  const rows = q.data?.items ?? [];
  const ctx = useLookups(def, rows);
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {m(spec.heading)}
      </h2>
      {spec.intro && <p className="text-sm text-zinc-600 dark:text-zinc-400">{m(spec.intro)}</p>}
      {q.isError && <ApiErrorNotice title={t('listFailed', { kind: kindNoun(def, 2) })} error={q.error} />}
      {q.isSuccess && rows.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">{m(spec.empty)}</p>}
      <div className="grid gap-3 md:grid-cols-2">
        {rows.map((r) => (
          <section key={def.id(r)} aria-labelledby={`${headingId}-${def.id(r)}`} className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={`${headingId}-${def.id(r)}`} className="font-semibold">
                {m(spec.title(r))}
              </h3>
              {def.status && <StatusBadge status={def.status(r)} />}
            </div>
            <OverviewList def={def} row={r} ctx={ctx} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" />
            <DetailToolbar def={def} row={r} />
          </section>
        ))}
      </div>
      <CliHint>{def.cli.list}</CliHint>
    </section>
  );
}
