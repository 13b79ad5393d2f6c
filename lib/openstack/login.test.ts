// Sessions end everywhere (issue: logout does not end every copy of a session; login merges into the existing
// session). Against the demo cloud's real Keystone API, with real sealed cookies: only next/headers (a cookie jar)
// and the cloud configuration are stubbed. The route handlers are called as Next would call them.
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { sealData, unsealData } from 'iron-session';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '@/lib/testing/english';
import type { CloudConfig } from '@/lib/config/clouds';
import type { DemoCloud } from '@/lib/demo-cloud/server';
import { call, startTestCloud } from '@/lib/demo-cloud/test-helpers';
import { cookieJar, resetNextHeaders, setRequestHeaders } from '@/lib/testing/next-headers';
import { freePort } from '@/lib/testing/redis-server';

process.env.SESSION_SECRET = 'login-test-secret-login-test-secret-0123456789';

const h = vi.hoisted(() => ({ clouds: new Map<string, unknown>() }));
vi.mock('next/headers', () => import('@/lib/testing/next-headers'));
vi.mock('@/lib/config/clouds', () => ({
  getCloud: (id: string) => h.clouds.get(id),
  getClouds: () => [...h.clouds.values()],
}));

const { authenticate, listAuthProjects, validateToken } = await import('./keystone');
const { applicationCredentialLogin, passwordLogin, reauthenticate, switchProject } = await import('./login');
const { isSessionRevoked, readSession, requireSession, revokeSessionId, SESSION_COOKIE, SESSION_TTL_SECONDS, sessionOptions } = await import('./session');
const { clearSessionCookieCache, sessionFromCookieHeader } = await import('./session-cookie');
const { installSessionStore, MemorySessionStore, RedisSessionStore } = await import('./session-store');
const loginRoute = await import('@/app/api/auth/login/route');
const logoutRoute = await import('@/app/api/auth/logout/route');
const switchRoute = await import('@/app/api/auth/switch/route');
const sessionRoute = await import('@/app/api/auth/session/route');
const projectsRoute = await import('@/app/api/auth/projects/route');
const reauthRoute = await import('@/app/api/auth/reauth/route');
const credentialsRoute = await import('@/app/api/credentials/[kind]/route');
type SessionData = import('./session').SessionData;

let dc: DemoCloud;
let keystoneCalls = 0;
let cloud: CloudConfig;
let deadKeystone: http.Server;
let downCloud: CloudConfig;
const password = process.env.SESSION_SECRET;

const cloudConfig = (id: string, authUrl: string): CloudConfig => ({
  id,
  displayName: id,
  authUrl,
  regions: ['RegionOne'],
  interface: 'public',
  verify: true,
  userDomainName: 'Default',
  projectDomainName: 'Default',
  demo: true,
});

beforeAll(async () => {
  dc = await startTestCloud({ log: () => void keystoneCalls++ });
  cloud = cloudConfig('demo', dc.authUrl);
  // A Keystone that is down: nothing listens on this port.
  downCloud = cloudConfig('down', `http://127.0.0.1:${await freePort()}/identity/v3`);
  // And one that accepts connections but never answers.
  deadKeystone = http.createServer(() => {});
  await new Promise<void>((r) => deadKeystone.listen(0, '127.0.0.1', r));
  h.clouds.set('demo', cloud);
  h.clouds.set('down', downCloud);
  h.clouds.set('hung', cloudConfig('hung', `http://127.0.0.1:${(deadKeystone.address() as AddressInfo).port}/identity/v3`));
});
afterAll(async () => {
  deadKeystone.closeAllConnections();
  deadKeystone.close();
  await dc.close();
});
beforeEach(() => {
  resetNextHeaders();
  clearSessionCookieCache();
  installSessionStore(new MemorySessionStore());
});

const cookie = () => cookieJar.get(SESSION_COOKIE);
const putCookie = (v: string | undefined) => (v === undefined ? cookieJar.delete(SESSION_COOKIE) : cookieJar.set(SESSION_COOKIE, v));
const unseal = (v: string) => unsealData<Partial<SessionData>>(v, { password, ttl: SESSION_TTL_SECONDS });
const seal = (data: object) => sealData(data, { password, ttl: SESSION_TTL_SECONDS });
const asCopy = async <T>(copy: string, fn: () => Promise<T>): Promise<T> => {
  const mine = cookie();
  putCookie(copy);
  try {
    return await fn();
  } finally {
    putCookie(mine);
  }
};
const demoLogin = () => passwordLogin(cloud, { username: 'demo', password: 'demo', userDomain: 'Default' });
const names = (token: string) => listAuthProjects(cloud, token).then((ps) => ps.map((p) => p.name).sort());
const isValid = async (token: string) => (await validateToken(cloud, token)) !== undefined;

const ORIGIN = 'http://dash.test';
function req(method: string, path: string, body?: unknown, ip = '127.0.0.1'): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: 'dash.test',
      ...(method === 'GET' ? {} : { origin: ORIGIN, 'x-stratus-csrf': '1' }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-stratus-client-ip': ip,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const teamProjectId = async () => {
  const t = await authenticate(cloud, { kind: 'password', username: 'demo', password: 'demo', userDomain: 'Default' });
  return (await listAuthProjects(cloud, t.token)).find((p) => p.name === 'demo-team')!.id;
};

describe('a log-in starts from an empty session', () => {
  it('an application-credential login after an admin\'s password login keeps nothing of it, and ends it', async () => {
    // The admin's session, with a field from some older version of the cookie.
    await passwordLogin(cloud, { username: 'admin', password: 'admin', userDomain: 'Default' });
    const admin = await unseal(cookie()!);
    expect(admin.unscopedToken).toBeTruthy();
    const adminProjects = await names(admin.unscopedToken!);
    putCookie(await seal({ ...admin, leftover: 'from an older version' }));
    const adminCopy = cookie()!;

    // demo's application credential (made with a token of demo's own).
    const demoToken = (await authenticate(cloud, { kind: 'password', username: 'demo', password: 'demo', userDomain: 'Default' })).token;
    const demoUser = (await validateToken(cloud, demoToken))!.user.id;
    const made = await call(dc, 'POST', `/identity/v3/users/${demoUser}/application_credentials`, { token: demoToken, body: { application_credential: { name: `login-test-${Date.now()}` } } });
    expect(made.status).toBe(201);
    const ac = (made.body as { application_credential: { id: string; secret: string } }).application_credential;

    await applicationCredentialLogin(cloud, ac.id, ac.secret);
    const now = await unseal(cookie()!);
    expect(Object.keys(now).sort()).toEqual(['authMethod', 'cloud', 'expiresAt', 'project', 'region', 'roles', 'sid', 'token', 'user']);
    expect(now.authMethod).toBe('application_credential');
    expect(now.user!.name).toBe('demo');
    expect(now.sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(now.sid).not.toBe(admin.sid);

    // /api/auth/projects lists demo's projects, not the admin's.
    const projects = (await (await projectsRoute.GET(req('GET', '/api/auth/projects'))).json()) as { projects: { name: string }[] };
    expect(adminProjects).not.toEqual(await names(demoToken));
    expect(projects.projects.map((p) => p.name).sort()).toEqual(await names(demoToken));

    // The admin's session is over, copies and tokens included.
    expect(await isSessionRevoked(admin.sid!)).toBe(true);
    expect(await isValid(admin.token!)).toBe(false);
    expect(await isValid(admin.unscopedToken!)).toBe(false);
    expect(await asCopy(adminCopy, () => readSession())).toBeNull();
  });

  it('a switch and a re-authentication keep the session id and rewrite every other field', async () => {
    await demoLogin();
    const first = await unseal(cookie()!);
    putCookie(await seal({ ...first, leftover: 'x' }));
    const team = await teamProjectId();

    await switchProject(cloud, (await readSession())!, team);
    const switched = await unseal(cookie()!);
    expect(switched.sid).toBe(first.sid);
    expect(switched.project!.name).toBe('demo-team');
    expect(switched).not.toHaveProperty('leftover');
    expect(await isValid(first.token!)).toBe(false);

    putCookie(await seal({ ...switched, leftover: 'y' }));
    await reauthenticate(cloud, (await readSession())!, 'demo');
    const again = await unseal(cookie()!);
    expect(again.sid).toBe(first.sid);
    expect(again).not.toHaveProperty('leftover');
    expect(again.unscopedToken).not.toBe(first.unscopedToken);
    expect(await isValid(switched.token!)).toBe(false);
    expect(await isValid(first.unscopedToken!)).toBe(false);
  });
});

describe('a new log-in in the same browser ends the session before it', () => {
  it('revokes its id and its tokens: copies of the old cookie are refused, by the fast path\'s cache too', async () => {
    await demoLogin();
    const before = cookie()!;
    const old = await unseal(before);
    const header = `stratus_session=${before}`;
    expect(await sessionFromCookieHeader(header)).not.toBeNull(); // now in the fast path's cache

    await demoLogin();
    const current = await unseal(cookie()!);
    expect(current.sid).not.toBe(old.sid);
    expect(await sessionFromCookieHeader(header)).toBeNull();
    expect(await asCopy(before, () => readSession())).toBeNull();
    expect(await isValid(old.token!)).toBe(false);
    expect(await isValid(old.unscopedToken!)).toBe(false);
    expect(await isValid(current.token!)).toBe(true);
    expect((await readSession())?.sid).toBe(current.sid);
  });
});

describe('logout ends every copy of the session', () => {
  it('after project switches: every token it held is revoked, and no copy can read, download, rescope or proxy', async () => {
    await demoLogin();
    const team = await teamProjectId();
    const c0 = cookie()!;
    const home = (await unseal(c0)).project!.id!;
    await switchProject(cloud, (await readSession())!, team);
    const c1 = cookie()!;
    await switchProject(cloud, (await readSession())!, home);
    const c2 = cookie()!;
    const held = await Promise.all([c0, c1, c2].map(unseal));
    const tokens = [...new Set(held.flatMap((s) => [s.token!, s.unscopedToken!]))];
    expect(tokens).toHaveLength(4); // three scoped tokens and the unscoped one
    for (const c of [c0, c1, c2]) await sessionFromCookieHeader(`${SESSION_COOKIE}=${c}`); // warm the fast path's cache

    const res = await logoutRoute.POST(req('POST', '/api/auth/logout'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ redirectTo: '/login' });
    expect(cookie()).toBeUndefined();

    for (const t of tokens) expect(await isValid(t)).toBe(false);
    for (const copy of [c0, c1, c2]) {
      expect(await sessionFromCookieHeader(`${SESSION_COOKIE}=${copy}`)).toBeNull();
      await asCopy(copy, async () => {
        expect(await readSession()).toBeNull();
        await expect(requireSession()).rejects.toMatchObject({ status: 401, message: 'Your session expired' });
        // What a copy would try: read the session, download openrc, and mint a fresh token for another project.
        expect((await sessionRoute.GET(req('GET', '/api/auth/session'))).status).toBe(401);
        expect((await credentialsRoute.GET(req('GET', '/api/credentials/openrc'), { params: Promise.resolve({ kind: 'openrc' }) })).status).toBe(401);
        const before = keystoneCalls;
        const sw = await switchRoute.POST(req('POST', '/api/auth/switch', { projectId: team }));
        expect(sw.status).toBe(401);
        expect(keystoneCalls).toBe(before);
        expect(cookie()).toBe(copy);
      });
    }
  });

  it('works while Keystone is down or hangs: cookie cleared, session id revoked', async () => {
    for (const id of ['down', 'hung']) {
      const sid = `keystone-${id}-session-id-0001`;
      putCookie(await seal({ sid, cloud: id, user: { id: 'u', name: 'demo', domainId: 'default' }, project: { id: 'p', name: 'p', domainId: 'default' }, region: 'RegionOne', roles: [], expiresAt: Date.now() + 3600_000, authMethod: 'password', token: 't1', unscopedToken: 't2' }));
      const copy = cookie()!;
      const started = Date.now();
      const res = await logoutRoute.POST(req('POST', '/api/auth/logout'));
      expect(res.status, id).toBe(200);
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(cookie()).toBeUndefined();
      expect(await isSessionRevoked(sid)).toBe(true);
      expect(await sessionFromCookieHeader(`${SESSION_COOKIE}=${copy}`)).toBeNull();
    }
  }, 20_000);

  it('a switch that was under way when the session ended does not write it back', async () => {
    await demoLogin();
    const session = (await readSession())!;
    const mine = cookie();
    await revokeSessionId(session.sid); // logout in another tab or process, while the switch waits for Keystone
    await expect(switchProject(cloud, session, await teamProjectId())).rejects.toMatchObject({ status: 401 });
    expect(cookie()).toBe(mine);
  });
});

describe('Keystone refuses to rescope with a revoked token', () => {
  it('and Stratus reads that as an expired session', async () => {
    const unscoped = await authenticate(cloud, { kind: 'password', username: 'demo', password: 'demo', userDomain: 'Default' });
    const team = await teamProjectId();
    const scoped = await authenticate(cloud, { kind: 'token', token: unscoped.token }, { id: team });
    const res = await call(dc, 'DELETE', '/identity/v3/auth/tokens', { token: unscoped.token, headers: { 'X-Subject-Token': unscoped.token } });
    expect(res.status).toBe(204);
    await expect(authenticate(cloud, { kind: 'token', token: unscoped.token }, { id: team })).rejects.toMatchObject({ status: 401, message: 'Your session expired' });
    // Keystone revokes by audit id: the token rescoped from it is still valid and must be revoked on its own.
    expect(await isValid(scoped.token)).toBe(true);
  });
});

describe('readers of the cookie', () => {
  const base = { cloud: 'demo', user: { id: 'u', name: 'demo', domainId: 'default' }, project: { id: 'p', name: 'p', domainId: 'default' }, region: 'RegionOne', roles: [], authMethod: 'password', token: 't' };

  it('take a cookie without a session id (issued before ids existed) as no session', async () => {
    const old = await seal({ ...base, expiresAt: Date.now() + 3600_000 });
    expect(await sessionFromCookieHeader(`${SESSION_COOKIE}=${old}`)).toBeNull();
    expect(await asCopy(old, () => readSession())).toBeNull();
    const withId = await seal({ ...base, sid: 'abcdefghijklmnopqrstuv', expiresAt: Date.now() + 3600_000 });
    expect(await sessionFromCookieHeader(`${SESSION_COOKIE}=${withId}`)).not.toBeNull();
    expect(await asCopy(withId, () => readSession())).not.toBeNull();
  });

  it('answer 503 "Session store unavailable" when the store cannot be asked, never a session', async () => {
    const dead = new RedisSessionStore(`redis://127.0.0.1:${await freePort()}/0`, { readyWaitMs: 50, log: () => {} });
    try {
      const sealed = await seal({ ...base, sid: 'abcdefghijklmnopqrstuv', expiresAt: Date.now() + 3600_000 });
      const header = `${SESSION_COOKIE}=${sealed}`;
      expect(await sessionFromCookieHeader(header)).not.toBeNull(); // cached while the store answered
      installSessionStore(dead);
      await expect(sessionFromCookieHeader(header)).rejects.toMatchObject({ status: 503, message: 'Session store unavailable' });
      clearSessionCookieCache();
      await expect(sessionFromCookieHeader(header)).rejects.toMatchObject({ status: 503 });
      await asCopy(sealed, async () => {
        await expect(readSession()).rejects.toMatchObject({ status: 503 });
        const res = await sessionRoute.GET(req('GET', '/api/auth/session'));
        expect(res.status).toBe(503);
        const body = await res.json();
        expect(body).toEqual({ error: { status: 503, message: 'Session store unavailable', text: 'server.errors.sessionStoreUnavailable' } });
        expect(en(body.error.text)).toBe(body.error.message);
      });
      // A log-in cannot end the session before it, so it does not happen (and its fresh tokens are revoked).
      const login = await loginRoute.POST(req('POST', '/api/auth/login', { cloud: 'demo', method: 'password', username: 'demo', password: 'demo', userDomain: 'Default' }));
      expect(login.status).toBe(503);
      // Logout still clears the cookie, and says that copies could not be ended.
      putCookie(sealed);
      const out = await logoutRoute.POST(req('POST', '/api/auth/logout'));
      expect(out.status).toBe(503);
      expect(cookie()).toBeUndefined();
    } finally {
      await dead.close();
    }
  });
});

describe('anti-automation on the log-in and re-authentication routes', () => {
  const attempt = (pw: string, ip = '10.1.1.1', username = 'demo') =>
    loginRoute.POST(req('POST', '/api/auth/login', { cloud: 'demo', method: 'password', username, password: pw, userDomain: 'Default' }, ip));

  it('answers 429 with Retry-After after repeated wrong passwords, before asking Keystone', async () => {
    for (let i = 0; i < 6; i++) expect((await attempt('wrong')).status).toBe(401);
    const before = keystoneCalls;
    const refused = await attempt('demo');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = await refused.json();
    expect(body).toEqual({
      error: { status: 429, message: 'Too many failed log-in attempts; try again in 1 second', text: { key: 'server.errors.tooManyAttempts', values: { seconds: 1 } } },
    });
    expect(en(body.error.text)).toBe(body.error.message);
    expect(keystoneCalls).toBe(before);
    // Another client address is not held back.
    expect((await attempt('demo', '10.1.1.2')).status).toBe(200);
  });

  it('words its refusals in English and as catalog messages (wrong password, unknown cloud, missing field)', async () => {
    const wrong = await (await attempt('wrong', '10.3.3.3')).json();
    expect(wrong.error).toMatchObject({ status: 401, message: 'Invalid username or password', text: 'server.errors.invalidCredentials' });
    const unknown = await (await loginRoute.POST(req('POST', '/api/auth/login', { cloud: 'nope', method: 'password', username: 'u', password: 'p', userDomain: 'D' }))).json();
    expect(unknown.error).toMatchObject({ status: 400, message: 'Unknown cloud "nope"', issues: [{ path: 'cloud', message: 'Choose one of: demo, down, hung' }] });
    expect(en(unknown.error.text)).toBe(unknown.error.message);
    expect(en(unknown.error.issues[0].text)).toBe('Choose one of: demo, down, hung');
    const empty = await (await loginRoute.POST(req('POST', '/api/auth/login', { cloud: 'demo', method: 'password', username: ' ', password: 'p', userDomain: 'D' }))).json();
    expect(empty.error.issues).toEqual([{ path: 'username', message: 'Username is required', text: 'server.validation.usernameRequired' }]);
    expect(en(empty.error.issues[0].text)).toBe('Username is required');
  });

  it('never throttles successful log-ins, however many, from one address', async () => {
    for (let i = 0; i < 40; i++) expect((await attempt('demo', '127.0.0.1')).status).toBe(200);
    expect((await attempt('wrong', '127.0.0.1')).status).toBe(401);
    expect((await attempt('demo', '127.0.0.1')).status).toBe(200);
  });

  it('throttles wrong passwords on re-authentication too', async () => {
    expect((await attempt('demo', '10.2.2.2')).status).toBe(200);
    const reauth = (pw: string) => reauthRoute.POST(req('POST', '/api/auth/reauth', { password: pw }, '10.2.2.2'));
    for (let i = 0; i < 6; i++) {
      const r = await reauth('wrong');
      expect(r.status).toBe(400);
      const { error } = await r.json();
      expect(error).toMatchObject({ message: 'Invalid password', text: 'server.errors.invalidPassword', issues: [{ path: 'password', message: 'Invalid password' }] });
      expect(en(error.issues[0].text)).toBe('Invalid password');
    }
    const refused = await reauth('demo');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('the session cookie', () => {
  it.each([
    ['plain http', {}, {}, false],
    ['a forged X-Forwarded-Proto without a trusted proxy', { 'x-forwarded-proto': 'https' }, {}, false],
    ['X-Forwarded-Proto: https from a trusted proxy', { 'x-forwarded-proto': 'https' }, { STRATUS_TRUST_PROXY: '1' }, true],
    ['X-Forwarded-Proto: http from a trusted proxy', { 'x-forwarded-proto': 'http' }, { STRATUS_TRUST_PROXY: '1' }, false],
    ['STRATUS_SECURE_COOKIES=1', {}, { STRATUS_SECURE_COOKIES: '1' }, true],
  ])('is Secure only on https (%s)', async (_name, headers, env, secure) => {
    setRequestHeaders(headers as Record<string, string>);
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    try {
      expect((await sessionOptions()).cookieOptions?.secure).toBe(secure);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
