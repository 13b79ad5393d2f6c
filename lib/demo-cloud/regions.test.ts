// The demo cloud's two regions: one Keystone, and each region's services on a state of their own, as a real
// cloud's second region is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from './server';
import { call, login, startTestCloud } from './test-helpers';

let cloud: DemoCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

type Catalog = { type: string; endpoints: { region: string; interface: string; url: string }[] }[];

async function catalog(token: string): Promise<Catalog> {
  const r = await call(cloud, 'GET', '/identity/v3/auth/catalog', { token });
  return (r.body as { catalog: Catalog }).catalog;
}

const endpoint = (c: Catalog, type: string, region: string) => c.find((e) => e.type === type)!.endpoints.find((e) => e.region === region && e.interface === 'public')!.url;

describe('regions', () => {
  it('names one Keystone for both regions and a URL of its own for each region\'s other services', async () => {
    const c = await catalog(await login(cloud, 'demo', 'demo'));
    expect(endpoint(c, 'identity', 'RegionTwo')).toBe(endpoint(c, 'identity', 'RegionOne'));
    expect(endpoint(c, 'network', 'RegionOne')).toBe(`${cloud.url}/network`);
    expect(endpoint(c, 'network', 'RegionTwo')).toBe(`${cloud.url}/RegionTwo/network`);
  });

  it('keeps what is created in RegionTwo there, with the same token, and links it under the region', async () => {
    const token = await login(cloud, 'demo', 'demo');
    const created = await call(cloud, 'POST', '/RegionTwo/network/v2.0/networks', { token, body: { network: { name: 'only-in-two' } } });
    expect(created.status).toBe(201);
    const names = async (prefix: string) => ((await call(cloud, 'GET', `${prefix}/network/v2.0/networks`, { token })).body as { networks: { name: string }[] }).networks.map((n) => n.name);
    expect(await names('/RegionTwo')).toContain('only-in-two');
    expect(await names('')).not.toContain('only-in-two');
    // Both regions are seeded alike; the projects are Keystone's, the same in both.
    expect(await names('/RegionTwo')).toEqual(expect.arrayContaining(await names('')));
    const versions = await call(cloud, 'GET', '/RegionTwo/compute/v2.1', { token });
    expect(JSON.stringify(versions.body)).toContain(`${cloud.url}/RegionTwo/compute/v2.1`);
  });

  it('refuses a token Keystone does not know in RegionTwo too, and serves no Keystone there', async () => {
    expect((await call(cloud, 'GET', '/RegionTwo/network/v2.0/networks', { token: 'nope' })).status).toBe(401);
    expect((await call(cloud, 'GET', '/RegionTwo/identity/v3')).status).toBe(404);
  });
});
