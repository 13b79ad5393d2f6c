import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { openSection, RUN } from './compute-helpers';

test.describe.configure({ timeout: 60_000 });

const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINsv3SgUWKn+OKDmzWLS/ZJflhwjRWU9lcjOfTno0S1A e2e@stratus';

function keyRow(page: import('@playwright/test').Page, name: string) {
  return page.getByRole('table', { name: 'Key pairs' }).getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
}

async function deleteKey(page: import('@playwright/test').Page, name: string) {
  const row = keyRow(page, name);
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await row.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete key pair?' });
  await expect(dialog).toContainText(name);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
}

test('create a key pair, download the private key once, delete it', async ({ page }) => {
  const name = `${RUN}-key`;
  await openSection(page, 'Key Pairs');
  await page.getByRole('button', { name: 'Create key pair' }).click();
  const form = page.getByRole('form', { name: 'Create key pair' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create key pair' }).click();
  const offer = page.getByRole('alert').filter({ hasText: 'shown only once' });
  await expect(offer).toContainText(name);
  const downloading = page.waitForEvent('download');
  await offer.getByRole('button', { name: 'Download private key' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe(`${name}.pem`);
  expect(fs.readFileSync(await file.path(), 'utf8')).toContain('PRIVATE KEY');
  // Offered exactly once.
  await expect(offer).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download private key' })).toHaveCount(0);
  await expect(keyRow(page, name)).toBeVisible();
  await deleteKey(page, name);
});

test('import a public key, and a bad key is refused in the form', async ({ page }) => {
  const name = `${RUN}-imported`;
  await openSection(page, 'Key Pairs');
  await page.getByRole('button', { name: 'Import public key' }).click();
  const form = page.getByRole('form', { name: 'Import public key' });
  await form.getByRole('button', { name: 'Import key' }).click();
  await expect(form.getByText('Enter a name')).toBeVisible();
  await form.getByLabel('Name').fill(name);
  await form.getByLabel(/Public key/).fill('not a key');
  await form.getByRole('button', { name: 'Import key' }).click();
  await expect(form.getByText(/Paste an OpenSSH public key/)).toBeVisible();
  await form.getByLabel(/Public key/).fill(PUBLIC_KEY);
  await form.getByRole('button', { name: 'Import key' }).click();
  await expect(keyRow(page, name)).toBeVisible();
  await deleteKey(page, name);
});
