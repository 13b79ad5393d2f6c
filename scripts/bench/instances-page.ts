// The instances page in a real browser (Debian's Chromium), against the production server and the demo cloud:
// - time to first row with 5,000 servers (median and p90 of several navigations; target: under 1 s);
// - API calls per page load at 10 servers, and at 5,000 servers with 1,000 images and 1,000 volumes (target: the
//   same small number in both);
// - /api/os requests per minute on an idle page (target: at most 3) and in a hidden tab (target: 0);
// - first-load JavaScript of the instances route and the overview, gzip-compressed (target: under 250 kB), and the
//   overview's lazily loaded chart chunk.
// - then first-row.ts: first row against the Nova call's own time, and own requests, on both backends.
// BENCH_IDLE_SECONDS shortens the idle windows (default 60); BENCH_FIRST_ROW=0 leaves out the last part.
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { benchFirstRow } from './first-row';
import { percentile, scopedToken, startStack, type Stack } from './stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** 1,000 images and 1,000 volumes in the demo project: the kind of project Horizon's instance page times out on. */
async function bulkUp(stack: Stack, images: number, volumes: number) {
  const { token, projectId } = await scopedToken(stack.cloud.authUrl);
  const headers = { 'x-auth-token': token, 'content-type': 'application/json' };
  // Cinder's default quota (10 volumes) would refuse the bulk: the admin lifts it, as an operator would.
  const admin = await scopedToken(stack.cloud.authUrl, 'admin');
  const q = await fetch(`${stack.cloud.url}/volume/v3/${admin.projectId}/os-quota-sets/${projectId}`, {
    method: 'PUT',
    headers: { 'x-auth-token': admin.token, 'content-type': 'application/json' },
    body: JSON.stringify({ quota_set: { volumes: -1, gigabytes: -1 } }),
  });
  if (!q.ok) throw new Error(`quota update: ${q.status} ${await q.text()}`);
  const post = async (url: string, body: unknown, want: number) => {
    const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    if (r.status !== want) throw new Error(`POST ${url}: ${r.status} ${await r.text()}`);
  };
  for (let i = 0; i < images; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, images - i) }, (_, j) =>
      post(`${stack.cloud.url}/image/v2/images`, { name: `bulk-image-${i + j}`, disk_format: 'qcow2', container_format: 'bare' }, 201)));
  }
  for (let i = 0; i < volumes; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, volumes - i) }, (_, j) =>
      post(`${stack.cloud.url}/volume/v3/${projectId}/volumes`, { volume: { name: `bulk-volume-${i + j}`, size: 1 } }, 202)));
  }
}

export async function loggedIn(browser: Browser, stack: Stack): Promise<{ page: Page; instancesUrl: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.dashboard}/login`);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/demo\/[0-9a-f]{32}/);
  const u = new URL(page.url());
  const [, cloud, project] = u.pathname.split('/');
  return { page, instancesUrl: `${stack.dashboard}/${cloud}/${project}/instances${u.search}` };
}

function firstRow(page: Page) {
  return page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ has: page.getByRole('link') }).first();
}

/** Navigate to the instances page; returns ms to the first row and the /api/os calls the load made. */
async function load(page: Page, url: string): Promise<{ ms: number; calls: string[]; parts: Record<string, number> }> {
  await page.goto('about:blank');
  const calls: string[] = [];
  const onRequest = (r: { url(): string; method(): string }) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/api/os/')) calls.push(`${r.method()} ${p}`);
  };
  page.on('request', onRequest);
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await firstRow(page).waitFor({ state: 'visible', timeout: 30_000 });
  const ms = performance.now() - t0;
  // Where the time went, from the page's own clock (ms since navigation start).
  const parts = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const list = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/os/compute/servers/detail'));
    return { ttfb: nav.responseStart, domContentLoaded: nav.domContentLoadedEventEnd, listStart: list ? list.startTime : -1, listEnd: list ? list.responseEnd : -1 };
  })()`)) as Record<string, number>;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500); // lookups started by the first render (images by id) settle
  page.off('request', onRequest);
  return { ms, calls, parts };
}

async function countOver(page: Page, seconds: number): Promise<number> {
  let n = 0;
  const onRequest = (r: { url(): string }) => {
    if (new URL(r.url()).pathname.startsWith('/api/os/')) n++;
  };
  page.on('request', onRequest);
  await page.waitForTimeout(seconds * 1000);
  page.off('request', onRequest);
  return n;
}

async function hide(page: Page) {
  // Headless tabs are always visible: report "hidden" as a backgrounded tab would (TanStack's focus manager
  // reads document.visibilityState on visibilitychange).
  // A string, not a function: tsx would wrap a function body in helpers the page does not have.
  await page.evaluate(`(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);
}

interface JsSize {
  files: number;
  raw: number;
  gzip: number;
}

/** JavaScript a route loads: `initial` is what its HTML references (Next's first-load JS), `all` adds the chunks
 *  loaded lazily after hydration (the overview's Chart.js, say) until the network is idle. */
async function routeJs(browser: Browser, stack: Stack, route: string, ready: (page: Page) => ReturnType<Page['getByRole']>): Promise<{ initial: JsSize; all: JsSize }> {
  const { page, instancesUrl } = await loggedIn(browser, stack);
  const url = instancesUrl.replace(/\/instances(?=\?|$)/, route);
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(r.url());
  });
  const doc = await page.goto(url);
  const html = (await doc?.text()) ?? '';
  // nomodule scripts (Next's legacy polyfills) are never fetched by a modern browser: not counted.
  const tags = [...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]).filter((t) => !/\snomodule/i.test(t));
  const inHtml = new Set(tags.flatMap((t) => /src="([^"]+)"/.exec(t)?.slice(1) ?? []).map((src) => new URL(src.replace(/&amp;/g, '&'), url).href));
  await ready(page).waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const initial = { files: 0, raw: 0, gzip: 0 };
  const all = { files: 0, raw: 0, gzip: 0 };
  for (const src of new Set([...scripts, ...inHtml])) {
    const body = Buffer.from(await (await fetch(src)).arrayBuffer());
    for (const t of inHtml.has(src) ? [initial, all] : [all]) {
      t.files++;
      t.raw += body.length;
      t.gzip += gzipSync(body).length;
    }
  }
  await page.context().close();
  return { initial, all };
}

const kb = (n: number) => (n / 1024).toFixed(1);

export async function benchInstancesPage(): Promise<Record<string, number>> {
  const idle = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const out: Record<string, number> = {};
  try {
    // Small project: the three seeded servers plus seven more, the seeded images and volumes.
    const small = await startStack({ seedServers: 7 });
    try {
      const { page, instancesUrl } = await loggedIn(browser, small);
      await load(page, instancesUrl); // warm the route
      const { calls } = await load(page, instancesUrl);
      out.callsAt10 = calls.length;
      console.log(`API calls per instances page load, 10 servers: ${calls.length} (${calls.join(', ')})`);
      const js = await routeJs(browser, small, '/instances', firstRow);
      out.firstLoadJsGzipKb = js.initial.gzip / 1024;
      console.log(`first-load JavaScript of the instances route: ${kb(js.initial.gzip)} kB gzip (${kb(js.initial.raw)} kB raw, ${js.initial.files} files; target < 250 kB); ${kb(js.all.gzip)} kB with lazy chunks`);
      // The overview's charts come in a lazy chunk: first-load JS stays that of any page, the chart arrives after.
      const ov = await routeJs(browser, small, '', (p) => p.getByRole('img', { name: /^Compute quota chart/ }));
      out.overviewFirstLoadJsGzipKb = ov.initial.gzip / 1024;
      out.overviewLazyJsGzipKb = (ov.all.gzip - ov.initial.gzip) / 1024;
      console.log(`first-load JavaScript of the overview: ${kb(ov.initial.gzip)} kB gzip (${ov.initial.files} files; target < 250 kB); chart chunks loaded after: ${kb(ov.all.gzip - ov.initial.gzip)} kB gzip (${ov.all.files - ov.initial.files} files)`);
    } finally {
      await small.stop();
    }

    const big = await startStack({ seedServers: 4997 });
    try {
      await bulkUp(big, 1000, 1000);
      const { page, instancesUrl } = await loggedIn(browser, big);
      await load(page, instancesUrl);
      const times: number[] = [];
      const parts: Record<string, number[]> = {};
      let calls: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await load(page, instancesUrl);
        times.push(r.ms);
        calls = r.calls;
        for (const [k, v] of Object.entries(r.parts)) (parts[k] ??= []).push(v);
      }
      const med = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50).toFixed(0);
      times.sort((a, b) => a - b);
      out.firstRowP50 = percentile(times, 50);
      out.firstRowP90 = percentile(times, 90);
      out.callsAt5000 = calls.length;
      console.log(`time to first row, 5,000 servers: p50 ${out.firstRowP50.toFixed(0)} ms p90 ${out.firstRowP90.toFixed(0)} ms over ${times.length} navigations (target < 1000 ms)`);
      console.log(`  medians: document first byte ${med(parts.ttfb)} ms, DOMContentLoaded ${med(parts.domContentLoaded)} ms, servers/detail request ${med(parts.listStart)}-${med(parts.listEnd)} ms (load average ${loadavg()[0].toFixed(1)})`);
      console.log(`API calls per instances page load, 5,000 servers + 1,000 images + 1,000 volumes: ${calls.length} (${calls.join(', ')})`);
      console.log(`API calls ratio 5,000 / 10 servers: ${(out.callsAt5000 / out.callsAt10).toFixed(2)} (target 1.00)`);

      const visible = await countOver(page, idle);
      out.idlePerMinute = (visible * 60) / idle;
      console.log(`idle instances page: ${out.idlePerMinute.toFixed(1)} /api/os requests per minute over ${idle} s (target <= 3)`);
      await hide(page);
      const hidden = await countOver(page, idle);
      out.hiddenPerMinute = (hidden * 60) / idle;
      console.log(`hidden tab: ${out.hiddenPerMinute.toFixed(1)} /api/os requests per minute over ${idle} s (target 0)`);
    } finally {
      await big.stop();
    }
  } finally {
    await browser.close();
  }
  // First row against the Nova call's own time, and the page's own requests, on both backends (first-row.ts).
  if (process.env.BENCH_FIRST_ROW !== '0') Object.assign(out, await benchFirstRow());
  return out;
}
