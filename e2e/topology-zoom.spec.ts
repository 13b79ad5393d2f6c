import { expect, test, type Locator, type Page } from '@playwright/test';
import { RUN } from './compute-helpers';
import { backend, PROJECT_URL } from './helpers';

// Issue 16 on a 1440x900 window. The topology opens readable: node names at 11 px or more on screen, whatever the
// project holds (the rest is reached by scrolling or dragging); Fit, Reset and the wheel keep working. And
// "Delete container" on a container with objects offers to delete them first, as `--recursive` does.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ viewport: { width: 1440, height: 900 } });

const net = `${RUN}-zoom-net`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const headers = () => ({ 'X-Stratus-CSRF': '1', Origin: backend().baseURL });

async function openTopology(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Topology', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Network topology', level: 1 })).toBeVisible();
}

/** The on-screen size of an element's text: its font size times the picture's scale (drawn box over layout box). */
const screenPx = (label: Locator) =>
  label.evaluate((el: HTMLElement) => (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height) / el.offsetHeight);

test.describe('topology zoom', () => {
  let networkId = '';

  test.beforeAll(async ({ browser }) => {
    // One network of our own, so that the page has a node to measure on any project.
    const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(PROJECT_URL);
      const res = await page.request.post('/api/os/network/v2.0/networks', { headers: headers(), data: { network: { name: net } } });
      expect(res.status(), await res.text()).toBe(201);
      networkId = ((await res.json()) as { network: { id: string } }).network.id;
    } finally {
      await context.close();
    }
  });

  test.afterAll(async ({ browser }) => {
    if (!networkId) return;
    const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(PROJECT_URL);
      const res = await page.request.delete(`/api/os/network/v2.0/networks/${networkId}`, { headers: headers() });
      expect([204, 404]).toContain(res.status());
    } finally {
      await context.close();
    }
  });

  test('at its default zoom the topology shows node names at 11 px or more', async ({ page }) => {
    await openTopology(page);
    const picture = page.getByRole('figure', { name: 'Network topology' });
    const node = picture.getByRole('link', { name: new RegExp(`^Network ${esc(net)}, `) });
    await expect(node).toBeVisible();
    expect(await screenPx(node.getByText(net, { exact: true }))).toBeGreaterThanOrEqual(11);
    // The same for every node's name on the page (the seeded networks, routers and instances).
    const names = picture.locator('[data-node] > [title]');
    expect(await names.count()).toBeGreaterThan(0);
    for (const size of await names.evaluateAll((els) =>
      els.map((el) => (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height) / (el as HTMLElement).offsetHeight),
    ))
      expect(size).toBeGreaterThanOrEqual(11);
  });

  test('Fit to view shrinks to the whole picture, Reset view returns to the readable zoom, the wheel pans and Ctrl+wheel zooms', async ({ page }) => {
    await openTopology(page);
    const picture = page.getByRole('figure', { name: 'Network topology' });
    const node = picture.getByRole('link', { name: new RegExp(`^Network ${esc(net)}, `) });
    await expect(node).toBeVisible();
    const toolbar = page.getByRole('toolbar', { name: 'Topology view' });
    const scale = toolbar.getByText(/^\d+%$/);
    const initial = (await scale.textContent()) ?? '';
    const percent = async () => Number.parseInt((await scale.textContent()) ?? '', 10);
    const start = await percent();

    await toolbar.getByRole('button', { name: 'Fit to view' }).click();
    await expect.poll(percent).toBeLessThanOrEqual(start);
    // Every node of the picture now lies inside it.
    const box = (await picture.boundingBox())!;
    for (const b of await picture.locator('[data-node]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(b.left).toBeGreaterThanOrEqual(box.x - 1);
      expect(b.right).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    await toolbar.getByRole('button', { name: 'Reset view' }).click();
    await expect(scale).toHaveText(initial);
    expect(await screenPx(node.getByText(net, { exact: true }))).toBeGreaterThanOrEqual(11);

    // The wheel over the picture scrolls (it never zooms); with Ctrl held it zooms in.
    const at = (await node.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.wheel(0, 120);
    await page.mouse.wheel(0, -120);
    await expect(scale).toHaveText(initial);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await expect.poll(percent).toBeGreaterThan(start);

    // Keyboard: zoomed in, a node that takes the focus (as Tab gives it) is brought into view.
    await toolbar.getByRole('button', { name: 'Zoom in' }).click();
    await toolbar.getByRole('button', { name: 'Zoom in' }).click();
    await node.focus();
    await expect(node).toBeFocused();
    await expect
      .poll(async () => {
        const b = (await node.boundingBox())!;
        const p = (await picture.boundingBox())!;
        return b.x >= p.x && b.x + b.width <= p.x + p.width && b.y >= p.y && b.y + b.height <= p.y + p.height;
      })
      .toBe(true);
  });
});

test.describe('delete a container with objects', () => {
  const box = `${RUN}-zoom-box`;
  const objects = ['a.txt', 'b.txt'];
  const swift = (...parts: string[]) => `/api/os/object-store/${parts.map(encodeURIComponent).join('/')}`;

  test.afterAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: backend().storageState, baseURL: backend().baseURL });
    try {
      const page = await context.newPage();
      for (const o of objects) await page.request.delete(swift(box, o), { headers: headers() });
      await page.request.delete(swift(box), { headers: headers() });
    } finally {
      await context.close();
    }
  });

  test('"Delete container" offers to delete its objects first and deletes both', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(PROJECT_URL);
    expect((await page.request.put(swift(box), { headers: headers() })).status()).toBeLessThan(300);
    for (const o of objects) {
      const res = await page.request.put(swift(box, o), { headers: { ...headers(), 'Content-Type': 'text/plain' }, data: o });
      expect(res.status(), await res.text()).toBe(201);
    }
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Containers', exact: true }).click();
    await page.getByRole('table', { name: 'Containers' }).getByRole('link', { name: box, exact: true }).click();
    // The container's own page has Swift's object count (the account listing's can lag behind on a real cloud).
    await expect(page.getByRole('region', { name: 'Container details' })).toBeVisible();
    await page.getByRole('button', { name: 'Delete container', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Empty and delete container?' });
    await expect(dialog).toContainText('This container holds 2 objects');
    await expect(dialog).toContainText(`openstack container delete --recursive ${box}`);
    await dialog.getByRole('button', { name: 'Delete all objects and the container' }).click();
    await expect(page.getByRole('heading', { name: 'Containers', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Containers' }).getByRole('link', { name: box, exact: true })).toHaveCount(0);
    expect((await page.request.get(swift(box))).status()).toBe(404);
  });
});
