// The proxy's node:http fast path end to end: a real sealed cookie (iron-session, same password and ttl as the
// dashboard), a throwaway upstream server, the custom server's handler. Only the catalog and the cloud
// configuration are stubbed. Also checks that the fast path accepts exactly the sessions readSession() accepts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sealData } from 'iron-session';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '@/lib/testing/english';
import { cookieJar } from '@/lib/testing/next-headers';

process.env.SESSION_SECRET = 'test-secret-test-secret-test-secret-0123456789';

let upstreamBase = '';
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; bodyBytes: number }[] = [];

vi.mock('@/lib/config/clouds', () => ({
  getCloud: (id: string) => (id === 'c' ? { id: 'c', interface: 'public', verify: true } : undefined),
}));
vi.mock('./catalog', () => ({
  getCatalog: async () => [],
  catalogRegions: () => ['RegionOne'],
  forgetCatalog: vi.fn(),
  resolveEndpoint: (_c: unknown, type: string) => (type === 'compute' ? `${upstreamBase}/compute/v2.1` : undefined),
}));
// For the parity check with readSession(): the cookie store Next would give to the session handle.
vi.mock('next/headers', () => import('@/lib/testing/next-headers'));

const { createOsProxyHandler } = await import('./proxy-node');
const { clearSessionCookieCache, sessionFromCookieHeader } = await import('./session-cookie');
const { readSession } = await import('./session');

const password = process.env.SESSION_SECRET;
const TTL = 24 * 3600;
const base = {
  cloud: 'c',
  user: { id: 'u1', name: 'demo', domainId: 'default' },
  project: { id: 'p1', name: 'demo', domainId: 'default' },
  region: 'RegionOne',
  roles: ['member'],
  authMethod: 'password' as const,
  token: 'tok-secret',
  sid: 'sid-for-proxy-node-tests',
};
const seal = (data: object) => sealData(data, { password, ttl: TTL });

let upstream: http.Server;
let dashboard: http.Server;
let dash = '';
beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (c: Buffer) => (bodyBytes += c.length));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes });
      if (req.url?.includes('expired')) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"error": {"message": "The request you have made requires authentication.", "code": 401}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'up=1', 'x-openstack-request-id': 'req-ok' });
      res.end(JSON.stringify({ ok: true, bytes: bodyBytes }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamBase = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const handle = createOsProxyHandler({ extraHeaders: { 'x-content-type-options': 'nosniff' } });
  dashboard = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => dashboard.listen(0, '127.0.0.1', r));
  dash = `http://127.0.0.1:${(dashboard.address() as AddressInfo).port}`;
});
afterAll(() => {
  upstream.close();
  dashboard.close();
});
beforeEach(() => clearSessionCookieCache());
afterEach(() => vi.unstubAllEnvs());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${dash}${path}`, { headers });
const cookieOf = (sealed: string) => `theme=dark; stratus_session=${sealed}; other=1`;

describe('fast path (node:http)', () => {
  it('forwards a GET with the token from the sealed cookie, never the cookie itself', async () => {
    const cookie = cookieOf(await seal({ ...base, expiresAt: Date.now() + 3600_000 }));
    const res = await get('/api/os/compute/servers/detail?limit=2', { cookie, accept: 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, bytes: 0 });
    const last = seen.at(-1)!;
    expect(last.url).toBe('/compute/v2.1/servers/detail?limit=2');
    expect(last.headers['x-auth-token']).toBe('tok-secret');
    expect(last.headers.cookie).toBeUndefined();
    expect(last.headers['openstack-api-version']).toBe('compute 2.79');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-openstack-request-id')).toBe('req-ok');
  });

  it('streams a request body through for a same-origin mutation', async () => {
    const cookie = cookieOf(await seal({ ...base, expiresAt: Date.now() + 3600_000 }));
    const body = new Uint8Array(3 * 1024 * 1024).fill(7);
    const res = await fetch(`${dash}/api/os/compute/servers`, {
      method: 'POST',
      body,
      headers: { cookie, origin: dash, 'x-stratus-csrf': '1', 'content-type': 'application/octet-stream' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).bytes).toBe(body.length);
  });

  it('refuses a cross-site mutation before any upstream call', async () => {
    const cookie = cookieOf(await seal({ ...base, expiresAt: Date.now() + 3600_000 }));
    const before = seen.length;
    const res = await fetch(`${dash}/api/os/compute/servers`, { method: 'POST', body: '{}', headers: { cookie, origin: 'http://evil.test', 'x-stratus-csrf': '1' } });
    expect(res.status).toBe(403);
    expect(seen.length).toBe(before);
  });

  it('refuses COPY (and any verb but GET, HEAD, OPTIONS) without the CSRF header, before any upstream call', async () => {
    const cookie = cookieOf(await seal({ ...base, expiresAt: Date.now() + 3600_000 }));
    const before = seen.length;
    for (const method of ['COPY', 'MKCOL', 'PROPFIND']) {
      const res = await fetch(`${dash}/api/os/compute/servers`, { method, headers: { cookie, origin: dash, destination: 'c/x' } });
      expect(res.status, method).toBe(403);
    }
    expect(seen.length).toBe(before);
    const ok = await fetch(`${dash}/api/os/compute/servers`, { method: 'COPY', headers: { cookie, origin: dash, 'x-stratus-csrf': '1' } });
    expect(ok.status).toBe(200);
    expect(seen.at(-1)!.method).toBe('COPY');
    expect((await fetch(`${dash}/api/os/compute/servers`, { method: 'OPTIONS', headers: { cookie } })).status).toBe(200);
  });

  it('compares whole origins, believing X-Forwarded-* only with STRATUS_TRUST_PROXY=1', async () => {
    const cookie = cookieOf(await seal({ ...base, expiresAt: Date.now() + 3600_000 }));
    const post = (headers: Record<string, string>) => fetch(`${dash}/api/os/compute/servers`, { method: 'POST', body: '{}', headers: { cookie, 'x-stratus-csrf': '1', ...headers } });
    const forged = { origin: 'https://evil.test', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' };
    const before = seen.length;
    expect((await post({ origin: dash.replace('http:', 'https:') })).status).toBe(403);
    expect((await post(forged)).status).toBe(403);
    expect(seen.length).toBe(before);
    vi.stubEnv('STRATUS_TRUST_PROXY', '1');
    const trusted = await post(forged);
    expect(trusted.status).toBe(200);
    expect(trusted.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('turns an upstream 401 into "Your session expired", sandboxed like every answer', async () => {
    const cookie = cookieOf(await seal({ ...base, expiresAt: Date.now() + 3600_000 }));
    const res = await get('/api/os/compute/expired', { cookie });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('Your session expired');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers 409 when another tab rescoped the session to another project, without calling upstream', async () => {
    const cookie = cookieOf(await seal({ ...base, expiresAt: Date.now() + 3600_000 }));
    const ok = await get('/api/os/compute/servers', { cookie, 'x-stratus-project': 'p1' });
    expect(ok.status).toBe(200);
    expect(seen.at(-1)!.headers['x-stratus-project']).toBeUndefined();
    const before = seen.length;
    const res = await fetch(`${dash}/api/os/compute/servers`, {
      method: 'POST',
      body: '{}',
      headers: { cookie, origin: dash, 'x-stratus-csrf': '1', 'x-stratus-project': 'p2' },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await res.json();
    expect(body).toEqual({
      error: {
        status: 409,
        message: 'This tab is on project p2 but your session switched to project demo; reload to continue',
        text: { key: 'server.errors.projectSwitched', values: { wanted: 'p2', current: 'demo' } },
      },
    });
    expect(en(body.error.text)).toBe(body.error.message);
    expect(seen.length).toBe(before);
  });

  it('still answers 401 before the project check when there is no session', async () => {
    const res = await get('/api/os/compute/servers', { 'x-stratus-project': 'p2' });
    expect(res.status).toBe(401);
  });

  const refused: [string, () => Promise<string | undefined>][] = [
    ['no cookie', async () => undefined],
    ['another cookie only', async () => 'theme=dark'],
    ['an empty session cookie', async () => 'stratus_session='],
    ['a tampered cookie', async () => {
      const sealed = await seal({ ...base, expiresAt: Date.now() + 3600_000 });
      const i = Math.floor(sealed.length / 2);
      return cookieOf(`${sealed.slice(0, i)}${sealed[i] === 'A' ? 'B' : 'A'}${sealed.slice(i + 1)}`);
    }],
    ['a cookie sealed with another password', async () => cookieOf(await sealData({ ...base, expiresAt: Date.now() + 3600_000 }, { password: 'x'.repeat(40), ttl: TTL }))],
    ['garbage', async () => cookieOf('Fe26.2*1*not-a-seal~2')],
    ['an expired token', async () => cookieOf(await seal({ ...base, expiresAt: Date.now() - 1000 }))],
    ['an incomplete session (no token)', async () => cookieOf(await seal({ ...base, token: undefined, expiresAt: Date.now() + 3600_000 }))],
    ['an unknown cloud', async () => cookieOf(await seal({ ...base, cloud: 'gone', expiresAt: Date.now() + 3600_000 }))],
  ];
  it.each(refused)('answers 401 "Your session expired" for %s, without calling upstream', async (_name, make) => {
    const cookie = await make();
    const before = seen.length;
    const res = await get('/api/os/compute/servers', cookie === undefined ? {} : { cookie });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toEqual({ error: { status: 401, message: 'Your session expired', text: 'server.errors.sessionExpired' } });
    expect(en(body.error.text)).toBe(body.error.message);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(seen.length).toBe(before);
  });
});

describe('sessionFromCookieHeader', () => {
  it('never serves a cached session past its token expiry', async () => {
    const now = Date.now();
    const header = cookieOf(await seal({ ...base, expiresAt: now + 1000 }));
    expect((await sessionFromCookieHeader(header, now))?.token).toBe('tok-secret');
    expect(await sessionFromCookieHeader(header, now + 500)).not.toBeNull();
    expect(await sessionFromCookieHeader(header, now + 1000)).toBeNull();
  });

  it('accepts exactly the sessions readSession() accepts', async () => {
    const now = Date.now();
    const cases: Record<string, unknown>[] = [
      { ...base, expiresAt: now + 60_000 },
      { ...base, expiresAt: now - 1 },
      { ...base, expiresAt: String(now + 60_000) },
      { ...base, token: '' },
      { ...base, user: undefined, expiresAt: now + 60_000 },
      { ...base, project: undefined, expiresAt: now + 60_000 },
      { ...base, region: undefined, expiresAt: now + 60_000 },
      { ...base, cloud: undefined, expiresAt: now + 60_000 },
      {},
    ];
    for (const data of cases) {
      clearSessionCookieCache();
      const sealed = await seal(data);
      cookieJar.set('stratus_session', sealed);
      const viaNext = await readSession(now);
      const viaFastPath = await sessionFromCookieHeader(`stratus_session=${sealed}`, now);
      expect(viaFastPath, JSON.stringify(data)).toEqual(viaNext);
    }
    cookieJar.clear();
  });
});
