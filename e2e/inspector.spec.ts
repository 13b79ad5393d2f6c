import { expect, test } from '@playwright/test';
import { createServer, deleteServers, instanceRow, openSection, RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// The API inspector and the command palette: the two tools for learning what OpenStack is doing and for getting
// anywhere fast. Both on the demo cloud and on real OpenStack (no data plane needed).

const prefix = `${RUN}-insp`;

test.describe('API inspector', () => {
  test('lists the calls the page made, with status codes and no token anywhere', async ({ page }) => {
    await openSection(page, 'Instances');
    await expect(page.getByRole('table', { name: 'Instances' })).toBeVisible();
    await page.getByRole('button', { name: 'API inspector' }).click();
    const drawer = page.getByRole('complementary', { name: 'API inspector' });
    const calls = drawer.getByRole('table', { name: 'API calls' });
    // The instance list itself: GET …/servers/detail, answered 200 by Nova, with Nova's request id.
    const list = calls.getByRole('row').filter({ has: page.getByRole('button', { name: /\/servers\/detail/ }) }).first();
    await expect(list).toBeVisible();
    await expect(list.getByRole('cell').nth(1)).toHaveText('GET');
    await expect(list.getByRole('cell').nth(2)).toHaveText('compute');
    await expect(list.getByRole('cell').nth(4)).toHaveText('200');
    await expect(list.getByRole('cell').nth(6)).toHaveText(/^req-/);
    await list.getByRole('button', { name: /\/servers\/detail/ }).click();
    const detail = drawer.getByRole('region', { name: /^Call GET .*servers\/detail/ });
    // The real upstream URL (the path the API reference documents) and the pretty-printed body.
    await expect(detail).toContainText(/GET https?:\/\/[^ ]+\/servers\/detail/);
    await expect(detail.getByLabel('Response body')).toContainText('"servers": [');
    // Nothing the inspector shows may carry the token (the session cookie's token is never in the browser).
    const token = await sessionToken();
    const text = await drawer.innerText();
    expect(text).not.toContain(token);
    expect(text.toLowerCase()).not.toMatch(/x-auth-token|x-subject-token/);
    expect(text).not.toMatch(/gAAAAA[\w-]{40,}/); // a Fernet token, as real Keystone issues them
    // Newest first; the key toggles the drawer.
    await page.keyboard.press('`');
    await expect(drawer).toBeHidden();
    await page.keyboard.press('`');
    await expect(drawer).toBeVisible();
  });

  test('shows a refusal with its status and the service message', async ({ page }) => {
    await openSection(page, 'Instances');
    await page.getByRole('button', { name: 'API inspector' }).click();
    const drawer = page.getByRole('complementary', { name: 'API inspector' });
    // A detail page of a server that does not exist: Nova answers 404.
    const here = new URL(page.url());
    await page.goto(`${here.pathname}/00000000-0000-4000-8000-000000000000${here.search}`);
    await page.getByRole('button', { name: 'API inspector' }).click();
    const row = drawer.getByRole('row').filter({ has: page.getByRole('button', { name: /servers\/00000000-0000-4000-8000-000000000000$/ }) }).first();
    await expect(row.getByRole('cell').nth(4)).toHaveText('404');
    await row.getByRole('button').click();
    await expect(drawer.getByLabel('Response body')).toContainText(/could not be found/i);
  });
});

/** The Keystone token of the saved login, obtained afresh for the same user: it must never appear in the page. */
async function sessionToken(): Promise<string> {
  const b = backend();
  const res = await fetch(`${b.keystone}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo' } } } } }),
  });
  return res.headers.get('x-subject-token') ?? 'no-token';
}

test.describe('command palette', () => {
  test.afterAll(async ({ browser }) => deleteServers(browser, prefix));

  test('finds an instance by a fragment of its id and opens it', async ({ page }) => {
    // A real Nova takes its time to build the instance when other tests launch theirs too.
    test.slow();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const name = `${prefix}-vm`;
    const server = await createServer(page, name);
    await openSection(page, 'Instances');
    await expect(instanceRow(page, name)).toBeVisible();

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const input = palette.getByRole('combobox', { name: 'Search pages, resources and actions' });
    await expect(input).toBeFocused();
    // A fragment from the middle of the id: no OpenStack filter can do this.
    await input.fill(server.id.slice(9, 18));
    const hit = palette.getByRole('group', { name: 'Instances' }).getByRole('option', { name: new RegExp(name) });
    await expect(hit).toBeVisible();
    await input.press('ArrowDown');
    await expect(hit).toHaveAttribute('aria-selected', 'true');
    await input.press('Enter');
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/instances/${server.id}\\?region=`));
  });

  test('jumps to pages and actions, and closes with Escape', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    await page.getByRole('button', { name: /^Search/ }).click();
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const input = palette.getByRole('combobox');
    await input.fill('launch');
    await palette.getByRole('option', { name: 'Launch instance' }).click();
    await expect(page.getByRole('form', { name: 'Launch instance' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await input.fill('snapsh');
    await expect(palette.getByRole('group', { name: 'Pages' }).getByRole('option', { name: /Snapshots/ })).toBeVisible();
    await input.press('Escape');
    await expect(palette).toBeHidden();
  });
});

test.describe('activity', () => {
  test.afterAll(async ({ browser }) => deleteServers(browser, `${prefix}-act`));

  test('a change polling notices appears as a notification and in the activity list', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const name = `${prefix}-act`;
    await createServer(page, name);
    await openSection(page, 'Instances');
    const row = instanceRow(page, name);
    await expect(row).toContainText('ACTIVE', { timeout: 60_000 });
    await row.getByRole('button', { name: `Actions for ${name}` }).click();
    await row.getByRole('menuitem', { name: 'Stop' }).click();
    await page.getByRole('dialog', { name: 'Stop instance?' }).getByRole('button', { name: 'Stop' }).click();
    // The stop settles (SHUTOFF) on a later poll: the page says so without being asked.
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Instance ${name} is now SHUTOFF`, { timeout: 60_000 });
    await page.getByRole('button', { name: /^Activity/ }).click();
    await expect(page.getByRole('list', { name: 'Activity' })).toContainText(`Instance ${name} is now SHUTOFF`);
  });
});
