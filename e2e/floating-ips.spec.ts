import { type Locator, type Page } from '@playwright/test';
import { deleteServers, RUN } from './compute-helpers';
import { expect, test } from './fixtures';
import { deleteRouters, neutronList, type Named } from './neutron-helpers';
import { backend, PROJECT_URL } from './helpers';
import { api, mutationHeaders, withApi } from './proxy-helpers';

// Floating IPs as people use them: the picker offers only the addresses a router connects to the pool (the others
// disabled, with the subnet to connect and a button that does it), Neutron's "not reachable" refusal in plain words,
// associate from the row menu, move to another instance in one step, disassociate after a confirmation, and the
// detail page following DOWN to ACTIVE by itself.
// Set up through the API: subnet A behind a router with a gateway on public (two instances), subnet B without a
// router (one instance), and a floating IP from public.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const prefix = `${RUN}-fip`;
const subA = `${prefix}-a-sub`;
const subB = `${prefix}-b-sub`;
const routerName = `${prefix}-router`;
const vmA1 = `${prefix}-a1`;
const vmA2 = `${prefix}-a2`;
const vmB = `${prefix}-b`;
const SLOW = { timeout: 60_000 };
// Per-run /24s in 10.150-199.x, so parallel runs on the shared real cloud never overlap on one router.
const third = parseInt(RUN.slice(-4), 36) % 250;
const cidrA = `10.${150 + (parseInt(RUN.slice(-6, -4), 36) % 25)}.${third}.0/24`;
const cidrB = `10.${175 + (parseInt(RUN.slice(-6, -4), 36) % 25)}.${third}.0/24`;

let address = '';
let fipId = '';
let routerId = '';
let subnetA = '';
let networkA = '';
const ports: Record<string, string> = {};

const headers = mutationHeaders;

const list = neutronList;

async function network(page: Page, name: string, cidr: string): Promise<{ net: string; subnet: string }> {
  const { network: n } = await api<{ network: Named }>(page, 'POST', 'network/v2.0/networks', { network: { name } });
  const { subnet } = await api<{ subnet: Named }>(page, 'POST', 'network/v2.0/subnets', { subnet: { name: `${name}-sub`, network_id: n.id, cidr, ip_version: 4 } });
  return { net: n.id, subnet: subnet.id };
}

async function boot(page: Page, name: string, net: string): Promise<string> {
  const { images } = (await (await page.request.get('/api/os/image/v2/images?name=cirros')).json()) as { images: Named[] };
  const { flavors } = (await (await page.request.get('/api/os/compute/flavors/detail')).json()) as { flavors: (Named & { ram: number })[] };
  const flavor = [...flavors].filter((f) => !f.name.startsWith('fail-')).sort((a, b) => a.ram - b.ram)[0];
  const res = await api<{ server: { id: string } }>(page, 'POST', 'compute/servers', { server: { name, imageRef: images[0].id, flavorRef: flavor.id, networks: [{ uuid: net }] } }, 202);
  return res.server.id;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await withApi(browser, async (page) => {
    const a = await network(page, `${prefix}-a`, cidrA);
    const b = await network(page, `${prefix}-b`, cidrB);
    subnetA = a.subnet;
    networkA = a.net;
    const [pub] = await list(page, 'networks?router:external=true&name=public', 'networks');
    const { router } = await api<{ router: Named }>(page, 'POST', 'network/v2.0/routers', { router: { name: routerName, external_gateway_info: { network_id: pub.id } } });
    routerId = router.id;
    await api(page, 'PUT', `network/v2.0/routers/${routerId}/add_router_interface`, { subnet_id: a.subnet });
    const servers = { [vmA1]: await boot(page, vmA1, a.net), [vmA2]: await boot(page, vmA2, a.net), [vmB]: await boot(page, vmB, b.net) };
    // Nova creates the ports while it builds: wait for each instance's port.
    for (const [name, id] of Object.entries(servers)) {
      await expect.poll(async () => (ports[name] = (await list(page, `ports?device_id=${id}`, 'ports'))[0]?.id ?? ''), { timeout: 180_000, intervals: [1_000, 2_000] }).not.toBe('');
    }
    const { floatingip } = await api<{ floatingip: { id: string; floating_ip_address: string } }>(page, 'POST', 'network/v2.0/floatingips', { floatingip: { floating_network_id: pub.id, description: prefix } });
    fipId = floatingip.id;
    address = floatingip.floating_ip_address;
  });
});

/** Removes what this run made, in dependency order, straight through the proxy. */
test.afterAll(async ({ browser }) => {
  test.setTimeout(180_000);
  await withApi(browser, async (page) => {
    const h = headers();
    for (const f of await list<{ id: string; description: string }>(page, 'floatingips', 'floatingips')) {
      if (f.description === prefix) await page.request.delete(`/api/os/network/v2.0/floatingips/${f.id}`, { headers: h });
    }
    await deleteServers(browser, prefix);
    const subnets = [...(await list(page, `subnets?name=${subA}`, 'subnets')), ...(await list(page, `subnets?name=${subB}`, 'subnets'))];
    await deleteRouters(page, routerName, subnets);
    // The instances' ports go away after their delete: retry until the networks are gone.
    await expect
      .poll(
        async () => {
          let left = 0;
          for (const n of [...(await list(page, `networks?name=${prefix}-a`, 'networks')), ...(await list(page, `networks?name=${prefix}-b`, 'networks'))]) {
            left++;
            await page.request.delete(`/api/os/network/v2.0/networks/${n.id}`, { headers: h });
          }
          return left;
        },
        { timeout: 120_000, intervals: [1_000, 2_000] },
      )
      .toBe(0);
  });
});

async function openFloatingIps(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Floating IPs', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Floating IPs', level: 1 })).toBeVisible();
}

const fipRow = (page: Page) =>
  page.getByRole('table', { name: 'Floating IPs', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: address, exact: true }) });

async function rowMenu(page: Page, item: string) {
  await fipRow(page).getByRole('button', { name: `Actions for ${address}` }).click();
  await fipRow(page).getByRole('menuitem', { name: item }).click();
}

const fipPort = async (page: Page) => (await api<{ floatingip: { port_id: string | null } }>(page, 'GET', `network/v2.0/floatingips/${fipId}`)).floatingip.port_id;

/**
 * Picks an instance's address once the picker offers it as reachable: its label changes while the page learns about
 * routers (", not connected to …" goes away), so it is chosen by its value, not by a label read a moment before.
 */
async function choose(picker: Locator, vm: string) {
  const option = picker.getByRole('option', { name: new RegExp(`^${vm}: 10\\.[0-9.]+ on [^,]+$`) });
  await expect(option).toBeEnabled(SLOW);
  await picker.selectOption((await option.getAttribute('value')) ?? '');
}

test('the picker offers only reachable addresses, says why the others are not, and words Neutron\'s refusal with a fix', async ({ page }) => {
  await openFloatingIps(page);
  await expect(fipRow(page)).toContainText('Not associated', SLOW);
  await rowMenu(page, 'Associate…');
  const form = page.getByRole('form', { name: 'Associate floating IP' });
  const picker = form.getByLabel('Instance address');
  await expect(picker.getByRole('option', { name: new RegExp(`^${vmA1}: 10\\.`) })).toBeEnabled(SLOW);
  await expect(picker.getByRole('option', { name: new RegExp(`^${vmA2}: 10\\.`) })).toBeEnabled();
  // The instance on the subnet without a router is listed, disabled, with the reason.
  await expect(picker.getByRole('option', { name: new RegExp(`^${vmB}: .* on ${subB}, not connected to public$`) })).toBeDisabled();
  const note = form.getByRole('note').filter({ hasText: `Connect ${subB} to a router with a gateway on public` });
  await expect(note).toContainText(vmB);
  await expect(note.getByRole('button', { name: `Add ${subB} to router ${routerName}` })).toBeVisible();

  // Choose web A1, then take its subnet off the router behind the form's back: Neutron refuses, and the form says
  // what to do instead of showing IDs, with a button that does it.
  await choose(picker, vmA1);
  await expect(form.getByText(`openstack floating ip set --port ${ports[vmA1]} ${address}`)).toBeVisible();
  await api(page, 'PUT', `network/v2.0/routers/${routerId}/remove_router_interface`, { subnet_id: subnetA });
  await form.getByRole('button', { name: 'Associate', exact: true }).click();
  const refusal = form.getByRole('alert').filter({ hasText: `Connect ${subA} to a router with a gateway on public` });
  await expect(refusal).toBeVisible(SLOW);
  await expect(refusal).toContainText('Association refused');
  await expect(refusal).not.toContainText(subnetA);
  await refusal.getByRole('button', { name: `Add ${subA} to router ${routerName}` }).click();
  await expect(refusal).toHaveCount(0, SLOW);
  expect(await list(page, `ports?device_id=${routerId}&network_id=${networkA}`, 'ports')).toHaveLength(1);

  // Associate from the row menu: the form closes and the row names the instance.
  await choose(picker, vmA1);
  await form.getByRole('button', { name: 'Associate', exact: true }).click();
  await expect(form).toHaveCount(0, SLOW);
  await expect(fipRow(page)).toContainText(vmA1, SLOW);
  expect(await fipPort(page)).toBe(ports[vmA1]);
});

test('move to another instance in one step from the detail page, which then turns ACTIVE by itself', async ({ page }) => {
  await openFloatingIps(page);
  await fipRow(page).getByRole('link', { name: address, exact: true }).click();
  await expect(page.getByRole('heading', { name: address, level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Move to another instance' }).click();
  const form = page.getByRole('form', { name: 'Move floating IP' });
  await expect(form).toContainText(`${address} now reaches ${vmA1}`, SLOW);
  const picker = form.getByLabel('Instance address');
  // Its current address is not offered again.
  await expect(picker.getByRole('option', { name: new RegExp(`^${vmA1}: `) })).toHaveCount(0);
  await choose(picker, vmA2);
  // One call: `floating ip set --port`, no unset first.
  await expect(form.getByText(`openstack floating ip set --port ${ports[vmA2]} ${address}`)).toBeVisible();
  await form.getByRole('button', { name: 'Move', exact: true }).click();
  // Back on the detail page, which follows the new association without a reload.
  await expect(page.getByRole('heading', { name: address, level: 1 })).toBeVisible(SLOW);
  expect(await fipPort(page)).toBe(ports[vmA2]);
  if (backend().dataPlane) {
    // Polled every 2 s while DOWN just after the association (not the 30 s of an idle page).
    const overview = page.getByRole('tabpanel');
    await expect(page.getByRole('main').locator('[data-tone]').first()).toHaveText('ACTIVE', { timeout: 15_000 });
    await expect(overview).not.toContainText('no L3 agent has activated it yet');
  }
});

test('disassociate from the row menu asks for confirmation first', async ({ page }) => {
  await openFloatingIps(page);
  await expect(fipRow(page)).toContainText(vmA2, SLOW);
  await rowMenu(page, 'Disassociate');
  const dialog = page.getByRole('dialog', { name: 'Disassociate floating IP?' });
  await expect(dialog).toContainText(`${address} will no longer reach its instance`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await fipPort(page)).toBe(ports[vmA2]);

  await rowMenu(page, 'Disassociate');
  await page.getByRole('dialog', { name: 'Disassociate floating IP?' }).getByRole('button', { name: 'Disassociate' }).click();
  await expect(fipRow(page)).toContainText('Not associated', SLOW);
  // The row changes at once (optimistic); Neutron's answer follows.
  await expect.poll(() => fipPort(page), SLOW).toBeNull();
});
