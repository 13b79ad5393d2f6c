import { type Locator, type Page } from '@playwright/test';
import { createServer, deleteServers, instanceRow, openSection, RUN } from './compute-helpers';
import { expect, test } from './fixtures';
import { PROJECT_URL } from './helpers';
import { mutationHeaders, withApi } from './proxy-helpers';

// Row menus carry the common actions, as in Horizon: a volume is attached to an instance and detached again from its
// row's menu (each item opens the volume page's own form); an instance's row menu opens its page's snapshot form. Detail pages: one row of actions with Delete at its end,
// and an inline form opens below that row, not between its buttons. Set up through the API: a volume and a server.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.use({ viewport: { width: 1440, height: 900 } });

const prefix = `${RUN}-rowact`;
const vm = `${prefix}-vm`;
const vol = `${prefix}-vol`;
const SLOW = { timeout: 60_000 };

type Volume = { id: string; name: string | null; status: string; attachments: { server_id: string }[] };
const volumes = async (page: Page) => ((await (await page.request.get('/api/os/volumev3/volumes/detail')).json()) as { volumes?: Volume[] }).volumes ?? [];

async function openVolumes(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Volumes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
}

const volumeRow = (page: Page) => page.getByRole('table', { name: 'Volumes', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: vol, exact: true }) });

/** Opens the row's menu and answers it. */
async function rowMenu(page: Page): Promise<Locator> {
  await volumeRow(page).getByRole('button', { name: `Actions for ${vol}` }).click();
  return page.getByRole('menu', { name: `Actions for ${vol}` });
}

/** The status badge beside the detail page's heading. */
const headingStatus = (page: Page) => page.locator('div:has(> h1) [data-tone]');

test.beforeAll(async ({ browser }) => {
  await withApi(browser, async (page) => {
    await createServer(page, vm);
    const res = await page.request.post('/api/os/volumev3/volumes', { headers: mutationHeaders(), data: { volume: { name: vol, size: 1 } } });
    expect(res.status(), await res.text()).toBe(202);
    await expect.poll(async () => (await volumes(page)).find((v) => v.name === vol)?.status, SLOW).toBe('available');
  });
});

test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await withApi(browser, async (page) => {
    const headers = mutationHeaders();
    for (const v of (await volumes(page)).filter((x) => x.name?.startsWith(prefix))) {
      for (const a of v.attachments) await page.request.delete(`/api/os/compute/servers/${a.server_id}/os-volume_attachments/${v.id}`, { headers });
    }
    await deleteServers(browser, prefix);
    // A detach finishes asynchronously: retry the delete until the volume is gone.
    await expect
      .poll(
        async () => {
          const left = (await volumes(page)).filter((v) => v.name?.startsWith(prefix));
          for (const v of left) await page.request.delete(`/api/os/volumev3/volumes/${v.id}`, { headers });
          return left.length;
        },
        { timeout: 90_000, intervals: [1_000, 2_000] },
      )
      .toBe(0);
  });
});

test('attach a volume to an instance from its row menu, then detach it from there too', async ({ page }) => {
  await openSection(page, 'Instances');
  await expect(instanceRow(page, vm)).toContainText('ACTIVE', SLOW);

  await openVolumes(page);
  let menu = await rowMenu(page);
  // Only what the state allows: an available volume attaches, it has nothing to detach.
  await expect(menu.getByRole('menuitem', { name: 'Detach from instance' })).toHaveCount(0);
  // The destructive item comes last.
  await expect(menu.getByRole('menuitem').last()).toHaveText('Delete');
  await menu.getByRole('menuitem', { name: 'Attach to instance' }).click();

  // The volume's page, its attach form open below the toolbar.
  await expect(page.getByRole('heading', { name: vol, level: 1 })).toBeVisible();
  const attach = page.getByRole('form', { name: 'Attach volume' });
  await expect(attach).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Attach' })).toHaveAttribute('aria-expanded', 'true');
  await attach.getByLabel('Instance').selectOption({ label: `${vm} (ACTIVE)` });
  await attach.getByRole('button', { name: 'Attach volume' }).click();
  await expect(attach).toHaveCount(0);
  // Closed, the request leaves the URL: a reload does not open the form again.
  await expect(page).not.toHaveURL(/[?&]open=/);
  await expect(headingStatus(page)).toHaveText('in-use', SLOW);

  await openVolumes(page);
  await expect(volumeRow(page)).toContainText(vm, SLOW);
  menu = await rowMenu(page);
  await expect(menu.getByRole('menuitem', { name: 'Attach to instance' })).toHaveCount(0);
  await menu.getByRole('menuitem', { name: 'Detach from instance' }).click();
  const detach = page.getByRole('group', { name: 'Detach volume' });
  await expect(detach).toBeVisible();
  await detach.getByRole('button', { name: `Detach from ${vm}` }).click();
  await expect(headingStatus(page)).toHaveText('available', SLOW);
  await expect(detach).toHaveCount(0);

  await openVolumes(page);
  await expect(volumeRow(page)).toContainText('available', SLOW);
  await expect(volumeRow(page)).not.toContainText(vm);
});

test('a detail page has one row of actions, Delete at its end, and its forms open below the row', async ({ page }) => {
  await openVolumes(page);
  await volumeRow(page).getByRole('link', { name: vol, exact: true }).click();
  await expect(page.getByRole('heading', { name: vol, level: 1 })).toBeVisible();
  await expect(headingStatus(page)).toHaveText('available', SLOW);
  const toolbar = page.getByRole('toolbar', { name: 'Volume actions' });
  const del = toolbar.getByRole('button', { name: 'Delete' });
  const extend = toolbar.getByRole('button', { name: 'Extend' });
  await expect(extend).toBeVisible();

  // Every button and link of the toolbar on one line; Delete the last of them, and the rightmost.
  const controls = toolbar.locator('button, a');
  await expect(controls.last()).toHaveText('Delete');
  const boxes = async () => Promise.all((await controls.all()).map(async (c) => (await c.boundingBox())!));
  const before = await boxes();
  expect(before.length).toBeGreaterThan(3);
  const top = before[0].y;
  for (const b of before) expect(Math.abs(b.y - top)).toBeLessThan(4);
  const delBox = (await del.boundingBox())!;
  for (const b of before.slice(0, -1)) expect(b.x + b.width).toBeLessThanOrEqual(delBox.x);

  // Extend opens its form below the whole row, starting at the row's left edge; the row does not move.
  await extend.click();
  await expect(extend).toHaveAttribute('aria-expanded', 'true');
  const form = page.getByRole('form', { name: 'Extend volume' });
  await expect(form).toBeVisible();
  const area = await extend.getAttribute('aria-controls');
  expect(area).toBeTruthy();
  await expect(page.locator(`[id="${area}"]`).getByRole('form', { name: 'Extend volume' })).toBeVisible();
  const bar = (await toolbar.boundingBox())!;
  const formBox = (await form.boundingBox())!;
  expect(formBox.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  expect(Math.abs(formBox.x - bar.x)).toBeLessThan(2);
  const delAfter = (await del.boundingBox())!;
  expect(Math.abs(delAfter.x - delBox.x) + Math.abs(delAfter.y - delBox.y)).toBeLessThan(2);
  for (const b of await boxes()) expect(Math.abs(b.y - top)).toBeLessThan(4);

  // Another button swaps the form in the same place; Cancel closes it.
  await toolbar.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(form).toHaveCount(0);
  const snapshot = page.getByRole('form', { name: 'Create volume snapshot' });
  expect((await snapshot.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  await snapshot.getByRole('button', { name: 'Cancel' }).click();
  await expect(snapshot).toHaveCount(0);
  await expect(toolbar.getByRole('button', { name: 'Create snapshot' })).toHaveAttribute('aria-expanded', 'false');
});

test('an instance row menu opens the instance page with its snapshot form below the action row, Delete last', async ({ page }) => {
  await openSection(page, 'Instances');
  const row = instanceRow(page, vm);
  await expect(row).toContainText('ACTIVE', SLOW);
  await row.getByRole('button', { name: `Actions for ${vm}` }).click();
  const menu = page.getByRole('menu', { name: `Actions for ${vm}` });
  // Horizon's row items for an ACTIVE instance, the destructive one last.
  for (const item of ['Create snapshot', 'Associate floating IP', 'Edit instance', 'Resize instance']) await expect(menu.getByRole('menuitem', { name: item, exact: true })).toBeVisible();
  await expect(menu.getByRole('menuitem').last()).toHaveText('Delete');
  await menu.getByRole('menuitem', { name: 'Create snapshot', exact: true }).click();

  // The instance's page, its snapshot form open in the area below the toolbar's row.
  await expect(page.getByRole('heading', { name: vm, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/[?&]open=snapshot/);
  const toolbar = page.getByRole('toolbar', { name: 'Instance actions' });
  const toggle = toolbar.getByRole('button', { name: 'Create snapshot', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const form = page.getByRole('form', { name: 'Create snapshot' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Snapshot name')).toHaveValue(`${vm}-snapshot`);
  const area = await toggle.getAttribute('aria-controls');
  expect(area).toBeTruthy();
  await expect(page.locator(`[id="${area}"]`).getByRole('form', { name: 'Create snapshot' })).toBeVisible();
  const bar = (await toolbar.boundingBox())!;
  const formBox = (await form.boundingBox())!;
  expect(formBox.y).toBeGreaterThanOrEqual(bar.y + bar.height);

  // Delete is the row's last control, at its end: on its last line, flush with its right edge, nothing after it.
  const controls = toolbar.locator('button, a');
  await expect(controls.last()).toHaveText('Delete');
  const boxes = await Promise.all((await controls.all()).map(async (c) => (await c.boundingBox())!));
  const delBox = boxes[boxes.length - 1];
  expect(Math.abs(delBox.x + delBox.width - (bar.x + bar.width))).toBeLessThan(2);
  for (const b of boxes.slice(0, -1)) {
    expect(b.y).toBeLessThanOrEqual(delBox.y + 2);
    if (Math.abs(b.y - delBox.y) < 4) expect(b.x + b.width).toBeLessThanOrEqual(delBox.x);
  }

  // Another of the row's forms takes its place; Cancel closes it and the URL forgets the request.
  await toolbar.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(form).toHaveCount(0);
  const edit = page.getByRole('form', { name: 'Edit instance' });
  expect((await edit.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page).not.toHaveURL(/[?&]open=/);
});
