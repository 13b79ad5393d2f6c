import { expect, request, type Page } from '@playwright/test';

export const KEYSTONE = `http://127.0.0.1:${process.env.DEMO_CLOUD_PORT ?? '5150'}/identity/v3`;

/** The second demo stack (no object storage), started by playwright.config.ts. */
export const LITE_URL = `http://127.0.0.1:${process.env.E2E_LITE_PORT ?? '3101'}`;

/** Saved by auth.setup.ts; keep in sync with playwright.config.ts. */
export const DEMO_STATE = 'e2e/.auth/demo.json';

/** A context without the saved login. */
export const LOGGED_OUT = { cookies: [], origins: [] };

/** Project ids straight from the demo cloud's Keystone (no dashboard involved). */
export async function keystoneProjects(user: string, password: string): Promise<Record<string, string>> {
  const ctx = await request.newContext();
  try {
    const auth = await ctx.post(`${KEYSTONE}/auth/tokens`, {
      data: { auth: { identity: { methods: ['password'], password: { user: { name: user, password, domain: { name: 'Default' } } } } } },
    });
    expect(auth.status(), 'Keystone password auth').toBe(201);
    const token = auth.headers()['x-subject-token'];
    const res = await ctx.get(`${KEYSTONE}/auth/projects`, { headers: { 'X-Auth-Token': token } });
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

/** `/demo/<id>` paths and the `?region=` that goes with them. */
export const PROJECT_URL = /\/demo\/([0-9a-f]{32})(\/[^?]*)?\?region=Region\w+$/;

export function projectButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /^Project:/ });
}

/**
 * Log in through the API into this page's context (cookies are shared with the browser). For tests
 * that switch project or log out: those revoke the token, so they must not use the shared login.
 */
export async function apiLogIn(page: Page, baseURL: string | undefined, username = 'demo', password = 'demo', extra: Record<string, string> = {}) {
  const res = await page.request.post('/api/auth/login', {
    data: { cloud: 'demo', method: 'password', username, password, userDomain: 'Default', ...extra },
    headers: { 'X-Stratus-CSRF': '1', Origin: baseURL ?? '' },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { redirectTo: string }).redirectTo;
}
