'use client';
// Presentation mode for projectors: larger type and controls, higher contrast, sensitive values masked.
// On with `?present=1` (kept in the URL while navigating) or the header toggle; `?present=0` turns it off.
// The choice and the mask settings are kept per browser in localStorage (settings only, never a token).

import dynamic from 'next/dynamic';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useDismiss } from './use-dismiss';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { MaskKind } from '@/lib/resources/types';
import { PRESENTATION_COOKIE } from './presentation-cookie';
import { useHydrated } from '@/components/ui/use-hydrated';
import { storedValue } from '@/lib/client/stored-value';
import { useKiosk } from './kiosk';

// Only in the open settings menu: its code loads with the menu, not with every page.
const PlaylistEditor = dynamic(() => import('./playlist-editor').then((m) => m.PlaylistEditor));

export const PRESENTATION_KEY = 'stratus.presentation';

export type { MaskKind };

export interface PresentationSettings {
  on: boolean;
  mask: Record<MaskKind, boolean>;
}

// Project IDs are masked by default: they appear on many pages and in the inspector's URLs.
export const DEFAULT_PRESENTATION: PresentationSettings = { on: false, mask: { email: true, projectId: true, secretName: false } };

/** The stored settings' version: before 2, every save wrote `projectId: false` (then the default), so a stored false
 *  from then is no choice and the new default applies. */
const VERSION = 2;

/** Parses the stored settings, tolerating anything (old versions, hand edits). */
export function parsePresentation(raw: string | null): PresentationSettings {
  if (!raw) return DEFAULT_PRESENTATION;
  try {
    const v = JSON.parse(raw) as (Partial<PresentationSettings> & { v?: unknown }) | null;
    const mask = (v?.mask ?? {}) as Partial<Record<MaskKind, unknown>>;
    if (v?.v !== VERSION && mask.projectId === false) delete mask.projectId;
    const flag = (k: MaskKind) => (typeof mask[k] === 'boolean' ? (mask[k] as boolean) : DEFAULT_PRESENTATION.mask[k]);
    return { on: v?.on === true, mask: { email: flag('email'), projectId: flag('projectId'), secretName: flag('secretName') } };
  } catch {
    return DEFAULT_PRESENTATION;
  }
}

/** `?present=1` forces on, `?present=0` off, anything else keeps the stored choice. */
export function presentFromUrl(param: string | null, stored: boolean): boolean {
  if (param === '1' || param === 'true') return true;
  if (param === '0' || param === 'false') return false;
  return stored;
}

/** What a masked value shows: keeps the shape hint (the e-mail's domain is masked too). */
export function maskValue(value: string): string {
  return value ? '••••••' : value;
}

interface PresentationState extends PresentationSettings {
  setOn: (on: boolean) => void;
  setMask: (kind: MaskKind, on: boolean) => void;
  masked: (kind: MaskKind) => boolean;
}

const Ctx = createContext<PresentationState | null>(null);

// localStorage as an external store, so every tab component reads the same settings.
const storage = storedValue(PRESENTATION_KEY);
function writeCookie(raw: string) {
  document.cookie = `${PRESENTATION_COOKIE}=${encodeURIComponent(raw)}; path=/; max-age=31536000; samesite=lax`;
}
function write(settings: PresentationSettings) {
  const raw = JSON.stringify({ ...settings, v: VERSION });
  writeCookie(raw);
  storage.write(raw);
}

/** `serverRaw`: the settings the server rendered with (its cookie), so hydration sees what the HTML shows. */
export function PresentationProvider({ serverRaw = null, children }: { serverRaw?: string | null; children: ReactNode }) {
  const raw = useSyncExternalStore(storage.subscribe, storage.read, () => serverRaw);
  const stored = useMemo(() => parsePresentation(raw), [raw]);
  const search = useSearchParams();
  const pathname = usePathname();
  const param = search.get('present');
  // In the server's HTML (and while hydrating it) the URL's flag counts at once, so server-rendered rows are masked
  // from the first paint; after that the stored choice rules (the effect below stores the flag; the toggle drops it).
  const hydrated = useHydrated();
  // Kiosk mode (kiosk.tsx) forces masking on without changing the stored choice, which applies again after it.
  const kiosk = useKiosk().on;
  const on = kiosk || (hydrated ? stored.on : presentFromUrl(param, stored.on));
  // Settings saved before the cookie existed (or the cookie expired): copied over for the next server render.
  useEffect(() => {
    if (raw !== null && raw !== serverRaw) writeCookie(raw);
  }, [raw, serverRaw]);
  const applied = useRef(false);
  const seenParam = useRef<string | null>(null);

  // A URL flag is a choice too: remember it when it appears or changes (not on every render, so the toggle's own
  // address-bar update cannot race with it), so a reload without it stays the same.
  useEffect(() => {
    if (param === seenParam.current) return;
    seenParam.current = param;
    if (param === null) return;
    const want = presentFromUrl(param, stored.on);
    if (want !== stored.on) write({ ...stored, on: want });
  }, [param, stored]);

  // Keep `?present=1` in the address bar while on (links inside the app do not carry it).
  useEffect(() => {
    const url = new URL(window.location.href);
    if (on && !kiosk && url.searchParams.get('present') !== '1') {
      url.searchParams.set('present', '1');
      window.history.replaceState(window.history.state, '', url);
    } else if (!on && url.searchParams.has('present') && applied.current) {
      url.searchParams.delete('present');
      window.history.replaceState(window.history.state, '', url);
    }
    applied.current = true;
  }, [on, kiosk, pathname, search]);

  useEffect(() => {
    const html = document.documentElement;
    if (on) html.dataset.present = '1';
    else delete html.dataset.present;
    return () => {
      delete html.dataset.present;
    };
  }, [on]);

  const setOn = useCallback(
    (next: boolean) => {
      write({ ...stored, on: next });
      const url = new URL(window.location.href);
      if (next) url.searchParams.set('present', '1');
      else url.searchParams.delete('present');
      window.history.replaceState(window.history.state, '', url);
    },
    [stored],
  );
  const setMask = useCallback((kind: MaskKind, v: boolean) => write({ ...stored, on, mask: { ...stored.mask, [kind]: v } }), [stored, on]);
  const value = useMemo<PresentationState>(
    () => ({ on, mask: stored.mask, setOn, setMask, masked: (k) => on && stored.mask[k] }),
    [on, stored.mask, setOn, setMask],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePresentation(): PresentationState {
  return (
    useContext(Ctx) ?? {
      ...DEFAULT_PRESENTATION,
      setOn: () => {},
      setMask: () => {},
      masked: () => false,
    }
  );
}

/** A value masked in presentation mode when its kind is chosen in the settings. Without a kind, or for an empty
 *  value, it is plain text (so generic tables and pages can wrap every value whether or not it is sensitive). */
export function Sensitive({ kind, children, className }: { kind?: MaskKind; children: string; className?: string }) {
  const t = useTranslations('shell.presentation');
  const { masked } = usePresentation();
  if (!kind || !children || !masked(kind)) return className ? <span className={className}>{children}</span> : <>{children}</>;
  return (
    <span className={className} title={t('hiddenTitle')}>
      <span aria-hidden="true">{maskValue(children)}</span>
      <span className="sr-only">{t('hidden')}</span>
    </span>
  );
}

const MASK_LABELS = { email: 'maskEmail', projectId: 'maskProjectId', secretName: 'maskSecretName' } as const satisfies Record<MaskKind, string>;

/** The header's toggle and its small settings popover. */
export function PresentationToggle() {
  const t = useTranslations('shell.presentation');
  const p = usePresentation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  const settingsButton = useRef<HTMLButtonElement>(null);
  useDismiss(open, close, root, settingsButton);

  return (
    <div ref={root} className="relative flex items-center">
      <button
        type="button"
        aria-pressed={p.on}
        onClick={() => p.setOn(!p.on)}
        title={t('modeTitle')}
        className="inline-flex h-9 items-center gap-1.5 rounded-l-md px-2 text-sm text-zinc-700 hover:bg-zinc-100 aria-pressed:bg-brand-600 aria-pressed:text-white dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M3 4h18M5 4v10h14V4M12 14v4m-4 3 4-3 4 3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {/* The name is the visible words (WCAG 2.5.3), hidden from sight on narrow screens only. */}
        <span className="sr-only lg:not-sr-only">{t('mode')}</span>
      </button>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-settings`}
        ref={settingsButton}
        aria-label={t('settings')}
        data-kiosk-return
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-9 w-8 shrink-0 items-center justify-center rounded-r-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3 w-3" fill="currentColor">
          <path d="M5 7l5 6 5-6H5Z" />
        </svg>
      </button>
      {open && (
        <fieldset
          id={`${id}-settings`}
          className="absolute top-full right-0 z-50 mt-2 max-h-[calc(100dvh-5rem)] w-80 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
        >
          <legend className="sr-only">{t('settings')}</legend>
          <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t('hideHeading')}</p>
          {(Object.keys(MASK_LABELS) as MaskKind[]).map((k) => (
            <label key={k} className="mt-2 flex items-center gap-2">
              <input type="checkbox" checked={p.mask[k]} onChange={(e) => p.setMask(k, e.target.checked)} />
              {t(MASK_LABELS[k])}
            </label>
          ))}
          <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">{t('note')}</p>
          <PlaylistEditor />
        </fieldset>
      )}
    </div>
  );
}
