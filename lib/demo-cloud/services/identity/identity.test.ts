import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, passwordAuth, startTestCloud } from '../../test-helpers';
import { seedProjectId, seedUserId } from './seed';

interface TokenBody {
  token: {
    methods: string[];
    user: { id: string; name: string; domain: { id: string; name: string }; password_expires_at: null };
    project?: { id: string; name: string; domain: { id: string; name: string } };
    roles?: Array<{ id: string; name: string }>;
    catalog?: Array<{ type: string; name: string; id: string; endpoints: Array<{ interface: string; region: string; region_id: string; url: string }> }>;
    audit_ids: string[];
    expires_at: string;
    issued_at: string;
    application_credential?: { id: string; name: string; restricted: boolean };
  };
}
interface ErrorBody {
  error: { code: number; title: string; message: string };
}
type Links = { self: string; previous: string | null; next: string | null };

const TOKENS = '/identity/v3/auth/tokens';
const UNAUTHORIZED = { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } };

let cloud: DemoCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ seedProjects: 3 });
});
afterAll(async () => {
  await cloud.close();
});

describe('version discovery', () => {
  it.each(['/identity', '/identity/'])('%s is a 300 multiple-choice document', async (path) => {
    const r = await call(cloud, 'GET', path);
    expect(r.status).toBe(300);
    expect(r.body).toMatchObject({
      versions: { values: [{ id: 'v3.14', status: 'stable', links: [{ rel: 'self', href: `${cloud.url}/identity/v3/` }] }] },
    });
  });
  it('/identity/v3 is the single version document', async () => {
    const r = await call(cloud, 'GET', '/identity/v3');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: { id: 'v3.14', 'media-types': [{ base: 'application/json' }] } });
  });
});

describe('password authentication', () => {
  it('issues a project-scoped token with catalog', async () => {
    const r = await call(cloud, 'POST', TOKENS, { body: passwordAuth('demo', 'demo', 'demo') });
    expect(r.status).toBe(201);
    const token = r.headers.get('x-subject-token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(token!.split('.')).toHaveLength(1); // opaque, not a JWT
    const { token: t } = r.body as TokenBody;
    expect(t.methods).toEqual(['password']);
    expect(t.user).toEqual({ id: seedUserId('demo'), name: 'demo', domain: { id: 'default', name: 'Default' }, password_expires_at: null });
    expect(t.project).toEqual({ id: seedProjectId('demo'), name: 'demo', domain: { id: 'default', name: 'Default' } });
    expect(t.project!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(t.roles!.map((x) => x.name).sort()).toEqual(['creator', 'load-balancer_member', 'member', 'reader']);
    expect(t.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(t.expires_at) - Date.parse(t.issued_at)).toBe(3600_000);
    const identity = t.catalog!.find((s) => s.type === 'identity')!;
    expect(identity.name).toBe('keystone');
    expect(identity.endpoints).toHaveLength(6);
    expect(new Set(identity.endpoints.map((e) => e.region))).toEqual(new Set(['RegionOne', 'RegionTwo']));
    expect(new Set(identity.endpoints.map((e) => e.interface))).toEqual(new Set(['public', 'internal', 'admin']));
    expect(identity.endpoints[0].url).toBe(`${cloud.url}/identity/v3`);
  });

  it('builds endpoint URLs from the Host header', async () => {
    const r = await call(cloud, 'POST', `${TOKENS}?nocatalog`, { body: passwordAuth('demo', 'demo', 'demo') });
    expect((r.body as TokenBody).token.catalog).toBeUndefined();
    const token = r.headers.get('x-subject-token')!;
    // fetch() may not set Host, so use node:http.
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${cloud.url}/identity/v3/auth/catalog`, { headers: { Host: 'cloud.example:8443', 'X-Auth-Token': token } }, (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve(data));
      });
      req.on('error', reject);
      req.end();
    });
    expect(text).toContain('"url":"http://cloud.example:8443/identity/v3"');
  });

  it('admin gets implied roles and user id login works', async () => {
    const body = {
      auth: {
        identity: { methods: ['password'], password: { user: { id: seedUserId('admin'), password: 'admin' } } },
        scope: { project: { id: seedProjectId('admin') } },
      },
    };
    const r = await call(cloud, 'POST', TOKENS, { body });
    expect(r.status).toBe(201);
    expect((r.body as TokenBody).token.roles!.map((x) => x.name)).toEqual(['admin', 'member', 'reader']);
  });

  it('no scope requested: scoped to the default project, as Keystone does', async () => {
    const r = await call(cloud, 'POST', TOKENS, { body: passwordAuth('demo', 'demo') });
    expect(r.status).toBe(201);
    const { token: t } = r.body as TokenBody;
    expect(t.project?.name).toBe('demo');
    expect(t.catalog?.length).toBeGreaterThan(0);
  });

  it('an explicitly unscoped token has no project, roles or catalog', async () => {
    const body = { auth: { ...passwordAuth('demo', 'demo').auth, scope: 'unscoped' } };
    const r = await call(cloud, 'POST', TOKENS, { body });
    expect(r.status).toBe(201);
    const { token: t } = r.body as TokenBody;
    expect(t.project).toBeUndefined();
    expect(t.roles).toBeUndefined();
    expect(t.catalog).toBeUndefined();
  });

  it('a failed authentication names Keystone in WWW-Authenticate', async () => {
    const r = await call(cloud, 'POST', TOKENS, { body: passwordAuth('demo', 'nope', 'demo') });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe(`Keystone uri="${cloud.url}/identity/v3"`);
  });

  it.each([
    ['wrong password', passwordAuth('demo', 'nope', 'demo')],
    ['unknown user', passwordAuth('ghost', 'demo', 'demo')],
    ['project without a role', passwordAuth('demo', 'demo', 'admin')],
    ['unknown project', passwordAuth('demo', 'demo', 'nope')],
  ])('%s -> 401 Keystone body', async (_name, body) => {
    const r = await call(cloud, 'POST', TOKENS, { body });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(UNAUTHORIZED);
    expect(r.headers.get('x-subject-token')).toBeNull();
  });

  it('malformed JSON -> 400 in the Keystone format', async () => {
    const r = await call(cloud, 'POST', TOKENS, { rawBody: '{"auth": ', headers: { 'Content-Type': 'application/json' } });
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).error).toMatchObject({ code: 400, title: 'Bad Request' });
    expect((r.body as ErrorBody).error.message).toMatch(/valid JSON/);
  });

  it('schema violations -> 400 naming the field', async () => {
    const r = await call(cloud, 'POST', TOKENS, { body: { auth: { identity: { methods: 'password' } } } });
    expect(r.status).toBe(400);
    expect((r.body as ErrorBody).error.message).toContain('auth.identity.methods');
  });
});

describe('token validation, rescope, revocation', () => {
  it('validates (GET/HEAD), 404 for unknown subject, 401 without a valid caller', async () => {
    const token = await login(cloud, 'demo', 'demo');
    const ok = await call(cloud, 'GET', TOKENS, { token, headers: { 'X-Subject-Token': token } });
    expect(ok.status).toBe(200);
    expect((ok.body as TokenBody).token.catalog).toBeDefined();
    expect((await call(cloud, 'HEAD', TOKENS, { token, headers: { 'X-Subject-Token': token } })).status).toBe(200);
    const bad = await call(cloud, 'GET', TOKENS, { token, headers: { 'X-Subject-Token': 'nope' } });
    expect(bad.status).toBe(404);
    expect((bad.body as ErrorBody).error.title).toBe('Not Found');
    expect((await call(cloud, 'HEAD', TOKENS, { token, headers: { 'X-Subject-Token': 'nope' } })).status).toBe(404);
    expect((await call(cloud, 'GET', TOKENS, { token: 'nope', headers: { 'X-Subject-Token': token } })).status).toBe(401);
  });

  it('a member may not validate another user\'s token; an admin may', async () => {
    const demo = await login(cloud, 'demo', 'demo');
    const admin = await login(cloud, 'admin', 'admin');
    expect((await call(cloud, 'GET', TOKENS, { token: demo, headers: { 'X-Subject-Token': admin } })).status).toBe(403);
    expect((await call(cloud, 'GET', TOKENS, { token: admin, headers: { 'X-Subject-Token': demo } })).status).toBe(200);
  });

  it('rescopes an unscoped and a project-scoped token, keeping expiry', async () => {
    const unscoped = await call(cloud, 'POST', TOKENS, { body: passwordAuth('demo', 'demo') });
    const u = unscoped.headers.get('x-subject-token')!;
    const rescope = (id: string, project: string) =>
      call(cloud, 'POST', TOKENS, {
        body: { auth: { identity: { methods: ['token'], token: { id } }, scope: { project: { name: project, domain: { id: 'default' } } } } },
      });
    const a = await rescope(u, 'demo');
    expect(a.status).toBe(201);
    const ta = (a.body as TokenBody).token;
    expect(ta.project!.name).toBe('demo');
    expect(ta.methods).toEqual(['token', 'password']);
    expect(ta.expires_at).toBe((unscoped.body as TokenBody).token.expires_at);
    expect(ta.audit_ids[1]).toBe((unscoped.body as TokenBody).token.audit_ids[0]);
    const b = await rescope(a.headers.get('x-subject-token')!, 'demo-team');
    expect((b.body as TokenBody).token.project!.name).toBe('demo-team');
    expect((await rescope(u, 'admin')).status).toBe(401);
    expect((await rescope('garbage', 'demo')).status).toBe(404);
  });

  it('DELETE revokes: 204, then 401 when used and 404 on validate', async () => {
    const token = await login(cloud, 'demo', 'demo');
    const other = await login(cloud, 'demo', 'demo');
    expect((await call(cloud, 'DELETE', TOKENS, { token, headers: { 'X-Subject-Token': token } })).status).toBe(204);
    expect((await call(cloud, 'GET', '/identity/v3/auth/projects', { token })).status).toBe(401);
    expect((await call(cloud, 'GET', TOKENS, { token: other, headers: { 'X-Subject-Token': token } })).status).toBe(404);
    expect((await call(cloud, 'GET', '/identity/v3/auth/projects', { token: other })).status).toBe(200);
  });

  it('expires for real with a tiny TTL', async () => {
    let now = Date.now();
    const c = await startTestCloud({ tokenTtlSeconds: 2, now: () => now });
    try {
      const token = await login(c, 'demo', 'demo');
      const admin = await login(c, 'admin', 'admin');
      expect((await call(c, 'GET', '/identity/v3/auth/projects', { token })).status).toBe(200);
      now += 2001;
      const used = await call(c, 'GET', '/identity/v3/auth/projects', { token });
      expect(used.status).toBe(401);
      expect(used.body).toEqual(UNAUTHORIZED);
      const fresh = await login(c, 'admin', 'admin');
      expect((await call(c, 'GET', TOKENS, { token: fresh, headers: { 'X-Subject-Token': token } })).status).toBe(404);
      const allowed = await call(c, 'GET', `${TOKENS}?allow_expired=1`, { token: fresh, headers: { 'X-Subject-Token': token } });
      expect(allowed.status).toBe(200);
      void admin;
    } finally {
      await c.close();
    }
  });
});

describe('auth/* and catalog', () => {
  it('lists my projects and domains', async () => {
    const token = await login(cloud, 'demo');
    const r = await call(cloud, 'GET', '/identity/v3/auth/projects', { token });
    const body = r.body as { projects: Array<{ name: string }>; links: Links };
    expect(body.projects.map((p) => p.name)).toEqual(['demo', 'demo-team', 'demo-project-0001', 'demo-project-0002', 'demo-project-0003']);
    expect(body.links).toEqual({ self: `${cloud.url}/identity/v3/auth/projects`, previous: null, next: null });
    const d = await call(cloud, 'GET', '/identity/v3/auth/domains', { token });
    expect((d.body as { domains: unknown[] }).domains).toEqual([]);
  });
  it('catalog needs a scoped token', async () => {
    const r = await call(cloud, 'POST', TOKENS, { body: { auth: { ...passwordAuth('demo', 'demo').auth, scope: 'unscoped' } } });
    const token = r.headers.get('x-subject-token') ?? '';
    expect((await call(cloud, 'GET', '/identity/v3/auth/catalog', { token })).status).toBe(403);
  });
});

describe('policy', () => {
  it('403 with the real rule name for a member listing projects', async () => {
    const token = await login(cloud, 'demo', 'demo');
    const r = await call(cloud, 'GET', '/identity/v3/projects', { token });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({
      error: { code: 403, title: 'Forbidden', message: 'You are not authorized to perform the requested action: identity:list_projects.' },
    });
  });
  it('a user may read itself and its projects, not others', async () => {
    const token = await login(cloud, 'demo', 'demo');
    const self = await call(cloud, 'GET', `/identity/v3/users/${seedUserId('demo')}`, { token });
    expect(self.status).toBe(200);
    expect((self.body as { user: { email?: string } }).user.email).toBe('demo@example.org');
    expect((await call(cloud, 'GET', `/identity/v3/users/${seedUserId('demo')}/projects`, { token })).status).toBe(200);
    expect((await call(cloud, 'GET', `/identity/v3/users/${seedUserId('admin')}`, { token })).status).toBe(403);
    expect((await call(cloud, 'GET', `/identity/v3/projects/${seedProjectId('demo')}`, { token })).status).toBe(200);
    expect((await call(cloud, 'GET', `/identity/v3/projects/${seedProjectId('admin')}`, { token })).status).toBe(403);
  });
  it('no token -> 401', async () => {
    expect((await call(cloud, 'GET', '/identity/v3/projects')).body).toEqual(UNAUTHORIZED);
  });
});

describe('admin CRUD', () => {
  it('projects: create, filter, update, grant, delete', async () => {
    const admin = await login(cloud, 'admin', 'admin');
    const created = await call(cloud, 'POST', '/identity/v3/projects', { token: admin, body: { project: { name: 'crud', description: 'x' } } });
    expect(created.status).toBe(201);
    const p = (created.body as { project: { id: string; domain_id: string; parent_id: string } }).project;
    expect(p).toMatchObject({ domain_id: 'default', parent_id: 'default' });
    expect((await call(cloud, 'POST', '/identity/v3/projects', { token: admin, body: { project: { name: 'crud' } } })).status).toBe(409);
    const filtered = await call(cloud, 'GET', '/identity/v3/projects?name=crud', { token: admin });
    expect((filtered.body as { projects: unknown[]; links: Links }).projects).toHaveLength(1);
    expect((filtered.body as { links: Links }).links.self).toBe(`${cloud.url}/identity/v3/projects?name=crud`);
    const patched = await call(cloud, 'PATCH', `/identity/v3/projects/${p.id}`, { token: admin, body: { project: { enabled: false } } });
    expect((patched.body as { project: { enabled: boolean } }).project.enabled).toBe(false);
    const disabled = await call(cloud, 'GET', '/identity/v3/projects?enabled=false', { token: admin });
    expect((disabled.body as { projects: Array<{ id: string }> }).projects.map((x) => x.id)).toContain(p.id);

    const roles = await call(cloud, 'GET', '/identity/v3/roles?name=member', { token: admin });
    const member = (roles.body as { roles: Array<{ id: string }> }).roles[0].id;
    const grant = `/identity/v3/projects/${p.id}/users/${seedUserId('demo')}/roles/${member}`;
    expect((await call(cloud, 'HEAD', grant, { token: admin })).status).toBe(404);
    expect((await call(cloud, 'PUT', grant, { token: admin })).status).toBe(204);
    expect((await call(cloud, 'HEAD', grant, { token: admin })).status).toBe(204);
    const ra = await call(cloud, 'GET', `/identity/v3/role_assignments?scope.project.id=${p.id}&include_names`, { token: admin });
    expect((ra.body as { role_assignments: unknown[] }).role_assignments).toEqual([
      {
        links: { assignment: `${cloud.url}/identity${grant.slice('/identity'.length)}` },
        role: { id: member, name: 'member' },
        scope: { project: { id: p.id, name: 'crud', domain: { id: 'default', name: 'Default' } } },
        user: { id: seedUserId('demo'), name: 'demo', domain: { id: 'default', name: 'Default' } },
      },
    ]);
    expect((await call(cloud, 'DELETE', `/identity/v3/projects/${p.id}`, { token: admin })).status).toBe(204);
    expect((await call(cloud, 'GET', `/identity/v3/projects/${p.id}`, { token: admin })).status).toBe(404);
  });

  it('users: create, log in, disable, delete', async () => {
    const admin = await login(cloud, 'admin', 'admin');
    const r = await call(cloud, 'POST', '/identity/v3/users', { token: admin, body: { user: { name: 'alice', password: 'pw' } } });
    expect(r.status).toBe(201);
    const id = (r.body as { user: { id: string } }).user.id;
    const alice = await login(cloud, 'alice', undefined, 'pw');
    expect((await call(cloud, 'PATCH', `/identity/v3/users/${id}`, { token: admin, body: { user: { enabled: false } } })).status).toBe(200);
    expect((await call(cloud, 'GET', '/identity/v3/auth/projects', { token: alice })).status).toBe(401);
    expect((await call(cloud, 'DELETE', `/identity/v3/users/${id}`, { token: admin })).status).toBe(204);
    const list = await call(cloud, 'GET', '/identity/v3/users', { token: admin });
    expect((list.body as { users: Array<{ name: string }> }).users.map((u) => u.name)).toEqual(['admin', 'demo']);
  });

  it('regions, services and endpoints come from the registry', async () => {
    const admin = await login(cloud, 'admin', 'admin');
    const regions = await call(cloud, 'GET', '/identity/v3/regions', { token: admin });
    expect((regions.body as { regions: Array<{ id: string }> }).regions.map((x) => x.id)).toEqual(['RegionOne', 'RegionTwo']);
    const services = await call(cloud, 'GET', '/identity/v3/services', { token: admin });
    expect((services.body as { services: Array<{ type: string }> }).services.map((s) => s.type)).toContain('identity');
    const eps = await call(cloud, 'GET', '/identity/v3/endpoints?interface=public', { token: admin });
    // One public endpoint per region for each registered service.
    const serviceCount = (services.body as { services: unknown[] }).services.length;
    expect((eps.body as { endpoints: unknown[] }).endpoints).toHaveLength(2 * serviceCount);
  });
});

describe('application credentials', () => {
  const base = `/identity/v3/users/${seedUserId('demo')}/application_credentials`;
  const acAuth = (identity: Record<string, unknown>) => ({
    auth: { identity: { methods: ['application_credential'], application_credential: identity } },
  });

  it('create (secret once), authenticate by id and by name, restricted, delete', async () => {
    const token = await login(cloud, 'demo', 'demo-team');
    const r = await call(cloud, 'POST', base, {
      token,
      body: { application_credential: { name: 'ci', secret: null, description: null, expires_at: null, roles: null, unrestricted: false, access_rules: null } },
    });
    expect(r.status).toBe(201);
    const ac = (r.body as { application_credential: { id: string; secret: string; project_id: string; roles: Array<{ name: string }> } }).application_credential;
    expect(ac.project_id).toBe(seedProjectId('demo-team'));
    expect(ac.secret.length).toBeGreaterThan(40);
    expect(ac.roles.map((x) => x.name).sort()).toEqual(['creator', 'load-balancer_member', 'member', 'reader']);

    const shown = await call(cloud, 'GET', `${base}/${ac.id}`, { token });
    expect(JSON.stringify(shown.body)).not.toContain(ac.secret);
    expect((await call(cloud, 'POST', base, { token, body: { application_credential: { name: 'ci' } } })).status).toBe(409);

    const byId = await call(cloud, 'POST', TOKENS, { body: acAuth({ id: ac.id, secret: ac.secret }) });
    expect(byId.status).toBe(201);
    const t = (byId.body as TokenBody).token;
    expect(t.methods).toEqual(['application_credential']);
    expect(t.application_credential).toEqual({ id: ac.id, name: 'ci', restricted: true });
    expect(t.project!.name).toBe('demo-team');

    const byName = await call(cloud, 'POST', TOKENS, {
      body: acAuth({ name: 'ci', secret: ac.secret, user: { name: 'demo', domain: { name: 'Default' } } }),
    });
    expect(byName.status).toBe(201);
    expect((await call(cloud, 'POST', TOKENS, { body: acAuth({ id: ac.id, secret: 'wrong' }) })).body).toEqual(UNAUTHORIZED);

    // A restricted application credential token may not create more credentials.
    const acToken = byId.headers.get('x-subject-token')!;
    expect((await call(cloud, 'POST', base, { token: acToken, body: { application_credential: { name: 'x' } } })).status).toBe(403);

    expect((await call(cloud, 'DELETE', `${base}/${ac.id}`, { token })).status).toBe(204);
    expect((await call(cloud, 'GET', '/identity/v3/auth/projects', { token: acToken })).status).toBe(401);
    expect((await call(cloud, 'GET', `${base}/${ac.id}`, { token })).status).toBe(404);
  });

  it('only for oneself, and only reading one\'s own', async () => {
    const admin = await login(cloud, 'admin', 'admin');
    const r = await call(cloud, 'POST', base, { token: admin, body: { application_credential: { name: 'nope' } } });
    expect(r.status).toBe(403);
    expect((r.body as ErrorBody).error.message).toContain('identity:create_application_credential');
    const demo = await login(cloud, 'demo', 'demo');
    const other = await call(cloud, 'GET', `/identity/v3/users/${seedUserId('admin')}/application_credentials`, { token: demo });
    expect(other.status).toBe(403);
  });
});

describe('server', () => {
  it('405 and 404 in the Keystone format', async () => {
    const m = await call(cloud, 'PUT', TOKENS);
    expect(m.status).toBe(405);
    expect((m.body as ErrorBody).error.code).toBe(405);
    expect((await call(cloud, 'GET', '/identity/v3/nothing')).status).toBe(404);
    expect((await call(cloud, 'GET', '/nothing')).status).toBe(404);
  });
});
