'use client';
// "Share a snapshot": beside "Copy link" on list and detail pages and the topology. Stores what the page shows now as
// a read-only page at an unguessable link (the server removes what is sensitive), and lists the user's snapshots
// with a Revoke button each.

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { inputClass } from '@/components/ui/field';
import type { SnapshotCapture } from '@/lib/snapshot/capture';
import { useCreateSnapshot, useMySnapshots, useRevokeSnapshot } from '@/lib/snapshot/hooks';
import { DEFAULT_EXPIRY, EXPIRY_CHOICES, MAX_ROWS } from '@/lib/snapshot/schema';

const DAY = 24 * 3600;

export function ShareSnapshot({ capture }: { capture: () => SnapshotCapture }) {
  const t = useTranslations('ui.shareSnapshot');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M4 7h3l2-3h6l2 3h3v12H4zM12 10a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z" strokeLinejoin="round" />
        </svg>
        {t('button')}
      </button>
      {open && <ShareDialog capture={capture} onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareDialog({ capture, onClose }: { capture: () => SnapshotCapture; onClose: () => void }) {
  const t = useTranslations('ui.shareSnapshot');
  const format = useFormatter();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [expiresIn, setExpiresIn] = useState<number>(DEFAULT_EXPIRY);
  const [removeIps, setRemoveIps] = useState(false);
  const [capped, setCapped] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const create = useCreateSnapshot();
  const revoke = useRevokeSnapshot();
  const mine = useMySnapshots(true);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' });

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const shot = capture();
    setCapped(shot.view.type === 'list' && shot.view.rows.length >= MAX_ROWS);
    setRevoked(false);
    create.mutate({ ...shot, expiresIn, removeIps });
  }

  const url = create.data ? new URL(create.data.path, window.location.origin).toString() : undefined;
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="space-y-4 p-5 text-sm">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-zinc-700 dark:text-zinc-300">{t('intro')}</p>
        <form onSubmit={submit} className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-expiry`} className="font-medium">
              {t('expiry')}
            </label>
            <select id={`${id}-expiry`} className={`${inputClass} w-auto`} value={expiresIn} onChange={(e) => setExpiresIn(Number(e.target.value))}>
              {EXPIRY_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s < DAY ? t('hours', { count: s / 3600 }) : t('days', { count: s / DAY })}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={removeIps} onChange={(e) => setRemoveIps(e.target.checked)} />
            {t('removeIps')}
          </label>
          <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
            {create.isPending ? t('creating') : t('create')}
          </button>
        </form>
        {create.isError && <ApiErrorNotice title={t('failed')} error={create.error} />}
        {url && create.data && (
          <div className="space-y-2">
            <label htmlFor={`${id}-link`} className="block font-medium">
              {t('link')}
            </label>
            <div className="flex items-center gap-2">
              <input id={`${id}-link`} readOnly value={url} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={url} label={t('copy')} />
            </div>
            <a href={url} target="_blank" rel="noreferrer noopener" className="inline-block font-medium text-brand-700 hover:underline dark:text-brand-300">
              {t('open')}
            </a>
          </div>
        )}
        <div role="status" aria-live="polite">
          {create.data && <p>{t('created', { expires: when(create.data.expiresAt) })}</p>}
          {create.data && capped && <p>{t('tooMany', { count: MAX_ROWS })}</p>}
          {revoked && <p>{t('revoked')}</p>}
        </div>
        <section aria-labelledby={`${id}-yours`} className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-700">
          <h3 id={`${id}-yours`} className="font-semibold">
            {t('yours')}
          </h3>
          {mine.isPending ? (
            <p>{t('loading')}</p>
          ) : mine.isError ? (
            <ApiErrorNotice title={t('loadFailed')} error={mine.error} />
          ) : mine.data.snapshots.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ul className="max-h-56 space-y-1 overflow-y-auto">
              {mine.data.snapshots.map((s) => (
                <li key={s.id} className="flex items-center gap-2">
                  <span className="min-w-0 flex-1 truncate" translate="no">
                    {s.title || s.kindLabel}
                  </span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">{t('expires', { date: when(s.expiresAt) })}</span>
                  <button
                    type="button"
                    className={`${buttonClass.ghost} py-1 text-red-700 dark:text-red-300`}
                    aria-label={t('revokeLabel', { title: s.title || s.kindLabel, date: when(s.createdAt) })}
                    disabled={revoke.isPending}
                    onClick={() =>
                      revoke.mutate(s.id, {
                        onSuccess: () => {
                          if (s.id === create.data?.id) create.reset();
                          setRevoked(true);
                        },
                      })
                    }
                  >
                    {t('revoke')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {revoke.isError && <ApiErrorNotice title={t('revokeFailed')} error={revoke.error} />}
        </section>
        <div className="flex justify-end">
          <button type="button" className={buttonClass.secondary} onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
