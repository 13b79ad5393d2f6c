// Forms work from the first moment (issue 16): what a user (or a password manager) puts in the fields before the
// page's JavaScript has hydrated them is what the form submits, and the login form works without JavaScript at all.
// The page's scripts are held back as on a slow link; the HTML, with its forms, is there at once.
import { request as playwrightRequest, type Browser, type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { RUN } from './compute-helpers';
import { backend, keystoneToken, LOGGED_OUT, logIn, PROJECT_URL } from './helpers';

/** Hold every script of the app `ms` before sending it (or until `gate` opens, when given). */
async function delayScripts(page: Page, ms = 1500, gate?: Promise<void>) {
  await page.route('**/_next/static/**/*.js', async (route) => {
    await (gate ?? new Promise((resolve) => setTimeout(resolve, ms)));
    await route.continue();
  });
}

/** Whether React has hydrated this element (it keeps its fiber on the DOM node). */
const hydrated = (el: Locator) => el.evaluate((node) => Object.keys(node).some((k) => k.startsWith('__reactFiber')));

const username = (page: Page) => page.getByLabel('Username');
const password = (page: Page) => page.getByLabel('Password', { exact: true });
const logInButton = (page: Page) => page.getByRole('button', { name: 'Log in' });

test.describe('the login form before its JavaScript runs', () => {
  test.use({ storageState: LOGGED_OUT });

  test('filled at DOMContentLoaded (as a password manager does) and sent at once: the user lands logged in', async ({ page }) => {
    // The scripts are held until the fields are filled (a fixed delay could run out first on a busy machine, where
    // the document itself takes longer than the delay), then arrive while the user clicks.
    let release = () => {};
    await delayScripts(page, 0, new Promise<void>((r) => (release = r)));
    await page.goto('/login', { waitUntil: 'domcontentloaded' });
    expect(await hydrated(username(page))).toBe(false);
    await username(page).fill('demo');
    await password(page).fill('demo');
    release();
    await logInButton(page).click();
    await expect(page).toHaveURL(PROJECT_URL);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  });

  test('filled before hydration and sent after it: the form sends what its fields hold', async ({ page }) => {
    await delayScripts(page);
    await page.goto('/login', { waitUntil: 'domcontentloaded' });
    expect(await hydrated(username(page))).toBe(false);
    await username(page).fill('demo');
    await password(page).fill('demo');
    await expect.poll(() => hydrated(logInButton(page)), { timeout: 20_000 }).toBe(true);
    // Hydration left the fields as they were (the bug: they showed the values, the state was empty).
    await expect(username(page)).toHaveValue('demo');
    await logInButton(page).click();
    await expect(page).toHaveURL(PROJECT_URL);
    await expect(page.getByText('Username is required')).toHaveCount(0);
  });

  test('a click before hydration is the browser’s own post: with the scripts held, it logs in', async ({ page }) => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    await delayScripts(page, 0, gate);
    await page.goto('/login', { waitUntil: 'domcontentloaded' });
    await username(page).fill('demo');
    await password(page).fill('demo');
    expect(await hydrated(logInButton(page))).toBe(false);
    await logInButton(page).click();
    await expect(page).toHaveURL(PROJECT_URL);
    open();
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  });
});

/** A browser without JavaScript, logged out. */
async function withoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: LOGGED_OUT, baseURL: backend().baseURL });
  return { context, page: await context.newPage() };
}

test.describe('the login form without JavaScript', () => {
  test('a wrong password says so and keeps the username (never the password); the right one logs in', async ({ browser }) => {
    const { context, page } = await withoutJavaScript(browser);
    try {
      // A user of its own: this failure counts for no other test's throttle.
      const nobody = `nobody-${RUN}`;
      await page.goto('/login');
      await logIn(page, nobody, 'not-the-password');
      await expect(page).toHaveURL(/\/login\?/);
      await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveText('Invalid username or password');
      await expect(username(page)).toHaveValue(nobody);
      await expect(password(page)).toHaveValue('');
      // The URL carries the failure sealed: neither the username nor the password can be read from it.
      expect(page.url()).not.toContain(nobody);
      expect(page.url()).not.toContain('not-the-password');

      await username(page).fill('demo');
      await password(page).fill('demo');
      await logInButton(page).click();
      await expect(page).toHaveURL(PROJECT_URL);
    } finally {
      await context.close();
    }
  });

  test('empty fields are named, and the application credential tab works as a link', async ({ browser }) => {
    const { context, page } = await withoutJavaScript(browser);
    try {
      await page.goto('/login');
      await logInButton(page).click();
      await expect(page.getByText('Username is required')).toBeVisible();
      await expect(page.getByText('Password is required')).toBeVisible();
      await page.getByRole('tab', { name: 'Application credential' }).click();
      await expect(page).toHaveURL(/method=application_credential/);
      await expect(page.getByRole('tab', { name: 'Application credential' })).toHaveAttribute('aria-selected', 'true');
      await logInButton(page).click();
      await expect(page.getByText('Application credential ID is required')).toBeVisible();
      await expect(page.getByRole('tab', { name: 'Application credential' })).toHaveAttribute('aria-selected', 'true');
    } finally {
      await context.close();
    }
  });

  test('logs in with an application credential', async ({ browser }) => {
    const { keystone } = backend();
    const token = await keystoneToken('demo', 'demo', 'demo');
    const api = await playwrightRequest.newContext({ extraHTTPHeaders: { 'X-Auth-Token': token } });
    const { context, page } = await withoutJavaScript(browser);
    let credential: { id: string; userId: string } | undefined;
    try {
      const me = await api.get(`${keystone}/auth/tokens`, { headers: { 'X-Subject-Token': token } });
      expect(me.ok()).toBeTruthy();
      const userId = ((await me.json()) as { token: { user: { id: string } } }).token.user.id;
      const made = await api.post(`${keystone}/users/${userId}/application_credentials`, { data: { application_credential: { name: `${RUN}-hydration` } } });
      expect(made.status(), await made.text()).toBe(201);
      const { id, secret } = ((await made.json()) as { application_credential: { id: string; secret: string } }).application_credential;
      credential = { id, userId };

      await page.goto('/login?method=application_credential');
      await page.getByLabel('Application credential ID').fill(id);
      await page.getByLabel('Application credential secret').fill(secret);
      await logInButton(page).click();
      await expect(page).toHaveURL(PROJECT_URL);
    } finally {
      await context.close();
      if (credential) await api.delete(`${keystone}/users/${credential.userId}/application_credentials/${credential.id}`);
      await api.dispose();
    }
  });
});

test.describe('the login form post is same-origin only', () => {
  test.use({ storageState: LOGGED_OUT });

  const fields = () => ({ method: 'password', cloud: backend().cloud, username: 'demo', password: 'demo', userDomain: 'Default' });

  test('refuses another origin, and a post that says nowhere where it comes from', async ({ page }) => {
    const foreign = await page.request.post('/api/auth/login/form', { form: fields(), headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    expect(foreign.headers()['set-cookie']).toBeUndefined();
    const nowhere = await page.request.post('/api/auth/login/form', { form: fields(), maxRedirects: 0 });
    expect(nowhere.status()).toBe(403);
  });

  test('answers a page of its own with 303 to the destination, and keeps only a safe next', async ({ page, baseURL }) => {
    const ok = await page.request.post('/api/auth/login/form', { form: fields(), headers: { Origin: baseURL ?? '' }, maxRedirects: 0 });
    expect(ok.status()).toBe(303);
    expect(ok.headers().location).toMatch(PROJECT_URL);
    expect(ok.headers()['set-cookie']).toContain('stratus_session=');
    const offsite = await page.request.post('/api/auth/login/form', { form: { ...fields(), next: '//evil.example/x' }, headers: { Referer: `${baseURL}/login` }, maxRedirects: 0 });
    expect(offsite.status()).toBe(303);
    expect(offsite.headers().location).toMatch(PROJECT_URL);
  });
});

test.describe('a resource form before its JavaScript runs', () => {
  const name = `${RUN}-hydration-net`;

  test.afterAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
    try {
      const page = await context.newPage();
      await page.goto('/');
      const headers = { 'X-Stratus-CSRF': '1', Origin: backend().baseURL };
      const nets = (await (await page.request.get(`/api/os/network/v2.0/networks?name=${encodeURIComponent(name)}`)).json()) as { networks?: { id: string }[] };
      for (const n of nets.networks ?? []) await page.request.delete(`/api/os/network/v2.0/networks/${n.id}`, { headers });
    } finally {
      await context.close();
    }
  });

  test('a network named before hydration is created with that name', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const home = new URL(page.url());
    await delayScripts(page);
    await page.goto(`${home.pathname}/networks/new${home.search}`, { waitUntil: 'domcontentloaded' });
    const field = page.getByLabel('Network name');
    expect(await hydrated(field)).toBe(false);
    await field.fill(name);
    const form = page.getByRole('form', { name: 'Create network' });
    // The submit waits for hydration (a post by the browser would reload the page); hydration keeps the name.
    await form.getByRole('button', { name: 'Create network' }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
  });
});

test('a list search sent before hydration is the browser’s own GET: it lands on the same view, filtered by name', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const home = new URL(page.url());
  let open = () => {};
  await delayScripts(page, 0, new Promise<void>((resolve) => (open = resolve)));
  await page.goto(`${home.pathname}/instances${home.search}&sort=name:desc`, { waitUntil: 'domcontentloaded' });
  const search = page.getByRole('searchbox', { name: 'Search' });
  expect(await hydrated(search)).toBe(false);
  await search.fill(`${RUN}-nothing`);
  await search.press('Enter');
  // Nova's name filter (the server's), the region and the sort all survive the page's reload.
  await expect(page).toHaveURL(new RegExp(`[?&]name=${RUN}-nothing(&|$)`));
  const url = new URL(page.url());
  expect(url.searchParams.get('region')).toBe(home.searchParams.get('region'));
  expect(url.searchParams.get('sort')).toBe('name:desc');
  expect(url.searchParams.has('q')).toBe(false);
  open();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(`${RUN}-nothing`);
  await expect(page.getByRole('table', { name: 'Instances' }).getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'descending');
});
