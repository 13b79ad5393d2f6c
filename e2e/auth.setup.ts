import { expect, test as setup } from '@playwright/test';
import { DEMO_STATE, logIn, PROJECT_URL } from './helpers';

setup('log in once as demo', async ({ page }) => {
  await page.goto('/login');
  await logIn(page, 'demo', 'demo');
  await expect(page).toHaveURL(PROJECT_URL);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.context().storageState({ path: DEMO_STATE });
});
