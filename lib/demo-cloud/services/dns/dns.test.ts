import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { parseZoneFile, validRecord } from './records';

type Z = { id: string; name: string; status: string; action: string; serial: number; version: number };
type L<T> = { links: { next?: string }; metadata: { total_count: number } } & Record<string, T[]>;

let cloud: DemoCloud;
let demo: string;
let admin: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 100 });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(() => cloud.close());

async function createZone(name: string, token = demo): Promise<Z> {
  const r = await call(cloud, 'POST', '/dns/v2/zones', { token, body: { name, email: 'hostmaster@example.com' } });
  expect(r.status).toBe(202);
  return r.body as Z;
}

describe('dns: zones', () => {
  it('serves the version document', async () => {
    const r = await call(cloud, 'GET', '/dns/');
    expect((r.body as { versions: { id: string; status: string }[] }).versions.map((v) => `${v.id}:${v.status}`)).toEqual(['v2:SUPPORTED', 'v2.0:CURRENT']);
  });

  it('seeds example.com. with an A record for www', async () => {
    const zones = (await call(cloud, 'GET', '/dns/v2/zones?name=example.com.', { token: demo })).body as L<Z>;
    expect(zones.zones).toHaveLength(1);
    const rs = (await call(cloud, 'GET', `/dns/v2/zones/${zones.zones[0].id}/recordsets?type=A`, { token: demo })).body as L<{ name: string; records: string[] }>;
    expect(rs.recordsets[0].name).toBe('www.example.com.');
  });

  it('goes PENDING -> ACTIVE with SOA and NS recordsets', async () => {
    const z = await createZone('t-active.example.org.');
    expect([z.status, z.action]).toEqual(['PENDING', 'CREATE']);
    await sleep(40);
    const shown = (await call(cloud, 'GET', `/dns/v2/zones/${z.id}`, { token: demo })).body as Z;
    expect([shown.status, shown.action]).toEqual(['ACTIVE', 'NONE']);
    const rs = (await call(cloud, 'GET', `/dns/v2/zones/${z.id}/recordsets`, { token: demo })).body as L<{ type: string; records: string[] }>;
    expect(rs.recordsets.map((x) => x.type).sort()).toEqual(['NS', 'SOA']);
    expect(rs.recordsets.find((x) => x.type === 'NS')?.records).toEqual(['ns1.example.test.']);
  });

  it('rejects bad zone input with Designate errors', async () => {
    const noDot = await call(cloud, 'POST', '/dns/v2/zones', { token: demo, body: { name: 'nodot.example.org', email: 'a@b.c' } });
    expect(noDot.status).toBe(400);
    expect(noDot.body).toMatchObject({ code: 400, type: 'invalid_object', message: expect.stringContaining('does not end with a dot') });
    const noEmail = await call(cloud, 'POST', '/dns/v2/zones', { token: demo, body: { name: 'x.example.org.' } });
    expect(noEmail.body).toMatchObject({ type: 'invalid_object', errors: { errors: [{ message: "'email' is a required property" }] } });
    const bad = await call(cloud, 'POST', '/dns/v2/zones', { token: demo, rawBody: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(bad.body).toMatchObject({ code: 400, type: 'invalid_json' });
    await createZone('dup.example.org.');
    const dup = await call(cloud, 'POST', '/dns/v2/zones', { token: demo, body: { name: 'dup.example.org.', email: 'a@b.c' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ type: 'duplicate_zone', message: 'Duplicate Zone' });
    expect((await call(cloud, 'GET', '/dns/v2/zones/not-a-uuid', { token: demo })).body).toMatchObject({ type: 'invalid_uuid' });
    expect((await call(cloud, 'GET', '/dns/v2/zones?limit=abc', { token: demo })).body).toMatchObject({ type: 'invalid_limit' });
  });

  it('updates with a serial bump and deletes through PENDING/DELETE', async () => {
    const z = await createZone('t-upd.example.org.');
    await sleep(40);
    const before = ((await call(cloud, 'GET', `/dns/v2/zones/${z.id}`, { token: demo })).body as Z).serial;
    const upd = await call(cloud, 'PATCH', `/dns/v2/zones/${z.id}`, { token: demo, body: { ttl: 600 } });
    expect(upd.status).toBe(202);
    expect(upd.body).toMatchObject({ status: 'PENDING', action: 'UPDATE', ttl: 600 });
    expect((upd.body as Z).serial).toBeGreaterThan(before);
    const del = await call(cloud, 'DELETE', `/dns/v2/zones/${z.id}`, { token: demo });
    expect(del.status).toBe(202);
    expect(del.body).toMatchObject({ status: 'PENDING', action: 'DELETE' });
    await sleep(60);
    expect((await call(cloud, 'GET', `/dns/v2/zones/${z.id}`, { token: demo })).status).toBe(404);
  });

  it('paginates with links.next and total_count', async () => {
    const page = (await call(cloud, 'GET', '/dns/v2/zones?limit=1', { token: demo })).body as L<Z>;
    expect(page.zones).toHaveLength(1);
    expect(page.links.next).toContain('marker=');
    expect(page.metadata.total_count).toBeGreaterThan(1);
  });

  it('keeps projects apart; admins see all with X-Auth-All-Projects', async () => {
    const z = await createZone('t-tenancy.example.org.');
    expect((await call(cloud, 'GET', `/dns/v2/zones/${z.id}`, { token: admin })).status).toBe(404);
    const all = (await call(cloud, 'GET', '/dns/v2/zones', { token: admin, headers: { 'X-Auth-All-Projects': 'true' } })).body as L<Z>;
    expect(all.zones.some((x) => x.id === z.id)).toBe(true);
    const denied = await call(cloud, 'GET', '/dns/v2/zones', { token: demo, headers: { 'X-Auth-All-Projects': 'true' } });
    expect([denied.status, denied.body]).toEqual([403, undefined]);
    expect((await call(cloud, 'GET', '/dns/v2/zones')).status).toBe(401);
  });

  it('enforces the zone quota', async () => {
    const token = await login(cloud, 'admin', 'admin');
    let last = 0;
    for (let i = 0; i < 11; i++) {
      last = (await call(cloud, 'POST', '/dns/v2/zones', { token, body: { name: `q${i}.quota.org.`, email: 'a@b.c' } })).status;
    }
    expect(last).toBe(413);
  });
});

describe('dns: recordsets', () => {
  it('validates records and placement like Designate', async () => {
    const z = await createZone('rs.example.org.');
    const post = (body: unknown) => call(cloud, 'POST', `/dns/v2/zones/${z.id}/recordsets`, { token: demo, body });
    const ok = await post({ name: 'www.rs.example.org.', type: 'A', records: ['192.0.2.1'] });
    expect(ok.status).toBe(202);
    expect(ok.body).toMatchObject({ status: 'PENDING', action: 'CREATE' });
    expect((await post({ name: 'bad.rs.example.org.', type: 'A', records: ['192.0.2.300'] })).body).toMatchObject({
      type: 'invalid_object', errors: { errors: [{ path: ['records', 0], message: "'192.0.2.300' is not a 'A' Record" }] },
    });
    expect((await post({ name: 'www.other.org.', type: 'A', records: ['192.0.2.1'] })).body).toMatchObject({ type: 'invalid_recordset_location' });
    expect((await post({ name: 'www.rs.example.org.', type: 'A', records: ['192.0.2.2'] })).status).toBe(409);
    expect((await post({ name: 'www.rs.example.org.', type: 'CNAME', records: ['x.rs.example.org.'] })).body).toMatchObject({
      message: 'CNAME recordsets may not share a name with any other records',
    });
    expect((await post({ name: 'x.rs.example.org.', type: 'BOGUS', records: ['a'] })).status).toBe(400);
    expect((await post({ name: 'x', type: 'A', records: ['192.0.2.1'] })).body).toMatchObject({ message: expect.stringContaining('does not end with a dot') });
    // The CLI appends the zone to a name without a trailing dot: '@' becomes '@.<zone>', which Designate refuses.
    expect((await post({ name: '@.rs.example.org.', type: 'A', records: ['192.0.2.1'] })).body).toMatchObject({ code: 400, type: 'invalid_object', message: expect.stringContaining('Host name @.rs.example.org. is invalid') });
    expect((await post({ name: '*.rs.example.org.', type: 'A', records: ['192.0.2.1'] })).status).toBe(202);
    expect((await post({ name: 'rs.example.org.', type: 'MX', records: ['10 mail.rs.example.org.'] })).status).toBe(202);
    expect((await post({ name: 'v6.rs.example.org.', type: 'AAAA', records: ['2001:db8::1'] })).status).toBe(202);
    expect((await post({ name: '_sip._tcp.rs.example.org.', type: 'SRV', records: ['10 60 5060 sip.rs.example.org.'] })).status).toBe(202);
  });

  it('updates and deletes with zone serial bumps', async () => {
    const z = await createZone('rs2.example.org.');
    await sleep(40);
    const rs = (await call(cloud, 'POST', `/dns/v2/zones/${z.id}/recordsets`, { token: demo, body: { name: 'a.rs2.example.org.', type: 'A', records: ['192.0.2.1'] } })).body as Z;
    await sleep(40);
    expect(((await call(cloud, 'GET', `/dns/v2/zones/${z.id}/recordsets/${rs.id}`, { token: demo })).body as Z).status).toBe('ACTIVE');
    const s1 = ((await call(cloud, 'GET', `/dns/v2/zones/${z.id}`, { token: demo })).body as Z).serial;
    const put = await call(cloud, 'PUT', `/dns/v2/zones/${z.id}/recordsets/${rs.id}`, { token: demo, body: { records: ['192.0.2.2'] } });
    expect(put.body).toMatchObject({ status: 'PENDING', action: 'UPDATE', records: ['192.0.2.2'] });
    const s2 = ((await call(cloud, 'GET', `/dns/v2/zones/${z.id}`, { token: demo })).body as Z).serial;
    expect(s2).toBeGreaterThan(s1);
    const del = await call(cloud, 'DELETE', `/dns/v2/zones/${z.id}/recordsets/${rs.id}`, { token: demo });
    expect(del.body).toMatchObject({ status: 'PENDING', action: 'DELETE' });
    await sleep(40);
    expect((await call(cloud, 'GET', `/dns/v2/zones/${z.id}/recordsets/${rs.id}`, { token: demo })).status).toBe(404);
  });
});

describe('dns: export, import, reverse', () => {
  it('exports a BIND zone file and imports one', async () => {
    const z = await createZone('exp.example.org.');
    await call(cloud, 'POST', `/dns/v2/zones/${z.id}/recordsets`, { token: demo, body: { name: 'www.exp.example.org.', type: 'A', records: ['192.0.2.5'] } });
    const task = (await call(cloud, 'POST', `/dns/v2/zones/${z.id}/tasks/export`, { token: demo })).body as Z;
    expect(task.status).toBe('PENDING');
    await sleep(30);
    expect(((await call(cloud, 'GET', `/dns/v2/zones/tasks/exports/${task.id}`, { token: demo })).body as Z).status).toBe('COMPLETE');
    const file = await call(cloud, 'GET', `/dns/v2/zones/tasks/exports/${task.id}/export`, { token: demo, headers: { accept: 'text/dns' } });
    expect(file.headers.get('content-type')).toContain('text/dns');
    expect(String(file.body)).toContain('www.exp.example.org.  IN A 192.0.2.5');

    const text = String(file.body).replace(/exp\.example\.org\./g, 'imp.example.org.');
    const imp = (await call(cloud, 'POST', '/dns/v2/zones/tasks/imports', { token: demo, rawBody: text, headers: { 'content-type': 'text/dns' } })).body as Z;
    await sleep(30);
    const done = (await call(cloud, 'GET', `/dns/v2/zones/tasks/imports/${imp.id}`, { token: demo })).body as { status: string; zone_id: string };
    expect(done.status).toBe('COMPLETE');
    const rs = (await call(cloud, 'GET', `/dns/v2/zones/${done.zone_id}/recordsets?type=A`, { token: demo })).body as L<{ name: string }>;
    expect(rs.recordsets[0].name).toBe('www.imp.example.org.');

    const bad = (await call(cloud, 'POST', '/dns/v2/zones/tasks/imports', { token: demo, rawBody: 'garbage', headers: { 'content-type': 'text/dns' } })).body as Z;
    await sleep(30);
    expect((await call(cloud, 'GET', `/dns/v2/zones/tasks/imports/${bad.id}`, { token: demo })).body).toMatchObject({ status: 'ERROR' });
  });

  it('lists reverse floating IPs and 404s unknown ones', async () => {
    expect((await call(cloud, 'GET', '/dns/v2/reverse/floatingips', { token: demo })).status).toBe(200);
    expect((await call(cloud, 'GET', '/dns/v2/reverse/floatingips/RegionOne:00000000-0000-0000-0000-000000000000', { token: demo })).status).toBe(404);
  });
});

describe('dns: record formats and zone files', () => {
  it.each([
    ['A', '192.0.2.1', true], ['A', '192.0.2.256', false], ['A', '1.2.3', false],
    ['AAAA', '2001:db8::1', true], ['AAAA', 'zz::1::2', false],
    ['CNAME', 'a.example.org.', true], ['CNAME', 'a.example.org', false],
    ['MX', '10 mail.example.org.', true], ['MX', 'mail.example.org.', false],
    ['SRV', '10 60 5060 sip.example.org.', true], ['SRV', '10 sip.example.org.', false],
    ['TXT', 'v=spf1 -all', true], ['PTR', 'host.example.org.', true],
  ])('%s %s -> %s', (type, data, ok) => expect(validRecord(type, data)).toBe(ok));

  it('requires $ORIGIN first and resolves relative names', () => {
    expect(() => parseZoneFile('www IN A 192.0.2.1')).toThrow(/\$ORIGIN/);
    const z = parseZoneFile('$ORIGIN a.org.\n$TTL 300\n@ IN SOA ns. h. ( 1 2\n 3 4 5 )\nwww 60 IN A 192.0.2.1\n IN AAAA ::1 ; same name\n');
    expect(z.records.map((r) => `${r.name} ${r.type}`)).toEqual(['a.org. SOA', 'www.a.org. A', 'www.a.org. AAAA']);
  });
});
