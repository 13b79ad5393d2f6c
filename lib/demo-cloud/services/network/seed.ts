// The seeded Neutron: public and shared networks (admin), and a private network with a router
// to public and a default security group for each seed project.
import type { CloudCore } from '../../core/cloud';
import { stableUuid } from '../../core/ids';
import { seedProjectId } from '../identity/seed';
import { makeSubnet, type Network, type NetworkState } from './model';
import { NetworkModel } from './network-model';

const T0 = '2026-01-01T00:00:00Z';

function seedNetwork(s: NetworkState, name: string, projectId: string, extra: Partial<Network>): Network {
  const n: Network = {
    id: stableUuid('network', projectId, name), name, tenant_id: projectId, project_id: projectId, admin_state_up: true,
    mtu: 1450, status: 'ACTIVE', subnets: [], shared: false, availability_zone_hints: [], availability_zones: ['nova'],
    ipv4_address_scope: null, ipv6_address_scope: null, 'router:external': false, description: '', port_security_enabled: true,
    l2_adjacency: true, is_default: false, tags: [], created_at: T0, updated_at: T0, revision_number: 2,
    'provider:network_type': 'vxlan', 'provider:physical_network': null, 'provider:segmentation_id': s.nextSegment++, ...extra,
  };
  s.networks[n.id] = n;
  return n;
}

export const SEED_PROJECTS = ['admin', 'demo', 'demo-team'];

export function seedNetworkState(core: CloudCore): NetworkState {
  const s: NetworkState = {
    networks: {}, subnets: {}, ports: {}, routers: {}, floatingips: {}, securityGroups: {}, rules: {}, quotas: {}, defaultSg: {},
    nextAttrId: 1, nextSegment: 200,
  };
  const m = new NetworkModel(s, core);
  const admin = seedProjectId('admin');
  const pub = seedNetwork(s, 'public', admin, {
    'router:external': true, mtu: 1500, 'provider:network_type': 'flat', 'provider:physical_network': 'public', 'provider:segmentation_id': null,
  });
  s.nextSegment--;
  const pubSub = makeSubnet(pub, 'public-subnet', '172.24.4.0/24', { enable_dhcp: false, allocation_pools: [{ start: '172.24.4.10', end: '172.24.4.250' }] }, stableUuid('subnet', admin, 'public-subnet'));
  s.subnets[pubSub.id] = { ...pubSub, created_at: T0, updated_at: T0 };
  const shared = seedNetwork(s, 'shared', admin, { shared: true });
  const shSub = makeSubnet(shared, 'shared-subnet', '192.168.233.0/24', {}, stableUuid('subnet', admin, 'shared-subnet'));
  s.subnets[shSub.id] = { ...shSub, created_at: T0, updated_at: T0 };
  for (const name of SEED_PROJECTS) {
    const pid = seedProjectId(name);
    const sg = m.createSecurityGroup(pid, 'default', 'Default security group', stableUuid('security-group', pid, 'default'), true);
    s.defaultSg[pid] = sg.id;
    const net = seedNetwork(s, 'private', pid, {});
    const sub = makeSubnet(net, 'private-subnet', '10.0.0.0/24', {}, stableUuid('subnet', pid, 'private-subnet'));
    s.subnets[sub.id] = { ...sub, created_at: T0, updated_at: T0 };
    const routerId = stableUuid('router', pid, 'router1');
    const gw = m.createPort({ project_id: '', network_id: pub.id, device_id: routerId, device_owner: 'network:router_gateway' });
    s.routers[routerId] = {
      id: routerId, name: 'router1', tenant_id: pid, project_id: pid, admin_state_up: true, status: 'ACTIVE',
      external_gateway_info: { network_id: pub.id, external_fixed_ips: gw.fixed_ips, enable_snat: true }, description: '',
      availability_zones: ['nova'], availability_zone_hints: [], routes: [], flavor_id: null, tags: [], created_at: T0, updated_at: T0, revision_number: 4,
    };
    m.createPort({ project_id: pid, network_id: net.id, device_id: routerId, device_owner: 'network:router_interface', fixed_ips: [{ subnet_id: sub.id, ip_address: sub.gateway_ip! }] });
  }
  for (const p of Object.values(s.ports)) {
    delete p._pending;
    p.status = 'ACTIVE';
  }
  return s;
}
