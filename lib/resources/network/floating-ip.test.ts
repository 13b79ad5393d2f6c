import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { serverDependents, type Server } from '../compute/server';
import { overviewLinks } from '../overview-links';
import { floatingIpDefinition, FloatingIpSchema, floatingIpStatus, SETTLE_MS, serverFloatingIps } from './floating-ip';

const fip = (id: string, address: string, port: string) => ({ id, floating_ip_address: address, floating_network_id: 'pub', port_id: port, fixed_ip_address: '10.0.0.5', router_id: 'r1', status: 'ACTIVE' });

/** Neutron as the lookup sees it: vm1 has two ports, one of them with a floating IP. */
function neutron(calls: string[]) {
  return async (path: string) => {
    calls.push(path);
    const q = new URLSearchParams(path.split('?')[1]);
    if (path.startsWith('v2.0/ports')) return { ports: q.get('device_id') === 'vm1' ? [{ id: 'p1' }, { id: 'p2' }] : [] };
    const wanted = q.getAll('port_id');
    return { floatingips: [fip('f1', '172.24.4.10', 'p2'), fip('f2', '172.24.4.11', 'other')].filter((f) => wanted.includes(f.port_id)) };
  };
}

describe("a server's floating IPs", () => {
  it('reads the ports by device_id, then the floating IPs of all of them in one call', async () => {
    const calls: string[] = [];
    expect((await serverFloatingIps(neutron(calls), 'vm1')).map((f) => f.floating_ip_address)).toEqual(['172.24.4.10']);
    expect(calls).toEqual(['v2.0/ports?device_id=vm1&fields=id', 'v2.0/floatingips?port_id=p1&port_id=p2']);
  });
  it('makes no floating IP call for a server without ports', async () => {
    const calls: string[] = [];
    expect(await serverFloatingIps(neutron(calls), 'vm-without-ports')).toEqual([]);
    expect(calls).toHaveLength(1);
  });
  it('tells the delete dialog the floating IP is kept', async () => {
    const get = neutron([]);
    const out = await serverDependents([{ id: 'vm1', name: 'web', 'os-extended-volumes:volumes_attached': [{ id: 'v1' }] } as unknown as Server], (_service, path) => get(path));
    expect(out.map(en)).toEqual([
      'web has 1 attached volume: detached and kept, with their data.',
      'web has floating IP 172.24.4.10: disassociated and kept in the project (release it to free it).',
    ]);
  });
});

describe('floating IP status', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  const at = (ms: number) => new Date(now - ms).toISOString();
  it('is transitional (polled every 2 s) while DOWN just after an association, and settles after SETTLE_MS', () => {
    expect(floatingIpStatus({ status: 'DOWN', port_id: 'p1', updated_at: at(3_000) }, now).tone).toBe('busy');
    expect(floatingIpStatus({ status: 'DOWN', port_id: 'p1', updated_at: at(SETTLE_MS + 1) }, now).tone).toBe('unknown');
    expect(floatingIpStatus({ status: 'DOWN', port_id: 'p1' }, now).tone).toBe('unknown');
  });
  it('explains DOWN only while it is DOWN', () => {
    expect(en(floatingIpStatus({ status: 'DOWN', port_id: 'p1', updated_at: at(1_000) }, now).detail!)).toBe('Associated, but no L3 agent has activated it yet');
    expect(en(floatingIpStatus({ status: 'DOWN', port_id: null }, now).detail!)).toBe('Not associated with a port');
    expect(floatingIpStatus({ status: 'ACTIVE', port_id: 'p1', updated_at: at(1_000) }, now)).toEqual({ label: 'ACTIVE', tone: 'ok' });
  });
  it('asks before disassociating, naming the addresses', () => {
    const action = floatingIpDefinition.actions!.find((a) => a.id === 'disassociate')!;
    const rows = [{ id: 'f1', floating_ip_address: '172.24.4.10', floating_network_id: 'pub', port_id: 'p1', status: 'ACTIVE' }];
    expect(en(action.confirm!.title(rows))).toBe('Disassociate floating IP?');
    expect(en(action.confirm!.body(rows))).toBe('172.24.4.10 will no longer reach its instance. The address stays allocated to the project.');
    expect(action.confirm!.destructive).toBe(true);
  });
});

describe('the detail page names what the address reaches', () => {
  const row = FloatingIpSchema.parse({
    ...fip('f1', '172.24.4.10', 'p1'),
    port_details: { name: '', device_id: 'vm1', device_owner: 'compute:nova', network_id: 'n1' },
  });
  const field = (label: string) => floatingIpDefinition.overview!.find((f) => f.label === label)!;
  const ctx = { lookups: { servers: { vm1: 'web-1' }, routers: { r1: 'edge' }, networks: { pub: 'public' } } };

  it('links the instance, the router, the port and the pool by name', () => {
    expect(overviewLinks(field('kinds.floatingIp.overview.instance'), row, ctx)).toEqual([{ name: 'web-1', to: { slug: 'instances', id: 'vm1' } }]);
    expect(overviewLinks(field('kinds.floatingIp.overview.router'), row, ctx)).toEqual([{ name: 'edge', to: { slug: 'routers', id: 'r1' } }]);
    expect(overviewLinks(field('kinds.floatingIp.overview.pool'), row, ctx)).toEqual([{ name: 'public', to: { slug: 'networks', id: 'pub' } }]);
    // A port without a name: its id.
    expect(overviewLinks(field('kinds.floatingIp.overview.port'), row, ctx)).toEqual([{ name: 'p1', to: { slug: 'ports', id: 'p1' } }]);
    expect(field('kinds.floatingIp.overview.router').value(row, ctx)).toBe('edge');
  });

  it('shows the id, still linked, until a lookup names it; nothing for a port that is no instance\'s, or none', () => {
    expect(overviewLinks(field('kinds.floatingIp.overview.router'), row, { lookups: {} })).toEqual([{ name: 'r1', to: { slug: 'routers', id: 'r1' } }]);
    const dhcp = FloatingIpSchema.parse({ ...row, port_details: { device_id: 'dhcp1', device_owner: 'network:dhcp' } });
    expect(overviewLinks(field('kinds.floatingIp.overview.instance'), dhcp, ctx)).toBeUndefined();
    const free = FloatingIpSchema.parse({ ...row, port_id: null, router_id: null, port_details: null });
    for (const label of ['kinds.floatingIp.overview.instance', 'kinds.floatingIp.overview.router', 'kinds.floatingIp.overview.port']) {
      expect(overviewLinks(field(label), free, ctx)).toBeUndefined();
      expect(field(label).value(free, ctx)).toEqual([]);
    }
  });

  it('looks the routers up by id in one Neutron call, names only', () => {
    const lookup = floatingIpDefinition.lookups!.find((l) => l.name === 'routers')!;
    const ids = lookup.ids([row, FloatingIpSchema.parse({ ...row, router_id: null })]);
    expect(ids).toEqual(['r1', '']);
    expect(lookup.path(['r1', 'r2'])).toBe('v2.0/routers?fields=id&fields=name&id=r1&id=r2');
    expect(lookup.label({ id: 'r1', name: '' })).toBe('r1');
  });
});
