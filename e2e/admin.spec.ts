// Admin views: only admins get the Admin navigation; everyone else gets HTTP 403 on a direct URL.
import { expect, test } from '@playwright/test';
import { deleteServers, launch, RUN } from './compute-helpers';
import { apiLogIn, backend, LOGGED_OUT, PROJECT_URL } from './helpers';

test.describe.configure({ timeout: 90_000 });

test('a member gets no admin navigation and a 403 page on a direct admin URL', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const nav = page.getByRole('navigation', { name: 'Services' });
  await expect(nav.getByRole('link', { name: 'Instances', exact: true })).toBeVisible();
  await expect(nav.getByText('Admin', { exact: true })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Hypervisors' })).toHaveCount(0);

  const url = new URL(page.url());
  for (const slug of ['admin/hypervisors', 'admin/instances']) {
    const res = await page.goto(`${url.pathname}/${slug}${url.search}`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page is for cloud administrators', level: 1 })).toBeVisible();
    await expect(page.getByText('403 Forbidden')).toBeVisible();
    // Inside the shell: the project's navigation is still there.
    await expect(nav.getByRole('link', { name: 'Instances', exact: true })).toBeVisible();
  }
});

test.describe('as admin', () => {
  test.use({ storageState: LOGGED_OUT });

  test('sees hypervisors, compute services and every project\'s instances', async ({ page, baseURL, browser }) => {
    const name = `${RUN}-allproj`;
    // An instance in the demo project, launched by demo.
    const demoCtx = await browser.newContext({ storageState: backend().storageState, baseURL });
    try {
      await launch(await demoCtx.newPage(), name);

      const home = await apiLogIn(page, baseURL, 'admin', 'admin');
      await page.goto(home);
      await expect(page).toHaveURL(PROJECT_URL);
      const nav = page.getByRole('navigation', { name: 'Services' });
      await expect(nav.getByText('Admin', { exact: true })).toBeVisible();

      await nav.getByRole('link', { name: 'Hypervisors' }).click();
      await expect(page.getByRole('heading', { name: 'Hypervisors', level: 1 })).toBeVisible();
      const hv = page.getByRole('table', { name: 'Hypervisors' });
      const first = hv.getByRole('row').nth(1);
      await expect(first).toContainText('up');
      await expect(first).toContainText(/\d+ of \d+ \(\d+%\)/);
      await expect(first).toContainText(/[MGT]iB of [\d.]+ [MGT]iB/);
      await expect(page.getByText('microversion 2.87')).toBeVisible();

      await nav.getByRole('link', { name: 'Compute services' }).click();
      await expect(page.getByRole('table', { name: 'Compute services' }).getByRole('cell', { name: 'nova-compute', exact: true }).first()).toBeVisible();

      await nav.getByRole('link', { name: 'All instances' }).click();
      await expect(page.getByRole('heading', { name: 'All instances', level: 1 })).toBeVisible();
      await page.getByRole('searchbox', { name: 'Search' }).fill(name);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const row = page.getByRole('table', { name: 'All instances' }).getByRole('row').filter({ hasText: name });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole('cell', { name: 'demo', exact: true })).toBeVisible();

      await nav.getByRole('link', { name: 'All projects' }).click();
      await expect(page.getByRole('table', { name: 'Projects' }).getByRole('cell', { name: 'demo', exact: true })).toBeVisible();
      await nav.getByRole('link', { name: 'Users', exact: true }).click();
      await expect(page.getByRole('table', { name: 'Users' }).getByRole('cell', { name: 'demo', exact: true }).first()).toBeVisible();
      if (backend().name === 'demo') {
        // Presentation mode (here from the URL flag) masks the users' e-mail addresses (the real cloud's have none).
        const users = page.getByRole('table', { name: 'Users' });
        await expect(users.getByRole('cell', { name: 'demo@example.org' })).toBeVisible();
        const u = new URL(page.url());
        u.searchParams.set('present', '1');
        await page.goto(u.toString());
        await expect(users.getByRole('cell', { name: 'demo', exact: true }).first()).toBeVisible();
        await expect(users.getByText('hidden in presentation mode').first()).toBeAttached();
        await expect(users.getByText('demo@example.org')).toHaveCount(0);
      }
    } finally {
      await demoCtx.close();
      await deleteServers(browser, name);
    }
  });
});
