import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { backend, PROJECT_URL } from './helpers';

/** A per-run prefix, so reruns against a reused demo stack never collide. */
export const RUN = `e2e-${Date.now().toString(36)}`;

/** Open a Compute page through the sidebar (the nav slugs resolve to the resource pages). */
const homes = new Map<string, URL>();

export async function openSection(page: Page, label: 'Instances' | 'Flavors' | 'Key Pairs') {
  const home = homes.get(backend().name);
  if (!home) {
    // Once per worker through the sidebar (the nav slugs resolve to the resource pages), then straight by URL.
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    homes.set(backend().name, new URL(page.url()));
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: label, exact: true }).click();
  } else {
    const slug = { Instances: 'instances', Flavors: 'flavors', 'Key Pairs': 'key-pairs' }[label];
    await page.goto(`${home.pathname}/${slug}${home.search}`);
  }
  await expect(page.getByRole('heading', { name: label === 'Key Pairs' ? 'Key pairs' : label, level: 1 })).toBeVisible();
  await tableHydrated(page.getByRole('table').first());
}

/**
 * Waits until a list table is usable: the first page comes with the HTML, and the table says busy until the page's
 * scripts have hydrated it (a select changed before that would be reset).
 */
export async function tableHydrated(table: Locator) {
  await expect(table).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

export function instanceRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Launch from the form with its defaults (the only/private network, the smallest fitting flavor). */
export async function launch(page: Page, name: string, opts: { image?: string; count?: number } = {}) {
  await openSection(page, 'Instances');
  await page.getByRole('link', { name: 'Launch instance' }).click();
  const form = page.getByRole('form', { name: 'Launch instance' });
  await expect(form.getByLabel('Flavor', { exact: true })).not.toHaveValue('');
  await form.getByLabel('Name', { exact: true }).fill(name);
  if (opts.count) await form.getByLabel('Count', { exact: true }).fill(String(opts.count));
  if (opts.image) await form.getByLabel('Image', { exact: true }).selectOption({ label: opts.image });
  // No key pair: the form defaults to the project's only one, which a parallel key-pair test may delete meanwhile.
  await form.getByLabel('Key pair', { exact: true }).selectOption({ label: 'None' });
  await watchStatuses(page, name);
  await form.getByRole('button', { name: 'Launch' }).click();
  await expect(page).toHaveURL(/\/instances\?region=/);
}

/**
 * Record every status label the instances table shows for `name` (client-side navigation keeps the document, so
 * the observer outlives the launch form). At --speed 10 a build lasts under half a second: a transient label
 * cannot be caught by polling the DOM from the test, but it can be recorded as it renders.
 */
export async function watchStatuses(page: Page, name: string) {
  await page.evaluate((n) => {
    const w = window as unknown as { __statuses?: Record<string, string[]> };
    w.__statuses ??= {};
    const seen: string[] = (w.__statuses[n] = []);
    const record = () => {
      for (const row of document.querySelectorAll('tr[data-id]')) {
        if (row.querySelector('a')?.textContent !== n) continue;
        const label = row.querySelector('[data-tone]')?.textContent ?? '';
        if (label && seen[seen.length - 1] !== label) seen.push(label);
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, name);
}

export async function seenStatuses(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as { __statuses?: Record<string, string[]> }).__statuses?.[n] ?? [], name);
}

/** Delete every server whose name starts with `prefix`, straight through the proxy (test cleanup). */
export async function deleteServers(browser: Browser, prefix: string) {
  const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    const res = await page.request.get(`/api/os/compute/servers?name=${encodeURIComponent(`^${prefix}`)}`);
    if (!res.ok()) return;
    const { servers } = (await res.json()) as { servers: { id: string }[] };
    for (const s of servers) {
      await page.request.delete(`/api/os/compute/servers/${s.id}`, { headers: { 'X-Stratus-CSRF': '1', Origin: backend().baseURL } });
    }
  } finally {
    await context.close();
  }
}

/** Boot a server straight through the proxy (cirros, the smallest non-fail flavor, network private unless given); answers its id. */
export async function createServer(page: Page, name: string, network?: string): Promise<{ id: string }> {
  const created = await page.request.post('/api/os/compute/servers', {
    headers: { 'X-Stratus-CSRF': '1', Origin: backend().baseURL },
    data: { server: { name, imageRef: await imageId(page), flavorRef: await flavorId(page), networks: [{ uuid: network ?? (await networkId(page)) }] } },
  });
  expect(created.status(), await created.text()).toBe(202);
  return ((await created.json()) as { server: { id: string } }).server;
}

async function imageId(page: Page): Promise<string> {
  const { images } = (await (await page.request.get('/api/os/image/v2/images?name=cirros')).json()) as { images: { id: string; name: string }[] };
  if (images[0]) return images[0].id;
  const all = (await (await page.request.get('/api/os/image/v2/images')).json()) as { images: { id: string; name: string }[] };
  return all.images.find((i) => /cirros/i.test(i.name))?.id ?? all.images[0].id;
}

async function flavorId(page: Page): Promise<string> {
  const { flavors } = (await (await page.request.get('/api/os/compute/flavors/detail')).json()) as { flavors: { id: string; name: string; ram: number; disk: number }[] };
  return [...flavors].filter((f) => !f.name.startsWith('fail-')).sort((a, b) => a.ram - b.ram)[0].id;
}

async function networkId(page: Page): Promise<string> {
  const { networks } = (await (await page.request.get('/api/os/network/v2.0/networks?name=private')).json()) as { networks: { id: string }[] };
  return networks[0].id;
}
