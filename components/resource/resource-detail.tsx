'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { isGone, useLookups, useResource, useResourceHref } from '@/lib/resources/hooks';
import type { MetadataTab, ResourceDefinition } from '@/lib/resources/types';
import { parseTab, tabQuery, withQuery } from '@/lib/resources/url-state';
import { ApiErrorNotice } from './api-error';
import { StatusBadge } from './status-badge';
import { CopyLink } from '@/components/ui/copy-link';
import { CliHint } from '@/components/ui/cli-hint';
import { Sensitive } from '@/components/shell/presentation';
import { FailureNotice } from './failure-notice';
import { ChildTabView, RowTableView } from './sub-list';
import { MetadataTabView } from './detail/metadata-tab';
import { RevealPanelView } from './detail/reveal-panel';
import { DetailToolbar } from './detail/toolbar';
import { OverviewList } from './detail/overview-list';

export interface DetailTab<T> {
  id: string;
  label: string;
  render: (row: T) => ReactNode;
}

/** The definition's metadata tab, its id the label lowercased (`?tab=metadata`). */
const metadataTab = <T,>(def: ResourceDefinition<T>, spec: MetadataTab<T>): DetailTab<T> => ({
  id: spec.label.toLowerCase(),
  label: spec.label,
  render: (r) => <MetadataTabView def={def} spec={spec} row={r} />,
});

interface ResourceDetailProps<T> {
  def: ResourceDefinition<T>;
  id: string;
  tabs?: readonly DetailTab<T>[];
  /** More content on the overview tab (e.g. metadata, a fault). */
  overviewExtra?: (row: T) => ReactNode;
  /** Buttons beside the actions that need their own UI (snapshot, resize, console). */
  extraActions?: (row: T) => ReactNode;
}

/** A detail page: name, status, actions, tabs (overview fields, the definition's tabs, raw JSON), polled while busy. */
export function ResourceDetail<T>({ def, id, tabs = [], overviewExtra, extraActions }: ResourceDetailProps<T>) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const href = useResourceHref();
  const q = useResource(def, id);
  const row = q.data;
  const ctx = useLookups(def, row ? [row] : []);
  const allTabs: DetailTab<T>[] = [
    {
      id: 'overview',
      label: 'Overview',
      render: (r) => (
        <div className="space-y-4">
          <OverviewList def={def} row={r} ctx={ctx} className="grid gap-x-6 gap-y-2 rounded-lg border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr] dark:border-zinc-800 dark:bg-zinc-900" />
          {def.failure?.(r) && <FailureNotice {...def.failure(r)!} />}
          {(def.tables ?? []).map((t) => (
            <RowTableView key={t.label} table={t} row={r} />
          ))}
          {def.reveal && <RevealPanelView key={def.id(r)} def={def} spec={def.reveal} row={r} />}
          {overviewExtra?.(r)}
        </div>
      ),
    },
    ...(def.tabs ?? []).map((t) => ({ id: t.id, label: t.label, render: (r: T) => <ChildTabView tab={t} row={r} /> })),
    ...(def.metadata ? [metadataTab(def, def.metadata)] : []),
    ...tabs,
    {
      id: 'json',
      label: 'Raw JSON',
      render: (r) => (
        <pre aria-label="Raw JSON" className="max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
          {JSON.stringify(r, null, 2)}
        </pre>
      ),
    },
  ];
  const current = parseTab(new URLSearchParams(search.toString()), allTabs.map((t) => t.id), 'overview');
  const back = href(def.slug);

  if (q.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <p className="text-sm text-zinc-500">Loading {def.label.singular.toLowerCase()}…</p>
      </div>
    );
  }
  if (!row) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{isGone(q.error) ? `${def.label.singular} not found` : `Could not load the ${def.label.singular.toLowerCase()}`}</h1>
        {isGone(q.error) ? <p>It may have been deleted. ({id})</p> : <ApiErrorNotice error={q.error} />}
        <Link href={back} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
          Back to {def.label.plural.toLowerCase()}
        </Link>
      </div>
    );
  }

  const gone = isGone(q.error);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={back} className="text-brand-700 hover:underline dark:text-brand-300">
          {def.label.plural}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          {/* An id standing in for a missing name is not masked. */}
          <Sensitive kind={def.name(row) ? def.sensitiveName : undefined}>{def.name(row) || def.id(row)}</Sensitive>
        </h1>
        {def.status && <StatusBadge status={gone ? { label: 'Deleted', tone: 'unknown' } : def.status(row)} />}
        {q.isError && !gone && (
          <span role="status" className="text-xs text-amber-700 dark:text-amber-300">
            Stale: refresh failed
          </span>
        )}
        <span className="ml-auto">
          <CopyLink />
        </span>
      </div>
      {gone && (
        <p role="status" className="rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-800">
          This {def.label.singular.toLowerCase()} no longer exists.
        </p>
      )}
      <DetailToolbar def={def} row={row} extra={extraActions?.(row)} hidden={gone} />
      <div role="tablist" aria-label="Sections" className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {allTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={current === t.id}
            aria-controls={`panel-${t.id}`}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-zinc-600 hover:text-zinc-900 aria-selected:border-brand-600 aria-selected:font-medium aria-selected:text-brand-700 dark:text-zinc-400 dark:hover:text-white dark:aria-selected:text-brand-300"
            onClick={() => router.replace(withQuery(pathname, tabQuery(new URLSearchParams(search.toString()), t.id, 'overview')), { scroll: false })}
          >
            {t.label}
          </button>
        ))}
      </div>
      {allTabs
        .filter((t) => t.id === current)
        .map((t) => (
          <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`}>
            {t.render(row)}
          </div>
        ))}
      <CliHint>{def.cli.show(row)}</CliHint>
    </div>
  );
}
