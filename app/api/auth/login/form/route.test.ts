// The login form's plain POST (no JavaScript yet): against the demo cloud's real Keystone, with real sealed cookies;
// only next/headers (a cookie jar) and the cloud configuration are stubbed, as in lib/openstack/login.test.ts.
import { unsealData } from 'iron-session';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoCloudConfig } from '@/lib/testing/demo-cloud-config';
import type { DemoCloud } from '@/lib/demo-cloud/server';
import { startTestCloud } from '@/lib/demo-cloud/test-helpers';
import { cookieJar, resetNextHeaders } from '@/lib/testing/next-headers';

process.env.SESSION_SECRET = 'login-form-test-secret-0123456789-abcdefghijk';

const h = vi.hoisted(() => ({ clouds: new Map<string, unknown>() }));
vi.mock('next/headers', () => import('@/lib/testing/next-headers'));
vi.mock('@/lib/config/clouds', () => ({
  getCloud: (id: string) => h.clouds.get(id),
  getClouds: () => [...h.clouds.values()],
}));

const { POST } = await import('./route');
const { SESSION_COOKIE, SESSION_TTL_SECONDS } = await import('@/lib/openstack/session');
const { unsealLoginFailure } = await import('@/lib/openstack/login-failure');
const { installSessionStore, MemorySessionStore } = await import('@/lib/openstack/session-store');

let dc: DemoCloud;
beforeAll(async () => {
  dc = await startTestCloud({ log: () => {} });
  h.clouds.set('demo', demoCloudConfig(dc.authUrl));
});
afterAll(() => dc.close());
beforeEach(() => {
  resetNextHeaders();
  installSessionStore(new MemorySessionStore());
});

const ORIGIN = 'http://dash.test';
function post(fields: Record<string, string>, from: Record<string, string> = { origin: ORIGIN }, type = 'application/x-www-form-urlencoded'): Request {
  return new Request(`${ORIGIN}/api/auth/login/form`, {
    method: 'POST',
    headers: { host: 'dash.test', 'content-type': type, 'x-stratus-client-ip': '127.0.0.9', ...from },
    body: new URLSearchParams(fields).toString(),
  });
}
const demo = { method: 'password', cloud: 'demo', username: 'demo', password: 'demo', userDomain: 'Default' };
const failureOf = async (res: Response) => {
  const url = new URL(res.headers.get('location')!, ORIGIN);
  return { url, failure: await unsealLoginFailure(url.searchParams.get('failed') ?? undefined) };
};

describe('POST /api/auth/login/form', () => {
  it('logs in as the JSON route does and answers 303 to the project', async () => {
    const res = await POST(post(demo));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/demo\/[0-9a-f]{32}\?region=RegionOne$/);
    const session = await unsealData<{ user?: { name: string } }>(cookieJar.get(SESSION_COOKIE)!, { password: process.env.SESSION_SECRET!, ttl: SESSION_TTL_SECONDS });
    expect(session.user?.name).toBe('demo');
  });

  it('goes to a safe next, in the project it names; an unsafe next counts as none', async () => {
    const first = await POST(post(demo));
    const project = /^\/demo\/([0-9a-f]{32})/.exec(first.headers.get('location')!)![1];
    const next = `/demo/${project}/volumes?region=RegionOne`;
    expect((await POST(post({ ...demo, next }))).headers.get('location')).toBe(next);
    expect((await POST(post({ ...demo, next: '/%2e//evil.example' }))).headers.get('location')).toMatch(/^\/demo\/[0-9a-f]{32}\?region=RegionOne$/);
  });

  it('a wrong password goes back to the login page with the error and the username, never the password', async () => {
    const res = await POST(post({ ...demo, password: 'wrong-password', next: '/demo/x' }));
    expect(res.status).toBe(303);
    const { url, failure } = await failureOf(res);
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/demo/x');
    expect(url.searchParams.get('cloud')).toBe('demo');
    expect(url.search).not.toContain('wrong-password');
    expect(JSON.stringify(failure)).not.toContain('wrong-password');
    expect(failure).toEqual({ username: 'demo', error: expect.objectContaining({ status: 401, message: 'Invalid username or password' }) });
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
  });

  it('an application credential logs in too; its refusal keeps the tab', async () => {
    const res = await POST(post({ method: 'application_credential', cloud: 'demo', applicationCredentialId: 'nope', applicationCredentialSecret: 's' }));
    const { url, failure } = await failureOf(res);
    expect(url.searchParams.get('method')).toBe('application_credential');
    expect(failure?.username).toBeUndefined();
    expect(failure?.error.status).toBe(401);
  });

  it('empty fields come back as field issues with their catalog keys', async () => {
    const { failure } = await failureOf(await POST(post({ cloud: 'demo', username: ' ', password: '', userDomain: 'Default' })));
    expect(failure?.error.issues?.map((i) => [i.path, i.text])).toEqual([
      ['username', 'server.validation.usernameRequired'],
      ['password', 'server.validation.passwordRequired'],
    ]);
  });

  it('refuses a post from another origin, or from nowhere, before reading it; and any other encoding', async () => {
    const froms: Record<string, string>[] = [{ origin: 'http://evil.test' }, { origin: 'null' }, {}, { referer: 'http://evil.test/login' }];
    for (const from of froms) {
      const res = await POST(post(demo, from));
      expect(res.status, JSON.stringify(from)).toBe(403);
    }
    expect((await POST(post(demo, { origin: ORIGIN }, 'text/plain'))).status).toBe(415);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(false);
    expect((await POST(post(demo, { referer: `${ORIGIN}/login` }))).status).toBe(303);
    expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
  });
});
