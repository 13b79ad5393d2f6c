import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '@/lib/testing/english';
import { apiFetch, ApiError, errorText, expiredLoginUrl, pageProjectId, parseApiError, TextError } from './api';
import { clearCalls, getCalls } from './inspector';

afterEach(() => vi.unstubAllGlobals());

describe('parseApiError', () => {
  it('reads the route handlers\' error body', async () => {
    const res = new Response(JSON.stringify({ error: { status: 400, message: 'Bad', service: 'compute', requestId: 'req-1', issues: [{ path: 'username', message: 'Username is required' }] } }), { status: 400 });
    const err = await parseApiError(res);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, message: 'Bad', service: 'compute', requestId: 'req-1', issues: [{ path: 'username', message: 'Username is required' }] });
  });
  it('reads our routes\' catalog messages beside their English', async () => {
    const text = { key: 'server.errors.unknownCloud', values: { cloud: 'x' } };
    const issue = { path: 'cloud', message: 'Choose one of: demo', text: { key: 'server.errors.chooseOneOf', values: { choices: 'demo' } } };
    const err = await parseApiError(Response.json({ error: { status: 400, message: 'Unknown cloud "x"', text, issues: [issue] } }, { status: 400 }));
    expect(err).toMatchObject({ message: 'Unknown cloud "x"', text, issues: [issue] });
    expect(en(errorText(err))).toBe('Unknown cloud "x"');
    expect(en(err.issues[0].text)).toBe('Choose one of: demo');
    const plain = await parseApiError(Response.json({ error: { status: 401, message: 'Your session expired', text: 'server.errors.sessionExpired' } }, { status: 401 }));
    expect(en(errorText(plain))).toBe('Your session expired');
  });
  it('never takes a text from a service\'s answer, nor a key outside server.', async () => {
    const text = 'server.errors.sessionExpired';
    const issues = [{ path: 'a', message: 'as sent', text }];
    const answers = [
      // A normalised upstream error names its service.
      Response.json({ error: { status: 409, message: 'as sent', service: 'compute', text, issues } }, { status: 409 }),
      // Whatever the proxy relays carries x-stratus-upstream, whatever shape the cloud's body has.
      Response.json({ error: { status: 302, message: 'as sent', text, issues } }, { status: 302, headers: { 'x-stratus-upstream': 'GET http://c/x' } }),
    ];
    for (const res of answers) {
      const err = await parseApiError(res);
      expect(err.text).toBeUndefined();
      expect(err.issues[0].text).toBeUndefined();
      expect(errorText(err)).toBe('as sent');
    }
    for (const bad of ['explain.taskTimeout', 'server', 'server.', 'server.a b', { key: 'login.heading', values: {} }, { key: text, values: { x: {} } }, { key: text, values: {}, extra: 1 }, 42]) {
      const err = await parseApiError(Response.json({ error: { status: 400, message: 'as sent', text: bad } }, { status: 400 }));
      expect(err.text, JSON.stringify(bad)).toBeUndefined();
      expect(errorText(err)).toBe('as sent');
    }
  });
  it('survives a non-JSON body', async () => {
    const err = await parseApiError(new Response('<html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(err).toMatchObject({ status: 502, message: 'Bad Gateway', issues: [] });
    expect(errorText(err)).toBe('Bad Gateway');
  });
  it('words an answer without any message itself (HTTP/2 has no status text)', async () => {
    const err = await parseApiError(new Response('', { status: 500 }));
    expect(en(errorText(err))).toBe('Request failed with status 500');
    expect(en(errorText(new TextError('explain.taskTimeout')))).toBe('The task did not finish within two minutes; it may still complete later.');
    expect(errorText(new Error('as sent'))).toBe('as sent');
  });
});

describe('apiFetch', () => {
  it('adds the CSRF header on mutations only', async () => {
    const fetchMock = vi.fn(async () => Response.json({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await apiFetch('/api/x');
    await apiFetch('/api/x', { method: 'POST', body: { a: 1 } });
    const headers = (fetchMock.mock.calls as unknown as [string, RequestInit][]).map(([, init]) => init.headers as Record<string, string>);
    expect(headers[0]['X-Stratus-CSRF']).toBeUndefined();
    expect(headers[1]).toMatchObject({ 'X-Stratus-CSRF': '1', 'Content-Type': 'application/json' });
  });
  it('sends the browser to the login page on a 401, except for login and reauth', async () => {
    const assign = vi.fn();
    vi.stubGlobal('window', { location: { pathname: '/demo/p1', search: '?region=R1', assign } });
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ error: { status: 401, message: 'Your session expired' } }, { status: 401 })));
    await expect(apiFetch('/api/auth/login', { method: 'POST', body: {} })).rejects.toThrow('Your session expired');
    expect(assign).not.toHaveBeenCalled();
    await expect(apiFetch('/api/auth/projects')).rejects.toBeInstanceOf(ApiError);
    expect(assign).toHaveBeenCalledWith('/login?reason=expired&next=%2Fdemo%2Fp1%3Fregion%3DR1');
  });
  it('returns a file as text, and the inspector records it (a zone export)', async () => {
    clearCalls();
    const zone = '$ORIGIN example.org.\nwww IN A 192.0.2.1\n';
    const fetchMock = vi.fn(async () => new Response(zone, { status: 200, headers: { 'content-type': 'text/dns' } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiFetch('/api/os/dns/v2/zones/tasks/exports/e1/export', { headers: { Accept: 'text/dns' }, as: 'text' })).resolves.toBe(zone);
    expect((fetchMock.mock.calls as unknown as [string, RequestInit][])[0][1].headers).toMatchObject({ Accept: 'text/dns' });
    expect(getCalls()[0]).toMatchObject({ service: 'dns', status: 200, responseBody: zone });
  });
  it('sends the page\'s project as X-Stratus-Project on proxy calls only', async () => {
    vi.stubGlobal('window', { location: { pathname: '/demo/p1/instances', search: '', assign: vi.fn() } });
    const fetchMock = vi.fn(async () => Response.json({ ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await apiFetch('/api/os/compute/servers');
    await apiFetch('/api/os/compute/servers', { method: 'POST', body: {} });
    await apiFetch('/api/auth/projects');
    const headers = (fetchMock.mock.calls as unknown as [string, RequestInit][]).map(([, init]) => init.headers as Record<string, string>);
    expect(headers[0]['X-Stratus-Project']).toBe('p1');
    expect(headers[1]['X-Stratus-Project']).toBe('p1');
    expect(headers[2]['X-Stratus-Project']).toBeUndefined();
  });
  it('reads the project from /<cloud>/<projectId>/... paths only', () => {
    const cases: [string, string | undefined][] = [
      ['/demo/0123abcd', '0123abcd'],
      ['/realcloud/0123abcd/instances/x', '0123abcd'],
      ['/demo/p%2D1/volumes', 'p-1'],
      ['/login', undefined],
      ['/login/x', undefined],
      ['/', undefined],
      ['/demo', undefined],
      ['/demo/%E0%A4%A', undefined],
    ];
    for (const [path, id] of cases) expect(pageProjectId(path), path).toBe(id);
  });
  it('builds the expiry URL without looping back to /login', () => {
    expect(expiredLoginUrl({ pathname: '/login', search: '' })).toBe('/login?reason=expired');
  });
});
