import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { themeScript } from '@/components/theme/theme-script';
import { NONCE_HEADER } from '@/lib/security/headers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Stratus', template: '%s · Stratus' },
  description: 'A fast, secure, self-hosted dashboard for OpenStack clouds',
  icons: { icon: '/icon.svg' },
};

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
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
