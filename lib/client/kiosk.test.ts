import { describe, expect, it } from 'vitest';
import { kioskFromUrl, kioskKeyAction, parseKioskStored, withKiosk, type KeyInfo } from './kiosk';

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

describe('parseKioskStored', () => {
  const ORIGIN = 'https://stratus.example.org';
  const playlist = { interval: 10, views: ['/demo/p', '/demo/p/volumes'] };
  it.each([
    [null, { on: false }],
    ['', { on: false }],
    ['not json', { on: false }],
    ['null', { on: false }],
    ['{"on": "yes"}', { on: false }],
    ['{"on": true}', { on: true }],
    // A rotation without a playlist, or a playlist without a rotation, is kiosk alone.
    [JSON.stringify({ on: true, rotation: { index: 0, since: 1, left: 0 } }), { on: true }],
    [JSON.stringify({ on: true, playlist }), { on: true }],
    [JSON.stringify({ on: true, playlist, rotation: { index: 1, since: 5, left: 0 } }), { on: true, playlist, rotation: { index: 1, since: 5, left: 0 } }],
    // An index past the end wraps; views edited into storage are checked again.
    [JSON.stringify({ on: true, playlist, rotation: { index: 3, since: null, left: 200 } }), { on: true, playlist, rotation: { index: 1, since: null, left: 200 } }],
    [
      JSON.stringify({ on: true, playlist: { interval: 1, views: ['javascript:alert(1)', '/demo/p'] }, rotation: { index: 0, since: 5, left: 0 } }),
      { on: true, playlist: { interval: 5, views: ['/demo/p'] }, rotation: { index: 0, since: 5, left: 0 } },
    ],
    [JSON.stringify({ on: true, playlist: { views: ['https://evil.example.com/'] }, rotation: { index: 0, since: 5, left: 0 } }), { on: true }],
  ])('%j', (raw, out) => expect(parseKioskStored(raw, ORIGIN)).toEqual(out));
});
