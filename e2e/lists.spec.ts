// The generic list on a laptop screen: tables fit 1440 px (UUIDs shortened with a copy button, long names cut on one
// line with a tooltip), "Loading…" until the first page (never "0 shown"), and one search box.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createServer, deleteServers, RUN } from './compute-helpers';
import { apiLogIn, backend, LOGGED_OUT, PROJECT_URL } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ timeout: 90_000 });

const prefix = `${RUN}-lists`;
// Long enough to wrap over several lines in a table cell that let it.
const long = `${prefix}-a-rather-long-instance-name-for-a-projector-demo-that-used-to-wrap`;
const older = `${prefix}-older`;
const SLOW = { timeout: 30_000 };
let serverId = '';

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  // An older instance first: a page that starts after `long` (a `?marker=` link) has it to show.
  await createServer(page, older);
  serverId = (await createServer(page, long)).id;
  await context.close();
});

test.afterAll(async ({ browser }) => {
  await deleteServers(browser, prefix);
});

/** The page after `long`: the first page comes with the HTML, a later one (as a shared link opens it) is loaded here. */
const laterPage = () => `instances?marker=${serverId}`;

async function open(page: Page, slug: string, heading: string) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const home = new URL(page.url());
  const [path, query = ''] = slug.split('?');
  const search = new URLSearchParams(home.search);
  for (const [k, v] of new URLSearchParams(query)) search.set(k, v);
  await page.goto(`${home.pathname}/${path}?${search}`);
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** The table is no wider than the box around it: nothing to scroll sideways. */
async function expectFits(table: Locator) {
  const { width, room } = await table.evaluate((t) => ({ width: t.scrollWidth, room: t.parentElement!.clientWidth }));
  expect(width, `table ${width}px in ${room}px`).toBeLessThanOrEqual(room);
}

const instanceRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('the instances table fits 1440 px: a long name stays on one line, the ID is short with a working copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, 'instances', 'Instances');
  const row = instanceRow(page, long);
  await expect(row).toBeVisible(SLOW);
  const table = page.getByRole('table', { name: 'Instances' });
  await expectFits(table);

  // The name: one line, cut with an ellipsis, the whole name as its tooltip (and still the link's name).
  const link = row.getByRole('link', { name: long, exact: true });
  await expect(link).toHaveAttribute('title', long);
  const lines = await link.evaluate((a) => a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight));
  expect(lines).toBeLessThan(1.5);
  expect(await link.evaluate((a) => a.scrollWidth > a.clientWidth)).toBe(true);

  // The ID column (hidden by default): 8 characters shown, the whole UUID in the tooltip and on the clipboard.
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('group', { name: 'Visible columns' }).getByLabel('ID', { exact: true }).check();
  await page.keyboard.press('Escape');
  const id = row.locator(`span[title="${serverId}"]`);
  await expect(id).toBeVisible();
  const shown = await id.evaluate((s) => ({ visible: s.clientWidth, whole: s.scrollWidth, char: parseFloat(getComputedStyle(s).fontSize) }));
  expect(shown.visible).toBeLessThan(shown.whole);
  // 9ch of monospace: the first 8 characters and the ellipsis.
  expect(shown.visible).toBeLessThan(shown.char * 9);
  await row.getByRole('button', { name: `Copy ID of ${long}` }).click();
  await expect(row.getByRole('button', { name: `Copy ID of ${long}` })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(serverId);
});

test('the images table fits 1440 px', async ({ page }) => {
  await open(page, 'images', 'Images');
  const table = page.getByRole('table', { name: 'Images' });
  await expect(table.getByRole('link').first()).toBeVisible(SLOW);
  await expectFits(table);
  // Another project's images show their owner's project ID short, with the whole ID as the tooltip.
  const owners = table.locator('td span[title]').filter({ hasText: /^[0-9a-f]{32}$/ });
  for (const owner of await owners.all()) {
    expect(await owner.evaluate((s) => s.scrollWidth > s.clientWidth)).toBe(true);
    await expect(owner).toHaveAttribute('title', /^[0-9a-f]{32}$/);
  }
});

test.describe('as admin', () => {
  test.use({ storageState: LOGGED_OUT });

  test('the nodes table fits 1440 px and shows an instance UUID short', async ({ page, baseURL, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(await apiLogIn(page, baseURL, 'admin', 'admin'));
    await expect(page).toHaveURL(PROJECT_URL);
    const home = new URL(page.url());
    await page.goto(`${home.pathname}/nodes${home.search}`);
    await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Nodes' });
    await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('status')).toHaveText(/shown/, SLOW);
    await expectFits(table);
    if (backend().name === 'demo') {
      // The demo cloud's deployed node carries an instance: its UUID is shortened, and the copy button copies it whole.
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'bm-active-0', exact: true }) });
      const uuid = row.locator('span[title]').filter({ hasText: /^[0-9a-f-]{36}$/ });
      const whole = (await uuid.getAttribute('title'))!;
      expect(await uuid.evaluate((s) => s.scrollWidth > s.clientWidth)).toBe(true);
      await row.getByRole('button', { name: 'Copy Instance UUID of bm-active-0' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(whole);
    }
  });
});

/** Every text the list's count has shown since the page started, in order. */
async function recordCounts(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __counts: string[] }).__counts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('nav[aria-label="Pages"] [role="status"]')?.textContent;
      if (text != null && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}
const counts = (page: Page) => page.evaluate(() => (window as unknown as { __counts: string[] }).__counts);

test('a list says "Loading…" until its first page arrives, never "0 shown"', async ({ page }) => {
  await recordCounts(page);
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/os/compute/servers/detail**', async (route) => {
    await held;
    await route.continue();
  });
  await open(page, laterPage(), 'Instances');
  const status = page.getByRole('navigation', { name: 'Pages' }).getByRole('status');
  await expect(status).toHaveText('Loading…');
  release();
  await expect(instanceRow(page, older)).toBeVisible(SLOW);
  await expect(status).toHaveText(/^[1-9]\d* instances? shown/);
  const seen = await counts(page);
  expect(seen[0]).toBe('Loading…');
  expect(seen.filter((s) => /^0\b/.test(s))).toEqual([]);
});

test('a list that fails to load shows the error, not "0 shown"', async ({ page }) => {
  await recordCounts(page);
  await page.route('**/api/os/compute/servers/detail**', (route) =>
    route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ forbidden: { code: 403, message: 'Policy does not allow os_compute_api:servers:detail to be performed.' } }) }),
  );
  await open(page, laterPage(), 'Instances');
  await expect(page.getByText('Could not load instances')).toBeVisible(SLOW);
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('status')).toHaveText('');
  expect((await counts(page)).filter((s) => /shown/.test(s))).toEqual([]);
});

test('one search box filters the page as you type and, on Enter, asks the server by name', async ({ page, browser }) => {
  await open(page, 'instances', 'Instances');
  await expect(instanceRow(page, long)).toBeVisible(SLOW);
  const bar = page.getByRole('search', { name: 'Filter instances' });
  // One text box: no separate name filter, no Apply button for it.
  await expect(bar.getByRole('searchbox')).toHaveCount(1);
  await expect(bar.getByRole('textbox')).toHaveCount(0);
  await expect(bar.getByLabel('Name filter')).toHaveCount(0);
  await expect(bar.getByRole('button', { name: 'Apply filters' })).toHaveCount(0);

  const search = bar.getByRole('searchbox', { name: 'Search' });
  const dataRows = page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ has: page.getByRole('link') });
  // Typing filters the rows on the page at once.
  await search.fill(`${prefix}-a-rather`);
  await expect(dataRows).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]q=/);
  // Enter: Nova filters by name, so later pages count too; the link keeps it.
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]name=${prefix}-a-rather(&|$)`));
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(dataRows).toHaveCount(1);
  await expect(instanceRow(page, long)).toBeVisible();

  const context = await browser.newContext({ storageState: backend().storageState, viewport: { width: 1440, height: 900 } });
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(instanceRow(other, long)).toBeVisible(SLOW);
  await expect(other.getByRole('search', { name: 'Filter instances' }).getByRole('searchbox', { name: 'Search' })).toHaveValue(`${prefix}-a-rather`);
  await context.close();

  // Emptying the box drops the name filter too.
  await search.fill('');
  await expect(page).not.toHaveURL(/[?&]name=/);
});
