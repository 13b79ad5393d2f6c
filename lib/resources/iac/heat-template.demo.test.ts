// The exported template against the demo cloud's Heat: live objects made through the APIs, read back as the pages
// read them, exported, validated and launched as a stack that recreates them (what e2e/heat-export.spec.ts does
// through the pages, here at the API with every resource type the export writes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '@/lib/demo-cloud/server';
import { call, login, startTestCloud } from '@/lib/demo-cloud/test-helpers';
import { COMPUTE_HEADERS } from '../compute/server';
import { heatTemplateFor } from './heat-template';

type Row = Record<string, unknown>;
let cloud: DemoCloud;
let token: string;
let heat: string;
let cinder: string;

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 200 });
  token = await login(cloud, 'demo', 'demo');
  const r = await call(cloud, 'GET', '/identity/v3/auth/tokens', { token, headers: { 'X-Subject-Token': token } });
  const project = (r.body as { token: { project: { id: string } } }).token.project.id;
  heat = `/orchestration/v1/${project}`;
  cinder = `/volume/v3/${project}`;
}, 30_000);
afterAll(() => cloud?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function req(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Row> {
  const r = await call(cloud, method, path, { token, body, headers });
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return (r.body ?? {}) as Row;
}
const get = (path: string, headers?: Record<string, string>) => req('GET', path, undefined, headers);
async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await read();
    if (v !== undefined) return v;
    await sleep(20);
  }
  throw new Error(`${what} never happened`);
}

/** The cloud's external network, the cirros image and the m1.tiny flavor: what the originals are made of. */
async function basics() {
  const pub = ((await get('/network/v2.0/networks')).networks as Row[]).find((n) => n['router:external'])!;
  const image = ((await get('/image/v2/images')).images as Row[]).find((i) => i.name === 'cirros')!;
  const flavor = ((await get('/compute/v2.1/flavors')).flavors as Row[]).find((f) => f.name === 'm1.tiny')!;
  return { pub, image, flavor };
}

/** A network `<p>-net` with a subnet `<p>-sub` and a router `<p>-router` from it to the external network. */
async function routedNetwork(p: string, cidr: string, pub: Row) {
  const net = (await req('POST', '/network/v2.0/networks', { network: { name: `${p}-net` } })).network as Row;
  const sub = (await req('POST', '/network/v2.0/subnets', { subnet: { name: `${p}-sub`, network_id: net.id, cidr, ip_version: 4 } })).subnet as Row;
  const router = (await req('POST', '/network/v2.0/routers', { router: { name: `${p}-router`, external_gateway_info: { network_id: pub.id } } })).router as Row;
  await req('PUT', `/network/v2.0/routers/${String(router.id)}/add_router_interface`, { subnet_id: sub.id });
  return { net, router };
}

/** Boots a server and answers it once ACTIVE, as the list reads it. */
async function activeServer(server: Row): Promise<Row> {
  const made = await req('POST', '/compute/v2.1/servers', { server }, COMPUTE_HEADERS);
  const id = String((made.server as Row).id);
  return until(`server ${id} ACTIVE`, async () => {
    const s = (await get(`/compute/v2.1/servers/${id}`, COMPUTE_HEADERS)).server as Row;
    return s.status === 'ACTIVE' ? s : undefined;
  });
}

/** What the export page reads besides the rows. */
async function inventory(image: Row) {
  return {
    ports: (await get('/network/v2.0/ports')).ports as never,
    subnets: (await get('/network/v2.0/subnets')).subnets as never,
    networks: (await get('/network/v2.0/networks')).networks as never,
    images: { [String(image.id)]: String(image.name) },
    flavors: {},
  };
}

/** Launches the template as `name` and answers its resources' physical ids by name once CREATE_COMPLETE. */
async function launch(name: string, yaml: string): Promise<{ stackId: string; physical: Record<string, string> }> {
  const created = await req('POST', `${heat}/stacks`, { stack_name: name, template: yaml });
  const stackId = String((created.stack as Row).id);
  const stack = await until('the stack settles', async () => {
    const s = (await get(`${heat}/stacks/${name}/${stackId}`)).stack as Row;
    return String(s.stack_status).endsWith('_IN_PROGRESS') ? undefined : s;
  });
  expect(stack.stack_status, String(stack.stack_status_reason)).toBe('CREATE_COMPLETE');
  const resources = (await get(`${heat}/stacks/${name}/${stackId}/resources`)).resources as Row[];
  return { stackId, physical: Object.fromEntries(resources.map((r) => [String(r.resource_name), String(r.physical_resource_id)])) };
}

describe('an exported template on the demo cloud', () => {
  it('recreates a network with its subnet, a router with its interface and two servers', async () => {
    const { pub, image, flavor } = await basics();
    const { net, router } = await routedNetwork('iac', '10.77.0.0/24', pub);
    const servers = [];
    for (const name of ['iac-1', 'iac-2']) servers.push(await activeServer({ name, imageRef: image.id, flavorRef: flavor.id, networks: [{ uuid: net.id }] }));
    const liveNet = (await get(`/network/v2.0/networks/${String(net.id)}`)).network;
    const liveRouter = (await get(`/network/v2.0/routers/${String(router.id)}`)).router;
    const { yaml, warnings } = heatTemplateFor([{ slug: 'networks', row: liveNet }, { slug: 'routers', row: liveRouter }, ...servers.map((row) => ({ slug: 'instances', row }))], await inventory(image));
    expect(warnings).toEqual([]);

    const valid = await req('POST', `${heat}/validate`, { template: yaml });
    expect(Object.keys(valid.Parameters as Row).sort()).toEqual(['flavor_m1_tiny', 'image_cirros', 'network_public']);

    const { stackId, physical } = await launch('iac-copy', yaml);
    expect(Object.keys(physical).sort()).toEqual(['net_iac_net', 'router_iac_router', 'router_iac_router_if_subnet_iac_sub', 'server_iac_1', 'server_iac_2', 'subnet_iac_sub']);
    // New objects, named as the old ones, the copies' servers on the copy's network.
    expect(physical.net_iac_net).not.toBe(net.id);
    const copy = (await get(`/compute/v2.1/servers/${physical.server_iac_1}`, COMPUTE_HEADERS)).server as Row;
    expect(copy).toMatchObject({ name: 'iac-1', status: 'ACTIVE' });
    const copyPorts = (await get(`/network/v2.0/ports?device_id=${physical.server_iac_1}`)).ports as Row[];
    expect(copyPorts.map((p) => p.network_id)).toEqual([physical.net_iac_net]);
    const copyRouter = (await get(`/network/v2.0/routers/${physical.router_iac_router}`)).router as Row;
    expect((copyRouter.external_gateway_info as Row).network_id).toBe(pub.id);

    await req('DELETE', `${heat}/stacks/iac-copy/${stackId}`);
    // Heat still answers a deleted stack by its id, as DELETE_COMPLETE.
    await until('the stack is deleted', async () => {
      const r = await call(cloud, 'GET', `${heat}/stacks/iac-copy/${stackId}`, { token });
      return r.status === 404 || (r.body as { stack?: Row }).stack?.stack_status === 'DELETE_COMPLETE' ? true : undefined;
    });
    expect((await call(cloud, 'GET', `/network/v2.0/networks/${physical.net_iac_net}`, { token })).status).toBe(404);
  }, 60_000);

  it('recreates a security group, a floating IP on a server and a volume attached to it', async () => {
    const { pub, image, flavor } = await basics();
    const { net, router } = await routedNetwork('edge', '10.78.0.0/24', pub);
    const sg = (await req('POST', '/network/v2.0/security-groups', { security_group: { name: 'edge-web', description: 'web in' } })).security_group as Row;
    await req('POST', '/network/v2.0/security-group-rules', { security_group_rule: { security_group_id: sg.id, direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0' } });
    const server = await activeServer({ name: 'edge-vm', imageRef: image.id, flavorRef: flavor.id, networks: [{ uuid: net.id }], security_groups: [{ name: 'edge-web' }] });
    const serverId = String(server.id);
    const [port] = (await get(`/network/v2.0/ports?device_id=${serverId}`)).ports as Row[];
    const fip = (await req('POST', '/network/v2.0/floatingips', { floatingip: { floating_network_id: pub.id, port_id: port.id } })).floatingip as Row;
    const vol = (await req('POST', `${cinder}/volumes`, { volume: { name: 'edge-data', size: 1 } })).volume as Row;
    const volumeIs = (status: string) => async () => (((await get(`${cinder}/volumes/${String(vol.id)}`)).volume as Row).status === status ? true : undefined);
    await until('volume available', volumeIs('available'));
    await req('POST', `/compute/v2.1/servers/${serverId}/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id } }, COMPUTE_HEADERS);
    await until('volume in-use', volumeIs('in-use'));

    const items = [
      { slug: 'networks', row: (await get(`/network/v2.0/networks/${String(net.id)}`)).network },
      { slug: 'routers', row: (await get(`/network/v2.0/routers/${String(router.id)}`)).router },
      { slug: 'security-groups', row: (await get(`/network/v2.0/security-groups/${String(sg.id)}`)).security_group },
      { slug: 'instances', row: (await get(`/compute/v2.1/servers/${serverId}`, COMPUTE_HEADERS)).server },
      { slug: 'floating-ips', row: (await get(`/network/v2.0/floatingips/${String(fip.id)}`)).floatingip },
      { slug: 'volumes', row: (await get(`${cinder}/volumes/${String(vol.id)}`)).volume },
    ];
    const { yaml, warnings } = heatTemplateFor(items, await inventory(image));
    expect(warnings).toEqual([]);
    const { physical } = await launch('edge-copy', yaml);
    const fipName = `fip_${String(fip.floating_ip_address).replace(/\./g, '_')}`;
    expect(Object.keys(physical).sort()).toEqual([
      fipName, 'net_edge_net', 'router_edge_router', 'router_edge_router_if_subnet_edge_sub', 'server_edge_vm', 'sg_edge_web', 'subnet_edge_sub', 'volume_edge_data', 'volume_edge_data_on_server_edge_vm',
    ]);
    // The copy's floating IP is on the copy's server, the copy's volume attached to it, its group on its port.
    const copyPorts = (await get(`/network/v2.0/ports?device_id=${physical.server_edge_vm}`)).ports as Row[];
    const copyFip = (await get(`/network/v2.0/floatingips/${physical[fipName]}`)).floatingip as Row;
    expect(copyFip.port_id).toBe(copyPorts[0].id);
    expect(copyPorts[0].security_groups).toEqual([physical.sg_edge_web]);
    const copyVol = (await get(`${cinder}/volumes/${physical.volume_edge_data}`)).volume as Row;
    expect(copyVol).toMatchObject({ status: 'in-use', size: 1, attachments: [{ server_id: physical.server_edge_vm }] });
  }, 60_000);
});
