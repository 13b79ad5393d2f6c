// CLI conformance steps for issue 19's identity, quota and usage panels: application credentials
// (role subset, expiry, access rules, the restricted 403), TOTP credentials and MFA rules, admin
// management of projects, users, groups and grants (effective assignments), non-admin 403s,
// Nova/Cinder/Neutron quotas of a fresh project, and Nova's simple tenant usage.
// Real Keystone Zed has no `totp` in [auth] methods (the default), so it drops MFA rules that name
// it: the steps that need the receipt 401 and a passcode run on the demo cloud only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { totpCode } from '../../lib/demo-cloud/services/identity/totp';
import { check, mustFail, oneLine, type Creds, type Env, type Row, type Step } from './harness';

const P = `cli-ia19-${process.pid}`;
const PROJECT = `${P}-proj`;
const USER = `${P}-user`;
const GROUP = `${P}-grp`;
const MFA_USER = `${P}-mfa`;
const PASSWORD = `Pw-${process.pid}-x`;
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const NO_TOTP = "real Keystone runs without 'totp' in [auth] methods and so ignores MFA rules naming it";
/** What keystone.log shows for GET /v3/credentials on the real cloud; the client sees a dropped connection. */
const CREDENTIAL_LIST_CRASH =
  "real Keystone 22 here drops the connection on GET /v3/credentials (KeyError 'encrypted_blob' in credential/core.py _decrypt_credential); the CLI's show lists first";
const demo = (env: Env) => env.password('demo');
const admin = (env: Env) => env.password('admin');

async function ok(env: Env, args: string[], creds = admin(env)): Promise<string> {
  const r = await env.run(creds, args);
  check(r.code === 0, `openstack ${args.join(' ')}: exit ${r.code}: ${oneLine(r.stderr)}`);
  return r.stdout;
}
const appCred = (env: Env, id: string, secret: string): Creds => ({
  OS_AUTH_URL: env.authUrl,
  OS_AUTH_TYPE: 'v3applicationcredential',
  OS_APPLICATION_CREDENTIAL_ID: id,
  OS_APPLICATION_CREDENTIAL_SECRET: secret,
});
/** A user of ours (password known) scoped to demo. */
const asUser = (env: Env, name: string): Creds => ({ ...env.password('demo'), OS_USERNAME: name, OS_PASSWORD: PASSWORD, OS_PROJECT_NAME: 'demo' });

/**
 * Quota rows outlive their project and this CLI (6.0) has no `quota delete`: the cleanup calls
 * DELETE on Nova, Cinder and Neutron itself, with an admin token and the catalog's public URLs.
 */
async function dropQuotas(env: Env, projectId: string): Promise<void> {
  const token = String((await env.json<Row>(admin(env), ['token', 'issue', '-f', 'json'])).id);
  const urls: Array<[string, (base: string) => string]> = [
    ['compute', (b) => `${b}/os-quota-sets/${projectId}`],
    ['volumev3', (b) => `${b}/os-quota-sets/${projectId}`],
    ['network', (b) => `${b.replace(/\/+$/, '')}/v2.0/quotas/${projectId}`],
  ];
  for (const [type, path] of urls) {
    const entry = await env.json<Row>(admin(env), ['catalog', 'show', type, '-f', 'json']);
    const endpoints = entry.endpoints as Array<{ interface: string; url: string }>;
    const base = endpoints.find((e) => e.interface === 'public')?.url;
    check(base, `no public ${type} endpoint`);
    const res = await fetch(path(base.replace(/\/+$/, '')), { method: 'DELETE', headers: { 'X-Auth-Token': token } });
    check(res.ok, `DELETE ${type} quotas: HTTP ${res.status}`);
  }
}

export const identityAdminSteps: Step[] = [
  {
    name: 'identity-admin: application credential with a role subset, expiry and an access rule',
    async run(env) {
      const expires = '2099-01-01T00:00:00';
      const ac = await env.json<Row>(demo(env), [
        'application', 'credential', 'create', `${P}-ac`, '--role', 'reader', '--expiration', expires,
        '--access-rules', '[{"service": "compute", "method": "GET", "path": "/v2.1/servers"}]', '-f', 'json',
      ]);
      check(typeof ac.secret === 'string' && ac.secret.length > 20, 'no secret returned');
      const roles = JSON.stringify(ac.roles);
      check(roles.includes('reader') && !roles.includes('member'), `roles ${roles} are not just reader`);
      check(String(ac.expires_at).startsWith(expires), `expires_at ${String(ac.expires_at)}`);
      check(JSON.stringify(ac.access_rules).includes('/v2.1/servers'), `access_rules ${JSON.stringify(ac.access_rules)}`);
      check(ac.unrestricted === false || ac.unrestricted === null, `unrestricted ${String(ac.unrestricted)}`);
      env.vars.ac19Id = String(ac.id);
      env.vars.ac19Secret = String(ac.secret);
      const rules = await env.json(demo(env), ['access', 'rule', 'list', '-f', 'json']);
      check(rules.some((r) => r.Path === '/v2.1/servers' && r.Method === 'GET'), `access rule list: ${JSON.stringify(rules).slice(0, 300)}`);
    },
  },
  {
    name: 'identity-admin: a token from the restricted credential has its one role; it cannot create another (403)',
    async run(env) {
      const creds = appCred(env, env.vars.ac19Id, env.vars.ac19Secret);
      const t = await env.json<Row>(creds, ['token', 'issue', '-f', 'json']);
      check(t.project_id === env.ids.demoProject, `project_id ${String(t.project_id)}`);
      await mustFail(env, creds, ['application', 'credential', 'create', `${P}-child`], /not allowed for managing additional application credentials.*HTTP 403/);
    },
  },
  {
    name: 'identity-admin: application credential with a role the user lacks is refused (400)',
    run: (env) =>
      mustFail(env, demo(env), ['application', 'credential', 'create', `${P}-bad`, '--role', 'admin'], /Cannot create an application credential with unassigned role.*HTTP 400/),
  },
  {
    name: 'identity-admin: application credential show, then delete',
    async run(env) {
      const ac = await env.json<Row>(demo(env), ['application', 'credential', 'show', `${P}-ac`, '-f', 'json']);
      check(ac.id === env.vars.ac19Id && !('secret' in ac && ac.secret), `show: ${JSON.stringify(ac).slice(0, 300)}`);
      await ok(env, ['application', 'credential', 'delete', `${P}-ac`], demo(env));
    },
  },
  {
    name: 'identity-admin: project create, disable, enable and update as admin',
    async run(env) {
      const p = await env.json<Row>(admin(env), ['project', 'create', PROJECT, '--description', 'issue 19 conformance', '-f', 'json']);
      check(p.enabled === true && p.description === 'issue 19 conformance', `create: ${JSON.stringify(p)}`);
      env.vars.p19Project = String(p.id);
      await ok(env, ['project', 'set', '--disable', PROJECT]);
      check((await env.json<Row>(admin(env), ['project', 'show', PROJECT, '-f', 'json'])).enabled === false, 'still enabled');
      await ok(env, ['project', 'set', '--enable', '--description', 'edited', PROJECT]);
      const shown = await env.json<Row>(admin(env), ['project', 'show', PROJECT, '-f', 'json']);
      check(shown.enabled === true && shown.description === 'edited', `after set: ${JSON.stringify(shown)}`);
    },
  },
  {
    name: 'identity-admin: user create, disable, admin password set, role on the project',
    async run(env) {
      await ok(env, ['user', 'create', USER, '--password', 'first-Pw-1', '--email', `${USER}@example.org`, '--project', PROJECT]);
      await ok(env, ['role', 'add', '--user', USER, '--project', PROJECT, 'member']);
      await ok(env, ['user', 'set', '--disable', USER]);
      const off = { ...asUser(env, USER), OS_PROJECT_NAME: PROJECT, OS_PASSWORD: 'first-Pw-1' };
      await mustFail(env, off, ['token', 'issue', '-f', 'json'], /HTTP 401|requires authentication/);
      await ok(env, ['user', 'set', '--enable', '--password', PASSWORD, USER]);
      const t = await env.json<Row>({ ...off, OS_PASSWORD: PASSWORD }, ['token', 'issue', '-f', 'json']);
      check(t.project_id === env.vars.p19Project, `token project ${String(t.project_id)}`);
    },
  },
  {
    name: 'identity-admin: group with a member and a project grant; effective assignments list it',
    async run(env) {
      await ok(env, ['group', 'create', GROUP, '--description', 'issue 19']);
      await ok(env, ['group', 'add', 'user', GROUP, USER]);
      const r = await env.run(admin(env), ['group', 'contains', 'user', GROUP, USER]);
      check(r.code === 0 && / in group /.test(r.stdout + r.stderr), `contains: ${oneLine(r.stdout + r.stderr)}`);
      await ok(env, ['role', 'add', '--group', GROUP, '--project', PROJECT, 'reader']);
      const direct = await env.json(admin(env), ['role', 'assignment', 'list', '--group', GROUP, '--names', '-f', 'json']);
      check(direct.some((a) => a.Role === 'reader' && String(a.Group).startsWith(GROUP) && String(a.Project).startsWith(PROJECT)), `group assignments: ${JSON.stringify(direct)}`);
      const eff = await env.json(admin(env), ['role', 'assignment', 'list', '--user', USER, '--project', PROJECT, '--effective', '--names', '-f', 'json']);
      const roles = eff.map((a) => a.Role).sort();
      check(roles.includes('reader') && roles.includes('member'), `effective roles ${JSON.stringify(roles)}`);
      check(eff.every((a) => String(a.User).startsWith(USER) && !a.Group), `effective rows name the user: ${JSON.stringify(eff)}`);
      const groups = await env.json(admin(env), ['group', 'list', '--user', USER, '-f', 'json']);
      check(groups.some((g) => g.Name === GROUP), `group list --user: ${JSON.stringify(groups)}`);
    },
  },
  {
    name: 'identity-admin: non-admins get 403 for project, user, group and grant management',
    async run(env) {
      await mustFail(env, demo(env), ['project', 'create', `${P}-nope`], /identity:create_project.*HTTP 403/);
      await mustFail(env, demo(env), ['user', 'create', `${P}-nope`], /identity:create_user.*HTTP 403/);
      await mustFail(env, demo(env), ['group', 'create', `${P}-nope`], /identity:create_group.*HTTP 403/);
      await mustFail(env, demo(env), ['role', 'add', '--user', 'demo', '--project', 'demo', 'admin'], /HTTP 403/);
    },
  },
  {
    name: 'identity-admin: TOTP credential create/list, MFA rule set on a user',
    async run(env) {
      await ok(env, ['user', 'create', MFA_USER, '--password', PASSWORD, '--project', 'demo']);
      await ok(env, ['role', 'add', '--user', MFA_USER, '--project', 'demo', 'member']);
      const c = await env.json<Row>(admin(env), ['credential', 'create', '--type', 'totp', MFA_USER, SECRET, '-f', 'json']);
      check(c.type === 'totp' && c.blob === SECRET && c.project_id === null, `credential: ${JSON.stringify(c)}`);
      env.vars.totpCredential = String(c.id);
      await ok(env, ['user', 'set', '--multi-factor-auth-rule', 'password,totp', '--enable-multi-factor-auth', MFA_USER]);
      const u = await env.json<Row>(admin(env), ['user', 'show', MFA_USER, '-f', 'json']);
      check(JSON.stringify(u.options) === '{"multi_factor_auth_enabled":true,"multi_factor_auth_rules":[["password","totp"]]}', `options ${JSON.stringify(u.options)}`);
    },
  },
  {
    name: 'identity-admin: credential show and list --type totp --user',
    skipOnRealcloud: CREDENTIAL_LIST_CRASH,
    async run(env) {
      const shown = await env.json<Row>(admin(env), ['credential', 'show', env.vars.totpCredential, '-f', 'json']);
      check(shown.type === 'totp' && shown.blob === SECRET, `credential show: ${JSON.stringify(shown)}`);
      const rows = await env.json(admin(env), ['credential', 'list', '--type', 'totp', '--user', MFA_USER, '-f', 'json']);
      check(rows.length === 1 && rows[0].ID === env.vars.totpCredential, `credential list: ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'identity-admin: a password alone is refused for the MFA user (receipt 401 naming totp)',
    skipOnRealcloud: NO_TOTP,
    run: (env) => mustFail(env, asUser(env, MFA_USER), ['token', 'issue', '-f', 'json'], /totp/i),
  },
  {
    name: 'identity-admin: password plus a TOTP passcode (v3multifactor) issues the token',
    skipOnRealcloud: NO_TOTP,
    async run(env) {
      // keystoneauth reads auth_methods as a plain string from flags and OS_* (one method per
      // character): only a clouds.yaml can give it the list.
      const dir = mkdtempSync(join(tmpdir(), 'cli-mfa-'));
      const file = join(dir, 'clouds.yaml');
      const auth = {
        auth_url: env.authUrl, username: MFA_USER, password: PASSWORD, passcode: totpCode(SECRET, Date.now()),
        user_domain_name: 'Default', project_name: 'demo', project_domain_name: 'Default',
      };
      const cloud = { auth_type: 'v3multifactor', auth_methods: ['v3password', 'v3totp'], auth, region_name: 'RegionOne', identity_api_version: 3 };
      writeFileSync(file, JSON.stringify({ clouds: { mfa: cloud } })); // JSON is YAML
      let t: Row;
      try {
        t = await env.json<Row>({ OS_CLIENT_CONFIG_FILE: file, OS_CLOUD: 'mfa' }, ['token', 'issue', '-f', 'json']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      check(t.project_id === env.ids.demoProject, `token: ${JSON.stringify(t).slice(0, 300)}`);
    },
  },
  {
    name: 'identity-admin: quotas of the new project: set Nova, Cinder and Neutron limits; -5 cores is a 400',
    async run(env) {
      await ok(env, ['quota', 'set', '--cores', '30', '--volumes', '12', '--ports', '60', PROJECT]);
      const q = await env.json<Row>(admin(env), ['quota', 'show', PROJECT, '-f', 'json']);
      check(q.cores === 30 && q.volumes === 12 && q.ports === 60, `quota show: cores ${String(q.cores)} volumes ${String(q.volumes)} ports ${String(q.ports)}`);
      const detail = await env.json(admin(env), ['quota', 'list', '--compute', '--detail', '--project', PROJECT, '-f', 'json']);
      const cores = detail.find((r) => r.Resource === 'cores');
      check(cores && cores.Limit === 30 && cores['In Use'] === 0, `compute detail: ${JSON.stringify(cores)}`);
      const net = await env.json(admin(env), ['quota', 'list', '--network', '--detail', '--project', PROJECT, '-f', 'json']);
      check(net.some((r) => r.Resource === 'ports' && r.Limit === 60), `network detail: ${JSON.stringify(net).slice(0, 300)}`);
      await mustFail(env, admin(env), ['quota', 'set', '--cores', '-5', PROJECT], /Invalid input for field\/attribute cores. Value: -5. -5 is less than the minimum of -1 \(HTTP 400\)/);
      await mustFail(env, demo(env), ['quota', 'set', '--cores', '40', 'demo'], /HTTP 403/);
    },
  },
  {
    name: 'identity-admin: usage show for demo and usage list as admin (simple tenant usage)',
    async run(env) {
      // The CLI takes days (%Y-%m-%d): today and tomorrow, UTC.
      const start = new Date().toISOString().slice(0, 10);
      const end = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const mine = await env.json<Row>(demo(env), ['usage', 'show', '--start', start, '--end', end, '-f', 'json']);
      check(mine.Project === env.ids.demoProject || mine.Project === 'demo', `usage show: Project ${String(mine.Project)}`);
      for (const k of ['CPU Hours', 'RAM MB-Hours', 'Disk GB-Hours']) check(k in mine, `no ${k} in ${Object.keys(mine).join(', ')}`);
      const all = await env.json(admin(env), ['usage', 'list', '--start', start, '--end', end, '-f', 'json']);
      check(Array.isArray(all), 'usage list is not a list');
      await mustFail(env, demo(env), ['usage', 'list', '--start', start], /os-simple-tenant-usage:list.*HTTP 403/);
    },
  },
  {
    name: 'identity-admin: cleanup (credential, users, group, project)',
    async run(env) {
      if (env.vars.totpCredential) await env.run(admin(env), ['credential', 'delete', env.vars.totpCredential]);
      await env.run(admin(env), ['user', 'delete', MFA_USER, USER]);
      await env.run(admin(env), ['group', 'delete', GROUP]);
      await ok(env, ['project', 'set', '--disable', PROJECT]);
      await ok(env, ['project', 'delete', PROJECT]);
      const left = await env.run(admin(env), ['project', 'show', PROJECT]);
      check(left.code !== 0, 'project still there');
      // After the project: the services accept deleting a gone project's quotas (checked on Zed).
      await dropQuotas(env, env.vars.p19Project);
    },
  },
];
