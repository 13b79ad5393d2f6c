import { readFile } from 'node:fs/promises';
import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { violations } from './axe';
import { RUN } from './compute-helpers';
import { apiLogIn, backend, keystoneToken, LOGGED_OUT, PROJECT_URL } from './helpers';
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

test('the overview shows usage over a chosen period, downloadable as CSV', async ({ page }) => {
  await home(page);
  const usage = page.getByRole('region', { name: 'Usage summary' });
  await usage.getByLabel('Period').selectOption({ label: 'Custom' });
  // A period that ends before it starts is refused on its field, and nothing is asked of Nova for it.
  await usage.getByLabel('From', { exact: true }).fill('2026-12-05');
  await usage.getByLabel('To', { exact: true }).fill('2026-12-01');
  await expect(usage.getByText('The last day is before the first')).toBeVisible();
  await usage.getByLabel('Period').selectOption({ label: 'Last 30 days' });
  await expect(usage.getByText('Instance-hours')).toBeVisible();
  expect(await violations(page, 'overview usage')).toEqual([]);
  const download = page.waitForEvent('download');
  await usage.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-usage-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('instance_id,name,state,flavor,vcpus,ram_mb,disk_gb,hours,vcpu_hours,ram_gb_hours,disk_gb_hours');
  // One line per instance the table shows (when there are any).
  const rows = await usage.getByRole('table', { name: 'Usage per instance' }).getByRole('row').count();
  expect(csv.trimEnd().split('\r\n').length).toBe(Math.max(rows, 1));
});

test.describe('admin identity', () => {
  const projectName = `${RUN}-proj`;
  const userName = `${RUN}-user`;

  /** Deletes this run's users and projects through Keystone (the admin's own token, not the dashboard). */
  test.afterAll(async () => {
    const keystone = backend().keystone;
    const token = await keystoneToken('admin', 'admin', 'admin');
    const ctx = await request.newContext({ extraHTTPHeaders: { 'X-Auth-Token': token } });
    try {
      for (const [collection, key] of [['users', 'users'], ['groups', 'groups'], ['projects', 'projects']] as const) {
        const body = (await (await ctx.get(`${keystone}/${collection}`)).json()) as Record<string, { id: string; name: string }[]>;
        for (const o of (body[key] ?? []).filter((x) => x.name.startsWith(RUN))) await ctx.delete(`${keystone}/${collection}/${o.id}`);
      }
    } finally {
      await ctx.dispose();
    }
  });

  test('a member gets the 403 inside the shell on the identity admin pages', async ({ page }) => {
    const base = await home(page);
    const res = await page.goto(`${base}/admin/users?${new URL(page.url()).searchParams}`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page is for cloud administrators', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Instances', exact: true })).toBeVisible();
  });

  test('an admin creates, edits, disables and deletes a project and a user with a password', async ({ page }) => {
    const to = await apiLogIn(page, backend().baseURL, 'admin', 'admin');
    await page.goto(to);
    await expect(page).toHaveURL(PROJECT_URL);
    const base = page.url().replace(/\?.*$/, '');
    const region = new URL(page.url()).search;

    // A project, then its page.
    await page.goto(`${base}/admin/projects/new${region}`);
    const create = page.getByRole('form', { name: 'Create project' });
    await create.getByLabel('Name').fill(projectName);
    await create.getByLabel('Description').fill('e2e project');
    expect(await violations(page, 'create project form')).toEqual([]);
    await create.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
    const projectUrl = page.url();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('form', { name: 'Edit' });
    await edit.getByLabel('Description').fill('changed by e2e');
    await edit.getByRole('button', { name: 'Save' }).click();
    // The form closes once Keystone has it; then the overview shows the new description.
    await expect(edit).toHaveCount(0);
    await expect(page.getByText('changed by e2e')).toBeVisible();
    const toolbar = page.getByRole('toolbar', { name: 'Project actions' });
    await toolbar.getByRole('button', { name: 'Disable' }).click();
    await expect(toolbar.getByRole('button', { name: 'Enable' })).toBeVisible();
    await toolbar.getByRole('button', { name: 'Enable' }).click();
    await expect(toolbar.getByRole('button', { name: 'Disable' })).toBeVisible();

    // A user with a password and the project as default; its password set again.
    await page.goto(`${base}/admin/users/new${region}`);
    const user = page.getByRole('form', { name: 'Create user' });
    await user.getByLabel('Name').fill(userName);
    await user.getByLabel('E-mail').fill('not-an-address');
    await user.getByLabel('Password', { exact: true }).fill('pw-one-1234');
    await user.getByLabel('Confirm password').fill('pw-two-1234');
    await user.getByRole('button', { name: 'Create user' }).click();
    await expect(user.getByText('Enter an email address like name@example.org')).toBeVisible();
    await expect(user.getByText('The passwords differ')).toBeVisible();
    await user.getByLabel('E-mail').fill('e2e@example.org');
    await user.getByLabel('Confirm password').fill('pw-one-1234');
    await expect(user.getByLabel('Default project').locator('option', { hasText: projectName })).toBeAttached();
    await user.getByLabel('Default project').selectOption({ label: projectName });
    await user.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('heading', { level: 1, name: userName })).toBeVisible();
    const userUrl = page.url();
    await page.getByRole('button', { name: 'Set password' }).click();
    const pw = page.getByRole('form', { name: 'Set password' });
    await pw.getByLabel('Password', { exact: true }).fill('pw-new-5678');
    await pw.getByLabel('Confirm password').fill('pw-new-5678');
    await pw.getByRole('button', { name: 'Set password' }).click();
    await expect(pw).toHaveCount(0);
    // The new password works at Keystone.
    expect(await keystoneToken(userName, 'pw-new-5678')).toBeTruthy();

    // A group with the user as member.
    const groupName = `${RUN}-group`;
    await page.goto(`${base}/admin/groups/new${region}`);
    const group = page.getByRole('form', { name: 'Create group' });
    await group.getByLabel('Name').fill(groupName);
    await group.getByRole('button', { name: 'Create group' }).click();
    await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
    await page.getByRole('tab', { name: 'Members' }).click();
    const add = page.getByRole('form', { name: 'Add user' });
    await expect(add.getByLabel('User').locator('option', { hasText: userName })).toBeAttached();
    await add.getByLabel('User').selectOption({ label: userName });
    await add.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: userName })).toBeVisible();
    expect(await violations(page, 'group members tab')).toEqual([]);

    // On the project: the group gets a role; the user holds it effectively, through the group. Then the quotas.
    await page.goto(projectUrl);
    await page.getByRole('tab', { name: 'Role assignments' }).click();
    const grant = page.getByRole('form', { name: 'Add role assignment' });
    await grant.getByLabel('To').selectOption({ label: 'Group' });
    await expect(grant.getByLabel('Group', { exact: true }).locator('option', { hasText: groupName })).toBeAttached();
    await grant.getByLabel('Group', { exact: true }).selectOption({ label: groupName });
    await grant.getByLabel('Role').selectOption({ label: 'member' });
    await grant.getByRole('button', { name: 'Add role assignment' }).click();
    const assignments = page.getByRole('table', { name: 'Role assignments' });
    await expect(assignments.getByRole('row').filter({ hasText: groupName })).toContainText('member');
    expect(await keystoneToken(userName, 'pw-new-5678', projectName)).toBeTruthy();

    const nova = page.getByRole('form', { name: 'Compute (Nova)' });
    await nova.getByLabel('Limit of Instances').fill('-5');
    await nova.getByRole('button', { name: 'Save Compute (Nova) quotas' }).click();
    await expect(nova.getByText('Enter a whole number, -1 for unlimited')).toBeVisible();
    await nova.getByLabel('Limit of Instances').fill('7');
    await nova.getByRole('button', { name: 'Save Compute (Nova) quotas' }).click();
    await expect(nova.getByRole('status')).toHaveText('Quotas saved.');
    await expect(nova.getByLabel('Limit of Instances')).toHaveValue('7');
    expect(await violations(page, 'project quotas')).toEqual([]);
    // Nova keeps a project's quota rows after the project is gone: back to the defaults first.
    const reset = await page.request.delete(`/api/os/compute/os-quota-sets/${projectUrl.split('/admin/projects/')[1].split('?')[0]}`, { headers: mutationHeaders() });
    expect(reset.status()).toBe(202);

    // Deleted: the user, then the project.
    await page.goto(userUrl);
    await page.getByRole('toolbar', { name: 'User actions' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete user?' }).getByRole('button', { name: 'Delete' }).click();
    // Its page stays, saying it is gone, as every kind's does.
    await expect(page.getByText('This user no longer exists.')).toBeVisible();
    await page.goto(projectUrl);
    await page.getByRole('toolbar', { name: 'Project actions' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete project?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('This project no longer exists.')).toBeVisible();
  });
});
