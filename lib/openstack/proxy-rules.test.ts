import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { requestOrigin } from './forwarded';
import { csrfRefusal, filterRequestHeaders, filterResponseHeaders, projectMismatch, proxiedDisposition, PROXIED_BODY_CSP, safeInline, upstreamUrl } from './proxy-rules';

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

  it('an "@" after the first segment goes out encoded (Trove users are name@host)', () => {
    const u = upstreamUrl(NOVA, split('servers/reader%40%25/x@y'), '');
    expect(u.host).toBe('127.0.0.1:8774');
    expect(u.pathname).toBe('/v2.1/servers/reader%40%25/x%40y');
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
  const own = 'http://dash.example:3000';
  const ok = { 'x-stratus-csrf': '1', origin: own };
  it.each([
    ['GET needs nothing', 'GET', {}, null],
    ['HEAD needs nothing', 'HEAD', {}, null],
    ['OPTIONS needs nothing', 'OPTIONS', {}, null],
    ['POST without the custom header', 'POST', { origin: own }, 'Missing'],
    ['POST from another origin', 'POST', { 'x-stratus-csrf': '1', origin: 'http://evil.example' }, 'Cross-origin'],
    ['DELETE from a look-alike origin', 'DELETE', { 'x-stratus-csrf': '1', origin: 'http://dash.example.evil.example:3000' }, 'Cross-origin'],
    ['PUT with a malformed Origin', 'PUT', { 'x-stratus-csrf': '1', origin: 'null' }, 'Malformed'],
    ['PATCH same origin', 'PATCH', ok, null],
    ['POST same origin, Origin in upper case', 'POST', { 'x-stratus-csrf': '1', origin: 'HTTP://DASH.EXAMPLE:3000' }, null],
    ['POST from the same host over https (another origin)', 'POST', { 'x-stratus-csrf': '1', origin: 'https://dash.example:3000' }, 'Cross-origin'],
    ['POST from the same host on another port', 'POST', { 'x-stratus-csrf': '1', origin: 'http://dash.example:3001' }, 'Cross-origin'],
    ['POST same-origin fetch metadata', 'POST', { 'x-stratus-csrf': '1', 'sec-fetch-site': 'same-origin' }, null],
    ['POST cross-site fetch metadata', 'POST', { 'x-stratus-csrf': '1', 'sec-fetch-site': 'cross-site' }, 'not same-origin'],
    ['POST with neither header', 'POST', { 'x-stratus-csrf': '1' }, 'not same-origin'],
    ['custom header with the wrong value', 'POST', { 'x-stratus-csrf': 'yes', origin: own }, 'Missing'],
    // Every other verb is a possible mutation upstream (Swift's COPY, WebDAV verbs).
    ['COPY without the header', 'COPY', { origin: own }, 'Missing'],
    ['copy (lower case) without the header', 'copy', { origin: own }, 'Missing'],
    ['MKCOL without the header', 'MKCOL', { origin: own }, 'Missing'],
    ['PROPFIND without the header', 'PROPFIND', {}, 'Missing'],
    ['COPY from another origin', 'COPY', { 'x-stratus-csrf': '1', origin: 'http://evil.example' }, 'Cross-origin'],
    ['COPY same origin with the header', 'COPY', ok, null],
  ] as const)('%s', (_n, method, headers, expected) => {
    const r = csrfRefusal(method, new Headers(headers as Record<string, string>), own);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toContain(expected);
  });

  it('refuses everything but the safe methods when the own origin is unknown', () => {
    expect(csrfRefusal('POST', new Headers(ok), null)).toContain('Cross-origin');
    expect(csrfRefusal('GET', new Headers(), null)).toBeNull();
  });

  it('names the likely fix when an https page reaches a dashboard that believes it is on http', () => {
    expect(csrfRefusal('POST', new Headers({ 'x-stratus-csrf': '1', origin: 'https://dash.example' }), 'http://dash.example')).toContain('STRATUS_TRUST_PROXY=1');
  });

  // The callers judge against requestOrigin(): forwarded headers count only when a proxy is trusted.
  describe('with requestOrigin()', () => {
    const forged = { host: 'dash.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-stratus-csrf': '1', origin: 'https://evil.example' };
    it('refuses an Origin matching a forged X-Forwarded-Host when no proxy is trusted', () => {
      const h = new Headers(forged);
      expect(csrfRefusal('POST', h, requestOrigin(h, false))).toContain('Cross-origin');
    });
    it('accepts it when the operator trusts the proxy that set it', () => {
      const h = new Headers(forged);
      expect(csrfRefusal('POST', h, requestOrigin(h, true))).toBeNull();
    });
    it('refuses an http Origin behind a trusted https proxy', () => {
      const h = new Headers({ ...forged, origin: 'http://evil.example' });
      expect(csrfRefusal('POST', h, requestOrigin(h, true))).toContain('Cross-origin');
    });
  });
});

describe('proxied bodies: inline only when safe to render', () => {
  const cases: [string, string | null, string | null, string | null][] = [
    // [case, content-type, upstream content-disposition, expected content-disposition]
    ['html', 'text/html', null, 'attachment'],
    ['html with charset and odd casing', 'TEXT/Html ; Charset=UTF-8', null, 'attachment'],
    ['svg', 'image/svg+xml', null, 'attachment'],
    ['xhtml', 'application/xhtml+xml', null, 'attachment'],
    ['xml', 'text/xml', null, 'attachment'],
    ['xml (application)', 'application/xml', null, 'attachment'],
    ['pdf', 'application/pdf', null, 'attachment'],
    ['javascript', 'text/javascript', null, 'attachment'],
    ['octet-stream', 'application/octet-stream', null, 'attachment'],
    ['missing type', null, null, 'attachment'],
    ['empty type', '', null, 'attachment'],
    ['malformed type', 'text', null, 'attachment'],
    ['a list of types (browsers use the last)', 'text/plain, text/html', null, 'attachment'],
    ['a list hidden in a parameter', 'text/plain; charset=utf-8, text/html', null, 'attachment'],
    ['png', 'image/png', null, null],
    ['jpeg', 'image/jpeg', null, null],
    ['icon', 'image/x-icon', null, null],
    ['text/plain with charset', 'text/plain; charset=utf-8', null, null],
    ['json', 'application/json; charset=UTF-8', null, null],
    ['+json', 'application/problem+json', null, null],
    ['video', 'video/mp4', null, null],
    ['audio', 'audio/ogg', null, null],
    ['upstream inline on html is overridden', 'text/html', 'inline', 'attachment'],
    ['upstream inline on html keeps its filename', 'text/html', 'inline; filename="page.html"', 'attachment; filename="page.html"'],
    ['filename and filename* kept, other parameters dropped', 'image/svg+xml', 'inline; size=3; filename="a;b.svg"; filename*=UTF-8\'\'a%3Bb.svg', 'attachment; filename="a;b.svg"; filename*=UTF-8\'\'a%3Bb.svg'],
    ['upstream attachment on an unsafe type stays one', 'application/octet-stream', 'attachment; filename="disk.qcow2"', 'attachment; filename="disk.qcow2"'],
    ['upstream attachment on a safe type is kept', 'text/plain', 'attachment; filename="notes.txt"', 'attachment; filename="notes.txt"'],
    ['upstream inline on a safe type is kept', 'image/png', 'inline; filename="pixel.png"', 'inline; filename="pixel.png"'],
  ];
  it.each(cases)('%s', (_n, type, upstream, expected) => {
    expect(proxiedDisposition(type, upstream)).toBe(expected);
  });

  it('the safe list is small and excludes every markup type', () => {
    for (const t of ['image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'text/plain', 'application/json', 'video/webm']) expect(safeInline(t), t).toBe(true);
    for (const t of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/xml', 'application/pdf', 'text/css', 'multipart/x-mixed-replace', 'application/rss+xml']) expect(safeInline(t), t).toBe(false);
  });

  it('the body CSP sandboxes, loads nothing and cannot be framed', () => {
    const d = PROXIED_BODY_CSP.split('; ');
    expect(d).toContain('sandbox');
    expect(d).toContain("default-src 'none'");
    expect(d).toContain("frame-ancestors 'none'");
    expect(PROXIED_BODY_CSP).not.toMatch(/script-src|unsafe-eval|allow-/);
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
    const refusal = projectMismatch(new Headers({ 'x-stratus-project': 'p2' }), session);
    expect(refusal?.message).toBe('This tab is on project p2 but your session switched to project demo; reload to continue');
    expect(en(refusal?.text)).toBe(refusal?.message);
  });
});
