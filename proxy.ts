// Next 16 "proxy" (formerly middleware), on every page request:
// - passes the page URL to server components, so a layout can send a logged-out visitor to /login?next=<this URL>;
// - gives the page a fresh CSP nonce: the request's Content-Security-Policy header is where Next looks for it to
//   mark its own scripts, x-nonce is where the root layout reads it for the theme script;
// - sends the CSP, and HSTS on https (forwarded.ts decides what https is, trusting proxies only when told to);
// - `?lang=<locale>` (a shared link, the language menu): that language for this page and, in a cookie, after it.
// Sessions are checked in layouts and route handlers. /api is excluded: a proxy would buffer request bodies, and
// uploads must stream (API answers get their headers from lib/openstack/route-helpers.ts and proxy.ts). So is /s/: a
// shared snapshot's page sends its own, stricter CSP (no script at all: lib/snapshot/page.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { isHttpsRequest } from '@/lib/openstack/forwarded';
import { HSTS, newNonce, NONCE_HEADER, pageCsp } from '@/lib/security/headers';
import { LOCALE_COOKIE, LOCALE_HEADER, localeConfig } from '@/lib/i18n/locales';
import { explicitLocale } from '@/lib/i18n/negotiate';

const LOCALES = localeConfig(process.env);
const YEAR = 365 * 24 * 3600;

export function proxy(req: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp({ nonce, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(req.headers);
  headers.set('x-stratus-url', req.nextUrl.pathname + req.nextUrl.search);
  headers.set(NONCE_HEADER, nonce);
  headers.set('content-security-policy', csp);
  const lang = req.nextUrl.searchParams.get('lang');
  const locale = explicitLocale(lang, LOCALES.enabled);
  if (locale) headers.set(LOCALE_HEADER, locale);
  else headers.delete(LOCALE_HEADER);
  const res = NextResponse.next({ request: { headers } });
  if (locale) res.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: YEAR, sameSite: 'lax', secure: isHttpsRequest(req.headers) });
  res.headers.set('content-security-policy', csp);
  if (isHttpsRequest(req.headers)) res.headers.set('strict-transport-security', HSTS);
  return res;
}

export const config = {
  matcher: ['/((?!api/|s/|_next/|favicon.ico|icon.svg|robots.txt).*)'],
};
