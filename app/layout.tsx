import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CatalogProvider } from '@/components/i18n/catalog-provider';
import { EnabledLocalesProvider } from '@/components/i18n/locales-context';
import { Providers } from '@/components/providers';
import { LOCALE_CONFIG } from '@/lib/i18n/config';
import type { Locale } from '@/lib/i18n/locales';
import { themeScript } from '@/components/theme/theme-script';
import { NONCE_HEADER } from '@/lib/security/headers';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.app');
  return {
    title: { default: 'Stratus', template: '%s · Stratus' },
    description: t('description'),
    icons: { icon: '/icon.svg' },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

// Reading the request's headers renders every page per request (login and not-found included), which the CSP
// nonce requires: proxy.ts makes a new one for each request, and Next marks its scripts with it.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  // The request's language (lib/i18n/request.ts); the client provider loads that locale's catalog only.
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh font-sans">
        <CatalogProvider locale={locale as Locale} timeZone={timeZone}>
          <EnabledLocalesProvider locales={LOCALE_CONFIG.enabled}>
            <Providers>{children}</Providers>
          </EnabledLocalesProvider>
        </CatalogProvider>
      </body>
    </html>
  );
}
