// First row at the API's speed (issue 16): the first page comes with the HTML (no script needed to see it), links
// prefetch on intent rather than on load, the overview reads each quota once and no whole list, and the instance
// table has Horizon's Power state and Task columns. Timing itself is measured by `npm run bench -- first-row`.
import { expect, test, type Page, type Request } from '@playwright/test';
import { createServer, deleteServers, RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

const prefix = `${RUN}-firstrow`;

async function home(page: Page): Promise<URL> {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  return new URL(page.url());
}

const rscPrefetches = (requests: Request[]) => requests.filter((r) => r.headers()['next-router-prefetch'] === '1' || (r.url().includes('_rsc=') && r.resourceType() === 'fetch'));

test.afterAll(async ({ browser }) => {
  await deleteServers(browser, prefix);
});

test('the instances page shows its first rows with JavaScript off: the page arrives with them', async ({ browser, page }) => {
  const h = await home(page);
  const name = `${prefix}-ssr`;
  await createServer(page, name);
  const url = `${h.pathname}/instances${h.search}`;
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL, javaScriptEnabled: false });
  try {
    const bare = await context.newPage();
    await bare.goto(url);
    const table = bare.getByRole('table', { name: 'Instances' });
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Power state' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Task' })).toBeVisible();
  } finally {
    await context.close();
  }

  // With scripts on, the page does not ask again for the page it came with: no servers/detail call on load.
  const listCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/os/compute/servers/detail') listCalls.push(r.url());
  });
  await page.goto(url);
  await expect(page.getByRole('table', { name: 'Instances' }).getByRole('link', { name, exact: true })).toBeVisible();
  // Counted when the rows are shown: later, the list polls while the new instance builds (a real Nova takes a while).
  // The activity panel's poll of what changed (changes-since) is not the list's page.
  const firstPage = listCalls.filter((u) => !new URL(u).searchParams.has('marker') && !new URL(u).searchParams.has('changes-since'));
  expect(firstPage, 'the first page came with the HTML').toHaveLength(0);
  await expect(page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ hasText: name })).toContainText('RUNNING', { timeout: 60_000 });
});

test('links prefetch on intent: none on load, one when the pointer rests on a sidebar link', async ({ page }) => {
  const h = await home(page);
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await page.goto(`${h.pathname}/instances${h.search}`);
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(rscPrefetches(requests).map((r) => r.url()), 'no prefetch on load').toEqual([]);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Volumes', exact: true }).hover();
  await expect.poll(() => rscPrefetches(requests).map((r) => new URL(r.url()).pathname)).toContainEqual(expect.stringMatching(/\/volumes$/));
});

test('the overview reads each quota once and only the newest page of instances and volumes', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/os/')) calls.push(`${u.pathname}${u.search}`);
  });
  await home(page);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Instances by status' })).toContainText(/in total/);
  await page.waitForLoadState('networkidle');
  const quota = calls.filter((c) => /os-quota-sets|\/quotas\/|\/limits/.test(c));
  const once = (re: RegExp) => expect(quota.filter((c) => re.test(c)), `${re} once: ${quota.join(', ')}`).toHaveLength(1);
  once(/^\/api\/os\/compute\//);
  once(/^\/api\/os\/(volumev3|block-storage|volume)\//);
  once(/^\/api\/os\/network\//);
  const lists = calls.filter((c) => /servers\/detail|\/volumes\/detail|\/volumes\?/.test(c));
  expect(lists.length).toBeGreaterThan(0);
  for (const c of lists) expect(Number(new URL(c, 'http://x').searchParams.get('limit')), c).toBeLessThanOrEqual(100);
});
