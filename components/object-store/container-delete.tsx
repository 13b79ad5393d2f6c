'use client';

import { useRef, useState, type ReactNode } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { buttonClass } from '@/components/ui/button';
import { ApiError } from '@/lib/client/api';
import { deleteContainer, emptyAndDelete, type EmptyProgress } from '@/lib/resources/object-store/client';
import { useInvalidateSwift } from '@/lib/resources/object-store/hooks';
import { cli } from '@/lib/resources/object-store/swift';

type State =
  | { step: 'idle' }
  | { step: 'confirm'; name: string }
  | { step: 'deleting'; name: string }
  | { step: 'refused'; name: string; error: unknown }
  | { step: 'confirm-empty'; name: string }
  | { step: 'emptying'; name: string; progress: EmptyProgress }
  | { step: 'failed'; name: string; error: unknown; deleted?: number }
  | { step: 'done'; name: string; deleted: number };

const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

/**
 * Deleting a container: Swift refuses (409) while it holds objects; the user may then choose "Empty and delete",
 * which deletes the objects with a progress bar and then the container.
 */
export function useContainerDelete(onDeleted?: (name: string) => void) {
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
      setState({ step: 'failed', name, deleted: last.deleted, error: cancelled ? new Error(`Stopped after deleting ${last.deleted} objects; the container and its remaining objects are kept.`) : e });
      await invalidate();
    } finally {
      abort.current = null;
    }
  }

  const ui: ReactNode = (
    <>
      <ConfirmDialog
        open={state.step === 'confirm'}
        title="Delete container?"
        body="Swift deletes only empty containers."
        items={state.step === 'confirm' ? [state.name] : []}
        confirmLabel="Delete container"
        destructive
        cli={state.step === 'confirm' ? cli.deleteContainer(state.name) : undefined}
        onConfirm={() => state.step === 'confirm' && void remove(state.name)}
        onCancel={() => setState({ step: 'idle' })}
      />
      <ConfirmDialog
        open={state.step === 'confirm-empty'}
        title="Empty and delete container?"
        body="Every object in this container is deleted, then the container. This cannot be undone."
        items={state.step === 'confirm-empty' ? [state.name] : []}
        confirmLabel="Delete all objects and the container"
        destructive
        cli={state.step === 'confirm-empty' ? cli.emptyAndDelete(state.name) : undefined}
        onConfirm={() => state.step === 'confirm-empty' && void empty(state.name)}
        onCancel={() => setState({ step: 'idle' })}
      />
      {state.step === 'deleting' && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Deleting container {state.name}…
        </p>
      )}
      {state.step === 'refused' && (
        <div role="alert" aria-label="Delete refused" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          <p className="font-medium">Container {state.name} is not empty, so Swift refused to delete it.</p>
          <p>
            Delete its objects first, or empty it and delete it in one go. Swift said: “{state.error instanceof Error ? state.error.message : String(state.error)}”
          </p>
          <div className="flex gap-2">
            <button type="button" className={`${buttonClass.primary} bg-red-600 hover:bg-red-700 dark:bg-red-600 dark:hover:bg-red-700`} onClick={() => setState({ step: 'confirm-empty', name: state.name })}>
              Empty and delete
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setState({ step: 'idle' })}>
              Keep container
            </button>
          </div>
        </div>
      )}
      {state.step === 'emptying' && (
        <div role="status" aria-label={`Emptying ${state.name}`} className="space-y-2 rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <p>
            Emptying {state.name}: deleted {state.progress.deleted} of {state.progress.found} objects
            {state.progress.found > 0 && state.progress.deleted === state.progress.found ? ', deleting the container…' : '…'}
          </p>
          <progress
            aria-label={`Objects deleted from ${state.name}`}
            className="h-2 w-full accent-red-600"
            max={Math.max(1, state.progress.found)}
            value={state.progress.deleted}
          />
          <button type="button" className={buttonClass.secondary} onClick={() => abort.current?.abort()}>
            Stop
          </button>
        </div>
      )}
      {state.step === 'failed' && (
        <div className="relative">
          <ApiErrorNotice title={`Deleting container ${state.name} failed`} error={state.error} />
          <button type="button" aria-label="Dismiss error" className="absolute top-1 right-2 text-sm" onClick={() => setState({ step: 'idle' })}>
            ×
          </button>
        </div>
      )}
      {state.step === 'done' && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Deleted container {state.name}
          {state.deleted > 0 ? ` and its ${state.deleted} object${state.deleted === 1 ? '' : 's'}` : ''}.
        </p>
      )}
    </>
  );

  const busy = state.step === 'deleting' || state.step === 'emptying';
  return { ask: (name: string) => !busy && setState({ step: 'confirm', name }), ui, busy };
}
