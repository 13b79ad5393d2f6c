// Issue 20 "every region in one list": an "All regions" list merges the rows of RegionOne and RegionTwo (a Region
// column, a region that fails shows its own error beside the other's rows, the choice in the URL), and the command
// palette finds a RegionTwo row by `region:RegionTwo name:<prefix>*`. The demo cloud has two regions, each with its
// own state; the real cloud has one, where the proxy's refusal of a region outside the catalog is checked.
import type { Page } from '@playwright/test';
import { violations } from './axe';
import { RUN } from './compute-helpers';
import { expect, test } from './fixtures';
import { PROJECT_URL } from './helpers';
import { mutationHeaders, withApi } from './proxy-helpers';

test.describe.configure({ timeout: 90_000 });

const PREFIX = `${RUN}-regions`;
const NETWORKS = '/api/os/network/v2.0/networks';

/** This run's networks in a region, straight from the proxy. */
async function mine(page: Page, region: string): Promise<{ id: string; name: string }[]> {
  const res = await page.request.get(`${NETWORKS}?fields=id&fields=name`, { headers: { 'X-Stratus-Region': region } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { networks: { id: string; name: string }[] }).networks.filter((n) => n.name.startsWith(PREFIX));
}

async function createNetwork(page: Page, region: string, name: string): Promise<string> {
  const res = await page.request.post(NETWORKS, { headers: { ...mutationHeaders(), 'X-Stratus-Region': region }, data: { network: { name } } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { network: { id: string } }).network.id;
}

test.afterAll(async ({ browser }) => {
  await withApi(browser, async (page) => {
    for (const region of ['RegionOne', 'RegionTwo']) {
      const res = await page.request.get(`${NETWORKS}?fields=id`, { headers: { 'X-Stratus-Region': region } });
      // One region on the real cloud: RegionTwo answers 400 there, and nothing of this spec is in it.
      if (res.status() !== 200) continue;
      for (const n of await mine(page, region)) await page.request.delete(`${NETWORKS}/${n.id}`, { headers: { ...mutationHeaders(), 'X-Stratus-Region': region } });
    }
  });
});

async function networksPage(page: Page): Promise<URL> {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Networks', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Networks', level: 1 })).toBeVisible();
  return new URL(page.url());
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('"All regions" merges both regions\' rows with their region, survives a reload, and a failing region shows its own error', async ({ page, backend }) => {
  test.skip(backend.regions.length < 2, `${backend.name} has one region: nothing to merge`);
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const one = `${PREFIX}-one`;
  const two = `${PREFIX}-two`;
  await createNetwork(page, 'RegionOne', one);
  const twoId = await createNetwork(page, 'RegionTwo', two);

  await networksPage(page);
  // One region at a time by default: the RegionTwo network is not in RegionOne's list.
  await expect(row(page, one)).toBeVisible();
  await expect(row(page, two)).toHaveCount(0);
  // The rows come with the HTML: the box works once the page's scripts run (the table stops being busy).
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('checkbox', { name: 'All regions' }).check();
  await expect(page).toHaveURL(/[?&]regions=all/);
  await expect(page.getByRole('columnheader', { name: 'Region' })).toBeVisible();
  await expect(row(page, one)).toContainText('RegionOne');
  await expect(row(page, two)).toContainText('RegionTwo');
  // The row's link goes to its own region.
  await expect(row(page, two).getByRole('link', { name: two, exact: true })).toHaveAttribute('href', new RegExp(`/networks/${twoId}\\?region=RegionTwo$`));
  expect(await violations(page)).toEqual([]);

  // A pasted link lands on the same view.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'All regions' })).toBeChecked();
  await expect(row(page, two)).toContainText('RegionTwo');
  await expect(row(page, one)).toContainText('RegionOne');

  // RegionTwo down: its error shows under its name, RegionOne's rows stay.
  await page.route(`**${NETWORKS}**`, async (route) => {
    if ((await route.request().headerValue('x-stratus-region')) !== 'RegionTwo') return route.fallback();
    return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { status: 503, message: 'RegionTwo network service is down', service: 'network' } }) });
  });
  await page.reload();
  const failure = page.getByRole('alert').filter({ hasText: 'RegionTwo: could not load networks' });
  await expect(failure).toContainText('RegionTwo network service is down');
  await expect(row(page, one)).toContainText('RegionOne');
  await expect(row(page, two)).toHaveCount(0);
  await page.unroute(`**${NETWORKS}**`);
  await page.getByRole('button', { name: 'Retry RegionTwo' }).click();
  await expect(row(page, two)).toContainText('RegionTwo');
  await expect(failure).toHaveCount(0);
});

test('the palette finds a row by region and name glob, names its region, and opens it there', async ({ page, backend }) => {
  // RegionTwo on the demo cloud (a RegionOne network of the same prefix must not be offered); the real cloud's one region.
  const region = backend.regions.at(-1)!;
  const several = backend.regions.length > 1;
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const name = `${PREFIX}-palette`;
  const id = await createNetwork(page, region, name);
  if (several) await createNetwork(page, 'RegionOne', `${PREFIX}-palette-one`);

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const box = palette.getByRole('combobox');
  // A query it cannot read says what to write instead.
  await box.fill('colour:red');
  await expect(palette).toContainText('Unknown field “colour”');
  await box.fill(`region:${region} name:${PREFIX}-palette*`);
  const networks = palette.getByRole('group', { name: 'Networks' });
  const option = networks.getByRole('option', { name: new RegExp(`^${name}`) });
  await expect(option).toHaveCount(1);
  // Only that region was asked: the other region's network of the same prefix is not offered.
  await expect(networks.getByRole('option')).toHaveCount(1);
  if (several) await expect(option).toContainText(region);
  expect(await violations(page)).toEqual([]);
  await option.click();
  await expect(page).toHaveURL(new RegExp(`/networks/${id}\\?region=${region}$`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Region' })).toHaveValue(region);
});

test('the proxy refuses a region outside the token\'s catalog, and a one-region cloud offers no "All regions"', async ({ page, backend }) => {
  await networksPage(page);
  const res = await page.request.get(NETWORKS, { headers: { 'X-Stratus-Region': 'NoSuchRegion' } });
  expect(res.status()).toBe(400);
  expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Region "NoSuchRegion" is not in this cloud\'s catalog');
  await expect(page.getByRole('checkbox', { name: 'All regions' })).toHaveCount(backend.regions.length > 1 ? 1 : 0);
});
