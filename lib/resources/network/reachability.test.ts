import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/client/api';
import { gatewayRouters, instanceTargets, reachableSubnets, selectable, unreachableError, unreachableSubnets, type TargetInput } from './reachability';

// web-1 on subnet "web" (a router with a gateway on public has an interface there), db-1 on subnet "db" (its router
// has no gateway), shared-1 on another project's shared subnet, multi-1 with two IPv4 addresses and an IPv6 one.
const ports = [
  { id: 'p-web', name: '', device_id: 'vm-web', device_owner: 'compute:nova', fixed_ips: [{ subnet_id: 's-web', ip_address: '10.0.0.5' }] },
  { id: 'p-db', name: 'db-nic', device_id: 'vm-db', device_owner: 'compute:nova', fixed_ips: [{ subnet_id: 's-db', ip_address: '10.1.0.7' }] },
  { id: 'p-shared', device_id: 'vm-shared', device_owner: 'compute:az1', fixed_ips: [{ subnet_id: 's-shared', ip_address: '192.168.5.9' }] },
  {
    id: 'p-multi', device_id: 'vm-multi', device_owner: 'compute:nova',
    fixed_ips: [{ subnet_id: 's-web', ip_address: '10.0.0.10' }, { subnet_id: 's-web', ip_address: '10.0.0.9' }, { subnet_id: 's-v6', ip_address: 'fd00::5' }],
  },
  { id: 'p-dhcp', device_id: 'dhcp1', device_owner: 'network:dhcp', fixed_ips: [{ subnet_id: 's-web', ip_address: '10.0.0.2' }] },
  { id: 'if-web', device_id: 'r-gw', device_owner: 'network:router_interface', fixed_ips: [{ subnet_id: 's-web', ip_address: '10.0.0.1' }] },
  { id: 'if-db', device_id: 'r-nogw', device_owner: 'network:ha_router_replicated_interface', fixed_ips: [{ subnet_id: 's-db', ip_address: '10.1.0.1' }] },
];
const routers = [
  { id: 'r-gw', name: 'edge', external_gateway_info: { network_id: 'public' } },
  { id: 'r-nogw', name: 'inner', external_gateway_info: null },
  { id: 'r-other', name: 'another', external_gateway_info: { network_id: 'other-ext' } },
];
const subnets = [
  { id: 's-web', name: 'web', cidr: '10.0.0.0/24', project_id: 'p1' },
  { id: 's-db', name: 'db', cidr: '10.1.0.0/24', project_id: 'p1' },
  { id: 's-shared', name: 'shared', cidr: '192.168.5.0/24', project_id: 'admin-project' },
];
const input = (over: Partial<TargetInput> = {}): TargetInput => ({
  ports, routers, subnets, fips: [], projectId: 'p1',
  fip: { id: 'f1', floating_network_id: 'public', port_id: null, fixed_ip_address: null },
  serverNames: { 'vm-web': 'web-1', 'vm-db': 'db-1', 'vm-shared': 'shared-1', 'vm-multi': 'multi-1' },
  ...over,
});
const reachBy = (over?: Partial<TargetInput>) => Object.fromEntries(instanceTargets(input(over)).map((t) => [t.value, t.reach.kind]));

describe('floating IP reachability', () => {
  it('connects a subnet through a router interface only when that router has its gateway on the external network', () => {
    expect([...reachableSubnets(ports, routers, 'public')]).toEqual([['s-web', 'r-gw']]);
    expect([...reachableSubnets(ports, routers, 'other-ext')]).toEqual([]);
    expect(gatewayRouters(routers, 'public').map((r) => r.name)).toEqual(['edge']);
  });
  it('lists each IPv4 address of each instance port, by instance name then address, with its reach', () => {
    const targets = instanceTargets(input());
    expect(targets.map((t) => t.value)).toEqual(['p-db|10.1.0.7', 'p-multi|10.0.0.9', 'p-multi|10.0.0.10', 'p-shared|192.168.5.9', 'p-web|10.0.0.5']);
    expect(reachBy()).toEqual({ 'p-db|10.1.0.7': 'unreachable', 'p-multi|10.0.0.9': 'ok', 'p-multi|10.0.0.10': 'ok', 'p-shared|192.168.5.9': 'unknown', 'p-web|10.0.0.5': 'ok' });
    expect(targets.filter((t) => t.several).map((t) => t.ip)).toEqual(['10.0.0.9', '10.0.0.10']);
    expect(targets.filter(selectable).map((t) => t.ip)).toEqual(['10.0.0.9', '10.0.0.10', '192.168.5.9', '10.0.0.5']);
  });
  it('says which subnet is unreachable, once, with its instances', () => {
    expect(unreachableSubnets(instanceTargets(input()))).toEqual([{ subnetId: 's-db', serverIds: ['vm-db'] }]);
    // From another external network nothing the project has is connected.
    expect(unreachableSubnets(instanceTargets(input({ fip: { id: 'f1', floating_network_id: 'other-ext' } }))).map((u) => u.subnetId)).toEqual(['s-db', 's-web']);
  });
  it('marks the floating IP\'s own address as current and one holding another floating IP of that network as taken', () => {
    const fips = [
      { id: 'f2', floating_ip_address: '172.24.4.20', floating_network_id: 'public', port_id: 'p-multi', fixed_ip_address: '10.0.0.9' },
      { id: 'f3', floating_ip_address: '198.51.100.3', floating_network_id: 'other-ext', port_id: 'p-multi', fixed_ip_address: '10.0.0.10' },
    ];
    const reach = reachBy({ fips, fip: { id: 'f1', floating_network_id: 'public', port_id: 'p-web', fixed_ip_address: '10.0.0.5' } });
    expect(reach['p-web|10.0.0.5']).toBe('current');
    expect(reach['p-multi|10.0.0.9']).toBe('taken');
    expect(reach['p-multi|10.0.0.10']).toBe('ok');
    expect(instanceTargets(input({ fips })).find((t) => t.ip === '10.0.0.9')?.reach).toEqual({ kind: 'taken', address: '172.24.4.20' });
  });
});

describe("Neutron's not-reachable refusal", () => {
  const message = 'External network 9f0e-ext is not reachable from subnet 41c2-sub.  Therefore, cannot associate Port 77aa-port with a Floating IP.';
  it('reads the external network, subnet and port from the 404', () => {
    expect(unreachableError(new ApiError({ status: 404, service: 'network', message }))).toEqual({ externalNetworkId: '9f0e-ext', subnetId: '41c2-sub', portId: '77aa-port' });
  });
  it('leaves any other error alone', () => {
    expect(unreachableError(new ApiError({ status: 409, service: 'network', message }))).toBeUndefined();
    expect(unreachableError(new ApiError({ status: 404, service: 'network', message: 'Port 77aa could not be found.' }))).toBeUndefined();
    expect(unreachableError(new Error(message))).toBeUndefined();
    expect(unreachableError(undefined)).toBeUndefined();
  });
});
