// The network topology at 200 instances on 10 networks, against the production server and a demo cloud:
// - render time in Debian's Chromium: navigation to the nodes in the DOM (p50/p90 over several navigations), and
//   the part after the last API answer (build + layout + React commit + a frame);
// - expanding every group (200 instance cards) until they are in the DOM;
// - the layout alone (API objects -> graph -> positions) in Node, collapsed and expanded.
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { parseList } from '../../lib/resources/schema';
import { buildTopology } from '../../lib/topology/graph';
import { layoutTopology } from '../../lib/topology/layout';
import { TOPOLOGY_SOURCES, type TopologyInput } from '../../lib/topology/schemas';
import { loggedIn } from './instances-page';
import { directToken, percentile, startStack, type Stack } from './stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const NETWORKS = 10;
const INSTANCES = 200;
const RUNS = Number(process.env.BENCH_TOPOLOGY_RUNS ?? 7);

const pct = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(1)} ms p90 ${percentile(s, 90).toFixed(1)} ms`;
};

/** 10 networks with a /24 each, a router on `public` with an interface on each, and one port per seeded server. */
async function seed(stack: Stack): Promise<void> {
  const token = await directToken(stack.cloud.authUrl);
  const h = { 'x-auth-token': token, 'content-type': 'application/json' };
  const nw = `${stack.cloud.url}/network/v2.0`;
  const call = async <T>(method: string, url: string, body: unknown, want: number): Promise<T> => {
    const r = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status !== want) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const { networks } = await call<{ networks: { id: string; name: string }[] }>('GET', `${nw}/networks`, undefined, 200);
  const pub = networks.find((n) => n.name === 'public')!;
  const router = (await call<{ router: { id: string } }>('POST', `${nw}/routers`, { router: { name: 'bench-router', external_gateway_info: { network_id: pub.id } } }, 201)).router;
  const nets: string[] = [];
  for (let i = 1; i <= NETWORKS; i++) {
    const n = (await call<{ network: { id: string } }>('POST', `${nw}/networks`, { network: { name: `bench-net-${i}` } }, 201)).network;
    const s = (await call<{ subnet: { id: string } }>('POST', `${nw}/subnets`, { subnet: { name: `bench-subnet-${i}`, network_id: n.id, ip_version: 4, cidr: `10.${100 + i}.0.0/24` } }, 201)).subnet;
    await call('PUT', `${nw}/routers/${router.id}/add_router_interface`, { subnet_id: s.id }, 200);
    nets.push(n.id);
  }
  const servers = await call<{ servers: { id: string; name: string }[] }>('GET', `${stack.cloud.url}/compute/v2.1/servers?limit=1000`, undefined, 200);
  const scale = servers.servers.filter((s) => s.name.startsWith('scale-'));
  if (scale.length !== INSTANCES) throw new Error(`expected ${INSTANCES} seeded servers, got ${scale.length}`);
  for (let i = 0; i < scale.length; i += 25) {
    await Promise.all(
      scale.slice(i, i + 25).map((s, j) =>
        call('POST', `${nw}/ports`, { port: { network_id: nets[(i + j) % NETWORKS], device_id: s.id, device_owner: 'compute:nova' } }, 201),
      ),
    );
  }
}

/** The same six lists the page fetches, parsed with the page's schemas (for the Node-side layout timing). */
async function input(stack: Stack): Promise<TopologyInput> {
  const token = await directToken(stack.cloud.authUrl);
  const get = async (url: string) => (await fetch(url, { headers: { 'x-auth-token': token } })).json();
  const out: Record<string, unknown[]> = {};
  for (const [name, src] of Object.entries(TOPOLOGY_SOURCES)) {
    const url = src.service === 'network' ? `${stack.cloud.url}/network/${src.path}` : `${stack.cloud.url}/compute/v2.1/${src.path}?limit=1000`;
    out[name] = parseList(src.schema as never, await get(url), src.key, name);
  }
  return out as unknown as TopologyInput;
}

/** One navigation: ms to the collapsed picture in the DOM, and the part after the last API answer. */
async function load(page: Page, url: string): Promise<{ ms: number; afterData: number }> {
  await page.goto('about:blank');
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  // Strings, not functions: tsx would wrap a function body in helpers the page does not have.
  const at = (await page.waitForFunction(
    `(() => document.querySelectorAll('[data-group]').length >= ${NETWORKS} && document.querySelector('[data-node^="network:"]') ? performance.now() : 0)()`,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  ).then((h) => h.jsonValue())) as number;
  const ms = performance.now() - t0;
  const lastApi = (await page.evaluate(
    `Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/os/')).map((e) => e.responseEnd))`,
  )) as number;
  return { ms, afterData: at - lastApi };
}

async function expandAll(page: Page): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Expand all').click();
    const tick = () => {
      if (document.querySelectorAll('[data-node^="instance:"]').length >= ${INSTANCES}) requestAnimationFrame(() => resolve(performance.now() - t0));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`)) as number;
}

export async function benchTopology(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const stack = await startStack({ seedServers: INSTANCES });
  try {
    await seed(stack);

    const data = await input(stack);
    const build: number[] = [];
    const collapsed: number[] = [];
    const expanded: number[] = [];
    for (let i = 0; i < 20; i++) {
      let t = performance.now();
      const topo = buildTopology(data);
      build.push(performance.now() - t);
      t = performance.now();
      const l = layoutTopology(topo);
      collapsed.push(performance.now() - t);
      t = performance.now();
      layoutTopology(topo, Object.fromEntries(l.groups.map((g) => [g.key, true])));
      expanded.push(performance.now() - t);
    }
    console.log(`topology data: ${data.servers.length} instances, ${data.networks.length} networks, ${data.ports.length} ports, ${data.routers.length} routers`);
    console.log(`graph build (Node): ${pct(build)}`);
    console.log(`layout alone (Node), groups collapsed: ${pct(collapsed)}; all ${INSTANCES} instance cards expanded: ${pct(expanded)}`);
    out.layoutCollapsedP50 = percentile([...collapsed].sort((a, b) => a - b), 50);
    out.layoutExpandedP50 = percentile([...expanded].sort((a, b) => a - b), 50);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const { page, instancesUrl } = await loggedIn(browser, stack);
      const url = instancesUrl.replace('/instances?', '/topology?');
      await load(page, url); // warm the route
      const times: number[] = [];
      const after: number[] = [];
      const expand: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await load(page, url);
        times.push(r.ms);
        after.push(r.afterData);
        expand.push(await expandAll(page));
      }
      console.log(`topology page, ${INSTANCES} instances on ${NETWORKS} networks: navigation to nodes in the DOM ${pct(times)} over ${RUNS} navigations`);
      console.log(`  after the last API answer (build + layout + render + a frame): ${pct(after)}`);
      console.log(`  "Expand all" to ${INSTANCES} instance cards in the DOM: ${pct(expand)}`);
      const s = [...times].sort((a, b) => a - b);
      out.renderP50 = percentile(s, 50);
      out.renderP90 = percentile(s, 90);
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
  return out;
}
