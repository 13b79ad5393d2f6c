// The proxy end to end against a throwaway upstream server: session and catalog are stubbed, everything
// else (rules, headers, streaming, error normalisation) is the real code.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '@/lib/testing/english';
import { PROXIED_BODY_CSP } from './proxy-rules';

let upstreamBase = '';
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; bodyBytes: number }[] = [];

vi.mock('./session', () => ({
  requireSession: async () => ({
    session: { cloud: 'c', region: 'RegionOne', token: 'tok-secret', project: { id: 'p', name: 'demo' } },
    cloud: { id: 'c', interface: 'public', verify: true },
  }),
}));
vi.mock('./catalog', () => ({
  getCatalog: async () => [],
  forgetCatalog: vi.fn(),
  catalogRegions: () => ['RegionOne', 'RegionTwo'],
  // RegionTwo offers compute only, at its own URL.
  resolveEndpoint: (_c: unknown, type: string, region: string) =>
    region === 'RegionTwo' ? (type === 'compute' ? `${upstreamBase}/r2/compute/v2.1` : undefined) :
    type === 'compute' ? `${upstreamBase}/compute/v2.1` : type === 'object-store' ? `${upstreamBase}/swift/v1/AUTH_p` : type === 'key-manager' ? `${upstreamBase}/key-manager` : type === 'dead' ? 'http://127.0.0.1:59999/x' : undefined,
}));

const { proxyRequest } = await import('./proxy');

let server: http.Server;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (c: Buffer) => (bodyBytes += c.length));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bodyBytes });
      if (req.url?.startsWith('/swift/')) {
        // Swift objects as users uploaded them: any type, sometimes with their own Content-Disposition.
        const name = decodeURIComponent(req.url.split('/').pop() ?? '');
        const types: Record<string, Record<string, string>> = {
          'page.html': { 'content-type': 'text/html; charset=utf-8' },
          'inline.html': { 'content-type': 'TEXT/HTML', 'content-disposition': 'inline; filename="report.html"' },
          'image.svg': { 'content-type': 'image/svg+xml' },
          'notes.txt': { 'content-type': 'text/plain' },
          'pixel.png': { 'content-type': 'image/png', 'content-disposition': 'inline' },
          untyped: {},
        };
        res.writeHead(200, types[name] ?? {});
        res.end(req.method === 'HEAD' ? undefined : `<script>alert(1)</script>${name}`);
        return;
      }
      if (req.url?.includes('missing')) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-openstack-request-id': 'req-404' });
        res.end(JSON.stringify({ itemNotFound: { message: 'Instance missing could not be found.', code: 404 } }));
        return;
      }
      if (req.url?.endsWith('/payload')) {
        // An upstream (or a cache in front of it) that would let a secret's payload be cached.
        res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8', 'cache-control': 'public, max-age=3600', expires: 'Thu, 01 Jan 2037 00:00:00 GMT', 'x-openstack-request-id': 'req-p' });
        res.end('s3cr3t');
        return;
      }
      if (req.url?.includes('expired')) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"error": {"message": "The request you have made requires authentication.", "code": 401}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'up=1', 'x-openstack-request-id': 'req-ok', location: `${upstreamBase}/compute/v2.1/servers/x` });
      res.end(JSON.stringify({ ok: true, bytes: bodyBytes }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  upstreamBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

const origin = 'http://dash.test';
const req = (path: string, init: RequestInit = {}) => new Request(`${origin}${path}`, { ...init, headers: { host: 'dash.test', ...(init.headers as Record<string, string>) } });

describe('proxyRequest', () => {
  it('forwards a GET with the token, without cookies, and filters response headers', async () => {
    const res = await proxyRequest(req('/api/os/compute/servers/detail?limit=2', { headers: { cookie: 'stratus_session=sealed', accept: 'application/json' } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, bytes: 0 });
    const last = seen.at(-1)!;
    expect(last.url).toBe('/compute/v2.1/servers/detail?limit=2');
    expect(last.headers['x-auth-token']).toBe('tok-secret');
    expect(last.headers.cookie).toBeUndefined();
    expect(last.headers['openstack-api-version']).toBe('compute 2.79');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-openstack-request-id')).toBe('req-ok');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-upstream-location')).toBe('/api/os/compute/servers/x');
  });

  it('serves a Barbican payload as no-store, whatever the upstream says, with its Accept forwarded', async () => {
    const res = await proxyRequest(req('/api/os/key-manager/v1/secrets/abc/payload', { headers: { accept: 'text/plain' } }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('s3cr3t');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('expires')).toBeNull();
    expect(res.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(seen.at(-1)!.url).toBe('/key-manager/v1/secrets/abc/payload');
    expect(seen.at(-1)!.headers.accept).toBe('text/plain');
    expect(seen.at(-1)!.headers['openstack-api-version']).toBe('key-manager 1.1');
  });

  it('keeps a microversion chosen by the browser', async () => {
    await proxyRequest(req('/api/os/compute/servers', { headers: { 'openstack-api-version': 'compute 2.47' } }));
    expect(seen.at(-1)!.headers['openstack-api-version']).toBe('compute 2.47');
  });

  it('streams a request body through for a same-origin mutation', async () => {
    const body = new Uint8Array(3 * 1024 * 1024).fill(7);
    const res = await proxyRequest(
      req('/api/os/compute/servers', { method: 'POST', body, headers: { origin, 'x-stratus-csrf': '1', 'content-type': 'application/octet-stream' } }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).bytes).toBe(body.length);
  });

  it('refuses cross-site and header-less mutations before any upstream call', async () => {
    const before = seen.length;
    expect((await proxyRequest(req('/api/os/compute/servers', { method: 'POST', body: '{}', headers: { origin: 'http://evil.test', 'x-stratus-csrf': '1' } }))).status).toBe(403);
    expect((await proxyRequest(req('/api/os/compute/servers', { method: 'DELETE', headers: { origin } }))).status).toBe(403);
    // Same host, other scheme: another origin.
    expect((await proxyRequest(req('/api/os/compute/servers', { method: 'POST', body: '{}', headers: { origin: 'https://dash.test', 'x-stratus-csrf': '1' } }))).status).toBe(403);
    expect(seen.length).toBe(before);
  });

  it('believes X-Forwarded-Host/-Proto for the same-origin check only with STRATUS_TRUST_PROXY=1', async () => {
    const forged = { origin: 'https://evil.test', 'x-stratus-csrf': '1', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' };
    const before = seen.length;
    const refused = await proxyRequest(req('/api/os/compute/servers', { method: 'POST', body: '{}', headers: forged }));
    expect(refused.status).toBe(403);
    expect(seen.length).toBe(before);
    vi.stubEnv('STRATUS_TRUST_PROXY', '1');
    expect((await proxyRequest(req('/api/os/compute/servers', { method: 'POST', body: '{}', headers: forged }))).status).toBe(200);
    expect(seen.length).toBe(before + 1);
  });

  it('checks every method but GET, HEAD and OPTIONS (Swift COPY needs the header)', async () => {
    const before = seen.length;
    const copy = await proxyRequest(req('/api/os/object-store/c/page.html', { method: 'COPY', headers: { origin, destination: 'c/copy.html' } }));
    expect(copy.status).toBe(403);
    expect((await copy.json()).error.message).toContain('x-stratus-csrf');
    expect(seen.length).toBe(before);
    expect((await proxyRequest(req('/api/os/object-store/c/page.html', { method: 'COPY', headers: { origin, 'x-stratus-csrf': '1' } }))).status).toBe(200);
    expect((await proxyRequest(req('/api/os/compute/servers', { method: 'OPTIONS' }))).status).toBe(200);
  });

  it('normalises upstream errors with message, service and request id', async () => {
    const res = await proxyRequest(req('/api/os/compute/servers/missing'));
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(await res.json()).toEqual({ error: { status: 404, service: 'compute', requestId: 'req-404', message: 'Instance missing could not be found.' } });
  });

  it('marks relayed answers (x-stratus-upstream), and words its own refusals for the browser to translate', async () => {
    expect((await proxyRequest(req('/api/os/compute/servers/missing'))).headers.get('x-stratus-upstream')).toContain('GET http');
    const res = await proxyRequest(req('/api/os/nosuch/x'));
    expect(res.status).toBe(404);
    expect(res.headers.get('x-stratus-upstream')).toBeNull();
    const { error } = await res.json();
    expect(error.service).toBeUndefined();
    expect(error.message).toMatch(/^Service "nosuch" is not available in this cloud \(region .+, .+ interface\)$/);
    expect(en(error.text)).toBe(error.message);
  });

  it('turns an upstream 401 into "Your session expired"', async () => {
    const res = await proxyRequest(req('/api/os/compute/expired'));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('Your session expired');
  });

  it('answers 404 for a service the catalog lacks and 400 for hostile paths', async () => {
    expect((await proxyRequest(req('/api/os/network/v2.0/networks'))).status).toBe(404);
    expect((await proxyRequest(req('/api/os/compute/servers/%252e%252e/x'))).status).toBe(400);
    expect((await proxyRequest(req('/api/os/compute/a@evil.test'))).status).toBe(400);
    expect((await proxyRequest(req('/api/os/Compute!/x'))).status).toBe(400);
  });

  it('serves a tab whose X-Stratus-Project is the session\'s project, without forwarding the header', async () => {
    const res = await proxyRequest(req('/api/os/compute/servers', { headers: { 'x-stratus-project': 'p' } }));
    expect(res.status).toBe(200);
    expect(seen.at(-1)!.headers['x-stratus-project']).toBeUndefined();
    expect(seen.at(-1)!.headers['x-auth-token']).toBe('tok-secret');
  });

  it('answers 409 when the tab is on another project than the session, before any upstream call', async () => {
    const before = seen.length;
    const res = await proxyRequest(req('/api/os/compute/servers', { headers: { 'x-stratus-project': 'other' } }));
    expect(res.status).toBe(409);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({
      error: {
        status: 409,
        message: 'This tab is on project other but your session switched to project demo; reload to continue',
        text: { key: 'server.errors.projectSwitched', values: { wanted: 'other', current: 'demo' } },
      },
    });
    expect(en(body.error.text)).toBe(body.error.message);
    const del = await proxyRequest(req('/api/os/compute/servers/x', { method: 'DELETE', headers: { origin, 'x-stratus-csrf': '1', 'x-stratus-project': 'other' } }));
    expect(del.status).toBe(409);
    expect((await proxyRequest(req('/api/os/compute/servers', { headers: { 'x-stratus-project': 'p/../q' } }))).status).toBe(400);
    expect(seen.length).toBe(before);
  });

  it('never lets a cloud body render as a page of the dashboard: unsafe types download, all are sandboxed', async () => {
    const get = async (name: string, method = 'GET') => {
      const res = await proxyRequest(req(`/api/os/object-store/c/${name}`, { method }));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe(PROXIED_BODY_CSP);
      return res.headers.get('content-disposition');
    };
    expect(await get('page.html')).toBe('attachment');
    expect(await get('page.html', 'HEAD')).toBe('attachment');
    expect(await get('inline.html')).toBe('attachment; filename="report.html"');
    expect(await get('image.svg')).toBe('attachment');
    expect(await get('untyped')).toBe('attachment');
    // Previews keep working: text and images are shown inline, as the upstream said.
    expect(await get('notes.txt')).toBeNull();
    expect(await get('pixel.png')).toBe('inline');
  });

  it('puts the security headers on the proxy\'s own refusals too, and HSTS only on https', async () => {
    const refused = await proxyRequest(req('/api/os/compute/servers', { method: 'POST', body: '{}', headers: { origin: 'http://evil.test', 'x-stratus-csrf': '1' } }));
    expect(refused.headers.get('content-security-policy')).toBe(PROXIED_BODY_CSP);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(refused.headers.get('strict-transport-security')).toBeNull();
    const https = { 'x-forwarded-proto': 'https' };
    expect((await proxyRequest(req('/api/os/compute/servers', { headers: https }))).headers.get('strict-transport-security')).toBeNull();
    vi.stubEnv('STRATUS_TRUST_PROXY', '1');
    expect((await proxyRequest(req('/api/os/compute/servers', { headers: https }))).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect((await proxyRequest(req('/api/os/network/x', { headers: https }))).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('sends a call to the catalog endpoint of the region the tab names (X-Stratus-Region), without forwarding the header', async () => {
    const res = await proxyRequest(req('/api/os/compute/servers', { headers: { 'x-stratus-region': 'RegionTwo' } }));
    expect(res.status).toBe(200);
    expect(seen.at(-1)!.url).toBe('/r2/compute/v2.1/servers');
    expect(seen.at(-1)!.headers['x-stratus-region']).toBeUndefined();
    await proxyRequest(req('/api/os/compute/servers', { headers: { 'x-stratus-region': 'RegionOne' } }));
    expect(seen.at(-1)!.url).toBe('/compute/v2.1/servers');
  });

  it('refuses a region the catalog does not name (400), and says a service missing in that region (404), before any upstream call', async () => {
    const before = seen.length;
    for (const region of ['RegionThree', '', 'http://evil.test', 'regionone']) {
      const res = await proxyRequest(req('/api/os/compute/servers', { headers: { 'x-stratus-region': region } }));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.message).toBe(`Region "${region}" is not in this cloud's catalog`);
      expect(en(body.error.text)).toBe(body.error.message);
    }
    const missing = await proxyRequest(req('/api/os/network/v2.0/networks', { headers: { 'x-stratus-region': 'RegionTwo' } }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('Service "network" is not available in this cloud (region RegionTwo, public interface)');
    expect(seen.length).toBe(before);
  });

  it('answers 502 naming the endpoint when the service is unreachable', async () => {
    const res = await proxyRequest(req('/api/os/dead/thing'));
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body.error.message).toContain('http://127.0.0.1:59999/x/thing');
    expect(body.error.message).toContain('connection refused');
  });
});
