// Start a demo cloud and a production dashboard server for benchmarks, and log in through the dashboard.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startDemoCloud, type DemoCloud, type DemoCloudOptions } from '../../lib/demo-cloud/server';

const root = path.resolve(__dirname, '..', '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const serverMain = path.join(root, 'lib', 'server', 'main.ts');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type Stack = { cloud: DemoCloud; dashboard: string; child: ChildProcess; stop(): Promise<void> };

export async function startStack(cloudOpts: DemoCloudOptions = {}): Promise<Stack> {
  const cloud = await startDemoCloud({ port: 0, ...cloudOpts });
  const { dashboard, child } = await startDashboard(cloud.authUrl);
  return {
    cloud,
    dashboard,
    child,
    async stop() {
      child.kill('SIGTERM');
      await cloud.close();
    },
  };
}

/**
 * A demo cloud in a process of its own (as `npm run demo-cloud` runs it) and a dashboard: for timings in which the
 * benchmark's own work (driving a browser) must not delay the cloud's answers.
 */
export async function startSeparateStack(seedServers: number): Promise<{ authUrl: string; dashboard: string; stop(): Promise<void> }> {
  const port = await freePort();
  const cloud = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'lib', 'demo-cloud', 'main.ts'), '--port', String(port), '--seed-servers', String(seedServers), '--quiet'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const authUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    cloud.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /auth URL (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    cloud.once('exit', (code) => reject(new Error(`demo cloud exited (${code})`)));
  });
  const { dashboard, child } = await startDashboard(authUrl);
  return {
    authUrl,
    dashboard,
    async stop() {
      child.kill('SIGTERM');
      cloud.kill('SIGTERM');
      await new Promise((r) => cloud.once('exit', r));
    },
  };
}

/** The production dashboard server for a demo cloud at `authUrl` (built first when there is no build). */
async function startDashboard(authUrl: string): Promise<{ dashboard: string; child: ChildProcess }> {
  const env = { ...process.env, STRATUS_DEMO: '1', STRATUS_DEMO_AUTH_URL: authUrl, NEXT_TELEMETRY_DISABLED: '1' };
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    const b = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('next build failed');
  }
  const port = await freePort();
  // The production server, as `npm start` runs it (lib/server/main.ts: /api/os on the fast path).
  const child = spawn(process.execPath, ['--import', 'tsx', serverMain, '-H', '127.0.0.1', '-p', String(port)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const dashboard = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`${dashboard}/login`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { dashboard, child };
}

/** Log in through the dashboard; returns the Cookie header value. */
export async function dashboardLogin(dashboard: string, username = 'demo', password = 'demo'): Promise<string> {
  const res = await fetch(`${dashboard}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: dashboard, 'x-stratus-csrf': '1' },
    body: JSON.stringify({ cloud: 'demo', method: 'password', username, password, userDomain: 'Default' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** A token straight from the demo cloud's Keystone, for direct calls. */
export async function directToken(authUrl: string, username = 'demo', password = 'demo', project = 'demo'): Promise<string> {
  const res = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: username, domain: { name: 'Default' }, password } } },
        scope: { project: { name: project, domain: { name: 'Default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`token failed: ${res.status}`);
  return res.headers.get('x-subject-token') ?? '';
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export type CatalogEntry = { type: string; endpoints: { interface: string; url: string }[] };

/** A project-scoped token for user `user` (password = name, project = name), with its project id and catalog. */
export async function scopedToken(authUrl: string, user = 'demo'): Promise<{ token: string; projectId: string; catalog: CatalogEntry[] }> {
  const res = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password: user } } },
        scope: { project: { name: user, domain: { name: 'Default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`token for ${user}: ${res.status}`);
  const body = (await res.json()) as { token: { project: { id: string }; catalog: CatalogEntry[] } };
  return { token: res.headers.get('x-subject-token') ?? '', projectId: body.token.project.id, catalog: body.token.catalog };
}
