import { expect, test, type Page } from '@playwright/test';
import { violations } from './axe';
import { createServer, deleteServers, RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';
import { deleteRouters, neutronList, type Named } from './neutron-helpers';
import { api, mutationHeaders, withApi } from './proxy-helpers';

// Issue 20's "template from live resources": a network with its subnet, a router with its interface and two servers,
// chosen on their lists and the export page, exported as HOT, launched through the stack launch form; the stack
// recreates them (the demo cloud). The real cloud's Heat validates the same export (its launch form's Validate).
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const prefix = `${RUN}-iac`;
const net = `${prefix}-net`;
const sub = `${prefix}-sub`;
const routerName = `${prefix}-router`;
const servers = [`${prefix}-1`, `${prefix}-2`];
const stack = `${prefix}-copy`;
const HEAT = '/api/os/orchestration';
const SLOW = { timeout: 120_000 };
// A per-run /24 in 10.150-199.x, apart from the other specs' ranges on the shared real cloud.
const cidr = `10.${150 + (parseInt(RUN.slice(-6, -4), 36) % 50)}.${parseInt(RUN.slice(-4), 36) % 250}.0/24`;
// The originals' ids: the template must name none of them.
const ids: string[] = [];

interface Listed {
  id: string;
  stack_name: string;
}
const myStacks = async (page: Page) => (((await (await page.request.get(`${HEAT}/stacks`)).json()) as { stacks?: Listed[] }).stacks ?? []).filter((s) => s.stack_name === stack);

test.beforeAll(async ({ browser }) => {
  await withApi(browser, async (page) => {
    const { network } = await api<{ network: Named }>(page, 'POST', 'network/v2.0/networks', { network: { name: net } });
    const { subnet } = await api<{ subnet: Named }>(page, 'POST', 'network/v2.0/subnets', { subnet: { name: sub, network_id: network.id, cidr, ip_version: 4 } });
    const [pub] = await neutronList(page, 'networks?router:external=true', 'networks');
    const { router } = await api<{ router: Named }>(page, 'POST', 'network/v2.0/routers', { router: { name: routerName, external_gateway_info: { network_id: pub.id } } });
    await api(page, 'PUT', `network/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    ids.push(network.id, subnet.id, router.id);
    for (const name of servers) ids.push((await createServer(page, name, network.id)).id);
  });
});

/** The stack first (Heat deletes its copies), then the originals in dependency order. */
test.afterAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await withApi(browser, async (page) => {
    await expect
      .poll(
        async () => {
          const left = await myStacks(page);
          for (const s of left) await page.request.delete(`${HEAT}/stacks/${s.stack_name}/${s.id}`, { headers: mutationHeaders() });
          return left.length;
        },
        { timeout: 180_000, intervals: [2_000, 5_000] },
      )
      .toBe(0);
    await deleteServers(browser, prefix);
    await deleteRouters(page, routerName, await neutronList(page, `subnets?name=${sub}`, 'subnets'));
    // The servers' ports go after their delete: retry until the network is gone.
    await expect
      .poll(
        async () => {
          const left = await neutronList(page, `networks?name=${net}`, 'networks');
          for (const n of left) await page.request.delete(`/api/os/network/v2.0/networks/${n.id}`, { headers: mutationHeaders() });
          return left.length;
        },
        { timeout: 90_000, intervals: [1_000, 2_000] },
      )
      .toBe(0);
  });
});

test('the topology links to the export page with the objects of its picture chosen', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Topology', exact: true }).click();
  await page.getByRole('toolbar', { name: 'Topology view' }).getByRole('link', { name: 'Export as Heat template' }).click();
  await expect(page.getByRole('heading', { name: 'Export a Heat template', level: 1 })).toBeVisible();
  // A shared cloud's picture may hold more than a link can carry: then nothing is chosen, and the user picks.
  const chosen = page.getByRole('group', { name: 'Networks' }).getByRole('checkbox', { name: net, exact: true });
  await expect(chosen).toBeVisible();
  if (!(await chosen.isChecked())) return;
  await expect(page.getByRole('group', { name: 'Routers' }).getByRole('checkbox', { name: routerName, exact: true })).toBeChecked();
  for (const s of servers) await expect(page.getByRole('group', { name: 'Instances' }).getByRole('checkbox', { name: s, exact: true })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Template' }).getByLabel('Heat template (YAML)')).toContainText(`name: ${routerName}`);
});

test('choose on the lists and the export page, read the template, launch form validates it', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  // The networks list filtered to this run's network (a shared cloud has many).
  const home = new URL(page.url());
  await page.goto(`${home.pathname}/networks?name=${net}&${home.searchParams.toString()}`);
  await expect(page.getByRole('heading', { name: 'Networks', level: 1 })).toBeVisible();
  await page.getByRole('checkbox', { name: `Select ${net}`, exact: true }).check();
  await page.getByRole('button', { name: 'Export selected as Heat template (1)' }).click();

  await expect(page.getByRole('heading', { name: 'Export a Heat template', level: 1 })).toBeVisible();
  const networks = page.getByRole('group', { name: 'Networks' });
  await expect(networks.getByRole('checkbox', { name: net, exact: true })).toBeChecked();
  await page.getByRole('group', { name: 'Routers' }).getByRole('checkbox', { name: routerName, exact: true }).check();
  for (const s of servers) await page.getByRole('group', { name: 'Instances' }).getByRole('checkbox', { name: s, exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: '4 objects chosen' })).toBeVisible();

  const code = page.getByRole('region', { name: 'Template' }).getByLabel('Heat template (YAML)');
  await expect(code).toContainText('heat_template_version: 2018-08-31');
  // References between the objects, the image, flavor and external network as parameters, no ids.
  await expect(code).toContainText('OS::Neutron::RouterInterface');
  await expect(code).toContainText(`get_resource: subnet_${sub.replace(/-/g, '_')}`);
  await expect(code).toContainText('custom_constraint: glance.image');
  const yaml = (await code.textContent()) ?? '';
  for (const id of ids) expect(yaml).not.toContain(id);
  expect((yaml.match(/type: OS::Nova::Server/g) ?? []).length).toBe(2);
  expect(await violations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Launch as stack' }).click();
  const form = page.getByRole('form', { name: 'Launch stack' });
  await expect(form.getByLabel('Template (YAML or JSON)')).toHaveValue(yaml);
  await form.getByRole('button', { name: 'Validate template' }).click();
  // Heat (the demo cloud's or the real one) accepts it: the image, flavor and external network parameters.
  await expect(form.getByRole('status').filter({ hasText: 'Valid template: 3 parameters below.' })).toBeVisible(SLOW);
  await expect(form.getByLabel('Network (network_public)')).toHaveValue('public');

  if (backend().name !== 'demo') return;
  // The demo cloud runs it: the stack recreates the network, router and both servers.
  await form.getByLabel('Stack name').fill(stack);
  await form.getByRole('button', { name: 'Launch stack' }).click();
  await expect(page.getByRole('heading', { name: stack, level: 1 })).toBeVisible();
  await expect(page.getByText('CREATE_COMPLETE').first()).toBeVisible(SLOW);
  await page.getByRole('tab', { name: 'Resources' }).click();
  const resources = page.getByRole('table', { name: 'Resources' });
  await expect(resources.getByRole('row').filter({ hasText: 'OS::Nova::Server' })).toHaveCount(2);
  await expect(resources.getByRole('row').filter({ hasText: 'OS::Neutron::RouterInterface' })).toHaveCount(1);
  await expect(resources.getByRole('row').filter({ hasText: 'OS::Neutron::Subnet' })).toHaveCount(1);

  // New objects, named as the originals: two networks, two routers and four servers by those names now.
  expect(await neutronList(page, `networks?name=${net}`, 'networks')).toHaveLength(2);
  expect(await neutronList(page, `routers?name=${routerName}`, 'routers')).toHaveLength(2);
  for (const name of servers) {
    const statuses = async () => ((await (await page.request.get(`/api/os/compute/servers/detail?name=${encodeURIComponent(`^${name}$`)}`)).json()) as { servers: { status: string }[] }).servers.map((s) => s.status);
    await expect.poll(statuses, SLOW).toEqual(['ACTIVE', 'ACTIVE']);
  }
});
