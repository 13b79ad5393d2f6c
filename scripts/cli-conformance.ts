/**
 * Conformance: drives the real `openstack` CLI (Debian python3-openstackclient) against a fresh
 * in-process demo cloud. Each step is one row of STEPS; later services append their own rows.
 *
 *   npm run test:cli            (exit status 1 when any step fails)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoCloud, type DemoCloud } from '../lib/demo-cloud/server';
import { seedProjectId, seedUserId } from '../lib/demo-cloud/services/identity/seed';

const OPENSTACK = '/usr/bin/openstack';
const CLI_TIMEOUT_MS = 60_000;

type Row = Record<string, unknown>;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Credentials as OS_* variables (the CLI's own environment is cleared of inherited OS_*). */
type Creds = Record<string, string>;

interface Env {
  cloud: DemoCloud;
  /** Values steps hand to later steps (ids, secrets). */
  vars: Record<string, string>;
  password(user: 'admin' | 'demo', project?: string): Creds;
  /** Runs `openstack <args> -f json`-style commands; `-f json` is NOT added automatically. */
  run(creds: Creds, args: string[]): Promise<CliResult>;
  /** Runs a command that must succeed and print JSON. */
  json<T = Row[]>(creds: Creds, args: string[]): Promise<T>;
}

interface Step {
  name: string;
  run(env: Env): Promise<void>;
}

class StepFailure extends Error {}

function check(cond: unknown, why: string): asserts cond {
  if (!cond) throw new StepFailure(why);
}

const oneLine = (s: string, max = 300) => s.replace(/\s+/g, ' ').trim().slice(0, max);

/** A command that must fail: non-zero exit, and the error must mention `expect`. */
async function mustFail(env: Env, creds: Creds, args: string[], expect: RegExp): Promise<void> {
  const r = await env.run(creds, args);
  check(r.code !== 0, `expected a failure, got exit 0: ${oneLine(r.stdout)}`);
  check(expect.test(r.stderr + r.stdout), `expected ${expect} in the error, got: ${oneLine(r.stderr)}`);
}

const names = (rows: Row[], key = 'Name') => rows.map((r) => String(r[key]));

// ---------------------------------------------------------------------------------------------
// The steps. Keep each one small: one command, the fields that matter.

const STEPS: Step[] = [
  {
    name: 'identity: token issue as demo',
    async run(env) {
      const t = await env.json<Row>(env.password('demo'), ['token', 'issue', '-f', 'json']);
      check(t.project_id === seedProjectId('demo'), `project_id ${String(t.project_id)} is not demo's`);
      check(t.user_id === seedUserId('demo'), `user_id ${String(t.user_id)} is not demo's`);
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
      for (const region of ['RegionOne', 'RegionTwo']) check(endpoints.includes(region), `no ${region} endpoint: ${endpoints}`);
      check(endpoints.includes(`${env.cloud.url}/identity/v3`), `endpoint URL is not ${env.cloud.url}/identity/v3`);
    },
  },
  {
    name: 'identity: project list as admin',
    async run(env) {
      const got = names(await env.json(env.password('admin'), ['project', 'list', '-f', 'json']));
      for (const p of ['admin', 'demo', 'demo-team']) check(got.includes(p), `${p} missing from ${JSON.stringify(got)}`);
    },
  },
  {
    // GET /v3/projects is admin-only; the CLI then falls back to /v3/users/{me}/projects by itself.
    name: 'identity: project list as demo shows only its own projects',
    async run(env) {
      const got = names(await env.json(env.password('demo'), ['project', 'list', '-f', 'json']));
      check(got.includes('demo') && got.includes('demo-team'), `own projects missing: ${JSON.stringify(got)}`);
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
      check(ac.project_id === seedProjectId('demo'), `project_id ${String(ac.project_id)} is not demo's`);
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
      check(t.project_id === seedProjectId('demo'), `project_id ${String(t.project_id)} is not demo's`);
      check(t.user_id === seedUserId('demo'), `user_id ${String(t.user_id)} is not demo's`);
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
    run: (env) => mustFail(env, appCred(env), ['token', 'issue', '-f', 'json'], /HTTP 401|requires authentication/),
  },
  {
    name: 'identity: token revoke, then the token is refused',
    async run(env) {
      const r = await env.run(env.password('demo'), ['token', 'revoke', env.vars.demoToken]);
      check(r.code === 0, `revoke exit ${r.code}: ${oneLine(r.stderr)}`);
      const creds: Creds = {
        OS_AUTH_URL: env.cloud.authUrl,
        OS_AUTH_TYPE: 'v3token',
        OS_TOKEN: env.vars.demoToken,
        OS_PROJECT_ID: seedProjectId('demo'),
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
      check(has('member', 'demo@Default', 'demo-team@Default'), 'demo member on demo-team missing');
    },
  },
];

function appCred(env: Env): Creds {
  return {
    OS_AUTH_URL: env.cloud.authUrl,
    OS_AUTH_TYPE: 'v3applicationcredential',
    OS_APPLICATION_CREDENTIAL_ID: env.vars.acId,
    OS_APPLICATION_CREDENTIAL_SECRET: env.vars.acSecret,
  };
}

// ---------------------------------------------------------------------------------------------

function cliEnv(home: string, creds: Creds): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('OS_')) delete env[k];
  // A pyenv python3 earlier on PATH lacks the OpenStack modules: the Debian one must win.
  env.PATH = `/usr/bin:${process.env.PATH ?? ''}`;
  env.HOME = home; // no clouds.yaml or caches from the user's home
  env.OS_IDENTITY_API_VERSION = '3';
  env.OS_INTERFACE = 'public';
  return { ...env, ...creds };
}

function runCli(home: string, creds: Creds, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(OPENSTACK, args, { env: cliEnv(home, creds), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

async function main() {
  const cloud = await startDemoCloud({ port: 0 });
  const home = mkdtempSync(path.join(tmpdir(), 'cli-conformance-'));
  const env: Env = {
    cloud,
    vars: {},
    password: (user, project = user) => ({
      OS_AUTH_URL: cloud.authUrl,
      OS_AUTH_TYPE: 'password',
      OS_USERNAME: user,
      OS_PASSWORD: user,
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_NAME: project,
      OS_PROJECT_DOMAIN_NAME: 'Default',
    }),
    run: (creds, args) => runCli(home, creds, args),
    async json<T>(creds: Creds, args: string[]): Promise<T> {
      const r = await runCli(home, creds, args);
      check(r.code === 0, `openstack ${args.join(' ')}: exit ${r.code}: ${oneLine(r.stderr)}`);
      try {
        return JSON.parse(r.stdout) as T;
      } catch {
        throw new StepFailure(`openstack ${args.join(' ')}: output is not JSON: ${oneLine(r.stdout)}`);
      }
    },
  };

  let passed = 0;
  let failed = 0;
  try {
    for (const step of STEPS) {
      try {
        await step.run(env);
        passed++;
        console.log(`ok - ${step.name}`);
      } catch (err) {
        failed++;
        const why = err instanceof StepFailure ? err.message : err instanceof Error ? err.stack : String(err);
        console.log(`not ok - ${step.name}: ${why}`);
      }
    }
  } finally {
    await cloud.close();
    rmSync(home, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
