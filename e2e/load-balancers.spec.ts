import { expect, test, type Browser, type Page } from '@playwright/test';
import { violations } from './axe';
import { createServer, RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';
import { chooseOption as chooseOptionIn } from './proxy-helpers';

// Issue 17's flow, on both backends: an HTTP load balancer in front of two instances (listener, pool, members and a
// health monitor in one form, sent one object at a time with its steps shown), every object ACTIVE in its status
// tree, its place in the topology, then a cascade delete.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const prefix = `${RUN}-lb`;
const lbName = `${prefix}-web`;
const web = [`${prefix}-web1`, `${prefix}-web2`];
const SLOW = { timeout: 90_000 };
const headers = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

async function home(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
}

/** Deletes this run's load balancers (cascade), then its instances. */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await home(page);
    await expect
      .poll(
        async () => {
          const { loadbalancers = [] } = (await (await page.request.get('/api/os/load-balancer/v2/lbaas/loadbalancers')).json()) as { loadbalancers?: { id: string; name: string; provisioning_status: string }[] };
          const mine = loadbalancers.filter((l) => l.name.startsWith(prefix));
          for (const l of mine) if (!l.provisioning_status.startsWith('PENDING_')) await page.request.delete(`/api/os/load-balancer/v2/lbaas/loadbalancers/${l.id}?cascade=true`, { headers: headers() });
          return mine.length;
        },
        { timeout: 90_000, intervals: [2_000, 3_000] },
      )
      .toBe(0);
    const { servers = [] } = (await (await page.request.get(`/api/os/compute/servers?name=${encodeURIComponent(`^${prefix}`)}`)).json()) as { servers?: { id: string }[] };
    for (const s of servers) await page.request.delete(`/api/os/compute/servers/${s.id}`, { headers: headers() });
  } finally {
    await context.close();
  }
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await home(page);
    const ids = [];
    for (const name of web) ids.push((await createServer(page, name)).id);
    for (const id of ids) {
      await expect
        .poll(async () => ((await (await page.request.get(`/api/os/compute/servers/${id}`)).json()) as { server: { status: string } }).server.status, { timeout: 150_000, intervals: [2_000] })
        .toBe('ACTIVE');
    }
  } finally {
    await context.close();
  }
});

test.afterAll(async ({ browser }) => {
  test.setTimeout(150_000);
  await cleanUp(browser);
});

/** Picks the option whose text contains `text` (labels carry CIDRs and addresses the test does not know). */
const chooseOption = (page: Page, label: string, text: string) => chooseOptionIn(page.getByRole('form', { name: 'Create load balancer' }), label, text);

test('an HTTP load balancer in front of two instances, made in one form, reaches ACTIVE, shows its tree and topology, and goes with cascade', async ({ page }) => {
  await home(page);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Load balancers', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Load balancers', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Create load balancer' }).first().click();

  const form = page.getByRole('form', { name: 'Create load balancer' });
  await expect(form.getByRole('region', { name: 'Quota' })).toContainText('Load balancers');
  // Nothing chosen yet: the subnet is required, and said so.
  await form.getByRole('button', { name: 'Create load balancer' }).click();
  await expect(form.getByText('Choose the subnet of the virtual IP.')).toBeVisible();

  await form.getByLabel('Name', { exact: true }).fill(lbName);
  await chooseOption(page, 'VIP subnet', 'private-subnet');
  await expect(form.getByLabel('Protocol', { exact: true })).toHaveValue('HTTP');
  await expect(form.getByLabel('Port', { exact: true })).toHaveValue('80');
  for (const [i, name] of web.entries()) {
    await form.getByRole('button', { name: 'Add member' }).click();
    await chooseOption(page, `Member ${i + 1} instance`, name);
  }
  await expect(form.getByLabel('Type', { exact: true })).toHaveValue('HTTP');
  await expect(form.getByLabel('URL path', { exact: true })).toHaveValue('/');
  await expect(form.getByText(`openstack loadbalancer create --name ${lbName}`)).toBeVisible();
  // The accessibility walk (a11y.spec.ts) sees the create page empty and no load balancer's page: scanned here.
  expect(await violations(page, 'create, filled in')).toEqual([]);
  await form.getByRole('button', { name: 'Create load balancer' }).click();

  // The steps, one at a time, each once the load balancer is ACTIVE again.
  const steps = form.getByRole('list', { name: 'Creation steps' });
  const names = ['Create the load balancer', 'Create the listener', 'Create the pool', 'Add the members', 'Create the health monitor'];
  await expect(steps.getByRole('listitem')).toHaveText(names.map((n) => new RegExp(`^${n} — (waiting|in progress|done)$`)));
  const started = Date.now();
  await expect(form.getByRole('status').filter({ hasText: 'Everything was created' })).toBeVisible(SLOW);
  test.info().annotations.push({ type: 'create-seconds', description: `${backend().name}: ${((Date.now() - started) / 1000).toFixed(1)} s` });
  await expect(steps.getByRole('listitem')).toHaveText(names.map((n) => new RegExp(`^${n} — done$`)));
  await form.getByRole('link', { name: `Open load balancer ${lbName}` }).click();

  // The load balancer's page: every object in the tree ACTIVE, nothing left PENDING_*.
  await expect(page.getByRole('heading', { name: lbName, level: 1 })).toBeVisible(SLOW);
  const tree = page.getByRole('region', { name: 'Status tree' });
  await expect(tree.getByRole('listitem').filter({ hasText: /^Member/ })).toHaveCount(2, SLOW);
  await expect(page.getByRole('definition').filter({ hasText: /^ACTIVE$/ })).toBeVisible(SLOW);
  for (const kind of ['Load balancer', 'Listener', 'Pool', 'Health monitor', 'Member']) {
    for (const item of await tree.getByRole('listitem').filter({ hasText: new RegExp(`^${kind}`) }).all()) await expect(item).toContainText('ACTIVE');
  }
  await expect(tree).not.toContainText('PENDING_');
  if (backend().name === 'realcloud') {
    // No amphora heartbeats there: OFFLINE forever, shown as what it means, never as a red OFFLINE.
    await expect(tree.getByText('No health data yet').first()).toBeVisible();
    await expect(tree.locator('[data-tone="error"]')).toHaveCount(0);
  }
  const lbUrl = page.url();

  // Listeners and pools tabs list what the form made.
  await page.getByRole('tab', { name: 'Listeners' }).click();
  await expect(page.getByRole('table', { name: 'Listeners' })).toContainText('HTTP:80');
  await page.getByRole('tab', { name: 'Members' }).click();
  await expect(page.getByRole('table', { name: /^Members of / })).toContainText(':80');
  await expect(page.getByRole('table', { name: /^Members of / }).getByRole('row')).toHaveCount(3);
  for (const tab of ['Overview', 'Listeners', 'Pools', 'Members', 'Health monitors', 'L7 policies']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).not.toContainText('Loading');
    expect(await violations(page, tab)).toEqual([]);
  }

  // The topology: the load balancer on its VIP network, a line to each member's instance.
  const topo = lbUrl.replace(/\/load-balancers\/[^?]+/, '/topology');
  await page.goto(topo);
  await expect(page.getByRole('link', { name: new RegExp(`^Load balancer ${lbName}`) })).toBeVisible(SLOW);
  const connections = page.getByRole('list', { name: 'Connections' });
  for (const name of web) await expect(connections).toContainText(`Load balancer ${lbName} sends traffic to instance ${name}`);

  // Delete with cascade: the confirmation counts what goes along.
  await page.goto(lbUrl);
  await page.getByRole('toolbar', { name: 'Load balancer actions' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete load balancer?' });
  await expect(dialog).toContainText(`${lbName} takes along 1 listener, 1 pool, 2 members and 1 health monitor.`);
  await expect(dialog).toContainText('openstack loadbalancer delete --cascade');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This load balancer no longer exists.')).toBeVisible(SLOW);
});

test('a step that fails says what exists and what was not made, and the steps go on when the page is left', async ({ page }) => {
  const name = `${prefix}-half`;
  // The pool's create answers Octavia's 409 (as it does below a PENDING_* load balancer): the run stops there.
  await page.route('**/api/os/load-balancer/v2/lbaas/pools', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 409, headers: { 'content-type': 'application/json', 'x-stratus-upstream': '1' }, body: JSON.stringify({ error: { message: 'Load Balancer 0000 is immutable and cannot be updated.', service: 'load-balancer' } }) })
      : route.continue(),
  );
  await home(page);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Load balancers', exact: true }).click();
  await page.getByRole('link', { name: 'Create load balancer' }).first().click();
  const form = page.getByRole('form', { name: 'Create load balancer' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await chooseOption(page, 'VIP subnet', 'private-subnet');
  await form.getByRole('button', { name: 'Create load balancer' }).click();
  await expect(form.getByRole('list', { name: 'Creation steps' })).toBeVisible();

  // Leave the form for the list at once: the steps go on, and the load balancer's page shows them.
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Load balancers', exact: true }).click();
  await page.getByRole('table').getByRole('link', { name, exact: true }).click(SLOW);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible(SLOW);
  const steps = page.getByRole('list', { name: 'Creation steps' });
  await expect(steps.getByRole('listitem')).toHaveText([/^Create the load balancer — done$/, /^Create the listener — done$/, /^Create the pool — failed$/, /^Create the health monitor — waiting$/], SLOW);
  await expect(page.getByRole('status').filter({ hasText: 'Stopped: the step “Create the pool” failed.' })).toBeVisible();
  // The refusal as Octavia sent it, and what it means in plain words.
  await expect(page.getByText('Load Balancer 0000 is immutable and cannot be updated.')).toBeVisible();
  await expect(page.getByRole('alert').getByText(/is still applying an earlier change/)).toBeVisible();
  await expect(page.getByText('Created: the load balancer, the listener.')).toBeVisible();
  await expect(page.getByText('Not created: the pool, the health monitor.')).toBeVisible();
  await expect(page.getByRole('link', { name: `Open load balancer ${name}` })).toBeVisible();
});
