import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { heatTemplateFor, hotName, inventoryParts, toYaml } from './heat-template';
import type { HeatInventory } from './heat-types';

const net = { id: 'n1', name: 'web-net', status: 'ACTIVE', admin_state_up: true, subnets: ['s1'], shared: false };
const ext = { id: 'ext', name: 'public', status: 'ACTIVE', admin_state_up: true, 'router:external': true, subnets: ['es'] };
const other = { id: 'n9', name: 'private', status: 'ACTIVE', admin_state_up: true, subnets: [] };
const subnet = { id: 's1', name: 'web-sub', network_id: 'n1', ip_version: 4, cidr: '10.1.0.0/24', gateway_ip: '10.1.0.1', enable_dhcp: true, dns_nameservers: [], allocation_pools: [{ start: '10.1.0.2', end: '10.1.0.254' }] };
const router = { id: 'r1', name: 'edge', status: 'ACTIVE', admin_state_up: true, external_gateway_info: { network_id: 'ext', enable_snat: true } };
const server = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id, name, status: 'ACTIVE', created: '2026-01-01T00:00:00Z', image: { id: 'img1' }, flavor: { original_name: 'm1.tiny' }, addresses: { 'web-net': [{ addr: '10.1.0.5' }] },
  key_name: 'mykey', security_groups: [{ name: 'default' }, { name: 'web' }, { name: 'web' }], ...extra,
});
const group = {
  id: 'g1', name: 'web', description: 'HTTP in',
  security_group_rules: [
    { id: 'r-a', security_group_id: 'g1', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0' },
    { id: 'r-b', security_group_id: 'g1', direction: 'ingress', ethertype: 'IPv4', protocol: null, remote_group_id: 'g1' },
    { id: 'r-c', security_group_id: 'g1', direction: 'ingress', ethertype: 'IPv4', protocol: null, remote_group_id: 'g-other' },
  ],
};
const fip = { id: 'f1', floating_ip_address: '203.0.113.9', floating_network_id: 'ext', port_id: 'p-srv1', status: 'ACTIVE' };
const volume = (id: string, name: string, serverId: string) => ({ id, name, status: 'in-use', size: 2, attachments: [{ server_id: serverId, device: '/dev/vdb' }] });

const port = (id: string, device: string, owner: string, networkId: string, subnetId: string, ip: string) => ({ id, device_id: device, device_owner: owner, network_id: networkId, fixed_ips: [{ subnet_id: subnetId, ip_address: ip }] });
const inventory: HeatInventory = {
  ports: [
    port('p-if', 'r1', 'network:router_interface', 'n1', 's1', '10.1.0.1'),
    port('p-if2', 'r1', 'network:router_interface', 'n9', 's9', '10.9.0.1'),
    port('p-gw', 'r1', 'network:router_gateway', 'ext', 'es', '203.0.113.2'),
    port('p-srv1', 'v1', 'compute:nova', 'n1', 's1', '10.1.0.5'),
    port('p-srv2', 'v2', 'compute:nova', 'n1', 's1', '10.1.0.6'),
    port('p-srv3', 'v3', 'compute:nova', 'n9', 's9', '10.9.0.7'),
  ],
  subnets: [subnet, { id: 's9', name: 'private-sub', network_id: 'n9', cidr: '10.9.0.0/24', ip_version: 4 }],
  networks: [net, ext, other],
  images: { img1: 'cirros' },
  flavors: {},
};

const resources = (r: ReturnType<typeof heatTemplateFor>) => r.template.resources as Record<string, { type: string; properties: Record<string, unknown>; depends_on?: string[] }>;
const keys = (r: ReturnType<typeof heatTemplateFor>) => r.warnings.map((w) => (typeof w === 'string' ? w : w.key));

describe('heatTemplateFor', () => {
  const done = heatTemplateFor(
    [
      { slug: 'networks', row: net },
      { slug: 'routers', row: router },
      { slug: 'instances', row: server('v1', 'web-1') },
      { slug: 'instances', row: server('v2', 'web-2') },
    ],
    inventory,
  );

  it('recreates a network with its subnet, a router with its interface and two servers, by reference', () => {
    const res = resources(done);
    expect(Object.keys(res)).toEqual(['net_web_net', 'subnet_web_sub', 'router_edge', 'router_edge_if_subnet_web_sub', 'server_web_1', 'server_web_2']);
    expect(res.net_web_net).toEqual({ type: 'OS::Neutron::Net', properties: { name: 'web-net' } });
    expect(res.subnet_web_sub.properties).toEqual({
      name: 'web-sub', network: { get_resource: 'net_web_net' }, ip_version: 4, cidr: '10.1.0.0/24', gateway_ip: '10.1.0.1', enable_dhcp: true,
      allocation_pools: [{ start: '10.1.0.2', end: '10.1.0.254' }],
    });
    expect(res.router_edge.properties).toEqual({ name: 'edge', external_gateway_info: { network: { get_param: 'network_public' } } });
    expect(res.router_edge_if_subnet_web_sub).toEqual({ type: 'OS::Neutron::RouterInterface', properties: { router: { get_resource: 'router_edge' }, subnet: { get_resource: 'subnet_web_sub' } } });
    expect(res.server_web_1.properties).toEqual({
      name: 'web-1', image: { get_param: 'image_cirros' }, flavor: { get_param: 'flavor_m1_tiny' }, key_name: { get_param: 'key_name_mykey' },
      networks: [{ subnet: { get_resource: 'subnet_web_sub' } }], security_groups: ['default', 'web'],
    });
  });

  it('makes parameters of what it does not recreate, defaulting to the current names, and no ids anywhere', () => {
    expect(done.template.parameters).toEqual({
      image_cirros: { type: 'string', label: 'Image', description: expect.any(String), default: 'cirros', constraints: [{ custom_constraint: 'glance.image' }] },
      flavor_m1_tiny: { type: 'string', label: 'Flavor', description: expect.any(String), default: 'm1.tiny', constraints: [{ custom_constraint: 'nova.flavor' }] },
      key_name_mykey: { type: 'string', label: 'Key pair', description: expect.any(String), default: 'mykey', constraints: [{ custom_constraint: 'nova.keypair' }] },
      network_public: { type: 'string', label: 'Network', description: expect.any(String), default: 'public', constraints: [{ custom_constraint: 'neutron.network' }] },
    });
    for (const id of ['n1', 's1', 'r1', 'v1', 'v2', 'ext', 'img1']) expect(done.yaml).not.toMatch(new RegExp(`\\b${id}\\b`));
    // The interface on the private subnet is not chosen: said, not silently dropped.
    expect(keys(done)).toEqual(['iac.warnings.interfaceOutside']);
  });

  it('serialises as HOT that reads back as the same template', () => {
    expect(done.yaml.startsWith('heat_template_version: 2018-08-31\n')).toBe(true);
    expect(parse(done.yaml)).toEqual({ ...done.template, heat_template_version: '2018-08-31' });
  });

  it('ties a floating IP, a security group and a volume to the chosen servers', () => {
    const r = heatTemplateFor(
      [
        { slug: 'instances', row: server('v1', 'web-1') },
        { slug: 'floating-ips', row: fip },
        { slug: 'security-groups', row: group },
        { slug: 'volumes', row: volume('vol1', 'data', 'v1') },
        { slug: 'volumes', row: volume('vol2', 'logs', 'elsewhere') },
      ],
      inventory,
    );
    const res = resources(r);
    // The server's network is not chosen: its floating IP rides on a port Heat makes on the subnet, a parameter.
    expect(res.server_web_1.properties.networks).toEqual([{ subnet: { get_param: 'subnet_web_sub' }, floating_ip: { get_resource: 'fip_203_0_113_9' } }]);
    expect(Object.keys(r.template.parameters as object)).toEqual(['image_cirros', 'flavor_m1_tiny', 'key_name_mykey', 'network_public', 'subnet_web_sub']);
    expect(res.server_web_1.properties.security_groups).toEqual(['default', { get_resource: 'sg_web' }]);
    expect(res.fip_203_0_113_9).toEqual({ type: 'OS::Neutron::FloatingIP', properties: { floating_network: { get_param: 'network_public' } } });
    expect(res.sg_web.properties.rules).toEqual([
      { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 80, port_range_max: 80, remote_ip_prefix: '0.0.0.0/0' },
      { direction: 'ingress', ethertype: 'IPv4', remote_mode: 'remote_group_id' },
    ]);
    expect(res.volume_data_on_server_web_1).toEqual({ type: 'OS::Cinder::VolumeAttachment', properties: { instance_uuid: { get_resource: 'server_web_1' }, volume_id: { get_resource: 'volume_data' } } });
    expect(res.volume_logs.properties).toEqual({ name: 'logs', size: 2 });
    expect(keys(r)).toEqual(['iac.warnings.remoteGroupOutside', 'iac.warnings.attachedOutside']);
  });

  it('makes a server with a floating IP wait for the router interface on its subnet', () => {
    const r = heatTemplateFor([{ slug: 'networks', row: net }, { slug: 'routers', row: router }, { slug: 'instances', row: server('v1', 'web-1') }, { slug: 'floating-ips', row: fip }], inventory);
    const res = resources(r);
    expect(res.server_web_1.properties.networks).toEqual([{ subnet: { get_resource: 'subnet_web_sub' }, floating_ip: { get_resource: 'fip_203_0_113_9' } }]);
    expect(res.server_web_1.depends_on).toEqual(['router_edge_if_subnet_web_sub']);
    // Without the floating IP nothing orders them.
    expect(resources(done).server_web_1.depends_on).toBeUndefined();
  });

  it('leaves out what Heat cannot recreate, and says why', () => {
    const r = heatTemplateFor(
      [
        { slug: 'networks', row: ext },
        { slug: 'security-groups', row: { ...group, id: 'g0', name: 'default', security_group_rules: [] } },
        { slug: 'instances', row: server('v4', 'from-volume', { image: '' }) },
        { slug: 'floating-ips', row: fip },
        { slug: 'zones', row: { id: 'z' } },
        { slug: 'routers', row: { id: 'broken' } },
      ],
      inventory,
    );
    expect(keys(r)).toEqual(['iac.warnings.externalNetwork', 'iac.warnings.defaultGroup', 'iac.warnings.bootFromVolume', 'iac.warnings.notExportable', 'iac.warnings.unreadable', 'iac.warnings.floatingIpOutside']);
    expect(Object.keys(resources(r))).toEqual(['fip_203_0_113_9']);
  });

  it('works from rows alone: without ports, a server takes the networks its addresses name', () => {
    const r = heatTemplateFor([{ slug: 'network', row: net }, { slug: 'server', row: server('v1', 'web-1') }]);
    expect(resources(r).server_web_1.properties.networks).toEqual([{ network: { get_resource: 'net_web_net' } }]);
    // No image names: the parameter defaults to the id, and the warning says so.
    expect(keys(r)).toEqual(['iac.warnings.imageUnknown']);
  });

  it('names resources uniquely, and the same object chosen twice once', () => {
    const r = heatTemplateFor([{ slug: 'networks', row: net }, { slug: 'networks', row: net }, { slug: 'networks', row: { ...net, id: 'n2', subnets: [] } }, { slug: 'networks', row: { ...net, id: 'n3', name: '***' } }]);
    expect(Object.keys(resources(r))).toEqual(['net_web_net', 'net_web_net_2', 'net_n3']);
  });
});

describe('helpers', () => {
  it('hotName keeps letters and digits', () => {
    expect(hotName('Web Net.01')).toBe('web_net_01');
    expect(hotName('--')).toBe('');
  });
  it('inventoryParts unions what the kinds read, brought kinds included', () => {
    expect(inventoryParts(['networks'])).toEqual(['networks', 'subnets']);
    expect(inventoryParts(['instances', 'volumes'])).toEqual(['flavors', 'images', 'networks', 'ports']);
  });
  it('toYaml quotes what YAML 1.1 would read as another type', () => {
    const y = toYaml({ heat_template_version: '2018-08-31', resources: { a: { properties: { name: 'yes', other: 'on', n: 'n', mode: '0777', s: 'a: b', ok: 'plain' } } } });
    expect(y).toContain('heat_template_version: 2018-08-31\n');
    expect(y).toContain('name: "yes"');
    expect(y).toContain('other: "on"');
    expect(y).toContain('"n": "n"');
    expect(y).toContain('mode: "0777"');
    expect(y).toContain('s: "a: b"');
    expect(y).toContain('ok: plain');
  });
});
