'use client';
// The kiosk playlist's editor, in the header's presentation settings (issue 20): add this view or an address of this
// deployment, remove and reorder, choose the seconds per view, start it here or copy a wall-screen link that carries
// it. The playlist is kept per browser in localStorage (addresses and a number only, never a token).

import { useTranslations } from 'next-intl';
import { useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useAnnounce } from '@/components/a11y/announcer';
import { CopyButton } from '@/components/ui/copy-button';
import { inputClass } from '@/components/ui/field';
import {
  checkView,
  clampInterval,
  MAX_INTERVAL,
  MAX_VIEWS,
  MIN_INTERVAL,
  moveView,
  parseStoredPlaylist,
  playlistLink,
  type Playlist,
  type ViewError,
} from '@/lib/client/playlist';
import { storedValue } from '@/lib/client/stored-value';
import { useKiosk } from './kiosk';

export const PLAYLIST_KEY = 'stratus.playlist';

const storage = storedValue(PLAYLIST_KEY);
const save = (p: Playlist) => storage.write(JSON.stringify(p));

/** The saved playlist (empty on the server: the editor is only rendered once its popover is opened). */
export function useSavedPlaylist(): Playlist {
  const raw = useSyncExternalStore(storage.subscribe, storage.read, () => null);
  return useMemo(() => parseStoredPlaylist(raw, typeof window === 'undefined' ? '' : window.location.origin), [raw]);
}

const ERRORS = { empty: 'errorEmpty', scheme: 'errorScheme', origin: 'errorOrigin', invalid: 'errorInvalid' } as const satisfies Record<ViewError, string>;

const small =
  'inline-flex h-7 items-center rounded border border-zinc-300 px-1.5 text-xs text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800';
const action =
  'inline-flex h-8 items-center rounded-md border border-zinc-300 px-2 text-sm text-zinc-800 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800';

/** The list buttons' glyphs (hidden from assistive technology, which reads their labels). */
const GLYPH = { up: '↑', down: '↓', remove: '×' };

export function PlaylistEditor() {
  const t = useTranslations('shell.kiosk.playlist');
  const tk = useTranslations('shell.kiosk');
  const announce = useAnnounce();
  const kiosk = useKiosk();
  const saved = useSavedPlaylist();
  const id = useId();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<ViewError | 'full' | 'duplicate' | null>(null);
  // The interval as typed; saved (within bounds) when the field is left or the playlist starts.
  const [draft, setDraft] = useState<string | null>(null);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const interval = clampInterval(draft ?? saved.interval);
  const link = playlistLink({ ...saved, interval }, origin);

  function add(input: string): boolean {
    const check = checkView(input, origin);
    const problem = !check.ok ? check.error : saved.views.includes(check.path) ? 'duplicate' : saved.views.length >= MAX_VIEWS ? 'full' : null;
    setError(problem);
    if (!check.ok || problem) return false;
    save({ ...saved, views: [...saved.views, check.path] });
    announce(t('added', { view: check.path }));
    return true;
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (add(address)) setAddress('');
  }
  function commitInterval() {
    if (draft === null) return;
    save({ ...saved, interval });
    setDraft(null);
  }

  const errorText =
    error === 'full' ? t('errorFull', { max: MAX_VIEWS }) : error === 'duplicate' ? t('errorDuplicate') : error ? t(ERRORS[error]) : null;

  return (
    <fieldset className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-700">
      <legend className="sr-only">{t('heading')}</legend>
      <p aria-hidden="true" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {t('heading')}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={action} onClick={kiosk.enter} disabled={kiosk.on}>
          {tk('enter')}
        </button>
        <button type="button" className={action} onClick={() => add(window.location.pathname + window.location.search + window.location.hash)}>
          {t('addThis')}
        </button>
      </div>
      {/* A form of its own: Enter in the address adds it. */}
      <form className="mt-2" onSubmit={onSubmit} noValidate>
        <label htmlFor={`${id}-address`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          {t('address')}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id={`${id}-address`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className={`${inputClass} py-1`}
          />
          <button type="submit" className={action}>
            {t('add')}
          </button>
        </div>
        {errorText ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
            {errorText}
          </p>
        ) : (
          <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            {t('addressHint')}
          </p>
        )}
      </form>
      {saved.views.length === 0 ? (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t('none')}</p>
      ) : (
        <ol aria-label={t('views')} className="mt-2 space-y-1">
          {saved.views.map((view, i) => (
            <li key={view} className="flex items-center gap-1">
              <span className="min-w-0 flex-1 truncate font-mono text-xs" title={view} translate="no">
                {view}
              </span>
              <button type="button" className={small} disabled={i === 0} aria-label={t('moveUp', { n: i + 1 })} onClick={() => save({ ...saved, views: moveView(saved.views, i, -1) })}>
                <span aria-hidden="true">{GLYPH.up}</span>
              </button>
              <button
                type="button"
                className={small}
                disabled={i === saved.views.length - 1}
                aria-label={t('moveDown', { n: i + 1 })}
                onClick={() => save({ ...saved, views: moveView(saved.views, i, 1) })}
              >
                <span aria-hidden="true">{GLYPH.down}</span>
              </button>
              <button
                type="button"
                className={small}
                aria-label={t('remove', { n: i + 1 })}
                onClick={() => {
                  save({ ...saved, views: saved.views.filter((_, j) => j !== i) });
                  announce(t('removed', { view }));
                }}
              >
                <span aria-hidden="true">{GLYPH.remove}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={`${id}-interval`} className="mt-3 block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {t('interval')}
      </label>
      <input
        id={`${id}-interval`}
        type="number"
        min={MIN_INTERVAL}
        max={MAX_INTERVAL}
        step={1}
        value={draft ?? String(saved.interval)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commitInterval}
        aria-describedby={`${id}-interval-hint`}
        className={`${inputClass} mt-1 w-28 py-1`}
      />
      <p id={`${id}-interval-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {t('intervalHint', { min: MIN_INTERVAL, max: MAX_INTERVAL })}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="inline-flex h-8 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          disabled={saved.views.length === 0}
          onClick={() => {
            const p = { ...saved, interval };
            save(p);
            setDraft(null);
            kiosk.start(p);
          }}
        >
          {t('start')}
        </button>
      </div>
      {link && (
        <div className="mt-3">
          <label htmlFor={`${id}-link`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {t('link')}
          </label>
          <div className="mt-1 flex items-center gap-2">
            <input id={`${id}-link`} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} py-1 font-mono text-xs`} />
            <CopyButton text={link} label={t('copyLink')} />
          </div>
          <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t('linkHint')}</p>
        </div>
      )}
    </fieldset>
  );
}
