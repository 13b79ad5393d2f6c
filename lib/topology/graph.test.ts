import { describe, expect, it } from 'vitest';
import { parseList } from '@/lib/resources/schema';
import { en } from '@/lib/testing/english';
import { buildTopology, neutronStatus, nodeName, type TopoNode } from './graph';
import { layoutTopology } from './layout';
import { TopoFloatingIpSchema, TopoNetworkSchema, TopoPortSchema, TopoRouterSchema, type TopologyInput } from './schemas';

const PUB = 'pub-net';
const PRIV = 'priv-net';

function demo(): TopologyInput {
  return {
    networks: [
      { id: PUB, name: 'public', status: 'ACTIVE', 'router:external': true, subnets: ['pub-sub'] },
      { id: PRIV, name: 'private', status: 'ACTIVE', subnets: ['priv-sub'] },
      { id: 'db-net', name: 'db', status: 'DOWN', subnets: [] },
    ],
    subnets: [
      { id: 'pub-sub', name: 'public-subnet', network_id: PUB, cidr: '172.24.4.0/24' },
      { id: 'priv-sub', name: 'private-subnet', network_id: PRIV, cidr: '10.0.0.0/24' },
    ],
    ports: [
      { id: 'p-if', name: '', network_id: PRIV, device_id: 'r1', device_owner: 'network:router_interface', status: 'ACTIVE', fixed_ips: [{ subnet_id: 'priv-sub', ip_address: '10.0.0.1' }] },
      { id: 'p-web', name: '', network_id: PRIV, device_id: 'web', device_owner: 'compute:nova', status: 'ACTIVE', fixed_ips: [{ subnet_id: 'priv-sub', ip_address: '10.0.0.5' }] },
      { id: 'p-web-db', name: '', network_id: 'db-net', device_id: 'web', device_owner: 'compute:nova', status: 'DOWN', fixed_ips: [] },
      { id: 'p-dhcp', name: '', network_id: PRIV, device_id: 'dhcp-x', device_owner: 'network:dhcp', status: 'ACTIVE', fixed_ips: [{ subnet_id: 'priv-sub', ip_address: '10.0.0.2' }] },
      { id: 'p-vip', name: 'vip', network_id: PRIV, device_id: '', device_owner: '', status: 'DOWN', fixed_ips: [{ subnet_id: 'priv-sub', ip_address: '10.0.0.9' }] },
    ],
    routers: [{ id: 'r1', name: 'router1', status: 'ACTIVE', external_gateway_info: { network_id: PUB, external_fixed_ips: [{ subnet_id: 'pub-sub', ip_address: '172.24.4.3' }] } }],
    floatingips: [
      { id: 'f1', floating_ip_address: '172.24.4.20', floating_network_id: PUB, port_id: 'p-web', fixed_ip_address: '10.0.0.5', status: 'ACTIVE' },
      { id: 'f2', floating_ip_address: '172.24.4.21', floating_network_id: PUB, port_id: null, status: 'DOWN' },
      { id: 'f3', floating_ip_address: '172.24.4.22', floating_network_id: PUB, port_id: 'p-vip', fixed_ip_address: '10.0.0.9', status: 'ACTIVE' },
    ],
    servers: [
      { id: 'web', name: 'web-1', status: 'ACTIVE', 'OS-EXT-STS:task_state': null },
      { id: 'lonely', name: 'lonely', status: 'SHUTOFF', 'OS-EXT-STS:task_state': null },
    ],
  };
}

describe('buildTopology', () => {
  it('connects gateways, interfaces, instance ports and floating IPs, in plain sentences', () => {
    const t = buildTopology(demo());
    expect(t.connections.map(en)).toEqual([
      'Router router1 gateway on external network public (172.24.4.3)',
      'Router router1 interface on network private, subnet private-subnet (10.0.0.1)',
      'Instance lonely on no network',
      'Instance web-1 on network db',
      'Instance web-1 on network private (10.0.0.5)',
      'Floating IP 172.24.4.20 on instance web-1 (10.0.0.5), from external network public',
      'Floating IP 172.24.4.21 not associated, from external network public',
      'Floating IP 172.24.4.22 on port vip (10.0.0.9), from external network public',
    ]);
    const edge = (kind: string, from: string, to: string) => t.edges.some((e) => e.kind === kind && e.from === from && e.to === to);
    expect(edge('gateway', `external:${PUB}`, 'router:r1')).toBe(true);
    expect(edge('interface', 'router:r1', `network:${PRIV}`)).toBe(true);
    expect(edge('nic', `network:${PRIV}`, 'instance:web')).toBe(true);
    expect(edge('floating', 'floatingip:f1', 'instance:web')).toBe(true);
    // DHCP and unowned ports are not nodes.
    expect([...t.nodes.keys()].some((k) => k.includes('dhcp'))).toBe(false);
  });

  it('groups each instance under its first network by name, and portless instances apart', () => {
    const t = buildTopology(demo());
    expect(t.groups.get(`network:db-net`)).toEqual(['instance:web']);
    expect(t.groups.get('')).toEqual(['instance:lonely']);
    expect(t.floatingOnInstance.get('instance:web')).toEqual(['floatingip:f1']);
  });

  it('names nodes by kind, label and status; subnets are lines of their network', () => {
    const t = buildTopology(demo());
    const named = (n: TopoNode) => `${en(nodeName(n))}, ${en(n.status.label)}`;
    expect(named(t.nodes.get('instance:web')!)).toBe('Instance web-1, ACTIVE');
    expect(named(t.nodes.get(`external:${PUB}`)!)).toBe('External network public, ACTIVE');
    expect(named(t.nodes.get('router:r1')!)).toBe('Router router1, ACTIVE');
    expect(named(t.nodes.get('floatingip:f2')!)).toBe('Floating IP 172.24.4.21, DOWN');
    expect(t.nodes.get(`network:${PRIV}`)!.lines).toEqual(['private-subnet 10.0.0.0/24']);
  });

  it('labels unnamed objects by id and keeps a gateway to an external network the project cannot see', () => {
    const input = demo();
    input.routers.push({ id: 'r2', name: '', status: 'ACTIVE', external_gateway_info: { network_id: 'hidden-ext' } });
    const t = buildTopology(input);
    const ext = t.nodes.get('external:hidden-ext')!;
    expect(ext.missing).toBe(true);
    expect(en(ext.status.label)).toBe('not visible');
    expect(t.connections.map(en)).toContain('Router r2 gateway on external network hidden-ext');
  });

  it('is busy while any node is transitional (drives the polling interval)', () => {
    expect(buildTopology(demo()).busy).toBe(false);
    const input = demo();
    input.servers[0] = { ...input.servers[0], status: 'BUILD' };
    expect(buildTopology(input).busy).toBe(true);
    const input2 = demo();
    input2.routers[0] = { ...input2.routers[0], status: 'ALLOCATING' };
    expect(buildTopology(input2).busy).toBe(true);
  });
});

describe('neutronStatus', () => {
  it.each([
    ['ACTIVE', 'ok'],
    ['DOWN', 'unknown'],
    ['BUILD', 'busy'],
    ['ALLOCATING', 'busy'],
    ['PENDING_CREATE', 'busy'],
    ['ERROR', 'error'],
    [undefined, 'unknown'],
  ])('%s -> %s', (s, tone) => {
    expect(neutronStatus(s).tone).toBe(tone);
  });
});

describe('schemas', () => {
  it('parse real Neutron answers (null gateway, missing optional fields, extra fields kept)', () => {
    const routers = parseList(TopoRouterSchema, { routers: [{ id: 'r', name: 'r', status: 'ACTIVE', external_gateway_info: null, routes: [] }] }, 'routers', 'test');
    expect(routers[0].external_gateway_info).toBeNull();
    const ports = parseList(TopoPortSchema, { ports: [{ id: 'p', name: '', network_id: 'n', mac_address: 'fa:16:3e:00:00:01' }] }, 'ports', 'test');
    expect(ports[0]).toMatchObject({ device_id: '', device_owner: '', fixed_ips: [], mac_address: 'fa:16:3e:00:00:01' });
    expect(parseList(TopoNetworkSchema, { networks: [{ id: 'n', name: 'x', 'router:external': false }] }, 'networks', 'test')[0].id).toBe('n');
    expect(() => parseList(TopoFloatingIpSchema, { floatingips: [{ id: 'f' }] }, 'floatingips', 'neutron v2.0/floatingips')).toThrow(/floatingips\[0\]\.floating_ip_address/);
  });
});

describe('load balancers', () => {
  it('sits on its VIP network with a line to each member instance, and names members no instance holds', () => {
    const input: TopologyInput = {
      ...demo(),
      loadbalancers: [
        {
          id: 'lb1', name: 'web-lb', provisioning_status: 'ACTIVE', operating_status: 'OFFLINE', vip_address: '10.0.0.9', vip_network_id: PRIV, vip_subnet_id: 'priv-sub',
          members: [
            { id: 'm1', address: '10.0.0.5', protocol_port: 80, subnet_id: 'priv-sub' },
            { id: 'm2', address: '10.9.9.9', protocol_port: 80, subnet_id: null },
          ],
        },
      ],
    };
    const t = buildTopology(input);
    const lb = t.nodes.get('loadbalancer:lb1')!;
    expect(lb).toMatchObject({ kind: 'loadbalancer', label: 'web-lb', lines: ['10.0.0.9'] });
    // ACTIVE with no heartbeats: neutral, not an error.
    expect(lb.status.tone).toBe('unknown');
    expect(t.edges.filter((e) => e.from === 'loadbalancer:lb1' || e.to === 'loadbalancer:lb1').map((e) => [e.kind, e.from, e.to])).toEqual([
      ['vip', `network:${PRIV}`, 'loadbalancer:lb1'],
      ['member', 'loadbalancer:lb1', 'instance:web'],
    ]);
    expect(t.connections.map(en).slice(-3)).toEqual([
      'Load balancer web-lb on network private (VIP 10.0.0.9)',
      'Load balancer web-lb sends traffic to instance web-1 (10.0.0.5:80)',
      'Load balancer web-lb sends traffic to 10.9.9.9:80, which no instance of this project holds',
    ]);
    expect(en(nodeName(lb))).toBe('Load balancer web-lb');
    // Laid out with the member line drawn to the instance inside its group.
    const layout = layoutTopology(t);
    expect(layout.edges.find((e) => e.kind === 'member')?.points.length).toBeGreaterThan(1);
  });
});
