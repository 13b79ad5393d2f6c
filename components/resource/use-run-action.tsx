'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { apiFetch } from '@/lib/client/api';
import { deferUndoable, undoSeconds } from '@/lib/client/undo';
import { osPath, sendOsCallWhileLeaving, useAction, useProjectScope } from '@/lib/resources/hooks';
import { inRegion, regionHeaders, rowRegion } from '@/lib/resources/regions';
import type { ResourceAction, ResourceDefinition } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { ConfirmDialog } from './confirm-dialog';
import { useKindNoun } from './kind-noun';

/** Up to this many rows, the undo toast names each of them; more are said as a count ("Delete 50 instances"). */
const NAMED_IN_TOAST = 3;

/** Runs a definition's actions on rows: confirmation when declared, optimistic status, error notice. */
export function useRunAction<T>(def: ResourceDefinition<T>) {
  const t = useTranslations('resource.action');
  const tc = useTranslations('resource.confirm');
  const m = useMsg();
  const format = useFormatter();
  const kindNoun = useKindNoun();
  const mutation = useAction(def);
  const [pending, setPending] = useState<{ action: ResourceAction<T>; rows: readonly T[] } | null>(null);
  const [error, setError] = useState<{ label: string; error: unknown } | null>(null);

  const { projectId } = useProjectScope();
  const deps = pending?.action.confirm?.dependents;
  const dependents = useQuery({
    queryKey: ['os', projectId, def.kind, 'dependents', pending?.action.id, pending?.rows.map((r) => def.id(r))],
    // What depends on the rows lives in their region (an "All regions" list: the first row's).
    queryFn: () => deps!(pending!.rows, (service, path, headers) => apiFetch(osPath(service, path), { headers: { ...headers, ...regionHeaders(rowRegion(pending!.rows[0])) } })),
    enabled: !!deps,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

  async function execute(action: ResourceAction<T>, rows: readonly T[]) {
    setPending(null);
    setError(null);
    // Deletes wait out the user's undo window first. A failure shows here and in the pending list (which outlives
    // this page if the user navigated away meanwhile).
    const seconds = action.id === 'delete' ? undoSeconds() : 0;
    if (seconds > 0) {
      const label =
        rows.length > NAMED_IN_TOAST
          ? t('undoableCount', { action: m(action.label), count: rows.length, kind: kindNoun(def, rows.length) })
          : t('undoable', { action: m(action.label), names: format.list(rows.map((r) => def.name(r) || def.id(r)), { type: 'unit', style: 'short' }) });
      try {
        await deferUndoable(
          label,
          seconds,
          () => mutation.mutateAsync({ action, rows }),
          () => rows.forEach((row) => sendOsCallWhileLeaving(inRegion(def, rowRegion(row)), { ...action.request(row), cli: action.cli(row) })),
        );
      } catch (e) {
        setError({ label: t('failed', { action: m(action.label) }), error: e });
      }
      return;
    }
    try {
      await mutation.mutateAsync({ action, rows });
    } catch (e) {
      setError({ label: t('failed', { action: m(action.label) }), error: e });
    }
  }

  function run(action: ResourceAction<T>, rows: readonly T[]) {
    if (!rows.length) return;
    if (action.confirm) setPending({ action, rows });
    else void execute(action, rows);
  }

  const dialog: ReactNode = (
    <ConfirmDialog
      open={!!pending}
      title={pending?.action.confirm?.title(pending.rows) ?? ''}
      body={pending?.action.confirm?.body(pending.rows) ?? ''}
      items={pending?.rows.map((r) => def.name(r) || def.id(r))}
      confirmLabel={pending?.action.confirm?.confirmLabel ?? tc('ok')}
      destructive={pending?.action.confirm?.destructive}
      dependents={deps ? (dependents.isPending ? 'loading' : dependents.isError ? 'failed' : dependents.data) : undefined}
      cli={pending ? pending.rows.map((r) => pending.action.cli(r)).join('; ') : undefined}
      onConfirm={() => pending && void execute(pending.action, pending.rows)}
      onCancel={() => setPending(null)}
    />
  );
  const feedback: ReactNode = error ? (
    <div className="relative">
      <ApiErrorNotice title={error.label} error={error.error} />
      <button type="button" aria-label={t('dismiss')} className="absolute top-1 right-2 text-sm" onClick={() => setError(null)}>
        ×
      </button>
    </div>
  ) : null;
  return { run, dialog, feedback, isPending: mutation.isPending };
}
