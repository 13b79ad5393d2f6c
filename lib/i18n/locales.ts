// The languages Stratus speaks, and which of them this deployment offers (operators may restrict the list and pick
// the default: STRATUS_LOCALES=en,de STRATUS_DEFAULT_LOCALE=de). Pure: the server reads the environment once.

export const LOCALES = ['en', 'zh-CN', 'ja', 'de', 'fr', 'pt-BR'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words, for the language menu. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  ja: '日本語',
  de: 'Deutsch',
  fr: 'Français',
  'pt-BR': 'Português (Brasil)',
};

/** The cookie holding the user's choice (a year; the language menu and `?lang=` set it). */
export const LOCALE_COOKIE = 'stratus-locale';
/** Where proxy.ts hands a `?lang=` choice to the request (it wins over the cookie it is about to set). */
export const LOCALE_HEADER = 'x-stratus-locale';

export const isLocale = (v: string | null | undefined): v is Locale => !!v && (LOCALES as readonly string[]).includes(v);

export interface LocaleConfig {
  /** Offered, in menu order. */
  enabled: readonly Locale[];
  fallback: Locale;
}

/** The deployment's locales from STRATUS_LOCALES and STRATUS_DEFAULT_LOCALE; unknown names are ignored. */
export function localeConfig(env: Readonly<Record<string, string | undefined>>): LocaleConfig {
  const listed = (env.STRATUS_LOCALES ?? '').split(',').map((s) => canonical(s.trim())).filter(isLocale);
  const enabled = listed.length ? LOCALES.filter((l) => listed.includes(l)) : [...LOCALES];
  const wanted = canonical(env.STRATUS_DEFAULT_LOCALE ?? '');
  const fallback = isLocale(wanted) && enabled.includes(wanted) ? wanted : enabled.includes('en') ? 'en' : enabled[0];
  return { enabled, fallback };
}

/** `zh-cn`, `ZH_CN` -> `zh-CN`: a tag as the list spells it, when the list has it. */
export function canonical(tag: string): string {
  const t = tag.replace(/_/g, '-').toLowerCase();
  return LOCALES.find((l) => l.toLowerCase() === t) ?? tag;
}
