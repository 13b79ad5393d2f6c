import { describe, expect, it } from 'vitest';
import { csrfRefusal, filterRequestHeaders, filterResponseHeaders, projectMismatch, upstreamUrl } from './proxy-rules';

const NOVA = 'http://127.0.0.1:8774/v2.1';
const split = (p: string) => p.split('/');

describe('upstreamUrl: allowed paths stay under the endpoint', () => {
  it.each([
    [NOVA, 'servers/detail', '?limit=10', 'http://127.0.0.1:8774/v2.1/servers/detail?limit=10'],
    [NOVA, 'servers/abc-123/action', '', 'http://127.0.0.1:8774/v2.1/servers/abc-123/action'],
    ['http://127.0.0.1:9292', 'v2/images', '', 'http://127.0.0.1:9292/v2/images'],
    ['http://127.0.0.1:9292/', 'v2/images', '', 'http://127.0.0.1:9292/v2/images'],
    ['http://h:8080/v1/AUTH_p', 'c/a%20b.txt', '', 'http://h:8080/v1/AUTH_p/c/a%20b.txt'],
    ['http://h:8776/v3/p1', 'volumes/detail', '?all_tenants=1&name=a%26b', 'http://h:8776/v3/p1/volumes/detail?all_tenants=1&name=a%26b'],
  ])('%s + %s', (endpoint, path, search, expected) => {
    expect(upstreamUrl(endpoint, split(path), search).toString()).toBe(expected);
  });
});

describe('upstreamUrl: SSRF table of hostile paths', () => {
  it.each([
    ['..', 'servers/../../admin'],
    ['encoded dot-dot', 'servers/%2e%2e/%2e%2e/x'],
    ['mixed-case encoded dot-dot', 'servers/%2E%2E/x'],
    ['single dot', './servers'],
    ['encoded slash', 'servers%2f..%2fx'],
    ['double-encoded dot-dot', 'servers/%252e%252e/x'],
    ['double-encoded slash', 'a%252fb'],
    ['backslash', 'servers\\..\\x'],
    ['encoded backslash', 'servers%5c..%5cx'],
    ['at sign (userinfo)', 'user@evil.example'],
    ['encoded at sign', 'x%40evil.example'],
    ['absolute URL', 'http:/evil.example/x'],
    ['encoded absolute URL', 'http%3A%2F%2Fevil.example'],
    ['scheme-relative', '/evil.example/x'],
    ['empty segment', 'servers//detail'],
    ['control character', 'servers%0d%0aHost:%20evil'],
    ['NUL byte', 'servers%00'],
    ['bad percent-encoding', 'servers%zz'],
  ])('%s is refused', (_name, path) => {
    expect(() => upstreamUrl(NOVA, split(path), '')).toThrow();
  });

  it('a query string cannot change host or path', () => {
    const u = upstreamUrl(NOVA, ['servers'], '?x=@evil.example/../../');
    expect(u.host).toBe('127.0.0.1:8774');
    expect(u.pathname).toBe('/v2.1/servers');
  });

  it('a fragment in the query string is refused', () => {
    expect(() => upstreamUrl(NOVA, ['servers'], '?a=1#frag')).toThrow();
  });

  it('characters with meaning in URLs are encoded inside a segment', () => {
    const u = upstreamUrl(NOVA, ['servers', 'a%3Fb%23c'], '');
    expect(u.pathname).toBe('/v2.1/servers/a%3Fb%23c');
    expect(u.search).toBe('');
    expect(u.host).toBe('127.0.0.1:8774');
  });

  it('refuses a non-http endpoint from a poisoned catalog', () => {
    expect(() => upstreamUrl('file:///etc/passwd', ['x'], '')).toThrow();
  });
});

describe('header filters', () => {
  it('forwards only allow-listed request headers', () => {
    const out = filterRequestHeaders(
      new Headers({
        'content-type': 'application/json',
        'openstack-api-version': 'compute 2.79',
        'x-openstack-ironic-api-version': '1.78',
        'x-object-meta-color': 'blue',
        'x-container-meta-web-index': 'index.html',
        cookie: 'stratus_session=abc',
        authorization: 'Bearer x',
        'x-auth-token': 'stolen',
        'x-subject-token': 'stolen',
        host: 'evil.example',
        'x-forwarded-for': '1.2.3.4',
        'x-stratus-csrf': '1',
      }),
    );
    expect([...out.keys()].sort()).toEqual(
      ['content-type', 'openstack-api-version', 'x-container-meta-web-index', 'x-object-meta-color', 'x-openstack-ironic-api-version'].sort(),
    );
  });

  it('drops cookies, tokens and encoding headers from responses', () => {
    const out = filterResponseHeaders(
      new Headers({
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': '10',
        'set-cookie': 'a=b',
        'x-subject-token': 'secret',
        'x-openstack-request-id': 'req-1',
        'x-container-object-count': '3',
        server: 'Apache',
      }),
    );
    expect([...out.keys()].sort()).toEqual(['content-type', 'x-container-object-count', 'x-openstack-request-id']);
  });
});

describe('csrfRefusal', () => {
  const host = 'dash.example:3000';
  it.each([
    ['GET needs nothing', 'GET', {}, null],
    ['POST without the custom header', 'POST', { origin: 'http://dash.example:3000' }, 'Missing'],
    ['POST from another origin', 'POST', { 'x-stratus-csrf': '1', origin: 'http://evil.example' }, 'Cross-origin'],
    ['DELETE from a look-alike origin', 'DELETE', { 'x-stratus-csrf': '1', origin: 'http://dash.example.evil.example:3000' }, 'Cross-origin'],
    ['PUT with a malformed Origin', 'PUT', { 'x-stratus-csrf': '1', origin: 'null' }, 'Malformed'],
    ['PATCH same origin', 'PATCH', { 'x-stratus-csrf': '1', origin: 'http://dash.example:3000' }, null],
    ['POST same-origin fetch metadata', 'POST', { 'x-stratus-csrf': '1', 'sec-fetch-site': 'same-origin' }, null],
    ['POST cross-site fetch metadata', 'POST', { 'x-stratus-csrf': '1', 'sec-fetch-site': 'cross-site' }, 'not same-origin'],
    ['POST with neither header', 'POST', { 'x-stratus-csrf': '1' }, 'not same-origin'],
    ['custom header with the wrong value', 'POST', { 'x-stratus-csrf': 'yes', origin: 'http://dash.example:3000' }, 'Missing'],
  ] as const)('%s', (_n, method, headers, expected) => {
    const r = csrfRefusal(method, new Headers(headers as Record<string, string>), host);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toContain(expected);
  });
});

describe('projectMismatch (X-Stratus-Project)', () => {
  const session = { project: { id: 'p1', name: 'demo' } };
  const cases: [string, Record<string, string>, number | null][] = [
    ['no header (not a project page)', {}, null],
    ['the session project', { 'x-stratus-project': 'p1' }, null],
    ['another project', { 'x-stratus-project': 'p2' }, 409],
    ['an empty value', { 'x-stratus-project': '' }, 400],
    ['a path', { 'x-stratus-project': '../p1' }, 400],
    ['an overlong value', { 'x-stratus-project': 'a'.repeat(65) }, 400],
  ];
  it.each(cases)('%s', (_name, headers, status) => {
    expect(projectMismatch(new Headers(headers), session)?.status ?? null).toBe(status);
  });
  it('names both projects in the 409', () => {
    expect(projectMismatch(new Headers({ 'x-stratus-project': 'p2' }), session)?.message).toBe(
      'This tab is on project p2 but your session switched to project demo; reload to continue',
    );
  });
});
