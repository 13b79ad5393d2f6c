'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import type { Text } from '@/lib/i18n/msg';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';

interface ConfirmDialogProps {
  open: boolean;
  title: Text;
  body: Text;
  /** The objects that will be affected, listed by name. */
  items?: readonly string[];
  confirmLabel: Text;
  destructive?: boolean;
  cli?: string;
  busy?: boolean;
  /** What depends on the affected objects: sentences, or the state of the check. */
  dependents?: readonly Text[] | 'loading' | 'failed';
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation (native <dialog>: focus trap and Escape for free) that names what it affects. */
export function ConfirmDialog({ open, title, body, items, confirmLabel, destructive, cli, busy, dependents, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useTranslations('resource.confirm');
  const tc = useTranslations('common');
  const m = useMsg();
  // "it" or "them": how many objects the dependents are those of.
  const count = items && items.length > 1 ? items.length : 1;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {m(title)}
          </h2>
          <p id={bodyId} className="text-sm text-zinc-700 dark:text-zinc-300">
            {m(body)}
          </p>
          {items && items.length > 0 && (
            <ul aria-label={t('affected')} className="max-h-40 list-disc overflow-y-auto pl-5 text-sm">
              {items.map((n) => (
                <li key={n} className="font-medium">
                  {n}
                </li>
              ))}
            </ul>
          )}
          {dependents !== undefined && (
            <section aria-label={t('dependents')} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
              {dependents === 'loading' ? (
                <p role="status">{t('checking', { count })}</p>
              ) : dependents === 'failed' ? (
                <p>{t('checkFailed', { count })}</p>
              ) : dependents.length === 0 ? (
                <p>{t('nothing', { count })}</p>
              ) : (
                <ul className="list-disc space-y-0.5 pl-5">
                  {dependents.map((d, i) => (
                    <li key={i}>{m(d)}</li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {cli && (
            <CliHint>{cli}</CliHint>
          )}
          <div className="flex justify-end gap-2 pt-2">
            <button type="button" className={buttonClass.secondary} onClick={onCancel} autoFocus>
              {tc('cancel')}
            </button>
            <button
              type="button"
              disabled={busy}
              className={destructive ? `${buttonClass.primary} bg-red-600 hover:bg-red-700 dark:bg-red-600 dark:hover:bg-red-700` : buttonClass.primary}
              onClick={onConfirm}
            >
              {m(confirmLabel)}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
