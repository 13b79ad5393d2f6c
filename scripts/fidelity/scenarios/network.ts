import type { Scenario, Vars } from '../types';

// The Neutron calls the dashboard makes. Resources carry a unique prefix and are deleted at the end.
const P = `fid-net-${process.pid}`;
type B = Record<string, Record<string, unknown>>;
const id = (key: string) => (b: unknown) => String((b as B)[key].id);

export const network: Scenario = {
  name: 'network',
  service: 'network',
  calls: [
    { name: 'extensions', service: 'network', path: 'v2.0/extensions' },
    { name: 'network list', service: 'network', path: 'v2.0/networks', capture: (b, _h, v) => (v.public = String((b as { networks: Array<{ id: string; name: string }> }).networks.find((n) => n.name === 'public')?.id)) },
    { name: 'network list (admin, external)', as: 'admin', service: 'network', path: 'v2.0/networks?router:external=True' },
    { name: 'network list paginated', service: 'network', path: 'v2.0/networks?limit=1' },
    { name: 'network show, unknown', service: 'network', path: 'v2.0/networks/00000000-0000-0000-0000-000000000000' },
    { name: 'network create', service: 'network', method: 'POST', path: 'v2.0/networks', body: { network: { name: `${P}-net` } }, capture: (b, _h, v) => (v.net = id('network')(b)) },
    { name: 'network create shared (member: forbidden)', service: 'network', method: 'POST', path: 'v2.0/networks', body: { network: { name: `${P}-x`, shared: true } } },
    { name: 'subnet create, bad CIDR', service: 'network', method: 'POST', path: 'v2.0/subnets', body: (v: Vars) => ({ subnet: { network_id: v.net, ip_version: 4, cidr: '10.66.0.300/24' } }) },
    { name: 'subnet create', service: 'network', method: 'POST', path: 'v2.0/subnets', body: (v: Vars) => ({ subnet: { name: `${P}-sub`, network_id: v.net, ip_version: 4, cidr: '10.66.0.0/24' } }), capture: (b, _h, v) => (v.sub = id('subnet')(b)) },
    { name: 'subnet create, overlapping', service: 'network', method: 'POST', path: 'v2.0/subnets', body: (v: Vars) => ({ subnet: { network_id: v.net, ip_version: 4, cidr: '10.66.0.0/25' } }) },
    { name: 'subnet list', service: 'network', path: 'v2.0/subnets' },
    { name: 'port create', service: 'network', method: 'POST', path: 'v2.0/ports', body: (v: Vars) => ({ port: { name: `${P}-port`, network_id: v.net } }), capture: (b, _h, v) => (v.port = id('port')(b)) },
    { name: 'port show (admin)', as: 'admin', service: 'network', path: (v) => `v2.0/ports/${v.port}` },
    { name: 'port list by network', service: 'network', path: (v) => `v2.0/ports?network_id=${v.net}` },
    { name: 'network delete in use', service: 'network', method: 'DELETE', path: (v) => `v2.0/networks/${v.net}` },
    { name: 'router create', service: 'network', method: 'POST', path: 'v2.0/routers', body: (v: Vars) => ({ router: { name: `${P}-r`, external_gateway_info: { network_id: v.public } } }), capture: (b, _h, v) => (v.router = id('router')(b)) },
    { name: 'router add interface', service: 'network', method: 'PUT', path: (v) => `v2.0/routers/${v.router}/add_router_interface`, body: (v: Vars) => ({ subnet_id: v.sub }) },
    { name: 'router list', service: 'network', path: 'v2.0/routers' },
    { name: 'floating ip create', service: 'network', method: 'POST', path: 'v2.0/floatingips', body: (v: Vars) => ({ floatingip: { floating_network_id: v.public } }), capture: (b, _h, v) => (v.fip = id('floatingip')(b)) },
    { name: 'floating ip associate', service: 'network', method: 'PUT', path: (v) => `v2.0/floatingips/${v.fip}`, body: (v: Vars) => ({ floatingip: { port_id: v.port } }) },
    { name: 'floating ip list', service: 'network', path: 'v2.0/floatingips' },
    { name: 'router delete in use', service: 'network', method: 'DELETE', path: (v) => `v2.0/routers/${v.router}` },
    { name: 'floating ip delete', service: 'network', method: 'DELETE', path: (v) => `v2.0/floatingips/${v.fip}` },
    { name: 'security group list', service: 'network', path: 'v2.0/security-groups' },
    { name: 'security group create', service: 'network', method: 'POST', path: 'v2.0/security-groups', body: { security_group: { name: `${P}-sg`, description: 'x' } }, capture: (b, _h, v) => (v.sg = id('security_group')(b)) },
    { name: 'security group rule create', service: 'network', method: 'POST', path: 'v2.0/security-group-rules', body: (v: Vars) => ({ security_group_rule: { security_group_id: v.sg, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22 } }), capture: (b, _h, v) => (v.rule = id('security_group_rule')(b)) },
    { name: 'security group rule duplicate', service: 'network', method: 'POST', path: 'v2.0/security-group-rules', body: (v: Vars) => ({ security_group_rule: { security_group_id: v.sg, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22 } }) },
    { name: 'security group rule delete', service: 'network', method: 'DELETE', path: (v) => `v2.0/security-group-rules/${v.rule}` },
    { name: 'security group delete', service: 'network', method: 'DELETE', path: (v) => `v2.0/security-groups/${v.sg}` },
    { name: 'router remove interface', service: 'network', method: 'PUT', path: (v) => `v2.0/routers/${v.router}/remove_router_interface`, body: (v: Vars) => ({ subnet_id: v.sub }) },
    { name: 'router delete', service: 'network', method: 'DELETE', path: (v) => `v2.0/routers/${v.router}` },
    { name: 'port delete', service: 'network', method: 'DELETE', path: (v) => `v2.0/ports/${v.port}` },
    { name: 'subnet delete', service: 'network', method: 'DELETE', path: (v) => `v2.0/subnets/${v.sub}` },
    { name: 'network delete', service: 'network', method: 'DELETE', path: (v) => `v2.0/networks/${v.net}` },
    { name: 'malformed JSON', service: 'network', method: 'POST', path: 'v2.0/networks', rawBody: '{"network": ' },
  ],
};
