// A stand-in for `next/headers` in route and session tests: a cookie jar that behaves like Next's request cookie
// store (set with maxAge 0 or an empty value deletes, as iron-session's destroy() does) and the request's headers.
// One instance per test file (vitest isolates files). Use it as the mock module itself:
//   vi.mock('next/headers', () => import('@/lib/testing/next-headers'));
//   import { cookieJar, resetNextHeaders, setRequestHeaders } from '@/lib/testing/next-headers';

/** The cookies the code under test reads and writes: name -> value. */
export const cookieJar = new Map<string, string>();
let requestHeaders = new Headers();

/** The headers `headers()` returns until the next reset. */
export function setRequestHeaders(init?: HeadersInit): void {
  requestHeaders = new Headers(init);
}

/** Empties the jar and the request headers (for a test's beforeEach). */
export function resetNextHeaders(): void {
  cookieJar.clear();
  requestHeaders = new Headers();
}

export async function cookies() {
  return {
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    has: (name: string) => cookieJar.has(name),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, opts?: { maxAge?: number }) => {
      if (opts?.maxAge === 0 || value === '') cookieJar.delete(name);
      else cookieJar.set(name, value);
    },
    delete: (name: string) => cookieJar.delete(name),
  };
}

export async function headers(): Promise<Headers> {
  return requestHeaders;
}
