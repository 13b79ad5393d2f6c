import { expect, request, test, type Page } from '@playwright/test';
import { BACKENDS, backendNameOf, LITE_URL as LITE, readRealcloudTeam, type Backend } from './backends';

export type { Backend } from './backends';

/** The demo cloud's Keystone (the demo project). For the backend under test use `backend().keystone`. */
export const KEYSTONE = BACKENDS.demo.keystone;

/** The second demo stack (no object storage), started by playwright.config.ts; demo project only. */
export const LITE_URL = LITE;

/** Saved by auth.setup.ts for the demo project; keep in sync with e2e/backends.ts. */
export const DEMO_STATE = BACKENDS.demo.storageState;

/** A context without the saved login. */
export const LOGGED_OUT = { cookies: [], origins: [] };

/** The backend of the running test's Playwright project (`demo` or `realcloud`). Also the `backend` fixture. */
export function backend(): Backend {
  return BACKENDS[backendNameOf(test.info().project.name)];
}

/**
 * Skip the running test (or, called in a describe body, the group) on the real test cloud only: for steps that need
 * a data plane it lacks (console output, floating IPs turning ACTIVE, Magnum clusters completing). Say which.
 */
export function skipOnRealcloud(reason: string) {
  test.skip(backendNameOf(test.info().project.name) === 'realcloud', `real OpenStack test cloud: ${reason}`);
}

/**
 * The name of a second project the demo user is a member of: `demo-team` on the demo cloud, the project
 * realcloud.setup.ts created on the real cloud. Skips the test, saying why, when there is none.
 */
export function teamProject(): string {
  if (backend().name === 'demo') return 'demo-team';
  const team = readRealcloudTeam();
  if ('error' in team) test.skip(true, `no second project on the real cloud: ${team.error}`);
  return 'name' in team ? team.name : '';
}

/** A password-scoped (unscoped unless `project` is given) Keystone token of the backend under test. */
export async function keystoneToken(user: string, password: string, project?: string, keystone = backend().keystone): Promise<string> {
  const ctx = await request.newContext();
  try {
    const scope = project ? { scope: { project: { name: project, domain: { name: 'Default' } } } } : {};
    const auth = await ctx.post(`${keystone}/auth/tokens`, {
      data: { auth: { identity: { methods: ['password'], password: { user: { name: user, password, domain: { name: 'Default' } } } }, ...scope } },
    });
    expect(auth.status(), `Keystone password auth as ${user} at ${keystone}`).toBe(201);
    return auth.headers()['x-subject-token'];
  } finally {
    await ctx.dispose();
  }
}

/** Project ids straight from the backend's Keystone (no dashboard involved), by name. */
export async function keystoneProjects(user: string, password: string): Promise<Record<string, string>> {
  const keystone = backend().keystone;
  const token = await keystoneToken(user, password, undefined, keystone);
  const ctx = await request.newContext();
  try {
    const res = await ctx.get(`${keystone}/auth/projects`, { headers: { 'X-Auth-Token': token } });
    expect(res.ok()).toBeTruthy();
    const body = (await res.json()) as { projects: { id: string; name: string }[] };
    return Object.fromEntries(body.projects.map((p) => [p.name, p.id]));
  } finally {
    await ctx.dispose();
  }
}

export async function logIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** `/<cloud>/<id>` paths (either backend) and the `?region=` that goes with them; group 1 is the project id. */
export const PROJECT_URL = /\/(?:demo|realcloud)\/([0-9a-f]{32})(\/[^?]*)?\?region=Region\w+$/;

/** `/<cloud>/<projectId>` of the backend under test. */
export function projectPath(projectId: string): string {
  return `/${backend().cloud}/${projectId}`;
}

export function projectButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Project:/ });
}

/**
 * Log in through the API into this page's context (cookies are shared with the browser). For tests
 * that switch project or log out: those revoke the token, so they must not use the shared login.
 */
export async function apiLogIn(page: Page, baseURL: string | undefined, username = 'demo', password = 'demo', extra: Record<string, string> = {}) {
  const res = await page.request.post('/api/auth/login', {
    data: { cloud: backend().cloud, method: 'password', username, password, userDomain: 'Default', ...extra },
    headers: { 'X-Stratus-CSRF': '1', Origin: baseURL ?? '' },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { redirectTo: string }).redirectTo;
}
