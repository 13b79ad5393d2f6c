import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { seedProjectId, seedRoleId } from '../identity/seed';
import { TEST_CERT_PEM, TEST_KEY_PEM } from './test-certificate';

type Row = Record<string, unknown> & { id: string };
const LB = '/load-balancer/v2.0/lbaas';

let cloud: DemoCloud;
let now = Date.parse('2026-03-01T10:00:00Z');
let demo: string;
let admin: string;
let subnetId: string;
let networkId: string;

/** The amphora worker's nominal seconds pass (the clock is injected). */
const work = (seconds = 10) => (now += seconds * 1000);
const lb = (method: string, path: string, body?: unknown, token = demo) => call(cloud, method, `${LB}${path}`, { token, body });
const one = async (path: string, token = demo) => (await lb('GET', path, undefined, token)).body as Record<string, Row>;
const fault = (message: string) => ({ faultcode: 'Client', faultstring: message, debuginfo: null });

async function createLb(name: string, extra: Record<string, unknown> = {}): Promise<Row> {
  const r = await lb('POST', '/loadbalancers', { loadbalancer: { name, vip_subnet_id: subnetId, ...extra } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as { loadbalancer: Row }).loadbalancer;
}

async function activeLb(name: string): Promise<Row> {
  const created = await createLb(name);
  work();
  return created;
}

async function create(kind: string, key: string, body: Record<string, unknown>, token = demo): Promise<Row> {
  const r = await lb('POST', `/${kind}`, { [key]: body }, token);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as Record<string, Row>)[key];
}

beforeAll(async () => {
  cloud = await startTestCloud({ now: () => now, failureFixtures: true });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  const subnets = (await call(cloud, 'GET', '/network/v2.0/subnets?name=private-subnet', { token: demo })).body as { subnets: Array<{ id: string; network_id: string }> };
  subnetId = subnets.subnets[0].id;
  networkId = subnets.subnets[0].network_id;
});
afterAll(() => cloud.close());

describe('load-balancer: versions and errors', () => {
  it('lists versions at the root without a token; the API needs one', async () => {
    const root = await call(cloud, 'GET', '/load-balancer/');
    const versions = (root.body as { versions: Array<{ id: string; status: string; links: Array<{ href: string }> }> }).versions;
    expect(versions.at(-1)).toMatchObject({ id: 'v2.26', status: 'CURRENT' });
    expect(versions[0].links[0].href).toMatch(/\/load-balancer\/v2$/);
    expect((await call(cloud, 'GET', `${LB}/loadbalancers`)).status).toBe(401);
    expect((await lb('GET', '/loadbalancers')).body).toEqual({ loadbalancers: [], loadbalancers_links: [] });
  });

  it('answers with WSME faults and webob pages', async () => {
    const missing = await lb('GET', '/loadbalancers/11111111-2222-3333-4444-555555555555');
    expect([missing.status, missing.body]).toEqual([404, fault('Load Balancer 11111111-2222-3333-4444-555555555555 not found.')]);
    const noPort = await lb('POST', '/listeners', { listener: { loadbalancer_id: '11111111-2222-3333-4444-555555555555', protocol: 'HTTP' } });
    expect(noPort.body).toEqual(fault("Invalid input for field/attribute protocol_port. Value: 'None'. Mandatory field missing."));
    const unknown = await lb('POST', '/listeners', { listener: { bogus: 1 } });
    expect(unknown.body).toEqual(fault('Unknown attribute for argument listener_.listener: bogus'));
    const badInt = await lb('POST', '/listeners', { listener: { protocol_port: 'abc', protocol: 'HTTP' } });
    expect((badInt.body as { faultstring: string }).faultstring).toBe(
      "Invalid input for field/attribute listener_. Value: '{'listener': {'protocol_port': 'abc', 'protocol': 'HTTP'}}'. invalid literal for int() with base 10: 'abc'",
    );
    const lookup = await lb('GET', '/pools/11111111-2222-3333-4444-555555555555/members');
    expect([lookup.status, lookup.body]).toEqual([404, { code: 404, title: 'Bad Request', description: 'Pool 11111111-2222-3333-4444-555555555555 not found.' }]);
    const page = await lb('PATCH', '/loadbalancers/x');
    expect([page.status, page.headers.get('content-type')]).toEqual([405, 'text/html; charset=UTF-8']);
    expect(String(page.body)).toContain('The method PATCH is not allowed for this resource.');
  });
});

describe('load-balancer: VIP port and IPAM', () => {
  it('makes an Octavia-owned, admin-down VIP port with an address from the subnet', async () => {
    const a = await createLb('vip-a');
    expect(a).toMatchObject({ provisioning_status: 'PENDING_CREATE', operating_status: 'OFFLINE', provider: 'amphora', vip_subnet_id: subnetId, vip_network_id: networkId });
    expect(Object.keys(a).slice(0, 3)).toEqual(['listeners', 'pools', 'id']);
    expect(a.updated_at).toBeNull();
    const port = (await call(cloud, 'GET', `/network/v2.0/ports/${String(a.vip_port_id)}`, { token: demo })).body as { port: Row };
    expect(port.port).toMatchObject({ name: `octavia-lb-${a.id}`, device_id: `lb-${a.id}`, device_owner: 'Octavia', admin_state_up: false, status: 'DOWN' });
    expect(port.port.fixed_ips).toEqual([{ subnet_id: subnetId, ip_address: a.vip_address }]);
    expect(a.vip_address).toMatch(/^10\.0\.0\.\d+$/);
    expect(a.vip_address).not.toBe('10.0.0.1');
    const b = await createLb('vip-b', { vip_address: '10.0.0.200' });
    expect(b.vip_address).toBe('10.0.0.200');
    const taken = await lb('POST', '/loadbalancers', { loadbalancer: { vip_subnet_id: subnetId, vip_address: '10.0.0.200' } });
    expect(taken.status).toBe(409);
    expect((taken.body as { faultstring: string }).faultstring).toContain('10.0.0.200 already allocated');
    const byNet = await createLb('vip-c', { vip_subnet_id: undefined, vip_network_id: networkId });
    expect(byNet.vip_subnet_id).toBe(subnetId);
    work();
    // Each amphora plugs a VRRP port (service project) with a second address from the VIP subnet.
    const amphorae = (await call(cloud, 'GET', `/load-balancer/v2/octavia/amphorae?loadbalancer_id=${b.id}`, { token: admin })).body as { amphorae: Row[] };
    const amp = amphorae.amphorae[0];
    expect(amp).toMatchObject({ ha_ip: '10.0.0.200', ha_port_id: b.vip_port_id, status: 'ALLOCATED' });
    const vrrp = (await call(cloud, 'GET', `/network/v2.0/ports/${String(amp.vrrp_port_id)}`, { token: admin })).body as { port: Row };
    expect(vrrp.port).toMatchObject({ name: `octavia-lb-vrrp-${amp.id}`, fixed_ips: [{ subnet_id: subnetId, ip_address: amp.vrrp_ip }] });
    expect((await lb('DELETE', `/loadbalancers/${b.id}`)).status).toBe(204);
    work();
    expect((await lb('GET', `/loadbalancers/${b.id}`)).status).toBe(404);
    expect((await call(cloud, 'GET', `/network/v2.0/ports/${String(b.vip_port_id)}`, { token: demo })).status).toBe(404);
    expect((await call(cloud, 'GET', `/network/v2.0/ports/${String(amp.vrrp_port_id)}`, { token: admin })).status).toBe(404);
    expect((await lb('GET', '/loadbalancers?bogus=1')).body).toEqual(fault('One or more arguments are either duplicate or invalid'));
    const named = (await lb('GET', '/loadbalancers?name=vip-a&fields=id&fields=name')).body;
    expect(named).toEqual({ loadbalancers: [{ id: a.id, name: 'vip-a' }], loadbalancers_links: [] });
    const paged = (await lb('GET', '/loadbalancers?limit=1')).body as { loadbalancers: Row[]; loadbalancers_links: Array<{ href: string; rel: string }> };
    expect(paged.loadbalancers_links).toEqual([{ href: expect.stringMatching(new RegExp(`/load-balancer/v2.0/lbaas/loadbalancers\\?limit=1&marker=${paged.loadbalancers[0].id}$`)), rel: 'next' }]);
  });

  it('validates the VIP as Octavia does', async () => {
    expect((await lb('POST', '/loadbalancers', { loadbalancer: { name: 'x' } })).body).toEqual(
      fault('Validation failure: VIP must contain one of: vip_port_id, vip_network_id, vip_subnet_id.'),
    );
    const other = '11111111-2222-3333-4444-555555555555';
    expect((await lb('POST', '/loadbalancers', { loadbalancer: { vip_subnet_id: other } })).body).toEqual(fault(`Subnet ${other} not found.`));
    expect((await lb('POST', '/loadbalancers', { loadbalancer: { vip_subnet_id: subnetId, provider: 'ovn' } })).body).toEqual(fault("Provider 'ovn' is not enabled."));
  });
});

describe('load-balancer: provisioning state machine', () => {
  it('creates ACTIVE after the worker; a listener locks the load balancer; changes meanwhile are 409', async () => {
    const created = await createLb('sm');
    expect((await lb('PUT', `/loadbalancers/${created.id}`, { loadbalancer: { name: 'y' } })).body).toEqual(
      fault(`Invalid state PENDING_CREATE of loadbalancer resource ${created.id}`),
    );
    work();
    expect((await one(`/loadbalancers/${created.id}`)).loadbalancer).toMatchObject({ provisioning_status: 'ACTIVE', operating_status: 'ONLINE' });
    const l = await create('listeners', 'listener', { loadbalancer_id: created.id, protocol: 'HTTP', protocol_port: 80 });
    expect(l).toMatchObject({ provisioning_status: 'PENDING_CREATE', operating_status: 'OFFLINE', connection_limit: -1, timeout_client_data: 50000 });
    expect((await one(`/loadbalancers/${created.id}`)).loadbalancer.provisioning_status).toBe('PENDING_UPDATE');
    const pool = await lb('POST', '/pools', { pool: { loadbalancer_id: created.id, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } });
    expect([pool.status, pool.body]).toEqual([409, fault(`Load Balancer ${created.id} is immutable and cannot be updated.`)]);
    work();
    expect((await one(`/listeners/${l.id}`)).listener).toMatchObject({ provisioning_status: 'ACTIVE', operating_status: 'ONLINE' });
    const dup = await lb('POST', '/listeners', { listener: { loadbalancer_id: created.id, protocol: 'TCP', protocol_port: 80 } });
    expect([dup.status, dup.body]).toEqual([409, fault('Another Listener on this Load Balancer is already using protocol HTTP and protocol_port 80')]);
    expect((await lb('PUT', `/loadbalancers/${created.id}/failover`)).status).toBe(403);
    expect((await lb('PUT', `/loadbalancers/${created.id}/failover`, undefined, admin)).status).toBe(202);
    expect((await one(`/loadbalancers/${created.id}`)).loadbalancer.provisioning_status).toBe('PENDING_UPDATE');
    work(30); // a failover boots a new amphora: it takes longer
    expect((await one(`/loadbalancers/${created.id}`)).loadbalancer.provisioning_status).toBe('ACTIVE');
    const amps = (await call(cloud, 'GET', `/load-balancer/v2/octavia/amphorae?loadbalancer_id=${created.id}`, { token: admin })).body as { amphorae: Row[] };
    expect(amps.amphorae.map((a) => a.status)).toEqual(['ALLOCATED']);
  });

  it('fails a `fail-*` load balancer into ERROR with failure fixtures on', async () => {
    const failed = await activeLb('fail-lb');
    expect((await one(`/loadbalancers/${failed.id}`)).loadbalancer).toMatchObject({ provisioning_status: 'ERROR', operating_status: 'OFFLINE' });
  });
});

describe('load-balancer: members, health and the status tree', () => {
  it('reports NO_MONITOR, then ONLINE for a live server and ERROR for an address nobody answers', async () => {
    const port = await call(cloud, 'POST', '/network/v2.0/ports', { token: demo, body: { port: { network_id: networkId, device_id: 'srv-1', device_owner: 'compute:nova' } } });
    const liveIp = ((port.body as { port: { fixed_ips: Array<{ ip_address: string }> } }).port.fixed_ips[0]).ip_address;
    const l7lb = await activeLb('health');
    const l = await create('listeners', 'listener', { loadbalancer_id: l7lb.id, protocol: 'HTTP', protocol_port: 80 });
    work();
    const pool = await create('pools', 'pool', { listener_id: l.id, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' });
    expect(pool.listeners).toEqual([{ id: l.id }]);
    expect(pool).not.toHaveProperty('healthmonitor_id');
    work();
    const live = (await lb('POST', `/pools/${pool.id}/members`, { member: { address: liveIp, protocol_port: 80 } })).body as { member: Row };
    expect(live.member.operating_status).toBe('NO_MONITOR');
    const busy = await lb('POST', `/pools/${pool.id}/members`, { member: { address: '10.0.0.250', protocol_port: 80 } });
    expect(busy.body).toEqual(fault(`Pool ${pool.id} is immutable and cannot be updated.`));
    work();
    await lb('POST', `/pools/${pool.id}/members`, { member: { address: '10.0.0.250', protocol_port: 80 } });
    work();
    expect((await one(`/pools/${pool.id}/members/${live.member.id}`)).member.operating_status).toBe('NO_MONITOR');
    const hm = await create('healthmonitors', 'healthmonitor', { pool_id: pool.id, type: 'HTTP', delay: 5, timeout: 3, max_retries: 3 });
    expect(hm).toMatchObject({ http_method: 'GET', url_path: '/', expected_codes: '200', max_retries_down: 3, operating_status: 'OFFLINE' });
    work();
    const tree = (await lb('GET', `/loadbalancers/${l7lb.id}/status`)).body as { statuses: { loadbalancer: Row & { listeners: Array<Row & { pools: Array<Row & { members: Row[] }> }> } } };
    const root = tree.statuses.loadbalancer;
    expect(root.operating_status).toBe('DEGRADED');
    const p = root.listeners[0].pools[0];
    expect(p).toMatchObject({ operating_status: 'DEGRADED', health_monitor: { id: hm.id, type: 'HTTP', operating_status: 'ONLINE' } });
    expect(Object.fromEntries(p.members.map((m) => [m.address, m.operating_status]))).toEqual({ [liveIp]: 'ONLINE', '10.0.0.250': 'ERROR' });
  });

  it('batch-updates members by address and port', async () => {
    const b = await activeLb('batch');
    const pool = await create('pools', 'pool', { loadbalancer_id: b.id, protocol: 'TCP', lb_algorithm: 'LEAST_CONNECTIONS' });
    work();
    await create(`pools/${pool.id}/members`, 'member', { address: '10.0.0.31', protocol_port: 80, name: 'keep', weight: 5, backup: true });
    work();
    const r = await lb('PUT', `/pools/${pool.id}/members`, { members: [{ address: '10.0.0.31', protocol_port: 80, weight: 7 }, { address: '10.0.0.32', protocol_port: 81 }] });
    expect(r.status).toBe(202);
    work();
    const members = ((await lb('GET', `/pools/${pool.id}/members`)).body as { members: Row[] }).members;
    expect(members.map((m) => [m.address, m.name, m.weight, m.backup, m.provisioning_status])).toEqual([
      ['10.0.0.31', 'keep', 7, false, 'ACTIVE'],
      ['10.0.0.32', '', 1, false, 'ACTIVE'],
    ]);
    const amphora = await lb('POST', '/pools', { pool: { loadbalancer_id: b.id, protocol: 'TCP', lb_algorithm: 'SOURCE_IP_PORT' } });
    expect([amphora.status, amphora.body]).toEqual([
      501,
      { faultcode: 'Server', faultstring: "Provider 'amphora' does not support a requested option: Amphora provider does not support SOURCE_IP_PORT algorithm.", debuginfo: null },
    ]);
  });
});

describe('load-balancer: cascade delete', () => {
  it('refuses a load balancer with children unless cascade, then drops the whole tree and the VIP port', async () => {
    const r = await lb('POST', '/loadbalancers', {
      loadbalancer: {
        name: 'graph', vip_subnet_id: subnetId,
        listeners: [{ name: 'web', protocol: 'HTTP', protocol_port: 80, default_pool: { name: 'pool-a' }, l7policies: [{ action: 'REJECT', rules: [{ type: 'PATH', compare_type: 'STARTS_WITH', value: '/admin' }] }] }],
        pools: [{ name: 'pool-a', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN', members: [{ address: '10.0.0.41', protocol_port: 80 }], healthmonitor: { type: 'TCP', delay: 5, timeout: 3, max_retries: 2 } }],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const g = (r.body as { loadbalancer: Row & { listeners: Array<Row & { l7policies: Row[] }>; pools: Array<Row & { members: Row[] }> } }).loadbalancer;
    expect(g.listeners[0]).toMatchObject({ name: 'web', default_pool_id: g.pools[0].id, provisioning_status: 'PENDING_CREATE' });
    expect(g.listeners[0]).not.toHaveProperty('loadbalancers');
    expect(g.listeners[0].l7policies[0]).toMatchObject({ action: 'REJECT', position: 1, rules: [{ type: 'PATH', value: '/admin' }] });
    expect(g.pools[0].members[0]).toMatchObject({ address: '10.0.0.41', operating_status: 'OFFLINE' });
    work();
    expect((await lb('DELETE', `/loadbalancers/${g.id}`)).body).toEqual(fault(`Validation failure: Cannot delete Load Balancer ${g.id} - it has children`));
    expect((await lb('DELETE', `/loadbalancers/${g.id}?cascade=true`)).status).toBe(204);
    expect((await one(`/loadbalancers/${g.id}`)).loadbalancer.provisioning_status).toBe('PENDING_DELETE');
    work();
    expect((await lb('GET', `/loadbalancers/${g.id}`)).status).toBe(404);
    for (const kind of ['listeners', 'pools', 'healthmonitors', 'l7policies']) {
      const rows = ((await lb('GET', `/${kind}`)).body as Record<string, Row[]>)[kind];
      expect(rows.filter((x) => JSON.stringify(x).includes(g.id) || x.id === g.pools[0].id)).toEqual([]);
    }
    expect((await call(cloud, 'GET', `/network/v2.0/ports/${String(g.vip_port_id)}`, { token: demo })).status).toBe(404);
  });
});

describe('load-balancer: policy, quotas and TLS', () => {
  it('lets an observer read only, and answers 403 for another project', async () => {
    const mine = await activeLb('policy');
    const user = await call(cloud, 'POST', '/identity/v3/users', { token: admin, body: { user: { name: 'watcher', password: 'watcher', domain_id: 'default' } } });
    const uid = (user.body as { user: { id: string } }).user.id;
    await call(cloud, 'PUT', `/identity/v3/projects/${seedProjectId('demo')}/users/${uid}/roles/${seedRoleId('load-balancer_observer')}`, { token: admin });
    const watcher = await login(cloud, 'watcher', 'demo', 'watcher');
    expect((await lb('GET', `/loadbalancers/${mine.id}`, undefined, watcher)).status).toBe(200);
    expect((await lb('PUT', `/loadbalancers/${mine.id}`, { loadbalancer: { name: 'no' } }, watcher)).body).toEqual(fault('Policy does not allow this request to be performed.'));
    const theirs = await lb('POST', '/loadbalancers', { loadbalancer: { vip_network_id: networkId, name: 'admin-lb', project_id: seedProjectId('admin') } }, admin);
    const id = (theirs.body as { loadbalancer: Row }).loadbalancer.id;
    expect((await lb('GET', `/loadbalancers/${id}`)).status).toBe(403);
    expect((await lb('GET', `/loadbalancers?project_id=${seedProjectId('admin')}`)).status).toBe(403);
    const all = ((await lb('GET', '/loadbalancers', undefined, admin)).body as { loadbalancers: Row[] }).loadbalancers;
    expect(all.some((x) => x.id === id) && all.some((x) => x.id === mine.id)).toBe(true);
  });

  it('shows -1 quotas; only an admin sets them; a met quota is 403', async () => {
    const pid = seedProjectId('demo-team');
    expect((await lb('GET', `/quotas/${seedProjectId('demo')}`)).body).toEqual({ quota: { load_balancer: -1, listener: -1, member: -1, pool: -1, health_monitor: -1, l7policy: -1, l7rule: -1 } });
    expect((await lb('GET', `/quotas/${pid}`)).status).toBe(403);
    expect((await lb('PUT', `/quotas/${pid}`, { quota: { loadbalancer: 0 } })).status).toBe(403);
    const set = await lb('PUT', `/quotas/${pid}`, { quota: { loadbalancer: 0 } }, admin);
    expect([set.status, (set.body as { quota: Row }).quota.load_balancer]).toEqual([202, 0]);
    const team = await login(cloud, 'demo', 'demo-team');
    const nets = (await call(cloud, 'GET', '/network/v2.0/networks?name=private', { token: team })).body as { networks: Row[] };
    const met = await lb('POST', '/loadbalancers', { loadbalancer: { vip_network_id: nets.networks[0].id } }, team);
    expect([met.status, met.body]).toEqual([403, fault('Quota has been met for resources: Load Balancer')]);
    const rows = ((await lb('GET', '/quotas', undefined, admin)).body as { quotas: Row[] }).quotas;
    expect(rows.find((q) => q.project_id === pid)).toMatchObject({ loadbalancer: 0, load_balancer: 0, listener: null });
  });

  it('terminates TLS with a readable Barbican certificate container only', async () => {
    const secret = async (name: string, payload: string) => {
      const r = await call(cloud, 'POST', '/key-manager/v1/secrets', { token: demo, body: { name, payload, payload_content_type: 'text/plain' } });
      return (r.body as { secret_ref: string }).secret_ref;
    };
    const certificate = await secret('cert', TEST_CERT_PEM);
    const key = await secret('key', TEST_KEY_PEM);
    const c = await call(cloud, 'POST', '/key-manager/v1/containers', {
      token: demo, body: { type: 'certificate', name: 'tls', secret_refs: [{ name: 'certificate', secret_ref: certificate }, { name: 'private_key', secret_ref: key }] },
    });
    const container = (c.body as { container_ref: string }).container_ref;
    const t = await activeLb('tls');
    const missing = `${container.slice(0, -36)}11111111-2222-3333-4444-555555555555`;
    const base = { loadbalancer_id: t.id, protocol: 'TERMINATED_HTTPS', protocol_port: 443 };
    expect((await lb('POST', '/listeners', { listener: base })).body).toEqual(
      fault('Validation failure: An SNI or default certificate container reference must be provided for TERMINATED_HTTPS protocol listeners.'),
    );
    expect((await lb('POST', '/listeners', { listener: { ...base, default_tls_container_ref: missing } })).body).toEqual(fault(`Could not retrieve certificate: ['${missing}']`));
    expect((await lb('POST', '/listeners', { listener: { ...base, default_tls_container_ref: certificate } })).status).toBe(400);
    const ok = await create('listeners', 'listener', { ...base, default_tls_container_ref: container });
    expect(ok).toMatchObject({ default_tls_container_ref: container, tls_versions: ['TLSv1.2', 'TLSv1.3'], alpn_protocols: ['h2', 'http/1.1', 'http/1.0'] });
  });
});

describe('load-balancer: updates and L7', () => {
  it('resets listener fields sent as null to their defaults, keeps policies numbered and checks rules', async () => {
    const u = await activeLb('updates');
    const l = await create('listeners', 'listener', { loadbalancer_id: u.id, protocol: 'HTTP', protocol_port: 80, connection_limit: 5, insert_headers: { 'X-Forwarded-For': 'true' } });
    work();
    const put = await lb('PUT', `/listeners/${l.id}`, { listener: { connection_limit: null, insert_headers: null, timeout_client_data: null, name: 'n' } });
    expect((put.body as { listener: Row }).listener).toMatchObject({ connection_limit: -1, insert_headers: {}, timeout_client_data: 50000, name: 'n', provisioning_status: 'PENDING_UPDATE' });
    work();
    const policy = (action: string, extra: Record<string, unknown> = {}) => create('l7policies', 'l7policy', { listener_id: l.id, action, ...extra });
    const a = await policy('REJECT');
    work();
    const b = await policy('REDIRECT_TO_URL', { redirect_url: 'http://example.com/', position: 1 });
    expect(b).toMatchObject({ position: 1, redirect_http_code: 302 });
    work();
    expect((await one(`/l7policies/${a.id}`)).l7policy.position).toBe(2);
    const noPool = await lb('POST', '/l7policies', { l7policy: { listener_id: l.id, action: 'REDIRECT_TO_POOL' } });
    expect(noPool.body).toEqual(fault('Invalid L7 Policy arguments: redirect_pool_id or redirect_pool must not be None'));
    const badRule = await lb('POST', `/l7policies/${a.id}/rules`, { rule: { type: 'HEADER', compare_type: 'EQUAL_TO', value: 'x' } });
    expect(badRule.body).toEqual(fault('Error parsing L7Rule: Invalid L7 Rule: L7 rule type requires a key'));
    expect((await lb('DELETE', `/l7policies/${b.id}`)).status).toBe(204);
    work();
    expect((await one(`/l7policies/${a.id}`)).l7policy.position).toBe(1);
    const pool = await create('pools', 'pool', { loadbalancer_id: u.id, protocol: 'HTTP', lb_algorithm: 'SOURCE_IP' });
    work();
    await lb('PUT', `/l7policies/${a.id}`, { l7policy: { redirect_pool_id: pool.id } });
    work();
    expect((await one(`/l7policies/${a.id}`)).l7policy).toMatchObject({ action: 'REDIRECT_TO_POOL', redirect_pool_id: pool.id });
    expect((await lb('DELETE', `/pools/${pool.id}`)).body).toEqual(fault(`Pool ${pool.id} is in use by L7 policy ${a.id}`));
    const reserved = await lb('POST', `/pools/${pool.id}/members`, { member: { address: '169.254.169.254', protocol_port: 80 } });
    expect(reserved.body).toEqual(fault('169.254.169.254 is not a valid option for member address'));
  });
});
