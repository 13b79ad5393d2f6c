/**
 * Conformance: drives the real `openstack` CLI (Debian python3-openstackclient and plugins) against a fresh
 * in-process demo cloud (default) or real OpenStack (`--target realcloud`, ../shared/realcloud).
 *
 *   npm run test:cli              demo cloud
 *   npm run test:realcloud        real OpenStack
 *   ... -- --only compute         steps whose name starts with "compute"
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoCloud, type DemoCloud } from '../lib/demo-cloud/server';
import { realcloudAuthUrl } from './fidelity/clouds';
import { check, oneLine, runCli, runShell, StepFailure, setCliBinDir, type Creds, type Env } from './conformance/harness';
import { startWarmCli } from './conformance/warm-cli';
import { allSteps } from './conformance/steps';

const { values } = parseArgs({ options: { target: { type: 'string', default: 'demo' }, only: { type: 'string', multiple: true } } });

async function lookupIds(authUrl: string): Promise<Env['ids']> {
  const res = await fetch(`${authUrl.replace(/\/+$/, '')}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'demo', domain: { name: 'Default' }, password: 'demo' } } },
        scope: { project: { name: 'demo', domain: { name: 'Default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`cannot log in as demo at ${authUrl}: HTTP ${res.status}`);
  const t = ((await res.json()) as { token: { user: { id: string }; project: { id: string } } }).token;
  return { demoProject: t.project.id, demoUser: t.user.id };
}

async function main() {
  const target = values.target === 'realcloud' ? 'realcloud' : 'demo';
  let cloud: DemoCloud | undefined;
  let authUrl: string;
  if (target === 'demo') {
    cloud = await startDemoCloud({ port: 0, speed: 10, failureFixtures: true });
    authUrl = cloud.authUrl;
  } else {
    const url = process.env.REALCLOUD_AUTH_URL ?? realcloudAuthUrl();
    if (!url) {
      console.log('realcloud is not running (../shared/realcloud/up.sh); 0 passed, 1 failed');
      process.exit(1);
    }
    authUrl = url;
  }
  const home = mkdtempSync(path.join(tmpdir(), 'cli-conformance-'));
  // STRATUS_COLD_CLI=1: a cold `openstack` process per command, as a user's shell runs it (slower, same results).
  const warm = process.env.STRATUS_COLD_CLI === '1' ? undefined : await startWarmCli(mkdtempSync(path.join(tmpdir(), 'warm-cli-')));
  setCliBinDir(warm?.binDir);
  const env: Env = {
    target,
    authUrl,
    ids: await lookupIds(authUrl),
    vars: {},
    password: (user, project = user) => ({
      OS_AUTH_URL: authUrl,
      OS_AUTH_TYPE: 'password',
      OS_USERNAME: user,
      OS_PASSWORD: user,
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_NAME: project,
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'RegionOne',
    }),
    run: (creds: Creds, args: string[]) => runCli(home, creds, args),
    shell: (creds: Creds, line: string) => runShell(home, creds, line),
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
  let skipped = 0;
  try {
    for (const step of allSteps) {
      if (values.only?.length && !values.only.some((o) => step.name.startsWith(o))) continue;
      if (step.dataPlane && target === 'realcloud') {
        skipped++;
        console.log(`skip - ${step.name} (needs a data plane the real test cloud lacks)`);
        continue;
      }
      if (step.skipOnRealcloud && target === 'realcloud') {
        skipped++;
        console.log(`skip - ${step.name} (${step.skipOnRealcloud})`);
        continue;
      }
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
    await cloud?.close();
    warm?.stop();
    rmSync(home, { recursive: true, force: true });
    if (warm) rmSync(warm.binDir, { recursive: true, force: true });
  }
  console.log(`cli (${target}): ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
