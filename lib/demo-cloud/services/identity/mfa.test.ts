import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, passwordAuth, startTestCloud } from '../../test-helpers';
import { credentialSchemaError } from './credentials';
import { seedUserId } from './seed';
import { base32Decode, totpCode, totpMatches } from './totp';

// TOTP credentials, MFA rules and auth receipts; application credential texts as real Keystone Zed.

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // RFC 6238's SHA1 key "12345678901234567890"
const TOKENS = '/identity/v3/auth/tokens';
let cloud: DemoCloud;
let admin: string;
beforeAll(async () => {
  cloud = await startTestCloud();
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(async () => {
  await cloud.close();
});

describe('totp', () => {
  it('matches RFC 6238 vectors (6 digits of the SHA1 table)', () => {
    expect(totpCode(SECRET, 59_000)).toBe('287082');
    expect(totpCode(SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(SECRET, 2_000_000_000_000)).toBe('279037');
  });
  it('accepts the previous window only, and unpadded or padded base32', () => {
    const now = 1_111_111_109_000;
    expect(totpMatches(SECRET, totpCode(SECRET, now - 30_000), now)).toBe(true);
    expect(totpMatches(SECRET, totpCode(SECRET, now - 60_000), now)).toBe(false);
    expect(base32Decode('MZXW6===').toString()).toBe('foo');
    expect(base32Decode('MZXW6').toString()).toBe('foo');
    expect(totpMatches('not base32!', '000000', now)).toBe(false);
  });
});

describe('/v3/credentials', () => {
  it('repeats the jsonschema oneOf failure as Keystone does', () => {
    const short = credentialSchemaError({ type: 'totp', user_id: 'u1' });
    expect(short.startsWith("{'type': 'totp', 'user_id': 'u1'} is not valid under any of the given schemas")).toBe(true);
    expect(short.endsWith("On instance:\n    {'type': 'totp', 'user_id': 'u1'}")).toBe(true);
    const long = credentialSchemaError({ type: 'ec2', user_id: '105ec2d3980e4730b7bb7b993c09be31', blob: '{}' });
    expect(long.endsWith("{'blob': '{}',\n     'type': 'ec2',\n     'user_id': '105ec2d3980e4730b7bb7b993c09be31'}")).toBe(true);
  });

  it('lets a user manage their own, not another user\'s; lists only theirs', async () => {
    const demo = await login(cloud, 'demo', 'demo');
    const mine = await call(cloud, 'POST', '/identity/v3/credentials', {
      token: demo,
      body: { credential: { type: 'totp', user_id: seedUserId('demo'), blob: SECRET } },
    });
    expect(mine.status).toBe(201);
    const c = (mine.body as { credential: Record<string, unknown> }).credential;
    expect(Object.keys(c)).toEqual(['id', 'user_id', 'project_id', 'type', 'blob', 'links']);
    expect(c).toMatchObject({ project_id: null, type: 'totp', blob: SECRET });
    const other = await call(cloud, 'POST', '/identity/v3/credentials', {
      token: demo,
      body: { credential: { type: 'totp', user_id: seedUserId('admin'), blob: SECRET } },
    });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { message: 'You are not authorized to perform the requested action: identity:create_credential.' } });
    const ec2 = await call(cloud, 'POST', '/identity/v3/credentials', { token: admin, body: { credential: { type: 'ec2', user_id: 'x', blob: '{}' } } });
    expect(ec2.status).toBe(400);
    await call(cloud, 'POST', '/identity/v3/credentials', { token: admin, body: { credential: { type: 'totp', user_id: seedUserId('admin'), blob: SECRET } } });
    const list = await call(cloud, 'GET', '/identity/v3/credentials?type=totp', { token: demo });
    expect((list.body as { credentials: Array<{ user_id: string }> }).credentials.map((x) => x.user_id)).toEqual([seedUserId('demo')]);
    const gone = await call(cloud, 'DELETE', `/identity/v3/credentials/${String(c.id)}`, { token: demo });
    expect(gone.status).toBe(204);
    const missing = await call(cloud, 'GET', `/identity/v3/credentials/${String(c.id)}`, { token: demo });
    expect(missing.body).toMatchObject({ error: { code: 404, message: `Could not find credential: ${String(c.id)}.` } });
  });
});

describe('MFA rules and receipts', () => {
  let userId: string;
  beforeAll(async () => {
    const u = await call(cloud, 'POST', '/identity/v3/users', {
      token: admin,
      body: { user: { name: 'mfa-user', password: 'pw-mfa', options: { multi_factor_auth_rules: [['password', 'totp']] } } },
    });
    userId = (u.body as { user: { id: string } }).user.id;
    expect((u.body as { user: { options: unknown } }).user.options).toEqual({ multi_factor_auth_rules: [['password', 'totp']] });
    const demoProject = (await call(cloud, 'GET', '/identity/v3/projects?name=demo', { token: admin })).body as { projects: Array<{ id: string }> };
    const roles = (await call(cloud, 'GET', '/identity/v3/roles?name=member', { token: admin })).body as { roles: Array<{ id: string }> };
    await call(cloud, 'PUT', `/identity/v3/projects/${demoProject.projects[0].id}/users/${userId}/roles/${roles.roles[0].id}`, { token: admin });
    await call(cloud, 'POST', '/identity/v3/credentials', { token: admin, body: { credential: { type: 'totp', user_id: userId, blob: SECRET } } });
  });

  const totpIdentity = (passcode: string) => ({ user: { name: 'mfa-user', domain: { id: 'default' }, passcode } });

  it('answers a password alone with the receipt 401 naming the missing method', async () => {
    const r = await call(cloud, 'POST', TOKENS, { body: passwordAuth('mfa-user', 'pw-mfa', 'demo') });
    expect(r.status).toBe(401);
    expect(r.headers.get('openstack-auth-receipt')).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(r.body).toMatchObject({
      receipt: { methods: ['password'], user: { id: userId, name: 'mfa-user', domain: { id: 'default', name: 'Default' } } },
      required_auth_methods: [['password', 'totp']],
    });
    const { receipt } = r.body as { receipt: { expires_at: string; issued_at: string } };
    expect(Date.parse(receipt.expires_at) - Date.parse(receipt.issued_at)).toBe(300_000);
  });

  it('completes with the receipt and a current passcode; a wrong code or a foreign receipt is a 401', async () => {
    const first = await call(cloud, 'POST', TOKENS, { body: passwordAuth('mfa-user', 'pw-mfa', 'demo') });
    const receipt = first.headers.get('openstack-auth-receipt')!;
    const body = (passcode: string) => ({
      auth: { identity: { methods: ['totp'], totp: totpIdentity(passcode) }, scope: { project: { name: 'demo', domain: { id: 'default' } } } },
    });
    const wrong = await call(cloud, 'POST', TOKENS, { body: body('000000'), headers: { 'Openstack-Auth-Receipt': receipt } });
    expect(wrong.status).toBe(401);
    const bogus = await call(cloud, 'POST', TOKENS, { body: body(totpCode(SECRET, Date.now())), headers: { 'Openstack-Auth-Receipt': 'nope' } });
    expect(bogus.status).toBe(401);
    const ok = await call(cloud, 'POST', TOKENS, { body: body(totpCode(SECRET, Date.now())), headers: { 'Openstack-Auth-Receipt': receipt } });
    expect(ok.status).toBe(201);
    expect((ok.body as { token: { methods: string[] } }).token.methods).toEqual(['password', 'totp']);
  });

  it('takes both factors in one request, and ignores the rules once disabled', async () => {
    const both = await call(cloud, 'POST', TOKENS, {
      body: {
        auth: {
          identity: {
            methods: ['password', 'totp'],
            password: { user: { name: 'mfa-user', domain: { id: 'default' }, password: 'pw-mfa' } },
            totp: totpIdentity(totpCode(SECRET, Date.now())),
          },
        },
      },
    });
    expect(both.status).toBe(201);
    await call(cloud, 'PATCH', `/identity/v3/users/${userId}`, { token: admin, body: { user: { options: { multi_factor_auth_enabled: false } } } });
    const plain = await call(cloud, 'POST', TOKENS, { body: passwordAuth('mfa-user', 'pw-mfa', 'demo') });
    expect(plain.status).toBe(201);
    const cleared = await call(cloud, 'PATCH', `/identity/v3/users/${userId}`, {
      token: admin,
      body: { user: { options: { multi_factor_auth_enabled: null, multi_factor_auth_rules: null } } },
    });
    expect((cleared.body as { user: { options: unknown } }).user.options).toEqual({});
  });
});

describe('application credentials as Keystone Zed answers', () => {
  const base = `/identity/v3/users/${seedUserId('demo')}/application_credentials`;
  let demo: string;
  beforeAll(async () => {
    demo = await login(cloud, 'demo', 'demo');
  });
  const create = (body: Record<string, unknown>, token = demo) => call(cloud, 'POST', base, { token, body: { application_credential: body } });

  it('adds implied roles, ids access rules, keeps unrestricted null and prints expiry without a zone', async () => {
    const r = await create({ name: 'ac-shape', roles: [{ name: 'member' }], expires_at: '2099-01-01T00:00:00', access_rules: [{ service: 'compute', method: 'GET', path: '/v2.1/servers' }] });
    expect(r.status).toBe(201);
    const ac = (r.body as { application_credential: Record<string, unknown> & { roles: Array<{ name: string }>; access_rules: Array<Record<string, string>> } }).application_credential;
    expect(ac.roles.map((x) => x.name)).toEqual(['member', 'reader']);
    expect(ac.unrestricted).toBeNull();
    expect(ac.expires_at).toBe('2099-01-01T00:00:00.000000');
    expect(Object.keys(ac.access_rules[0])).toEqual(['id', 'service', 'path', 'method']);
    expect(ac.links).toEqual({ self: `${cloud.url}/identity/v3/application_credentials/${String(ac.id)}` });
    const plain = await create({ name: 'ac-plain' });
    expect(plain.body).not.toHaveProperty('application_credential.access_rules');
    const rules = await call(cloud, 'GET', `/identity/v3/users/${seedUserId('demo')}/access_rules`, { token: demo });
    expect((rules.body as { access_rules: unknown[] }).access_rules).toHaveLength(1);
  });

  it.each([
    [{ name: 'x1', roles: [{ name: 'admin' }] }, 400, 'Invalid application credential: Cannot create an application credential with unassigned role'],
    [{ name: 'x2', roles: [{ name: 'nosuch' }] }, 404, 'Role nosuch is not defined'],
    [{ name: 'x5', roles: [{ id: 'admin' }] }, 400, 'Invalid application credential: Cannot create an application credential with unassigned role'],
    [{ name: 'ac-shape' }, 409, 'Conflict occurred attempting to store application_credential - Duplicate entry found with name ac-shape.'],
    [{ name: 'x3', expires_at: '2020-01-01T00:00:00' }, 400, "The 'expires_at' must not be before now. The server could not comply"],
    [{ name: 'x4', expires_at: 'garbage' }, 400, 'Timestamp not in expected format. The server could not comply'],
  ])('refuses %j with %i', async (body, status, text) => {
    const r = await create(body);
    expect(r.status).toBe(status);
    expect((r.body as { error: { message: string } }).error.message.startsWith(text)).toBe(true);
  });

  it('a restricted credential may not create or delete others (403 with Keystone\'s double period)', async () => {
    const made = await create({ name: 'ac-restricted', unrestricted: false });
    const { id, secret } = (made.body as { application_credential: { id: string; secret: string } }).application_credential;
    const t = await call(cloud, 'POST', '/identity/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['application_credential'], application_credential: { id, secret } } } },
    });
    const token = t.headers.get('x-subject-token')!;
    const r = await create({ name: 'ac-child' }, token);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      error: {
        message: "You are not authorized to perform the requested action: Using method 'application_credential' is not allowed for managing additional application credentials..",
      },
    });
    expect((await call(cloud, 'DELETE', `${base}/${id}`, { token })).status).toBe(403);
  });
});
