import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import forge from 'node-forge';
import { parse } from 'yaml';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL, skipOnRealcloud } from './helpers';
import { api } from './proxy-helpers';

// One flow: the template, then a cluster from it (created, resized, configured, deleted), then the template's delete.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const prefix = `${RUN}-mag`;
const tpl = `${prefix}-tpl`;
const failTpl = `fail-${prefix}`;
const cluster = `${prefix}-k8s`;
const failCluster = `${prefix}-broken`;
const SLOW = { timeout: 60_000 };
const MAGNUM = '/api/os/container-infra';
/** Magnum's default is 1.1; the proxy adds 1.10 for the dashboard's calls, the tests' direct calls too. */
const headers = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

async function open(page: Page, label: 'Clusters' | 'Cluster templates') {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
}

const row = (page: Page, table: 'Clusters' | 'Cluster templates', name: string) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

interface Listed {
  uuid: string;
  name: string;
}

async function listed(page: Page, kind: 'clusters' | 'clustertemplates'): Promise<Listed[]> {
  const body = (await (await page.request.get(`${MAGNUM}/${kind}`)).json()) as Record<string, Listed[] | undefined>;
  return body[kind] ?? [];
}

/** Deletes this run's clusters, waits until Magnum has removed them, then deletes this run's templates. */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const mine = (l: Listed) => l.name.startsWith(prefix) || l.name.startsWith(failTpl);
    await expect
      .poll(
        async () => {
          const left = (await listed(page, 'clusters')).filter(mine);
          for (const c of left) await page.request.delete(`${MAGNUM}/clusters/${c.uuid}`, { headers: headers() });
          return left.length;
        },
        { timeout: 120_000, intervals: [2_000, 5_000] },
      )
      .toBe(0);
    for (const t of (await listed(page, 'clustertemplates')).filter(mine)) await page.request.delete(`${MAGNUM}/clustertemplates/${t.uuid}`, { headers: headers() });
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => {
  test.setTimeout(180_000);
  await cleanUp(browser);
});

test('create a cluster template (no image is refused in the form)', async ({ page }) => {
  await open(page, 'Cluster templates');
  await page.getByRole('link', { name: 'Create cluster template' }).click();
  const form = page.getByRole('form', { name: 'Create cluster template' });
  await form.getByLabel('Name', { exact: true }).fill(tpl);
  await form.getByLabel('Labels').fill('container_runtime containerd');
  await form.getByRole('button', { name: 'Create cluster template' }).click();
  await expect(form.getByLabel('Image')).toHaveAccessibleDescription('Choose an image');
  await expect(form.getByText('"container_runtime containerd" is not key=value')).toBeVisible();
  await expect(page).toHaveURL(/\/cluster-templates\/new/);

  // Only images with os_distro are offered: the demo's ubuntu, the realcloud's fedora-coreos.
  const [image, distro] = backend().name === 'demo' ? ['ubuntu-22.04', 'ubuntu'] : ['fedora-coreos', 'fedora-coreos'];
  await expect(form.getByLabel('Image').getByRole('option', { name: /^cirros/ })).toHaveCount(backend().name === 'demo' ? 1 : 0);
  await form.getByLabel('Image').selectOption({ label: `${image} (os_distro ${distro})` });
  await form.getByLabel('External network').selectOption({ label: 'public' });
  await form.getByLabel('Master flavor').selectOption('m1.small');
  await form.getByLabel('Node flavor').selectOption('m1.small');
  await form.getByLabel('Docker volume size (GiB)').fill('5');
  await form.getByLabel('Network driver').selectOption('flannel');
  await form.getByLabel('Labels').fill('container_runtime=containerd\nboot_volume_size=5');
  await expect(form.getByText(`openstack coe cluster template create --coe kubernetes --image ${image} --external-network public --master-flavor m1.small --flavor m1.small --docker-volume-size 5 --network-driver flannel --labels container_runtime=containerd,boot_volume_size=5 ${tpl}`)).toBeVisible();
  await form.getByRole('button', { name: 'Create cluster template' }).click();
  await expect(page).toHaveURL(/\/cluster-templates\?region=/);
  const r = row(page, 'Cluster templates', tpl);
  await expect(r).toContainText('kubernetes');
  await expect(r).toContainText(image);
  await expect(r).toContainText('flannel');
  await expect(r).toContainText('private');
});

test('create a cluster (node count 0 or negative is refused) and follow its status (to CREATE_COMPLETE on the demo cloud)', async ({ page }) => {
  await open(page, 'Clusters');
  await page.getByRole('link', { name: 'Create cluster' }).click();
  const form = page.getByRole('form', { name: 'Create cluster' });
  await form.getByLabel('Name', { exact: true }).fill(cluster);
  await form.getByLabel('Cluster template').selectOption({ label: `${tpl} (kubernetes)` });
  for (const bad of ['0', '-1']) {
    await form.getByLabel('Node count').fill(bad);
    await form.getByRole('button', { name: 'Create cluster' }).click();
    await expect(form.getByLabel('Node count')).toHaveAccessibleDescription('At least 1');
  }
  await expect(page).toHaveURL(/\/clusters\/new/);
  const get = <T>(path: string) => api<T>(page, 'GET', path);
  const pub = (await get<{ networks: { id: string }[] }>('network/v2.0/networks?router:external=true&name=public')).networks[0].id;
  let extraId = '';
  if (backend().name === 'demo') {
    extraId = (await api<{ floatingip: { id: string } }>(page, 'POST', 'network/v2.0/floatingips', { floatingip: { floating_network_id: pub } })).floatingip.id;
  }
  await form.getByLabel('Node count').fill('1');
  await form.getByLabel('Create timeout (minutes)').fill('30');
  await expect(form.getByText(`openstack coe cluster create --cluster-template ${tpl} --master-count 1 --node-count 1 --timeout 30 ${cluster}`)).toBeVisible();
  await form.getByRole('button', { name: 'Create cluster' }).click();
  await expect(page).toHaveURL(/\/clusters\?region=/);
  const r = row(page, 'Clusters', cluster);
  await expect(r).toContainText(tpl);
  if (backend().name === 'realcloud') {
    // No data plane: Heat waits for signals the fake VMs never send (see the realcloud README).
    await expect(r).toContainText('CREATE_IN_PROGRESS', SLOW);
    return;
  }
  await expect(r).toContainText('kubernetes');
  await expect(r).toContainText('CREATE_COMPLETE', SLOW);

  // One IPAM per network: the nodes' floating IPs are addresses nothing else on public holds (a node once got the
  // address of a floating IP allocated before the cluster, as `extra` was).
  try {
    const uuid = (await listed(page, 'clusters')).find((c) => c.name === cluster)?.uuid;
    const made = await get<{ master_addresses: string[]; node_addresses: string[] }>(`container-infra/clusters/${uuid}`);
    const nodes = [...made.master_addresses, ...made.node_addresses];
    expect(nodes).toHaveLength(2);
    const fips = (await get<{ floatingips: { floating_ip_address: string }[] }>(`network/v2.0/floatingips?floating_network_id=${pub}`)).floatingips.map((f) => f.floating_ip_address);
    const ports = (await get<{ ports: { device_owner: string; fixed_ips: { ip_address: string }[] }[] }>(`network/v2.0/ports?network_id=${pub}`)).ports;
    const held = [...fips, ...ports.filter((p) => p.device_owner !== 'network:floatingip').flatMap((p) => p.fixed_ips.map((i) => i.ip_address))];
    for (const a of nodes) expect(fips, `node address ${a} is one of the project's floating IPs`).toContain(a);
    expect(held.filter((a, i) => held.indexOf(a) !== i), 'addresses on public held twice').toEqual([]);
  } finally {
    await page.request.delete(`/api/os/network/v2.0/floatingips/${extraId}`, { headers: headers() });
  }
});

test('a template in use cannot be deleted: Magnum says why', async ({ page }) => {
  await open(page, 'Cluster templates');
  const r = row(page, 'Cluster templates', tpl);
  await r.getByRole('button', { name: `Actions for ${tpl}` }).click();
  await r.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete cluster template?' }).getByRole('button', { name: 'Delete' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Delete failed' });
  await expect(refusal).toContainText('is referenced by one or multiple clusters');
  await expect(refusal).toContainText('HTTP 400');
  await page.reload();
  await expect(row(page, 'Cluster templates', tpl)).toHaveCount(1);
});

async function openCluster(page: Page, name: string) {
  await open(page, 'Clusters');
  await row(page, 'Clusters', name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}
const headingStatus = (page: Page) => page.locator('div:has(> h1) [data-tone]');

test('resize the node count: UPDATE_IN_PROGRESS with its elapsed time, then UPDATE_COMPLETE', async ({ page }) => {
  skipOnRealcloud('clusters never reach CREATE_COMPLETE without a data plane');
  await openCluster(page, cluster);
  await page.getByRole('toolbar', { name: 'Cluster actions' }).getByRole('button', { name: 'Resize' }).click();
  const form = page.getByRole('form', { name: 'Resize cluster' });
  await form.getByLabel('Node count').fill('0');
  await form.getByRole('button', { name: 'Resize' }).click();
  await expect(form.getByLabel('Node count')).toHaveAccessibleDescription('At least 1 node');
  await form.getByLabel('Node count').fill('3');
  await expect(form.getByText(`openstack coe cluster resize ${cluster} 3`)).toBeVisible();
  await form.getByRole('button', { name: 'Resize' }).click();
  await expect(page.getByRole('status').filter({ hasText: /UPDATE_IN_PROGRESS for \d+ s/ })).toBeVisible();
  await expect(headingStatus(page)).toHaveText('UPDATE_COMPLETE', SLOW);
  await expect(page.getByRole('tabpanel')).toContainText(/Nodes\s*3/);
});

test('download a kubeconfig signed by Magnum', async ({ page }) => {
  skipOnRealcloud('clusters never reach CREATE_COMPLETE without a data plane');
  await openCluster(page, cluster);
  const button = page.getByRole('toolbar', { name: 'Cluster actions' }).getByRole('button', { name: 'Download kubeconfig' });
  await expect(button).toHaveAttribute('title', `openstack coe cluster config ${cluster} --dir .`);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe(`kubeconfig-${cluster}.yaml`);
  const config = parse(fs.readFileSync((await download.path())!, 'utf8')) as {
    clusters: { name: string; cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { name: string; user: { 'client-certificate-data': string; 'client-key-data': string } }[];
    contexts: { name: string; context: { cluster: string; user: string } }[];
    'current-context': string;
  };
  expect(config.contexts).toEqual([{ name: 'default', context: { cluster, user: 'admin' } }]);
  expect(config['current-context']).toBe('default');
  expect(config.clusters[0].name).toBe(cluster);
  expect(config.clusters[0].cluster.server).toMatch(/^https:\/\/[\d.]+:6443$/);

  const uuid = (await listed(page, 'clusters')).find((c) => c.name === cluster)!.uuid;
  const ca = ((await (await page.request.get(`${MAGNUM}/certificates/${uuid}`)).json()) as { pem: string }).pem;
  const caPem = Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString();
  expect(caPem.trim()).toBe(ca.trim());
  const cert = forge.pki.certificateFromPem(Buffer.from(config.users[0].user['client-certificate-data'], 'base64').toString());
  expect(forge.pki.certificateFromPem(ca).verify(cert)).toBe(true);
  expect(cert.subject.getField('CN').value).toBe('admin');
  const key = forge.pki.privateKeyFromPem(Buffer.from(config.users[0].user['client-key-data'], 'base64').toString());
  expect((cert.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n)).toBe(true);
});

test("a fail- template's cluster shows CREATE_FAILED with Magnum's reason", async ({ page }) => {
  skipOnRealcloud('fail- templates are a demo-cloud convention');
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const created = await page.request.post(`${MAGNUM}/clustertemplates`, {
    headers: headers(),
    data: { name: failTpl, coe: 'kubernetes', image_id: 'ubuntu-22.04', external_network_id: 'public', flavor_id: 'm1.small', master_flavor_id: 'm1.small' },
  });
  expect(created.status(), await created.text()).toBe(201);
  await open(page, 'Clusters');
  await page.getByRole('link', { name: 'Create cluster' }).click();
  const form = page.getByRole('form', { name: 'Create cluster' });
  await form.getByLabel('Name', { exact: true }).fill(failCluster);
  await form.getByLabel('Cluster template').selectOption({ label: `${failTpl} (kubernetes)` });
  await form.getByRole('button', { name: 'Create cluster' }).click();
  const r = row(page, 'Clusters', failCluster);
  await expect(r).toContainText('CREATE_FAILED', SLOW);
  await expect(r).toContainText('No valid host was found');
  await openCluster(page, failCluster);
  const notice = page.getByRole('alert', { name: 'CREATE_FAILED' });
  await expect(notice).toContainText('No valid host was found');
  // Explained in plain words, with the next step, beside Magnum's own reason.
  await expect(notice).toContainText('The scheduler found no compute host with room for this flavor');
  await expect(notice).toContainText('Next step: Try a smaller flavor');
  await expect(notice).toContainText('Magnum said:');
});

test('delete the clusters, then the template', async ({ page }) => {
  await open(page, 'Clusters');
  const names = backend().name === 'demo' ? [cluster, failCluster] : [cluster];
  for (const n of names) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
  await page.getByRole('toolbar', { name: 'Clusters actions' }).getByRole('button', { name: `Delete selected (${names.length})` }).click();
  await page.getByRole('dialog', { name: names.length === 1 ? 'Delete cluster?' : `Delete ${names.length} clusters?` }).getByRole('button', { name: 'Delete' }).click();
  for (const n of names) await expect(row(page, 'Clusters', n)).toContainText('DELETE_IN_PROGRESS');
  for (const n of names) await expect(row(page, 'Clusters', n)).toHaveCount(0, { timeout: 120_000 });

  await open(page, 'Cluster templates');
  const r = row(page, 'Cluster templates', tpl);
  await r.getByRole('button', { name: `Actions for ${tpl}` }).click();
  await r.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete cluster template?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(r).toHaveCount(0);
});
