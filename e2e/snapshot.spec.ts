// Issue 20: read-only snapshot links. A list's snapshot opens in a fresh browser with no login, without the values the
// definitions declare sensitive (a secret's name), which the stored file does not hold either; revoked, it answers 410.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { violations } from './axe';
import { RUN } from './compute-helpers';
import { backend, LOGGED_OUT, PROJECT_URL } from './helpers';

// Serial: the dialog lists the user's snapshots newest first, and each test revokes the one it just made.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const CSRF = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });
// Where the e2e servers keep their data (STRATUS_STATE_DIR unset: `.stratus` in the working directory).
const SNAPSHOTS = path.join(process.cwd(), '.stratus', 'snapshots');
const made: string[] = [];

test.afterAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  for (const id of made) await context.request.delete(`/api/snapshots/${id}`, { headers: CSRF() });
  await context.close();
});

/** Opens the dialog, creates a snapshot and answers its link. */
async function share(page: Page, removeIps = false): Promise<string> {
  await page.getByRole('button', { name: 'Share a snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  await dialog.getByLabel('Link expires after').selectOption({ label: '1 hour' });
  if (removeIps) await dialog.getByRole('checkbox', { name: 'Remove IP addresses' }).check();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Snapshot link' }).inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{32}$/);
  made.push(link.split('/s/')[1]);
  return link;
}

test('a list snapshot opens without login, holds no secret name, and answers 410 once revoked', async ({ page, browser }) => {
  const name = `${RUN}-snapshot-secret`;
  const res = await page.request.post('/api/os/key-manager/v1/secrets', {
    headers: CSRF(),
    data: { name, payload: 'never in a snapshot', payload_content_type: 'text/plain', secret_type: 'opaque' },
  });
  expect(res.status()).toBe(201);
  const ref = ((await res.json()) as { secret_ref: string }).secret_ref;
  try {
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const home = new URL(page.url());
    const projectId = PROJECT_URL.exec(page.url())![1];
    await page.goto(`${home.pathname}/secrets?name=${encodeURIComponent(name)}&${home.search.slice(1)}`);
    const rows = page.getByRole('table', { name: 'Secrets' }).getByRole('row');
    await expect(rows.filter({ has: page.getByRole('link', { name, exact: true }) })).toHaveCount(1);

    const link = await share(page);
    const id = link.split('/s/')[1];
    const stored = fs.readFileSync(path.join(SNAPSHOTS, `${id}.json`), 'utf8');
    expect(stored).toContain('"Secrets"');
    expect(stored).not.toContain(name);
    expect(stored).not.toContain('never in a snapshot');
    expect(stored).not.toContain(projectId);
    expect(fs.statSync(path.join(SNAPSHOTS, `${id}.json`)).mode & 0o777).toBe(0o600);

    // A teammate without cloud credentials: a fresh browser, no cookies.
    const fresh = await browser.newContext({ storageState: LOGGED_OUT });
    try {
      const reader = await fresh.newPage();
      const answer = await reader.goto(link);
      expect(answer?.status()).toBe(200);
      await expect(reader.getByText('Read-only snapshot')).toBeVisible();
      await expect(reader.getByRole('heading', { level: 1, name: 'Secrets' })).toBeVisible();
      const table = reader.getByRole('table', { name: /^Secrets: 1 row$/ });
      await expect(table.getByRole('row')).toHaveCount(2);
      await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveCount(0);
      await expect(reader.getByText(name)).toHaveCount(0);
      expect(await violations(reader)).toEqual([]);
      expect(await fresh.cookies()).toEqual([]);
    } finally {
      await fresh.close();
    }

    // Revoked from the dialog's list (newest first): the link is gone.
    const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
    await dialog.getByRole('button', { name: /^Revoke the snapshot Secrets/ }).first().click();
    await expect(dialog.getByRole('status')).toContainText('Snapshot revoked');
    const outsider = await browser.newContext({ storageState: LOGGED_OUT });
    try {
      expect((await outsider.request.get(link)).status()).toBe(410);
      expect((await outsider.request.get(link.replace(/.{4}$/, 'AAAA'))).status()).toBe(404);
    } finally {
      await outsider.close();
    }
    expect(fs.readFileSync(path.join(SNAPSHOTS, `${id}.json`), 'utf8')).not.toContain('Secrets');
    expect(await violations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The secret's own page: its name is the heading, which the snapshot does not keep.
    await rows.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const detail = await share(page);
    const kept = fs.readFileSync(path.join(SNAPSHOTS, `${detail.split('/s/')[1]}.json`), 'utf8');
    expect(kept).toContain('"type":"detail"');
    expect(kept).not.toContain(name);
    expect(kept).not.toContain(projectId);
    const teammate = await browser.newContext({ storageState: LOGGED_OUT });
    try {
      const reader = await teammate.newPage();
      expect((await reader.goto(detail))?.status()).toBe(200);
      await expect(reader.getByRole('heading', { level: 1, name: 'Secret' })).toBeVisible();
      await expect(reader.getByRole('term').filter({ hasText: /^Status$/ })).toBeVisible();
      await expect(reader.getByText(name)).toHaveCount(0);
    } finally {
      await teammate.close();
    }
  } finally {
    await page.request.delete(`/api/os/key-manager/v1/secrets/${ref.split('/').pop()}`, { headers: CSRF() });
  }
});

test('creating and revoking are refused cross-site, oversized or without a login', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const body = { title: 'T', slug: '', kindLabel: 'T', expiresIn: 3600, removeIps: false, view: { type: 'detail', fields: [] } };
  expect((await page.request.post('/api/snapshots', { data: body })).status()).toBe(403);
  const big = { ...body, view: { type: 'detail', fields: [{ label: 'x', value: 'x'.repeat(2_000_000) }] } };
  const tooBig = await page.request.post('/api/snapshots', { headers: CSRF(), data: big });
  expect(tooBig.status()).toBe(413);
  expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(/too large/);
  const created = await page.request.post('/api/snapshots', { headers: CSRF(), data: body });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  made.push(id);
  const anonymous = await browser.newContext({ storageState: LOGGED_OUT, baseURL: backend().baseURL });
  try {
    expect((await anonymous.request.delete(`/api/snapshots/${id}`, { headers: CSRF() })).status()).toBe(401);
    expect((await anonymous.request.get(`/s/${id}`)).status()).toBe(200);
  } finally {
    await anonymous.close();
  }
});

test('a topology snapshot is drawn again from data, without IP addresses when asked', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const home = new URL(page.url());
  await page.goto(`${home.pathname}/topology${home.search}`);
  const picture = page.getByRole('figure', { name: 'Network topology' });
  await expect(picture.getByRole('link', { name: /^External network public, / })).toBeVisible();
  const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/;
  await expect(page.getByRole('list', { name: 'Connections' })).toBeVisible();
  expect(await page.locator('main').innerText()).toMatch(IPV4);

  const link = await share(page, true);
  const stored = fs.readFileSync(path.join(SNAPSHOTS, `${link.split('/s/')[1]}.json`), 'utf8');
  expect(stored).toContain('"type":"topology"');
  expect(stored).not.toMatch(IPV4);
  expect(stored).not.toMatch(/<(?:svg|div|a)\b/);

  const fresh = await browser.newContext({ storageState: LOGGED_OUT });
  try {
    const reader = await fresh.newPage();
    expect((await reader.goto(link))?.status()).toBe(200);
    await expect(reader.getByRole('img', { name: 'Network topology' })).toBeVisible();
    await expect(reader.getByRole('heading', { level: 2, name: 'Connections' })).toBeVisible();
    expect(await reader.locator('body').innerText()).not.toMatch(IPV4);
    expect(await violations(reader)).toEqual([]);
  } finally {
    await fresh.close();
  }
});
