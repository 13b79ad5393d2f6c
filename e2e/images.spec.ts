import { expect, test, type Browser, type Page } from '@playwright/test';
import { backend, PROJECT_URL } from './helpers';
import { tableHydrated } from './compute-helpers';

// Serial: the flows share one uploaded image.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

const RUN = `e2e-img-${Date.now().toString(36)}`;
const name = `${RUN}-upload`;

/** A file that starts like a qcow2 image (Glance does not check the content). */
function qcow2(bytes: number): Buffer {
  const buf = Buffer.alloc(bytes, 7);
  buf.write('QFI\xfb', 0, 'latin1');
  buf.writeUInt32BE(3, 4);
  buf.writeBigUInt64BE(BigInt(64 * 1024 * 1024), 24);
  return buf;
}

let home: URL | undefined;
async function openImages(page: Page) {
  if (!home) {
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    home = new URL(page.url());
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Images', exact: true }).click();
  } else {
    await page.goto(`${home.pathname}/images${home.search}`);
  }
  await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
  await tableHydrated(page.getByRole('table', { name: 'Images' }));
}

function imageRow(page: Page, n: string) {
  return page.getByRole('table', { name: 'Images' }).getByRole('row').filter({ has: page.getByRole('link', { name: n, exact: true }) });
}

/** Slow the browser's uploads (Chromium network emulation) so the transient statuses last long enough to see. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  };
}

async function imagesNamed(page: Page, prefix: string): Promise<{ id: string; name: string }[]> {
  const res = await page.request.get('/api/os/image/v2/images?limit=1000');
  expect(res.ok()).toBeTruthy();
  const { images } = (await res.json()) as { images: { id: string; name: string | null }[] };
  return images.filter((i) => i.name?.startsWith(prefix)).map((i) => ({ id: i.id, name: i.name ?? '' }));
}

/** Delete what this run made (unprotecting first), straight through the proxy. */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const headers = { 'X-Stratus-CSRF': '1', Origin: backend().baseURL, 'X-Stratus-Project': PROJECT_URL.exec(page.url())![1] };
    for (const img of await imagesNamed(page, RUN)) {
      await page.request.patch(`/api/os/image/v2/images/${img.id}`, {
        headers: { ...headers, 'Content-Type': 'application/openstack-images-v2.1-json-patch' },
        data: JSON.stringify([{ op: 'replace', path: '/protected', value: false }]),
      });
      await page.request.delete(`/api/os/image/v2/images/${img.id}`, { headers });
    }
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => {
  await cleanUp(browser);
});

test('bad input shows field errors before anything is created', async ({ page }) => {
  await openImages(page);
  await page.getByRole('link', { name: 'Create image' }).click();
  const form = page.getByRole('form', { name: 'Create image' });
  await form.getByLabel('Min disk (GiB)').fill('-1');
  await form.getByRole('button', { name: 'Upload image' }).click();
  await expect(form.getByText('Choose an image file')).toBeVisible();
  await expect(form.getByText('Enter a name')).toBeVisible();
  await expect(form.getByText('Cannot be negative')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  // The disk format follows the file name and can be changed.
  await form.getByLabel('Image file').setInputFiles({ name: 'disk.iso', mimeType: 'application/octet-stream', buffer: Buffer.alloc(16) });
  await expect(form.getByLabel('Disk format')).toHaveValue('iso');
  await expect(form.getByLabel('Name')).toHaveValue('disk');
  await form.getByLabel('Image file').setInputFiles({ name: 'disk.vmdk', mimeType: 'application/octet-stream', buffer: Buffer.alloc(16) });
  await expect(form.getByLabel('Disk format')).toHaveValue('vmdk');
  await form.getByLabel('Disk format').selectOption('raw');
  await expect(form.getByLabel('Disk format')).toHaveValue('raw');
  await expect(form).toContainText('openstack image create --disk-format raw');
});

test('create from a URL (web-download): bad URLs are refused with Glance\'s message and leave nothing behind', async ({ page }) => {
  const fromUrl = `${RUN}-url`;
  await openImages(page);
  await page.getByRole('link', { name: 'Create image' }).click();
  const form = page.getByRole('form', { name: 'Create image' });
  // Both backends list web-download in GET v2/info/import (Glance's default), so the choice is offered.
  await form.getByRole('radio', { name: 'Import from a URL' }).check();
  await expect(form.getByLabel('Image file')).toHaveCount(0);
  await form.getByLabel('Image URL').fill('ftp://example.com/disk.img');
  await form.getByLabel('Name').fill(fromUrl);
  await form.getByRole('button', { name: 'Import image' }).click();
  await expect(form.getByText('Enter an http:// or https:// URL')).toBeVisible();
  // Glance's import filter allows ports 80 and 443 only.
  await form.getByLabel('Image URL').fill('http://127.0.0.1:9/disk.vmdk');
  await expect(form.getByLabel('Disk format')).toHaveValue('vmdk');
  await expect(form).toContainText('--import --import-method web-download --uri http://127.0.0.1:9/disk.vmdk');
  await form.getByRole('button', { name: 'Import image' }).click();
  const refused = form.getByRole('alert').filter({ hasText: 'Could not import the image' });
  await expect(refused).toContainText('URI for web-download does not pass filtering: http://127.0.0.1:9/disk.vmdk');
  await expect(refused).toContainText('HTTP 400');
  await expect.poll(async () => (await imagesNamed(page, fromUrl)).length).toBe(0);
});

test('upload a small image file and watch queued -> saving -> active', async ({ page }) => {
  await openImages(page);
  await page.getByRole('link', { name: 'Create image' }).click();
  const form = page.getByRole('form', { name: 'Create image' });
  await form.getByLabel('Image file').setInputFiles({ name: `${name}.qcow2`, mimeType: 'application/octet-stream', buffer: qcow2(1536 * 1024) });
  await expect(form.getByLabel('Disk format')).toHaveValue('qcow2');
  await expect(form.getByLabel('Name')).toHaveValue(name);
  const unthrottle = await throttleUploads(page, 512 * 1024);
  await form.getByRole('button', { name: 'Upload image' }).click();
  const upload = page.getByRole('region', { name: 'Upload' });
  await expect(upload.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible();
  const history = upload.getByRole('list', { name: 'Image status history' }).getByRole('listitem');
  await expect(history).toHaveText(['queued', '→ saving', '→ active'], { timeout: 20_000 });
  await unthrottle();
  await expect(upload.getByRole('status')).toContainText('The image is active.');
  await expect(upload.getByRole('progressbar')).toHaveCount(0);
  await openImages(page);
  const row = imageRow(page, name);
  await expect(row).toContainText('active');
  await expect(row).toContainText('qcow2');
  await expect(row).toContainText('1.5 MiB');
});

test('filters: owner (mine / public) and visibility', async ({ page }) => {
  await openImages(page);
  const table = page.getByRole('table', { name: 'Images' });
  await page.getByLabel('Owner filter').selectOption('mine');
  await expect(page).toHaveURL(/owner=mine/);
  await expect(imageRow(page, name)).toBeVisible();
  await page.getByLabel('Owner filter').selectOption('public');
  await expect(page).toHaveURL(/owner=public/);
  await expect(imageRow(page, name)).toHaveCount(0);
  await expect(table.getByRole('row').nth(1)).toContainText('public');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Visibility filter').selectOption('private');
  await expect(page).toHaveURL(/visibility=private/);
  await expect(imageRow(page, name)).toContainText('private');
  await expect(table).not.toContainText('public');
});

test('detail: properties, instances launched from it, raw JSON, and "Launch instance" preselects the image', async ({ page }) => {
  await openImages(page);
  await imageRow(page, name).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByRole('tabpanel')).toContainText(id);
  await page.getByRole('tab', { name: 'Instances' }).click();
  await expect(page.getByRole('table', { name: 'Instances from this image' })).toContainText('No instances were launched from this image.');
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Raw JSON' })).toContainText(`"id": "${id}"`);
  await page.getByRole('toolbar', { name: 'Image actions' }).getByRole('link', { name: 'Launch instance' }).click();
  const launch = page.getByRole('form', { name: 'Launch instance' });
  await expect(launch.getByLabel('Image', { exact: true })).toHaveValue(id);
});

test('cancel an upload: the unfinished image is deleted', async ({ page }) => {
  const cancelled = `${RUN}-cancel`;
  await openImages(page);
  await page.getByRole('link', { name: 'Create image' }).click();
  const form = page.getByRole('form', { name: 'Create image' });
  await form.getByLabel('Image file').setInputFiles({ name: `${cancelled}.raw`, mimeType: 'application/octet-stream', buffer: Buffer.alloc(8 * 1024 * 1024, 1) });
  await expect(form.getByLabel('Disk format')).toHaveValue('raw');
  const unthrottle = await throttleUploads(page, 256 * 1024);
  await form.getByRole('button', { name: 'Upload image' }).click();
  const upload = page.getByRole('region', { name: 'Upload' });
  await expect(upload.getByText(/KiB of 8\.0 MiB sent/)).toBeVisible();
  await upload.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(upload.getByRole('status')).toHaveText('Upload cancelled; the unfinished image was deleted.');
  await unthrottle();
  await expect.poll(async () => (await imagesNamed(page, cancelled)).length).toBe(0);
});

test('edit and protect the image, see delete refused, unprotect and delete', async ({ page }) => {
  await openImages(page);
  await imageRow(page, name).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const toolbar = page.getByRole('toolbar', { name: 'Image actions' });
  await expect(toolbar.getByRole('link', { name: 'Launch instance' })).toHaveAttribute('href', new RegExp(`/instances/new\\?image=${id}`));

  await toolbar.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Edit image' });
  // Bad input first: field errors, nothing sent.
  await form.getByLabel('Min RAM (MiB)').fill('-5');
  await form.getByLabel('Properties (one key=value a line)').fill('not a property');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Cannot be negative')).toBeVisible();
  await expect(form.getByText('Line 1: write key=value')).toBeVisible();

  await form.getByLabel('Min RAM (MiB)').fill('64');
  await form.getByLabel('Min disk (GiB)').fill('1');
  await form.getByLabel('Properties (one key=value a line)').fill('os_distro=cirros\nhw_disk_bus=virtio');
  await form.getByLabel('Protected (cannot be deleted)').check();
  await expect(form).toContainText(`openstack image set --protected --min-disk 1 --min-ram 64 --property os_distro=cirros --property hw_disk_bus=virtio ${id}`);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toHaveCount(0);

  const overview = page.getByRole('tabpanel');
  await expect(overview.getByRole('table', { name: 'Properties' })).toContainText('os_distro');
  await expect(overview.getByRole('table', { name: 'Properties' })).toContainText('virtio');
  await expect(overview).toContainText('Min RAM64 MiB');
  await expect(overview).toContainText('ProtectedYes');
  await expect(toolbar.getByRole('button', { name: 'Unprotect' })).toBeVisible();

  // Glance refuses to delete a protected image (403) and says why.
  await toolbar.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete image?' });
  await expect(dialog).toContainText('Protected images are refused');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Delete failed' });
  await expect(refused).toContainText(/protected/i);
  await expect(refused).toContainText('HTTP 403');
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  await toolbar.getByRole('button', { name: 'Unprotect' }).click();
  await expect(overview).toContainText('ProtectedNo');
  await toolbar.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete image?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This image no longer exists.')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await imagesNamed(page, name)).length).toBe(0);
});
