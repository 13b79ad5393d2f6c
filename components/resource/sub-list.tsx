'use client';
// What a detail page shows below its object from the definition alone: the objects below it (ChildTab: a zone's
// recordsets as a full list, a node's ports as a compact table with its add form) and tables of what the object
// holds itself (RowTable: a container's secret references).
import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { buttonClass } from '@/components/ui/button';
import { ScrollBox } from '@/components/ui/scroll-box';
import { listTableClass, tableClass } from '@/components/ui/table';
import { useIsAdmin } from '@/components/shell/session-context';
import { useAction, useResourceHref, useResourceList } from '@/lib/resources/hooks';
import type { AnyDefinition, ChildTab, ResourceAction, RowTable } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { cellText } from './format';
import { ConfirmDialog } from './confirm-dialog';
import { useKindNoun } from './kind-noun';
import { ResourceForm } from './resource-form';
import { ResourceList } from './resource-list';

export function ChildTabView<T>({ tab, row }: { tab: ChildTab<T>; row: T }) {
  const t = useTranslations('resource.child');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const href = useResourceHref();
  const def = tab.list(row);
  if (tab.view === 'compact') {
    const note = tab.note?.(row);
    return <CompactList def={def} label={m(tab.table ?? def.label.plural)} empty={tab.empty ? m(tab.empty) : t('empty', { kind: kindNoun(def, 2) })} note={note === undefined ? undefined : m(note)} />;
  }
  const create = tab.createLink && (!tab.createLink.when || tab.createLink.when(row));
  return (
    <ResourceList
      def={def}
      detail
      headerActions={
        create && (
          <Link href={href(def.slug, 'new')} className={buttonClass.primary}>
            {m(tab.createLink!.label)}
          </Link>
        )
      }
    />
  );
}

/** A short list: a button per allowed action (confirmed when declared, at once: no undo window), the create form under it. */
function CompactList({ def, label, empty, note }: { def: AnyDefinition; label: string; empty: string; note?: string }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const isAdmin = useIsAdmin();
  const list = useResourceList(def, { filters: {} });
  const run = useAction(def);
  const [failed, setFailed] = useState<ResourceAction<unknown> | null>(null);
  const kind = kindNoun(def, 1);
  const add = t('child.add', { kind });
  const confirm = useConfirmStep<unknown>(
    (action, row, close) => {
      setFailed(action);
      run.mutate({ action, rows: [row] }, { onSuccess: close });
    },
    { busy: run.isPending },
  );
  return (
    <div className="space-y-4">
      {list.isError && <ApiErrorNotice title={t('loadFailed', { kind: kindNoun(def, 2) })} error={list.error} />}
      <SubTable
        label={label}
        busy={list.isPending}
        rows={list.data?.items}
        rowKey={def.id}
        empty={empty}
        columns={def.columns.map((c) => ({ label: m(c.label), mono: c.cell === 'mono', cell: (r: unknown) => cellText(c.value(r, { lookups: {} }), m) }))}
        buttons={(r) =>
          (def.actions ?? [])
            .filter((a) => a.allowed(r, { isAdmin }))
            .map((a) => ({ label: m(a.label), ariaLabel: t('child.rowButton', { action: m(a.label), kind, name: def.name(r) }), title: a.cli(r), onClick: () => confirm.ask(a, r) }))
        }
      />
      {run.isError && failed && <ApiErrorNotice title={t('action.failed', { action: m(failed.label) })} error={run.error} />}
      {def.create && (
        <ResourceForm
          def={def}
          title={add}
          showTitle={false}
          submitLabel={add}
          errorTitle={t('child.createRefused', { label: m(def.label.singular) })}
          extra={note && <p className="text-xs text-amber-800 dark:text-amber-200">{note}</p>}
          onCreated={() => undefined}
        />
      )}
      {confirm.dialog}
    </div>
  );
}

/** A button in a sub-table's actions cell. */
export interface RowButton {
  label: ReactNode;
  ariaLabel?: string;
  title?: string;
  danger?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

export interface SubColumn<R> {
  label: string;
  cell: (r: R) => ReactNode;
  mono?: boolean;
  /** Numbers: right-aligned, tabular. */
  numeric?: boolean;
  title?: (r: R) => string | undefined;
  /** The cell links to this object's page (the id encoded). */
  link?: (r: R) => { slug: string; id: string };
}

function ObjectLink({ slug, id, children }: { slug: string; id: string; children: ReactNode }) {
  const href = useResourceHref();
  return (
    <Link href={href(slug, encodeURIComponent(id))} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
      {children}
    </Link>
  );
}

/**
 * A table of the objects below or beside a page's object (subnets, attached volumes, router interfaces, rules):
 * its columns, an empty row once loaded (`rows` undefined: still loading), and an actions column when `buttons`.
 * `look="list"`: the generic list's header and row hover (Swift's listings), with a loading row.
 */
export function SubTable<R>({
  label, columns, rows, rowKey, rowId, empty, busy, buttons, look = 'detail', loading,
}: {
  label: string;
  columns: readonly SubColumn<R>[];
  rows: readonly R[] | undefined;
  rowKey: (r: R) => string;
  /** A `data-id` on each row. */
  rowId?: (r: R) => string;
  empty: ReactNode;
  busy?: boolean;
  buttons?: (r: R) => readonly (RowButton | false | null | undefined)[];
  look?: 'detail' | 'list';
  /** The row shown while `rows` is undefined. */
  loading?: ReactNode;
}) {
  const tc = useTranslations('common');
  const list = look === 'list';
  const th = list ? listTableClass.th : tableClass.th;
  const span = columns.length + (buttons ? 1 : 0);
  const button = list ? `${buttonClass.ghost} px-2 py-1` : buttonClass.secondary;
  const right = (c: SubColumn<R>) => (c.numeric ? ' text-right tabular-nums' : '');
  const note = (text: ReactNode) => (
    <tr>
      <td className={list ? 'px-3 py-8 text-center text-zinc-500 dark:text-zinc-400' : tableClass.td} colSpan={span}>
        {text}
      </td>
    </tr>
  );
  return (
    <ScrollBox className={tableClass.box} label={label}>
      <table className={tableClass.table} aria-busy={busy}>
        <caption className="sr-only">{label}</caption>
        <thead className={list ? listTableClass.thead : undefined}>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={th + right(c)}>
                {c.label}
              </th>
            ))}
            {buttons && (
              <th scope="col" className={th}>
                <span className="sr-only">{tc('actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {!rows && loading && note(loading)}
          {rows?.length === 0 && note(empty)}
          {rows?.map((r) => (
            <tr key={rowKey(r)} data-id={rowId?.(r)} className={list ? listTableClass.row : undefined}>
              {columns.map((c) => (
                <td key={c.label} className={`${tableClass.td}${c.mono ? ' font-mono text-xs' : ''}${right(c)}`} title={c.title?.(r)}>
                  {c.link ? <ObjectLink {...c.link(r)}>{c.cell(r)}</ObjectLink> : c.cell(r)}
                </td>
              ))}
              {buttons && (
                <td className={`${tableClass.td} text-right whitespace-nowrap`}>
                  <span className="inline-flex gap-2">
                    {buttons(r).map(
                      (b, i) =>
                        b && (
                          <button key={i} type="button" className={b.danger ? `${button} text-red-700 dark:text-red-300` : button} disabled={b.disabled} aria-label={b.ariaLabel} title={b.title} onClick={b.onClick}>
                            {b.label}
                          </button>
                        ),
                    )}
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/**
 * An action on one row, confirmed first when the action declares a confirmation: `ask` opens the dialog (or runs at
 * once), `dialog` is the dialog to render. `run` gets `close` to call when the dialog should go.
 */
export function useConfirmStep<R>(run: (action: ResourceAction<R>, row: R, close: () => void) => void, opts: { busy?: boolean; items?: (r: R) => string } = {}) {
  const t = useTranslations('resource.confirm');
  const [pending, setPending] = useState<{ action: ResourceAction<R>; row: R } | null>(null);
  const close = () => setPending(null);
  const c = pending?.action.confirm;
  const ask = (action: ResourceAction<R>, row: R) => (action.confirm ? setPending({ action, row }) : run(action, row, close));
  const dialog = (
    <ConfirmDialog
      open={!!pending}
      title={pending && c ? c.title([pending.row]) : ''}
      body={pending && c ? c.body([pending.row]) : ''}
      items={pending && opts.items ? [opts.items(pending.row)] : undefined}
      confirmLabel={c?.confirmLabel ?? t('ok')}
      destructive={c?.destructive}
      cli={pending ? pending.action.cli(pending.row) : undefined}
      busy={opts.busy}
      onConfirm={() => pending && run(pending.action, pending.row, close)}
      onCancel={close}
    />
  );
  return { ask, dialog };
}

export function RowTableView<T, R>({ table, row }: { table: RowTable<T, R>; row: T }) {
  const m = useMsg();
  const href = useResourceHref();
  const id = useId();
  const rows = table.rows(row);
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {m(table.heading)}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{m(table.empty)}</p>
      ) : (
        <table className="min-w-full rounded-lg border border-zinc-200 text-sm dark:border-zinc-800">
          <caption className="sr-only">{m(table.label)}</caption>
          <thead className="bg-zinc-50 text-left text-xs text-zinc-600 uppercase dark:bg-zinc-800/50 dark:text-zinc-400">
            <tr>
              {table.columns.map((c, j) => (
                <th key={j} scope="col" className="px-3 py-2">
                  {m(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map((r, i) => (
              <tr key={i}>
                {table.columns.map((c, j) => {
                  const to = c.link?.(r);
                  return (
                    <td key={j} className={`px-3 py-2 ${c.mono ? 'font-mono text-xs' : ''}`}>
                      {to ? (
                        <Link href={href(to.slug, to.rest)} className="text-brand-700 hover:underline dark:text-brand-300">
                          {c.value(r)}
                        </Link>
                      ) : (
                        c.value(r)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
