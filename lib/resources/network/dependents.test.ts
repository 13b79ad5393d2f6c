import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { networkDependents, routerDependents, securityGroupDependents } from './dependents';

const PORTS = [
  { id: 'p1', device_owner: 'compute:nova', device_id: 'vm1', security_groups: ['sg1'] },
  { id: 'p2', device_owner: 'compute:nova', device_id: 'vm1', security_groups: ['sg1'] },
  { id: 'p3', device_owner: 'compute:az1', device_id: 'vm2', security_groups: ['sg1', 'sg2'] },
  { id: 'p4', device_owner: 'network:router_interface', device_id: 'r1' },
  { id: 'p5', device_owner: 'network:dhcp', device_id: 'dhcp' },
];

function fakeGet(calls: string[]) {
  return async (_service: string, path: string) => {
    calls.push(path);
    const q = new URLSearchParams(path.split('?')[1]);
    const dev = q.get('device_id');
    return { ports: dev ? PORTS.filter((p) => p.device_id === dev) : PORTS };
  };
}

describe('what depends on network resources', () => {
  it('counts instances and router interfaces on a network, not its DHCP port', async () => {
    const calls: string[] = [];
    const out = await networkDependents([{ id: 'n1', name: 'web' }], fakeGet(calls));
    expect(out.map(en)).toEqual(['web has 4 ports in use (2 instances, 1 router interface): Neutron refuses to delete it until they are removed.']);
    expect(calls[0]).toContain('network_id=n1');
  });
  it('names a router’s interfaces and its gateway', async () => {
    const out = await routerDependents([{ id: 'r1', name: 'edge', external_gateway_info: { network_id: 'pub' } }], fakeGet([]));
    expect(en(out[0])).toBe('edge has 1 interface on subnets: remove it first (Neutron refuses otherwise).');
    expect(en(out[1])).toMatch(/external gateway/);
  });
  it('counts the ports and instances using a security group', async () => {
    const out = await securityGroupDependents([{ id: 'sg1', name: 'web' }, { id: 'sg2', name: 'db' }, { id: 'sg3', name: 'idle' }], fakeGet([]));
    expect(out.map(en)).toEqual(['web is used by 3 ports (2 instances): remove it from them first.', 'db is used by 1 port (1 instance): remove it from them first.']);
  });
});
