import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { violations } from './axe';
import { RUN } from './compute-helpers';
import { apiLogIn, backend, keystoneProjects, LOGGED_OUT, PROJECT_URL, projectButton, projectPath, skipOnRealcloud, teamProject } from './helpers';
import { chooseOption, mutationHeaders, withApi } from './proxy-helpers';

// Issue 19's volume and image operations, on both backends: a transfer offered from a volume's row (auth key shown
// once) and accepted by the demo user's second project; retype and upload to image from the row; volume types and
// QoS specs by an admin; an image shared with the second project, accepted there from its images list, and
// deactivated and reactivated by its owner; backups (full, restored to a new volume, deleted) where cinder-backup runs.
test.describe.configure({ mode: 'serial', timeout: 240_000 });
test.use({ viewport: { width: 1440, height: 900 } });

const prefix = `${RUN}-vio`;
const SLOW = { timeout: 90_000 };
const NO_BACKUP_SERVICE = 'no cinder-backup service runs there: backups go to error ("Service not found for creating backup.") and cannot be deleted';

type Named = { id: string; name: string | null; status: string };
const list = async <T,>(page: Page, path: string, key: string): Promise<T[]> => ((await (await page.request.get(`/api/os/${path}`)).json()) as Record<string, T[]>)[key] ?? [];
const volumes = (page: Page) => list<Named & { volume_type?: string }>(page, 'volumev3/volumes/detail', 'volumes');
const headingStatus = (page: Page) => page.locator('div:has(> h1) [data-tone]');
const field = (page: Page, label: string) => page.getByRole('tabpanel').locator(`dt:text-is("${label}") + dd`);

/** A volume of this run, through the API, once available. */
async function newVolume(browser: Browser, name: string): Promise<string> {
  return withApi(browser, async (page) => {
    const res = await page.request.post('/api/os/volumev3/volumes', { headers: mutationHeaders(), data: { volume: { name, size: 1 } } });
    expect(res.status(), await res.text()).toBe(202);
    const { volume } = (await res.json()) as { volume: { id: string } };
    await expect.poll(async () => (await volumes(page)).find((v) => v.id === volume.id)?.status, SLOW).toBe('available');
    return volume.id;
  });
}

/** Runs `fn` logged in (a context of its own) as `user`, in `project` when given (the switch confirmed as a user would). */
async function as<T>(browser: Browser, user: 'demo' | 'admin', project: string | undefined, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: LOGGED_OUT, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await apiLogIn(page, backend().baseURL, user, user);
    if (project) {
      const ids = await keystoneProjects(user, user);
      await page.goto(`${projectPath(ids[project])}/volumes?region=${backend().regions[0]}`);
      await page.getByRole('button', { name: `Switch to ${project}` }).click();
      await expect(projectButton(page)).toHaveAccessibleName(`Project: ${project}`);
    } else {
      await page.goto('/');
      await expect(page).toHaveURL(PROJECT_URL);
    }
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function openSection(page: Page, label: string) {
  if (!PROJECT_URL.test(page.url())) {
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
  }
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
}

/** Opens the menu of the row naming `name` in the table `table` and answers it. */
async function rowMenu(page: Page, table: string, name: string): Promise<Locator> {
  const row = page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  return page.getByRole('menu', { name: `Actions for ${name}` });
}

/** axe at the top of the page (scrolled, the sticky header covers the toolbar). */
async function scan(page: Page, where: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return violations(page, where);
}

/** Deletes what this run left: volumes (any project demo can act in), images, admin's types and QoS specs. */
async function cleanUp(browser: Browser) {
  const sweep = async (page: Page) => {
    const headers = mutationHeaders();
    for (const b of (await list<Named>(page, 'volumev3/backups/detail', 'backups')).filter((x) => x.name?.startsWith(prefix))) await page.request.delete(`/api/os/volumev3/backups/${b.id}`, { headers });
    for (const t of (await list<Named>(page, 'volumev3/os-volume-transfer', 'transfers')).filter((x) => x.name?.startsWith(prefix))) await page.request.delete(`/api/os/volumev3/os-volume-transfer/${t.id}`, { headers });
    await expect
      .poll(
        async () => {
          const left = (await volumes(page)).filter((v) => v.name?.startsWith(prefix));
          for (const v of left) if (!['deleting', 'uploading', 'backing-up', 'restoring-backup', 'retyping'].includes(v.status)) await page.request.delete(`/api/os/volumev3/volumes/${v.id}`, { headers });
          return left.length;
        },
        { timeout: 120_000, intervals: [2_000, 3_000] },
      )
      .toBe(0);
    for (const i of (await list<Named>(page, 'image/v2/images?limit=1000', 'images')).filter((x) => x.name?.startsWith(prefix))) await page.request.delete(`/api/os/image/v2/images/${i.id}`, { headers });
  };
  await withApi(browser, sweep);
  const team = backend().name === 'demo' ? 'demo-team' : undefined;
  if (team) await as(browser, 'demo', team, sweep).catch(() => undefined);
  await as(browser, 'admin', undefined, async (page) => {
    const headers = mutationHeaders();
    const qos = (await list<Named>(page, 'volumev3/qos-specs', 'qos_specs')).filter((x) => x.name?.startsWith(prefix));
    for (const q of qos) await page.request.delete(`/api/os/volumev3/qos-specs/${q.id}?force=True`, { headers });
    for (const t of (await list<Named>(page, 'volumev3/types', 'volume_types')).filter((x) => x.name?.startsWith(prefix))) await page.request.delete(`/api/os/volumev3/types/${t.id}`, { headers });
  });
}

test.afterAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await cleanUp(browser);
});

test('a volume transfer: offered from the row with its auth key shown once, accepted by the second project', async ({ page, browser, context }) => {
  const team = teamProject();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `${prefix}-gift`;
  const volumeId = await newVolume(browser, name);
  await openSection(page, 'Volumes');
  await (await rowMenu(page, 'Volumes', name)).getByRole('menuitem', { name: 'Create transfer' }).click();

  await expect(page.getByRole('heading', { name: 'Volume transfers', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Create transfer' });
  await expect(form.getByLabel('Volume', { exact: true })).toHaveValue(volumeId, SLOW);
  await form.getByLabel('Name').fill(name);
  await expect(form.getByText(`openstack volume transfer request create --name ${name} ${volumeId}`)).toBeVisible();
  expect(await scan(page, 'volume transfer form')).toEqual([]);
  await form.getByRole('button', { name: 'Create transfer' }).click();

  // The key, once: shown with a copy button; the list never shows it again.
  const offer = page.getByRole('alert').filter({ hasText: 'it is shown only now' });
  await expect(offer).toBeVisible();
  const key = (await offer.locator('code').textContent())!.trim();
  expect(key).toMatch(/^[0-9a-f]{16}$/);
  await offer.getByRole('button', { name: 'Copy auth key' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  const transferId = /Transfer ([0-9a-f-]{36}) created/.exec((await offer.locator('p').first().textContent()) ?? '')![1];
  await offer.getByRole('button', { name: 'Dismiss' }).click();
  const rows = page.getByRole('table', { name: 'Volume transfers', exact: true }).getByRole('row').filter({ hasText: name });
  await expect(rows).toHaveCount(1);
  await expect(rows).not.toContainText(key);
  await withApi(browser, async (api) => {
    await expect.poll(async () => (await volumes(api)).find((v) => v.id === volumeId)?.status).toBe('awaiting-transfer');
  });

  await as(browser, 'demo', team, async (other) => {
    await openSection(other, 'Volume transfers');
    await other.getByRole('button', { name: 'Accept transfer' }).click();
    const accept = other.getByRole('form', { name: 'Accept transfer' });
    // A wrong key: Cinder's refusal, as it words it.
    await accept.getByLabel('Transfer ID').fill(transferId);
    await accept.getByLabel('Auth key').fill('0000000000000000');
    await accept.getByRole('button', { name: 'Accept' }).click();
    await expect(accept.getByRole('alert')).toContainText('Could not accept the transfer');
    await expect(accept.getByRole('alert')).toContainText(/invalid auth key/i);
    await accept.getByLabel('Auth key').fill(key);
    await accept.getByRole('button', { name: 'Accept' }).click();
    await expect(accept.getByRole('status')).toContainText(`Transfer ${name} accepted`);
    await accept.getByRole('link', { name: 'Open the volume' }).click();
    await expect(other.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(headingStatus(other)).toHaveText('available', SLOW);
    // The new owner deletes it (the run's clean-up would not see it from demo's project on the real cloud).
    await other.request.delete(`/api/os/volumev3/volumes/${volumeId}`, { headers: mutationHeaders() });
  });
  await withApi(browser, async (api) => expect((await volumes(api)).some((v) => v.id === volumeId)).toBe(false));
});

test('retype and upload to image from the volume row', async ({ page, browser }) => {
  const name = `${prefix}-retype`;
  const type = `${prefix}-type`;
  const image = `${prefix}-upload`;
  await as(browser, 'admin', undefined, async (admin) => {
    const res = await admin.request.post('/api/os/volumev3/types', { headers: mutationHeaders(), data: { volume_type: { name: type } } });
    expect(res.status(), await res.text()).toBe(200);
  });
  await newVolume(browser, name);
  await openSection(page, 'Volumes');
  await (await rowMenu(page, 'Volumes', name)).getByRole('menuitem', { name: 'Change volume type' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const retype = page.getByRole('form', { name: 'Change volume type' });
  await chooseOption(retype, 'New type', type);
  await expect(retype.getByLabel('Migration policy')).toHaveValue('never');
  await expect(retype.getByText(`openstack volume set --type ${type} --retype-policy never`)).toBeVisible();
  expect(await scan(page, 'retype form')).toEqual([]);
  await retype.getByRole('button', { name: 'Change type' }).click();
  await expect(field(page, 'Type')).toHaveText(type, SLOW);
  await expect(headingStatus(page)).toHaveText('available', SLOW);

  await openSection(page, 'Volumes');
  await (await rowMenu(page, 'Volumes', name)).getByRole('menuitem', { name: 'Upload to image' }).click();
  const upload = page.getByRole('form', { name: 'Upload to image' });
  await upload.getByLabel('Image name').fill(image);
  await expect(upload.getByText(`--disk-format raw ${image}`)).toBeVisible();
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(headingStatus(page)).toHaveText('available', SLOW);
  // The image is in Glance: active on the demo cloud, queued on the real one (its fake driver copies nothing).
  await openSection(page, 'Images');
  const row = page.getByRole('table', { name: 'Images', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: image, exact: true }) });
  await expect(row).toContainText(backend().name === 'demo' ? 'active' : 'queued', SLOW);

  // A transfer offered and cancelled from the transfers list: the volume is available again.
  await openSection(page, 'Volumes');
  await (await rowMenu(page, 'Volumes', name)).getByRole('menuitem', { name: 'Create transfer' }).click();
  const offer = page.getByRole('form', { name: 'Create transfer' });
  await offer.getByLabel('Name').fill(`${name}-t`);
  await offer.getByRole('button', { name: 'Create transfer' }).click();
  await page.getByRole('alert').filter({ hasText: 'it is shown only now' }).getByRole('button', { name: 'Dismiss' }).click();
  await (await rowMenu(page, 'Volume transfers', `${name}-t`)).getByRole('menuitem', { name: 'Cancel transfer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel transfer' }).click();
  await expect(page.getByRole('link', { name: `${name}-t`, exact: true })).toHaveCount(0, SLOW);
  await withApi(browser, async (api) => {
    await expect.poll(async () => (await volumes(api)).find((v) => v.name === name)?.status, SLOW).toBe('available');
  });
});

test('volume types and QoS specs: an admin creates both with keys, associates, disassociates and deletes them', async ({ browser }) => {
  const type = `${prefix}-gold`;
  const qos = `${prefix}-iops`;
  await as(browser, 'admin', undefined, async (page) => {
    await openSection(page, 'Volume types');
    await page.getByRole('button', { name: 'Create volume type' }).click();
    const form = page.getByRole('form', { name: 'Create volume type' });
    await form.getByLabel('Name').fill(type);
    await form.getByRole('button', { name: 'Add extra specs' }).click();
    await form.getByLabel('Extra specs key 1').fill('tier');
    await form.getByLabel('Extra specs value 1').fill('gold');
    await expect(form.getByText(`openstack volume type create --public --property tier=gold ${type}`)).toBeVisible();
    expect(await scan(page, 'volume type form')).toEqual([]);
    await form.getByRole('button', { name: 'Create volume type' }).click();
    const typeRow = page.getByRole('table', { name: 'Volume types', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: type, exact: true }) });
    await expect(typeRow).toContainText('tier=gold');
    await typeRow.getByRole('link', { name: type, exact: true }).click();
    await page.getByRole('button', { name: 'Set extra spec', exact: true }).click();
    const set = page.getByRole('form', { name: 'Set extra spec' });
    await set.getByLabel('Key').fill('volume_backend_name');
    await set.getByLabel('Value').fill('lvm');
    await set.getByRole('button', { name: 'Set extra spec', exact: true }).click();
    await expect(field(page, 'Extra specs')).toContainText('volume_backend_name=lvm');

    await openSection(page, 'QoS specs');
    await page.getByRole('button', { name: 'Create QoS spec' }).click();
    const q = page.getByRole('form', { name: 'Create QoS spec' });
    await q.getByLabel('Name').fill(qos);
    await q.getByLabel('Consumer').selectOption('front-end');
    await q.getByLabel('Keys key 1').fill('read_iops_sec');
    await q.getByLabel('Keys value 1').fill('100');
    await q.getByRole('button', { name: 'Create QoS spec' }).click();
    const qosRow = page.getByRole('table', { name: 'QoS specs', exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name: qos, exact: true }) });
    await expect(qosRow).toContainText('read_iops_sec=100');
    await qosRow.getByRole('link', { name: qos, exact: true }).click();
    await page.getByRole('button', { name: 'Associate', exact: true }).click();
    const assoc = page.getByRole('form', { name: 'Associate' });
    await chooseOption(assoc, 'Volume type', type);
    await assoc.getByRole('button', { name: 'Associate', exact: true }).click();
    await page.getByRole('tab', { name: 'Associated volume types' }).click();
    const assocRow = page.getByRole('tabpanel').getByRole('row').filter({ hasText: type });
    await expect(assocRow).toHaveCount(1, SLOW);
    // Cinder refuses to delete it while associated.
    await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /in use|associated/i })).toBeVisible();
    await assocRow.getByRole('button', { name: 'Disassociate' }).click();
    await expect(assocRow).toHaveCount(0, SLOW);
    await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('This QoS spec no longer exists.')).toBeVisible(SLOW);
    expect((await list<Named>(page, 'volumev3/qos-specs', 'qos_specs')).some((x) => x.name === qos)).toBe(false);
  });
});

test('an image shared with the second project: pending there, accepted from its images list; deactivated and reactivated', async ({ page, browser }) => {
  const team = teamProject();
  const image = `${prefix}-shared`;
  const ids = await keystoneProjects('demo', 'demo');
  const imageId = await withApi(browser, async (api) => {
    const res = await api.request.post('/api/os/image/v2/images', { headers: mutationHeaders(), data: { name: image, disk_format: 'raw', container_format: 'bare', visibility: 'shared' } });
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const put = await api.request.put(`/api/os/image/v2/images/${id}/file`, { headers: { ...mutationHeaders(), 'Content-Type': 'application/octet-stream' }, data: Buffer.alloc(4096, 7) });
    expect(put.status(), await put.text()).toBe(204);
    return id;
  });
  await openSection(page, 'Images');
  await page.getByRole('table', { name: 'Images', exact: true }).getByRole('link', { name: image, exact: true }).click();
  await expect(headingStatus(page)).toHaveText('active', SLOW);
  await page.getByRole('tab', { name: 'Members' }).click();
  const panel = page.getByRole('tabpanel');
  const add = panel.getByRole('form', { name: 'Add member' });
  await add.getByLabel('Project ID').fill(team);
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(add.getByText('A project ID is 32 hexadecimal digits (or a UUID).')).toBeVisible();
  await add.getByLabel('Project ID').fill(ids[team]);
  await add.getByRole('button', { name: 'Add member' }).click();
  const member = panel.getByRole('row').filter({ hasText: ids[team] });
  await expect(member).toContainText('pending', SLOW);
  expect(await scan(page, 'image members tab')).toEqual([]);

  await as(browser, 'demo', team, async (other) => {
    await openSection(other, 'Images');
    const table = other.getByRole('table', { name: 'Images', exact: true });
    // Glance lists only accepted shares by default: the new one is under "pending".
    await expect(table.getByRole('link', { name: image, exact: true })).toHaveCount(0);
    await other.getByLabel('Owner filter').selectOption('pending');
    const row = table.getByRole('row').filter({ has: other.getByRole('link', { name: image, exact: true }) });
    await expect(row).toContainText('shared (pending)', SLOW);
    await (await rowMenu(other, 'Images', image)).getByRole('menuitem', { name: 'Accept share' }).click();
    await other.getByLabel('Owner filter').selectOption('shared');
    await expect(row).toContainText('shared (accepted)', SLOW);
  });
  await page.reload();
  await page.getByRole('tab', { name: 'Members' }).click();
  await expect(page.getByRole('tabpanel').getByRole('row').filter({ hasText: ids[team] })).toContainText('accepted', SLOW);

  // The owner deactivates it (downloads refused), then reactivates it.
  // The heading turns at once (optimistic); the download is tried once Glance has answered the deactivation.
  const deactivated = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/images/${imageId}/actions/deactivate`));
  await page.getByRole('button', { name: 'Deactivate' }).click();
  expect((await deactivated).status()).toBe(204);
  await expect(headingStatus(page)).toHaveText('deactivated', SLOW);
  const download = await page.request.get(`/api/os/image/v2/images/${imageId}/file`);
  expect(download.status()).toBe(403);
  await page.getByRole('button', { name: 'Reactivate' }).click();
  await expect(headingStatus(page)).toHaveText('active', SLOW);
});

test('volume backups: from the row, a full backup polled to available, restored to a new volume, then deleted', async ({ page, browser }) => {
  skipOnRealcloud(NO_BACKUP_SERVICE);
  const name = `${prefix}-src`;
  const backup = `${prefix}-full`;
  const restored = `${prefix}-restored`;
  const volumeId = await newVolume(browser, name);
  await openSection(page, 'Volumes');
  await (await rowMenu(page, 'Volumes', name)).getByRole('menuitem', { name: 'Create backup' }).click();
  const form = page.getByRole('form', { name: 'Create backup' });
  await expect(form.getByLabel('Volume', { exact: true })).toHaveValue(volumeId, SLOW);
  await form.getByLabel('Name').fill(backup);
  await expect(form.getByText(`openstack volume backup create --name ${backup} ${volumeId}`)).toBeVisible();
  expect(await scan(page, 'volume backup form')).toEqual([]);
  await form.getByRole('button', { name: 'Create backup' }).click();

  await expect(page.getByRole('heading', { name: backup, level: 1 })).toBeVisible(SLOW);
  await expect(headingStatus(page)).toHaveText('available', SLOW);
  await expect(field(page, 'Incremental')).toHaveText('No');
  await page.getByRole('button', { name: 'Restore' }).click();
  const restore = page.getByRole('form', { name: 'Restore' });
  await restore.getByLabel('New volume name').fill(restored);
  await expect(restore.getByText(`cinder backup-restore --name ${restored}`)).toBeVisible();
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(headingStatus(page)).toHaveText('available', SLOW);
  await withApi(browser, async (api) => {
    await expect.poll(async () => (await volumes(api)).find((v) => v.name === restored)?.status, SLOW).toBe('available');
  });
  const fullUrl = page.url();

  // An incremental backup from the section's create page, restored over the restored volume (an existing one).
  await openSection(page, 'Volume backups');
  await page.getByRole('link', { name: 'Create backup' }).first().click();
  const inc = page.getByRole('form', { name: 'Create backup' });
  await chooseOption(inc, 'Volume', name);
  await inc.getByLabel('Name').fill(`${backup}-inc`);
  await inc.getByLabel('Incremental', { exact: true }).check();
  await expect(inc.getByText(`--name ${backup}-inc --incremental ${volumeId}`)).toBeVisible();
  await inc.getByRole('button', { name: 'Create backup' }).click();
  await expect(page.getByRole('heading', { name: `${backup}-inc`, level: 1 })).toBeVisible(SLOW);
  await expect(headingStatus(page)).toHaveText('available', SLOW);
  await expect(field(page, 'Incremental')).toHaveText('Yes');
  await page.getByRole('button', { name: 'Restore' }).click();
  const onto = page.getByRole('form', { name: 'Restore' });
  await onto.getByLabel('Restore to').selectOption('existing');
  await chooseOption(onto, 'Volume', restored);
  await expect(onto.getByText('cinder backup-restore --volume')).toBeVisible();
  await onto.getByRole('button', { name: 'Restore' }).click();
  await expect(headingStatus(page)).toHaveText('available', SLOW);
  await withApi(browser, async (api) => {
    await expect.poll(async () => (await volumes(api)).find((v) => v.name === restored)?.status, SLOW).toBe('available');
  });

  // The incremental first (Cinder refuses a backup others depend on), then the full one.
  for (const url of [page.url(), fullUrl]) {
    await page.goto(url);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('This volume backup no longer exists.')).toBeVisible(SLOW);
  }
});
