import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { RUN } from './compute-helpers';
import { apiLogIn, keystoneProjects, LOGGED_OUT, logIn, PROJECT_URL, teamProject } from './helpers';

// Issue 13 in a real browser: nothing from a cloud runs on our origin, no redirect off-site after login, a
// copied session cookie dies with logout, pages carry a CSP that refuses inline script.

const csrf = (origin: string) => ({ 'X-Stratus-CSRF': '1', Origin: origin });

test.describe('objects from the cloud never run on our origin', () => {
  const container = `${RUN}-xss`;
  const object = (name: string) => `/api/os/object-store/${encodeURIComponent(container)}/${encodeURIComponent(name)}`;
  const marker = 'script-ran';

  test.afterAll(async ({ browser, backend }) => {
    const ctx = await browser.newContext({ storageState: backend.storageState, baseURL: backend.baseURL });
    const list = await ctx.request.get(`/api/os/object-store/${encodeURIComponent(container)}?format=json`);
    for (const o of list.ok() ? ((await list.json()) as { name: string }[]) : []) await ctx.request.delete(object(o.name), { headers: csrf(backend.baseURL) });
    await ctx.request.delete(`/api/os/object-store/${encodeURIComponent(container)}`, { headers: csrf(backend.baseURL) });
    await ctx.close();
  });

  test('HTML, SVG, XHTML and XML objects download instead of rendering; text and images still preview', async ({ page, backend }) => {
    const put = async (name: string, type: string, body: string | Buffer) => {
      const res = await page.request.put(object(name), { headers: { ...csrf(backend.baseURL), 'Content-Type': type }, data: body });
      expect(res.status(), await res.text()).toBe(201);
    };
    expect((await page.request.put(`/api/os/object-store/${encodeURIComponent(container)}`, { headers: csrf(backend.baseURL) })).ok()).toBeTruthy();
    // What an attacker's object would do on our origin: a mutating call with the CSRF header (it would succeed).
    const attack = `fetch(${JSON.stringify(object(marker))},{method:'PUT',headers:{'X-Stratus-CSRF':'1'},body:'x'})`;
    const hostile: [string, string, string][] = [
      ['page.html', 'text/html', `<html><body><script>${attack}</script></body></html>`],
      ['page.htm', 'TEXT/HTML; charset=utf-8', `<script>${attack}</script>`],
      ['image.svg', 'image/svg+xml', `<svg xmlns="http://www.w3.org/2000/svg" onload="${attack.replace(/"/g, '&quot;')}"><rect width="1" height="1"/></svg>`],
      ['page.xhtml', 'application/xhtml+xml', `<html xmlns="http://www.w3.org/1999/xhtml"><body><script>${attack}</script></body></html>`],
      ['data.xml', 'text/xml', `<x:script xmlns:x="http://www.w3.org/1999/xhtml">${attack}</x:script>`],
    ];
    for (const [name, type, body] of hostile) await put(name, type, body);

    for (const [name] of hostile) {
      // A download, never a document: Chromium reports it and stays where it was.
      const download = page.waitForEvent('download');
      await page.goto(object(name)).catch((e: Error) => expect(e.message).toContain('Download is starting'));
      expect((await download).suggestedFilename()).toBe(name);
      expect(page.url()).not.toContain(encodeURIComponent(name));
    }
    expect((await page.request.head(object(marker))).status()).toBe(404);

    // Safe previews keep working, sandboxed: text shows as text (markup included), a PNG as an image.
    await put('notes.txt', 'text/plain', '<script>not run</script> hello');
    const text = await page.goto(object('notes.txt'));
    expect(text?.headers()['content-security-policy']).toContain('sandbox');
    expect(text?.headers()['x-content-type-options']).toBe('nosniff');
    await expect(page.locator('body')).toContainText('<script>not run</script> hello');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await put('pixel.png', 'image/png', png);
    await page.goto(object('pixel.png'));
    await expect.poll(() => page.evaluate(() => document.images[0]?.naturalWidth ?? 0)).toBe(1);
    expect((await page.request.head(object(marker))).status()).toBe(404);
  });
});

test.describe('pages', () => {
  test('carry a CSP with a nonce that refuses injected inline script', async ({ page }) => {
    const res = await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const csp = res?.headers()['content-security-policy'] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=_-]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    // The page's own scripts ran (the shell is interactive); markup injected as in an XSS (an inline event handler)
    // is refused, and Chromium says so.
    await expect(page.getByRole('button', { name: /User menu for/ })).toBeEnabled();
    const refused = page.waitForEvent('console', (m) => m.text().includes('Executing inline event handler violates'));
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such-image.png" onerror="window.__injected = 1">'));
    await refused;
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  });
});

test.describe('logged-out visitors', () => {
  test.use({ storageState: LOGGED_OUT });

  test('a login whose next= normalises to another host stays on the dashboard', async ({ page, baseURL }) => {
    for (const next of ['/.//evil.example/', '/a/..//evil.example', '/%2e//evil.example']) {
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await logIn(page, 'demo', 'demo');
      await expect(page, next).toHaveURL(PROJECT_URL);
      expect(new URL(page.url()).origin, next).toBe(baseURL);
    }
  });

  test('logout ends every copy of the session, and a new login ends the one before', async ({ page, browser, baseURL, backend }) => {
    const copyOf = async () => {
      const ctx = await browser.newContext({ baseURL, storageState: await page.context().storageState() });
      return { ctx, request: ctx.request };
    };
    const team = (await keystoneProjects('demo', 'demo'))[teamProject()];
    // What a copy of the cookie can do: read the session, download openrc, call a service, and (the attack) mint a
    // fresh token for another project from the unscoped token inside it. Only asked of copies that must be dead:
    // a live copy that rescopes would revoke the token the page itself uses.
    const statuses = async (request: APIRequestContext, live: boolean) => [
      (await request.get('/api/auth/session')).status(),
      (await request.get('/api/credentials/openrc')).status(),
      (await request.get('/api/os/compute/flavors')).status(),
      (await request.post('/api/auth/switch', { headers: csrf(backend.baseURL), data: live ? { region: 'RegionOne' } : { projectId: team } })).status(),
    ];
    const works = (request: APIRequestContext) => statuses(request, true);
    const dead = (request: APIRequestContext) => statuses(request, false);

    await apiLogIn(page, baseURL);
    const first = await copyOf();
    expect(await works(first.request)).toEqual([200, 200, 200, 200]);

    // Logging in again in the same browser ends the first session, copies included.
    await apiLogIn(page, baseURL);
    const second = await copyOf();
    expect(await dead(first.request)).toEqual([401, 401, 401, 401]);
    expect(await works(second.request)).toEqual([200, 200, 200, 200]);

    // Logging out through the user menu ends the copy taken before.
    await page.goto('/');
    await page.getByRole('button', { name: /User menu for demo/ }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await dead(second.request)).toEqual([401, 401, 401, 401]);
    await first.ctx.close();
    await second.ctx.close();
  });
});
