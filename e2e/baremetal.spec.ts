import { expect, test, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { apiLogIn, LOGGED_OUT, PROJECT_URL } from './helpers';

// Ironic is admin-only: the node flow logs in as admin (its own login; the shared storage state is demo's).
// Both backends: the realcloud runs Ironic 21.4 with fake-hardware, the demo cloud its own Ironic.
const node = `${RUN}-bm`;
// A MAC unique to this run (ports' MACs are unique across the cloud, which other helpers share).
const stamp = Date.now();
const mac = `52:54:01:${[16, 8, 0].map((s) => ((stamp >> s) & 0xff).toString(16).padStart(2, '0')).join(':')}`;
const SLOW = { timeout: 30_000 };

const status = (page: Page) => page.locator('div:has(> h1) [data-tone]');
const field = (page: Page, label: string) => page.getByRole('tabpanel').locator(`dt:text-is("${label}") + dd`);
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Node actions' });

async function act(page: Page, button: string, dialog?: string) {
  await toolbar(page).getByRole('button', { name: button, exact: true }).click();
  if (dialog) await page.getByRole('dialog', { name: dialog }).getByRole('button', { name: button, exact: true }).click();
}

async function asAdmin(page: Page, baseURL: string | undefined): Promise<string> {
  const home = await apiLogIn(page, baseURL, 'admin', 'admin');
  await page.goto(home);
  await expect(page).toHaveURL(PROJECT_URL);
  return new URL(page.url()).pathname;
}

test.describe('bare-metal nodes as admin', () => {
  test.use({ storageState: LOGGED_OUT });
  test.describe.configure({ timeout: 180_000 });

  test.afterEach(async ({ page, baseURL }) => {
    // Whatever this run left: maintenance lets Ironic delete a node in any stable state.
    const headers = { 'X-Stratus-CSRF': '1', Origin: baseURL ?? '' };
    const r = await page.request.get(`/api/os/baremetal/v1/nodes/${node}`);
    if (r.status() !== 200) return;
    await page.request.put(`/api/os/baremetal/v1/nodes/${node}/maintenance`, { headers, data: { reason: 'e2e cleanup' } });
    await expect.poll(async () => (await page.request.delete(`/api/os/baremetal/v1/nodes/${node}`, { headers })).status(), { timeout: 60_000, intervals: [1_000, 2_000] }).toBe(204);
  });

  test('enroll (bad input refused) → manage → provide → deploy → undeploy → delete, power, maintenance, ports', async ({ page, baseURL }) => {
    const home = await asAdmin(page, baseURL);
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Nodes', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Nodes', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Enroll node' }).click();

    const form = page.getByRole('form', { name: 'Enroll node' });
    await form.getByLabel('Name', { exact: true }).fill(node);
    await form.getByLabel('CPUs').fill('abc');
    await form.getByRole('button', { name: 'Enroll node' }).click();
    await expect(form.getByLabel('Driver', { exact: true })).toHaveAccessibleDescription('Choose a driver');
    await expect(form.getByText('CPUs must be a whole number, 0 or more')).toBeVisible();
    await expect(page).toHaveURL(/\/nodes\/new/);

    await form.getByLabel('Driver', { exact: true }).selectOption('fake-hardware');
    await form.getByLabel('Driver info key 1').fill('deploy_kernel');
    await form.getByLabel('Driver info value 1').fill('http://192.0.2.10/ipa.kernel');
    await form.getByLabel('CPUs').fill('2');
    await form.getByLabel('Memory (MiB)').fill('1024');
    await form.getByLabel('Local disk (GiB)').fill('10');
    await form.getByLabel('CPU architecture').fill('x86_64');
    await form.getByLabel('Resource class').fill('baremetal');
    await expect(form.getByText(`openstack baremetal node create --driver fake-hardware --name ${node} --driver-info deploy_kernel=http://192.0.2.10/ipa.kernel --property cpus=2`)).toBeVisible();
    await form.getByRole('button', { name: 'Enroll node' }).click();

    await expect(page.getByRole('heading', { name: node, level: 1 })).toBeVisible();
    await expect(status(page)).toHaveText('enroll');
    await expect(field(page, 'Driver info')).toContainText('deploy_kernel=http://192.0.2.10/ipa.kernel');
    await expect(field(page, 'Properties')).toContainText('cpus=2');
    // The state machine: only manage from enroll.
    await expect(toolbar(page).getByRole('button', { name: 'Deploy' })).toHaveCount(0);
    await expect(toolbar(page).getByRole('button', { name: 'Provide' })).toHaveCount(0);

    // Ports: an invalid MAC never reaches Ironic; a valid one is listed; delete it again.
    await page.getByRole('tab', { name: 'Ports' }).click();
    const add = page.getByRole('form', { name: 'Add port' });
    await add.getByLabel('MAC address').fill('zz:11:22');
    await add.getByRole('button', { name: 'Add port' }).click();
    await expect(add.getByText('Enter a MAC address like 52:54:00:12:34:56')).toBeVisible();
    await add.getByLabel('MAC address').fill(mac.toUpperCase());
    await expect(add.getByText(`openstack baremetal port create ${mac.toUpperCase()} --node`)).toBeVisible();
    await add.getByRole('button', { name: 'Add port' }).click();
    const ports = page.getByRole('table', { name: 'Ports of this node' });
    await expect(ports).toContainText(mac);
    await ports.getByRole('button', { name: `Delete port ${mac}` }).click();
    await page.getByRole('dialog', { name: 'Delete port?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(ports).toContainText('No ports.');
    await add.getByLabel('MAC address').fill(mac);
    await add.getByRole('button', { name: 'Add port' }).click();
    await expect(ports).toContainText(mac);
    await page.getByRole('tab', { name: 'Overview' }).click();

    await act(page, 'Manage');
    await expect(status(page)).toHaveText('manageable', SLOW);
    await act(page, 'Provide');
    await expect(status(page)).toHaveText('available', SLOW);

    await act(page, 'Power on');
    await expect(field(page, 'Power state')).toHaveText('power on', SLOW);
    await act(page, 'Power off', 'Power off?');
    await expect(field(page, 'Power state')).toHaveText('power off', SLOW);

    // Maintenance with a reason blocks deploy; leaving it offers deploy again.
    await toolbar(page).getByRole('button', { name: 'Set maintenance' }).click();
    const maint = page.getByRole('form', { name: 'Set maintenance' });
    await maint.getByLabel('Maintenance reason').fill(`${RUN} disk swap`);
    await expect(maint.getByText(`openstack baremetal node maintenance set --reason '${RUN} disk swap'`)).toBeVisible();
    await maint.getByRole('button', { name: 'Enter maintenance' }).click();
    await expect(field(page, 'Maintenance')).toHaveText(`Yes: ${RUN} disk swap`);
    await expect(toolbar(page).getByRole('button', { name: 'Deploy' })).toHaveCount(0);
    await act(page, 'Leave maintenance');
    await expect(field(page, 'Maintenance')).toHaveText('No');

    await act(page, 'Deploy');
    await expect(status(page)).toHaveText('active', { timeout: 60_000 });
    // fake-hardware deploys without touching the power (it was switched off above).
    await expect(field(page, 'Power state')).toHaveText('power off');
    await expect(toolbar(page).getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await act(page, 'Undeploy', 'Undeploy node?');
    await expect(status(page)).toHaveText('available', { timeout: 60_000 });

    // The list shows it with its states and filters by provision state and driver (Ironic's query parameters).
    await page.goto(`${home}/nodes?provision_state=available&driver=fake-hardware`);
    const row = page.getByRole('table', { name: 'Nodes' }).getByRole('row').filter({ has: page.getByRole('link', { name: node, exact: true }) });
    await expect(row).toContainText('available');
    // The driver column is hidden by default (the table fits 1440 px): the driver=fake-hardware filter above finds the row.
    await expect(row).toContainText('baremetal');
    await page.goto(`${home}/nodes?provision_state=enroll`);
    await expect(page.getByRole('table', { name: 'Nodes' })).not.toContainText(node);
    await page.goto(`${home}/nodes?maintenance=false`);
    await row.getByRole('link', { name: node, exact: true }).click();

    await act(page, 'Delete', 'Delete node?');
    await expect(page.getByText('This node no longer exists.')).toBeVisible(SLOW);
  });
});

test('a member sees that bare metal needs the admin role', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: /^Nodes/ }).click();
  await expect(page.getByRole('heading', { name: 'Bare metal requires the admin role', level: 1 })).toBeVisible();
  await expect(page.getByText('HTTP 403')).toHaveCount(0);
});
