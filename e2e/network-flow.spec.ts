import { expect, test, type Page } from '@playwright/test';
import { deleteServers, instanceRow, openSection, RUN, watchStatuses } from './compute-helpers';
import { PROJECT_URL } from './helpers';
import { deleteRouters, neutronList, type Named } from './neutron-helpers';
import { mutationHeaders, withApi } from './proxy-helpers';

// One flow, step by step: the router, instance, floating IP and security group depend on each other.
// Needs no data plane: on the real cloud a floating IP stays DOWN (no L3 agent), which the flow does not check.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const prefix = `${RUN}-edge`;
const net = `${prefix}-net`;
const sub = `${prefix}-sub`;
const routerName = `${prefix}-router`;
const vm = `${prefix}-vm`;
const sg = `${prefix}-sg`;
const SLOW = { timeout: 60_000 };
// A per-run /24 in 10.200-249.x, so parallel runs on the shared real cloud never overlap on one router.
const third = parseInt(RUN.slice(-4), 36) % 250;
const cidr = `10.${200 + (parseInt(RUN.slice(-6, -4), 36) % 50)}.${third}.0/24`;
let floatingAddress = '';

const headers = mutationHeaders;

const list = neutronList;

test.beforeAll(async ({ browser }) => {
  await withApi(browser, async (page) => {
    const n = await page.request.post('/api/os/network/v2.0/networks', { headers: headers(), data: { network: { name: net } } });
    expect(n.status()).toBe(201);
    const { network } = (await n.json()) as { network: Named };
    const s = await page.request.post('/api/os/network/v2.0/subnets', { headers: headers(), data: { subnet: { name: sub, network_id: network.id, cidr, ip_version: 4 } } });
    expect(s.status()).toBe(201);
  });
});

/** Removes what this run left behind, in dependency order, straight through the proxy. */
test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await withApi(browser, async (page) => {
    const h = headers();
    if (floatingAddress) {
      for (const f of await list<{ id: string; floating_ip_address: string }>(page, `floatingips?floating_ip_address=${floatingAddress}`, 'floatingips')) {
        await page.request.delete(`/api/os/network/v2.0/floatingips/${f.id}`, { headers: h });
      }
    }
    await deleteServers(browser, prefix);
    const subnets = await list(page, `subnets?name=${sub}`, 'subnets');
    await deleteRouters(page, routerName, subnets);
    // The instance's ports go away asynchronously after its delete: retry until the network and group are gone.
    await expect
      .poll(
        async () => {
          let left = 0;
          for (const g of await list(page, `security-groups?name=${sg}`, 'security_groups')) {
            left++;
            await page.request.delete(`/api/os/network/v2.0/security-groups/${g.id}`, { headers: h });
          }
          for (const n of await list(page, `networks?name=${net}`, 'networks')) {
            left++;
            await page.request.delete(`/api/os/network/v2.0/networks/${n.id}`, { headers: h });
          }
          return left;
        },
        { timeout: 90_000, intervals: [1_000, 2_000] },
      )
      .toBe(0);
  });
});

async function openNetworkPage(page: Page, label: 'Routers' | 'Floating IPs' | 'Security Groups') {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { name: label === 'Security Groups' ? 'Security groups' : label, level: 1 })).toBeVisible();
}

const row = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function openRouter(page: Page) {
  await openNetworkPage(page, 'Routers');
  await row(page, 'Routers', routerName).getByRole('link', { name: routerName, exact: true }).click();
  await expect(page.getByRole('heading', { name: routerName, level: 1 })).toBeVisible();
}

async function openInstance(page: Page) {
  await openSection(page, 'Instances');
  await instanceRow(page, vm).getByRole('link', { name: vm, exact: true }).click();
  await expect(page.getByRole('heading', { name: vm, level: 1 })).toBeVisible();
}

test('a router with a gateway to public and an interface on the subnet; delete is refused while it has one', async ({ page }) => {
  await openNetworkPage(page, 'Routers');
  await expect(page.getByText(/A router connects your subnets/)).toBeVisible();
  await page.getByRole('button', { name: 'Create router' }).click();
  const form = page.getByRole('form', { name: 'Create router' });
  await form.getByRole('button', { name: 'Create router' }).click();
  await expect(form.getByText('Enter a name')).toBeVisible();
  await form.getByLabel('Router name').fill(routerName);
  await form.getByLabel('External gateway network').selectOption({ label: 'public' });
  await expect(form.getByText(`openstack router create --external-gateway public ${routerName}`)).toBeVisible();
  await form.getByRole('button', { name: 'Create router' }).click();
  await expect(page.getByRole('heading', { name: routerName, level: 1 })).toBeVisible(SLOW);
  const overview = page.getByRole('tabpanel');
  await expect(overview).toContainText('public');
  await expect(overview).toContainText(/172\.24\.4\.\d+/);

  const toolbar = page.getByRole('toolbar', { name: 'Router actions' });
  await toolbar.getByRole('button', { name: 'Add interface' }).click();
  const add = page.getByRole('form', { name: 'Add router interface' });
  await add.getByLabel('Subnet').selectOption({ label: `${sub} (${cidr}, gateway ${cidr.replace(/0\/24$/, '1')})` });
  await expect(add.getByText(`openstack router add subnet ${routerName} ${sub}`)).toBeVisible();
  await add.getByRole('button', { name: 'Add interface' }).click();
  await expect(add).toHaveCount(0, SLOW);
  await page.getByRole('tab', { name: 'Interfaces' }).click();
  const ifaces = page.getByRole('table', { name: 'Router interfaces' });
  await expect(ifaces).toContainText(sub, SLOW);
  await expect(ifaces).toContainText(cidr.replace(/0\/24$/, '1'));

  await toolbar.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete router?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Delete failed' })).toContainText(/Router .+ has ports still attached/, SLOW);
});

test('launch an instance on the network; associate a floating IP from the instance page', async ({ page }) => {
  await openSection(page, 'Instances');
  await page.getByRole('link', { name: 'Launch instance' }).click();
  const form = page.getByRole('form', { name: 'Launch instance' });
  await expect(form.getByLabel('Flavor', { exact: true })).not.toHaveValue('');
  await form.getByLabel('Name', { exact: true }).fill(vm);
  const nets = form.getByRole('group', { name: 'Networks' });
  // Wait for the list (the form's default choice comes with it) before unticking: unticking too early left the
  // default network ticked too, and two interfaces make the floating IP form ask which one.
  await expect(nets.getByRole('checkbox', { name: net })).toBeVisible();
  for (const box of await nets.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
  await nets.getByRole('checkbox', { name: net }).check();
  await expect(nets.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await form.getByLabel('Key pair', { exact: true }).selectOption({ label: 'None' });
  await watchStatuses(page, vm);
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(page).toHaveURL(/\/instances\?region=/);
  await expect(instanceRow(page, vm)).toContainText('ACTIVE', SLOW);

  await openInstance(page);
  await page.getByRole('toolbar', { name: 'Instance actions' }).getByRole('button', { name: 'Associate floating IP' }).click();
  const assoc = page.getByRole('form', { name: 'Associate floating IP' });
  // Never take an address another run left free: allocate one for this run.
  await assoc.getByLabel('Floating IP').selectOption({ label: 'Allocate a new one' });
  await assoc.getByLabel('Pool').selectOption({ label: 'public' });
  await expect(assoc.getByText(/openstack floating ip create public; openstack floating ip set --port /)).toBeVisible();
  await assoc.getByRole('button', { name: 'Associate' }).click();
  await expect(assoc).toHaveCount(0, SLOW);
  await expect(page.getByRole('toolbar', { name: 'Instance actions' }).getByRole('button', { name: 'Disassociate floating IP' })).toBeVisible(SLOW);

  await openNetworkPage(page, 'Floating IPs');
  const fipRow = page.getByRole('table', { name: 'Floating IPs' }).getByRole('row').filter({ hasText: vm });
  await expect(fipRow).toHaveCount(1, SLOW);
  floatingAddress = (await fipRow.getByRole('link').first().textContent()) ?? '';
  expect(floatingAddress).toMatch(/^172\.24\.4\.\d+$/);
  await expect(fipRow).toContainText('public');

  // Nova shows it in the instance's addresses once Neutron notifies it (up to ~20 s on the real cloud).
  await openSection(page, 'Instances');
  await expect(instanceRow(page, vm)).toContainText(floatingAddress, { timeout: 90_000 });
});

test('a security group with the SSH preset; bad port and CIDR are refused in the form; added to the instance', async ({ page }) => {
  await openNetworkPage(page, 'Security Groups');
  await page.getByRole('button', { name: 'Create security group' }).click();
  const form = page.getByRole('form', { name: 'Create security group' });
  await form.getByLabel('Name').fill(sg);
  await expect(form.getByText(`openstack security group create ${sg}`)).toBeVisible();
  await form.getByRole('button', { name: 'Create security group' }).click();
  await expect(page.getByRole('heading', { name: sg, level: 1 })).toBeVisible(SLOW);
  await page.getByRole('tab', { name: 'Rules' }).click();

  const rules = page.getByRole('table', { name: 'Security group rules' });
  await page.getByRole('group', { name: 'Add a common rule' }).getByRole('button', { name: 'SSH (22)' }).click();
  const ssh = rules.getByRole('row').filter({ hasText: 'ingress' }).filter({ hasText: 'tcp' });
  await expect(ssh).toContainText('22', SLOW);
  await expect(ssh).toContainText('0.0.0.0/0');

  await page.getByRole('button', { name: 'Custom rule' }).click();
  const custom = page.getByRole('form', { name: 'Add custom rule' });
  await custom.getByLabel('Port range').fill('70000');
  await custom.getByLabel('Remote CIDR').fill('10.0.0.300/24');
  await custom.getByRole('button', { name: 'Add rule' }).click();
  await expect(custom.getByText('Ports are 1 to 65535 (70000 is out of range)')).toBeVisible();
  await expect(custom.getByText(/Not a valid IPv4 CIDR/)).toBeVisible();
  await custom.getByLabel('Port range').fill('8000-8080');
  await custom.getByLabel('Remote CIDR').fill('2001:db8::/32');
  await custom.getByRole('button', { name: 'Add rule' }).click();
  await expect(custom.getByText('This is an IPv6 CIDR but the rule is for IPv4')).toBeVisible();
  await custom.getByLabel('Remote CIDR').fill('203.0.113.0/24');
  await expect(custom.getByText(`openstack security group rule create --ingress --ethertype IPv4 --protocol tcp --dst-port 8000:8080 --remote-ip 203.0.113.0/24 ${sg}`)).toBeVisible();
  await custom.getByRole('button', { name: 'Add rule' }).click();
  await expect(custom).toHaveCount(0, SLOW);
  await expect(rules.getByRole('row').filter({ hasText: '203.0.113.0/24' })).toContainText('8000–8080');

  await openInstance(page);
  await page.getByRole('tab', { name: 'Security groups' }).click();
  const add = page.getByRole('form', { name: 'Add security group' });
  await add.getByLabel('Security group to add').selectOption({ label: sg });
  await expect(add.getByText(`openstack server add security group ${vm} ${sg}`)).toBeVisible();
  await add.getByRole('button', { name: 'Add security group' }).click();
  await expect(page.getByRole('table', { name: 'Instance security groups' })).toContainText(sg, SLOW);
});

test('tear down through the UI: disassociate, release, delete instance, remove interface, clear gateway, delete router and group', async ({ page }) => {
  await openInstance(page);
  await page.getByRole('toolbar', { name: 'Instance actions' }).getByRole('button', { name: 'Disassociate floating IP' }).click();
  const dis = page.getByRole('form', { name: 'Disassociate floating IP' });
  await expect(dis.getByText(`openstack floating ip unset --port ${floatingAddress}`)).toBeVisible();
  await dis.getByRole('button', { name: 'Disassociate' }).click();
  await expect(page.getByRole('toolbar', { name: 'Instance actions' }).getByRole('button', { name: 'Disassociate floating IP' })).toHaveCount(0, SLOW);

  await openNetworkPage(page, 'Floating IPs');
  const fipRow = row(page, 'Floating IPs', floatingAddress);
  await expect(fipRow).toContainText('Not associated', SLOW);
  await fipRow.getByRole('button', { name: `Actions for ${floatingAddress}` }).click();
  await fipRow.getByRole('menuitem', { name: 'Release' }).click();
  await page.getByRole('dialog', { name: 'Release floating IP?' }).getByRole('button', { name: 'Release' }).click();
  await expect(fipRow).toHaveCount(0, SLOW);
  floatingAddress = '';

  await openSection(page, 'Instances');
  await instanceRow(page, vm).getByRole('button', { name: `Actions for ${vm}` }).click();
  await instanceRow(page, vm).getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: /Delete/ }).getByRole('button', { name: 'Delete' }).click();
  await expect(instanceRow(page, vm)).toHaveCount(0, SLOW);

  await openRouter(page);
  await page.getByRole('tab', { name: 'Interfaces' }).click();
  await page.getByRole('button', { name: `Remove interface on ${sub}` }).click();
  await page.getByRole('dialog', { name: 'Remove interface?' }).getByRole('button', { name: 'Remove interface' }).click();
  await expect(page.getByRole('table', { name: 'Router interfaces' })).toContainText('No interfaces', SLOW);
  const toolbar = page.getByRole('toolbar', { name: 'Router actions' });
  await toolbar.getByRole('button', { name: 'Clear gateway' }).click();
  await page.getByRole('dialog', { name: 'Clear the external gateway?' }).getByRole('button', { name: 'Clear gateway' }).click();
  await expect(toolbar.getByRole('button', { name: 'Set gateway' })).toBeVisible(SLOW);
  await toolbar.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete router?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This router no longer exists.')).toBeVisible(SLOW);

  // The deleted instance's port may linger a moment: Neutron refuses the group while it is in use.
  await openNetworkPage(page, 'Security Groups');
  await expect(async () => {
    const r = row(page, 'Security groups', sg);
    await r.getByRole('button', { name: `Actions for ${sg}` }).click();
    await r.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete security group?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(r).toHaveCount(0, { timeout: 5_000 });
  }).toPass(SLOW);
});
