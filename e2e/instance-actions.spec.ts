// Issue 19's instance actions in the browser: a server group made on its page and an instance launched into it with a
// config drive, then tags, metadata, lock with a reason, rescue, an interface attached and detached, rebuild, shelve,
// and an admin's cold migration, live migration and refused evacuation. One instance through all of it (the project's
// quota is shared with the other specs). The real test cloud has one compute host: a migration there finds no other
// host and the server stays where it is, as scripts/conformance/compute-actions.ts expects of the CLI too.
import { expect, test, type Page } from '@playwright/test';
import { deleteServers, instanceRow, openSection, RUN, tableHydrated } from './compute-helpers';
import { apiLogIn, backend, LOGGED_OUT, PROJECT_URL } from './helpers';
import { violations } from './axe';
import { mutationHeaders, withApi } from './proxy-helpers';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const SLOW = { timeout: 90_000 };
const real = () => backend().name === 'realcloud';
const name = `${RUN}-ia`;
const group = `${RUN}-ia-group`;
let serverUrl = '';

test.afterAll(async ({ browser }) => {
  await deleteServers(browser, name);
  await withApi(browser, async (page) => {
    const { server_groups } = (await (await page.request.get('/api/os/compute/os-server-groups')).json()) as { server_groups: { id: string; name: string }[] };
    for (const g of server_groups.filter((x) => x.name.startsWith(RUN))) await page.request.delete(`/api/os/compute/os-server-groups/${g.id}`, { headers: mutationHeaders() });
  });
});

const status = (page: Page) => page.locator('[data-tone]').first();
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Instance actions' });
/** The less common actions wait behind "More actions" (a disclosure in the toolbar): open it unless it is. */
async function more(page: Page) {
  const toggle = toolbar(page).getByRole('button', { name: 'More actions' });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

async function openInstance(page: Page) {
  await page.goto(serverUrl);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('create a server group with a policy', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Server Groups', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Server Groups', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Create server group' }).click();
  const form = page.getByRole('form', { name: 'Create server group' });
  await form.getByLabel('Name', { exact: true }).fill(group);
  await expect(form.getByLabel('Policy', { exact: true })).toHaveValue('anti-affinity');
  await form.getByLabel('Most members per host (optional)').fill('0');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByText('Enter a whole number of at least 1, or leave it empty.')).toBeVisible();
  await form.getByLabel('Most members per host (optional)').fill('');
  expect(await violations(page, 'server group create form')).toEqual([]);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('table', { name: 'Server Groups' }).getByRole('row').filter({ hasText: group })).toContainText('anti-affinity');
});

test('launch into the server group with a config drive', async ({ page }) => {
  await openSection(page, 'Instances');
  await page.getByRole('link', { name: 'Launch instance' }).click();
  const form = page.getByRole('form', { name: 'Launch instance' });
  await expect(form.getByLabel('Flavor', { exact: true })).not.toHaveValue('');
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Key pair', { exact: true }).selectOption({ label: 'None' });
  const groupSelect = form.getByLabel('Server group', { exact: true });
  await expect(groupSelect.locator('option', { hasText: group })).toBeAttached();
  await groupSelect.selectOption({ label: `${group} (anti-affinity)` });
  await form.getByLabel('Attach a config drive').check();
  await form.getByLabel('Scheduler hints').fill('not a hint');
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(form.getByText('Write each hint as key=value on a line of its own.')).toBeVisible();
  await form.getByLabel('Scheduler hints').fill('');
  await expect(form.getByText(/--hint group=/)).toBeVisible();
  await expect(form.getByText(/--config-drive True/)).toBeVisible();
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(page).toHaveURL(/\/instances\?region=/);
  const row = instanceRow(page, name);
  await expect(row).toContainText('ACTIVE', SLOW);
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  serverUrl = page.url();

  // The group lists its new member by name, linked to the instance.
  await page.goBack();
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Server Groups', exact: true }).click();
  await page.getByRole('table', { name: 'Server Groups' }).getByRole('link', { name: group }).click();
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
});

test('the instance has its config drive', async ({ page }) => {
  await openInstance(page);
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Raw JSON' })).toContainText('"config_drive": "True"');
});

test('tags, metadata, and a lock with its reason', async ({ page }) => {
  await openInstance(page);
  await more(page);
  await toolbar(page).getByRole('button', { name: 'Edit tags' }).click();
  const tags = page.getByRole('form', { name: 'Edit tags' });
  await tags.getByLabel('Tags').fill('a/b');
  await tags.getByRole('button', { name: 'Save' }).click();
  await expect(tags.getByText('A tag cannot contain "/".')).toBeVisible();
  await tags.getByLabel('Tags').fill('blue\ngreen');
  await tags.getByRole('button', { name: 'Save' }).click();
  await expect(tags).toHaveCount(0);
  await expect(page.getByRole('tabpanel')).toContainText('blue');

  await page.getByRole('tab', { name: 'Metadata' }).click();
  await page.getByRole('button', { name: 'Edit metadata' }).click();
  await page.getByLabel('Metadata (one key=value a line)').fill('role=web');
  await page.getByRole('button', { name: 'Save metadata' }).click();
  await expect(page.getByRole('region', { name: 'Metadata' })).toContainText('role');

  await more(page);
  await toolbar(page).getByRole('button', { name: 'Lock', exact: true }).click();
  const lock = page.getByRole('form', { name: 'Lock' });
  await lock.getByLabel('Reason').fill('maintenance');
  expect(await violations(page, 'lock form')).toEqual([]);
  await lock.getByRole('button', { name: 'Lock' }).click();
  await expect(toolbar(page).getByRole('button', { name: 'Unlock' })).toBeVisible(SLOW);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Yes: maintenance');
  await toolbar(page).getByRole('button', { name: 'Unlock' }).click();
  await more(page);
  await expect(toolbar(page).getByRole('button', { name: 'Lock', exact: true })).toBeVisible(SLOW);
});

test('rescue with a password, then unrescue', async ({ page }) => {
  await openInstance(page);
  await more(page);
  await toolbar(page).getByRole('button', { name: 'Rescue' }).click();
  const form = page.getByRole('form', { name: 'Rescue' });
  await form.getByLabel('Rescue password').fill('Rescue-Pass-1');
  await form.getByRole('button', { name: 'Rescue instance' }).click();
  await expect(status(page)).toHaveText('RESCUE', SLOW);
  await toolbar(page).getByRole('button', { name: 'Unrescue' }).click();
  await expect(status(page)).toHaveText('ACTIVE', SLOW);
});

test('attach an interface on a network, then detach it', async ({ page }) => {
  await openInstance(page);
  await page.getByRole('tab', { name: 'Interfaces' }).click();
  const table = page.getByRole('table', { name: 'Network interfaces' });
  await expect(table.getByRole('row')).toHaveCount(2, SLOW);
  await more(page);
  await toolbar(page).getByRole('button', { name: 'Attach interface' }).click();
  const form = page.getByRole('form', { name: 'Attach interface' });
  await form.getByLabel('Fixed IP address (optional)').fill('10.0.0.300');
  await form.getByRole('button', { name: 'Attach' }).click();
  await expect(form.getByText('Choose a network.')).toBeVisible();
  await expect(form.getByText('Enter an IPv4 or IPv6 address, or leave it empty.')).toBeVisible();
  await form.getByLabel('Fixed IP address (optional)').fill('');
  const net = form.getByLabel('Network', { exact: true });
  await expect(net.locator('option', { hasText: 'private' }).first()).toBeAttached();
  await net.selectOption({ label: 'private' });
  await form.getByRole('button', { name: 'Attach' }).click();
  await expect(table.getByRole('row')).toHaveCount(3, SLOW);
  const buttons = table.getByRole('button', { name: /^Detach interface / });
  await expect(buttons).toHaveCount(2);
  await buttons.last().click();
  await expect(table.getByRole('row')).toHaveCount(2, SLOW);
});

test('rebuild from an image keeps the instance', async ({ page }) => {
  await openInstance(page);
  await more(page);
  await toolbar(page).getByRole('button', { name: 'Rebuild' }).click();
  const form = page.getByRole('form', { name: 'Rebuild' });
  await expect(form.getByText('The root disk is replaced by the image')).toBeVisible();
  const image = form.getByLabel('Image', { exact: true });
  await expect(image.locator('option', { hasText: 'cirros' }).first()).toBeAttached();
  await image.selectOption({ label: (await image.locator('option', { hasText: 'cirros' }).first().textContent()) ?? 'cirros' });
  await expect(form.getByText(/openstack server rebuild --image cirros/)).toBeVisible();
  await form.getByRole('button', { name: 'Rebuild instance' }).click();
  await expect(status(page)).toHaveText('ACTIVE', SLOW);
  await page.getByRole('tab', { name: 'Action log' }).click();
  await expect(page.getByRole('table', { name: 'Action log' })).toContainText('rebuild', SLOW);
});

test('shelve, then unshelve', async ({ page }) => {
  await openInstance(page);
  await more(page);
  await toolbar(page).getByRole('button', { name: 'Shelve' }).click();
  await page.getByRole('dialog', { name: 'Shelve instance?' }).getByRole('button', { name: 'Shelve' }).click();
  await expect(status(page)).toHaveText('SHELVED_OFFLOADED', SLOW);
  await toolbar(page).getByRole('button', { name: 'Unshelve' }).click();
  await expect(status(page)).toHaveText('ACTIVE', SLOW);
});

test.describe('as admin', () => {
  test.use({ storageState: LOGGED_OUT });

  test('members see no migration forms', async ({ browser, baseURL }) => {
    const ctx = await browser.newContext({ storageState: backend().storageState, baseURL });
    try {
      const page = await ctx.newPage();
      await openInstance(page);
      await more(page);
      await expect(toolbar(page).getByRole('button', { name: 'Rebuild' })).toBeVisible();
      for (const label of ['Migrate', 'Live migrate', 'Evacuate']) await expect(toolbar(page).getByRole('button', { name: label, exact: true })).toHaveCount(0);
    } finally {
      await ctx.close();
    }
  });

  test('cold migration, live migration, and evacuate refused while the host is up', async ({ page, baseURL }) => {
    const home = await apiLogIn(page, baseURL, 'admin', 'admin');
    await page.goto(home);
    await expect(page).toHaveURL(PROJECT_URL);
    // The demo project's server, opened under the admin's own project (an admin reads any server by id).
    const mine = new URL(page.url());
    const project = mine.pathname.match(/^\/(?:demo|realcloud)\/[0-9a-f]{32}/)![0];
    const id = new URL(serverUrl).pathname.split('/').at(-1)!;
    await page.goto(`${project}/instances/${id}${mine.search}`);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

    await more(page);
    await toolbar(page).getByRole('button', { name: 'Migrate', exact: true }).click();
    const migrate = page.getByRole('form', { name: 'Migrate' });
    await expect(migrate.getByLabel('Target host')).toHaveValue('');
    expect(await violations(page, 'migrate form')).toEqual([]);
    await migrate.getByRole('button', { name: 'Migrate instance' }).click();
    if (real()) {
      // One compute host: the conductor finds no other (the action ends in Error) and puts the server back, ACTIVE
      // where it was. Until then a task runs and the next move would be refused.
      await page.getByRole('tab', { name: 'Action log' }).click();
      await expect(page.getByRole('table', { name: 'Action log' }).getByRole('row').nth(1)).toContainText(/migrate.*Error/, SLOW);
      await expect(status(page)).toHaveText('ACTIVE', SLOW);
    } else {
      await expect(status(page)).toHaveText('VERIFY_RESIZE', SLOW);
      await toolbar(page).getByRole('button', { name: 'Confirm resize' }).click();
      await expect(status(page)).toHaveText('ACTIVE', SLOW);
    }

    await more(page);
    await toolbar(page).getByRole('button', { name: 'Live migrate', exact: true }).click();
    const live = page.getByRole('form', { name: 'Live migrate' });
    await live.getByLabel('Block migration').selectOption({ label: 'Copy the disks (no shared storage)' });
    await expect(live.getByText(/--live-migration --block-migration/)).toBeVisible();
    await live.getByRole('button', { name: 'Live migrate instance' }).click();
    await expect(live).toHaveCount(0);
    await expect(status(page)).toHaveText('ACTIVE', SLOW);
    await page.getByRole('tab', { name: 'Action log' }).click();
    await expect(page.getByRole('table', { name: 'Action log' })).toContainText('live-migration', SLOW);

    await more(page);
    await toolbar(page).getByRole('button', { name: 'Evacuate', exact: true }).click();
    const evacuate = page.getByRole('form', { name: 'Evacuate' });
    await evacuate.getByRole('button', { name: 'Evacuate instance' }).click();
    await expect(evacuate.getByText('Could not evacuate the instance')).toBeVisible();
    await expect(evacuate).toContainText(/is still in use/);
    // Nova's words, then what they mean (lib/resources/explain.ts).
    await expect(evacuate).toContainText('Evacuate is for an instance whose compute host is down, and this host is still up.');
  });
});

test('delete the server group once its instance is gone', async ({ page, browser }) => {
  await deleteServers(browser, name);
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Server Groups', exact: true }).click();
  const table = page.getByRole('table', { name: 'Server Groups' });
  await tableHydrated(table);
  const row = table.getByRole('row').filter({ hasText: group });
  await row.getByRole('button', { name: `Actions for ${group}` }).click();
  await row.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete server group?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0, SLOW);
});
