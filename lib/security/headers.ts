// Security headers of the dashboard's own answers: the pages' Content-Security-Policy (a fresh nonce per request,
// set by the root proxy.ts) and HSTS. Pure and without server-only: proxy.ts, route helpers and the proxy core
// all import it.

/** Request header carrying the page's nonce from proxy.ts to the root layout (any client value is overwritten). */
export const NONCE_HEADER = 'x-nonce';

/** Sent only on https as the browser sees it (lib/openstack/forwarded.ts isHttpsRequest): two years, subdomains. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** 128 random bits, base64: unguessable, and only characters a CSP nonce source allows. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const NONCE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The CSP of every HTML page. Scripts run only with this request's nonce (Next puts it on its own scripts when it
 * finds it in the request's CSP header) or when loaded by such a script ('strict-dynamic'); no inline or injected
 * script runs. React's dev build needs eval to rebuild server stacks, so `dev` adds 'unsafe-eval'.
 */
export function pageCsp({ nonce, dev }: { nonce: string; dev: boolean }): string {
  if (!NONCE.test(nonce)) throw new Error('Invalid CSP nonce');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Styles keep 'unsafe-inline': React style attributes and Chart.js set inline styles. CSS cannot run script,
    // and no nonce here (with a nonce present, browsers ignore 'unsafe-inline').
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The CSP of our own API answers (JSON, credential downloads): nothing in them is meant to render, so a document made
 * from one loads nothing, runs nothing and cannot be framed.
 */
export const API_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";
