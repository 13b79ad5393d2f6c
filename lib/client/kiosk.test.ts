import { describe, expect, it } from 'vitest';
import { kioskFromUrl, kioskKeyAction, withKiosk, type KeyInfo } from './kiosk';

describe('kioskFromUrl', () => {
  it.each([
    ['1', 'on'],
    ['true', 'on'],
    ['0', 'off'],
    ['false', 'off'],
    [null, undefined],
    ['yes', undefined],
  ])('%s -> %s', (param, out) => expect(kioskFromUrl(param)).toBe(out));
});

describe('withKiosk', () => {
  it.each([
    ['/demo/p/volumes', '/demo/p/volumes?kiosk=1'],
    ['/demo/p/volumes?region=RegionOne#top', '/demo/p/volumes?region=RegionOne&kiosk=1#top'],
    ['/demo/p?kiosk=0', '/demo/p?kiosk=1'],
  ])('%s -> %s', (path, out) => expect(withKiosk(path)).toBe(out));
});

describe('kioskKeyAction', () => {
  const key = (k: string, more: Partial<KeyInfo> = {}): KeyInfo => ({ key: k, defaultPrevented: false, altKey: false, ctrlKey: false, metaKey: false, ...more });
  it.each<[KeyInfo, boolean, string | undefined]>([
    [key('Escape'), false, 'exit'],
    [key('Escape', { tag: 'INPUT' }), true, undefined], // a search box's clear
    [key('Escape', { editable: true }), false, undefined],
    [key('Escape', { defaultPrevented: true }), false, undefined], // a popover closed on it
    [key('n'), true, 'next'],
    [key('N'), true, 'next'],
    [key('p'), true, 'previous'],
    [key('k'), true, 'pause'],
    [key('n'), false, undefined], // no playlist running
    [key('n', { tag: 'input' }), true, undefined],
    [key('n', { tag: 'TEXTAREA' }), true, undefined],
    [key('k', { editable: true }), true, undefined],
    [key('k', { ctrlKey: true }), true, undefined], // the palette's Ctrl+K
    [key('n', { metaKey: true }), true, undefined],
    [key('ArrowRight'), true, undefined], // tabs and menus use the arrows
    [key('x'), true, undefined],
  ])('%j (playlist %s) -> %s', (e, playlist, out) => expect(kioskKeyAction(e, playlist)).toBe(out));
});
