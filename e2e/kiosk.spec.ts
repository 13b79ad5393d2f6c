// Issue 20 "a kiosk for talks": `?kiosk=1` hides the chrome and keeps masking on, a playlist of saved views rotates
// in kiosk (the Done-when: "kiosk mode rotates two views"), and an instance's console log is a live tail.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { violations } from './axe';
import { createServer, deleteServers, RUN } from './compute-helpers';
import { LOGGED_OUT, logIn, PROJECT_URL, skipOnRealcloud } from './helpers';

test.describe.configure({ timeout: 90_000 });

const PREFIX = `${RUN}-kiosk`;

test.afterAll(async ({ browser }) => {
  await deleteServers(browser, PREFIX);
});

async function home(page: Page): Promise<URL> {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  return new URL(page.url());
}

/** axe finds nothing in light and in dark mode (the class the theme toggle sets, as in a11y.spec.ts). */
async function axeLightAndDark(page: Page) {
  expect(await violations(page)).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  // Buttons fade their colours: scan the colours dark mode ends on, not a frame in between (as a11y.spec.ts does).
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
  expect(await violations(page, `${page.url()} (dark)`)).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
}

const kioskControls = (page: Page) => page.getByRole('complementary', { name: 'Kiosk controls' });

test('kiosk mode hides the chrome, keeps masking on, lasts across navigations and exits by keyboard', async ({ page }) => {
  const url = await home(page);
  await page.goto(`${url.pathname}${url.search}&kiosk=1`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // No header, no sidebar; type enlarged and presentation masking forced on (project IDs are masked by default).
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Services' })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-kiosk', '1');
  await expect(page.locator('html')).toHaveAttribute('data-present', '1');
  await expect(page.getByRole('region', { name: 'Project', exact: true }).getByText('hidden in presentation mode').first()).toBeAttached();
  // Kiosk does not write presentation mode into the address (it is not the user's choice of presentation mode).
  await expect(page).not.toHaveURL(/present=/);
  const exit = kioskControls(page).getByRole('button', { name: 'Exit kiosk' });
  await expect(exit).toBeVisible();
  await axeLightAndDark(page);

  // A client-side navigation (the command palette) stays in kiosk, and Escape in the palette only closes the palette.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('Volumes');
  await palette.getByRole('group', { name: 'Pages' }).getByRole('option', { name: /^Volumes/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/[?&]kiosk=1/);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-kiosk', '1');

  // A reload keeps it (the flag stays in the address).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);

  // Escape leaves kiosk: the chrome is back, masking follows the stored choice again (off).
  await page.locator('body').press('Escape');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Services' })).toBeVisible();
  await expect(page).not.toHaveURL(/kiosk=/);
  await expect(page.locator('html')).not.toHaveAttribute('data-kiosk', '1');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '1');

  // The visible control works from the keyboard too, and focus lands on the presentation settings.
  await page.goto(`${page.url()}&kiosk=1`);
  await expect(page.getByRole('banner')).toHaveCount(0);
  await exit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('banner')).toBeVisible();
  const settings = page.getByRole('button', { name: 'Presentation settings' });
  await expect(settings).toBeFocused();

  // Kiosk is also started from the presentation settings, by keyboard.
  await page.keyboard.press('Enter');
  await page.getByRole('banner').getByRole('button', { name: 'Kiosk mode' }).press('Enter');
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]kiosk=1/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('banner')).toBeVisible();
});

test('kiosk mode rotates two views', async ({ page, browser, baseURL }) => {
  const url = await home(page);
  const overview = `${url.pathname}${url.search}`;
  const volumes = `${url.pathname}/volumes${url.search}`;
  const banner = page.getByRole('banner');
  await banner.getByRole('button', { name: 'Presentation settings' }).press('Enter');
  const views = banner.getByRole('list', { name: 'Playlist views' });
  // Start from an empty playlist (the browser storage of this test's context is fresh, but be explicit).
  await expect(banner.getByText('No views yet.')).toBeVisible();

  await banner.getByRole('button', { name: 'Add this view' }).press('Enter');
  const address = banner.getByLabel('Add a view by address');
  // Other origins and scripts are refused with a reason.
  await address.fill('javascript:alert(document.cookie)');
  await address.press('Enter');
  await expect(banner.getByRole('alert')).toHaveText(/not javascript:/);
  await address.fill('https://evil.example.com/demo');
  await address.press('Enter');
  await expect(banner.getByRole('alert')).toHaveText('Only pages of this Stratus can be added, not other sites.');
  // A full address of this deployment is kept as its path.
  await address.fill(`${baseURL}${volumes}`);
  await address.press('Enter');
  await expect(views.getByRole('listitem')).toHaveCount(2);
  await expect(views.getByRole('listitem').nth(1)).toContainText('/volumes');
  // Reorder by keyboard and back.
  await banner.getByRole('button', { name: 'Move view 2 up' }).press('Enter');
  await expect(views.getByRole('listitem').first()).toContainText('/volumes');
  await banner.getByRole('button', { name: 'Move view 1 down' }).press('Enter');
  await expect(views.getByRole('listitem').first()).not.toContainText('/volumes');

  const seconds = banner.getByLabel('Seconds per view');
  await seconds.fill('1');
  await seconds.blur();
  // Below the lower bound: kept at 5 s.
  await expect(seconds).toHaveValue('5');
  const link = await banner.getByLabel('Wall-screen link', { exact: true }).inputValue();
  await axeLightAndDark(page);

  await banner.getByRole('button', { name: 'Start playlist' }).press('Enter');
  const controls = kioskControls(page);
  await expect(controls).toContainText('View 1 of 2');
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]kiosk=1/);
  // The rotation: to the volumes view and round again, on its own (5 s each).
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(controls).toContainText('View 2 of 2');
  await expect(page).toHaveURL(/\/volumes\?.*kiosk=1/);
  await expect(controls).toContainText('View 1 of 2', { timeout: 15_000 });
  await expect(page).not.toHaveURL(/\/volumes/);

  // K pauses, N goes on by hand, and a paused playlist stays put.
  await page.locator('body').press('k');
  await expect(controls.getByRole('button', { name: 'Resume playlist' })).toBeVisible();
  await page.locator('body').press('n');
  await expect(controls).toContainText('View 2 of 2');
  await expect(page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
  await page.waitForTimeout(6_000); // longer than the interval: a paused playlist must not move
  await expect(controls).toContainText('View 2 of 2');
  await controls.getByRole('button', { name: 'Resume playlist' }).press('Enter');
  await expect(controls.getByRole('button', { name: 'Pause playlist' })).toBeVisible();
  await page.locator('body').press('Escape');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(controls).toHaveCount(0);

  // The wall-screen link starts the same playlist from one address in a browser that is not logged in yet: through
  // the login page (which keeps the address as its next page) into kiosk.
  const wallContext = await browser.newContext({ storageState: LOGGED_OUT, baseURL });
  try {
    const wall = await wallContext.newPage();
    await wall.goto(link);
    await expect(wall).toHaveURL(/\/login\?/);
    await logIn(wall, 'demo', 'demo');
    await expect(kioskControls(wall)).toContainText('View 1 of 2');
    await expect(wall.getByRole('banner')).toHaveCount(0);
    await expect(wall).not.toHaveURL(/playlist=/);
    await expect(wall.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible({ timeout: 15_000 });
  } finally {
    await wallContext.close();
  }

  // A link whose views are all refused says so and rotates nothing.
  const evil = Buffer.from(JSON.stringify({ i: 5, v: ['javascript:alert(1)', 'https://evil.example.com/'] })).toString('base64url');
  await page.goto(`${overview}&kiosk=1&playlist=${evil}`);
  await expect(kioskControls(page).getByRole('alert')).toHaveText('This playlist link has no view of this Stratus to show.');
  await expect(kioskControls(page)).not.toContainText('View 1');
});

test('the console log tail follows, searches and downloads', async ({ page }) => {
  skipOnRealcloud('no console output: the real test cloud boots no VM');
  const url = await home(page);
  const { id } = await createServer(page, `${PREFIX}-tail`);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/os/compute/servers/${id}`)).json()) as { server: { status: string } }).server.status, { timeout: 60_000 })
    .toBe('ACTIVE');
  await page.goto(`${url.pathname}/instances/${id}${url.search}&tab=console&kiosk=1`);
  const log = page.getByLabel('Console output');
  await expect(log).toContainText('login:');
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(log).toContainText('Linux version');

  // Follow: read again every few seconds (two more reads seen), kept at the bottom, and in the address for a playlist.
  const follow = page.getByRole('button', { name: 'Follow', exact: true });
  await follow.press('Enter');
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]follow=1/);
  const isConsoleRead = (r: import('@playwright/test').Request) => r.method() === 'POST' && r.url().includes(`/servers/${id}/action`) && (r.postData() ?? '').includes('os-getConsoleOutput');
  await page.waitForRequest(isConsoleRead, { timeout: 10_000 });
  await page.waitForRequest(isConsoleRead, { timeout: 10_000 });
  await expect
    .poll(() => log.evaluate((el) => Math.abs(el.scrollHeight - el.clientHeight - el.scrollTop) <= 2))
    .toBe(true);

  // Search highlights the matches as text (the log is never HTML) and counts them.
  const search = page.getByLabel('Search the log');
  await search.fill('LOGIN');
  await expect(log.locator('mark').first()).toHaveText(/login/i);
  const marks = await log.locator('mark').count();
  expect(marks).toBeGreaterThan(0);
  await expect(page.getByText(marks === 1 ? '1 match' : `${marks} matches`)).toBeVisible();
  await search.fill('no such words anywhere');
  await expect(page.getByText('No matches')).toBeVisible();
  await expect(log.locator('mark')).toHaveCount(0);
  // Escape in the search box is the field's (clearing it), not kiosk's.
  await search.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('data-kiosk', '1');

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${PREFIX}-tail-console-\\d{8}T\\d{6}Z\\.log$`));
  const saved = await file.path();
  expect(fs.readFileSync(saved, 'utf8')).toContain('Linux version');
  await axeLightAndDark(page);

  // A followed log is a view a playlist can carry: the address with ?follow=1 opens it following.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Follow', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.waitForRequest(isConsoleRead, { timeout: 10_000 });
});
