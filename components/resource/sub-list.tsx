'use client';
// What a detail page shows below its object from the definition alone: the objects below it (ChildTab: a zone's
// recordsets as a full list, a node's ports as a compact table with its add form) and tables of what the object
// holds itself (RowTable: a container's secret references).
import Link from 'next/link';
import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { tableClass } from '@/components/ui/table';
import { useIsAdmin } from '@/components/shell/session-context';
import { useAction, useResourceHref, useResourceList } from '@/lib/resources/hooks';
import type { AnyDefinition, ChildTab, ResourceAction, RowTable } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { cellText } from './format';
import { ConfirmDialog } from './confirm-dialog';
import { ResourceForm } from './resource-form';
import { ResourceList } from './resource-list';

export function ChildTabView<T>({ tab, row }: { tab: ChildTab<T>; row: T }) {
  const href = useResourceHref();
  const def = tab.list(row);
  if (tab.view === 'compact') return <CompactList def={def} label={tab.table ?? def.label.plural} empty={tab.empty ?? `No ${def.label.plural.toLowerCase()}.`} note={tab.note?.(row)} />;
  const create = tab.createLink && (!tab.createLink.when || tab.createLink.when(row));
  return (
    <ResourceList
      def={def}
      detail
      headerActions={
        create && (
          <Link href={href(def.slug, 'new')} className={buttonClass.primary}>
            {tab.createLink!.label}
          </Link>
        )
      }
    />
  );
}

/** A short list: a button per allowed action (confirmed when declared, at once: no undo window), the create form under it. */
function CompactList({ def, label, empty, note }: { def: AnyDefinition; label: string; empty: string; note?: string }) {
  const isAdmin = useIsAdmin();
  const list = useResourceList(def, { filters: {} });
  const run = useAction(def);
  const [pending, setPending] = useState<{ action: ResourceAction<unknown>; row: unknown } | null>(null);
  const [failed, setFailed] = useState<ResourceAction<unknown> | null>(null);
  const noun = def.label.singular.toLowerCase();
  const rows = list.data?.items ?? [];
  const execute = (action: ResourceAction<unknown>, row: unknown) => {
    setFailed(action);
    run.mutate({ action, rows: [row] }, { onSuccess: () => setPending(null) });
  };
  return (
    <div className="space-y-4">
      {list.isError && <ApiErrorNotice title={`Could not load the ${def.label.plural.toLowerCase()}`} error={list.error} />}
      <div className={tableClass.box}>
        <table className={tableClass.table} aria-label={label} aria-busy={list.isPending}>
          <thead>
            <tr>
              {def.columns.map((c) => (
                <th key={c.id} className={tableClass.th}>
                  {c.label}
                </th>
              ))}
              <th className={tableClass.th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {list.data && rows.length === 0 && (
              <tr>
                <td className={tableClass.td} colSpan={def.columns.length + 1}>
                  {empty}
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={def.id(r)}>
                {def.columns.map((c) => (
                  <td key={c.id} className={`${tableClass.td} ${c.cell === 'mono' ? 'font-mono text-xs' : ''}`}>
                    {cellText(c.value(r, { lookups: {} }))}
                  </td>
                ))}
                <td className={tableClass.td}>
                  {(def.actions ?? [])
                    .filter((a) => a.allowed(r, { isAdmin }))
                    .map((a) => (
                      <button key={a.id} type="button" className={buttonClass.secondary} title={a.cli(r)} aria-label={`${a.label} ${noun} ${def.name(r)}`} onClick={() => (a.confirm ? setPending({ action: a, row: r }) : execute(a, r))}>
                        {a.label}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.isError && failed && <ApiErrorNotice title={`${def.label.singular} ${failed.label.toLowerCase()} refused`} error={run.error} />}
      {def.create && (
        <ResourceForm
          def={def}
          title={`Add ${noun}`}
          showTitle={false}
          submitLabel={`Add ${noun}`}
          errorTitle={`${def.label.singular} create refused`}
          extra={note && <p className="text-xs text-amber-800 dark:text-amber-200">{note}</p>}
          onCreated={() => undefined}
        />
      )}
      <ConfirmDialog
        open={!!pending}
        title={pending?.action.confirm?.title([pending.row]) ?? ''}
        body={pending?.action.confirm?.body([pending.row]) ?? ''}
        confirmLabel={pending?.action.confirm?.confirmLabel ?? 'OK'}
        destructive={pending?.action.confirm?.destructive}
        cli={pending ? pending.action.cli(pending.row) : undefined}
        busy={run.isPending}
        onConfirm={() => pending && execute(pending.action, pending.row)}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}

export function RowTableView<T, R>({ table, row }: { table: RowTable<T, R>; row: T }) {
  const href = useResourceHref();
  const id = useId();
  const rows = table.rows(row);
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {table.heading}
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{table.empty}</p>
      ) : (
        <table className="min-w-full rounded-lg border border-zinc-200 text-sm dark:border-zinc-800" aria-label={table.label}>
          <thead className="bg-zinc-50 text-left text-xs text-zinc-600 uppercase dark:bg-zinc-800/50 dark:text-zinc-400">
            <tr>
              {table.columns.map((c) => (
                <th key={c.label} scope="col" className="px-3 py-2">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map((r, i) => (
              <tr key={i}>
                {table.columns.map((c) => {
                  const to = c.link?.(r);
                  return (
                    <td key={c.label} className={`px-3 py-2 ${c.mono ? 'font-mono text-xs' : ''}`}>
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
