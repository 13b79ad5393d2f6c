import { expect, test } from '@playwright/test';
import { RUN } from './compute-helpers';
import { apiLogIn, backend, LOGGED_OUT, PROJECT_URL, skipOnRealcloud } from './helpers';

// "Why did it fail": a failed resource shows the service's own message, explained, with the next step.

test('a volume that went to error shows Cinder’s user message, explained', async ({ page }) => {
  skipOnRealcloud('its fake Cinder driver never fails a volume on demand; the demo cloud fails fail- volumes');
  const name = `fail-${RUN}-vol`;
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const headers = { 'X-Stratus-CSRF': '1', Origin: backend().baseURL };
  const res = await page.request.post('/api/os/volumev3/volumes', { headers, data: { volume: { name, size: 1 } } });
  expect(res.status()).toBe(202);
  const { volume } = (await res.json()) as { volume: { id: string } };
  try {
    const here = new URL(page.url());
    await page.goto(`${here.pathname}/volumes/${volume.id}${here.search}`);
    const notice = page.getByRole('alert', { name: 'Why this volume failed' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText('No storage backend can hold this volume');
    await expect(notice).toContainText('Next step:');
    await expect(notice).toContainText('Cinder said: schedule allocate volume:Could not find any available weighted backend.');
    await expect(notice).toContainText(/Request ID: req-/);
  } finally {
    await page.request.delete(`/api/os/volumev3/volumes/${volume.id}`, { headers });
  }
});

test.describe('as admin', () => {
  test.use({ storageState: LOGGED_OUT });

  test('a node whose deploy failed shows Ironic’s last_error, explained', async ({ page, baseURL }) => {
    skipOnRealcloud('its fake-hardware nodes never fail a deploy; the demo cloud seeds fail-bm-0 in deploy failed');
    await page.goto(await apiLogIn(page, baseURL, 'admin', 'admin'));
    await expect(page).toHaveURL(PROJECT_URL);
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Nodes', exact: true }).click();
    await page.getByRole('table', { name: 'Nodes' }).getByRole('link', { name: 'fail-bm-0', exact: true }).click();
    const notice = page.getByRole('alert', { name: 'Last error' });
    await expect(notice).toContainText('The node never called back from its deploy or cleaning ramdisk.');
    await expect(notice).toContainText('Next step: Check the node’s network boot (PXE)');
    await expect(notice).toContainText('Ironic said: Deploy step deploy.deploy failed: Timeout reached while waiting for callback');
  });
});
