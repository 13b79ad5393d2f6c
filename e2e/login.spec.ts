import { expect, test } from './fixtures';
import { backend, LOGGED_OUT, logIn, PROJECT_URL } from './helpers';

test.use({ storageState: LOGGED_OUT });

test.describe('login page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/login');
  });

  test('shows labelled fields, and the demo credentials on the demo cloud only', async ({ page, backend }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Log in to ${backend.displayName}`);
    const credentials = page.getByRole('complementary', { name: 'Demo credentials' });
    if (backend.name === 'demo') await expect(credentials).toContainText('demo');
    else await expect(credentials).toHaveCount(0);
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await expect(page.getByLabel('User domain')).toHaveValue('Default');
  });

  test('logs in and shows the overview with the identity service', async ({ page }) => {
    await logIn(page, 'demo', 'demo');
    await expect(page).toHaveURL(PROJECT_URL);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    const services = page.getByRole('table', { name: 'Services in this cloud' });
    await expect(services.getByRole('rowheader', { name: 'identity', exact: true })).toBeVisible();
    if (backend().name === 'realcloud') {
      // Swift publishes no version document: its release comes from /info instead of a discovery failure.
      const swift = services.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'object-store', exact: true }) });
      await expect(swift).toContainText(/Swift \d+\.\d+/);
      await expect(swift).not.toContainText('Version discovery failed');
    }
  });

  test('a wrong password says so', async ({ page }) => {
    await logIn(page, 'demo', 'not-the-password');
    await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveText('Invalid username or password');
    await expect(page).toHaveURL(/\/login/);
  });

  test('repeated wrong passwords are slowed down, and the form says for how long', async ({ page, baseURL }) => {
    // A user of its own, so that no other test's log-in waits behind the lock this one earns.
    const username = `nobody-${Date.now().toString(36)}`;
    const attempt = () =>
      page.request.post('/api/auth/login', {
        data: { cloud: backend().cloud, method: 'password', username, password: 'wrong', userDomain: 'Default' },
        headers: { 'X-Stratus-CSRF': '1', Origin: baseURL ?? '' },
      });
    // Five free failures; each counted one after that locks for twice as long (1 s, 2 s, 4 s), and an attempt while
    // locked is refused with 429 without being counted: earn the 4 s lock. (Few failures in all: the client address
    // has a budget of its own, shared by every test of this run.)
    const statuses: number[] = [];
    while (statuses.filter((s) => s === 401).length < 8) {
      statuses.push((await attempt()).status());
      if (statuses.at(-1) === 429) await page.waitForTimeout(250);
    }
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    await logIn(page, username, 'wrong');
    await expect(page.getByRole('tabpanel').getByRole('alert')).toHaveText(/^Too many failed log-in attempts; try again in \d+ seconds?$/);
    const refused = await attempt();
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  });

  test('empty fields show field errors', async ({ page }) => {
    await page.getByLabel('User domain').fill('');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('Username is required')).toBeVisible();
    await expect(page.getByText('Password is required')).toBeVisible();
    await expect(page.getByText('User domain is required')).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the application credential tab asks for an ID and a secret', async ({ page }) => {
    await page.getByRole('tab', { name: 'Application credential' }).click();
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('Application credential ID is required')).toBeVisible();
    await expect(page.getByLabel('Application credential secret')).toBeVisible();
  });

  test('an expired session is explained', async ({ page }) => {
    await page.goto('/login?reason=expired');
    await expect(page.getByText('Your session expired')).toBeVisible();
  });
});
