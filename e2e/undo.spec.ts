import { expect, test, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// Before destroying: the dialog names what depends on the resource, and the delete waits with an Undo button.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const prefix = `${RUN}-undo`;
const headers = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

async function createVolume(page: Page, name: string): Promise<string> {
  const res = await page.request.post('/api/os/volumev3/volumes', { headers: headers(), data: { volume: { name, size: 1 } } });
  expect(res.status()).toBe(202);
  const { volume } = (await res.json()) as { volume: { id: string } };
  await expect.poll(async () => ((await (await page.request.get(`/api/os/volumev3/volumes/${volume.id}`)).json()) as { volume: { status: string } }).volume.status, { timeout: 60_000 }).toBe('available');
  return volume.id;
}

async function openVolumes(page: Page) {
  const here = new URL(page.url());
  await page.goto(`${here.pathname.split('/').slice(0, 3).join('/')}/volumes${here.search}`);
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
}

const row = (page: Page, name: string) => page.getByRole('table', { name: 'Volumes', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  const page = await context.newPage();
  await page.goto('/');
  const snaps = (await (await page.request.get('/api/os/volumev3/snapshots')).json()) as { snapshots: { id: string; name: string | null }[] };
  for (const s of snaps.snapshots) if (s.name?.startsWith(prefix)) await page.request.delete(`/api/os/volumev3/snapshots/${s.id}`, { headers: headers() });
  const vols = (await (await page.request.get('/api/os/volumev3/volumes')).json()) as { volumes: { id: string; name: string | null }[] };
  await expect
    .poll(async () => {
      let left = 0;
      for (const v of vols.volumes) if (v.name?.startsWith(prefix) && (await page.request.delete(`/api/os/volumev3/volumes/${v.id}`, { headers: headers() })).status() !== 404) left++;
      return left;
    }, { timeout: 60_000 })
    .toBe(0);
  await context.close();
});

test('the delete dialog names what depends on the volume', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const name = `${prefix}-with-snap`;
  const id = await createVolume(page, name);
  const snap = await page.request.post('/api/os/volumev3/snapshots', { headers: headers(), data: { snapshot: { volume_id: id, name: `${prefix}-snap` } } });
  expect(snap.status()).toBe(202);
  await openVolumes(page);
  await row(page, name).getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Volumes actions' }).getByRole('button', { name: 'Delete selected (1)' }).click();
  const dialog = page.getByRole('dialog', { name: /Delete volume/ });
  await expect(dialog.getByRole('region', { name: 'Depends on it' })).toContainText(`${name} has 1 snapshot: Cinder refuses to delete it until it is deleted.`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a delete waits with Undo; undoing sends nothing, "Now" deletes at once', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const name = `${prefix}-plain`;
  await createVolume(page, name);
  // The user's own undo window (the e2e stacks' operator default is 0: off).
  await page.getByRole('button', { name: /User menu for/ }).click();
  await page.getByLabel('Undo window for deletes').selectOption({ label: '10 seconds' });
  await page.getByRole('button', { name: /User menu for/ }).click();
  await openVolumes(page);
  let deletes = 0;
  page.on('request', (r) => {
    if (r.method() === 'DELETE' && r.url().includes('/api/os/volumev3/volumes/')) deletes++;
  });
  await row(page, name).getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Volumes actions' }).getByRole('button', { name: 'Delete selected (1)' }).click();
  const dialog = page.getByRole('dialog', { name: /Delete volume/ });
  await expect(dialog.getByRole('region', { name: 'Depends on it' })).toContainText('Nothing else depends on it.');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  const pending = page.getByRole('region', { name: 'Pending deletes' });
  await expect(pending).toContainText(new RegExp(`Delete ${name} in \\d+ s`));
  await pending.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(pending).toBeHidden();
  await page.waitForTimeout(11_000);
  expect(deletes).toBe(0);
  await expect(row(page, name)).toContainText('available');

  await row(page, name).getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Volumes actions' }).getByRole('button', { name: 'Delete selected (1)' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await pending.getByRole('button', { name: `Delete ${name} now` }).click();
  await expect(row(page, name)).toBeHidden({ timeout: 30_000 });
  expect(deletes).toBe(1);
});

test('a delete confirmed inside the undo window still happens when the tab is closed or reloaded', async ({ page, context }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const closed = `${prefix}-closed`;
  const reloaded = `${prefix}-reloaded`;
  const ids = { [closed]: await createVolume(page, closed), [reloaded]: await createVolume(page, reloaded) };
  await page.getByRole('button', { name: /User menu for/ }).click();
  await page.getByLabel('Undo window for deletes').selectOption({ label: '10 seconds' });
  await page.getByRole('button', { name: /User menu for/ }).click();
  const gone = (id: string) => expect.poll(async () => (await context.request.get(`/api/os/volumev3/volumes/${id}`)).status(), { timeout: 30_000 }).toBe(404);

  async function confirmDelete(p: Page, name: string) {
    await openVolumes(p);
    await row(p, name).getByRole('checkbox').check();
    await p.getByRole('toolbar', { name: 'Volumes actions' }).getByRole('button', { name: 'Delete selected (1)' }).click();
    await p.getByRole('dialog', { name: /Delete volume/ }).getByRole('button', { name: 'Delete' }).click();
    await expect(p.getByRole('region', { name: 'Pending deletes' })).toContainText(`Delete ${name} in`);
  }

  // Reloaded 1 s after confirming: the reloaded page has no timer left, yet the volume goes.
  await confirmDelete(page, reloaded);
  await page.reload();
  await gone(ids[reloaded]);

  // Closed 1 s after confirming, as the browser window was in the reported case.
  await confirmDelete(page, closed);
  await page.close();
  await gone(ids[closed]);
});
