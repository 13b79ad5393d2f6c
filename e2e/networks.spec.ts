import { expect, test, type Browser, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// One flow, step by step: the network, its subnets and its port depend on each other. Runs on both backends
// (networks, subnets and ports need no data plane).
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const prefix = `${RUN}-net`;
const net = `${prefix}-web`;
const v4 = `${net}-v4`;
const v6 = `${net}-v6`;
const port = `${prefix}-port`;
const group = `${prefix}-sg`;
// Overlap only matters within one network, so fixed ranges are safe on the shared realcloud.
const CIDR = '10.77.0.0/24';
const CIDR6 = 'fd00:77::/64';
const headers = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

let home: URL | undefined;
let networkId = '';

async function openNetworks(page: Page) {
  if (!home) {
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    home = new URL(page.url());
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Networks', exact: true }).click();
  } else await page.goto(`${home.pathname}/networks${home.search}`);
  await expect(page.getByRole('heading', { name: 'Networks', level: 1 })).toBeVisible();
}

const row = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByText(name, { exact: true }) });

async function openNetwork(page: Page, tab?: 'Subnets' | 'Ports') {
  await openNetworks(page);
  await page.getByRole('table', { name: 'Networks', exact: true }).getByRole('link', { name: net, exact: true }).click();
  await expect(page.getByRole('heading', { name: net, level: 1 })).toBeVisible();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const get = async <T>(path: string) => (await (await page.request.get(`/api/os/network/v2.0/${path}`)).json()) as T;
    const ports = await get<{ ports?: { id: string; name: string }[] }>('ports');
    for (const p of ports.ports ?? []) if (p.name.startsWith(prefix)) await page.request.delete(`/api/os/network/v2.0/ports/${p.id}`, { headers: headers() });
    const nets = await get<{ networks?: { id: string; name: string }[] }>('networks');
    for (const n of nets.networks ?? []) if (n.name.startsWith(prefix)) await page.request.delete(`/api/os/network/v2.0/networks/${n.id}`, { headers: headers() });
    const groups = await get<{ security_groups?: { id: string; name: string }[] }>('security-groups');
    for (const g of groups.security_groups ?? []) if (g.name.startsWith(prefix)) await page.request.delete(`/api/os/network/v2.0/security-groups/${g.id}`, { headers: headers() });
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => {
  await cleanUp(browser);
});

test('create a network with a subnet in one form: an invalid CIDR is refused before sending', async ({ page }) => {
  await openNetworks(page);
  await page.getByRole('link', { name: 'Create network' }).click();
  const form = page.getByRole('form', { name: 'Create network' });
  await expect(form.getByText('a subnet gives it an IP range')).toBeVisible();
  await form.getByLabel('Network name').fill(net);
  // A free private range is suggested at once.
  await expect(form.getByLabel('Network address (CIDR)')).toHaveValue(/^(10|172|192)\.\d+\.\d+\.0\/24$/);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/os/network/')) sent.push(r.url());
  });
  await form.getByLabel('Network address (CIDR)').fill('10.77.0.300/24');
  await form.getByRole('button', { name: 'Create network' }).click();
  await expect(form.getByText('Not a valid CIDR')).toBeVisible();
  await expect(form.getByLabel('Network address (CIDR)')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Gateway IP').fill('10.78.0.1');
  await form.getByLabel('Network address (CIDR)').fill(CIDR);
  await form.getByRole('button', { name: 'Create network' }).click();
  await expect(form.getByText('The gateway must be inside 10.77.0.0/24')).toBeVisible();
  expect(sent).toEqual([]);
  await form.getByLabel('Gateway IP').fill('');
  await form.getByLabel('Subnet name').fill(v4);
  await form.getByLabel('DNS name servers').fill('192.0.2.53');
  await form.getByLabel('Allocation pools').fill('10.77.0.10-10.77.0.100');
  await expect(form.getByText(`openstack network create ${net}`, { exact: true })).toBeVisible();
  await expect(form.getByText(`openstack subnet create --network ${net} --subnet-range ${CIDR} --dns-nameserver 192.0.2.53 --allocation-pool start=10.77.0.10,end=10.77.0.100 ${v4}`)).toBeVisible();
  await form.getByRole('button', { name: 'Create network' }).click();
  await expect(page.getByRole('heading', { name: net, level: 1 })).toBeVisible();
  networkId = /\/networks\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(networkId).not.toBe('');

  await openNetworks(page);
  const r = row(page, 'Networks', net);
  await expect(r).toContainText(CIDR);
  await expect(r).toContainText('ACTIVE');
  await expect(r).toContainText('UP');
});

test('edit the network, add an IPv6 subnet; an overlapping subnet is caught, and Neutron refuses one it did not know of', async ({ page }) => {
  await openNetwork(page);
  await page.getByRole('toolbar', { name: 'Network actions' }).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit network' });
  await edit.getByLabel('Network description').fill("Bob's web tier");
  await expect(edit.getByText(`openstack network set --description 'Bob'\\''s web tier' ${networkId}`)).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('tabpanel')).toContainText("Bob's web tier");

  await page.getByRole('tab', { name: 'Subnets' }).click();
  await expect(row(page, 'Subnets of this network', v4)).toContainText(CIDR);
  await expect(row(page, 'Subnets of this network', v4)).toContainText('10.77.0.10-10.77.0.100');

  await page.getByRole('toolbar', { name: 'Network actions' }).getByRole('button', { name: 'Add subnet' }).click();
  const add = page.getByRole('form', { name: 'Add subnet' });
  // The suggestion avoids the network's own range.
  await expect(add.getByLabel('Network address (CIDR)')).not.toHaveValue(CIDR);
  await add.getByLabel('Subnet name').fill(`${prefix}-overlap`);
  await add.getByLabel('Network address (CIDR)').fill('10.77.0.128/25');
  await add.getByRole('button', { name: 'Create subnet' }).click();
  await expect(add.getByText(`Overlaps ${CIDR}`)).toBeVisible();

  // Another client adds 10.77.1.0/24 behind the form's back: the form does not know it, Neutron refuses with its message.
  // The page's subnet lists stay as they were before it (between two polls), or the form would catch it itself.
  const hideOther = async (route: import('@playwright/test').Route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    try {
      const r = await route.fetch();
      const body = (await r.json()) as { subnets?: { name: string }[] };
      if (body.subnets) body.subnets = body.subnets.filter((x) => x.name !== `${prefix}-other`);
      await route.fulfill({ response: r, json: body });
    } catch {
      // The page gave up this poll meanwhile (a newer one replaced it): nothing left to answer.
    }
  };
  await page.route('**/api/os/network/v2.0/subnets*', hideOther);
  const other = await page.request.post('/api/os/network/v2.0/subnets', { headers: headers(), data: { subnet: { network_id: networkId, ip_version: 4, cidr: '10.77.1.0/24', name: `${prefix}-other` } } });
  expect(other.status()).toBe(201);
  await add.getByLabel('Network address (CIDR)').fill('10.77.1.0/25');
  await add.getByRole('button', { name: 'Create subnet' }).click();
  const refusal = add.getByRole('alert');
  await expect(refusal).toContainText('The cloud refused the subnet');
  await expect(refusal).toContainText(`Requested subnet with cidr: 10.77.1.0/25 for network: ${networkId} overlaps with another subnet`);
  await expect(refusal).toContainText('HTTP 400');
  await expect(refusal).toContainText('request id');
  await page.unroute('**/api/os/network/v2.0/subnets*', hideOther);

  await add.getByLabel('IP version').selectOption('6');
  await add.getByLabel('Subnet name').fill(v6);
  await add.getByLabel('Network address (CIDR)').fill(CIDR6);
  await add.getByLabel('IPv6 address mode').selectOption('slaac');
  await add.getByLabel('IPv6 router advertisement mode').selectOption('dhcpv6-stateful');
  await add.getByRole('button', { name: 'Create subnet' }).click();
  await expect(add.getByText('When both modes are set, Neutron requires them to be the same')).toBeVisible();
  await add.getByLabel('IPv6 router advertisement mode').selectOption('');
  await expect(add.getByText(`openstack subnet create --network ${net} --subnet-range ${CIDR6} --ip-version 6 --ipv6-address-mode slaac ${v6}`)).toBeVisible();
  await add.getByRole('button', { name: 'Create subnet' }).click();
  await expect(add).toBeHidden();
  const r6 = row(page, 'Subnets of this network', v6);
  await expect(r6).toContainText(CIDR6);
  await expect(r6).toContainText('IPv6 (slaac)');
  // The other client's subnet goes again (this also shows delete from the subnets tab).
  await page.getByRole('button', { name: `Delete subnet ${prefix}-other` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete subnet?' });
  await expect(dialog).toContainText('openstack subnet delete');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'Subnets of this network', `${prefix}-other`)).toHaveCount(0);
});

test('create a port with a fixed IP, edit its security groups; the network in use cannot be deleted', async ({ page }) => {
  const sg = await page.request.post('/api/os/network/v2.0/security-groups', { headers: headers(), data: { security_group: { name: group, description: 'e2e' } } });
  expect(sg.status()).toBe(201);
  await openNetwork(page, 'Ports');
  await page.getByRole('toolbar', { name: 'Network actions' }).getByRole('button', { name: 'Create port' }).click();
  const form = page.getByRole('form', { name: 'Create port' });
  await form.getByLabel('Port name').fill(port);
  await form.getByLabel('Fixed IP address').fill('10.77.0.50');
  await form.getByRole('button', { name: 'Create port' }).click();
  await expect(form.getByText('Choose the subnet the address belongs to')).toBeVisible();
  await form.getByLabel('Subnet').selectOption({ label: `${v4} (${CIDR})` });
  await form.getByLabel('Fixed IP address').fill('10.78.0.50');
  await form.getByRole('button', { name: 'Create port' }).click();
  await expect(form.getByText(`The address must be inside ${CIDR}`)).toBeVisible();
  await form.getByLabel('Fixed IP address').fill('10.77.0.50');
  await expect(form.getByText(new RegExp(`openstack port create --network ${net} --fixed-ip subnet=[0-9a-f-]{36},ip-address=10\\.77\\.0\\.50 ${port}`))).toBeVisible();
  await form.getByRole('button', { name: 'Create port' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'created with' })).toContainText('10.77.0.50');
  await expect(row(page, 'Ports on this network', port)).toContainText('10.77.0.50');

  // Deleting the network now is refused by Neutron, with its message; the network stays.
  await page.getByRole('toolbar', { name: 'Network actions' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete network?' });
  await expect(dialog).toContainText(`openstack network delete ${networkId}`);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Delete failed' });
  await expect(alert).toContainText(`Unable to complete operation on network ${networkId}. There are one or more ports still in use on the network`);
  await expect(alert).toContainText('HTTP 409');
  await expect(alert).toContainText('request id');
  await page.reload();
  await expect(page.getByRole('heading', { name: net, level: 1 })).toBeVisible();
  await expect(page.getByText('no longer exists')).toHaveCount(0);

  // The ports list, filtered to this network, leads to the port's page.
  await page.getByRole('tab', { name: 'Ports' }).click();
  await page.getByRole('link', { name: 'Open in the ports list' }).click();
  await expect(page.getByRole('heading', { name: 'Ports', level: 1 })).toBeVisible();
  await page.getByRole('table', { name: 'Ports', exact: true }).getByRole('link', { name: port, exact: true }).click();
  await expect(page.getByRole('heading', { name: port, level: 1 })).toBeVisible();
  const overview = page.getByRole('tabpanel');
  await expect(overview).toContainText('10.77.0.50');
  await expect(overview).toContainText('default');

  await page.getByRole('toolbar', { name: 'Port actions' }).getByRole('button', { name: 'Edit security groups' }).click();
  const groups = page.getByRole('form', { name: 'Edit security groups' });
  await expect(groups.getByRole('checkbox', { name: 'default', exact: true })).toBeChecked();
  await groups.getByRole('checkbox', { name: 'default', exact: true }).uncheck();
  await groups.getByRole('checkbox', { name: group, exact: true }).check();
  await expect(groups.getByText(new RegExp(`openstack port set --no-security-group --security-group ${group} [0-9a-f-]{36}`))).toBeVisible();
  await groups.getByRole('button', { name: 'Save security groups' }).click();
  await expect(groups).toBeHidden();
  await expect(overview.getByText(group, { exact: true })).toBeVisible();
});

test('delete the port, the IPv6 subnet, then the network', async ({ page }) => {
  await openNetwork(page, 'Ports');
  await page.getByRole('button', { name: `Delete port ${port}` }).click();
  await page.getByRole('dialog', { name: 'Delete port?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('cell', { name: 'No ports on this network.' })).toBeVisible();

  await page.getByRole('tab', { name: 'Subnets' }).click();
  await page.getByRole('button', { name: `Delete subnet ${v6}` }).click();
  await page.getByRole('dialog', { name: 'Delete subnet?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'Subnets of this network', v6)).toHaveCount(0);
  await expect(row(page, 'Subnets of this network', v4)).toBeVisible();

  await page.getByRole('toolbar', { name: 'Network actions' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete network?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This network no longer exists.')).toBeVisible();
  await openNetworks(page);
  await expect(page.getByRole('table', { name: 'Networks', exact: true }).getByRole('link', { name: net, exact: true })).toHaveCount(0);
});
