// axe-core finds no violation, of any impact, on any page: in light, dark and presentation mode, as a member and
// (admin pages) as the admin, on each backend where the page exists. One walk per backend: each page is loaded once
// and scanned in the three modes by switching them in place.
import type { Page } from '@playwright/test';
import { violations } from './axe';
import { expect, test } from './fixtures';
import { apiLogIn, LOGGED_OUT } from './helpers';
import { everyPage, openSettled, projectHome, type ProjectHome } from './pages';

type Mode = 'light' | 'dark' | 'presentation';
const MODES: readonly Mode[] = ['light', 'dark', 'presentation'];
// components/shell/presentation.tsx keeps the choice under this key (a spec does not import the client component).
const PRESENTATION_KEY = 'stratus.presentation';

async function setMode(page: Page, mode: Mode) {
  await page.evaluate(
    ([mode, key]) => {
      document.documentElement.classList.toggle('dark', mode === 'dark');
      localStorage.setItem(key, JSON.stringify({ on: mode === 'presentation', mask: { email: true, projectId: false, secretName: false } }));
      window.dispatchEvent(new StorageEvent('storage', { key }));
    },
    [mode, PRESENTATION_KEY] as const,
  );
  const html = page.locator('html');
  if (mode === 'presentation') await expect(html).toHaveAttribute('data-present', '1');
  else await expect(html).not.toHaveAttribute('data-present', '1');
  // Buttons fade their colours (transition-colors): scan the colours the mode ends on, not a frame in between. Only
  // transitions are awaited: a spinner's or a skeleton's animation never finishes.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
}

async function scan(page: Page, home: ProjectHome, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const start = Date.now();
    await openSettled(page, home, path);
    const loaded = Date.now();
    for (const mode of MODES) {
      await setMode(page, mode);
      found.push(...(await violations(page, `/${path} [${mode}]`)));
    }
    if (process.env.A11Y_TIMES) console.log(`/${path}: load ${loaded - start} ms, scans ${Date.now() - loaded} ms`);
    await setMode(page, 'light');
  }
  return found;
}

test('no axe violations on any page a member sees, in light, dark and presentation mode', async ({ page }) => {
  test.setTimeout(600_000);
  const home = await projectHome(page);
  expect(await scan(page, home, await everyPage(page, home))).toEqual([]);
});

test.describe('as the admin', () => {
  test.use({ storageState: LOGGED_OUT });
  test('no axe violations on the admin pages', async ({ page, baseURL }) => {
    test.setTimeout(300_000);
    await apiLogIn(page, baseURL, 'admin', 'admin');
    const home = await projectHome(page);
    expect(await scan(page, home, await everyPage(page, home, { admin: true }))).toEqual([]);
  });
});

test.describe('logged out', () => {
  test.use({ storageState: LOGGED_OUT });
  test('no axe violations on the login page', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const found: string[] = [];
    for (const mode of ['light', 'dark'] as const) {
      await page.evaluate((dark) => document.documentElement.classList.toggle('dark', dark), mode === 'dark');
      found.push(...(await violations(page, `/login [${mode}]`)));
    }
    expect(found).toEqual([]);
  });
});
