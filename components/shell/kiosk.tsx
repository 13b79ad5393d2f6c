'use client';
// Kiosk mode for talks and wall screens (issue 20): `?kiosk=1` hides the header and the sidebar, enlarges type and
// forces presentation masking (presentation.tsx reads useKiosk). It lasts for this tab (sessionStorage) across
// client-side navigations, keeping `?kiosk=1` in the address bar, until Escape or the "Exit kiosk" button.
// A playlist (playlist-editor.tsx, or a shared `?playlist=` link) rotates through saved views while in kiosk.

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { kioskFromUrl, kioskKeyAction, parseKioskStored, withKiosk, type KioskStored } from '@/lib/client/kiosk';
import {
  decodePlaylist,
  msUntilNext,
  pauseRotation,
  resumeRotation,
  startRotation,
  stepRotation,
  type Playlist,
  type Rotation,
} from '@/lib/client/playlist';

export const KIOSK_KEY = 'stratus.kiosk';

const OFF: KioskStored = { on: false };

// sessionStorage as an external store: per tab, so a wall screen's kiosk does not take over the speaker's other tabs.
const listeners = new Set<() => void>();
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => void listeners.delete(fn);
};
function readRaw(): string | null {
  try {
    return window.sessionStorage.getItem(KIOSK_KEY);
  } catch {
    return memory;
  }
}
let memory: string | null = null;
function write(next: KioskStored) {
  const raw = next.on ? JSON.stringify(next) : null;
  memory = raw;
  try {
    if (raw) window.sessionStorage.setItem(KIOSK_KEY, raw);
    else window.sessionStorage.removeItem(KIOSK_KEY);
  } catch {
    // storage disabled: `memory` keeps it for this page
  }
  listeners.forEach((l) => l());
}

interface KioskState {
  on: boolean;
  playlist?: Playlist;
  rotation?: Rotation;
  /** Why a shared playlist link was not started (it carried no valid view). */
  linkError: boolean;
  enter: () => void;
  exit: () => void;
  start: (p: Playlist) => void;
  togglePause: () => void;
  step: (delta: number) => void;
}

const Ctx = createContext<KioskState | null>(null);

const noop = () => {};
export function useKiosk(): KioskState {
  return useContext(Ctx) ?? { on: false, linkError: false, enter: noop, exit: noop, start: noop, togglePause: noop, step: noop };
}

export function KioskProvider({ children }: { children: ReactNode }) {
  const raw = useSyncExternalStore(subscribe, readRaw, () => null);
  const stored = useMemo(() => (raw ? parseKioskStored(raw, window.location.origin) : OFF), [raw]);
  const search = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const flag = kioskFromUrl(search.get('kiosk'));
  const shared = search.get('playlist');
  // Set by exit() until the address bar has dropped the flag: the router applies replaceState a render later, and
  // the stale flag must not turn kiosk back on meanwhile.
  const [leftAt, setLeftAt] = useState<string | null>(null);
  const leaving = leftAt !== null && leftAt === `${pathname}?${search.toString()}`;
  // The URL's flag counts at once (also in the server's HTML, so the chrome is hidden from the first paint).
  const on = (flag === 'on' && !leaving) || (flag !== 'off' && stored.on);
  const [linkError, setLinkError] = useState(false);
  const seenFlag = useRef<typeof flag | null>(null);
  // The shared link last started (the effect re-runs as the stored state changes before the address bar drops it).
  const startedLink = useRef<string | null>(null);

  // A flag in the URL is a choice: remember it for this tab. A shared playlist link starts its playlist here.
  useEffect(() => {
    if (shared !== null) {
      if (startedLink.current === shared) return;
      startedLink.current = shared;
      const p = decodePlaylist(shared, window.location.origin);
      setLinkError(!p);
      write(p ? { on: true, playlist: p, rotation: startRotation(Date.now()) } : { ...stored, on: true });
      const url = new URL(window.location.href);
      url.searchParams.delete('playlist');
      url.searchParams.set('kiosk', '1');
      window.history.replaceState(window.history.state, '', url);
      return;
    }
    if (leaving) return;
    // Only a change of the flag is a choice (as in presentation.tsx), so the stored state can differ from a flag
    // that is merely still there.
    if (flag === seenFlag.current) return;
    seenFlag.current = flag;
    if (flag === 'on' && !stored.on) write({ on: true });
    else if (flag === 'off' && stored.on) write(OFF);
  }, [flag, shared, stored, leaving]);

  // Keep `?kiosk=1` in the address bar while on (links inside the app do not carry it), so a reload stays in kiosk.
  useEffect(() => {
    if (!on) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get('kiosk') !== '1') {
      url.searchParams.set('kiosk', '1');
      window.history.replaceState(window.history.state, '', url);
    }
  }, [on, pathname, search]);

  useEffect(() => {
    const html = document.documentElement;
    if (on) html.dataset.kiosk = '1';
    else delete html.dataset.kiosk;
    return () => {
      delete html.dataset.kiosk;
    };
  }, [on]);

  const enter = useCallback(() => {
    write({ on: true });
    const url = new URL(window.location.href);
    url.searchParams.set('kiosk', '1');
    window.history.replaceState(window.history.state, '', url);
  }, []);

  const exit = useCallback(() => {
    setLeftAt(`${pathname}?${search.toString()}`);
    write(OFF);
    setLinkError(false);
    const url = new URL(window.location.href);
    url.searchParams.delete('kiosk');
    url.searchParams.delete('playlist');
    window.history.replaceState(window.history.state, '', url);
    // The chrome comes back: focus goes to where kiosk is started from, not to the page's top.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-kiosk-return]')?.focus());
  }, [pathname, search]);

  const start = useCallback(
    (p: Playlist) => {
      if (!p.views.length) return;
      write({ on: true, playlist: p, rotation: startRotation(Date.now()) });
      router.push(withKiosk(p.views[0]));
    },
    [router],
  );

  const playlist = on ? stored.playlist : undefined;
  const rotation = on ? stored.rotation : undefined;

  const step = useCallback(
    (delta: number) => {
      if (!playlist || !rotation) return;
      const next = stepRotation(rotation, playlist.views.length, Date.now(), delta);
      write({ on: true, playlist, rotation: next });
      router.push(withKiosk(playlist.views[next.index]));
    },
    [playlist, rotation, router],
  );

  const togglePause = useCallback(() => {
    if (!playlist || !rotation) return;
    const now = Date.now();
    write({ on: true, playlist, rotation: rotation.since === null ? resumeRotation(rotation, playlist.interval, now) : pauseRotation(rotation, playlist.interval, now) });
  }, [playlist, rotation]);

  // The countdown: one timeout for the current view, re-armed whenever the rotation changes (a step, a pause).
  useEffect(() => {
    if (!playlist || !rotation) return;
    const wait = msUntilNext(rotation, playlist.interval, Date.now());
    if (wait === null) return;
    const id = window.setTimeout(() => step(1), wait);
    return () => window.clearTimeout(id);
  }, [playlist, rotation, step]);

  // Keys: Escape leaves kiosk; N, P and K drive the playlist. Captured before the page's own handlers, so an open
  // menu or dialog can be seen (and its Escape left to it) before it closes.
  useEffect(() => {
    if (!on) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const el = e.target instanceof HTMLElement ? e.target : null;
      // A dialog, or a popover whose button or panel has focus, takes Escape itself (a disclosure left open elsewhere
      // on the page does not).
      const popover = [...document.querySelectorAll('[aria-expanded="true"][aria-controls]')].some((b) => {
        const panel = document.getElementById(b.getAttribute('aria-controls') ?? '');
        return !!el && (b.contains(el) || !!panel?.contains(el));
      });
      const busy = popover || document.querySelector('[role="dialog"], dialog[open]') !== null;
      const action = kioskKeyAction(
        { key: e.key, tag: el?.tagName, editable: el?.isContentEditable, defaultPrevented: e.defaultPrevented, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey },
        !!playlist,
      );
      if (!action || (action === 'exit' && busy)) return;
      e.preventDefault();
      if (action === 'exit') exit();
      else if (action === 'next') step(1);
      else if (action === 'previous') step(-1);
      else togglePause();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [on, playlist, exit, step, togglePause]);

  const value = useMemo<KioskState>(
    () => ({ on, playlist, rotation, linkError, enter, exit, start, togglePause, step }),
    [on, playlist, rotation, linkError, enter, exit, start, togglePause, step],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const barButton =
  'inline-flex h-8 items-center rounded-md px-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:text-zinc-100 dark:hover:bg-zinc-800';

/** The small control that stays on screen in kiosk: exit, and the playlist's previous / pause / next. */
export function KioskBar() {
  const t = useTranslations('shell.kiosk');
  const k = useKiosk();
  if (!k.on) return null;
  const count = k.playlist?.views.length ?? 0;
  const paused = k.rotation?.since === null;
  return (
    <aside
      aria-label={t('controls')}
      className="fixed right-3 bottom-3 z-50 flex items-center gap-1 rounded-lg border border-zinc-300 bg-white/95 p-1 shadow-lg dark:border-zinc-600 dark:bg-zinc-900/95"
    >
      {k.linkError && (
        <p role="alert" className="px-2 text-sm text-red-700 dark:text-red-300">
          {t('linkInvalid')}
        </p>
      )}
      {k.playlist && k.rotation && (
        <>
          <span className="px-2 text-sm text-zinc-700 tabular-nums dark:text-zinc-300">{t('position', { index: k.rotation.index + 1, count })}</span>
          <button type="button" className={barButton} onClick={() => k.step(-1)} aria-keyshortcuts="P">
            {t('previous')}
          </button>
          <button type="button" className={barButton} onClick={k.togglePause} aria-keyshortcuts="K">
            {paused ? t('resume') : t('pause')}
          </button>
          <button type="button" className={barButton} onClick={() => k.step(1)} aria-keyshortcuts="N">
            {t('next')}
          </button>
        </>
      )}
      <button type="button" className={`${barButton} border border-zinc-300 dark:border-zinc-600`} onClick={k.exit} aria-keyshortcuts="Escape">
        {t('exit')}
      </button>
    </aside>
  );
}

/** Navigation and chrome: not rendered in kiosk (the wall screen shows the page only). */
export function NotInKiosk({ children }: { children: ReactNode }) {
  return useKiosk().on ? null : <>{children}</>;
}
