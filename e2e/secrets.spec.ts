import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// Barbican: the payload is revealed on request only and never cached; containers group existing secrets.
// The three flows are independent (each names its objects with the run prefix; afterAll removes leftovers).
test.describe.configure({ timeout: 180_000 });
// Pages and the dev server can be slow on a loaded machine: web-first assertions wait longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

const prefix = `${RUN}-sec`;
const CSRF = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

async function openSecrets(page: Page, label: 'Secrets' | 'Secret containers' = 'Secrets') {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
}

const row = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

/** Stores a text secret through the proxy (for the container flow); returns its ref. */
async function storeViaApi(page: Page, name: string, payload: string): Promise<string> {
  const res = await page.request.post('/api/os/key-manager/v1/secrets', {
    headers: CSRF(),
    data: { name, payload, payload_content_type: 'text/plain', secret_type: 'opaque' },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { secret_ref: string }).secret_ref;
}

/** Deletes the containers and secrets this run left (containers first). */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    for (const [kind, refKey] of [['containers', 'container_ref'], ['secrets', 'secret_ref']] as const) {
      const body = (await (await page.request.get(`/api/os/key-manager/v1/${kind}?limit=100`)).json()) as Record<string, Array<Record<string, string | null>>>;
      for (const x of body[kind] ?? []) {
        if (!x.name?.startsWith(prefix)) continue;
        await page.request.delete(`/api/os/key-manager/v1/${kind}/${String(x[refKey]).split('/').pop()}`, { headers: CSRF() });
      }
    }
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => {
  await cleanUp(browser);
});

test('store a secret, reveal its payload (no-store), hide it, delete it', async ({ page }) => {
  const name = `${prefix}-pass`;
  const payload = `pw ${RUN} ünïcode`;
  await openSecrets(page);
  await page.getByRole('link', { name: 'Store secret' }).click();
  const form = page.getByRole('form', { name: 'Store a secret' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Payload', { exact: true }).fill(payload);
  await form.getByLabel('Secret type').selectOption('passphrase');
  await form.getByLabel('Algorithm').fill('aes');
  await form.getByLabel('Bit length').fill('256');
  // The CLI line names the payload by a variable, never by its value.
  await expect(form.getByText('openstack secret store')).toContainText(`--name ${name} --secret-type passphrase --payload-content-type text/plain --algorithm aes --bit-length 256 --payload "$PAYLOAD"`);
  await expect(form.getByText('openstack secret store')).not.toContainText(payload);
  await form.getByRole('button', { name: 'Store secret' }).click();

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText('passphrase');
  await expect(page.getByLabel('Secret payload')).toHaveCount(0);

  // Revealed only on a click, fetched from /payload, and the answer forbids caching.
  const payloadCall = page.waitForResponse((r) => r.url().includes('/api/os/key-manager/v1/secrets/') && r.url().endsWith('/payload'));
  await page.getByRole('button', { name: 'Reveal payload' }).click();
  const res = await payloadCall;
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('no-store');
  expect(res.request().headers()['accept']).toBe('text/plain');
  await expect(page.getByLabel('Secret payload')).toHaveText(payload);
  await expect(page.getByText(`openstack secret get --payload`)).toBeVisible();

  await page.getByRole('button', { name: 'Hide payload' }).click();
  await expect(page.getByLabel('Secret payload')).toHaveCount(0);
  await expect(page.getByText(payload)).toHaveCount(0);

  // A second reveal asks the server again (nothing was kept).
  const again = page.waitForResponse((r) => r.url().endsWith('/payload'));
  await page.getByRole('button', { name: 'Reveal payload' }).click();
  expect((await again).status()).toBe(200);
  await expect(page.getByLabel('Secret payload')).toHaveText(payload);
  await page.getByRole('button', { name: 'Hide payload' }).click();

  // Metadata: replaced as a whole, keys lowercased by Barbican.
  await page.getByRole('tab', { name: 'Metadata' }).click();
  await page.getByRole('button', { name: 'Edit metadata' }).click();
  await page.getByLabel('Metadata (one key=value a line)').fill('Env=e2e\nowner=stratus');
  await page.getByRole('button', { name: 'Save metadata' }).click();
  const md = page.getByRole('region', { name: 'Metadata' });
  await expect(md.getByRole('definition').first()).toBeVisible();
  await expect(md).toContainText('env');
  await expect(md).toContainText('stratus');

  // The list shows the secret and never a payload.
  await openSecrets(page);
  const r = row(page, 'Secrets', name);
  await expect(r).toContainText('passphrase');
  await expect(r).toContainText('aes');
  await expect(page.getByText(payload)).toHaveCount(0);
  await r.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.getByRole('toolbar', { name: 'Secret actions' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete secret?' });
  await expect(dialog).toContainText('openstack secret delete http');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('This secret no longer exists.')).toBeVisible();
  await openSecrets(page);
  await expect(row(page, 'Secrets', name)).toHaveCount(0);
});

test('a generic container from two secrets: create, open its secrets, delete', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const [a, b] = [`${prefix}-a`, `${prefix}-b`];
  const refA = await storeViaApi(page, a, 'alpha');
  await storeViaApi(page, b, 'beta');
  const name = `${prefix}-box`;

  await openSecrets(page, 'Secret containers');
  await page.getByRole('link', { name: 'Create container' }).click();
  const form = page.getByRole('form', { name: 'Create a secret container' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Reference name 1', { exact: true }).fill('first');
  await form.getByLabel('Secret 1', { exact: true }).selectOption({ label: `${a} (opaque)` });
  await form.getByRole('button', { name: 'Add a secret' }).click();
  // Duplicate reference names are refused before the API sees them.
  await form.getByLabel('Reference name 2', { exact: true }).fill('first');
  await form.getByLabel('Secret 2', { exact: true }).selectOption({ label: `${b} (opaque)` });
  await form.getByRole('button', { name: 'Create container' }).click();
  await expect(form.getByText('first is used twice')).toBeVisible();
  await form.getByLabel('Reference name 2', { exact: true }).fill('second');
  await expect(form.getByText('openstack secret container create')).toContainText(`--name ${name} --type generic --secret first=${refA} --secret second=`);
  await form.getByRole('button', { name: 'Create container' }).click();

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Container secrets' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('first');
  await expect(table).toContainText('second');
  await table.getByRole('link', { name: refA.split('/').pop()! }).click();
  await expect(page.getByRole('heading', { name: a, level: 1 })).toBeVisible();

  await openSecrets(page, 'Secret containers');
  const r = row(page, 'Secret containers', name);
  await expect(r).toContainText('generic');
  await r.getByRole('button', { name: `Actions for ${name}` }).click();
  await r.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete container?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'Secret containers', name)).toHaveCount(0);
});

test('bad input: empty name and payload, a past expiration, a certificate container without its certificate', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/os/key-manager/')) posts.push(r.url());
  });
  await openSecrets(page);
  await page.getByRole('link', { name: 'Store secret' }).click();
  const form = page.getByRole('form', { name: 'Store a secret' });
  await form.getByRole('button', { name: 'Store secret' }).click();
  await expect(form.getByText('Enter a name')).toBeVisible();
  await expect(form.getByText('Enter a payload or choose a file')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Name', { exact: true }).fill(`${prefix}-never`);
  await form.getByLabel('Payload', { exact: true }).fill('x');
  await form.getByLabel('Expiration (UTC)').fill('2020-01-01T00:00');
  await form.getByRole('button', { name: 'Store secret' }).click();
  await expect(form.getByText('The expiration must be in the future')).toBeVisible();
  await expect(form.getByText('Enter a name')).toHaveCount(0);

  await openSecrets(page, 'Secret containers');
  await page.getByRole('link', { name: 'Create container' }).click();
  const cform = page.getByRole('form', { name: 'Create a secret container' });
  await cform.getByLabel('Container type').selectOption('certificate');
  await cform.getByLabel('Name', { exact: true }).fill(`${prefix}-cert`);
  await cform.getByLabel('Reference name 1', { exact: true }).selectOption('private_key');
  await cform.getByRole('button', { name: 'Create container' }).click();
  await expect(cform.getByText('A certificate container needs certificate')).toBeVisible();
  await expect(cform.getByText('Pick a secret')).toBeVisible();
  expect(posts).toEqual([]);
});
