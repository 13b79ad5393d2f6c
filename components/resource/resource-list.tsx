'use client';

import { useQuery } from '@tanstack/react-query';
import Link from '@/components/ui/intent-link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useDetailsMenu, useDismiss } from '@/components/shell/use-dismiss';
import { useAnnounce } from '@/components/a11y/announcer';
import { useMsg } from '@/components/i18n/use-msg';
import { inputClass } from '@/components/ui/field';
import { CopyLink } from '@/components/ui/copy-link';
import { ShareSnapshot } from '@/components/snapshot/share-snapshot';
import { listCapture } from '@/lib/snapshot/capture';
import { CopyButton } from '@/components/ui/copy-button';
import { cellWidth, fillCellClass, isUuidLike, shortIdClass, truncateClass } from '@/components/ui/table';
import { buttonClass } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useIsAdmin, useSectionAccess } from '@/components/shell/session-context';
import { useNow } from '@/components/shell/use-now';
import { apiFetch, errorText } from '@/lib/client/api';
import { fetchListPage, osPath, useLookups, usePrefetchNextPage, useProjectScope, useResourceHref, useResourceList, type ListParams } from '@/lib/resources/hooks';
import { listParamsFor } from '@/lib/resources/list-page';
import { selectionQuery } from '@/lib/resources/iac/handoff';
import type { Column, Filter, ResourceDefinition, RowContext, Text } from '@/lib/resources/types';
import { destructiveLast, offeredRowItems, rowMenuTarget } from '@/lib/resources/row-menu';
import { formCarriedParams, listStateQuery, pageSearch, parseListState, searchSubmitted, searchText, searchTyped, withChange, withQuery, type ListState } from '@/lib/resources/url-state';
import { ApiErrorNotice } from './api-error';
import { ago, cellItems, cellText, compareCells, download, matchesSearch, toCsv, toJson, type Formatter } from './format';
import { useKindNoun } from './kind-noun';
import { StatusBadge } from './status-badge';
import { useRunAction } from './use-run-action';
import { AllRegionsToggle, RegionNotices, useRegionScope } from './region-lists';
import { REGION_COLUMN, regionRowKey, rowRegion, tagRegion } from '@/lib/resources/regions';
import { Sensitive, usePresentation } from '@/components/shell/presentation';

// ---- column choice, persisted per kind in localStorage ----
const columnListeners = new Set<() => void>();
function subscribeColumns(l: () => void) {
  columnListeners.add(l);
  window.addEventListener('storage', l);
  return () => {
    columnListeners.delete(l);
    window.removeEventListener('storage', l);
  };
}
const columnsKey = (kind: string) => `stratus:columns:${kind}`;
function useColumnChoice(kind: string): [string | null, (ids: string[]) => void] {
  const raw = useSyncExternalStore(
    subscribeColumns,
    () => window.localStorage.getItem(columnsKey(kind)),
    () => null,
  );
  const set = (ids: string[]) => {
    window.localStorage.setItem(columnsKey(kind), JSON.stringify(ids));
    columnListeners.forEach((l) => l());
  };
  return [raw, set];
}

interface ResourceListProps<T> {
  def: ResourceDefinition<T>;
  /** Link names to a detail page. */
  detail?: boolean;
  /** Buttons beside the heading (e.g. "Launch instance"). */
  headerActions?: ReactNode;
  /** Shown above the table (e.g. a just-created key's download). */
  notice?: ReactNode;
  /** More items for a row's menu that need their own UI (e.g. "Associate floating IP" on an instance). */
  rowActions?: (row: T) => { id: string; label: Text; destructive?: boolean; onSelect: () => void }[];
}

// Symbols beside words: the sort direction, a row's menu button (named by its aria-label), the CLI prompt.
const SORTED = { asc: '▲', desc: '▼' } as const;
const MORE = '⋯';
const PROMPT = '$';

export function ResourceList<T>({ def, detail, headerActions, notice, rowActions }: ResourceListProps<T>) {
  const t = useTranslations('resource.list');
  const tc = useTranslations('common');
  const m = useMsg();
  const announce = useAnnounce();
  const ta = useTranslations('a11y');
  const tr = useTranslations('resource');
  const kindNoun = useKindNoun();
  const formatter = useFormatter();
  const pathname = usePathname();
  const search = useSearchParams();
  const href = useResourceHref();
  const isAdmin = useIsAdmin();
  const now = useNow();
  const filterIds = useMemo(() => (def.filters ?? []).map((f) => f.id), [def.filters]);
  const state = parseListState(new URLSearchParams(search.toString()), filterIds);
  const serverName = hasServerName(def);
  const q = pageSearch(state, serverName);
  const sort = state.sort ?? def.defaultSort;
  // The same parameters the server prefetched the first page with (lib/openstack/prefetch.ts): the same cache key.
  const params: ListParams = listParamsFor(def, new URLSearchParams(search.toString()));
  // "All regions": every region's page, merged (region-lists.tsx); otherwise the session region's list.
  const regional = useRegionScope(def, params);
  const sortColumn = sort && regional.columns.find((c) => c.id === sort.column);
  const list = useResourceList(def, params, { enabled: !regional.on });
  const page = regional.on ? undefined : list.data;
  const pending = regional.on ? regional.lists.isPending : list.isPending;
  const fetching = regional.on ? regional.lists.isFetching : list.isFetching;
  // Failures of an "All regions" list are per region (RegionNotices), never the whole list's.
  const failed = !regional.on && list.isError;
  const hydrated = useHydrated();
  usePrefetchNextPage(def, params, page?.next);
  const rows = useMemo(() => (regional.on ? regional.lists.rows : (list.data?.items ?? [])), [regional.on, regional.lists.rows, list.data]);
  // A row's key, selection and links: its region too when the same id may be listed from two regions.
  const rowKey = (r: T) => regionRowKey(def.id(r), rowRegion(r));
  const regionQuery = (r: T, query = '') => {
    const region = rowRegion(r);
    if (!region) return query;
    const q = new URLSearchParams(query);
    q.set('region', region);
    return q.toString();
  };
  const ctx = useLookups(def, rows);
  const actions = useRunAction(def);

  const [columnRaw, setColumns] = useColumnChoice(def.kind);
  const visibleIds: string[] = useMemo(() => {
    try {
      const parsed: unknown = columnRaw ? JSON.parse(columnRaw) : null;
      if (Array.isArray(parsed)) return parsed.filter((x): x is string => typeof x === 'string');
    } catch {
      // fall back to the defaults
    }
    return def.columns.filter((c) => !c.hidden).map((c) => c.id);
  }, [columnRaw, def.columns]);
  const columns = regional.columns.filter((c) => c.id === REGION_COLUMN || visibleIds.includes(c.id));

  const shown = useMemo(() => {
    const filtered = rows.filter((r) => matchesSearch(r, q, def, ctx, m));
    // Merged regions are each sorted by their server: the page sorts them together.
    if (sortColumn && (!sortColumn.sortKey || regional.on) && sort) {
      const dir = sort.dir === 'desc' ? -1 : 1;
      return [...filtered].sort((a, b) => dir * compareCells(sortColumn.value(a, ctx), sortColumn.value(b, ctx), m));
    }
    return filtered;
  }, [rows, q, def, ctx, sortColumn, sort, m, regional.on]);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectedRows = shown.filter((r) => selected.has(rowKey(r)));
  const allSelected = shown.length > 0 && selectedRows.length === shown.length;

  // A change applies to the URL as it is now, not as this render saw it: a sort clicked right after "Apply filters"
  // comes before useSearchParams has caught up with the filter's pushState, and must keep the filter.
  function go(change: Partial<ListState>, replace = false) {
    const live = new URLSearchParams(window.location.search);
    const url = withQuery(pathname, listStateQuery(live, filterIds, withChange(parseListState(live, filterIds), change)));
    // Native history calls sync with useSearchParams at once (Next integrates them) and skip a server
    // round trip: list state lives only in the query string and the client cache.
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }

  // A menu per row when the kind has actions or other row items.
  const hasMenu = (def.actions?.length ?? 0) > 0 || (def.rowMenu?.length ?? 0) > 0 || !!rowActions;
  const bulkActions = (def.actions ?? []).filter((a) => a.bulk && (!a.destructive || a.id === 'delete' || isAdmin));
  const heading = m(def.label.plural);
  const kinds = kindNoun(def, 2);
  const stale = failed && !!page;
  const busyCount = def.status ? rows.filter((r) => def.status!(r).tone === 'busy').length : 0;

  async function exportRows(format: 'csv' | 'json', scope: 'page' | 'all') {
    let data: readonly T[] = shown;
    if (scope === 'all') {
      const all: T[] = [];
      // Walk the pages (bounded: at most 100 pages), of each region on an "All regions" list.
      for (const region of regional.on ? regional.regions : [undefined]) {
        let marker: string | undefined;
        for (let i = 0; i < 100; i++) {
          const got = await fetchListPage(def, { ...params, marker, region, limit: def.pageSize ? Math.max(def.pageSize, 500) : undefined });
          all.push(...(region ? got.items.map((r) => tagRegion(r, region)) : got.items));
          if (!got.next) break;
          marker = got.next;
        }
      }
      data = all.filter((r) => matchesSearch(r, q, def, ctx, m));
    }
    const name = `${def.slug}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
    if (format === 'csv') download(`${name}.csv`, 'text/csv', toCsv(data, columns, ctx, m));
    else download(`${name}.json`, 'application/json', toJson(data, columns, ctx, m));
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{heading}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <CopyLink />
          <ShareSnapshot capture={() => listCapture(def, columns, shown, ctx, m)} />
          {headerActions}
        </div>
      </div>
      {notice}
      {actions.feedback}
      <FilterBar def={def} state={state} onChange={(change, replace) => go(change, replace)} />
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={tr('actionsOf', { label: heading })}>
        {bulkActions.map((a) => {
          const allowed = selectedRows.filter((r) => a.allowed(r, { isAdmin }));
          return (
            <button
              key={a.id}
              type="button"
              className={a.destructive ? `${buttonClass.secondary} text-red-700 dark:text-red-300` : buttonClass.secondary}
              disabled={allowed.length === 0}
              onClick={() => actions.run(a, allowed)}
            >
              {t('bulk', { action: m(a.label), count: allowed.length })}
            </button>
          );
        })}
        {def.heat && <HeatExportButton kind={def.kind} ids={selectedRows.map((r) => def.id(r))} />}
        <ColumnChooser columns={def.columns} visible={visibleIds} onChange={setColumns} />
        <AllRegionsToggle scope={regional} />
        <ExportMenu onExport={exportRows} />
        <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
          {fetching && !pending ? t('refreshing') : busyCount ? t('busy', { count: busyCount }) : ''}
        </span>
      </div>
      {stale && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          {t('stale', {
            error: list.error ? m(errorText(list.error)) : t('unknownError'),
            kind: kinds,
            // Shown only in the browser (after a failed refetch): the user's clock, not the server's time zone.
            time: formatter.dateTime(list.dataUpdatedAt, { timeStyle: 'medium', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
          })}
        </p>
      )}
      <RegionNotices scope={regional} kind={kinds} />
      {failed && !page ? (
        <div className="space-y-2">
          <ApiErrorNotice title={t('loadFailed', { kind: kinds })} error={list.error} />
          <button type="button" className={buttonClass.secondary} onClick={() => void list.refetch()}>
            {tc('retry')}
          </button>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          {/* Busy until the rows can be used: the first page may come with the HTML, before the page's scripts run. */}
          <table className="w-full text-sm" aria-busy={pending || !hydrated}>
            <caption className="sr-only">{heading}</caption>
            <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-xs text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-800/50 dark:text-zinc-400">
              <tr>
                <th scope="col" className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t('selectAll', { kind: kinds })}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(shown.map(rowKey)))}
                  />
                </th>
                {columns.map((c) => {
                  const active = sort?.column === c.id;
                  return (
                    <th key={c.id} scope="col" className="px-3 py-2 align-bottom font-medium" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 text-left uppercase hover:text-zinc-900 dark:hover:text-white"
                        onClick={() => {
                          const dir = active && sort.dir === 'asc' ? 'desc' : 'asc';
                          go({ sort: { column: c.id, dir } }, true);
                          // aria-sort says it to whoever reads the header; the live region says it now.
                          announce(ta('sorted', { column: m(c.label), dir }));
                        }}
                      >
                        {m(c.label)}
                        <span aria-hidden="true">{active ? SORTED[sort.dir] : ''}</span>
                      </button>
                    </th>
                  );
                })}
                {hasMenu && (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{tc('actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {pending &&
                Array.from({ length: 5 }, (_, i) => (
                  <tr key={`skeleton-${i}`} aria-hidden="true">
                    <td className="px-3 py-3" />
                    {columns.map((c) => (
                      <td key={c.id} className="px-3 py-3">
                        <span className="block h-3 w-24 animate-pulse rounded bg-zinc-200 dark:bg-zinc-700" />
                      </td>
                    ))}
                  </tr>
                ))}
              {!pending && shown.length === 0 && (
                <tr>
                  <td colSpan={columns.length + 2} className="px-3 py-8 text-center text-zinc-500 dark:text-zinc-400">
                    {Object.keys(state.filters).length || q ? t('noMatch', { kind: kinds }) : t('empty', { kind: kinds })}
                  </td>
                </tr>
              )}
              {shown.map((row) => {
                const id = def.id(row);
                const key = rowKey(row);
                const name = def.name(row) || id;
                const allowedActions = (def.actions ?? []).filter((a) => a.allowed(row, { isAdmin }));
                return (
                  <tr key={key} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40" data-id={id}>
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        aria-label={t('select', { name })}
                        checked={selected.has(key)}
                        onChange={() => {
                          const next = new Set(selected);
                          if (next.has(key)) next.delete(key);
                          else next.add(key);
                          setSelected(next);
                        }}
                      />
                    </td>
                    {columns.map((c) => (
                      <td key={c.id} className={`px-3 py-2 align-top ${c.width === 'fill' ? fillCellClass : ''}`}>
                        <Cell column={c} row={row} ctx={ctx} def={def} now={now} formatter={formatter} link={detail ? href(def.slug, encodeURIComponent(id), regionQuery(row)) : undefined} />
                      </td>
                    ))}
                    {hasMenu && (
                      <td className="px-3 py-2 text-right">
                        <RowMenu
                          name={name}
                          items={destructiveLast<MenuItem>([
                            ...allowedActions.map((a) => ({ id: a.id, label: m(a.label), title: a.cli(row), destructive: a.destructive, onSelect: () => actions.run(a, [row]) })),
                            ...offeredRowItems(def, row).map((i) => {
                              const to = rowMenuTarget(def, i, row);
                              return { id: i.id, label: m(i.label), title: i.cli?.(row), href: href(to.slug, to.rest, regionQuery(row, to.query)), section: i.needsSection ? to.slug : undefined };
                            }),
                            ...(rowActions?.(row) ?? []).map((a) => ({ ...a, label: m(a.label) })),
                          ])}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('pages')} className="flex items-center gap-2 text-sm">
        <button type="button" className={buttonClass.secondary} disabled={!state.marker} onClick={() => go({ marker: undefined })}>
          {t('firstPage')}
        </button>
        <button type="button" className={buttonClass.secondary} disabled={!page?.next} onClick={() => go({ marker: page?.next })}>
          {t('nextPage')}
        </button>
        {/* No count before the first page or after it failed: "0 shown" would say the list is empty. */}
        <span className="text-zinc-500 dark:text-zinc-400" role="status">
          {failed && !page ? '' : pending ? tc('loading') : t('shown', {
            count: shown.length,
            kind: kindNoun(def, shown.length),
            hasTotal: page?.total === undefined ? 'no' : 'yes',
            total: page?.total ?? 0,
            hasPageSize: def.pageSize ? 'yes' : 'no',
            pageSize: def.pageSize ?? 0,
          })}
        </span>
        <code className="ml-auto hidden text-xs text-zinc-500 md:inline dark:text-zinc-400" title={t('cli')}>
          {PROMPT} {def.cli.list}
        </code>
      </nav>
      {actions.dialog}
    </div>
  );
}

function Cell<T>({ column, row, ctx, def, now, formatter, link }: { column: Column<T>; row: T; ctx: RowContext; def: ResourceDefinition<T>; now: number | null; formatter: Formatter; link?: string }) {
  const m = useMsg();
  const t = useTranslations('resource.list');
  const { masked } = usePresentation();
  const raw = column.value(row, ctx);
  const v = cellText(raw, m);
  // A sensitive column's text is masked in presentation mode (plain text otherwise), and then no tooltip or copy
  // button gives it away. API data (anything but a message object) is marked translate="no" for page translators.
  const data = raw === null || typeof raw !== 'object' || (Array.isArray(raw) && raw.every((x) => typeof x === 'string'));
  // Only API data is masked: the dashboard's own words in a sensitive column ("This project") stay readable.
  const sensitive = data ? column.sensitive : undefined;
  const hidden = !!sensitive && masked(sensitive);
  // Long values stay on one line, cut at the column's width with the whole text as a tooltip.
  const width = column.width ?? 'md';
  const cut = width === 'none' ? '' : `${truncateClass} ${cellWidth[width]}`;
  const text = (s: string, className = cut) => (
    <span translate={data ? 'no' : undefined} className={className || undefined} title={className && !hidden ? s : undefined}>
      <Sensitive kind={sensitive}>{s}</Sensitive>
    </span>
  );
  const short = column.short === 'id' || (column.short === undefined && isUuidLike(raw));
  if (short && v && (column.cell ?? 'text') !== 'name' && column.cell !== 'list') {
    return (
      <span className="inline-flex items-center gap-1 whitespace-nowrap">
        {text(v, shortIdClass)}
        {!hidden && <CopyButton text={v} label={t('copyValue', { column: m(column.label), name: def.name(row) || def.id(row) })} />}
      </span>
    );
  }
  switch (column.cell) {
    case 'status': {
      const badge = column.badge ?? def.status;
      return badge ? <StatusBadge status={badge(row)} /> : <>{v}</>;
    }
    case 'name':
      return link ? (
        <Link
          href={link}
          translate={data ? 'no' : undefined}
          className={`font-medium text-brand-700 hover:underline dark:text-brand-300 ${cut}`}
          title={cut && !hidden ? v || def.id(row) : undefined}
        >
          {text(v || def.id(row), '')}
        </Link>
      ) : (
        <span className="font-medium">{text(v)}</span>
      );
    case 'mono':
      return <span className="font-mono text-xs">{text(v)}</span>;
    case 'age':
      return (
        <time dateTime={v} title={v} className="whitespace-nowrap">
          {now ? ago(v, now, formatter) : ''}
        </time>
      );
    case 'list':
      return (
        <ul className="space-y-0.5">
          {(Array.isArray(raw) ? cellItems(raw, m) : [v]).map((x: string) => (
            <li key={x} className="font-mono text-xs whitespace-nowrap">
              {text(x)}
            </li>
          ))}
        </ul>
      );
    default:
      return text(v);
  }
}

/**
 * One item of a row's menu: an action run at once, or a link to the page that asks for more (the object's page with a
 * form open, a create form prefilled); `section`: a link shown only when the user can use that section here.
 */
interface MenuItem {
  id: string;
  label: string;
  title?: string;
  destructive?: boolean;
  onSelect?: () => void;
  href?: string;
  section?: string;
}

const menuItemClass = 'block w-full px-3 py-1.5 text-left text-sm hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800';

function RowMenu({ name, items }: { name: string; items: MenuItem[] }) {
  const t = useTranslations('resource.list');
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  // Escape (wherever focus is) closes it and returns focus to its button; so does a press outside.
  useDismiss(open, close, root, button);
  if (!items.length) return null;
  return (
    <div ref={root} className="relative inline-block text-left">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('rowActions', { name })}
        className={`${buttonClass.ghost} px-2 py-1`}
        onClick={() => setOpen((o) => !o)}
      >
        {MORE}
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label={t('rowActions', { name })} className="absolute right-0 z-20 mt-1 w-52 rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {items.map((it) => (
            <RowMenuEntry key={it.id} item={it} onDone={close} />
          ))}
        </ul>
      )}
    </div>
  );
}

function RowMenuEntry({ item, onDone }: { item: MenuItem; onDone: () => void }) {
  const access = useSectionAccess(item.section ?? '');
  if (item.section && access !== 'ok') return null;
  const className = `${menuItemClass} ${item.destructive ? 'text-red-700 dark:text-red-300' : ''}`;
  return (
    <li role="none">
      {item.href ? (
        <Link href={item.href} role="menuitem" className={className} title={item.title} onClick={onDone}>
          {item.label}
        </Link>
      ) : (
        <button
          type="button"
          role="menuitem"
          className={className}
          title={item.title}
          onClick={() => {
            onDone();
            item.onSelect?.();
          }}
        >
          {item.label}
        </button>
      )}
    </li>
  );
}

/** Whether the kind filters by name on the server (`?name=`), which the search box then carries. */
function hasServerName<T>(def: ResourceDefinition<T>): boolean {
  return (def.filters ?? []).some((f) => f.id === 'name' && f.type === 'text');
}

/**
 * One search box (the page at once; Enter: by name on the server where the kind can), then the server's other
 * filters: selects that apply when chosen, and text filters applied with the box by Enter or "Apply filters".
 */
function FilterBar<T>({ def, state, onChange }: { def: ResourceDefinition<T>; state: ListState; onChange: (c: Partial<ListState>, replace?: boolean) => void }) {
  const t = useTranslations('resource.list');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const serverName = hasServerName(def);
  // The name filter is the search box's; the others keep their own inputs.
  const filters = (def.filters ?? []).filter((f) => !(serverName && f.id === 'name'));
  const [draft, setDraft] = useState<Record<string, string>>({});
  const textValue = (f: Filter) => draft[f.id] ?? state.filters[f.id] ?? '';
  // The filters last asked for: the URL (and so `state`) updates only after navigation, so a select change
  // followed quickly by Enter must not apply on top of the stale state and lose the select.
  // `state.filters` is a new object each render: follow the URL only when its content changes, or typing in
  // a text filter would reset a select chosen a moment ago.
  const latest = useRef(state.filters);
  const filtersKey = JSON.stringify(state.filters);
  useEffect(() => {
    latest.current = JSON.parse(filtersKey) as Record<string, string>;
  }, [filtersKey]);
  const searchField = serverName ? 'name' : 'q';
  const current = useSearchParams();
  const carried = formCarriedParams(new URLSearchParams(current.toString()), (def.filters ?? []).map((f) => f.id));
  const change = (c: Partial<ListState>, replace?: boolean) => {
    if (c.filters) latest.current = c.filters;
    onChange(c, replace);
  };
  return (
    <form
      role="search"
      aria-label={t('filter', { kind: kindNoun(def, 2) })}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        // The form's own values, not React state: text typed (or filled by a test, a password manager) before the
        // page hydrated is in the inputs but never reached onChange.
        const form = new FormData(e.currentTarget);
        const next = { ...latest.current };
        for (const f of filters) if (f.type === 'text') next[f.id] = String(form.get(f.id) ?? '').trim();
        for (const k of Object.keys(next)) if (!next[k]) delete next[k];
        setDraft({});
        change(searchSubmitted(next, String(form.get(searchField) ?? ''), serverName));
      }}
    >
      {/* Enter before the page has hydrated is the browser's own GET of this form: the fields are named as the URL
          names them and the rest of the view rides along, so that submission lands on the same filtered view. */}
      {carried.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <label className="text-sm">
        <span className="mb-1 block font-medium text-zinc-700 dark:text-zinc-300">{t('search')}</span>
        <input
          type="search"
          name={searchField}
          className={`${inputClass} w-64`}
          placeholder={serverName ? t('searchNamePlaceholder') : t('searchPlaceholder')}
          value={searchText(state, serverName)}
          onChange={(e) => change(searchTyped(latest.current, e.target.value, serverName), true)}
        />
      </label>
      {filters.map((f) =>
        f.type === 'text' ? (
          <label key={f.id} className="text-sm">
            <span className="mb-1 block font-medium text-zinc-700 dark:text-zinc-300">{t('filterLabel', { label: m(f.label) })}</span>
            <input type="text" name={f.id} className={`${inputClass} w-40`} value={textValue(f)} onChange={(e) => setDraft({ ...draft, [f.id]: e.target.value })} />
          </label>
        ) : (
          <SelectFilter key={f.id} filter={f} value={state.filters[f.id] ?? ''} onChange={(v) => change({ filters: { ...latest.current, [f.id]: v } })} />
        ),
      )}
      {/* Enter submits a form with one text input by itself; with more, the browser needs a submit button. */}
      {filters.some((f) => f.type === 'text') && (
        <button type="submit" className={buttonClass.secondary}>
          {t('apply')}
        </button>
      )}
      {(Object.keys(state.filters).length > 0 || state.q) && (
        <button type="button" className={buttonClass.ghost} onClick={() => { setDraft({}); change({ filters: {}, q: '' }); }}>
          {t('clear')}
        </button>
      )}
    </form>
  );
}

function SelectFilter({ filter, value, onChange }: { filter: Filter; value: string; onChange: (v: string) => void }) {
  const t = useTranslations('resource.list');
  const m = useMsg();
  const { projectId } = useProjectScope();
  const from = filter.optionsFrom;
  // Loaded only when the user opens the control: a list page never lists every image or flavor on load.
  const [wanted, setWanted] = useState(false);
  const remote = useQuery({
    queryKey: ['os', projectId, from?.kind ?? '', 'options', from?.path ?? ''],
    queryFn: async ({ signal }) => {
      const body = await apiFetch<Record<string, unknown>>(osPath(from!.service, from!.path), { signal });
      const list = Array.isArray(body[from!.key]) ? (body[from!.key] as Record<string, unknown>[]) : [];
      return list.map((o): { value: string; label: Text } => ({ value: from!.value(o), label: from!.label(o) }));
    },
    enabled: !!from && wanted,
    staleTime: 5 * 60_000,
  });
  const options = filter.options ?? remote.data ?? [];
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium text-zinc-700 dark:text-zinc-300">{t('filterLabel', { label: m(filter.label) })}</span>
      <select
        name={filter.id}
        className={`${inputClass} w-40`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onFocus={() => setWanted(true)}
        onPointerDown={() => setWanted(true)}
        aria-busy={remote.isFetching}
      >
        <option value="">{t('any')}</option>
        {value && !options.some((o) => o.value === value) && (
          <option value={value} translate="no">
            {value}
          </option>
        )}
        {options.map((o) => {
          // An option showing the API's own value (a status, a name from the API) is data, not our words.
          const label = m(o.label);
          return (
            <option key={o.value} value={o.value} translate={label === o.label ? 'no' : undefined}>
              {label}
            </option>
          );
        })}
      </select>
    </label>
  );
}

function ColumnChooser<T>({ columns, visible, onChange }: { columns: readonly Column<T>[]; visible: string[]; onChange: (ids: string[]) => void }) {
  const t = useTranslations('resource.list');
  const m = useMsg();
  const menu = useDetailsMenu();
  return (
    <details {...menu.details} className="relative">
      <summary {...menu.summary} className={`${buttonClass.secondary} cursor-pointer list-none`}>{t('columns')}</summary>
      <fieldset className="absolute z-20 mt-1 w-56 space-y-1 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <legend className="sr-only">{t('visibleColumns')}</legend>
        {columns.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={visible.includes(c.id)}
              onChange={(e) => onChange(e.target.checked ? columns.filter((x) => visible.includes(x.id) || x.id === c.id).map((x) => x.id) : visible.filter((v) => v !== c.id))}
            />
            {m(c.label)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

function ExportMenu({ onExport }: { onExport: (format: 'csv' | 'json', scope: 'page' | 'all') => Promise<void> }) {
  const t = useTranslations('resource.list');
  const [error, setError] = useState<unknown>(null);
  const item = (format: 'csv' | 'json', scope: 'page' | 'all', text: string) => (
    <button
      type="button"
      className="block w-full px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      onClick={() => {
        setError(null);
        onExport(format, scope).catch(setError);
      }}
    >
      {text}
    </button>
  );
  const menu = useDetailsMenu();
  return (
    <details {...menu.details} className="relative">
      <summary {...menu.summary} className={`${buttonClass.secondary} cursor-pointer list-none`}>{t('export')}</summary>
      <div className="absolute z-20 mt-1 w-64 rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {item('csv', 'page', t('csvPage'))}
        {item('json', 'page', t('jsonPage'))}
        {item('csv', 'all', t('csvAll'))}
        {item('json', 'all', t('jsonAll'))}
        <p className="px-3 pt-1 text-xs text-zinc-500 dark:text-zinc-400">{t('exportNote')}</p>
        {!!error && <ApiErrorNotice title={t('exportFailed')} error={error} />}
      </div>
    </details>
  );
}

/** "Export as Heat template (n)": the chosen rows on the export page, for kinds that map to Heat (iac/heat-types.ts). */
function HeatExportButton({ kind, ids }: { kind: string; ids: readonly string[] }) {
  const t = useTranslations('iac.export');
  const router = useRouter();
  const href = useResourceHref();
  if (useSectionAccess('heat-export') !== 'ok') return null;
  return (
    <button type="button" className={buttonClass.secondary} disabled={ids.length === 0} onClick={() => router.push(href('heat-export', '', selectionQuery(ids.map((id) => ({ kind, id })))))}>
      {t('fromList', { count: ids.length })}
    </button>
  );
}
