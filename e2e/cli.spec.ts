import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { deleteServers, instanceRow, openSection, RUN } from './compute-helpers';
import { backend } from './helpers';

// The CLI equivalent the launch form shows is real: pasted into a shell, Debian's `openstack` creates exactly the
// server the form describes, and the dashboard shows it.

const run = promisify(execFile);
const prefix = `${RUN}-cli`;

test.afterAll(async ({ browser }) => deleteServers(browser, prefix));

test('the launch form shows a command line that the real CLI runs', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `${prefix} web's "1"`;
  await openSection(page, 'Instances');
  await page.getByRole('link', { name: 'Launch instance' }).click();
  const form = page.getByRole('form', { name: 'Launch instance' });
  await expect(form.getByLabel('Flavor', { exact: true })).not.toHaveValue('');
  await form.getByLabel('Key pair', { exact: true }).selectOption({ label: 'None' });
  const hint = form.getByRole('group', { name: 'CLI equivalent' }).filter({ hasText: 'openstack server create' });
  // The project's network is preselected once the networks have loaded (the line names it then).
  await expect(form.getByRole('group', { name: 'Networks' }).getByRole('checkbox', { checked: true })).not.toHaveCount(0);
  await form.getByLabel('Name', { exact: true }).fill(name);
  // Live: the line follows the form, quoted for a POSIX shell.
  await expect(hint.locator('code')).toContainText(`'${prefix} web'\\''s "1"'`);
  await expect(hint.getByRole('button', { name: 'Copy command' })).toBeVisible();
  const line = (await hint.locator('code').innerText()).trim();
  expect(line).toMatch(/^openstack server create --image \S+ --flavor \S+ (--network \S+ )+/);

  const home = mkdtempSync(path.join(tmpdir(), 'stratus-cli-'));
  try {
    const env = {
      PATH: `/usr/bin:${process.env.PATH ?? ''}`,
      HOME: home,
      SHELL: '/bin/bash',
      OS_AUTH_URL: backend().keystone,
      OS_AUTH_TYPE: 'password',
      OS_USERNAME: 'demo',
      OS_PASSWORD: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_NAME: 'demo',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      OS_REGION_NAME: 'RegionOne',
      OS_IDENTITY_API_VERSION: '3',
      OS_INTERFACE: 'public',
    };
    const { stdout } = await run('/bin/bash', ['-c', `${line} -f json`], { env: env as unknown as NodeJS.ProcessEnv, cwd: home, timeout: 60_000 });
    const created = JSON.parse(stdout) as { id: string; name: string };
    expect(created.name).toBe(name);
    // The dashboard shows it (no reload: the list polls).
    await openSection(page, 'Instances');
    await expect(instanceRow(page, name)).toBeVisible({ timeout: 30_000 });
    await expect(instanceRow(page, name)).toHaveAttribute('data-id', created.id);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
