import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';

let cloud: DemoCloud;
let admin: string;
let demo: string;
const V = { 'X-OpenStack-Ironic-API-Version': 'latest' };

type Node = Record<string, unknown> & { uuid: string; provision_state: string | null; target_provision_state: string | null };
const fault = (body: unknown) => JSON.parse((body as { error_message: string }).error_message) as { faultcode: string; faultstring: string; debuginfo: null };

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 1000, failureFixtures: true });
  admin = await login(cloud, 'admin', 'admin');
  demo = await login(cloud, 'demo', 'demo');
});
afterAll(async () => {
  await cloud.close();
});

const api = (method: string, path: string, body?: unknown, token = admin, headers: Record<string, string> = V) =>
  call(cloud, method, `/baremetal/v1${path}`, { token, body, headers });

async function waitFor(ident: string, pred: (n: Node) => boolean): Promise<Node> {
  for (let i = 0; i < 200; i++) {
    const r = await api('GET', `/nodes/${ident}`);
    const n = r.body as Node;
    if (pred(n)) return n;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error(`node ${ident} never reached the state`);
}

async function createNode(name: string, extra: Record<string, unknown> = {}) {
  const r = await api('POST', '/nodes', { driver: 'fake-hardware', name, properties: { cpus: 2, memory_mb: 1024, local_gb: 10, cpu_arch: 'x86_64' }, ...extra });
  expect(r.status).toBe(201);
  return r.body as Node;
}

/** A new node taken through manage and provide to available. */
async function availableNode(name: string) {
  const n = await createNode(name);
  await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'manage' });
  await waitFor(n.uuid, (x) => x.provision_state === 'manageable');
  await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'provide' });
  await waitFor(n.uuid, (x) => x.provision_state === 'available');
  return n;
}

describe('version discovery and microversions', () => {
  it('serves the root and v1 documents', async () => {
    const root = await call(cloud, 'GET', '/baremetal/');
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ name: 'OpenStack Ironic API', default_version: { id: 'v1', min_version: '1.1', version: '1.82' } });
    const v1 = await call(cloud, 'GET', '/baremetal/v1', { token: admin });
    expect(v1.body).toMatchObject({ id: 'v1', media_types: { base: 'application/json' }, version: { version: '1.82' } });
    expect(v1.headers.get('x-openstack-ironic-api-version')).toBe('1.1');
    expect(v1.headers.get('openstack-request-id')).toMatch(/^req-/);
    expect(v1.body).not.toHaveProperty('conductors');
    const v78 = await api('GET', '', undefined, admin, { 'X-OpenStack-Ironic-API-Version': '1.78' });
    for (const k of ['portgroups', 'volume', 'lookup', 'heartbeat', 'conductors', 'allocations', 'events', 'deploy_templates']) expect(v78.body).toHaveProperty(k);
  });
  it('echoes the negotiated version and refuses unsupported ones with 406', async () => {
    const r = await api('GET', '/nodes', undefined, admin, { 'X-OpenStack-Ironic-API-Version': '1.78' });
    expect(r.headers.get('x-openstack-ironic-api-version')).toBe('1.78');
    expect(r.headers.get('openstack-api-version')).toBe('baremetal 1.78');
    expect(r.headers.get('x-openstack-ironic-api-maximum-version')).toBe('1.82');
    const bad = await api('GET', '/nodes', undefined, admin, { 'X-OpenStack-Ironic-API-Version': '1.99' });
    expect(bad.status).toBe(406);
    expect(JSON.parse((bad.body as { error_message: string }).error_message)).toMatchObject({ code: 406, title: 'Not Acceptable' });
  });
  it('renders older versions: no name before 1.5, available shown as None at 1.1', async () => {
    const old = { 'X-OpenStack-Ironic-API-Version': '1.1' };
    expect((await api('GET', '/nodes/bm-available-0', undefined, admin, old)).status).toBe(404);
    const id = ((await api('GET', '/nodes/bm-available-0')).body as Node).uuid;
    const r = await api('GET', `/nodes/${id}`, undefined, admin, old);
    expect(r.body).toMatchObject({ uuid: id, provision_state: null });
    expect(r.body).not.toHaveProperty('name');
    expect(r.body).not.toHaveProperty('owner');
  });
});

describe('seed', () => {
  it('has nodes in mixed states', async () => {
    const r = await api('GET', '/nodes/detail');
    const nodes = (r.body as { nodes: Node[] }).nodes;
    const states = new Set(nodes.map((n) => n.provision_state));
    for (const s of ['enroll', 'manageable', 'available', 'active', 'deploy failed']) expect(states).toContain(s);
    expect(nodes.some((n) => n.maintenance === true && typeof n.maintenance_reason === 'string')).toBe(true);
    expect(nodes.some((n) => typeof n.last_error === 'string')).toBe(true);
    expect(nodes.find((n) => n.provision_state === 'active')?.instance_uuid).toBeTruthy();
  });
  it('lists basic fields, filters and paginates with next', async () => {
    const r = await api('GET', '/nodes?limit=2');
    const body = r.body as { nodes: Node[]; next: string };
    expect(body.nodes).toHaveLength(2);
    expect(Object.keys(body.nodes[0]).sort()).toEqual(['instance_uuid', 'links', 'maintenance', 'name', 'power_state', 'provision_state', 'uuid']);
    expect(body.next).toContain(`marker=${body.nodes[1].uuid}`);
    const maint = await api('GET', '/nodes?maintenance=true');
    expect((maint.body as { nodes: Node[] }).nodes.map((n) => n.name)).toEqual(['bm-maint-0']);
    const assoc = await api('GET', '/nodes?associated=true&fields=uuid,name,instance_uuid');
    expect((assoc.body as { nodes: Node[] }).nodes.map((n) => n.name)).toEqual(['bm-active-0']);
    const ps = await api('GET', '/nodes?provision_state=enroll');
    expect((ps.body as { nodes: Node[] }).nodes.every((n) => n.provision_state === 'enroll')).toBe(true);
  });
});

describe('policy', () => {
  it('members list no nodes and may not create (403 with the policy name)', async () => {
    const list = await api('GET', '/nodes', undefined, demo);
    expect(list.body).toEqual({ nodes: [] });
    const r = await api('POST', '/nodes', { driver: 'fake-hardware' }, demo);
    expect(r.status).toBe(403);
    expect(fault(r.body).faultstring).toBe('Access was denied to the following resource: baremetal:node:create');
    const drv = await api('GET', '/drivers', undefined, demo);
    expect(drv.status).toBe(403);
    const show = await api('GET', '/nodes/bm-available-0', undefined, demo);
    expect(show.status).toBe(404);
  });
});

describe('provision state machine', () => {
  it('enroll -> manageable -> available -> active -> available, with power on', async () => {
    const n = await createNode('sm-1');
    expect(n.provision_state).toBe('enroll');
    expect(n.power_state).toBeNull();
    expect((await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'manage' })).status).toBe(202);
    await waitFor(n.uuid, (x) => x.provision_state === 'manageable' && x.target_provision_state === null);
    expect((await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'provide' })).status).toBe(202);
    const mid = (await api('GET', `/nodes/${n.uuid}`)).body as Node;
    expect(['cleaning', 'available']).toContain(mid.provision_state);
    await waitFor(n.uuid, (x) => x.provision_state === 'available');
    expect((await api('PUT', `/nodes/${n.uuid}/states/power`, { target: 'power on' })).status).toBe(202);
    await waitFor(n.uuid, (x) => x.power_state === 'power on' && x.target_power_state === null);
    expect((await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'active' })).status).toBe(202);
    const seen = new Set<string>();
    await waitFor(n.uuid, (x) => {
      seen.add(String(x.provision_state));
      return x.provision_state === 'active';
    });
    expect(seen.has('active')).toBe(true);
    expect((await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'undeploy' })).status).toBe(202);
    const undeployed = await waitFor(n.uuid, (x) => x.provision_state === 'available' && x.target_provision_state === null);
    // As on the realcloud's fake-hardware: tear-down leaves the power alone.
    expect(undeployed.power_state).toBe('power on');
    expect((await api('DELETE', `/nodes/${n.uuid}`)).status).toBe(204);
    expect((await api('GET', `/nodes/${n.uuid}`)).status).toBe(404);
  });

  it('deploys a powered-off node without powering it on (fake-hardware)', async () => {
    const n = await availableNode('sm-off');
    await api('PUT', `/nodes/${n.uuid}/states/power`, { target: 'power off' });
    await waitFor(n.uuid, (x) => x.power_state === 'power off' && x.target_power_state === null);
    await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'active' });
    const active = await waitFor(n.uuid, (x) => x.provision_state === 'active');
    expect(active.power_state).toBe('power off');
  });

  it('passes through deploying and wait call-back at normal speed', async () => {
    const slow = await startTestCloud({ speed: 1 });
    try {
      const tok = await login(slow, 'admin', 'admin');
      const id = (await call(slow, 'GET', '/baremetal/v1/nodes/bm-available-1', { token: tok, headers: V }).then((r) => r.body as Node)).uuid;
      const r = await call(slow, 'PUT', `/baremetal/v1/nodes/${id}/states/provision`, { token: tok, headers: V, body: { target: 'active' } });
      expect(r.status).toBe(202);
      const n = (await call(slow, 'GET', `/baremetal/v1/nodes/${id}`, { token: tok, headers: V })).body as Node;
      expect(n).toMatchObject({ provision_state: 'deploying', target_provision_state: 'active' });
      // A busy node is locked: another action answers 409.
      const again = await call(slow, 'PUT', `/baremetal/v1/nodes/${id}/states/provision`, { token: tok, headers: V, body: { target: 'active' } });
      expect(again.status).toBe(409);
      expect(fault(again.body).faultstring).toMatch(/is locked by host demo-conductor, please retry after the current operation is completed\.$/);
      const del = await call(slow, 'DELETE', `/baremetal/v1/nodes/${id}`, { token: tok, headers: V });
      expect(del.status).toBe(409);
    } finally {
      await slow.close();
    }
  });

  it('inspect and clean return to manageable', async () => {
    const n = await createNode('sm-2');
    await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'manage' });
    await waitFor(n.uuid, (x) => x.provision_state === 'manageable');
    expect((await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'inspect' })).status).toBe(202);
    const done = await waitFor(n.uuid, (x) => x.provision_state === 'manageable');
    expect(done.inspection_finished_at).toBeTruthy();
    const noSteps = await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'clean' });
    expect(noSteps.status).toBe(400);
    expect(fault(noSteps.body).faultstring).toBe('"clean_steps" is required when setting target provision state to clean');
    const clean = await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'clean', clean_steps: [{ interface: 'deploy', step: 'erase_devices_metadata' }] });
    expect(clean.status).toBe(202);
    // As on the realcloud's fake-hardware: no interface declares clean steps, the clean fails and keeps its target.
    const failed = await waitFor(n.uuid, (x) => x.provision_state === 'clean failed');
    expect(failed.target_provision_state).toBe('manageable');
    expect(failed.last_error).toBe(`Cannot clean node ${n.uuid}: node does not support this clean step: {'interface': 'deploy', 'step': 'erase_devices_metadata'}`);
    expect((await api('DELETE', `/nodes/${n.uuid}`)).status).toBe(409);
    expect((await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'manage' })).status).toBe(202);
    const back = await waitFor(n.uuid, (x) => x.provision_state === 'manageable');
    expect(back.last_error).toBeNull();
  });

  it('fail-* nodes end in deploy failed with last_error', async () => {
    const n = await availableNode('fail-sm-3');
    await api('PUT', `/nodes/${n.uuid}/states/provision`, { target: 'active' });
    const failed = await waitFor(n.uuid, (x) => x.provision_state === 'deploy failed');
    expect(failed.last_error).toMatch(/Timeout reached while waiting for callback/);
    expect(failed.target_provision_state).toBe('active');
  });

  it('refuses invalid transitions with Ironic\'s messages', async () => {
    const enroll = (await api('GET', '/nodes/bm-enroll-0')).body as Node;
    const r = await api('PUT', '/nodes/bm-enroll-0/states/provision', { target: 'active' });
    expect(r.status).toBe(400);
    expect(fault(r.body)).toEqual({
      faultcode: 'Client',
      faultstring: `The requested action "active" can not be performed on node "${enroll.uuid}" while it is in state "enroll".`,
      debuginfo: null,
    });
    const missing = await api('PUT', '/nodes/bm-enroll-0/states/provision', {});
    expect(fault(missing.body).faultstring).toBe('Missing mandatory parameter: target');
    const maint = await api('PUT', '/nodes/bm-maint-0/states/provision', { target: 'active' });
    expect(maint.status).toBe(400);
    expect(fault(maint.body).faultstring).toMatch(/because it's in maintenance mode\.$/);
    const power = await api('PUT', '/nodes/bm-enroll-0/states/power', { target: 'bogus' });
    expect(fault(power.body).faultstring).toBe('The requested action "bogus" can not be performed on node "bm-enroll-0" while it is in state "None".'.replace('"None"', '"null"'));
  });

  it('refuses to delete an active node (409) and one in deploy failed', async () => {
    const active = await api('DELETE', '/nodes/bm-active-0');
    expect(active.status).toBe(409);
    expect(fault(active.body).faultstring).toMatch(/is associated with instance/);
    const failed = await api('DELETE', '/nodes/fail-bm-0');
    expect(failed.status).toBe(409);
    expect(fault(failed.body).faultstring).toMatch(
      /^Can not delete node ".*" while it is in provision state "deploy failed"\. Valid provision states to perform deletion are: "\('manageable', 'enroll', 'adopt failed', 'available'\)", or set the node into maintenance mode$/,
    );
  });
});

describe('nodes: bad input, patch, maintenance', () => {
  it('validates create', async () => {
    expect(fault((await api('POST', '/nodes', { name: 'x' })).body).faultstring).toBe("Schema error for node: 'driver' is a required property");
    const drv = await api('POST', '/nodes', { driver: 'ipmi' });
    expect(drv.status).toBe(400);
    expect(fault(drv.body).faultstring).toMatch(/^No valid host was found\. Reason: No conductor service registered which supports driver ipmi/);
    const dup = await api('POST', '/nodes', { driver: 'fake-hardware', name: 'bm-enroll-0' });
    expect(dup.status).toBe(409);
    const malformed = await call(cloud, 'POST', '/baremetal/v1/nodes', { token: admin, headers: { ...V, 'Content-Type': 'application/json' }, rawBody: '{"driver":' });
    expect(malformed.status).toBe(400);
    expect(fault(malformed.body).faultcode).toBe('Client');
    const cpus = await api('POST', '/nodes', { driver: 'fake-hardware', properties: { cpus: 'abc', memory_mb: '1024', local_gb: -1 } });
    expect(cpus.status).toBe(400);
    expect(fault(cpus.body).faultstring).toMatch(/^The following properties for node [0-9a-f-]{36} should be non-negative integers, but provided values are: cpus=abc, local_gb=-1$/);
    expect((await api('GET', '/nodes/nope')).status).toBe(404);
    expect(fault((await api('GET', '/nodes/nope')).body).faultstring).toBe('Node nope could not be found.');
  });
  it('patches with JSON patch and refuses internal fields', async () => {
    const n = await createNode('patch-1');
    const r = await api('PATCH', `/nodes/${n.uuid}`, [
      { op: 'add', path: '/properties/cpus', value: 8 },
      { op: 'replace', path: '/name', value: 'patch-1b' },
      { op: 'add', path: '/extra/rack', value: 'r1' },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'patch-1b', properties: { cpus: 8 }, extra: { rack: 'r1' } });
    const bad = await api('PATCH', `/nodes/${n.uuid}`, [{ op: 'replace', path: '/provision_state', value: 'active' }]);
    expect(bad.status).toBe(400);
    expect(fault(bad.body).faultstring).toMatch(/^Cannot patch \/provision_state\. Only the following can be updated: automated_clean/);
  });
  it('sets and clears maintenance with a reason', async () => {
    expect((await api('PUT', '/nodes/bm-available-1/maintenance', { reason: 'fan' })).status).toBe(202);
    expect((await api('GET', '/nodes/bm-available-1')).body).toMatchObject({ maintenance: true, maintenance_reason: 'fan' });
    expect((await api('DELETE', '/nodes/bm-available-1/maintenance')).status).toBe(202);
    expect((await api('GET', '/nodes/bm-available-1')).body).toMatchObject({ maintenance: false, maintenance_reason: null });
  });
  it('validates interfaces and lists drivers and conductors', async () => {
    expect((await api('GET', '/nodes/bm-available-0/validate')).body).toMatchObject({ power: { result: true }, deploy: { result: true } });
    expect((await api('GET', '/drivers')).body).toMatchObject({ drivers: [{ name: 'fake-hardware', type: 'dynamic' }] });
    expect((await api('GET', '/conductors')).body).toMatchObject({ conductors: [{ hostname: 'demo-conductor', alive: true }] });
  });
});

describe('ports', () => {
  it('creates, lists and deletes; validates MACs', async () => {
    const n = await createNode('port-1');
    const bad = await api('POST', '/ports', { node_uuid: n.uuid, address: 'zz:11' });
    expect(bad.status).toBe(400);
    expect(fault(bad.body).faultstring).toBe('Expected valid MAC address for address: zz:11');
    const r = await api('POST', '/ports', { node_uuid: n.uuid, address: '52:54:00:AA:BB:01' });
    expect(r.status).toBe(201);
    const port = r.body as { uuid: string; address: string };
    expect(port.address).toBe('52:54:00:aa:bb:01');
    const dup = await api('POST', '/ports', { node_uuid: n.uuid, address: '52:54:00:aa:bb:01' });
    expect(dup.status).toBe(409);
    const unknown = await api('POST', '/ports', { node_uuid: '4a4a4a4a-1111-4111-8111-111111111111', address: '52:54:00:aa:bb:02' });
    expect(unknown.status).toBe(400);
    const list = await api('GET', `/nodes/${n.uuid}/ports`);
    expect((list.body as { ports: Array<{ uuid: string }> }).ports.map((p) => p.uuid)).toEqual([port.uuid]);
    expect((await api('DELETE', `/ports/${port.uuid}`)).status).toBe(204);
    expect((await api('GET', `/ports/${port.uuid}`)).status).toBe(404);
    expect((await api('GET', '/ports', undefined, demo)).body).toEqual({ ports: [] });
  });
});
