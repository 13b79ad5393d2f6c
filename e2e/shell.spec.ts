import { expect, test } from './fixtures';
import { keystoneProjects, LITE_URL, LOGGED_OUT, logIn, PROJECT_URL, projectButton, projectPath } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
});

test('reloading keeps the user logged in', async ({ page }) => {
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(projectButton(page)).toContainText('demo');
});

test('the project list is keyboard navigable and closes on Escape', async ({ page }) => {
  await projectButton(page).click();
  const search = page.getByRole('combobox', { name: 'Search projects' });
  await expect(page.getByRole('option')).not.toHaveCount(0);
  await search.press('ArrowDown');
  await expect(page.getByRole('listbox', { name: 'Projects' }).getByRole('option', { selected: true })).toHaveCount(1);
  await search.press('Escape');
  await expect(search).toBeHidden();
  await expect(projectButton(page)).toBeFocused();
});

test('switching region updates the URL and the session', async ({ page, backend }) => {
  test.skip(backend.regions.length < 2, `${backend.name} has one region (${backend.regions.join(', ')}): nothing to switch to`);
  const region = page.getByRole('banner').getByRole('combobox', { name: 'Region' });
  await region.selectOption('RegionTwo');
  await expect(page).toHaveURL(/\?region=RegionTwo$/);
  const session = page.getByRole('region', { name: 'Session' });
  await expect(session).toContainText('RegionTwo');
  await page.reload();
  await expect(region).toHaveValue('RegionTwo');
  await expect(session).toContainText('RegionTwo');
});

test('a section whose service is missing says it is not available', async ({ browser, backend }) => {
  test.skip(backend.name !== 'demo', 'needs the lite stack (a demo cloud without object storage), which exists for the demo project only');
  test.slow(); // a fresh login on the second stack
  // The second demo stack has no object storage in its catalog.
  const context = await browser.newContext({ baseURL: LITE_URL, storageState: LOGGED_OUT });
  const page = await context.newPage();
  await page.goto('/login');
  await logIn(page, 'demo', 'demo');
  await expect(page).toHaveURL(PROJECT_URL);
  const nav = page.getByRole('navigation', { name: 'Services' });
  const missing = nav.getByRole('listitem').filter({ hasText: 'not in this cloud' });
  await expect(missing).toHaveCount(1);
  await missing.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Object Storage (Swift) is not available in this cloud');
  await expect(page.getByRole('heading', { name: 'What this cloud offers' })).toBeVisible();
  await expect(page).toHaveURL(PROJECT_URL);
  await context.close();
});

test('a present service shows its catalog entry', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Projects' }).click();
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('later release');
});

test('a deep link to a project the user lacks explains it', async ({ page }) => {
  const admin = await keystoneProjects('admin', 'admin');
  await page.goto(`${projectPath(admin.admin)}?region=RegionOne`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`You have no access to project ${admin.admin}`);
  await page.getByRole('link', { name: /^Go to demo/ }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
});

test('the theme toggle switches the dark class', async ({ page }) => {
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test('the user menu shows the user and roles', async ({ page }) => {
  await page.getByRole('button', { name: /User menu for demo/ }).click();
  await expect(page.getByRole('list', { name: 'Roles' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
});
