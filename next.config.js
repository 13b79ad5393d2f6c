// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS (its name is fixed)
const createNextIntlPlugin = require('next-intl/plugin');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the hook runs under plain Node, as this file does
const { eagerBrowserChunks } = require('./scripts/eager-factories');

// next-intl reads the request's locale and catalog from lib/i18n/request.ts. The catalogs are compiled at build
// time, so the browser gets no ICU parser (about 10 kB gzip off every route's first load).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole repository with tsc first; not repeating it here halves build time on
  // small machines.
  typescript: { ignoreBuildErrors: true },
  // forbidden() + forbidden.tsx: the admin views answer HTTP 403 to non-admins.
  experimental: { authInterrupts: true },
  // Module factories compiled before the app starts, not on its main thread (scripts/eager-factories.js).
  compiler: { runAfterProductionCompile: eagerBrowserChunks },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          // The dashboard uses none of these; nothing it shows (or a cloud's content) may ask for them.
          {
            key: 'Permissions-Policy',
            value:
              'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), ' +
              'magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), idle-detection=(), screen-wake-lock=()',
          },
        ],
      },
    ];
  },
};
module.exports = withNextIntl(nextConfig);
