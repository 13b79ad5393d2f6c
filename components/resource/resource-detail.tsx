'use client';

import Link from '@/components/ui/intent-link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, type ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { isGone, useLookups, useResource, useResourceHref } from '@/lib/resources/hooks';
import type { MetadataTab, ResourceDefinition, Text } from '@/lib/resources/types';
import { parseTab, tabQuery, withQuery } from '@/lib/resources/url-state';
import { requestedPanel, withoutPanel } from '@/lib/resources/row-menu';
import { ApiErrorNotice } from './api-error';
import { StatusBadge } from './status-badge';
import { CopyLink } from '@/components/ui/copy-link';
import { ShareSnapshot } from '@/components/snapshot/share-snapshot';
import { detailCapture } from '@/lib/snapshot/capture';
import { CliHint } from '@/components/ui/cli-hint';
import { Sensitive } from '@/components/shell/presentation';
import { useIsAdmin } from '@/components/shell/session-context';
import { useProjectIdMask } from '@/components/shell/mask-ids';
import { FailureNotice } from './failure-notice';
import { ChildTabView, RowTableView } from './sub-list';
import { MetadataTabView } from './detail/metadata-tab';
import { RevealPanelView } from './detail/reveal-panel';
import { jsonCli } from '@/lib/resources/define-detail';
import { DetailToolbar } from './detail/toolbar';
import { OverviewList } from './detail/overview-list';
import { useKindNoun } from './kind-noun';

export interface DetailTab<T> {
  id: string;
  label: Text;
  render: (row: T) => ReactNode;
  /** The tab's own CLI equivalent (the hint under the page shows it); without one, the page's `show` command. */
  cli?: (row: T) => string;
}

/** The definition's metadata tab (`?tab=metadata`, whatever the page's language). */
const metadataTab = <T,>(def: ResourceDefinition<T>, spec: MetadataTab<T>): DetailTab<T> => ({
  id: 'metadata',
  label: spec.label,
  render: (r) => <MetadataTabView def={def} spec={spec} row={r} />,
});

interface ResourceDetailProps<T> {
  def: ResourceDefinition<T>;
  id: string;
  tabs?: readonly DetailTab<T>[];
  /** More content on the overview tab (e.g. metadata, a fault). */
  overviewExtra?: (row: T) => ReactNode;
  /**
   * Buttons beside the actions that need their own UI (snapshot, resize, console): a form opens below the row through
   * detail/toolbar.tsx's `PanelToggle` and `ToolbarPanel` (and `?open=<panel id>` opens it, from a row menu).
   */
  extraActions?: (row: T) => ReactNode;
}

/** A detail page: name, status, actions, tabs (overview fields, the definition's tabs, raw JSON), polled while busy. */
export function ResourceDetail<T>({ def, id, tabs = [], overviewExtra, extraActions }: ResourceDetailProps<T>) {
  const t = useTranslations('resource');
  const tc = useTranslations('common');
  const m = useMsg();
  const isAdmin = useIsAdmin();
  const kindNoun = useKindNoun();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const href = useResourceHref();
  const q = useResource(def, id);
  const row = q.data;
  const ctx = useLookups(def, row ? [row] : []);
  // The raw JSON shows project IDs the overview masks field by field: masked here as text in presentation mode.
  const maskProjectIds = useProjectIdMask();
  // A row menu's item opened a panel (`?open=attach`): once it closes or another opens, the URL forgets it.
  const panelChanged = useCallback(() => {
    const live = new URLSearchParams(window.location.search);
    if (requestedPanel(live)) router.replace(withQuery(pathname, withoutPanel(live)), { scroll: false });
  }, [router, pathname]);
  const allTabs: DetailTab<T>[] = [
    {
      id: 'overview',
      label: t('detail.overview'),
      render: (r) => (
        <div className="space-y-4">
          <OverviewList def={def} row={r} ctx={ctx} className="grid gap-x-6 gap-y-2 rounded-lg border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr] dark:border-zinc-800 dark:bg-zinc-900" />
          {def.failure?.(r) && <FailureNotice {...def.failure(r)!} />}
          {(def.tables ?? []).map((table, i) => (
            <RowTableView key={i} table={table} row={r} />
          ))}
          {def.reveal && <RevealPanelView key={def.id(r)} def={def} spec={def.reveal} row={r} />}
          {overviewExtra?.(r)}
        </div>
      ),
    },
    ...(def.tabs ?? []).map((tab) => ({ id: tab.id, label: tab.label, render: (r: T) => <ChildTabView tab={tab} row={r} />, cli: (r: T) => tab.list(r).cli.list })),
    ...(def.metadata ? [metadataTab(def, def.metadata)] : []),
    ...tabs,
    {
      id: 'json',
      label: t('detail.rawJson'),
      cli: (r) => jsonCli(def.cli.show(r)),
      render: (r) => (
        <pre aria-label={t('detail.rawJson')} className="max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
          {maskProjectIds(JSON.stringify(r, null, 2), r)}
        </pre>
      ),
    },
  ];
  const current = parseTab(new URLSearchParams(search.toString()), allTabs.map((tab) => tab.id), 'overview');
  const back = href(def.slug);

  if (q.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('detail.loading', { kind: kindNoun(def, 1) })}</p>
      </div>
    );
  }
  if (!row) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{isGone(q.error) ? t('detail.notFound', { label: m(def.label.singular) }) : t('detail.loadFailed', { kind: kindNoun(def, 1) })}</h1>
        {isGone(q.error) ? <p>{t('detail.maybeDeleted', { id })}</p> : <ApiErrorNotice error={q.error} />}
        <Link href={back} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
          {t('detail.back', { kind: kindNoun(def, 2) })}
        </Link>
      </div>
    );
  }

  const gone = isGone(q.error);
  return (
    <div className="space-y-4">
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <Link href={back} className="text-brand-700 hover:underline dark:text-brand-300">
          {m(def.label.plural)}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          {/* An id standing in for a missing name is not masked. */}
          <Sensitive kind={def.name(row) ? def.sensitiveName : undefined}>{def.name(row) || def.id(row)}</Sensitive>
        </h1>
        {def.status && <StatusBadge status={gone ? { label: 'resource.detail.deleted', tone: 'unknown' } : def.status(row)} />}
        {q.isError && !gone && (
          <span role="status" className="text-xs text-amber-700 dark:text-amber-300">
            {t('detail.stale')}
          </span>
        )}
        <span className="ml-auto flex flex-wrap items-center gap-2">
          <CopyLink />
          <ShareSnapshot capture={() => detailCapture(def, row, ctx, m, { isAdmin, statusLabel: tc('status') })} />
        </span>
      </div>
      {gone && (
        <p role="status" className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-800">
          {t('detail.gone', { kind: kindNoun(def, 1) })}
        </p>
      )}
      {/* Keyed by the object: another object's page starts with its own panels closed. */}
      <DetailToolbar key={def.id(row)} def={def} row={row} extra={extraActions?.(row)} hidden={gone} initialPanel={requestedPanel(new URLSearchParams(search.toString()))} onPanelChange={panelChanged} />
      <div role="tablist" aria-label={t('detail.sections')} className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {allTabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={current === tab.id}
            aria-controls={`panel-${tab.id}`}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-zinc-600 hover:text-zinc-900 aria-selected:border-brand-600 aria-selected:font-medium aria-selected:text-brand-700 dark:text-zinc-400 dark:hover:text-white dark:aria-selected:text-brand-300"
            onClick={() => router.replace(withQuery(pathname, tabQuery(new URLSearchParams(search.toString()), tab.id, 'overview')), { scroll: false })}
          >
            {m(tab.label)}
          </button>
        ))}
      </div>
      {allTabs
        .filter((tab) => tab.id === current)
        .map((tab) => (
          <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`}>
            {tab.render(row)}
          </div>
        ))}
      <CliHint>{allTabs.find((tab) => tab.id === current)?.cli?.(row) ?? def.cli.show(row)}</CliHint>
    </div>
  );
}
