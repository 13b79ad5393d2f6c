import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, passwordAuth, startTestCloud } from '../../test-helpers';
import { seedProjectId, seedRoleId, seedUserId } from './seed';

// Groups, membership and group grants, with texts as real Keystone Zed answers.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const V3 = '/identity/v3';
let cloud: DemoCloud;
let admin: string;
let groupId: string;
const demoId = seedUserId('demo');
const adminProject = seedProjectId('admin');
const reader = seedRoleId('reader');
beforeAll(async () => {
  cloud = await startTestCloud();
  admin = await login(cloud, 'admin', 'admin');
  const r = await call(cloud, 'POST', `${V3}/groups`, { token: admin, body: { group: { name: 'ops', description: 'operators' } } });
  groupId = (r.body as Obj).group.id;
});
afterAll(async () => {
  await cloud.close();
});
const adminScoped = () => call(cloud, 'POST', `${V3}/auth/tokens`, { body: passwordAuth('demo', 'demo', 'admin') });

describe('groups', () => {
  it('creates with Keystone\'s shape and refuses duplicates and non-admins', async () => {
    const g = await call(cloud, 'GET', `${V3}/groups/${groupId}`, { token: admin });
    expect(Object.keys((g.body as Obj).group)).toEqual(['id', 'name', 'domain_id', 'description', 'links']);
    const dup = await call(cloud, 'POST', `${V3}/groups`, { token: admin, body: { group: { name: 'ops' } } });
    expect((dup.body as Obj).error).toMatchObject({ code: 409, message: 'Conflict occurred attempting to store group - Duplicate entry found with name ops at domain ID default.' });
    const demo = await login(cloud, 'demo', 'demo');
    const denied = await call(cloud, 'POST', `${V3}/groups`, { token: demo, body: { group: { name: 'x' } } });
    expect((denied.body as Obj).error.message).toBe('You are not authorized to perform the requested action: identity:create_group.');
  });

  it('a group grant gives members a token on the project, listed as effective with the membership link', async () => {
    expect((await adminScoped()).status).toBe(401);
    expect((await call(cloud, 'PUT', `${V3}/groups/${groupId}/users/${demoId}`, { token: admin })).status).toBe(204);
    expect((await call(cloud, 'PUT', `${V3}/projects/${adminProject}/groups/${groupId}/roles/${reader}`, { token: admin })).status).toBe(204);
    const t = await adminScoped();
    expect(t.status).toBe(201);
    expect((t.body as Obj).token.roles.map((x: Obj) => x.name)).toEqual(['reader']);
    const eff = await call(cloud, 'GET', `${V3}/role_assignments?effective&include_names&user.id=${demoId}&scope.project.id=${adminProject}`, { token: admin });
    const [row] = (eff.body as Obj).role_assignments as Obj[];
    expect(Object.keys(row.links)).toEqual(['membership', 'assignment']);
    expect(row).toMatchObject({ user: { name: 'demo' }, role: { name: 'reader' }, scope: { project: { name: 'admin' } } });
    const direct = await call(cloud, 'GET', `${V3}/role_assignments?group.id=${groupId}`, { token: admin });
    expect((direct.body as Obj).role_assignments).toEqual([
      {
        links: { assignment: `${cloud.url}/identity/v3/projects/${adminProject}/groups/${groupId}/roles/${reader}` },
        scope: { project: { id: adminProject } },
        group: { id: groupId },
        role: { id: reader },
      },
    ]);
    const mine = await call(cloud, 'GET', `${V3}/users/${demoId}/groups`, { token: await login(cloud, 'demo', 'demo') });
    expect((mine.body as Obj).groups[0]).toMatchObject({ name: 'ops', membership_expires_at: null });
  });

  it('removing the member ends the grant; a non-member is a 404 with Keystone\'s text', async () => {
    expect((await call(cloud, 'DELETE', `${V3}/groups/${groupId}/users/${demoId}`, { token: admin })).status).toBe(204);
    expect((await adminScoped()).status).toBe(401);
    const r = await call(cloud, 'GET', `${V3}/groups/${groupId}/users/${demoId}`, { token: admin });
    expect((r.body as Obj).error.message).toBe(`User '${demoId}' not found in group '${groupId}'`);
    expect((await call(cloud, 'DELETE', `${V3}/groups/${groupId}`, { token: admin })).status).toBe(204);
    const gone = await call(cloud, 'GET', `${V3}/role_assignments?group.id=${groupId}`, { token: admin });
    expect((gone.body as Obj).role_assignments).toEqual([]);
  });
});
