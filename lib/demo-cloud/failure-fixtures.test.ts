import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from './server';
import { seedProjectId } from './services/identity/seed';
import { call, login, startTestCloud } from './test-helpers';

// Without --failure-fixtures (what `npm run demo` starts) nothing is built to fail and no name fails on demand.
// The failures themselves are tested, flag on, next to each service.

let cloud: DemoCloud;
let demo: string;
let admin: string;
const DEMO = seedProjectId('demo');

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 100 });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(async () => {
  await cloud.close();
});

const names = (body: unknown, key: string) => ((body as Record<string, Array<{ name: string }>>)[key]).map((x) => x.name);

describe('a demo cloud without failure fixtures', () => {
  it('seeds no fail- flavor, image or node', async () => {
    const flavors = names((await call(cloud, 'GET', '/compute/v2.1/flavors', { token: demo })).body, 'flavors');
    expect(flavors).toContain('m1.tiny');
    expect(flavors.filter((n) => n.startsWith('fail-'))).toEqual([]);
    const images = names((await call(cloud, 'GET', '/image/v2/images', { token: demo })).body, 'images');
    expect(images).toEqual(expect.arrayContaining(['cirros', 'ubuntu-22.04']));
    expect(images.filter((n) => n.startsWith('fail-'))).toEqual([]);
    const nodes = names((await call(cloud, 'GET', '/baremetal/v1/nodes', { token: admin, headers: { 'X-OpenStack-Ironic-API-Version': 'latest' } })).body, 'nodes');
    expect(nodes).toContain('bm-available-0');
    expect(nodes.filter((n) => n.startsWith('fail-'))).toEqual([]);
  });

  it('does not fail a volume for its fail- name', async () => {
    const r = await call(cloud, 'POST', `/volume/v3/${DEMO}/volumes`, { token: demo, body: { volume: { size: 1, name: 'fail-over-test' } } });
    expect(r.status).toBe(202);
    const id = (r.body as { volume: { id: string } }).volume.id;
    let status = '';
    for (let i = 0; i < 100 && !['available', 'error'].includes(status); i++) {
      await new Promise((res) => setTimeout(res, 10));
      status = ((await call(cloud, 'GET', `/volume/v3/${DEMO}/volumes/${id}`, { token: demo })).body as { volume: { status: string } }).volume.status;
    }
    expect(status).toBe('available');
  });
});
