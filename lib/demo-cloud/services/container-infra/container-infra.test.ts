import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';

let cloud: DemoCloud;
let demo: string;
let admin: string;
let team: string;
const V = { 'OpenStack-API-Version': 'container-infra 1.10' };

type Cluster = Record<string, unknown> & { uuid: string; status: string };
type Errors = { errors: Array<{ request_id: string; code: string; status: number; title: string; detail: string; links: unknown[] }> };

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 1000, failureFixtures: true });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  team = await login(cloud, 'demo', 'demo-team');
});
afterAll(async () => {
  await cloud.close();
});

const api = (method: string, p: string, body?: unknown, token = demo, headers: Record<string, string> = V) =>
  call(cloud, method, `/container-infra/v1${p}`, { token, body, headers });

const detail = (body: unknown) => (body as Errors).errors[0].detail;

async function waitFor(id: string, pred: (c: Cluster | null) => boolean): Promise<Cluster | null> {
  for (let i = 0; i < 300; i++) {
    const r = await api('GET', `/clusters/${id}`);
    const c = r.status === 404 ? null : (r.body as Cluster);
    if (pred(c)) return c;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error(`cluster ${id} never reached the state`);
}

const TEMPLATE = { coe: 'kubernetes', image_id: 'ubuntu-22.04', external_network_id: 'public', flavor_id: 'm1.small', master_flavor_id: 'm1.small', network_driver: 'flannel' };

describe('versions', () => {
  it('serves the root and v1 documents', async () => {
    const root = await call(cloud, 'GET', '/container-infra/');
    expect(root.body).toMatchObject({ name: 'OpenStack Magnum API', versions: [{ id: 'v1', max_version: '1.10', min_version: '1.1' }] });
    const v1 = await call(cloud, 'GET', '/container-infra/v1', { token: demo });
    expect(v1.body).toMatchObject({ id: 'v1', media_types: [{ base: 'application/json' }] });
    expect(v1.headers.get('openstack-api-version')).toBe('container-infra 1.1');
    expect(v1.headers.get('openstack-api-maximum-version')).toBe('container-infra 1.10');
  });
  it('echoes the microversion and refuses unsupported ones', async () => {
    const r = await api('GET', '/clustertemplates', undefined, demo, { 'OpenStack-API-Version': 'container-infra latest' });
    expect(r.headers.get('openstack-api-version')).toBe('container-infra 1.10');
    const bad = await api('GET', '/clustertemplates', undefined, demo, { 'OpenStack-API-Version': 'container-infra 1.99' });
    expect(bad.status).toBe(406);
    expect(bad.body).toMatchObject({ errors: [{ code: 'magnum.microversion-unsupported', max_version: '1.10' }] });
  });
});

describe('cluster templates', () => {
  it('seeds k8s-default in project demo only', async () => {
    const r = await api('GET', '/clustertemplates');
    expect((r.body as { clustertemplates: Array<{ name: string; coe: string }> }).clustertemplates).toEqual([
      expect.objectContaining({ name: 'k8s-default', coe: 'kubernetes', flavor_id: 'm1.small', external_network_id: 'public' }),
    ]);
    const other = await api('GET', '/clustertemplates', undefined, team);
    expect((other.body as { clustertemplates: unknown[] }).clustertemplates).toEqual([]);
  });
  it('creates, shows, patches and deletes', async () => {
    const r = await api('POST', '/clustertemplates', { name: 'ut-ct', ...TEMPLATE, labels: { a: 'b' } });
    expect(r.status).toBe(201);
    const t = r.body as { uuid: string; cluster_distro: string; public: boolean; server_type: string };
    expect(t).toMatchObject({ cluster_distro: 'ubuntu', public: false, server_type: 'vm', tls_disabled: false });
    expect(r.headers.get('location')).toContain(`/v1/clustertemplates/${t.uuid}`);
    expect((await api('GET', '/clustertemplates/ut-ct')).body).toMatchObject({ uuid: t.uuid });
    const p = await api('PATCH', `/clustertemplates/${t.uuid}`, [{ op: 'replace', path: '/docker_volume_size', value: 20 }, { op: 'add', path: '/labels/x', value: 'y' }]);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ docker_volume_size: 20, labels: { a: 'b', x: 'y' } });
    expect((await api('DELETE', `/clustertemplates/${t.uuid}`)).status).toBe(204);
    expect((await api('GET', `/clustertemplates/${t.uuid}`)).status).toBe(404);
  });
  it('resolves the image, flavors and external network by name or ID as the user sees them, as Magnum does', async () => {
    const image = async (name: string, extra: Record<string, unknown> = {}, token = demo) => {
      const r = await call(cloud, 'POST', '/image/v2/images', { token, body: { name, disk_format: 'qcow2', container_format: 'bare', ...extra } });
      expect(r.status).toBe(201);
      return (r.body as { id: string }).id;
    };
    const uploaded = await image('ut-fcos', { os_distro: 'fedora-coreos' });
    const flavorId = ((await call(cloud, 'GET', '/compute/v2.1/flavors', { token: demo })).body as { flavors: Array<{ id: string; name: string }> })
      .flavors.find((f) => f.name === 'm1.small')!.id;
    const publicId = ((await call(cloud, 'GET', '/network/v2.0/networks?name=public', { token: demo })).body as { networks: Array<{ id: string }> }).networks[0].id;
    for (const refs of [
      { image_id: 'ut-fcos', flavor_id: 'm1.small', master_flavor_id: 'm1.small', external_network_id: 'public' },
      { image_id: uploaded, flavor_id: flavorId, master_flavor_id: flavorId, external_network_id: publicId },
    ]) {
      const r = await api('POST', '/clustertemplates', { ...TEMPLATE, ...refs });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      // Magnum keeps the references as given.
      expect(r.body).toMatchObject({ ...refs, cluster_distro: 'fedora-coreos' });
      await api('DELETE', `/clustertemplates/${(r.body as { uuid: string }).uuid}`);
    }
    // Another project's private image is not found; two images of one name cannot be told apart; no os_distro: None.
    await image('ut-private', { os_distro: 'fedora-coreos' }, team);
    await image('ut-twice', { os_distro: 'fedora-coreos' });
    await image('ut-twice', { os_distro: 'fedora-coreos' });
    await image('ut-nodistro');
    for (const [ref, distro] of [['ut-private', 'Unset'], ['ut-twice', 'Unset'], ['ut-nodistro', 'None']]) {
      const r = await api('POST', '/clustertemplates', { ...TEMPLATE, image_id: ref });
      expect(r.status).toBe(400);
      expect(detail(r.body)).toBe(`Cluster type (vm, ${distro}, kubernetes) not supported.`);
    }
    // Two external networks of one name: 409.
    for (let i = 0; i < 2; i++) {
      const n = await call(cloud, 'POST', '/network/v2.0/networks', { token: admin, body: { network: { name: 'ut-ext', 'router:external': true } } });
      expect(n.status).toBe(201);
    }
    const dup = await api('POST', '/clustertemplates', { ...TEMPLATE, external_network_id: 'ut-ext' });
    expect(dup.status).toBe(409);
    expect(detail(dup.body)).toBe("Multiple external networks exist with same name 'ut-ext'. Please use the external network ID instead.");
    // A private network is no external network, even by its exact name.
    const priv = await api('POST', '/clustertemplates', { ...TEMPLATE, external_network_id: 'private' });
    expect(detail(priv.body)).toBe('Unable to find external network private.');
  });
  it('answers bad input as Magnum does', async () => {
    const noCoe = await api('POST', '/clustertemplates', { name: 'x', image_id: 'ubuntu-22.04' });
    expect(noCoe.status).toBe(400);
    expect(noCoe.body).toEqual({
      errors: [{ request_id: '', code: 'client', status: 400, title: 'Requested COE type Unset is not supported', detail: 'Requested COE type Unset is not supported.', links: [] }],
    });
    const noImage = await api('POST', '/clustertemplates', { ...TEMPLATE, image_id: 'nope' });
    expect(detail(noImage.body)).toBe('Cluster type (vm, Unset, kubernetes) not supported.');
    const flavor = await api('POST', '/clustertemplates', { ...TEMPLATE, flavor_id: 'm9.huge' });
    expect(detail(flavor.body)).toBe('Unable to find flavor m9.huge.');
    const net = await api('POST', '/clustertemplates', { ...TEMPLATE, external_network_id: 'nope' });
    expect(detail(net.body)).toBe('Unable to find external network nope.');
    const pub = await api('POST', '/clustertemplates', { ...TEMPLATE, public: true });
    expect(pub.status).toBe(403);
    const malformed = await call(cloud, 'POST', '/container-infra/v1/clustertemplates', { token: demo, headers: { ...V, 'Content-Type': 'application/json' }, rawBody: '{"name":' });
    expect(malformed.status).toBe(400);
    expect(detail(malformed.body)).toBe('Request is not in valid JSON format');
    const missing = await api('GET', '/clustertemplates/nope');
    expect(missing.status).toBe(404);
    expect(detail(missing.body)).toBe('ClusterTemplate nope could not be found.');
  });
});

describe('clusters', () => {
  it('create -> CREATE_COMPLETE, template in use, update, resize, delete', async () => {
    const ct = (await api('POST', '/clustertemplates', { name: 'ut-ct2', ...TEMPLATE })).body as { uuid: string };
    const r = await api('POST', '/clusters', { name: 'ut-cl', cluster_template_id: 'ut-ct2', node_count: 1, master_count: 1 });
    expect(r.status).toBe(202);
    const { uuid } = r.body as { uuid: string };
    const done = (await waitFor(uuid, (c) => c?.status === 'CREATE_COMPLETE'))!;
    expect(done).toMatchObject({ coe_version: 'v1.23.3', health_status: 'HEALTHY', cluster_template_id: ct.uuid });
    expect(done.api_address).toMatch(/^https:\/\/172\.24\.4\.\d+:6443$/);
    expect(done.node_addresses).toHaveLength(1);
    expect(done.stack_id).toBeTruthy();
    const list = await api('GET', '/clusters');
    expect((list.body as { clusters: Cluster[] }).clusters.map((c) => c.uuid)).toContain(uuid);
    expect((await api('GET', '/clusters', undefined, team)).body).toEqual({ clusters: [] });
    expect((await api('GET', `/clusters/${uuid}`, undefined, team)).status).toBe(404);

    const inUse = await api('DELETE', `/clustertemplates/${ct.uuid}`);
    expect(inUse.status).toBe(400);
    expect(detail(inUse.body)).toBe(`ClusterTemplate ${ct.uuid} is referenced by one or multiple clusters.`);

    const upd = await api('PATCH', `/clusters/${uuid}`, [{ op: 'replace', path: '/node_count', value: 3 }]);
    expect(upd.status).toBe(202);
    const updated = (await waitFor(uuid, (c) => c?.status === 'UPDATE_COMPLETE'))!;
    expect(updated.node_count).toBe(3);
    expect(updated.node_addresses).toHaveLength(3);

    const resize = await api('POST', `/clusters/${uuid}/actions/resize`, { node_count: 2 });
    expect(resize.status).toBe(202);
    expect((await waitFor(uuid, (c) => c?.status === 'UPDATE_COMPLETE' && c.node_count === 2))!.node_addresses).toHaveLength(2);

    const ngs = await api('GET', `/clusters/${uuid}/nodegroups`);
    expect((ngs.body as { nodegroups: Array<{ name: string; node_count: number }> }).nodegroups.map((n) => [n.name, n.node_count])).toEqual([
      ['default-master', 1],
      ['default-worker', 2],
    ]);

    expect((await api('DELETE', `/clusters/${uuid}`)).status).toBe(204);
    await waitFor(uuid, (c) => c === null);
    expect((await api('DELETE', `/clustertemplates/${ct.uuid}`)).status).toBe(204);
  });

  it("takes its nodes' addresses from Neutron: floating IPs in the project, never one already handed out", async () => {
    const N = '/network/v2.0';
    const fips = async () => ((await call(cloud, 'GET', `${N}/floatingips`, { token: demo })).body as { floatingips: Array<{ id: string; floating_ip_address: string }> }).floatingips;
    const publicId = ((await call(cloud, 'GET', `${N}/networks?name=public`, { token: demo })).body as { networks: Array<{ id: string }> }).networks[0].id;
    const mine = ((await call(cloud, 'POST', `${N}/floatingips`, { token: demo, body: { floatingip: { floating_network_id: publicId } } })).body as {
      floatingip: { id: string; floating_ip_address: string };
    }).floatingip;
    const before = (await fips()).map((f) => f.floating_ip_address);
    await api('POST', '/clustertemplates', { name: 'ut-ipam', ...TEMPLATE });
    const { uuid } = (await api('POST', '/clusters', { name: 'ut-ipam', cluster_template_id: 'ut-ipam', node_count: 2 })).body as { uuid: string };
    const c = (await waitFor(uuid, (x) => x?.status === 'CREATE_COMPLETE'))!;
    const addrs = [...(c.master_addresses as string[]), ...(c.node_addresses as string[])];
    expect(addrs).toHaveLength(3);
    expect(new Set(addrs).size).toBe(3);
    for (const a of addrs) expect(before).not.toContain(a);
    expect(c.api_address).toBe(`https://${(c.master_addresses as string[])[0]}:6443`);
    expect((await fips()).map((f) => f.floating_ip_address).sort()).toEqual([...before, ...addrs].sort());
    // Resizing down gives a node's floating IP back; deleting the cluster gives back the rest.
    await api('POST', `/clusters/${uuid}/actions/resize`, { node_count: 1 });
    await waitFor(uuid, (x) => x?.status === 'UPDATE_COMPLETE');
    expect(await fips()).toHaveLength(before.length + 2);
    await api('DELETE', `/clusters/${uuid}`);
    await waitFor(uuid, (x) => x === null);
    expect((await fips()).map((f) => f.floating_ip_address).sort()).toEqual([...before].sort());

    // Without floating IPs the nodes sit on the cluster's own private network and take nothing from Neutron.
    const priv = (await api('POST', '/clusters', { name: 'ut-ipam-priv', cluster_template_id: 'ut-ipam', node_count: 1, floating_ip_enabled: false })).body as { uuid: string };
    const p = (await waitFor(priv.uuid, (x) => x?.status === 'CREATE_COMPLETE'))!;
    expect([...(p.master_addresses as string[]), ...(p.node_addresses as string[])]).toEqual(['10.0.0.3', '10.0.0.4']);
    expect(await fips()).toHaveLength(before.length);
    await api('DELETE', `/clusters/${priv.uuid}`);
    await waitFor(priv.uuid, (x) => x === null);
    await api('DELETE', '/clustertemplates/ut-ipam');
    await call(cloud, 'DELETE', `${N}/floatingips/${mine.id}`, { token: demo });
  });

  it('fails the stack, holding nothing, when Neutron has no address to give', async () => {
    const N = '/network/v2.0';
    const DEMO = ((await call(cloud, 'GET', '/identity/v3/auth/tokens', { token: demo, headers: { 'X-Subject-Token': demo } })).body as { token: { project: { id: string } } }).token.project.id;
    const count = async () => ((await call(cloud, 'GET', `${N}/floatingips`, { token: demo })).body as { floatingips: unknown[] }).floatingips.length;
    const held = await count();
    expect((await call(cloud, 'PUT', `${N}/quotas/${DEMO}`, { token: admin, body: { quota: { floatingip: held + 1 } } })).status).toBe(200);
    try {
      await api('POST', '/clustertemplates', { name: 'ut-quota', ...TEMPLATE });
      const { uuid } = (await api('POST', '/clusters', { name: 'ut-quota', cluster_template_id: 'ut-quota', node_count: 1 })).body as { uuid: string };
      const c = (await waitFor(uuid, (x) => x?.status === 'CREATE_FAILED'))!;
      expect(c.status_reason).toContain('Quota exceeded for resources: [\'floatingip\']');
      expect(c.master_addresses).toEqual([]);
      expect(await count()).toBe(held);
      await api('DELETE', `/clusters/${uuid}`);
      await waitFor(uuid, (x) => x === null);
      await api('DELETE', '/clustertemplates/ut-quota');
    } finally {
      await call(cloud, 'PUT', `${N}/quotas/${DEMO}`, { token: admin, body: { quota: { floatingip: 50 } } });
    }
  });

  it('passes through CREATE_IN_PROGRESS and DELETE_IN_PROGRESS at normal speed', async () => {
    const slow = await startTestCloud({ speed: 1 });
    try {
      const tok = await login(slow, 'demo', 'demo');
      const r = await call(slow, 'POST', '/container-infra/v1/clusters', { token: tok, headers: V, body: { name: 'slow', cluster_template_id: 'k8s-default' } });
      const { uuid } = r.body as { uuid: string };
      const c = (await call(slow, 'GET', `/container-infra/v1/clusters/${uuid}`, { token: tok, headers: V })).body as Cluster;
      expect(c).toMatchObject({ status: 'CREATE_IN_PROGRESS', api_address: null, node_addresses: [] });
      const upd = await call(slow, 'PATCH', `/container-infra/v1/clusters/${uuid}`, { token: tok, headers: V, body: [{ op: 'replace', path: '/node_count', value: 2 }] });
      expect(upd.status).toBe(400);
      await call(slow, 'DELETE', `/container-infra/v1/clusters/${uuid}`, { token: tok, headers: V });
      const d = (await call(slow, 'GET', `/container-infra/v1/clusters/${uuid}`, { token: tok, headers: V })).body as Cluster;
      expect(d.status).toBe('DELETE_IN_PROGRESS');
    } finally {
      await slow.close();
    }
  });

  it('fails clusters of fail-* templates with a status_reason', async () => {
    await api('POST', '/clustertemplates', { name: 'fail-ct', ...TEMPLATE });
    const { uuid } = (await api('POST', '/clusters', { name: 'ut-fail', cluster_template_id: 'fail-ct' })).body as { uuid: string };
    const c = (await waitFor(uuid, (x) => x?.status === 'CREATE_FAILED'))!;
    expect(String(c.status_reason)).toMatch(/No valid host was found/);
  });

  it('answers bad input as Magnum does', async () => {
    const noTpl = await api('POST', '/clusters', { name: 'x' });
    expect(detail(noTpl.body)).toBe("Invalid input for field/attribute cluster_template_id. Value: 'None'. Mandatory field missing.");
    const unknown = await api('POST', '/clusters', { name: 'x', cluster_template_id: 'nope' });
    expect(unknown.status).toBe(404);
    expect(detail(unknown.body)).toBe('ClusterTemplate nope could not be found.');
    const masters = await api('POST', '/clusters', { name: 'x', cluster_template_id: 'k8s-default', master_count: 3 });
    expect(detail(masters.body)).toBe('master_count must be 1 when master_lb_enabled is False');
    const kp = await api('POST', '/clusters', { name: 'x', cluster_template_id: 'k8s-default', keypair: 'nope' });
    expect(kp.status).toBe(404);
    expect(detail(kp.body)).toBe('Unable to find keypair nope.');
    expect(detail((await api('GET', '/clusters/nope')).body)).toBe('Cluster nope could not be found.');
  });
});

describe('certificates', () => {
  it('serves a real CA and signs CSRs with it', async () => {
    const { uuid } = (await api('POST', '/clusters', { name: 'ut-cert', cluster_template_id: 'k8s-default' })).body as { uuid: string };
    await waitFor(uuid, (c) => c?.status === 'CREATE_COMPLETE');
    const ca = await api('GET', `/certificates/${uuid}`);
    expect(ca.status).toBe(200);
    const caPem = (ca.body as { pem: string; cluster_uuid: string }).pem;
    expect(ca.body).toMatchObject({ cluster_uuid: uuid, bay_uuid: uuid });
    const caCert = forge.pki.certificateFromPem(caPem);
    expect(caCert.getExtension('basicConstraints')).toMatchObject({ cA: true });

    const keys = forge.pki.rsa.generateKeyPair(1024);
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = keys.publicKey;
    csr.setSubject([{ name: 'commonName', value: 'admin' }, { name: 'organizationName', value: 'system:masters' }]);
    csr.sign(keys.privateKey);
    const signed = await api('POST', '/certificates', { cluster_uuid: uuid, csr: forge.pki.certificationRequestToPem(csr) });
    expect(signed.status).toBe(201);
    const pem = (signed.body as { pem: string }).pem;
    expect(caCert.verify(forge.pki.certificateFromPem(pem))).toBe(true);
    // openssl agrees (the kubeconfig `openstack coe cluster config` writes must work).
    const dir = mkdtempSync(path.join(tmpdir(), 'magnum-ca-'));
    writeFileSync(path.join(dir, 'ca.pem'), caPem);
    writeFileSync(path.join(dir, 'cert.pem'), pem);
    expect(execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'ca.pem'), path.join(dir, 'cert.pem')]).toString()).toMatch(/OK/);
    // Same CA on the next call.
    expect(((await api('GET', `/certificates/${uuid}`)).body as { pem: string }).pem).toBe(caPem);
    const bad = await api('POST', '/certificates', { cluster_uuid: uuid, csr: 'garbage' });
    expect(bad.status).toBe(400);
  });
  it('is project-scoped', async () => {
    const r = await api('GET', '/certificates/nope', undefined, admin);
    expect(r.status).toBe(404);
  });
});
