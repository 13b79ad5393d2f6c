// Issue 16 "looks finished on a projector": presentation mode masks project IDs everywhere by default (detail pages,
// the Images Owner column, the API inspector), and notifications never lie over the page, naming what they delete.
import { expect, test, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

test.describe.configure({ timeout: 120_000 });

const prefix = `${RUN}-present`;
const HIDDEN = 'hidden in presentation mode';
const headers = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

/** The project's home, and its ID (from the address). */
async function home(page: Page): Promise<{ url: URL; projectId: string }> {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const url = new URL(page.url());
  return { url, projectId: PROJECT_URL.exec(page.url())![1] };
}

/** A page of the project in presentation mode, turned on by the URL (the settings are the defaults: a fresh browser). */
async function present(page: Page, url: URL, rest: string) {
  await page.goto(`${url.pathname}/${rest}${rest.includes('?') ? '&' : '?'}present=1&${url.search.slice(1)}`);
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
}

/** The value of an overview field (a description list's <dd> after the <dt> with that label). */
const field = (page: Page, label: string) => page.getByRole('tabpanel').locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect
    .poll(async () => {
      const { volumes } = (await (await page.request.get('/api/os/volumev3/volumes')).json()) as { volumes: { id: string; name: string | null }[] };
      let left = 0;
      for (const v of volumes) if (v.name?.startsWith(prefix) && (await page.request.delete(`/api/os/volumev3/volumes/${v.id}`, { headers: headers() })).status() !== 404) left++;
      return left;
    }, { timeout: 60_000 })
    .toBe(0);
  await context.close();
});

test('project IDs are masked by default on detail pages and in the Images Owner column', async ({ page }) => {
  const { url, projectId } = await home(page);
  const { images } = (await (await page.request.get('/api/os/image/v2/images')).json()) as { images: { id: string; name: string | null; owner?: string }[] };
  // Another project's image (a public one): the list says "this project" for the project's own, with no ID to mask.
  const image = images.find((i) => i.owner && i.name && i.owner !== projectId);
  expect(image, "an image of another project").toBeDefined();
  const owner = image!.owner!;

  // The image's detail page: the Owner field is masked, and no project ID is left in the page's text.
  await present(page, url, `images/${image!.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(image!.name!);
  await expect(field(page, 'Owner')).toContainText(HIDDEN);
  await expect(field(page, 'Owner')).not.toContainText(owner);
  // The raw JSON tab shows the object, its owner masked.
  await page.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Raw JSON' })).toContainText(`"owner": "••••••"`);
  expect(await page.locator('main').innerText()).not.toContain(owner);

  // A network's Project ID field (Neutron names the project on every network).
  const { networks } = (await (await page.request.get(`/api/os/network/v2.0/networks?project_id=${projectId}`)).json()) as { networks: { id: string; name: string }[] };
  expect(networks.length, 'a network of the project').toBeGreaterThan(0);
  await present(page, url, `networks/${networks[0].id}`);
  await expect(field(page, 'Project ID')).toContainText(HIDDEN);
  expect(await page.locator('main').innerText()).not.toContain(projectId);

  // The Images list's Owner column (shown through the column chooser if the list hides it by default).
  await present(page, url, `images?name=${encodeURIComponent(image!.name!)}`);
  const table = page.getByRole('table', { name: 'Images', exact: true });
  await expect(table.getByRole('link', { name: image!.name!, exact: true }).first()).toBeVisible();
  if ((await table.getByRole('columnheader', { name: 'Owner' }).count()) === 0) {
    await page.getByText('Columns', { exact: true }).click();
    await page.getByRole('group', { name: 'Visible columns' }).getByRole('checkbox', { name: 'Owner' }).check();
    await page.keyboard.press('Escape');
  }
  await expect(table.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
  await expect(table.getByText(HIDDEN).first()).toBeAttached();
  const text = await table.innerText();
  expect(text).not.toContain(owner);
  expect(text).not.toContain(projectId);
});

test('the API inspector shows no project ID in presentation mode', async ({ page }) => {
  const { url, projectId } = await home(page);
  const { images } = (await (await page.request.get('/api/os/image/v2/images')).json()) as { images: { owner?: string }[] };
  const owners = [...new Set(images.map((i) => i.owner).filter((o): o is string => !!o))];
  expect(owners.length, 'images with owners').toBeGreaterThan(0);
  // Glance names each image's owning project in its list: the inspector shows that body.
  await present(page, url, 'images');
  await expect(page.getByRole('heading', { name: 'Images', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'API inspector' }).click();
  const drawer = page.getByRole('complementary', { name: 'API inspector' });
  const call = drawer.getByRole('row').filter({ has: page.getByRole('button', { name: /\/v2\/images/ }) }).first();
  await expect(call).toBeVisible();
  await call.getByRole('button', { name: /\/v2\/images/ }).click();
  const body = drawer.getByRole('region', { name: /^Call GET .*\/v2\/images/ }).getByLabel('Response body');
  await expect(body).toContainText('"owner": "••••••"');
  // Nothing in the drawer (paths, upstream URLs, headers, bodies) names a project.
  const masked = (await drawer.innerText()).toLowerCase();
  for (const id of [projectId, ...owners]) expect(masked).not.toContain(id.toLowerCase());

  // Out of presentation mode the same body shows the owners: the check above had something to find.
  await page.getByRole('banner').getByRole('button', { name: 'Presentation mode' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '1');
  await expect(body).toContainText(/"owner": "[0-9a-f]{32}"/);
});

test('an undo toast names the volume in full and does not cover the page', async ({ page }) => {
  const { url } = await home(page);
  // A long name, as people give them: shown whole (wrapped), never cut.
  const name = `${prefix}-a-volume-with-a-long-descriptive-name-for-the-quarterly-demo`;
  const res = await page.request.post('/api/os/volumev3/volumes', { headers: headers(), data: { volume: { name, size: 1 } } });
  expect(res.status()).toBe(202);
  const { volume } = (await res.json()) as { volume: { id: string } };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/os/volumev3/volumes/${volume.id}`)).json()) as { volume: { status: string } }).volume.status, { timeout: 60_000 })
    .toBe('available');
  // The user's own undo window (the e2e stacks' operator default is 0: off), as e2e/undo.spec.ts chooses it.
  await page.getByRole('button', { name: /User menu for/ }).click();
  await page.getByLabel('Undo window for deletes').selectOption({ label: '10 seconds' });
  await page.getByRole('button', { name: /User menu for/ }).click();

  await present(page, url, 'volumes');
  const table = page.getByRole('table', { name: 'Volumes', exact: true });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await row.getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: 'Volumes actions' }).getByRole('button', { name: 'Delete selected (1)' }).click();
  await page.getByRole('dialog', { name: /Delete volume/ }).getByRole('button', { name: 'Delete' }).click();

  const pending = page.getByRole('region', { name: 'Pending deletes' });
  const toast = pending.getByRole('status').filter({ hasText: name });
  await expect(toast).toContainText(new RegExp(`Delete ${name} in \\d+ s`));
  // Whole: the sentence's box holds all of its text (no ellipsis, no clipping).
  const sentence = toast.getByText(name);
  expect(await sentence.evaluate((el) => el.scrollWidth <= el.clientWidth && getComputedStyle(el).textOverflow !== 'ellipsis')).toBe(true);

  // Beside the content, not over it: clear of the page's primary button and of the main area altogether.
  const box = (await pending.boundingBox())!;
  const create = (await page.getByRole('link', { name: 'Create volume' }).boundingBox())!;
  const main = (await page.locator('main').boundingBox())!;
  const overlaps = (a: typeof box, b: typeof box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlaps(box, create)).toBe(false);
  expect(box.x + box.width).toBeLessThanOrEqual(main.x + 1);

  // Undo keeps the volume (the suite's cleanup deletes it).
  await toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(pending).toBeHidden();
  await expect(row).toBeVisible();
});
