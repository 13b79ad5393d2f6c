import { expect, test, type Browser, type Page } from '@playwright/test';
import { deleteServers, instanceRow, launch, openSection, RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// One flow, step by step: the volume, its attachment, snapshot and copy depend on each other.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const prefix = `${RUN}-vol`;
const vm = `${prefix}-vm`;
const [vm1, vm2] = [`${vm}-1`, `${vm}-2`];
const vol = `${prefix}-data`;
const snap = `${vol}-snap`;
const copy = `${prefix}-copy`;
const SLOW = { timeout: 60_000 };

async function openStorage(page: Page, slug: 'volumes' | 'snapshots') {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: slug === 'volumes' ? 'Volumes' : 'Snapshots', exact: true }).click();
  await expect(page.getByRole('heading', { name: slug === 'volumes' ? 'Volumes' : 'Volume snapshots', level: 1 })).toBeVisible();
}

const row = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

/** The status badge beside a detail page's heading. */
const headingStatus = (page: Page) => page.locator('div:has(> h1) [data-tone]');

async function openVolume(page: Page, name: string) {
  await openStorage(page, 'volumes');
  await row(page, 'Volumes', name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

async function openInstanceVolumes(page: Page, name: string) {
  await openSection(page, 'Instances');
  await instanceRow(page, name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Volumes' }).click();
  return page.getByRole('tabpanel');
}

/** Deletes what this run left behind (snapshots first: Cinder keeps a volume that has snapshots). */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  const headers = { 'X-Stratus-CSRF': '1', Origin: backend().baseURL };
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const snaps = (await (await page.request.get('/api/os/volumev3/snapshots')).json()) as { snapshots?: { id: string; name: string | null }[] };
    for (const s of snaps.snapshots ?? []) if (s.name?.startsWith(prefix)) await page.request.delete(`/api/os/volumev3/snapshots/${s.id}`, { headers });
    const vols = (await (await page.request.get('/api/os/volumev3/volumes/detail')).json()) as { volumes?: { id: string; name: string | null; attachments: { server_id: string }[] }[] };
    for (const v of vols.volumes ?? []) {
      if (!v.name?.startsWith(prefix)) continue;
      for (const a of v.attachments) await page.request.delete(`/api/os/compute/servers/${a.server_id}/os-volume_attachments/${v.id}`, { headers });
    }
    await deleteServers(browser, prefix);
    // Detaches and snapshot deletes finish asynchronously: retry the volume deletes until none is left.
    await expect
      .poll(
        async () => {
          const body = (await (await page.request.get('/api/os/volumev3/volumes/detail')).json()) as { volumes?: { id: string; name: string | null }[] };
          const left = body.volumes?.filter((v) => v.name?.startsWith(prefix)) ?? [];
          for (const v of left) await page.request.delete(`/api/os/volumev3/volumes/${v.id}`, { headers });
          return left.length;
        },
        { timeout: 90_000, intervals: [1_000, 2_000] },
      )
      .toBe(0);
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await cleanUp(browser);
});

test('create a 2 GiB volume (size 0 is refused in the form) with the quota shown', async ({ page }) => {
  await launch(page, vm, { count: 2 });
  await openStorage(page, 'volumes');
  await page.getByRole('link', { name: 'Create volume' }).click();
  const form = page.getByRole('form', { name: 'Create volume' });
  await expect(page.getByRole('region', { name: 'Remaining quota' })).toContainText(/GiB of \d+ GiB left|unlimited/);
  await form.getByLabel('Name', { exact: true }).fill(vol);
  await form.getByLabel('Size (GiB)').fill('0');
  await form.getByRole('button', { name: 'Create volume' }).click();
  await expect(form.getByText('The size must be at least 1 GiB')).toBeVisible();
  await expect(page).toHaveURL(/\/volumes\/new/);
  await form.getByLabel('Size (GiB)').fill('2');
  await expect(form.getByLabel('Volume type')).toBeVisible();
  await expect(form.getByLabel('Availability zone')).toBeVisible();
  await expect(form.getByText(`openstack volume create --size 2 ${vol}`)).toBeVisible();
  await form.getByRole('button', { name: 'Create volume' }).click();
  await expect(page).toHaveURL(/\/volumes\?region=/);
  const r = row(page, 'Volumes', vol);
  await expect(r).toContainText('available', SLOW);
  await expect(r).toContainText('2 GiB');
});

test('attach it to an instance and see in-use on the volume and instance pages', async ({ page }) => {
  for (const n of [vm1, vm2]) {
    await openSection(page, 'Instances');
    await expect(instanceRow(page, n)).toContainText('ACTIVE', SLOW);
  }
  await openVolume(page, vol);
  const toolbar = page.getByRole('toolbar', { name: 'Volume actions' });
  await toolbar.getByRole('button', { name: 'Attach' }).click();
  const form = page.getByRole('form', { name: 'Attach volume' });
  await form.getByRole('button', { name: 'Attach volume' }).click();
  await expect(form.getByText('Choose the instance to attach it to')).toBeVisible();
  await form.getByLabel('Instance').selectOption({ label: `${vm1} (ACTIVE)` });
  await form.getByRole('button', { name: 'Attach volume' }).click();
  await expect(headingStatus(page)).toHaveText('in-use', SLOW);
  await expect(page.getByRole('tabpanel')).toContainText(vm1);

  await openStorage(page, 'volumes');
  await expect(row(page, 'Volumes', vol)).toContainText('in-use');
  await expect(row(page, 'Volumes', vol)).toContainText(vm1);

  const panel = await openInstanceVolumes(page, vm1);
  const attached = panel.getByRole('table', { name: 'Attached volumes' }).getByRole('row').filter({ hasText: vol });
  await expect(attached).toContainText('in-use', SLOW);
  await expect(attached).toContainText(/\/dev\/\w+/);
});

test('attaching an in-use volume to another instance is refused with a clear error', async ({ page }) => {
  const panel = await openInstanceVolumes(page, vm2);
  const form = panel.getByRole('form', { name: 'Attach a volume' });
  await form.getByLabel('Volume to attach').selectOption({ label: `${vol} (2 GiB, in-use)` });
  await form.getByRole('button', { name: 'Attach volume' }).click();
  await expect(form.getByText(`${vol} is in use (attached elsewhere): detach it first`)).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Attached volumes' })).toContainText('No volumes attached.');
});

test('detach from the instance page', async ({ page }) => {
  const panel = await openInstanceVolumes(page, vm1);
  await panel.getByRole('button', { name: `Detach ${vol}` }).click();
  await expect(panel.getByRole('table', { name: 'Attached volumes' })).toContainText('No volumes attached.', SLOW);
  await openVolume(page, vol);
  await expect(headingStatus(page)).toHaveText('available', SLOW);
});

test('extend to 3 GiB (a smaller size is refused in the form)', async ({ page }) => {
  await openVolume(page, vol);
  await page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Extend' }).click();
  const form = page.getByRole('form', { name: 'Extend volume' });
  await form.getByLabel('New size (GiB)').fill('1');
  await form.getByRole('button', { name: 'Extend volume' }).click();
  await expect(form.getByText('The new size must be larger than the current 2 GiB')).toBeVisible();
  await form.getByLabel('New size (GiB)').fill('3');
  await form.getByRole('button', { name: 'Extend volume' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('tabpanel')).toContainText('3 GiB', SLOW);
  await expect(headingStatus(page)).toHaveText('available', SLOW);
});

test('mark it bootable: the launch form then boots from the volume, no image', async ({ page }) => {
  await openVolume(page, vol);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  const toolbar = page.getByRole('toolbar', { name: 'Volume actions' });
  await expect(toolbar.getByRole('link', { name: 'Launch instance' })).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Mark bootable' }).click();
  await expect(toolbar.getByRole('button', { name: 'Mark not bootable' })).toBeVisible();
  await toolbar.getByRole('link', { name: 'Launch instance' }).click();
  const form = page.getByRole('form', { name: 'Launch instance' });
  await expect(form.getByText(`Boot from volume ${id}`)).toBeVisible();
  await expect(form.getByLabel('Image', { exact: true })).toHaveCount(0);
  await form.getByLabel('Name', { exact: true }).fill(`${prefix}-boot`);
  await expect(form.getByText(new RegExp(`openstack server create --volume ${id} --flavor`))).toBeVisible();
  await openVolume(page, vol);
  await page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Mark not bootable' }).click();
  await expect(page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Mark bootable' })).toBeVisible();
});

test('snapshot it, then create a volume from the snapshot', async ({ page }) => {
  await openVolume(page, vol);
  await page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Create snapshot' }).click();
  const form = page.getByRole('form', { name: 'Create volume snapshot' });
  await form.getByLabel('Snapshot name').fill(snap);
  await form.getByRole('button', { name: 'Create snapshot' }).click();
  await page.getByRole('status').getByRole('link', { name: snap }).click();
  await expect(page.getByRole('heading', { name: snap, level: 1 })).toBeVisible();
  await expect(headingStatus(page)).toHaveText('available', SLOW);

  await page.getByRole('toolbar', { name: 'Volume snapshot actions' }).getByRole('link', { name: 'Create volume' }).click();
  const create = page.getByRole('form', { name: 'Create volume' });
  await expect(create.getByLabel('Snapshot', { exact: true })).not.toHaveValue('');
  await expect(create.getByLabel('Size (GiB)')).toHaveValue('3');
  // Smaller than the snapshot: caught before Cinder.
  await create.getByLabel('Size (GiB)').fill('1');
  await expect(create.getByText('At least 3 GiB: the size of the snapshot')).toBeVisible();
  await create.getByLabel('Size (GiB)').fill('3');
  await create.getByLabel('Name', { exact: true }).fill(copy);
  await create.getByRole('button', { name: 'Create volume' }).click();
  await expect(page).toHaveURL(/\/volumes\?region=/);
  await expect(row(page, 'Volumes', copy)).toContainText('available', SLOW);
  await expect(row(page, 'Volumes', copy)).toContainText('3 GiB');

  await openStorage(page, 'snapshots');
  await expect(row(page, 'Volume snapshots', snap)).toContainText(vol);
});

test('delete is refused while the volume has snapshots; then delete all', async ({ page }) => {
  await openVolume(page, vol);
  await page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete volume?' }).getByRole('button', { name: 'Delete' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Delete failed' });
  await expect(refusal).toContainText('snapshots');
  await expect(refusal).toContainText('HTTP 400');
  await expect(headingStatus(page)).toHaveText('available');

  await openStorage(page, 'snapshots');
  const s = row(page, 'Volume snapshots', snap);
  await s.getByRole('button', { name: `Actions for ${snap}` }).click();
  await s.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(s).toHaveCount(0, SLOW);

  await openStorage(page, 'volumes');
  for (const n of [vol, copy]) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
  await page.getByRole('toolbar', { name: 'Volumes actions' }).getByRole('button', { name: 'Delete selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 volumes?' });
  for (const n of [vol, copy]) await expect(dialog.getByRole('list', { name: 'Affected' })).toContainText(n);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  for (const n of [vol, copy]) await expect(row(page, 'Volumes', n)).toHaveCount(0, SLOW);
});
