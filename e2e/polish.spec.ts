import { expect, test, type Browser, type Page } from '@playwright/test';
import { createServer, deleteServers, openSection, RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// Issue 16's small things, each on its own: a CIDR with host bits, a zone name without its dot, each tab's CLI
// hint, Escape on popovers, and "Remove interface" confirmed first. Runs on both backends.
test.describe.configure({ timeout: 120_000 });

const prefix = `${RUN}-polish`;
const SLOW = { timeout: 60_000 };
const headers = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

async function home(page: Page): Promise<URL> {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  return new URL(page.url());
}

async function openPage(page: Page, slug: string, heading: string) {
  const h = await home(page);
  await page.goto(`${h.pathname}/${slug}${h.search}`);
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

async function cleanUp(browser: Browser) {
  await deleteServers(browser, prefix);
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await home(page);
    const get = async <T>(path: string) => (await (await page.request.get(path)).json()) as T;
    const zones = await get<{ zones?: { id: string; name: string; action: string }[] }>('/api/os/dns/v2/zones?limit=1000');
    for (const z of zones.zones ?? []) if (z.name.startsWith(prefix) && z.action !== 'DELETE') await page.request.delete(`/api/os/dns/v2/zones/${z.id}`, { headers: headers() });
    const routers = await get<{ routers?: { id: string; name: string }[] }>(`/api/os/network/v2.0/routers?name=${prefix}-router`);
    const subnets = await get<{ subnets?: { id: string; name: string }[] }>(`/api/os/network/v2.0/subnets?name=${prefix}-subnet`);
    for (const r of routers.routers ?? []) {
      for (const s of subnets.subnets ?? []) await page.request.put(`/api/os/network/v2.0/routers/${r.id}/remove_router_interface`, { headers: headers(), data: { subnet_id: s.id } });
      await page.request.delete(`/api/os/network/v2.0/routers/${r.id}`, { headers: headers() });
    }
    const nets = await get<{ networks?: { id: string; name: string }[] }>(`/api/os/network/v2.0/networks?name=${prefix}-net`);
    for (const n of nets.networks ?? []) await page.request.delete(`/api/os/network/v2.0/networks/${n.id}`, { headers: headers() });
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => {
  test.setTimeout(90_000);
  await cleanUp(browser);
});

test('a CIDR with host bits set is flagged with the network address, not changed or sent', async ({ page }) => {
  await openPage(page, 'networks', 'Networks');
  await page.getByRole('link', { name: 'Create network' }).click();
  const form = page.getByRole('form', { name: 'Create network' });
  await form.getByLabel('Network name').fill(`${prefix}-never`);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/os/network/')) sent.push(r.url());
  });
  const cidr = form.getByLabel('Network address (CIDR)');
  await cidr.fill('10.0.1.5/24');
  await form.getByRole('button', { name: 'Create network' }).click();
  await expect(form.getByText('10.0.1.5/24 has host bits set: did you mean 10.0.1.0/24?')).toBeVisible();
  await expect(cidr).toHaveAttribute('aria-invalid', 'true');
  // What the user typed stays as typed.
  await expect(cidr).toHaveValue('10.0.1.5/24');
  // Fixed, the error goes at once, before any new submit (as in the launch form).
  await cidr.fill('10.0.1.0/24');
  await expect(form.getByText('10.0.1.5/24 has host bits set: did you mean 10.0.1.0/24?')).toHaveCount(0);
  await expect(cidr).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent).toEqual([]);
});

test('a zone typed without its trailing dot is created with it', async ({ page }) => {
  const zone = `${prefix}.test`;
  await openPage(page, 'zones', 'Zones');
  await page.getByRole('link', { name: 'Create zone' }).click();
  const form = page.getByRole('form', { name: 'New primary zone' });
  await form.getByLabel('Zone name').fill(zone);
  await form.getByLabel('Email').fill('hostmaster@example.org');
  await expect(form.getByText(`openstack zone create --email hostmaster@example.org ${zone}.`)).toBeVisible();
  await form.getByRole('button', { name: 'Create zone' }).click();
  await expect(page.getByRole('heading', { name: `${zone}.`, level: 1 })).toBeVisible(SLOW);
});

test("each instance tab's CLI hint is that tab's command", async ({ page }) => {
  await home(page);
  const name = `${prefix}-vm`;
  const { id } = await createServer(page, name);
  await openSection(page, 'Instances');
  await page.getByRole('table', { name: 'Instances' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const hint = page.getByRole('group', { name: 'CLI equivalent' }).last();
  await expect(hint).toContainText(`openstack server show ${id}`);
  await page.getByRole('tab', { name: 'Console log' }).click();
  await expect(hint).toContainText(`openstack console log show ${id}`);
  await page.getByRole('tab', { name: 'Action log' }).click();
  await expect(hint).toContainText(`openstack server event list ${id}`);
  await page.getByRole('tab', { name: 'Interfaces' }).click();
  await expect(hint).toContainText(`openstack port list --server ${id}`);
});

test('Escape closes the user menu, a row menu and the Columns menu, and focus returns to the button that opened them', async ({ page }) => {
  await home(page);
  const user = page.getByRole('button', { name: /User menu for / });
  await user.click();
  await expect(user).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Log out' })).toBeHidden();
  await expect(user).toHaveAttribute('aria-expanded', 'false');
  await expect(user).toBeFocused();

  await openPage(page, 'networks', 'Networks');
  const actions = page.getByRole('table', { name: 'Networks', exact: true }).getByRole('button', { name: /^Actions for / }).first();
  await actions.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  // Focus inside the menu or not, Escape closes it.
  await menu.getByRole('menuitem').first().focus();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(actions).toBeFocused();

  // The list's Columns menu (a <details> popover) too.
  const columns = page.getByText('Columns', { exact: true });
  await columns.click();
  const chooser = page.getByRole('group', { name: 'Visible columns' });
  await expect(chooser).toBeVisible();
  await chooser.getByRole('checkbox').first().focus();
  await page.keyboard.press('Escape');
  await expect(chooser).toBeHidden();
  await expect(columns).toBeFocused();
});

test('"Remove interface" on a router asks first; Cancel keeps the interface', async ({ page }) => {
  await home(page);
  const post = async <T>(path: string, data: unknown) => {
    const r = await page.request.post(`/api/os/network/v2.0/${path}`, { headers: headers(), data });
    expect(r.status(), await r.text()).toBe(201);
    return (await r.json()) as T;
  };
  const { network } = await post<{ network: { id: string } }>('networks', { network: { name: `${prefix}-net` } });
  const sub = `${prefix}-subnet`;
  // A range of its own per run, so parallel runs on one router-less network never clash.
  const octet = 100 + (parseInt(RUN.slice(-4), 36) % 100);
  const { subnet } = await post<{ subnet: { id: string } }>('subnets', { subnet: { name: sub, network_id: network.id, ip_version: 4, cidr: `10.${octet}.7.0/24` } });
  const { router } = await post<{ router: { id: string } }>('routers', { router: { name: `${prefix}-router` } });
  const added = await page.request.put(`/api/os/network/v2.0/routers/${router.id}/add_router_interface`, { headers: headers(), data: { subnet_id: subnet.id } });
  expect(added.status(), await added.text()).toBe(200);

  await openPage(page, 'routers', 'Routers');
  await page.getByRole('link', { name: `${prefix}-router`, exact: true }).click();
  await page.getByRole('tab', { name: 'Interfaces' }).click();
  const ifaces = page.getByRole('table', { name: 'Router interfaces' });
  await expect(ifaces).toContainText(sub, SLOW);
  await page.getByRole('button', { name: `Remove interface on ${sub}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove interface?' });
  await expect(dialog).toContainText(`Router ${prefix}-router leaves subnet ${sub}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(ifaces).toContainText(sub);

  await page.getByRole('button', { name: `Remove interface on ${sub}` }).click();
  await dialog.getByRole('button', { name: 'Remove interface' }).click();
  await expect(ifaces).toContainText('No interfaces', SLOW);
});

test('a refused submit scrolls to the first error and keeps it, with its label, below the sticky header', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 700 });
  await openPage(page, 'instances/new', 'Launch instance');
  const form = page.getByRole('form', { name: 'Launch instance' });
  await expect(form.getByLabel('Flavor', { exact: true })).not.toHaveValue('');
  // Submitted from the bottom of the page: the empty Name field is far above, out of sight.
  const launch = form.getByRole('button', { name: 'Launch' });
  await launch.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const name = form.getByLabel('Name', { exact: true });
  expect((await name.boundingBox())!.y, 'the Name field starts out above the viewport').toBeLessThan(0);
  await launch.click();
  await expect(name).toBeFocused();
  await expect(form.getByText('Enter a name')).toBeVisible();
  const header = (await page.getByRole('banner').boundingBox())!;
  const label = (await form.getByText('Name', { exact: true }).first().boundingBox())!;
  expect(label.y, 'the label clears the sticky header').toBeGreaterThanOrEqual(header.y + header.height);
  expect((await name.boundingBox())!.y).toBeGreaterThan(header.y + header.height);
});
