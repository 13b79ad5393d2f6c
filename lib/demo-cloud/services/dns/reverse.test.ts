import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';

// The network service does not export listFloatingIps yet: provide one for these tests.
const FIP = '11111111-2222-4333-8444-555555555555';
vi.mock('../network/api', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  listFloatingIps: (_core: unknown, projectId: string) =>
    projectId === seedProjectId('demo') ? [{ id: FIP, project_id: projectId, floating_ip_address: '172.24.4.10' }] : [],
}));

let cloud: DemoCloud;
let demo: string;
let admin: string;

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 100 });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(() => cloud.close());

describe('dns: reverse DNS for floating IPs', () => {
  it('lists the project floating IPs without PTR as INACTIVE', async () => {
    const r = await call(cloud, 'GET', '/dns/v2/reverse/floatingips', { token: demo });
    expect(r.body).toMatchObject({ floatingips: [{ id: `RegionOne:${FIP}`, address: '172.24.4.10', ptrdname: null, status: 'INACTIVE', action: 'NONE' }] });
    expect(((await call(cloud, 'GET', '/dns/v2/reverse/floatingips', { token: admin })).body as { floatingips: unknown[] }).floatingips).toEqual([]);
  });

  it('sets a ptrdname (PENDING -> ACTIVE) and unsets it', async () => {
    const set = await call(cloud, 'PATCH', `/dns/v2/reverse/floatingips/RegionOne:${FIP}`, { token: demo, body: { ptrdname: 'host.example.com.', ttl: 600, description: 'd' } });
    expect(set.status).toBe(202);
    expect(set.body).toMatchObject({ ptrdname: 'host.example.com.', status: 'PENDING', action: 'CREATE', ttl: 600 });
    await new Promise((r) => setTimeout(r, 40));
    expect((await call(cloud, 'GET', `/dns/v2/reverse/floatingips/RegionOne:${FIP}`, { token: demo })).body).toMatchObject({ status: 'ACTIVE', ptrdname: 'host.example.com.' });
    const unset = await call(cloud, 'PATCH', `/dns/v2/reverse/floatingips/RegionOne:${FIP}`, { token: demo, body: { ptrdname: null } });
    expect([unset.status, unset.body]).toEqual([202, null]);
    expect((await call(cloud, 'GET', `/dns/v2/reverse/floatingips/RegionOne:${FIP}`, { token: demo })).body).toMatchObject({ ptrdname: null, status: 'INACTIVE' });
  });

  it('answers Designate errors for bad keys, other projects and bad names', async () => {
    expect((await call(cloud, 'GET', '/dns/v2/reverse/floatingips/bogus', { token: demo })).body).toMatchObject({ code: 400, type: 'bad_request' });
    const other = await call(cloud, 'GET', `/dns/v2/reverse/floatingips/RegionOne:${FIP}`, { token: admin });
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ message: expect.stringContaining('is not associated for project') });
    const noDot = await call(cloud, 'PATCH', `/dns/v2/reverse/floatingips/RegionOne:${FIP}`, { token: demo, body: { ptrdname: 'host.example.com' } });
    expect(noDot.status).toBe(400);
  });
});
