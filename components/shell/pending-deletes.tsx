'use client';

import { useTranslations } from 'next-intl';
import { useMsg } from '@/components/i18n/use-msg';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { dismiss, getPending, runNow, subscribePending, undo, type PendingOp } from '@/lib/client/undo';
import { NOTICE_PAD, NOTICE_STACK, useNoticeHeight } from './notice-area';

const NONE: readonly PendingOp[] = [];

/** The deletes waiting out their undo window, bottom left beside the content (./notice-area), each with Undo and
 *  "Delete now". What is deleted is named in full: long names wrap, never cut. */
export function PendingDeletes() {
  const t = useTranslations('shell.pendingDeletes');
  const m = useMsg();
  const ops = useSyncExternalStore(subscribePending, getPending, () => NONE);
  const [now, setNow] = useState(() => Date.now());
  const waiting = ops.some((o) => o.state === 'waiting');
  useEffect(() => {
    if (!waiting) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [waiting]);
  const root = useRef<HTMLElement>(null);
  useNoticeHeight(root, 'undo', ops.length > 0);
  if (!ops.length) return null;
  return (
    <section ref={root} aria-label={t('region')} className={`${NOTICE_STACK} ${NOTICE_PAD} bottom-0`}>
      {ops.map((o) => (
        <div key={o.id} role="status" className="shrink-0 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {o.state === 'failed' ? (
            <div className="relative">
              <ApiErrorNotice title={t('failed', { label: m(o.label) })} error={o.error} />
              <button type="button" className="absolute top-1 right-2 text-sm" aria-label={t('dismiss', { label: m(o.label) })} onClick={() => dismiss(o.id)}>
                ×
              </button>
            </div>
          ) : (
            <div className="flex flex-wrap items-center justify-end gap-2">
              <p className="min-w-0 basis-full break-words">
                {o.state === 'running' ? t('running', { label: m(o.label) }) : t('countdown', { label: m(o.label), seconds: Math.max(0, Math.ceil((o.deadline - now) / 1000)) })}
              </p>
              {o.state === 'waiting' && (
                <>
                  <button type="button" onClick={() => undo(o.id)} className="rounded bg-brand-600 px-2 py-1 text-xs font-medium text-white hover:bg-brand-700">
                    {t('undo')}
                  </button>
                  <button type="button" onClick={() => runNow(o.id)} aria-label={t('runNow', { label: m(o.label) })} className="rounded border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-600">
                    {t('now')}
                  </button>
                </>
              )}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
