import { afterAll, beforeAll } from 'vitest';
import { startDemoCloud, type DemoCloud, type DemoCloudOptions } from './server';

// Helpers for the demo cloud's own tests (and any service's tests): a cloud on a free port,
// and a tiny JSON client.

export interface Call {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function startTestCloud(opts: DemoCloudOptions = {}): Promise<DemoCloud> {
  return startDemoCloud({ port: 0, ...opts });
}

export async function call(
  cloud: DemoCloud,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Call> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers['X-Auth-Token'] = opts.token;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${cloud.url}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* non-JSON bodies stay text */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export function passwordAuth(user: string, password: string, project?: string) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: user, domain: { id: 'default' }, password } },
      },
      ...(project ? { scope: { project: { name: project, domain: { name: 'Default' } } } } : {}),
    },
  };
}

/** Issues a token; returns it (throws unless 201). */
export async function login(cloud: DemoCloud, user: string, project?: string, password = user): Promise<string> {
  const r = await call(cloud, 'POST', '/identity/v3/auth/tokens', { body: passwordAuth(user, password, project) });
  const token = r.headers.get('x-subject-token');
  if (r.status !== 201 || !token) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.body)}`);
  return token;
}

/** An injected clock for a cloud's transitions: tests step it with advance() instead of waiting. */
export function testClock(start = Date.now()) {
  let now = start;
  return {
    now: () => now,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

/** One test file's cloud and the seeded users' tokens (demo, demo in demo-team, admin), started before its tests. */
export interface TestSession {
  cloud: DemoCloud;
  demo: string;
  team: string;
  admin: string;
}

export function sharedTestCloud(opts: DemoCloudOptions = {}, ready?: (s: TestSession) => Promise<void>): TestSession {
  const s = {} as TestSession;
  beforeAll(async () => {
    s.cloud = await startTestCloud(opts);
    [s.demo, s.team, s.admin] = await Promise.all([login(s.cloud, 'demo', 'demo'), login(s.cloud, 'demo', 'demo-team'), login(s.cloud, 'admin', 'admin')]);
    await ready?.(s);
  });
  afterAll(async () => {
    await s.cloud?.close();
  });
  return s;
}
