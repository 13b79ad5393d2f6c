import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// Swift needs no data plane: every flow here runs on the demo cloud and on real OpenStack alike.
test.describe.configure({ timeout: 90_000 });

const csrf = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

/** Delete every container (and its objects) whose name starts with this run's prefix, straight through the proxy. */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    const list = await page.request.get(`/api/os/object-store?format=json&prefix=${encodeURIComponent(RUN)}`);
    if (!list.ok()) return;
    for (const c of (await list.json()) as { name: string }[]) {
      const objects = await page.request.get(`/api/os/object-store/${encodeURIComponent(c.name)}?format=json`);
      for (const o of objects.ok() ? ((await objects.json()) as { name: string }[]) : []) {
        await page.request.delete(`/api/os/object-store/${encodeURIComponent(c.name)}/${o.name.split('/').map(encodeURIComponent).join('/')}`, { headers: csrf() });
      }
      await page.request.delete(`/api/os/object-store/${encodeURIComponent(c.name)}`, { headers: csrf() });
    }
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => cleanUp(browser));

async function openContainers(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Containers', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
}

function containerRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Containers' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function createContainer(page: Page, name: string, access: 'Private' | 'Public read' = 'Private') {
  await page.getByRole('button', { name: 'Create container' }).click();
  const form = page.getByRole('form', { name: 'Create container' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('radio', { name: new RegExp(`^${access}`) }).check();
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form).toHaveCount(0);
  await expect(containerRow(page, name)).toBeVisible();
}

async function upload(page: Page, folder: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByRole('button', { name: 'Upload files' }).click();
  const form = page.getByRole('form', { name: 'Upload files' });
  await form.getByLabel('Files').setInputFiles(files);
  await form.getByLabel('Folder').fill(folder);
  await form.getByRole('button', { name: 'Upload' }).click();
  const uploads = form.getByRole('list', { name: 'Uploads' });
  await expect(uploads.getByRole('listitem')).toHaveCount(files.length);
  await expect(uploads.getByText('Uploaded', { exact: true })).toHaveCount(files.length);
  await form.getByRole('button', { name: 'Close' }).click();
}

function objectsTable(page: Page) {
  return page.getByRole('table', { name: 'Objects' });
}

test('create a container, upload two files into a pseudo-folder, download one and compare bytes, delete them and the container', async ({ page }) => {
  const name = `${RUN}-box`;
  const alpha = Buffer.from(`alpha ${Date.now()}\n${'x'.repeat(5000)}\n`);
  const beta = Buffer.from([0, 1, 2, 3, 254, 255, 10, 13]);
  await openContainers(page);
  await createContainer(page, name);
  await expect(page.getByText(`openstack container list --long`)).toBeVisible();

  await containerRow(page, name).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(objectsTable(page)).toContainText('This container is empty');
  await expect(page.getByRole('region', { name: 'Container details' })).toContainText('Private');

  await upload(page, 'docs/2024', [
    { name: 'alpha.txt', mimeType: 'text/plain', buffer: alpha },
    { name: 'beta.bin', mimeType: 'application/octet-stream', buffer: beta },
  ]);
  // At the top level only the pseudo-folder shows.
  await objectsTable(page).getByRole('link', { name: 'Folder docs' }).click();
  await expect(page).toHaveURL(/prefix=docs%2F/);
  await objectsTable(page).getByRole('link', { name: 'Folder 2024' }).click();
  await expect(page.getByRole('navigation', { name: 'Folder path' })).toContainText('2024');
  await expect(objectsTable(page).getByRole('checkbox')).toHaveCount(2);

  // Metadata from a HEAD: content type and the MD5 ETag.
  await objectsTable(page).getByRole('button', { name: 'alpha.txt', exact: true }).click();
  const meta = page.getByRole('region', { name: 'Metadata of docs/2024/alpha.txt' });
  await expect(meta).toContainText(createHash('md5').update(alpha).digest('hex'));
  await expect(meta).toContainText('text/plain');
  await expect(meta).toContainText('openstack object show');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download docs/2024/beta.bin' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('beta.bin');
  expect(fs.readFileSync(await file.path()).equals(beta)).toBe(true);

  await objectsTable(page).getByRole('checkbox', { name: 'Select docs/2024/alpha.txt' }).check();
  await objectsTable(page).getByRole('checkbox', { name: 'Select docs/2024/beta.bin' }).check();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 objects?' });
  await expect(dialog).toContainText('docs/2024/beta.bin');
  await expect(dialog).toContainText('openstack object delete');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(objectsTable(page)).toContainText('This folder is empty');

  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('link', { name: 'Containers' }).click();
  await containerRow(page, name).getByRole('button', { name: `Delete container ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete container?' });
  await expect(confirm).toContainText(`openstack container delete ${name}`);
  await confirm.getByRole('button', { name: 'Delete container' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted container ${name}.` })).toBeVisible();
  await expect(containerRow(page, name)).toHaveCount(0);
});

test('bad input: names are checked, a non-empty container is refused, "empty and delete" removes it with progress', async ({ page }) => {
  const name = `${RUN}-full`;
  await openContainers(page);
  await page.getByRole('button', { name: 'Create container' }).click();
  const form = page.getByRole('form', { name: 'Create container' });
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByText('Enter a name')).toBeVisible();
  await form.getByLabel('Name').fill('a/b');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByText('cannot contain "/"')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await createContainer(page, name);
  // Creating it again would silently succeed in Swift (202): the form says it exists.
  await page.getByRole('button', { name: 'Create container' }).click();
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByText(`A container named ${name} already exists`)).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  await containerRow(page, name).getByRole('link', { name }).click();
  await upload(page, '', ['one', 'two', 'three'].map((n) => ({ name: `${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${n}\n`) })));
  await expect(objectsTable(page).getByRole('checkbox')).toHaveCount(3);
  // An object name the proxy cannot address is refused before uploading.
  await page.getByRole('button', { name: 'Upload files' }).click();
  const up = page.getByRole('form', { name: 'Upload files' });
  await up.getByLabel('Files').setInputFiles({ name: 'me@host.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await up.getByRole('button', { name: 'Upload' }).click();
  await expect(up.getByText(/"@".*not allowed/)).toBeVisible();
  await up.getByRole('button', { name: 'Close' }).click();

  // Large listings page with markers: two per page here.
  await page.goto(`${page.url()}&limit=2`);
  await expect(objectsTable(page).getByRole('checkbox')).toHaveCount(2);
  const pages = page.getByRole('navigation', { name: 'Object pages' });
  await pages.getByRole('button', { name: 'Next page' }).click();
  await expect(objectsTable(page).getByRole('checkbox')).toHaveCount(1);
  await expect(objectsTable(page)).toContainText('two.txt');
  await expect(pages.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await pages.getByRole('button', { name: 'Previous page' }).click();
  await expect(objectsTable(page)).toContainText('one.txt');

  await page.getByRole('navigation', { name: 'Folder path' }).getByRole('link', { name: 'Containers' }).click();
  await containerRow(page, name).getByRole('button', { name: `Delete container ${name}` }).click();
  // The list knows the container holds objects, so the first dialog offers to empty it; where Swift's count lags
  // (a real cloud's listing is eventually consistent), the plain delete is refused first and then offers it.
  const dialog = page.getByRole('dialog', { name: 'Empty and delete container?' });
  const plain = page.getByRole('dialog', { name: 'Delete container?', exact: true });
  await expect(dialog.or(plain)).toBeVisible();
  if (await plain.isVisible()) {
    await plain.getByRole('button', { name: 'Delete container' }).click();
    const refused = page.getByRole('alert', { name: 'Delete refused' });
    await expect(refused).toContainText(`Container ${name} is not empty`);
    await expect(containerRow(page, name)).toBeVisible();
    await refused.getByRole('button', { name: 'Empty and delete' }).click();
  }
  await expect(dialog).toContainText(`openstack container delete --recursive ${name}`);
  // The progress lasts a few milliseconds on a fast cloud: record what it showed as it rendered.
  await page.evaluate((n) => {
    const w = window as unknown as { __emptying?: string[] };
    const seen: string[] = (w.__emptying = []);
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>(`progress[aria-label="Objects deleted from ${n}"]`);
      if (bar && seen[seen.length - 1] !== `${bar.value}/${bar.max}`) seen.push(`${bar.value}/${bar.max}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, name);
  await dialog.getByRole('button', { name: 'Delete all objects and the container' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted container ${name} and its 3 objects.` })).toBeVisible();
  const progress = await page.evaluate(() => (window as unknown as { __emptying?: string[] }).__emptying ?? []);
  expect(progress.length, `progress seen: ${progress.join(', ')}`).toBeGreaterThan(0);
  expect(progress.at(-1)).toMatch(/^[0-3]\/3$/);
  await expect(containerRow(page, name)).toHaveCount(0);
});

test('a public-read container can be made private again', async ({ page }) => {
  const name = `${RUN}-public`;
  await openContainers(page);
  await createContainer(page, name, 'Public read');
  await containerRow(page, name).getByRole('link', { name }).click();
  const details = page.getByRole('region', { name: 'Container details' });
  await expect(details).toContainText('Public read');
  await details.getByRole('button', { name: 'Make private' }).click();
  await expect(details.getByRole('button', { name: 'Make public' })).toBeVisible();
  await expect(details).toContainText('Private');
  await page.getByRole('button', { name: 'Delete container' }).click();
  await page.getByRole('dialog', { name: 'Delete container?' }).getByRole('button', { name: 'Delete container' }).click();
  await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
  await expect(containerRow(page, name)).toHaveCount(0);
});
