'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { buttonClass } from '@/components/ui/button';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiError, errorText } from '@/lib/client/api';
import { deleteContainer, emptyAndDelete, type EmptyProgress } from '@/lib/resources/object-store/client';
import { useInvalidateSwift } from '@/lib/resources/object-store/hooks';
import { cli } from '@/lib/resources/object-store/swift';

type State =
  | { step: 'idle' }
  | { step: 'confirm'; name: string }
  | { step: 'deleting'; name: string }
  | { step: 'refused'; name: string; error: unknown }
  /** `objects`: how many the container holds, when the page knows it (the dialog then says so). */
  | { step: 'confirm-empty'; name: string; objects?: number }
  | { step: 'emptying'; name: string; progress: EmptyProgress }
  | { step: 'failed'; name: string; error: unknown; deleted?: number; stopped?: boolean }
  | { step: 'done'; name: string; deleted: number };

const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

/**
 * Deleting a container: Swift deletes only empty ones. A container the page knows to hold objects (its listed
 * object count) is offered "delete its objects first" at once, as `openstack container delete --recursive`; one
 * believed empty gets a plain delete, and if Swift refuses it (409: the count lagged), the same offer follows. The
 * objects go with a progress bar, then the container.
 */
export function useContainerDelete(onDeleted?: (name: string) => void) {
  const t = useTranslations('objectStore.delete');
  const m = useMsg();
  const [state, setState] = useState<State>({ step: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const invalidate = useInvalidateSwift();

  async function remove(name: string) {
    setState({ step: 'deleting', name });
    try {
      await deleteContainer(name);
      setState({ step: 'done', name, deleted: 0 });
      await invalidate();
      onDeleted?.(name);
    } catch (e) {
      setState(isConflict(e) ? { step: 'refused', name, error: e } : { step: 'failed', name, error: e });
    }
  }

  async function empty(name: string) {
    const ctl = new AbortController();
    abort.current = ctl;
    let last: EmptyProgress = { deleted: 0, found: 0, done: false };
    setState({ step: 'emptying', name, progress: last });
    try {
      const deleted = await emptyAndDelete(
        name,
        (p) => {
          last = p;
          setState({ step: 'emptying', name, progress: p });
        },
        ctl.signal,
      );
      setState({ step: 'done', name, deleted });
      await invalidate();
      onDeleted?.(name);
    } catch (e) {
      const cancelled = e instanceof DOMException && e.name === 'AbortError';
      setState({ step: 'failed', name, deleted: last.deleted, error: e, stopped: cancelled });
      await invalidate();
    } finally {
      abort.current = null;
    }
  }

  const ui: ReactNode = (
    <>
      <ConfirmDialog
        open={state.step === 'confirm'}
        title={t('title')}
        body={t('body')}
        items={state.step === 'confirm' ? [state.name] : []}
        confirmLabel={t('confirm')}
        destructive
        cli={state.step === 'confirm' ? cli.deleteContainer(state.name) : undefined}
        onConfirm={() => state.step === 'confirm' && void remove(state.name)}
        onCancel={() => setState({ step: 'idle' })}
      />
      <ConfirmDialog
        open={state.step === 'confirm-empty'}
        title={t('emptyTitle')}
        body={state.step === 'confirm-empty' && state.objects ? t('emptyBodyCount', { count: state.objects }) : t('emptyBody')}
        items={state.step === 'confirm-empty' ? [state.name] : []}
        confirmLabel={t('emptyConfirm')}
        destructive
        cli={state.step === 'confirm-empty' ? cli.emptyAndDelete(state.name) : undefined}
        onConfirm={() => state.step === 'confirm-empty' && void empty(state.name)}
        onCancel={() => setState({ step: 'idle' })}
      />
      {state.step === 'deleting' && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {t('deleting', { name: state.name })}
        </p>
      )}
      {state.step === 'refused' && (
        <div role="alert" aria-label={t('refused')} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">{t('refusedHeading', { name: state.name })}</p>
          <p>{t('refusedBody', { message: m(errorText(state.error)) })}</p>
          <div className="flex gap-2">
            <button type="button" className={`${buttonClass.primary} bg-red-600 hover:bg-red-700 dark:bg-red-600 dark:hover:bg-red-700`} onClick={() => setState({ step: 'confirm-empty', name: state.name })}>
              {t('emptyAndDelete')}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setState({ step: 'idle' })}>
              {t('keep')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'emptying' && (
        <div role="status" aria-label={t('emptying', { name: state.name })} className="space-y-2 rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <p>
            {t(state.progress.found > 0 && state.progress.deleted === state.progress.found ? 'emptyingLast' : 'emptyingProgress', {
              name: state.name,
              deleted: state.progress.deleted,
              found: state.progress.found,
            })}
          </p>
          <progress
            aria-label={t('progress', { name: state.name })}
            className="h-2 w-full accent-red-600"
            max={Math.max(1, state.progress.found)}
            value={state.progress.deleted}
          />
          <button type="button" className={buttonClass.secondary} onClick={() => abort.current?.abort()}>
            {t('stop')}
          </button>
        </div>
      )}
      {state.step === 'failed' && (
        <div className="relative">
          <ApiErrorNotice title={t('failed', { name: state.name })} error={state.stopped ? new Error(t('stopped', { count: state.deleted ?? 0 })) : state.error} />
          <button type="button" aria-label={t('dismiss')} className="absolute top-1 right-2 text-sm" onClick={() => setState({ step: 'idle' })}>
            ×
          </button>
        </div>
      )}
      {state.step === 'done' && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {t('done', { name: state.name, count: state.deleted })}
        </p>
      )}
    </>
  );

  const busy = state.step === 'deleting' || state.step === 'emptying';
  /** `objects`: the container's object count where the page shows it (Swift's count, which can lag behind). */
  const ask = (name: string, objects?: number) => !busy && setState(objects ? { step: 'confirm-empty', name, objects } : { step: 'confirm', name });
  return { ask, ui, busy };
}
