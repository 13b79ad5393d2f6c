// TOTP as a second step of the log-in, against the demo cloud's Keystone (MFA rules, TOTP credential, receipts):
// the JSON route and the plain form POST, with real sealed challenges; only next/headers and the clouds are stubbed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoCloudConfig } from '@/lib/testing/demo-cloud-config';
import type { DemoCloud } from '@/lib/demo-cloud/server';
import { totpCode } from '@/lib/demo-cloud/services/identity/totp';
import { call, login, startTestCloud } from '@/lib/demo-cloud/test-helpers';
import { cookieJar, resetNextHeaders } from '@/lib/testing/next-headers';

process.env.SESSION_SECRET = 'login-mfa-test-secret-0123456789-abcdefghijkl';

const h = vi.hoisted(() => ({ clouds: new Map<string, unknown>() }));
vi.mock('next/headers', () => import('@/lib/testing/next-headers'));
vi.mock('@/lib/config/clouds', () => ({
  getCloud: (id: string) => h.clouds.get(id),
  getClouds: () => [...h.clouds.values()],
}));

const loginRoute = await import('@/app/api/auth/login/route');
const formRoute = await import('@/app/api/auth/login/form/route');
const { receiptChallenge, MfaRequired } = await import('./keystone');
const { unsealChallenge } = await import('./login-mfa');
const { SESSION_COOKIE } = await import('./session');
const { installSessionStore, MemorySessionStore } = await import('./session-store');

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const ORIGIN = 'http://dash.test';
let dc: DemoCloud;

beforeAll(async () => {
  dc = await startTestCloud({ log: () => {} });
  h.clouds.set('demo', demoCloudConfig(dc.authUrl));
  // A member of demo whose MFA rule wants password and TOTP, with a TOTP credential.
  const admin = await login(dc, 'admin');
  const u = await call(dc, 'POST', '/identity/v3/users', { token: admin, body: { user: { name: 'mfa', password: 'pw-mfa', options: { multi_factor_auth_rules: [['password', 'totp']] } } } });
  const userId = (u.body as { user: { id: string } }).user.id;
  const project = ((await call(dc, 'GET', '/identity/v3/projects?name=demo', { token: admin })).body as { projects: { id: string }[] }).projects[0].id;
  const role = ((await call(dc, 'GET', '/identity/v3/roles?name=member', { token: admin })).body as { roles: { id: string }[] }).roles[0].id;
  await call(dc, 'PUT', `/identity/v3/projects/${project}/users/${userId}/roles/${role}`, { token: admin });
  await call(dc, 'POST', '/identity/v3/credentials', { token: admin, body: { credential: { type: 'totp', user_id: userId, blob: SECRET } } });
});
afterAll(() => dc.close());
beforeEach(() => {
  resetNextHeaders();
  installSessionStore(new MemorySessionStore());
});

const json = (body: unknown) =>
  new Request(`${ORIGIN}/api/auth/login`, {
    method: 'POST',
    headers: { host: 'dash.test', origin: ORIGIN, 'x-stratus-csrf': '1', 'content-type': 'application/json', 'x-stratus-client-ip': '127.0.0.7' },
    body: JSON.stringify(body),
  });
const form = (fields: Record<string, string>) =>
  new Request(`${ORIGIN}/api/auth/login/form`, {
    method: 'POST',
    headers: { host: 'dash.test', origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'x-stratus-client-ip': '127.0.0.8' },
    body: new URLSearchParams(fields).toString(),
  });
const password = { cloud: 'demo', method: 'password', username: 'mfa', password: 'pw-mfa', userDomain: 'Default' };

describe('TOTP after the password', () => {
  it('JSON: a right password answers the sealed step and no session; the passcode completes the log-in', async () => {
    const first = await loginRoute.POST(json(password));
    expect(first.status).toBe(200);
    const { mfa } = (await first.json()) as { mfa: { challenge: string; user: string; methods: string[] } };
    expect(mfa).toMatchObject({ user: 'mfa', methods: ['totp'] });
    expect(mfa.challenge).not.toContain('mfa');
    expect(cookieJar.get(SESSION_COOKIE)).toBeUndefined();

    const wrong = await loginRoute.POST(json({ cloud: 'demo', method: 'totp', challenge: mfa.challenge, passcode: '000000' }));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toMatchObject({ message: 'Invalid or expired passcode', text: 'server.errors.invalidPasscode' });
    const bad = await loginRoute.POST(json({ cloud: 'demo', method: 'totp', challenge: mfa.challenge, passcode: '12ab' }));
    expect((await bad.json()).error.issues).toEqual([{ path: 'passcode', message: 'Enter the 6-digit code of your authenticator app', text: 'server.validation.passcodeFormat' }]);
    const forged = await loginRoute.POST(json({ cloud: 'demo', method: 'totp', challenge: 'forged', passcode: '123456' }));
    expect((await forged.json()).error).toMatchObject({ status: 401, text: 'server.errors.mfaExpired' });

    const ok = await loginRoute.POST(json({ cloud: 'demo', method: 'totp', challenge: mfa.challenge, passcode: totpCode(SECRET, Date.now()) }));
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await ok.json()).redirectTo).toMatch(/^\/demo\/[0-9a-f]{32}\?region=RegionOne$/);
    expect(cookieJar.get(SESSION_COOKIE)).toBeTruthy();
  });

  it('plain form: 303 back to the login page with the step; a wrong code keeps it; the right one logs in', async () => {
    const first = await formRoute.POST(form({ ...password, next: '/demo' }));
    expect(first.status).toBe(303);
    const back = new URL(first.headers.get('location')!, ORIGIN);
    expect(back.pathname).toBe('/login');
    const challenge = back.searchParams.get('mfa')!;
    expect((await unsealChallenge(challenge))?.user.name).toBe('mfa');
    expect(back.searchParams.get('failed')).toBeNull();

    const wrong = await formRoute.POST(form({ cloud: 'demo', method: 'totp', challenge, passcode: '000000' }));
    const again = new URL(wrong.headers.get('location')!, ORIGIN);
    expect(again.searchParams.get('mfa')).toBe(challenge);
    expect(again.searchParams.get('failed')).toBeTruthy();

    const ok = await formRoute.POST(form({ cloud: 'demo', method: 'totp', challenge, passcode: totpCode(SECRET, Date.now()) }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/^\/demo\/[0-9a-f]{32}\?region=RegionOne$/);
  });

  it('asks for TOTP only when a rule is met by it; other rules are said as they are', () => {
    const body = (rules: string[][]) => ({ receipt: { methods: ['password'], user: { id: 'u1', name: 'n' } }, required_auth_methods: rules });
    expect(receiptChallenge('r', body([['password', 'totp']]))).toBeInstanceOf(MfaRequired);
    expect(receiptChallenge('r', body([['password', 'mapped'], ['password', 'totp']]))).toBeInstanceOf(MfaRequired);
    const other = receiptChallenge('r', body([['password', 'mapped']]));
    expect(other).not.toBeInstanceOf(MfaRequired);
    expect(other.message).toBe('Keystone wants other authentication methods for this user (password+mapped) than Stratus can ask for');
    expect(receiptChallenge('r', {}).status).toBe(502);
  });
});
