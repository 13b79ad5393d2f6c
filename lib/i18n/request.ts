// next-intl's request configuration (next.config.js points its plugin here): the request's locale (negotiate.ts)
// and that locale's catalog. Only this catalog reaches the browser (components/i18n/catalog-provider.tsx, as a chunk of its own).
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { withFallback, type Catalog } from './catalog';
import { LOCALE_CONFIG } from './config';
import { LOCALE_COOKIE, LOCALE_HEADER, type Locale } from './locales';
import { pickLocale } from './negotiate';

export async function requestLocale(): Promise<Locale> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return pickLocale({ query: h.get(LOCALE_HEADER), cookie: c.get(LOCALE_COOKIE)?.value, acceptLanguage: h.get('accept-language') }, LOCALE_CONFIG);
}

const load = async (locale: Locale): Promise<Catalog> => (await import(`./messages/${locale}.json`)).default;

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = locale === 'en' ? await load('en') : withFallback(await load('en'), await load(locale));
  return { locale, messages };
});
