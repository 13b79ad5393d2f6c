// Synthetic API objects for the topology's unit tests and benchmark (never used by the pages).
import type { TopologyInput } from './schemas';

const uuid = (kind: number, i: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** `networks` tenant networks with a /24 each, one router on `public` with an interface on each, `perNetwork` instances on each. */
export function syntheticTopology(networks: number, perNetwork: number, opts: { floatingEvery?: number } = {}): TopologyInput {
  const pub = uuid(1, 0);
  const pubSub = uuid(2, 0);
  const out: TopologyInput = {
    networks: [{ id: pub, name: 'public', status: 'ACTIVE', 'router:external': true, subnets: [pubSub] }],
    subnets: [{ id: pubSub, name: 'public-subnet', network_id: pub, cidr: '172.24.4.0/24' }],
    ports: [],
    routers: [{ id: uuid(3, 0), name: 'router1', status: 'ACTIVE', external_gateway_info: { network_id: pub, external_fixed_ips: [{ subnet_id: pubSub, ip_address: '172.24.4.2' }] } }],
    floatingips: [],
    servers: [],
  };
  let port = 0;
  for (let n = 1; n <= networks; n++) {
    const net = uuid(1, n);
    const sub = uuid(2, n);
    out.networks.push({ id: net, name: `net-${n}`, status: 'ACTIVE', subnets: [sub] });
    out.subnets.push({ id: sub, name: `subnet-${n}`, network_id: net, cidr: `10.${n}.0.0/24` });
    out.ports.push({ id: uuid(4, ++port), name: '', network_id: net, device_id: uuid(3, 0), device_owner: 'network:router_interface', status: 'ACTIVE', fixed_ips: [{ subnet_id: sub, ip_address: `10.${n}.0.1` }] });
    for (let i = 1; i <= perNetwork; i++) {
      const sid = uuid(5, n * 10_000 + i);
      out.servers.push({ id: sid, name: `vm-${n}-${i}`, status: i % 17 === 0 ? 'ERROR' : 'ACTIVE', 'OS-EXT-STS:task_state': null });
      const pid = uuid(4, ++port);
      out.ports.push({ id: pid, name: '', network_id: net, device_id: sid, device_owner: 'compute:nova', status: 'ACTIVE', fixed_ips: [{ subnet_id: sub, ip_address: `10.${n}.0.${i + 10}` }] });
      if (opts.floatingEvery && i % opts.floatingEvery === 0) {
        out.floatingips.push({ id: uuid(6, port), floating_ip_address: `172.24.${n}.${i}`, floating_network_id: pub, port_id: pid, fixed_ip_address: `10.${n}.0.${i + 10}`, router_id: uuid(3, 0), status: 'ACTIVE' });
      }
    }
  }
  return out;
}
