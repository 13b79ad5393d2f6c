// The talk's basic tasks with the keyboard alone: every control is reached with Tab (and shows a visible focus
// ring), pressed with Enter or Space, typed into, or chosen with the arrow keys; no click, no fill(). Pages are
// opened by their URL, as a keyboard user types or follows a link. Dialogs take focus and give it back on close.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { deleteServers, RUN } from './compute-helpers';
import { backend, skipOnRealcloud } from './helpers';
import { projectHome, type ProjectHome } from './pages';

test.describe.configure({ mode: 'serial', timeout: 180_000 });
// Focus, rings and keys are the dashboard's own markup, identical on both backends; the same tasks run with the
// mouse against real OpenStack in their own specs. Once is enough (CI time).
test.beforeEach(() => skipOnRealcloud('keyboard operation is our markup, the same on both backends (the flows run on real OpenStack in their own specs)'));
const SLOW = { timeout: 60_000 };

const focused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Tab (or Shift+Tab) until `target` has focus; it must then show a focus ring (:focus-visible). */
async function tabTo(page: Page, target: Locator, back = false) {
  await target.waitFor();
  for (let i = 0; i < 150 && !(await focused(target)); i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  expect(await focused(target), `${target} is reachable with ${back ? 'Shift+Tab' : 'Tab'}`).toBe(true);
  expect(await target.evaluate((el) => el.matches(':focus-visible')), `${target} shows where focus is`).toBe(true);
}
async function press(page: Page, target: Locator, key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}
async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}
/** A native select, chosen with the arrow keys until the option with this label is selected. */
async function choose(page: Page, select: Locator, label: string) {
  await tabTo(page, select);
  await page.keyboard.press('Home');
  const current = () => select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.label ?? '');
  for (let i = 0; i < 100 && (await current()) !== label; i++) await page.keyboard.press('ArrowDown');
  expect(await current()).toBe(label);
}

let home: ProjectHome;
const open = (page: Page, path: string) => page.goto(`${home.path}/${path}${home.search}`);
const vm = `${RUN}-kbd`;
const vol = `${RUN}-kbd-vol`;

test.beforeEach(async ({ page }) => {
  home ??= await projectHome(page);
});

// The floating IP the association allocated outlives the instance; it and anything a failed step left go here.
const floatingIps: string[] = [];
test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  const page = await context.newPage();
  const headers = { 'X-Stratus-CSRF': '1', Origin: backend().baseURL };
  for (const id of floatingIps) await page.request.delete(`/api/os/network/v2.0/floatingips/${id}`, { headers });
  await deleteServers(browser, vm);
  await context.close();
});

test('launch an instance', async ({ page }) => {
  await open(page, 'instances');
  await press(page, page.getByRole('link', { name: 'Launch instance' }));
  const form = page.getByRole('form', { name: 'Launch instance' });
  await expect(form.getByLabel('Flavor', { exact: true })).not.toHaveValue('');
  await typeInto(page, form.getByLabel('Name', { exact: true }), vm);
  await choose(page, form.getByLabel('Key pair', { exact: true }), 'None');
  await press(page, form.getByRole('button', { name: 'Launch' }));
  await expect(page).toHaveURL(/\/instances\?region=/);
  await expect(page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ hasText: vm })).toContainText('ACTIVE', SLOW);
});

test('create a volume and attach it to the instance', async ({ page }) => {
  await open(page, 'volumes');
  await press(page, page.getByRole('link', { name: 'Create volume' }));
  const form = page.getByRole('form', { name: 'Create volume' });
  await typeInto(page, form.getByLabel('Name', { exact: true }), vol);
  await typeInto(page, form.getByLabel('Size (GiB)'), '1');
  await press(page, form.getByRole('button', { name: 'Create volume' }));
  await expect(page).toHaveURL(/\/volumes\?region=/);
  const row = page.getByRole('table', { name: 'Volumes' }).getByRole('row').filter({ hasText: vol });
  await expect(row).toContainText('available', SLOW);

  await press(page, row.getByRole('link', { name: vol, exact: true }));
  await expect(page.getByRole('heading', { name: vol, level: 1 })).toBeVisible();
  await press(page, page.getByRole('toolbar', { name: 'Volume actions' }).getByRole('button', { name: 'Attach' }));
  const attach = page.getByRole('form', { name: 'Attach volume' });
  await choose(page, attach.getByLabel('Instance'), `${vm} (ACTIVE)`);
  await press(page, attach.getByRole('button', { name: 'Attach volume' }));
  await expect(page.getByRole('tabpanel')).toContainText(vm, SLOW);
  await expect(page.locator('div:has(> h1) [data-tone]')).toHaveText('in-use', SLOW);
});

test('create a network with a subnet', async ({ page }) => {
  const net = `${RUN}-kbd-net`;
  await open(page, 'networks');
  await press(page, page.getByRole('link', { name: 'Create network' }));
  const form = page.getByRole('form', { name: 'Create network' });
  await typeInto(page, form.getByLabel('Network name'), net);
  await expect(form.getByLabel('Network address (CIDR)')).toHaveValue(/\/24$/);
  await press(page, form.getByRole('button', { name: 'Create network' }));
  await expect(page.getByRole('heading', { name: net, level: 1 })).toBeVisible(SLOW);
  // Delete it again from its page: the dialog takes focus, Escape gives it back to the button that opened it.
  const del = page.getByRole('toolbar', { name: 'Network actions' }).getByRole('button', { name: 'Delete' });
  await press(page, del);
  const dialog = page.getByRole('dialog', { name: 'Delete network?' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await focused(del)).toBe(true);
  await page.keyboard.press('Enter');
  await press(page, dialog.getByRole('button', { name: 'Delete' }));
  await expect(page.getByText('This network no longer exists.')).toBeVisible(SLOW);
});

test('allocate a floating IP and associate it with the instance', async ({ page }) => {
  await open(page, 'instances');
  await press(page, page.getByRole('table', { name: 'Instances' }).getByRole('link', { name: vm, exact: true }));
  await expect(page.getByRole('heading', { name: vm, level: 1 })).toBeVisible();
  await press(page, page.getByRole('toolbar', { name: 'Instance actions' }).getByRole('button', { name: 'Associate floating IP' }));
  const assoc = page.getByRole('form', { name: 'Associate floating IP' });
  await choose(page, assoc.getByLabel('Floating IP'), 'Allocate a new one');
  await choose(page, assoc.getByLabel('Pool'), 'public');
  await press(page, assoc.getByRole('button', { name: 'Associate' }));
  await expect(assoc).toHaveCount(0, SLOW);
  await expect(page.getByRole('toolbar', { name: 'Instance actions' }).getByRole('button', { name: 'Disassociate floating IP' })).toBeVisible(SLOW);
  const serverId = /\/instances\/([0-9a-f-]{36})/.exec(page.url())![1];
  const ports = (await (await page.request.get(`/api/os/network/v2.0/ports?device_id=${serverId}`)).json()) as { ports: { id: string }[] };
  for (const port of ports.ports) {
    const fips = (await (await page.request.get(`/api/os/network/v2.0/floatingips?port_id=${port.id}`)).json()) as { floatingips: { id: string }[] };
    floatingIps.push(...fips.floatingips.map((f) => f.id));
  }
  expect(floatingIps).toHaveLength(1);
});

test('store a secret and reveal it', async ({ page }) => {
  const name = `${RUN}-kbd-secret`;
  const payload = `kbd ${RUN}`;
  await open(page, 'secrets');
  await press(page, page.getByRole('link', { name: 'Store secret' }));
  const form = page.getByRole('form', { name: 'Store a secret' });
  await typeInto(page, form.getByLabel('Name', { exact: true }), name);
  await typeInto(page, form.getByLabel('Payload', { exact: true }), payload);
  await press(page, form.getByRole('button', { name: 'Store secret' }));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible(SLOW);
  await press(page, page.getByRole('button', { name: 'Reveal payload' }));
  await expect(page.getByLabel('Secret payload')).toHaveText(payload);
  await press(page, page.getByRole('toolbar', { name: 'Secret actions' }).getByRole('button', { name: 'Delete' }));
  await press(page, page.getByRole('dialog', { name: 'Delete secret?' }).getByRole('button', { name: 'Delete' }));
  await expect(page.getByText('This secret no longer exists.')).toBeVisible(SLOW);
});

test('delete the instance and the volume', async ({ page }) => {
  await open(page, 'instances');
  const table = page.getByRole('table', { name: 'Instances' });
  await press(page, table.getByRole('checkbox', { name: `Select ${vm}` }), 'Space');
  const bulk = page.getByRole('toolbar', { name: 'Instances actions' }).getByRole('button', { name: 'Delete selected (1)' });
  await press(page, bulk);
  const dialog = page.getByRole('dialog', { name: /^Delete (1 )?instance\?$/ });
  await press(page, dialog.getByRole('button', { name: 'Delete' }));
  await expect(table.getByRole('row').filter({ hasText: vm })).toHaveCount(0, SLOW);

  await open(page, 'volumes');
  const vols = page.getByRole('table', { name: 'Volumes' });
  await expect(vols.getByRole('row').filter({ hasText: vol })).toContainText('available', SLOW);
  await press(page, vols.getByRole('checkbox', { name: `Select ${vol}` }), 'Space');
  await press(page, page.getByRole('toolbar', { name: 'Volumes actions' }).getByRole('button', { name: 'Delete selected (1)' }));
  await press(page, page.getByRole('dialog', { name: /^Delete (1 )?volume\?$/ }).getByRole('button', { name: 'Delete' }));
  await expect(vols.getByRole('row').filter({ hasText: vol })).toHaveCount(0, SLOW);
});
