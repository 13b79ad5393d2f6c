// CLI conformance steps for Keystone.
import { check, mustFail, names, oneLine, type Creds, type Env, type Row, type Step } from './harness';

export const identitySteps: Step[] = [
  {
    name: 'identity: token issue as demo',
    async run(env) {
      const t = await env.json<Row>(env.password('demo'), ['token', 'issue', '-f', 'json']);
      check(t.project_id === env.ids.demoProject, `project_id ${String(t.project_id)} is not demo's`);
      check(t.user_id === env.ids.demoUser, `user_id ${String(t.user_id)} is not demo's`);
      const expires = Date.parse(String(t.expires));
      check(expires > Date.now() + 50 * 60_000, `expires ${String(t.expires)} is not about an hour ahead`);
      check(typeof t.id === 'string' && t.id.length >= 32, 'no token id');
      env.vars.demoToken = String(t.id);
    },
  },
  {
    name: 'identity: catalog list shows identity in RegionOne and RegionTwo',
    async run(env) {
      const rows = await env.json(env.password('demo'), ['catalog', 'list', '-f', 'json']);
      const identity = rows.find((r) => r.Type === 'identity');
      check(identity, `no identity service in ${JSON.stringify(names(rows))}`);
      const endpoints = JSON.stringify(identity.Endpoints);
      const regions = env.target === 'demo' ? ['RegionOne', 'RegionTwo'] : ['RegionOne'];
      for (const region of regions) check(endpoints.includes(region), `no ${region} endpoint: ${endpoints}`);
      check(endpoints.includes(env.authUrl.replace(/\/+$/, '')), `endpoint URL is not ${env.authUrl}`);
    },
  },
  {
    name: 'identity: project list as admin',
    async run(env) {
      const got = names(await env.json(env.password('admin'), ['project', 'list', '-f', 'json']));
      for (const p of env.target === 'demo' ? ['admin', 'demo', 'demo-team'] : ['admin', 'demo']) check(got.includes(p), `${p} missing from ${JSON.stringify(got)}`);
    },
  },
  {
    // GET /v3/projects is admin-only; the CLI then falls back to /v3/users/{me}/projects by itself.
    name: 'identity: project list as demo shows only its own projects',
    async run(env) {
      const got = names(await env.json(env.password('demo'), ['project', 'list', '-f', 'json']));
      check(got.includes('demo') && (env.target !== 'demo' || got.includes('demo-team')), `own projects missing: ${JSON.stringify(got)}`);
      check(!got.includes('admin'), `demo sees the admin project: ${JSON.stringify(got)}`);
    },
  },
  {
    name: 'identity: project list --domain as demo is forbidden',
    run: (env) =>
      mustFail(env, env.password('demo'), ['project', 'list', '--domain', 'default', '-f', 'json'], /identity:list_projects|HTTP 403/),
  },
  {
    name: 'identity: user list as demo is forbidden',
    run: (env) => mustFail(env, env.password('demo'), ['user', 'list', '-f', 'json'], /identity:list_users|HTTP 403/),
  },
  {
    name: 'identity: application credential create as demo',
    async run(env) {
      const ac = await env.json<Row>(env.password('demo'), [
        'application', 'credential', 'create', 'cli-conformance', '--description', 'made by cli-conformance', '-f', 'json',
      ]);
      check(typeof ac.secret === 'string' && ac.secret.length > 20, 'no secret returned');
      check(ac.project_id === env.ids.demoProject, `project_id ${String(ac.project_id)} is not demo's`);
      check(JSON.stringify(ac.roles).includes('member'), `roles ${JSON.stringify(ac.roles)} lack member`);
      env.vars.acId = String(ac.id);
      env.vars.acSecret = String(ac.secret);
    },
  },
  {
    name: 'identity: application credential list as demo',
    async run(env) {
      const rows = await env.json(env.password('demo'), ['application', 'credential', 'list', '-f', 'json']);
      check(rows.some((r) => r.ID === env.vars.acId && r.Name === 'cli-conformance'), `not listed: ${JSON.stringify(rows)}`);
      check(!JSON.stringify(rows).includes(env.vars.acSecret), 'the secret is listed');
    },
  },
  {
    name: 'identity: token issue with the application credential',
    async run(env) {
      const t = await env.json<Row>(appCred(env), ['token', 'issue', '-f', 'json']);
      check(t.project_id === env.ids.demoProject, `project_id ${String(t.project_id)} is not demo's`);
      check(t.user_id === env.ids.demoUser, `user_id ${String(t.user_id)} is not demo's`);
    },
  },
  {
    name: 'identity: application credential delete as demo',
    async run(env) {
      const r = await env.run(env.password('demo'), ['application', 'credential', 'delete', 'cli-conformance']);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      const rows = await env.json(env.password('demo'), ['application', 'credential', 'list', '-f', 'json']);
      check(!rows.some((r) => r.ID === env.vars.acId), 'still listed after delete');
    },
  },
  {
    name: 'identity: deleted application credential no longer authenticates',
    run: (env) => mustFail(env, appCred(env), ['token', 'issue', '-f', 'json'], /Could not find Application Credential.*HTTP 404/),
  },
  {
    name: 'identity: token revoke, then the token is refused',
    async run(env) {
      const r = await env.run(env.password('demo'), ['token', 'revoke', env.vars.demoToken]);
      check(r.code === 0, `revoke exit ${r.code}: ${oneLine(r.stderr)}`);
      const creds: Creds = {
        OS_AUTH_URL: env.authUrl,
        OS_AUTH_TYPE: 'v3token',
        OS_TOKEN: env.vars.demoToken,
        OS_PROJECT_ID: env.ids.demoProject,
      };
      await mustFail(env, creds, ['token', 'issue', '-f', 'json'], /HTTP 40[14]|Failed to validate token|requires authentication/);
    },
  },
  {
    name: 'identity: user list as admin',
    async run(env) {
      const got = names(await env.json(env.password('admin'), ['user', 'list', '-f', 'json']));
      check(got.includes('admin') && got.includes('demo'), `users: ${JSON.stringify(got)}`);
    },
  },
  {
    name: 'identity: role assignment list --names as admin',
    async run(env) {
      const rows = await env.json(env.password('admin'), ['role', 'assignment', 'list', '--names', '-f', 'json']);
      const has = (role: string, user: string, project: string) =>
        rows.some((r) => r.Role === role && r.User === user && r.Project === project);
      check(has('admin', 'admin@Default', 'admin@Default'), `admin/admin missing: ${JSON.stringify(rows).slice(0, 400)}`);
      const team = env.target === 'demo' ? 'demo-team@Default' : 'demo@Default';
      check(has('member', 'demo@Default', team), `demo member on ${team} missing`);
    },
  },
];

function appCred(env: Env): Creds {
  return {
    OS_AUTH_URL: env.authUrl,
    OS_AUTH_TYPE: 'v3applicationcredential',
    OS_APPLICATION_CREDENTIAL_ID: env.vars.acId,
    OS_APPLICATION_CREDENTIAL_SECRET: env.vars.acSecret,
  };
}

