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

describe('an exported template on the demo cloud', () => {
  it('recreates a network with its subnet, a router with its interface and two servers', async () => {
    const nets = (await get('/network/v2.0/networks')).networks as Row[];
    const pub = nets.find((n) => n['router:external'])!;
    const image = ((await get('/image/v2/images')).images as Row[]).find((i) => i.name === 'cirros')!;
    const flavor = ((await get('/compute/v2.1/flavors')).flavors as Row[]).find((f) => f.name === 'm1.tiny')!;
    const net = (await req('POST', '/network/v2.0/networks', { network: { name: 'iac-net' } })).network as Row;
    const sub = (await req('POST', '/network/v2.0/subnets', { subnet: { name: 'iac-sub', network_id: net.id, cidr: '10.77.0.0/24', ip_version: 4 } })).subnet as Row;
    const router = (await req('POST', '/network/v2.0/routers', { router: { name: 'iac-router', external_gateway_info: { network_id: pub.id } } })).router as Row;
    await req('PUT', `/network/v2.0/routers/${String(router.id)}/add_router_interface`, { subnet_id: sub.id });
    const ids: string[] = [];
    for (const name of ['iac-1', 'iac-2']) {
      const s = await req('POST', '/compute/v2.1/servers', { server: { name, imageRef: image.id, flavorRef: flavor.id, networks: [{ uuid: net.id }] } }, COMPUTE_HEADERS);
      ids.push(String((s.server as Row).id));
    }
    const servers = await Promise.all(ids.map((id) => until(`server ${id} ACTIVE`, async () => {
      const s = (await get(`/compute/v2.1/servers/${id}`, COMPUTE_HEADERS)).server as Row;
      return s.status === 'ACTIVE' ? s : undefined;
    })));

    // What the export page reads.
    const inventory = {
      ports: (await get('/network/v2.0/ports')).ports as never,
      subnets: (await get('/network/v2.0/subnets')).subnets as never,
      networks: (await get('/network/v2.0/networks')).networks as never,
      images: Object.fromEntries(((await get('/image/v2/images')).images as Row[]).map((i) => [String(i.id), String(i.name)])),
      flavors: {},
    };
    const liveNet = (await get(`/network/v2.0/networks/${String(net.id)}`)).network;
    const liveRouter = (await get(`/network/v2.0/routers/${String(router.id)}`)).router;
    const { yaml, warnings } = heatTemplateFor([{ slug: 'networks', row: liveNet }, { slug: 'routers', row: liveRouter }, ...servers.map((row) => ({ slug: 'instances', row }))], inventory);
    expect(warnings).toEqual([]);

    const valid = await req('POST', `${heat}/validate`, { template: yaml });
    expect(Object.keys(valid.Parameters as Row).sort()).toEqual(['flavor_m1_tiny', 'image_cirros', 'network_public']);

    const created = await req('POST', `${heat}/stacks`, { stack_name: 'iac-copy', template: yaml });
    const stackId = String((created.stack as Row).id);
    const stack = await until('the stack settles', async () => {
      const s = (await get(`${heat}/stacks/iac-copy/${stackId}`)).stack as Row;
      return String(s.stack_status).endsWith('_IN_PROGRESS') ? undefined : s;
    });
    expect(stack.stack_status, String(stack.stack_status_reason)).toBe('CREATE_COMPLETE');
    const resources = ((await get(`${heat}/stacks/iac-copy/${stackId}/resources`)).resources as Row[]).map((r) => [r.resource_name, r.resource_type, r.physical_resource_id] as const);
    expect(resources.map(([n, t]) => `${String(n)} ${String(t)}`).sort()).toEqual([
      'net_iac_net OS::Neutron::Net', 'router_iac_router OS::Neutron::Router', 'router_iac_router_if_subnet_iac_sub OS::Neutron::RouterInterface',
      'server_iac_1 OS::Nova::Server', 'server_iac_2 OS::Nova::Server', 'subnet_iac_sub OS::Neutron::Subnet',
    ]);
    // New objects, named as the old ones, the copies' servers on the copy's network.
    const physical = Object.fromEntries(resources.map(([n, , id]) => [String(n), String(id)]));
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
    const nets = (await get('/network/v2.0/networks')).networks as Row[];
    const pub = nets.find((n) => n['router:external'])!;
    const image = ((await get('/image/v2/images')).images as Row[]).find((i) => i.name === 'cirros')!;
    const flavor = ((await get('/compute/v2.1/flavors')).flavors as Row[]).find((f) => f.name === 'm1.tiny')!;
    const net = (await req('POST', '/network/v2.0/networks', { network: { name: 'edge-net' } })).network as Row;
    const sub = (await req('POST', '/network/v2.0/subnets', { subnet: { name: 'edge-sub', network_id: net.id, cidr: '10.78.0.0/24', ip_version: 4 } })).subnet as Row;
    const router = (await req('POST', '/network/v2.0/routers', { router: { name: 'edge-router', external_gateway_info: { network_id: pub.id } } })).router as Row;
    await req('PUT', `/network/v2.0/routers/${String(router.id)}/add_router_interface`, { subnet_id: sub.id });
    const sg = (await req('POST', '/network/v2.0/security-groups', { security_group: { name: 'edge-web', description: 'web in' } })).security_group as Row;
    await req('POST', '/network/v2.0/security-group-rules', { security_group_rule: { security_group_id: sg.id, direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0' } });
    const made = await req('POST', '/compute/v2.1/servers', { server: { name: 'edge-vm', imageRef: image.id, flavorRef: flavor.id, networks: [{ uuid: net.id }], security_groups: [{ name: 'edge-web' }] } }, COMPUTE_HEADERS);
    const serverId = String((made.server as Row).id);
    await until('server ACTIVE', async () => (((await get(`/compute/v2.1/servers/${serverId}`, COMPUTE_HEADERS)).server as Row).status === 'ACTIVE' ? true : undefined));
    const [port] = (await get(`/network/v2.0/ports?device_id=${serverId}`)).ports as Row[];
    const fip = (await req('POST', '/network/v2.0/floatingips', { floatingip: { floating_network_id: pub.id, port_id: port.id } })).floatingip as Row;
    const vol = (await req('POST', `${cinder}/volumes`, { volume: { name: 'edge-data', size: 1 } })).volume as Row;
    await until('volume available', async () => (((await get(`${cinder}/volumes/${String(vol.id)}`)).volume as Row).status === 'available' ? true : undefined));
    await req('POST', `/compute/v2.1/servers/${serverId}/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id } }, COMPUTE_HEADERS);
    await until('volume in-use', async () => (((await get(`${cinder}/volumes/${String(vol.id)}`)).volume as Row).status === 'in-use' ? true : undefined));

    const inventory = {
      ports: (await get('/network/v2.0/ports')).ports as never,
      subnets: (await get('/network/v2.0/subnets')).subnets as never,
      networks: (await get('/network/v2.0/networks')).networks as never,
      images: { [String(image.id)]: 'cirros' },
      flavors: {},
    };
    const items = [
      { slug: 'networks', row: (await get(`/network/v2.0/networks/${String(net.id)}`)).network },
      { slug: 'routers', row: (await get(`/network/v2.0/routers/${String(router.id)}`)).router },
      { slug: 'security-groups', row: (await get(`/network/v2.0/security-groups/${String(sg.id)}`)).security_group },
      { slug: 'instances', row: (await get(`/compute/v2.1/servers/${serverId}`, COMPUTE_HEADERS)).server },
      { slug: 'floating-ips', row: (await get(`/network/v2.0/floatingips/${String(fip.id)}`)).floatingip },
      { slug: 'volumes', row: (await get(`${cinder}/volumes/${String(vol.id)}`)).volume },
    ];
    const { yaml, warnings } = heatTemplateFor(items, inventory);
    expect(warnings).toEqual([]);
    const created = await req('POST', `${heat}/stacks`, { stack_name: 'edge-copy', template: yaml });
    const stackId = String((created.stack as Row).id);
    const stack = await until('the stack settles', async () => {
      const s = (await get(`${heat}/stacks/edge-copy/${stackId}`)).stack as Row;
      return String(s.stack_status).endsWith('_IN_PROGRESS') ? undefined : s;
    });
    expect(stack.stack_status, String(stack.stack_status_reason)).toBe('CREATE_COMPLETE');
    const physical = Object.fromEntries(((await get(`${heat}/stacks/edge-copy/${stackId}/resources`)).resources as Row[]).map((r) => [String(r.resource_name), String(r.physical_resource_id)]));
    expect(Object.keys(physical).sort()).toEqual([
      'fip_' + String(fip.floating_ip_address).replace(/\./g, '_'), 'net_edge_net', 'router_edge_router', 'router_edge_router_if_subnet_edge_sub',
      'server_edge_vm', 'sg_edge_web', 'subnet_edge_sub', 'volume_edge_data', 'volume_edge_data_on_server_edge_vm',
    ]);
    // The copy's floating IP is on the copy's server, the copy's volume attached to it, its group on its port.
    const copyPorts = (await get(`/network/v2.0/ports?device_id=${physical.server_edge_vm}`)).ports as Row[];
    const copyFip = (await get(`/network/v2.0/floatingips/${physical['fip_' + String(fip.floating_ip_address).replace(/\./g, '_')]}`)).floatingip as Row;
    expect(copyFip.port_id).toBe(copyPorts[0].id);
    expect(copyPorts[0].security_groups).toEqual([physical.sg_edge_web]);
    const copyVol = (await get(`${cinder}/volumes/${physical.volume_edge_data}`)).volume as Row;
    expect(copyVol).toMatchObject({ status: 'in-use', size: 1, attachments: [{ server_id: physical.server_edge_vm }] });
  }, 60_000);
});

