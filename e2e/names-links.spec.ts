import { type Locator, type Page } from '@playwright/test';
import { deleteServers, instanceRow, openSection, RUN } from './compute-helpers';
import { expect, test } from './fixtures';
import { PROJECT_URL } from './helpers';
import { deleteRouters, neutronList, type Named } from './neutron-helpers';
import { api, mutationHeaders, withApi } from './proxy-helpers';

// Names and links instead of raw ids, where the API gives an id the user can follow: the instance overview's IP
// addresses (the floating one marked), the action log's user by name, the floating IP page's router and instance as
// links, and "Attached to" on a volume (the instance by name, a link, with the device).
// Set up through the API: a network behind a router with a gateway on public, one instance on it, a floating IP
// associated with its port, and a volume attached to it.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const prefix = `${RUN}-names`;
const vm = `${prefix}-vm`;
const routerName = `${prefix}-router`;
const netName = `${prefix}-net`;
const volName = `${prefix}-vol`;
const SLOW = { timeout: 60_000 };
// A per-run /24 in 10.200-224.x, apart from the floating IP spec's ranges on the shared real cloud.
const cidr = `10.${200 + (parseInt(RUN.slice(-6, -4), 36) % 25)}.${parseInt(RUN.slice(-4), 36) % 250}.0/24`;

let address = '';
let fixed = '';
let device = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  await withApi(browser, async (page) => {
    const { network } = await api<{ network: Named }>(page, 'POST', 'network/v2.0/networks', { network: { name: netName } });
    const { subnet } = await api<{ subnet: Named }>(page, 'POST', 'network/v2.0/subnets', { subnet: { name: `${netName}-sub`, network_id: network.id, cidr, ip_version: 4 } });
    const [pub] = await neutronList(page, 'networks?router:external=true&name=public', 'networks');
    const { router } = await api<{ router: Named }>(page, 'POST', 'network/v2.0/routers', { router: { name: routerName, external_gateway_info: { network_id: pub.id } } });
    await api(page, 'PUT', `network/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });

    const { images } = (await (await page.request.get('/api/os/image/v2/images?name=cirros')).json()) as { images: Named[] };
    const { flavors } = (await (await page.request.get('/api/os/compute/flavors/detail')).json()) as { flavors: (Named & { ram: number })[] };
    const flavor = [...flavors].filter((f) => !f.name.startsWith('fail-')).sort((a, b) => a.ram - b.ram)[0];
    const { server } = await api<{ server: { id: string } }>(page, 'POST', 'compute/servers', { server: { name: vm, imageRef: images[0].id, flavorRef: flavor.id, networks: [{ uuid: network.id }] } }, 202);
    await expect
      .poll(async () => (await api<{ server: { status: string } }>(page, 'GET', `compute/servers/${server.id}`)).server.status, { timeout: 180_000, intervals: [1_000, 2_000] })
      .toBe('ACTIVE');
    let port: { id: string; fixed_ips: { ip_address: string }[] } | undefined;
    await expect.poll(async () => (port = (await neutronList<{ id: string; fixed_ips: { ip_address: string }[] }>(page, `ports?device_id=${server.id}`, 'ports'))[0])?.id ?? '', SLOW).not.toBe('');
    fixed = port!.fixed_ips[0].ip_address;

    const { floatingip } = await api<{ floatingip: { id: string; floating_ip_address: string } }>(page, 'POST', 'network/v2.0/floatingips', { floatingip: { floating_network_id: pub.id, description: prefix } });
    address = floatingip.floating_ip_address;
    await api(page, 'PUT', `network/v2.0/floatingips/${floatingip.id}`, { floatingip: { port_id: port!.id } });

    const { volume } = await api<{ volume: { id: string } }>(page, 'POST', 'volumev3/volumes', { volume: { name: volName, size: 1 } }, 202);
    const volumeState = async () => (await api<{ volume: { status: string; attachments: { device?: string }[] } }>(page, 'GET', `volumev3/volumes/${volume.id}`)).volume;
    await expect.poll(async () => (await volumeState()).status, SLOW).toBe('available');
    await api(page, 'POST', `compute/servers/${server.id}/os-volume_attachments`, { volumeAttachment: { volumeId: volume.id } }, 200);
    await expect.poll(async () => (await volumeState()).status, SLOW).toBe('in-use');
    device = (await volumeState()).attachments[0]?.device ?? '';
    expect(device, 'the attachment names its device').toMatch(/^\/dev\/\w+$/);
  });
});

/** Removes what this run made, in dependency order, straight through the proxy. */
test.afterAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await withApi(browser, async (page) => {
    const headers = mutationHeaders();
    for (const f of await neutronList<{ id: string; description: string }>(page, 'floatingips', 'floatingips')) {
      if (f.description === prefix) await page.request.delete(`/api/os/network/v2.0/floatingips/${f.id}`, { headers });
    }
    const vols = (await (await page.request.get(`/api/os/volumev3/volumes/detail?name=${volName}`)).json()) as { volumes?: { id: string; attachments: { server_id: string }[] }[] };
    for (const v of vols.volumes ?? []) {
      for (const a of v.attachments) await page.request.delete(`/api/os/compute/servers/${a.server_id}/os-volume_attachments/${v.id}`, { headers });
    }
    await deleteServers(browser, prefix);
    // Detaches finish asynchronously: retry the volume delete until it is gone.
    await expect
      .poll(
        async () => {
          const left = ((await (await page.request.get(`/api/os/volumev3/volumes/detail?name=${volName}`)).json()) as { volumes?: { id: string }[] }).volumes ?? [];
          for (const v of left) await page.request.delete(`/api/os/volumev3/volumes/${v.id}`, { headers });
          return left.length;
        },
        { timeout: 120_000, intervals: [1_000, 2_000] },
      )
      .toBe(0);
    await deleteRouters(page, routerName, await neutronList(page, `subnets?name=${netName}-sub`, 'subnets'));
    // The instance's port goes away after its delete: retry until the network is gone.
    await expect
      .poll(
        async () => {
          const nets = await neutronList(page, `networks?name=${netName}`, 'networks');
          for (const n of nets) await page.request.delete(`/api/os/network/v2.0/networks/${n.id}`, { headers });
          return nets.length;
        },
        { timeout: 120_000, intervals: [1_000, 2_000] },
      )
      .toBe(0);
  });
});

/** The value (`dd`) of a description list's term (`dt`) in an overview. */
const field = (scope: Locator, term: string) => scope.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

/** Opens a section from the sidebar; answers the row naming `rowName`. */
async function openSectionRow(page: Page, section: 'Floating IPs' | 'Volumes', rowName: string): Promise<Locator> {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible();
  return page.getByRole('table', { name: section, exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: rowName, exact: true }) });
}

async function openDetail(page: Page, row: Locator, name: string) {
  await row.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('IDs the user can follow are shown by name, as links', async ({ page }) => {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string; name: string } };

  // The instance overview lists its addresses per network, the floating one marked as such.
  await openSection(page, 'Instances');
  await instanceRow(page, vm).getByRole('link', { name: vm, exact: true }).click();
  await expect(page.getByRole('heading', { name: vm, level: 1 })).toBeVisible();
  const ips = page.getByRole('region', { name: 'IP addresses' });
  const list = ips.getByRole('list', { name: `Addresses on ${netName}` });
  await expect(list.getByRole('listitem').filter({ hasText: fixed })).toBeVisible(SLOW);
  await expect(list.getByRole('listitem').filter({ hasText: fixed })).not.toContainText('Floating IP');
  // Nova's addresses follow the association when Neutron tells Nova: reloaded until they do.
  await expect(async () => {
    await page.reload();
    await expect(list.getByRole('listitem').filter({ hasText: address })).toContainText('Floating IP', { timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000, 5_000] });

  // The action log names the user who created it (the one logged in), not their id.
  await page.getByRole('tab', { name: 'Action log' }).click();
  const create = page.getByRole('table', { name: 'Action log' }).getByRole('row').filter({ has: page.getByRole('cell', { name: 'create', exact: true }) });
  await expect(create.getByRole('cell', { name: session.user.name, exact: true })).toBeVisible(SLOW);
  await expect(create).not.toContainText(session.user.id);

  // The floating IP page names its instance and router, each a link to its page.
  await openDetail(page, await openSectionRow(page, 'Floating IPs', address), address);
  const overview = page.getByRole('tabpanel');
  await expect(field(overview, 'Router').getByRole('link', { name: routerName, exact: true })).toBeVisible(SLOW);
  await field(overview, 'Instance').getByRole('link', { name: vm, exact: true }).click();
  await expect(page.getByRole('heading', { name: vm, level: 1 })).toBeVisible();
  await page.goBack();
  await field(page.getByRole('tabpanel'), 'Router').getByRole('link', { name: routerName, exact: true }).click();
  await expect(page.getByRole('heading', { name: routerName, level: 1 })).toBeVisible();

  // A volume says which instance it is attached to, by name and on which device, the name a link.
  const volumeRow = await openSectionRow(page, 'Volumes', volName);
  await expect(volumeRow).toContainText(`${vm} on ${device}`, SLOW);
  await openDetail(page, volumeRow, volName);
  const attached = field(page.getByRole('tabpanel'), 'Attached to');
  await expect(attached).toHaveText(`${vm} on ${device}`, SLOW);
  await attached.getByRole('link', { name: vm, exact: true }).click();
  await expect(page.getByRole('heading', { name: vm, level: 1 })).toBeVisible();
});
