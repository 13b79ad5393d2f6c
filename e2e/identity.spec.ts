import { expect, test, type Browser, type Page } from '@playwright/test';
import { violations } from './axe';
import { RUN } from './compute-helpers';
import { apiLogIn, backend, LOGGED_OUT, PROJECT_URL } from './helpers';
import { mutationHeaders } from './proxy-helpers';

// Issue 19's identity pages on both backends: the demo user creates an application credential with a role subset,
// an expiry and an access rule, reads its secret once with a clouds.yaml and an openrc that use it, logs in with it,
// sees it listed, and deletes it. Each test logs in with a session of its own (the credential's log-in replaces the
// session of the context it runs in), and whatever this run made is deleted at the end.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ storageState: LOGGED_OUT });

const prefix = `${RUN}-ac`;
const credName = `${prefix}-ci`;

async function home(page: Page): Promise<string> {
  const to = await apiLogIn(page, backend().baseURL);
  await page.goto(to);
  await expect(page).toHaveURL(PROJECT_URL);
  return page.url().replace(/\?.*$/, '');
}

/** Deletes this run's application credentials of the demo user. */
async function cleanUp(browser: Browser) {
  const context = await browser.newContext({ storageState: LOGGED_OUT, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await apiLogIn(page, backend().baseURL);
    const { user } = (await (await page.request.get('/api/auth/session')).json()) as { user: { id: string } };
    const res = await page.request.get(`/api/os/identity/users/${user.id}/application_credentials`);
    const { application_credentials = [] } = (await res.json()) as { application_credentials?: { id: string; name: string }[] };
    for (const c of application_credentials.filter((x) => x.name.startsWith(prefix))) {
      await page.request.delete(`/api/os/identity/users/${user.id}/application_credentials/${c.id}`, { headers: mutationHeaders() });
    }
  } finally {
    await context.close();
  }
}

test.afterAll(async ({ browser }) => cleanUp(browser));

test('an application credential: created with roles, expiry and an access rule, its secret shown once, logged in with, listed and deleted', async ({ page, browser }) => {
  const base = await home(page);
  await page.goto(`${base}/application-credentials/new?region=${encodeURIComponent(new URL(page.url()).searchParams.get('region') ?? '')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Create application credential' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Create application credential' });
  await form.getByLabel('Name').fill(credName);
  // A past expiry is refused on its field before any call.
  await form.getByLabel('Expires (UTC)').fill('2020-01-01T00:00');
  await form.getByRole('button', { name: 'Create application credential' }).click();
  await expect(form.getByText('The expiry must be in the future')).toBeVisible();
  await form.getByLabel('Expires (UTC)').fill('2099-01-01T00:00');
  await form.getByRole('group', { name: 'Roles' }).getByLabel('member', { exact: true }).check();
  await form.getByRole('button', { name: 'Add access rule' }).click();
  await form.getByLabel('Service 1').fill('compute');
  await form.getByLabel('Path 1').fill('/v2.1/servers');
  expect(await violations(page, 'application credential form')).toEqual([]);
  await form.getByRole('button', { name: 'Create application credential' }).click();

  // The secret, once, with the files that use it.
  await expect(page.getByRole('heading', { name: `Application credential ${credName} created` })).toBeVisible();
  const id = (await page.getByTestId('app-cred-id').textContent()) ?? '';
  const secret = (await page.getByTestId('app-cred-secret').textContent()) ?? '';
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  expect(secret.length).toBeGreaterThan(20);
  const yaml = page.getByLabel('clouds.yaml', { exact: true });
  await expect(yaml).toContainText(`application_credential_id: ${id}`);
  await expect(yaml).toContainText('auth_type: v3applicationcredential');
  await expect(page.getByLabel('openrc', { exact: true })).toContainText(`OS_APPLICATION_CREDENTIAL_ID=${id}`);
  expect(await violations(page, 'application credential secret')).toEqual([]);

  // Logging in with it works (a context of its own: the log-in replaces that context's session).
  const other = await browser.newContext({ storageState: LOGGED_OUT, baseURL: backend().baseURL });
  try {
    const res = await other.request.post('/api/auth/login', {
      data: { cloud: backend().cloud, method: 'application_credential', applicationCredentialId: id, applicationCredentialSecret: secret },
      headers: mutationHeaders(),
    });
    expect(res.status(), await res.text()).toBe(200);
    const session = (await (await other.request.get('/api/auth/session')).json()) as { authMethod: string; roles: string[] };
    expect(session.authMethod).toBe('application_credential');
    expect(session.roles).toContain('member');
  } finally {
    await other.close();
  }

  // Listed with its roles, expiry and rule; the secret is gone from the page once it is left.
  await page.getByRole('link', { name: 'Done' }).click();
  const row = page.getByRole('row', { name: new RegExp(credName) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('member');
  await expect(row).toContainText('2099-01-01');
  await expect(row).toContainText('GET compute /v2.1/servers');
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole('button', { name: `Actions for ${credName}` }).click();
  await row.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete application credential?' });
  await expect(dialog).toContainText(credName);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row', { name: new RegExp(credName) })).toHaveCount(0);
});
