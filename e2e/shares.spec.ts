import { expect, test, type Browser, type Page } from '@playwright/test';
import { violations } from './axe';
import { RUN } from './compute-helpers';
import { PROJECT_URL } from './helpers';
import { mutationHeaders, withApi } from './proxy-helpers';

// Issue 18's Manila flow, on both backends (real Manila 15 with the dummy driver: NFS with ip rules works): create an
// NFS share, add a read-only rule for a subnet's CIDR, copy the mount command, take a snapshot, extend the share, see
// the delete refused while the snapshot exists (real Manila's unfilled 403 in plain words), then delete everything.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const share = `${RUN}-share`;
const snap = `${RUN}-snap`;
const SLOW = { timeout: 60_000 };

const status = (page: Page) => page.locator('div:has(> h1) [data-tone]');
const field = (page: Page, label: string) => page.getByRole('tabpanel').locator(`dt:text-is("${label}") + dd`);
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Share actions' });

/** axe at the top of the page: scrolled, the sticky header covers the toolbar, which axe reads as too small a target. */
async function scan(page: Page, where: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return violations(page, where);
}

async function home(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
}

/** Deletes this run's snapshots, then its shares (Manila refuses a share while it has snapshots). */
const cleanUp = (browser: Browser) =>
  withApi(browser, async (page) => {
    await expect
      .poll(
        async () => {
          const { snapshots = [] } = (await (await page.request.get('/api/os/sharev2/snapshots/detail')).json()) as { snapshots?: { id: string; name: string | null; status: string }[] };
          const mine = snapshots.filter((s) => s.name?.startsWith(RUN));
          for (const s of mine) if (s.status !== 'deleting') await page.request.delete(`/api/os/sharev2/snapshots/${s.id}`, { headers: mutationHeaders() });
          const { shares = [] } = (await (await page.request.get('/api/os/sharev2/shares/detail')).json()) as { shares?: { id: string; name: string | null; status: string }[] };
          const left = shares.filter((s) => s.name?.startsWith(RUN));
          if (!mine.length) for (const s of left) if (s.status !== 'deleting') await page.request.delete(`/api/os/sharev2/shares/${s.id}`, { headers: mutationHeaders() });
          return mine.length + left.length;
        },
        { timeout: 120_000, intervals: [2_000, 3_000] },
      )
      .toBe(0);
  });

test.afterAll(async ({ browser }) => {
  test.setTimeout(150_000);
  await cleanUp(browser);
});

test('an NFS share: read-only rule for a subnet, mount command copied, snapshot, extend, delete refused then done', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await home(page);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Shares', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Shares', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Create share' }).first().click();

  // The create form: a bad size never reaches Manila; the CLI line follows the values.
  const form = page.getByRole('form', { name: 'Create share' });
  await form.getByLabel('Name').fill(share);
  await form.getByLabel('Size (GiB)').fill('0');
  await form.getByRole('button', { name: 'Create share' }).click();
  await expect(form.getByText('Enter a whole number of GiB, at least 1.')).toBeVisible();
  await form.getByLabel('Size (GiB)').fill('1');
  // The realcloud's only type has no share servers: no share network is asked for.
  await expect(form.getByLabel('Share network')).toHaveCount(0);
  await expect(form.getByText(`openstack share create --name ${share} NFS 1`)).toBeVisible();
  expect(await scan(page, 'share create form')).toEqual([]);
  await form.getByRole('button', { name: 'Create share' }).click();

  await expect(page.getByRole('heading', { name: share, level: 1 })).toBeVisible(SLOW);
  await expect(status(page)).toHaveText('available', SLOW);
  await expect(field(page, 'Protocol')).toHaveText('NFS');
  await expect(field(page, 'Size')).toHaveText('1 GiB');

  // Export locations, as Manila's driver gave them.
  await page.getByRole('tab', { name: 'Export locations' }).click();
  await expect(page.getByRole('table', { name: 'Export locations' })).toContainText(':/', SLOW);
  // The list shows them too (asked per share: Manila has no list of them).
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Shares', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: share });
  await expect(row).toContainText(':/', SLOW);
  await expect(row).toContainText('NFS');
  await row.getByRole('link', { name: share }).click();
  await expect(page.getByRole('heading', { name: share, level: 1 })).toBeVisible();

  // A read-only rule for one of the project's subnets: picking it fills in its CIDR; the state is polled to active.
  await page.getByRole('tab', { name: 'Access rules' }).click();
  const add = page.getByRole('form', { name: 'Add access rule' });
  await add.getByLabel('Address or network').fill('10.0.0.0/33');
  await add.getByRole('button', { name: 'Add access rule' }).click();
  await expect(add.getByText('Enter an IP address or a network such as 10.0.0.0/24.')).toBeVisible();
  const subnet = add.getByLabel('Subnet of this project');
  await expect(subnet.locator('option').nth(1)).toBeAttached(SLOW);
  const cidr = (await subnet.locator('option').nth(1).getAttribute('value'))!;
  await subnet.selectOption(cidr);
  await expect(add.getByLabel('Address or network')).toHaveValue(cidr);
  await add.getByLabel('Access level').selectOption('ro');
  await expect(add.getByText(`openstack share access create --access-level ro`)).toBeVisible();
  expect(await scan(page, 'access rules tab')).toEqual([]);
  await add.getByRole('button', { name: 'Add access rule' }).click();
  const rules = page.getByRole('table', { name: 'Access rules' });
  await expect(rules).toContainText(cidr);
  await expect(rules.getByRole('row').filter({ hasText: cidr })).toContainText('active', SLOW);

  // The mount command for the preferred export location and this rule, copied.
  await page.getByRole('tab', { name: 'Overview' }).click();
  const mount = page.getByRole('region', { name: 'Mount commands' });
  const command = mount.locator('code').first();
  await expect(command).toHaveText(new RegExp(`^mount -t nfs -o ro \\S+ /mnt/${share}$`), SLOW);
  await mount.getByRole('button', { name: 'Copy mount command' }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await command.textContent());

  // A snapshot, polled to available.
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  const take = page.getByRole('form', { name: 'Add share snapshot' });
  await take.getByLabel('Name').fill(snap);
  await take.getByRole('button', { name: 'Add share snapshot' }).click();
  const snapshots = page.getByRole('table', { name: 'Share snapshots' });
  await expect(snapshots.getByRole('row').filter({ hasText: snap })).toContainText('available', SLOW);
  expect(await scan(page, 'snapshots tab')).toEqual([]);

  // Revert to it (the share type allows it): the share goes reverting, then available again.
  await snapshots.getByRole('button', { name: `Revert share share snapshot ${snap}` }).click();
  const revert = page.getByRole('dialog', { name: 'Revert the share?' });
  await expect(revert).toContainText(`${share} goes back to its content at ${snap}`);
  await revert.getByRole('button', { name: 'Revert share' }).click();
  await expect(status(page)).toHaveText('available', SLOW);
  await expect(page.getByRole('alert').filter({ hasText: 'Revert share' })).toHaveCount(0);

  // Extend to 2 GiB: a smaller size is refused in the form; extending is polled back to available.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await toolbar(page).getByRole('button', { name: 'Extend' }).click();
  const extend = page.getByRole('form', { name: 'Extend' });
  await extend.getByLabel('New size (GiB)').fill('1');
  await extend.getByRole('button', { name: 'Extend' }).click();
  await expect(extend.getByText('Enter more than the current 1 GiB.')).toBeVisible();
  await extend.getByLabel('New size (GiB)').fill('2');
  await expect(extend.getByText(/openstack share extend \S+ 2/)).toBeVisible();
  await extend.getByRole('button', { name: 'Extend' }).click();
  await expect(field(page, 'Size')).toHaveText('2 GiB', SLOW);
  await expect(status(page)).toHaveText('available', SLOW);

  // Delete while the snapshot exists: the dialog names it, and Manila's refusal comes in plain words.
  await toolbar(page).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete share?' });
  await expect(dialog).toContainText(`${share} has 1 snapshot: delete them first.`);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid share' })).toContainText('Delete its snapshots first', SLOW);
  await expect(status(page)).toHaveText('available', SLOW);

  // The snapshot, then the rule, then the share.
  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await snapshots.getByRole('button', { name: `Delete share snapshot ${snap}` }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(snapshots).toContainText('No snapshots of this share.', SLOW);
  await page.getByRole('tab', { name: 'Access rules' }).click();
  await rules.getByRole('button', { name: `Remove access rule ${cidr}` }).click();
  await page.getByRole('dialog', { name: 'Remove access rule?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(rules).toContainText('No access rules', SLOW);
  await toolbar(page).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete share?' }).getByRole('button', { name: 'Delete' }).click();
  await expect
    .poll(async () => (await page.request.get(`/api/os/sharev2/shares/detail?name=${share}`).then((r) => r.json()) as { shares: unknown[] }).shares.length, { timeout: 60_000, intervals: [2_000] })
    .toBe(0);
});

test("the overview shows the project's Manila quota", async ({ page }) => {
  await home(page);
  const quota = page.getByRole('region', { name: 'Shared file systems quota' });
  await expect(quota).toContainText('Share storage', SLOW);
  await expect(quota).toContainText('Share networks');
});
