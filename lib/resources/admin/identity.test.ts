import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { projectDependents, userDependents } from './identity-dependents';
import { domainAdminDefinition } from './domains';
import { groupMembersDefinition } from './groups';
import { projectAdminDefinition, userAdminDefinition, type KeystoneProject, type KeystoneUser } from './identity';
import { assignmentDefinition, assignmentId, type Assignment } from './roles';

const project: KeystoneProject = { id: 'p1', name: 'web', domain_id: 'default', enabled: true, description: 'old' };
const user: KeystoneUser = { id: 'u1', name: 'ann', domain_id: 'default', enabled: false, email: 'a@x.org' };

describe('admin projects', () => {
  it('creates in the chosen domain, and words the CLI', () => {
    const c = projectAdminDefinition.create!;
    const i = c.schema.parse({ name: ' web ', description: '', domain_id: 'default', enabled: false });
    expect(c.request(i)).toEqual({ method: 'POST', path: 'projects', body: { project: { name: 'web', description: '', domain_id: 'default', enabled: false } } });
    expect(c.cli(i)).toBe('openstack project create --domain default --disable web');
    expect(c.schema.safeParse({ name: '', description: '', domain_id: '', enabled: true }).error?.issues.map((x) => x.message)).toEqual([
      'admin.identity.errors.nameRequired',
      'admin.identity.errors.domainRequired',
    ]);
  });
  it('edits only what changed, and nothing when nothing did', () => {
    const edit = projectAdminDefinition.forms![0];
    expect(edit.request(project, { name: 'web', description: 'new' })).toEqual({ method: 'PATCH', path: 'projects/p1', body: { project: { description: 'new' } } });
    expect(edit.request(project, { name: 'web', description: 'old' })).toBeUndefined();
  });
  it('offers disable to an enabled project and enable to a disabled one', () => {
    const offered = (p: KeystoneProject) => projectAdminDefinition.actions!.filter((a) => a.allowed(p, { isAdmin: true })).map((a) => a.id);
    expect(offered(project)).toEqual(['disable', 'delete']);
    expect(offered({ ...project, enabled: false })).toEqual(['enable', 'delete']);
    expect(projectAdminDefinition.actions![1].request(project)).toEqual({ method: 'PATCH', path: 'projects/p1', body: { project: { enabled: false } } });
  });
  it('says what a deleted project leaves behind, skipping services that refuse', async () => {
    const get = async (service: string, path: string) => {
      if (service === 'compute') return { servers: [{}, {}] };
      if (service === 'volumev3') throw new Error('no cinder');
      if (service === 'network') return { networks: [] };
      expect(path).toBe('role_assignments?scope.project.id=p1');
      return { role_assignments: [{}] };
    };
    expect((await projectDependents([project], get)).map(en)).toEqual([
      'web owns 2 instances.',
      'web has 1 role assignment, deleted with it.',
      'Keystone does not delete what the project owns in other services: delete it first, or it stays behind without a project.',
    ]);
  });
});

describe('admin users', () => {
  it('creates with a password only when given, confirmed', () => {
    const c = userAdminDefinition.create!;
    const base = { name: 'ann', email: '', default_project_id: 'p1', description: '', domain_id: 'default', enabled: true };
    expect(c.schema.safeParse({ ...base, password: 'a', confirm: 'b' }).error?.issues[0]).toMatchObject({ path: ['confirm'], message: 'admin.identity.errors.passwordMismatch' });
    const i = c.schema.parse({ ...base, password: 's3cret', confirm: 's3cret' });
    expect(c.request(i).body).toEqual({ user: { name: 'ann', default_project_id: 'p1', domain_id: 'default', enabled: true, password: 's3cret' } });
    expect(c.cli(i)).toBe('openstack user create --domain default --project p1 --password-prompt ann');
    expect(c.schema.safeParse({ ...base, email: 'nope', password: 'a', confirm: 'b' }).error?.issues.map((x) => x.message)).toEqual(['admin.identity.errors.email', 'admin.identity.errors.passwordMismatch']);
  });
  it('edits with cleared fields as null, and sets a password', () => {
    const [edit, password] = userAdminDefinition.forms!;
    expect(edit.request(user, { name: 'ann', email: '', default_project_id: '', description: '' })).toEqual({ method: 'PATCH', path: 'users/u1', body: { user: { email: null } } });
    expect(password.schema.safeParse({ password: '', confirm: '' }).success).toBe(false);
    expect(password.request(user, { password: 'n3w', confirm: 'n3w' })).toEqual({ method: 'PATCH', path: 'users/u1', body: { user: { password: 'n3w' } } });
  });
  it('says what goes with a deleted user', async () => {
    const get = async (_s: string, path: string) => (path.startsWith('role_assignments') ? { role_assignments: [{}, {}] } : { application_credentials: [{}] });
    expect((await userDependents([user], get)).map(en)).toEqual([
      'ann has 2 role assignments, deleted with the user.',
      'ann has 1 application credential: whatever logs in with them stops working.',
    ]);
  });
});

describe('role assignments, groups and domains', () => {
  const scope = { kind: 'project' as const, id: 'p1', name: 'web' };
  const def = assignmentDefinition(scope);
  const direct: Assignment = { role: { id: 'r1', name: 'member' }, user: { id: 'u1', name: 'ann' }, scope: { project: { id: 'p1' } }, links: { assignment: 'x' } };
  const viaGroup: Assignment = { ...direct, links: { assignment: 'x', membership: 'http://k/v3/groups/g1/users/u1' } };
  it('lists the scope with names; effective only when asked (Keystone takes any value of the flag as true)', () => {
    expect(def.paths.list).toBe('role_assignments?scope.project.id=p1&include_names=true');
    expect(def.filters![0].query!('true')).toEqual({ effective: 'true' });
    expect(def.filters![0].query!('')).toEqual({});
  });
  it('grants to a user or a group, and revokes only direct grants', () => {
    const c = def.create!;
    expect(c.request(c.schema.parse({ actorType: 'groups', user: '', group: 'g1', role: 'r1' }))).toEqual({ method: 'PUT', path: 'projects/p1/groups/g1/roles/r1' });
    expect(c.schema.safeParse({ actorType: 'users', user: '', group: 'g1', role: 'r1' }).error?.issues[0]).toMatchObject({ path: ['user'], message: 'admin.identity.assignments.errors.actor' });
    const revoke = def.actions![0];
    expect(revoke.allowed(direct, { isAdmin: true })).toBe(true);
    expect(revoke.allowed(viaGroup, { isAdmin: true })).toBe(false);
    expect(revoke.request(direct)).toEqual({ method: 'DELETE', path: 'projects/p1/users/u1/roles/r1' });
    expect(revoke.cli(direct)).toBe('openstack role remove --project p1 --user u1 member');
    expect(assignmentId(direct)).not.toBe(assignmentId(viaGroup));
    expect(assignmentDefinition({ kind: 'domain', id: 'd1', name: 'D' }).create!.request({ actorType: 'users', user: 'u1', group: '', role: 'r1' }).path).toBe('domains/d1/users/u1/roles/r1');
  });
  it('adds and removes group members', () => {
    const members = groupMembersDefinition({ id: 'g1', name: 'ops' });
    expect(members.paths.list).toBe('groups/g1/users');
    expect(members.create!.request({ user: 'u 1' })).toEqual({ method: 'PUT', path: 'groups/g1/users/u%201' });
    expect(members.actions![0].request(user)).toEqual({ method: 'DELETE', path: 'groups/g1/users/u1' });
  });
  it('creates a domain and offers enable to a disabled one', () => {
    const c = domainAdminDefinition.create!;
    expect(c.request(c.schema.parse({ name: 'corp', description: '', enabled: true }))).toEqual({ method: 'POST', path: 'domains', body: { domain: { name: 'corp', description: '', enabled: true } } });
    const offered = domainAdminDefinition.actions!.filter((a) => a.allowed({ id: 'd', name: 'corp', enabled: false }, { isAdmin: true })).map((a) => a.id);
    expect(offered).toEqual(['enable', 'delete']);
  });
});
