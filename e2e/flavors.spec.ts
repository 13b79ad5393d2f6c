import { expect, test } from '@playwright/test';
import { RUN } from './compute-helpers';
import { apiLogIn, backend, LOGGED_OUT, PROJECT_URL } from './helpers';

// Its own login as admin: the shared storage state is demo's.
test.use({ storageState: LOGGED_OUT });
test.describe.configure({ timeout: 60_000 });

test('everyone lists flavors; an admin creates and deletes one', async ({ page, baseURL }) => {
  test.skip(backend().name === 'realcloud', 'needs the demo cloud admin credentials');
  const home = await apiLogIn(page, baseURL, 'admin', 'admin');
  await page.goto(home);
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Flavors', exact: true }).click();
  const table = page.getByRole('table', { name: 'Flavors' });
  await expect(table).toContainText('m1.tiny');
  const name = `${RUN}-flavor`;
  await page.getByRole('button', { name: 'Create flavor' }).click();
  const form = page.getByRole('form', { name: 'Create flavor' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('vCPUs').fill('0');
  await form.getByRole('button', { name: 'Create flavor' }).click();
  await expect(form.getByText('At least 1 vCPU')).toBeVisible();
  await form.getByLabel('vCPUs').fill('2');
  await form.getByRole('button', { name: 'Create flavor' }).click();
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(row).toContainText('512');
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await row.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete flavor?' });
  await expect(dialog).toContainText(name);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
});
