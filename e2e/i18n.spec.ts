import { expect, test } from './fixtures';
import { LOGGED_OUT } from './helpers';

test.use({ storageState: LOGGED_OUT });

test("the login page speaks the browser's language; the language menu switches it, and the choice is kept", async ({ browser, backend }) => {
  const context = await browser.newContext({ locale: 'ja-JP', baseURL: backend.baseURL });
  const page = await context.newPage();
  const html = page.locator('html');
  const heading = page.getByRole('heading', { level: 1 });
  await page.goto('/login');
  await expect(html).toHaveAttribute('lang', 'ja');
  await expect(heading).toHaveText(`${backend.displayName} にログイン`);
  await expect(page.getByLabel('ユーザー名')).toBeVisible();

  await page.getByLabel('言語').selectOption('de');
  await expect(html).toHaveAttribute('lang', 'de');
  await expect(page).toHaveURL(/[?&]lang=de/);
  await expect(heading).toHaveText(`Bei ${backend.displayName} anmelden`);

  // Without ?lang= the cookie wins over the browser's Japanese; the form's own checks speak German too.
  await page.goto('/login');
  await expect(html).toHaveAttribute('lang', 'de');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText('Der Benutzername ist erforderlich')).toBeVisible();
  await context.close();
});
