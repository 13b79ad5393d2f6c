import { describe, expect, it } from 'vitest';
import { localeConfig } from './locales';
import { acceptedLanguages, explicitLocale, pickLocale } from './negotiate';

const all = localeConfig({});

describe('locale negotiation', () => {
  it('orders Accept-Language by quality, then by position, dropping q=0 and *', () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(acceptedLanguages('ja;q=0.5, de, en;q=0')).toEqual(['de', 'ja']);
    expect(acceptedLanguages('')).toEqual([]);
  });
  it.each([
    ['de-AT', 'de'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['en-GB', 'en'],
    ['ko', undefined],
    ['en-GB, !!bad', 'en'],
  ])('Accept-Language %s -> %s', (header, want) => {
    expect(pickLocale({ acceptLanguage: header }, { ...all, fallback: 'ja' })).toBe(want ?? 'ja');
  });
  it('takes an explicit choice only when it names an enabled locale', () => {
    expect(explicitLocale('zh-cn', all.enabled)).toBe('zh-CN');
    expect(explicitLocale('de-AT', all.enabled)).toBeUndefined();
    expect(explicitLocale('de', ['en', 'fr'])).toBeUndefined();
  });
  it('prefers ?lang=, then the cookie, then the browser, then the default', () => {
    expect(pickLocale({ query: 'ja', cookie: 'de', acceptLanguage: 'fr' }, all)).toBe('ja');
    expect(pickLocale({ query: 'xx', cookie: 'de', acceptLanguage: 'fr' }, all)).toBe('de');
    expect(pickLocale({ acceptLanguage: 'ko, fr;q=0.8' }, all)).toBe('fr');
    expect(pickLocale({ acceptLanguage: 'ko' }, all)).toBe('en');
  });
  it('offers only what the operator enabled, with their default', () => {
    const cfg = localeConfig({ STRATUS_LOCALES: 'de, fr, klingon', STRATUS_DEFAULT_LOCALE: 'fr' });
    expect(cfg).toEqual({ enabled: ['de', 'fr'], fallback: 'fr' });
    expect(pickLocale({ query: 'ja', acceptLanguage: 'en' }, cfg)).toBe('fr');
    expect(pickLocale({ cookie: 'de' }, cfg)).toBe('de');
    expect(localeConfig({ STRATUS_LOCALES: 'ja', STRATUS_DEFAULT_LOCALE: 'de' })).toEqual({ enabled: ['ja'], fallback: 'ja' });
  });
});
