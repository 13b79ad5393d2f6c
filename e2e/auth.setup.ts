import { expect, test as setup } from '@playwright/test';
import { backend, logIn, PROJECT_URL } from './helpers';

// Runs in `demo-setup` and in `realcloud-setup`: the saved login of that backend's project.
setup('log in once as demo', async ({ page }) => {
  await page.goto('/login');
  await logIn(page, 'demo', 'demo');
  await expect(page).toHaveURL(PROJECT_URL);
  expect(new URL(page.url()).pathname.split('/')[1]).toBe(backend().cloud);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.context().storageState({ path: backend().storageState });
});
