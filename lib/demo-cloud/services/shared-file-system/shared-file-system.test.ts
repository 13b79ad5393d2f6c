import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';

type Row = Record<string, unknown> & { id: string };
const DEMO = seedProjectId('demo');
const ADMIN = seedProjectId('admin');
const MV = { 'X-OpenStack-Manila-API-Version': '2.73' };

let cloud: DemoCloud;
let now = Date.parse('2026-03-01T10:00:00Z');
let demo: string;
let admin: string;

/** The backend's nominal seconds pass (the clock is injected). */
const work = (seconds = 5) => (now += seconds * 1000);
const api = (method: string, path: string, body?: unknown, opts: { token?: string; project?: string; headers?: Record<string, string> } = {}) =>
  call(cloud, method, `/shared-file-system/v2/${opts.project ?? (opts.token === admin ? ADMIN : DEMO)}${path}`, {
    token: opts.token ?? demo,
    body,
    headers: opts.headers ?? MV,
  });
const asAdmin = { get token() { return admin; } };
const message = (b: unknown) => Object.values(b as Record<string, { message: string }>)[0].message;

async function newShare(extra: Record<string, unknown> = {}, proto = 'NFS'): Promise<Row> {
  const r = await api('POST', '/shares', { share: { share_proto: proto, size: 1, name: 'files', ...extra } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { share: Row }).share;
}
const show = async (id: string, token = demo) => (await api('GET', `/shares/${id}`, undefined, { token })).body as { share: Row };
const act = (id: string, body: unknown) => api('POST', `/shares/${id}/action`, body);
const rulesOf = async (id: string) => ((await api('GET', `/share-access-rules?share_id=${id}`)).body as { access_list: Row[] }).access_list;

async function available(extra: Record<string, unknown> = {}, proto = 'NFS'): Promise<Row> {
  const s = await newShare(extra, proto);
  work();
  return (await show(s.id)).share;
}

beforeAll(async () => {
  cloud = await startTestCloud({ now: () => now });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(() => cloud.close());

describe('shared-file-system: versions and microversions', () => {
  it('lists v1 and v2 at the root (300) and the v2 document at /v2 with the version echoed', async () => {
    const root = await call(cloud, 'GET', '/shared-file-system/');
    expect(root.status).toBe(300);
    expect((root.body as { versions: Row[] }).versions.map((v) => [v.id, v.status, v.version])).toEqual([['v1.0', 'DEPRECATED', ''], ['v2.0', 'CURRENT', '2.73']]);
    const v2 = await call(cloud, 'GET', '/shared-file-system/v2', { headers: MV });
    expect(v2.headers.get('x-openstack-manila-api-version')).toBe('2.73');
    expect((await call(cloud, 'GET', '/shared-file-system/v2')).headers.get('x-openstack-manila-api-version')).toBe('2.0');
  });
  it('answers 406 above 2.73 and 400 to a malformed version, with Zed\'s unformatted texts', async () => {
    const high = await api('GET', '/shares', undefined, { headers: { 'X-OpenStack-Manila-API-Version': '2.74' } });
    expect(high.status).toBe(406);
    expect(high.body).toEqual({ computeFault: { code: 406, message: 'Version %(req_ver)s is not supported by the API. Minimum is %(min_ver)s and maximum is %(max_ver)s.' } });
    const bad = await api('GET', '/shares', undefined, { headers: { 'X-OpenStack-Manila-API-Version': 'abc' } });
    expect(bad.status).toBe(400);
  });
  it('gates fields by microversion: no progress at 2.53, share_type by name before 2.6', async () => {
    const s = await newShare();
    const old = (await api('GET', `/shares/${s.id}`, undefined, { headers: { 'X-OpenStack-Manila-API-Version': '2.5' } })).body as { share: Row };
    expect(old.share.share_type).toBe('default');
    expect(old.share).not.toHaveProperty('progress');
    expect(old.share).toHaveProperty('export_locations');
    expect(s).toHaveProperty('progress', null);
  });
  it('refuses a URL naming another project', async () => {
    const r = await api('GET', '/shares', undefined, { project: ADMIN });
    expect(r.status).toBe(400);
    expect(message(r.body)).toBe('Malformed request url');
  });
});

describe('shared-file-system: shares', () => {
  it('seeds one available NFS share in the demo project, with an active read-write rule', async () => {
    const list = (await api('GET', '/shares/detail?name=team-docs')).body as { shares: Row[] };
    expect(list.shares).toHaveLength(1);
    expect(list.shares[0]).toMatchObject({ status: 'available', share_proto: 'NFS', size: 5, access_rules_status: 'active' });
    expect((await rulesOf(list.shares[0].id)).map((r) => [r.access_to, r.access_level, r.state])).toEqual([['10.0.0.0/24', 'rw', 'active']]);
  });
  it('creates with 200 and status creating (no zone yet), then is available in nova with 100% progress', async () => {
    const s = await newShare({ description: 'd', metadata: { team: 'files' } });
    expect(s).toMatchObject({ status: 'creating', availability_zone: null, share_proto: 'NFS', size: 1, project_id: DEMO, share_type_name: 'default', access_rules_status: 'active', is_public: false });
    work();
    expect((await show(s.id)).share).toMatchObject({ status: 'available', availability_zone: 'nova', progress: '100%', metadata: { team: 'files' } });
  });
  it('lists export locations like the dummy driver: two for a member, three with the admin-only one for an admin', async () => {
    const s = await available();
    const member = (await api('GET', `/shares/${s.id}/export_locations`)).body as { export_locations: Row[] };
    const tail = `/path/to/fake/share/share_${s.id.replace(/-/g, '_')}_`;
    expect(member.export_locations.map((e) => [String(e.path).split(':')[0], e.preferred])).toEqual([['10.0.0.10', true], ['10.0.0.20', false]]);
    expect(member.export_locations.every((e) => String(e.path).includes(tail))).toBe(true);
    const adm = (await api('GET', `/shares/${s.id}/export_locations`, undefined, asAdmin)).body as { export_locations: Row[] };
    expect(adm.export_locations.filter((e) => e.is_admin_only)).toHaveLength(1);
  });
  it('rejects bad protocols, sizes, types and zones with Manila\'s words', async () => {
    const bad = async (share: Record<string, unknown>, status: number, text: string) => {
      const r = await api('POST', '/shares', { share: { share_proto: 'NFS', size: 1, ...share } });
      expect(r.status).toBe(status);
      expect(message(r.body)).toContain(text);
    };
    await bad({ share_proto: 'XFS' }, 400, 'Invalid share protocol provided: XFS.');
    await bad({ size: 0 }, 400, "Share size '0' must be an integer and greater than 0.");
    await bad({ share_type: 'nope' }, 404, 'Share type not found.');
    await bad({ availability_zone: 'mars' }, 404, 'Availability zone');
    expect((await api('POST', '/shares', { foo: {} })).status).toBe(422);
  });
  it('answers 413 over the gigabytes quota and the share count quota', async () => {
    const big = await api('POST', '/shares', { share: { share_proto: 'NFS', size: 5000 } });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ overLimit: { code: 413, message: 'ShareSizeExceedsAvailableQuota: Requested share exceeds allowed project/user or share type gigabytes quota.', retryAfter: '0' } });
    expect((await api('PUT', `/quota-sets/${DEMO}`, { quota_set: { shares: 0 } })).status).toBe(403);
    expect((await api('PUT', `/quota-sets/${DEMO}`, { quota_set: { shares: 0 } }, asAdmin)).status).toBe(200);
    const count = await api('POST', '/shares', { share: { share_proto: 'NFS', size: 1 } });
    expect(message(count.body)).toBe('ShareLimitExceeded: Maximum number of shares allowed (0) either per project/user or share type quota is exceeded.');
    expect((await api('DELETE', `/quota-sets/${DEMO}`, undefined, asAdmin)).status).toBe(202);
  });
  it('extends and shrinks through extending/shrinking, and refuses sizes the way Zed does', async () => {
    const s = await available();
    expect(message((await act(s.id, { extend: { new_size: 1 } })).body)).toBe('Invalid input received: New size for extend must be greater than current size. (current: 1, extended: 1).');
    expect(message((await act(s.id, { extend: { new_size: 'x' } })).body)).toBe('New share size must be specified as an integer.');
    expect(message((await act(s.id, { shrink: { new_size: 2 } })).body)).toContain('New size for shrink must be less than current size');
    const tooBig = await act(s.id, { extend: { new_size: 5000 } });
    expect(tooBig.body).toEqual({ forbidden: { code: 403, message: 'Requested share exceeds allowed project/user or share type gigabytes quota.' } });
    expect((await act(s.id, { extend: { new_size: 3 } })).status).toBe(202);
    expect((await show(s.id)).share).toMatchObject({ status: 'extending', size: 1 });
    expect(message((await act(s.id, { extend: { new_size: 4 } })).body)).toContain("status must be 'available' to extend, but current status is: extending.");
    work();
    expect((await show(s.id)).share).toMatchObject({ status: 'available', size: 3 });
    expect((await act(s.id, { shrink: { new_size: 2 } })).status).toBe(202);
    expect((await show(s.id)).share.status).toBe('shrinking');
    work();
    expect((await show(s.id)).share).toMatchObject({ status: 'available', size: 2 });
  });
  it('updates name, description and visibility, and filters the list by name', async () => {
    const s = await available();
    const denied = await api('PUT', `/shares/${s.id}`, { share: { is_public: true } });
    expect(denied.status).toBe(403);
    expect(message(denied.body)).toBe("User is not authorized to set 'is_public' to True in the request.");
    expect((await api('PUT', `/shares/${s.id}`, { share: { is_public: 'maybe' } })).status).toBe(400);
    const r = await api('PUT', `/shares/${s.id}`, { share: { display_name: 'renamed-share', display_description: 'new' } });
    expect((r.body as { share: Row }).share).toMatchObject({ name: 'renamed-share', description: 'new', is_public: false });
    expect(((await api('PUT', `/shares/${s.id}`, { share: { is_public: true } }, asAdmin)).body as { share: Row }).share.is_public).toBe(true);
    const list = (await api('GET', '/shares/detail?name=renamed-share')).body as { shares: Row[] };
    expect(list.shares.map((x) => x.id)).toEqual([s.id]);
    expect(((await api('GET', '/shares/detail?is_soft_deleted=true')).body as { shares: Row[] }).shares).toEqual([]);
    const paged = (await api('GET', '/shares/detail?with_count=true&limit=1&sort_key=name&sort_dir=asc')).body as { shares: Row[]; count: number };
    expect(paged.shares).toHaveLength(1);
    expect(paged.count).toBeGreaterThan(1);
    expect(paged.shares[0].name).toBe('files');
    const next = (paged as unknown as { shares_links: Array<{ rel: string; href: string }> }).shares_links[0];
    expect(next.rel).toBe('next');
    const following = new URL(next.href);
    expect(following.searchParams.get('marker')).toBe(paged.shares[0].id);
    const second = (await api('GET', `/shares/detail${following.search}`)).body as { shares: Row[] };
    expect(second.shares[0].id).not.toBe(paged.shares[0].id);
  });
});

describe('shared-file-system: access rules', () => {
  it('goes queued_to_apply -> applying -> active for NFS+ip, the share syncing meanwhile', async () => {
    const s = await available();
    const r = await act(s.id, { allow_access: { access_type: 'ip', access_to: '10.0.0.0/24', access_level: 'ro', metadata: { a: 'b' } } });
    expect(r.status).toBe(200);
    expect((r.body as { access: Row }).access).toMatchObject({ share_id: s.id, state: 'queued_to_apply', access_level: 'ro', access_key: null, metadata: { a: 'b' } });
    expect((await show(s.id)).share.access_rules_status).toBe('syncing');
    work(0.6);
    expect((await rulesOf(s.id))[0].state).toBe('applying');
    work(1);
    expect((await rulesOf(s.id))[0].state).toBe('active');
    expect((await show(s.id)).share.access_rules_status).toBe('active');
    expect(message((await act(s.id, { allow_access: { access_type: 'ip', access_to: '10.0.0.0/24' } })).body)).toBe('Share access ip:10.0.0.0/24 exists.');
  });
  it('puts a rule the protocol does not take in error (NFS+cephx), as the dummy driver does, and accepts CIFS+user', async () => {
    const nfs = await available();
    await act(nfs.id, { allow_access: { access_type: 'cephx', access_to: 'alice' } });
    work(2);
    expect((await rulesOf(nfs.id))[0].state).toBe('error');
    expect((await show(nfs.id)).share.access_rules_status).toBe('error');
    const smb = await available({}, 'CIFS');
    await act(smb.id, { allow_access: { access_type: 'user', access_to: 'alice' } });
    work(2);
    expect((await rulesOf(smb.id))[0].state).toBe('active');
  });
  it('validates addresses, user names, levels and types with manila/api/common.py\'s texts', async () => {
    const s = await available();
    const refused = async (access_type: string, access_to: string, extra: Record<string, unknown> = {}) =>
      message((await act(s.id, { allow_access: { access_type, access_to, ...extra } })).body);
    expect(await refused('ip', 'bad')).toBe("'bad' does not appear to be an IPv4 or IPv6 network");
    expect(await refused('ip', '10.0.0.1/24')).toBe('10.0.0.1/24 has host bits set');
    expect(await refused('user', 'ab')).toContain('Must be 4-255 characters');
    expect(await refused('cephx', 'client.alice')).toBe('Ceph IDs may not contain periods.');
    expect(await refused('ip', '10.0.2.0/24', { access_level: 'xx' })).toBe('Invalid access rule: Invalid share access level: xx.');
    expect(await refused('nis', 'x')).toBe("Only 'ip', 'user', 'cert' or 'cephx' access types are supported.");
  });
  it('denies through queued_to_deny and denying, then the rule is gone; access_list is gone at 2.45+', async () => {
    const s = await available();
    const rule = ((await act(s.id, { allow_access: { access_type: 'ip', access_to: '192.0.2.0/24' } })).body as { access: Row }).access;
    work(2);
    expect((await act(s.id, { deny_access: { access_id: rule.id } })).status).toBe(202);
    expect((await rulesOf(s.id))[0].state).toBe('queued_to_deny');
    work(2);
    expect(await rulesOf(s.id)).toEqual([]);
    expect((await act(s.id, { access_list: null })).status).toBe(404);
    expect((await api('PUT', `/share-access-rules/${rule.id}/metadata`, { metadata: { k: 'v' } })).status).toBe(404);
    expect((await api('GET', '/share-access-rules')).status).toBe(400);
  });
});

describe('shared-file-system: metadata', () => {
  it('merges and drops rule and share metadata, with Zed\'s not-found texts', async () => {
    const s = await available();
    const rule = ((await act(s.id, { allow_access: { access_type: 'ip', access_to: '198.51.100.0/24', metadata: { a: '1' } } })).body as { access: Row }).access;
    expect((await api('PUT', `/share-access-rules/${rule.id}/metadata`, { metadata: { b: '2' } })).body).toEqual({ metadata: { a: '1', b: '2' } });
    expect((await api('DELETE', `/share-access-rules/${rule.id}/metadata/a`)).status).toBe(200);
    expect(message((await api('DELETE', `/share-access-rules/${rule.id}/metadata/a`)).body)).toBe('Share access rule metadata does not exist.');
    expect(((await api('GET', `/share-access-rules/${rule.id}`)).body as { access: Row }).access.metadata).toEqual({ b: '2' });
    expect((await api('POST', `/shares/${s.id}/metadata`, { metadata: { x: 'y' } })).body).toEqual({ metadata: { x: 'y' } });
    expect((await api('PUT', `/shares/${s.id}/metadata`, { metadata: { z: 'w' } })).body).toEqual({ metadata: { z: 'w' } });
    expect(message((await api('DELETE', `/shares/${s.id}/metadata/x`)).body)).toBe('MetadataItemNotFound: Metadata item is not found.');
  });
});

describe('shared-file-system: snapshots and revert', () => {
  it('refuses to delete a share with snapshots (403, unformatted), reverts to the latest snapshot only', async () => {
    const s = await available();
    const snap = await api('POST', '/snapshots', { snapshot: { share_id: s.id, name: 'first' } });
    expect(snap.status).toBe(202);
    const first = (snap.body as { snapshot: Row }).snapshot;
    expect(first).toMatchObject({ status: 'creating', size: 1, share_proto: 'NFS' });
    const del = await api('DELETE', `/shares/${s.id}`);
    expect(del.status).toBe(403);
    expect(del.body).toEqual({ forbidden: { code: 403, message: 'Invalid share: %(reason)s.' } });
    work();
    await act(s.id, { extend: { new_size: 2 } });
    expect((await act(s.id, { revert: { snapshot_id: first.id } })).status).toBe(409);
    work();
    now += 1000;
    const second = ((await api('POST', '/snapshots', { snapshot: { share_id: s.id, name: 'second' } })).body as { snapshot: Row }).snapshot;
    work();
    const old = await act(s.id, { revert: { snapshot_id: first.id } });
    expect(message(old.body)).toContain('is not the most recent snapshot');
    expect((await act(s.id, { revert: { snapshot_id: second.id } })).status).toBe(202);
    expect((await show(s.id)).share.status).toBe('reverting');
    work();
    expect((await show(s.id)).share).toMatchObject({ status: 'available', size: 2 });
    const small = await api('POST', '/shares', { share: { share_proto: 'NFS', size: 1, snapshot_id: second.id } });
    expect(message(small.body)).toBe("Invalid input received: Share size '1' must be equal or greater than snapshot size.");
    const copy = ((await api('POST', '/shares', { share: { share_proto: 'NFS', snapshot_id: second.id } })).body as { share: Row }).share;
    expect(copy).toMatchObject({ status: 'creating', size: 2, snapshot_id: second.id });
    work();
    expect((await show(copy.id)).share.status).toBe('available');
    expect((await api('DELETE', `/shares/${copy.id}`)).status).toBe(202);
    for (const id of [first.id, second.id]) expect((await api('DELETE', `/snapshots/${id}`)).status).toBe(202);
    work();
    expect((await api('GET', `/snapshots/${first.id}`)).status).toBe(404);
    expect((await api('DELETE', `/shares/${s.id}`)).status).toBe(202);
    expect((await show(s.id)).share.status).toBe('deleting');
    work();
    expect((await api('GET', `/shares/${s.id}`)).status).toBe(404);
  });
});

describe('shared-file-system: refusals and user messages', () => {
  it('accepts a share network on a type without share servers, then the share goes error with a user message', async () => {
    const net = ((await api('POST', '/share-networks', { share_network: { name: 'net-for-share' } })).body as { share_network: Row }).share_network;
    const s = await newShare({ share_network_id: net.id });
    expect(s.status).toBe('creating');
    work(1);
    expect((await show(s.id)).share).toMatchObject({ status: 'error', progress: null });
    expect((await api('GET', `/shares/${s.id}/export_locations`)).body).toEqual({ export_locations: [] });
    const list = (await api('GET', `/messages?resource_id=${s.id}`)).body as { messages: Row[] };
    expect(list.messages).toHaveLength(1);
    expect(list.messages[0]).toMatchObject({ action_id: '002', detail_id: '003', message_level: 'ERROR', resource_type: 'SHARE', user_message: 'create: Driver does not expect share-network to be provided with current configuration.' });
    expect((await api('DELETE', `/messages/${list.messages[0].id}`)).status).toBe(204);
    expect(message((await api('GET', `/messages/${list.messages[0].id}`)).body)).toBe(`Message ${list.messages[0].id} could not be found.`);
    expect((await api('DELETE', `/shares/${s.id}`)).status).toBe(202);
    expect((await api('DELETE', `/share-networks/${net.id}`)).status).toBe(409);
  });
  it('finds no host for a type that wants share servers', async () => {
    const t = ((await api('POST', '/types', { share_type: { name: 'dhss', extra_specs: { driver_handles_share_servers: true } } }, asAdmin)).body as { share_type: Row }).share_type;
    expect(message((await api('POST', '/shares', { share: { share_proto: 'NFS', size: 1, share_type: 'dhss' } })).body)).toBe('Share network must be set when the driver_handles_share_servers is true.');
    const net = ((await api('POST', '/share-networks', { share_network: { name: 'net-dhss' } })).body as { share_network: Row }).share_network;
    const s = await newShare({ share_type: t.id, share_network_id: net.id });
    work(1);
    expect((await show(s.id)).share.status).toBe('error');
    const m = ((await api('GET', `/messages?resource_id=${s.id}`)).body as { messages: Row[] }).messages[0];
    expect(m).toMatchObject({ action_id: '001', detail_id: '008' });
    await api('DELETE', `/shares/${s.id}`);
    expect((await api('DELETE', `/types/${t.id}`, undefined, asAdmin)).status).toBe(400);
    work();
    expect((await api('DELETE', `/types/${t.id}`, undefined, asAdmin)).status).toBe(202);
  });
});

describe('shared-file-system: types, networks, security services, quotas', () => {
  it('lets an admin create and delete a private type; a member gets 403', async () => {
    const body = { share_type: { name: 'gold', extra_specs: { driver_handles_share_servers: false, snapshot_support: true }, 'share_type_access:is_public': false } };
    expect((await api('POST', '/types', body)).status).toBe(403);
    const r = await api('POST', '/types', body, asAdmin);
    const t = (r.body as { share_type: Row }).share_type;
    expect(t).toMatchObject({ name: 'gold', extra_specs: { driver_handles_share_servers: 'False', snapshot_support: 'True' }, 'share_type_access:is_public': false, is_default: false });
    expect((await api('POST', '/types', body, asAdmin)).status).toBe(409);
    expect(((await api('GET', '/types')).body as { share_types: Row[] }).share_types.map((x) => x.name)).toEqual(['default']);
    expect((await api('DELETE', `/types/${t.id}`, undefined, asAdmin)).status).toBe(202);
  });
  it('links a security service to a share network and refuses its deletion while linked', async () => {
    const net = ((await api('POST', '/share-networks', { share_network: { name: 'net' } })).body as { share_network: Row }).share_network;
    const ss = ((await api('POST', '/security-services', { security_service: { type: 'ldap', name: 'dir' } })).body as { security_service: Row }).security_service;
    expect(message((await api('POST', '/security-services', { security_service: { type: 'nis' } })).body)).toBe(
      'Invalid input received: Invalid type nis specified for security service. Valid types are active_directory,ldap,kerberos.',
    );
    expect((await api('POST', `/share-networks/${net.id}/action`, { add_security_service: { security_service_id: ss.id } })).status).toBe(200);
    const detail = (await api('GET', `/security-services/detail?share_network_id=${net.id}`)).body as { security_services: Row[] };
    expect(detail.security_services[0]).toMatchObject({ id: ss.id, share_networks: [net.id] });
    expect((await api('DELETE', `/security-services/${ss.id}`)).status).toBe(403);
    await api('POST', `/share-networks/${net.id}/action`, { remove_security_service: { security_service_id: ss.id } });
    expect((await api('DELETE', `/security-services/${ss.id}`)).status).toBe(202);
    expect((await api('DELETE', `/share-networks/${net.id}`)).status).toBe(202);
  });
  it('reports usage in quota detail and limits', async () => {
    work();
    const before = ((await api('GET', '/limits')).body as { limits: { absolute: Record<string, number> } }).limits.absolute;
    await available();
    const after = ((await api('GET', '/limits')).body as { limits: { absolute: Record<string, number> } }).limits.absolute;
    expect(after.totalSharesUsed).toBe(before.totalSharesUsed + 1);
    expect(after.maxTotalShares).toBe(50);
    const detail = (await api('GET', `/quota-sets/${DEMO}/detail`)).body as { quota_set: Record<string, { in_use: number }> };
    expect(detail.quota_set.shares.in_use).toBe(after.totalSharesUsed);
    expect((await api('GET', `/quota-sets/${ADMIN}`)).status).toBe(403);
  });
});
