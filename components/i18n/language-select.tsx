'use client';
// The language menu (user menu, login page): the page again with `?lang=`, which proxy.ts keeps in a cookie, so the
// server renders the new language. Hidden when the deployment offers one language.
import { useLocale, useTranslations } from 'next-intl';
import { LOCALE_NAMES } from '@/lib/i18n/locales';
import { useEnabledLocales } from './locales-context';

export function LanguageSelect({ className, labelClassName }: { className?: string; labelClassName?: string }) {
  const t = useTranslations('language');
  const locale = useLocale();
  const locales = useEnabledLocales();
  if (locales.length < 2) return null;
  return (
    <label className={className}>
      <span className={labelClassName}>{t('label')}</span>
      <select
        className="mt-1 block w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-800"
        value={locale}
        onChange={(e) => {
          const url = new URL(window.location.href);
          url.searchParams.set('lang', e.target.value);
          window.location.assign(url.toString());
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
