// `npm run demo`: the demo cloud and the dashboard together, on 127.0.0.1 unless HOST says otherwise.
// Dashboard port from PORT (3000), demo cloud port from DEMO_CLOUD_PORT (5050). Builds the dashboard first
// when no production build exists and serves it with the custom server (lib/server/main.ts: /api/os on its fast
// path, everything else through Next); `--dev` runs `next dev` instead (the proxy through its route handler).
// `--failure-fixtures` (the e2e stacks) gives the demo cloud its resources built to fail (lib/demo-cloud/README.md).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoCloud } from '../lib/demo-cloud/server';

const { values } = parseArgs({
  options: {
    speed: { type: 'string' },
    'seed-projects': { type: 'string' },
    'seed-servers': { type: 'string' },
    'omit-services': { type: 'string' },
    'token-ttl': { type: 'string' },
    state: { type: 'string' },
    dev: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'failure-fixtures': { type: 'boolean', default: false },
  },
});

function positiveNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`demo: --${name} must be a positive number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const cloudPort = Number(process.env.DEMO_CLOUD_PORT ?? 5050);
const root = path.resolve(__dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const serverMain = path.join(root, 'lib', 'server', 'main.ts');

/** `next build`, once even when several demo stacks start together (the e2e suite runs two). */
async function buildOnce(env: NodeJS.ProcessEnv): Promise<boolean> {
  const lock = path.join(root, '.stratus', 'build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  try {
    fs.mkdirSync(lock);
  } catch {
    console.log('Another process is building the dashboard; waiting for it...');
    while (fs.existsSync(lock)) await new Promise((r) => setTimeout(r, 500));
    return fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
  }
  try {
    console.log('Building the dashboard (first run only; takes a minute or two)...');
    return spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' }).status === 0;
  } finally {
    fs.rmdirSync(lock);
  }
}

async function main() {
  const cloud = await startDemoCloud({
    host,
    port: cloudPort,
    speed: positiveNumber('speed', values.speed),
    seedProjects: positiveNumber('seed-projects', values['seed-projects']),
    seedServers: positiveNumber('seed-servers', values['seed-servers']),
    omitServices: values['omit-services']?.split(',').map((t) => t.trim()).filter(Boolean),
    tokenTtlSeconds: positiveNumber('token-ttl', values['token-ttl']),
    stateDir: values.state,
    failureFixtures: values['failure-fixtures'],
  });
  console.log(`Demo cloud: ${cloud.authUrl}`);

  const env = { ...process.env, STRATUS_DEMO: '1', STRATUS_DEMO_AUTH_URL: cloud.authUrl, NEXT_TELEMETRY_DISABLED: '1' };
  if (!values.dev && (values.build || !fs.existsSync(path.join(root, '.next', 'BUILD_ID')))) {
    const ok = await buildOnce(env);
    if (!ok) {
      await cloud.close();
      process.exit(1);
    }
  }
  const args = values.dev ? [nextBin, 'dev', '-H', host, '-p', String(port)] : ['--import', 'tsx', serverMain, '-H', host, '-p', String(port)];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let announced = false;
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(`\nStratus is running: http://${host}:${port}/  (log in as demo / demo, or admin / admin)\n`);
    }
  });
  const stop = async (code: number) => {
    child.kill('SIGTERM');
    await cloud.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  child.on('exit', (code) => void stop(code ?? 1));
}

main().catch((e) => {
  console.error(`demo: ${(e as Error).message}`);
  process.exit(1);
});
