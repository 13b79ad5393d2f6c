// Kiosk mode's URL flag (issue 20): `?kiosk=1` turns it on, `?kiosk=0` off; the shell keeps the flag in the address
// bar while it is on, so a reload or a copied address stays in kiosk.
import { normalisePlaylist, parseRotation, type Playlist, type Rotation } from './playlist';

/** What a tab keeps in sessionStorage: kiosk on, and the playlist running in it (if any). */
export interface KioskStored {
  on: boolean;
  playlist?: Playlist;
  rotation?: Rotation;
}

/** The tab's stored kiosk state, tolerating anything; the playlist's views are checked again (storage is input too). */
export function parseKioskStored(raw: string | null, origin: string): KioskStored {
  if (!raw) return { on: false };
  try {
    const v = JSON.parse(raw) as { on?: unknown; playlist?: unknown; rotation?: unknown } | null;
    if (v?.on !== true) return { on: false };
    const playlist = v.playlist ? normalisePlaylist(v.playlist, origin) : undefined;
    const rotation = parseRotation(JSON.stringify(v.rotation ?? null));
    if (!playlist?.views.length || !rotation) return { on: true };
    return { on: true, playlist, rotation: { ...rotation, index: rotation.index % playlist.views.length } };
  } catch {
    return { on: false };
  }
}

/** `'on'`/`'off'` for an explicit flag, undefined when the URL says nothing (the tab's stored choice counts). */
export function kioskFromUrl(param: string | null): 'on' | 'off' | undefined {
  if (param === '1' || param === 'true') return 'on';
  if (param === '0' || param === 'false') return 'off';
  return undefined;
}

/** `path` (a same-origin path) with `?kiosk=1`, keeping its other parameters and hash. */
export function withKiosk(path: string): string {
  const url = new URL(path, 'http://stratus.invalid');
  url.searchParams.set('kiosk', '1');
  return url.pathname + url.search + url.hash;
}

export type KioskKeyAction = 'exit' | 'next' | 'previous' | 'pause';

export interface KeyInfo {
  key: string;
  /** The focused element's tag name, and whether it takes text (contenteditable, a textbox role). */
  tag?: string;
  editable?: boolean;
  defaultPrevented: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * What a key does in kiosk mode: Escape leaves it (unless a popover or dialog already used the Escape, or focus is
 * in a field, where Escape means clear or cancel); with a
 * playlist, N / P go to the next / previous view and K pauses or resumes (not the arrow keys:
 * tabs and menus use them). Letters typed into a field, and
 * anything with a modifier (the browser's and the palette's shortcuts), are left alone.
 */
export function kioskKeyAction(e: KeyInfo, playlist: boolean): KioskKeyAction | undefined {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return undefined;
  const typing = e.editable || (e.tag !== undefined && ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tag.toUpperCase()));
  if (typing) return undefined;
  if (e.key === 'Escape') return 'exit';
  if (!playlist) return undefined;
  switch (e.key) {
    case 'n':
    case 'N':
      return 'next';
    case 'p':
    case 'P':
      return 'previous';
    case 'k':
    case 'K':
      return 'pause';
    default:
      return undefined;
  }
}
