// Demo cloud at scale: 10,000 servers in the demo project; GET /servers/detail?limit=1000 page by page.
// Target: every page under 50 ms (p99).
import { request } from 'undici';
import { startDemoCloud } from '../../lib/demo-cloud/server';
import { directToken, percentile } from './stack';

export async function benchDemoCloudScale(count = 10_000): Promise<Record<string, number>> {
  const t0 = Date.now();
  const cloud = await startDemoCloud({ port: 0, seedServers: count });
  const seedMs = Date.now() - t0;
  try {
    const token = await directToken(cloud.authUrl);
    const headers = { 'x-auth-token': token, 'OpenStack-API-Version': 'compute 2.79', accept: 'application/json' };
    const walk = async (): Promise<{ times: number[]; total: number }> => {
      const times: number[] = [];
      let total = 0;
      let url: string | undefined = `${cloud.url}/compute/v2.1/servers/detail?limit=1000`;
      while (url) {
        const start = process.hrtime.bigint();
        const res = await request(url, { headers });
        const body = (await res.body.json()) as { servers: unknown[]; servers_links?: Array<{ href: string }> };
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
        total += body.servers.length;
        url = body.servers_links?.[0]?.href;
      }
      return { times, total };
    };
    await walk(); // warm-up
    const all: number[] = [];
    let total = 0;
    for (let i = 0; i < 5; i++) {
      const r = await walk();
      all.push(...r.times);
      total = r.total;
    }
    all.sort((a, b) => a - b);
    const p50 = percentile(all, 50);
    const p99 = percentile(all, 99);
    console.log(
      `demo cloud scale: seeded ${count} servers in ${seedMs} ms; listed ${total} per walk; ` +
        `${all.length} pages of 1000: p50 ${p50.toFixed(1)} ms p99 ${p99.toFixed(1)} ms (target < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'})`,
    );
    return { seed_ms: seedMs, page_p50_ms: p50, page_p99_ms: p99 };
  } finally {
    await cloud.close();
  }
}
