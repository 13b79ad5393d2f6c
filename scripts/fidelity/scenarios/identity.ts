import type { Scenario } from '../types';

const passwordAuth = (user: string, password: string, project?: string) => ({
  auth: {
    identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password } } },
    ...(project ? { scope: { project: { name: project, domain: { name: 'Default' } } } } : {}),
  },
});

export const identity: Scenario = {
  name: 'identity',
  service: 'identity',
  calls: [
    { name: 'token issue (project scope)', service: 'identity', method: 'POST', path: 'auth/tokens', body: passwordAuth('demo', 'demo', 'demo'), capture: (_b, h, v) => (v.subject = h.get('x-subject-token') ?? '') },
    { name: 'token issue (unscoped)', service: 'identity', method: 'POST', path: 'auth/tokens', body: passwordAuth('demo', 'demo') },
    { name: 'token issue, wrong password', service: 'identity', method: 'POST', path: 'auth/tokens', body: passwordAuth('demo', 'wrong', 'demo') },
    { name: 'token validate', service: 'identity', path: 'auth/tokens', headers: (v) => ({ 'x-subject-token': v.subject }) },
    { name: 'token validate, bogus', service: 'identity', path: 'auth/tokens', headers: { 'x-subject-token': 'gAAAAABbogus' } },
    { name: 'auth projects', service: 'identity', path: 'auth/projects' },
    { name: 'auth catalog', service: 'identity', path: 'auth/catalog' },
    { name: 'project list (member: forbidden)', service: 'identity', path: 'projects' },
    { name: 'project list (admin)', as: 'admin', service: 'identity', path: 'projects', capture: (b, _h, v) => (v.demoProject = ((b as { projects: { id: string; name: string }[] }).projects.find((p) => p.name === 'demo')?.id ?? '')) },
    { name: 'project show (admin)', as: 'admin', service: 'identity', path: (v) => `projects/${v.demoProject}` },
    { name: 'project show, unknown', as: 'admin', service: 'identity', path: 'projects/0123456789abcdef0123456789abcdef' },
    { name: 'user list (admin)', as: 'admin', service: 'identity', path: 'users', capture: (b, _h, v) => (v.demoUser = ((b as { users: { id: string; name: string }[] }).users.find((u) => u.name === 'demo')?.id ?? '')) },
    { name: 'user show', as: 'admin', service: 'identity', path: (v) => `users/${v.demoUser}` },
    { name: 'user projects', service: 'identity', path: (v) => `users/${v.demoUser}/projects` },
    { name: 'role list (admin)', as: 'admin', service: 'identity', path: 'roles' },
    { name: 'domain list (admin)', as: 'admin', service: 'identity', path: 'domains' },
    { name: 'region list', service: 'identity', path: 'regions' },
    { name: 'role assignments with names (admin)', as: 'admin', service: 'identity', path: (v) => `role_assignments?user.id=${v.demoUser}&include_names=true` },
    {
      name: 'application credential create', service: 'identity', method: 'POST', path: (v) => `users/${v.demoUser}/application_credentials`,
      body: { application_credential: { name: `fidelity-${process.pid}`, description: 'fidelity check' } },
      capture: (b, _h, v) => (v.appcred = (b as { application_credential: { id: string } }).application_credential.id),
    },
    { name: 'application credential list', service: 'identity', path: (v) => `users/${v.demoUser}/application_credentials` },
    { name: 'application credential show', service: 'identity', path: (v) => `users/${v.demoUser}/application_credentials/${v.appcred}` },
    { name: 'application credential delete', service: 'identity', method: 'DELETE', path: (v) => `users/${v.demoUser}/application_credentials/${v.appcred}` },
    { name: 'malformed JSON', service: 'identity', method: 'POST', path: 'auth/tokens', rawBody: '{"auth": ' },
  ],
};
