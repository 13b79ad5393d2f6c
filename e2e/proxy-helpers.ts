// Calls through the dashboard's proxy for the specs' setup and clean-up, outside the page under test.
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { backend, PROJECT_URL } from './helpers';

export const mutationHeaders = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

/** Runs `fn` with a logged-in page of its own (the worker's session), closed afterwards. */
export async function withApi<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** One proxied call (`path` below /api/os/), its status checked (201 for POST, else 200 unless given), its JSON. */
export async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown, status = method === 'POST' ? 201 : 200): Promise<T> {
  const res = await page.request.fetch(`/api/os/${path}`, { method, headers: mutationHeaders(), data });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** Picks the option of the select labelled `label` in `scope` whose text contains `text`, once the options loaded. */
export async function chooseOption(scope: Locator, label: string, text: string) {
  const select = scope.getByLabel(label, { exact: true });
  await expect(select.locator('option', { hasText: text }).first()).toBeAttached({ timeout: 90_000 });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}
