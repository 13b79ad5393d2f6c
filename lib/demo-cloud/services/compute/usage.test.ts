import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../core/ids';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';
import { findNetwork } from '../network/api';
import { parsePeriodTime } from './usage';

// os-simple-tenant-usage over servers booted and deleted under an injected clock.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const T0 = Date.parse('2030-01-01T00:00:00Z');
let now = T0;
let cloud: DemoCloud;
let demo: string;
let admin: string;
const C = '/compute/v2.1';
const MV = { 'OpenStack-API-Version': 'compute 2.79' };
const get = async (path: string, token: string) => {
  const r = await call(cloud, 'GET', `${C}${path}`, { token, headers: MV });
  return { status: r.status, body: r.body as Obj };
};
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');

let kept: string;
let gone: string;
beforeAll(async () => {
  cloud = await startTestCloud({ now: () => now });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  const net = findNetwork(cloud.core, 'private', seedProjectId('demo'))!;
  const boot = async (name: string) => {
    const r = await call(cloud, 'POST', `${C}/servers`, {
      token: demo,
      headers: MV,
      body: { server: { name, imageRef: stableUuid('image', 'cirros'), flavorRef: '1', networks: [{ uuid: net.id }] } },
    });
    return (r.body as Obj).server.id as string;
  };
  kept = await boot('usage-kept');
  gone = await boot('usage-gone');
  now += 60_000; // both ACTIVE (launched) within a minute
  await get(`/servers/${kept}`, demo);
  await get(`/servers/${gone}`, demo);
  now += 3_600_000;
  demo = await login(cloud, 'demo', 'demo');
  await call(cloud, 'DELETE', `${C}/servers/${gone}`, { token: demo, headers: MV });
  now += 3_600_000;
  // Tokens live an hour: log in again at the new time.
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  await get('/servers', demo); // the delete settles: the record is dropped, its usage stays
});
afterAll(async () => {
  await cloud.close();
});

describe('os-simple-tenant-usage', () => {
  it('charges each server from launch to termination or the period end, with the flavor', async () => {
    const r = await get(`/os-simple-tenant-usage/${seedProjectId('demo')}?start=${iso(T0)}&end=${iso(now + 86_400_000)}`, demo);
    expect(r.status).toBe(200);
    const usage = r.body.tenant_usage as Obj;
    const rows = (usage.server_usages as Obj[]).filter((u) => u.name.startsWith('usage-'));
    const k = rows.find((u) => u.instance_id === kept)!;
    const g = rows.find((u) => u.instance_id === gone)!;
    expect(g).toMatchObject({ state: 'terminated', flavor: 'm1.tiny', tenant_id: seedProjectId('demo'), ended_at: expect.stringMatching(/^2030-01-01T01:0\d:\d\d\.000000$/) });
    expect(k).toMatchObject({ state: 'active', ended_at: null });
    // The end is capped at now: launched seconds after boot, the kept server ran 2 h + ~55 s, the deleted one 1 h + ~55 s.
    expect(k.hours).toBeGreaterThan(2);
    expect(k.hours).toBeLessThan(2.02);
    expect(g.hours).toBeGreaterThan(1);
    expect(g.hours).toBeLessThan(1.02);
    expect(Object.keys(k)).toEqual(['hours', 'flavor', 'instance_id', 'name', 'tenant_id', 'memory_mb', 'local_gb', 'vcpus', 'started_at', 'ended_at', 'state', 'uptime']);
    const sum = (usage.server_usages as Obj[]).reduce((a, u) => a + u.hours, 0);
    expect(usage.total_hours).toBeCloseTo(sum);
    expect(usage.stop).toBe(new Date(now).toISOString().replace('Z', '000'));
  });

  it('leaves out what ended before the period, and answers {} for an empty one', async () => {
    const r = await get(`/os-simple-tenant-usage/${seedProjectId('demo')}?start=${iso(now - 1_800_000)}&end=${iso(now)}`, demo);
    expect((r.body.tenant_usage.server_usages as Obj[]).some((u) => u.instance_id === gone)).toBe(false);
    const empty = await get(`/os-simple-tenant-usage/${seedProjectId('demo')}?start=2000-01-01T00:00:00&end=2000-01-02T00:00:00`, demo);
    expect(empty.body).toEqual({ tenant_usage: {} });
  });

  it('lists every tenant for admins only, server_usages with detailed=1, pages from 2.40', async () => {
    expect((await get('/os-simple-tenant-usage', demo)).body).toEqual({
      forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-simple-tenant-usage:list to be performed." },
    });
    const brief = await get(`/os-simple-tenant-usage?start=${iso(T0)}`, admin);
    expect(brief.body.tenant_usages[0]).not.toHaveProperty('server_usages');
    const page = await get(`/os-simple-tenant-usage?start=${iso(T0)}&detailed=1&limit=1`, admin);
    expect(page.body.tenant_usages[0].server_usages).toHaveLength(1);
    expect(page.body.tenant_usages_links[0].rel).toBe('next');
  });

  it.each([
    ['start=garbage', 'Invalid datetime string: Datetime is in invalid format'],
    ['start=2030-01-02T00:00:00&end=2030-01-01T00:00:00', 'Invalid start time. The start time cannot occur after the end time.'],
  ])('?%s is a 400', async (qs, message) => {
    const r = await get(`/os-simple-tenant-usage/${seedProjectId('demo')}?${qs}`, demo);
    expect(r.body).toEqual({ badRequest: { code: 400, message } });
  });

  it('parses Nova\'s three formats only', () => {
    expect(parsePeriodTime('2030-01-01T00:00:00', 0)).toBe(T0);
    expect(parsePeriodTime('2030-01-01T00:00:00.5', 0)).toBe(T0 + 500);
    expect(parsePeriodTime('2030-01-01 00:00:00.000001', 0)).toBe(T0);
    expect(() => parsePeriodTime('2030-01-01 00:00:00', 0)).toThrow();
    expect(() => parsePeriodTime('2030-01-01T00:00:00Z', 0)).toThrow();
  });
});
