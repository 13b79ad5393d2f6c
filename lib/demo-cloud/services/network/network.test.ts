import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { allocateServerPort, findNetwork, portsOfServer, releaseServerPorts, serverAddresses, serverSecurityGroupNames } from './api';
import { seedProjectId } from '../identity/seed';

type Obj = Record<string, unknown>;
type Err = { NeutronError: { type: string; message: string; detail: string } };

let cloud: DemoCloud;
let demo: string;
let admin: string;
let team: string;
const N = '/network/v2.0';
const get = (path: string, token = demo) => call(cloud, 'GET', `${N}${path}`, { token });
const post = (path: string, body: unknown, token = demo) => call(cloud, 'POST', `${N}${path}`, { token, body });
const put = (path: string, body: unknown, token = demo) => call(cloud, 'PUT', `${N}${path}`, { token, body });
const del = (path: string, token = demo) => call(cloud, 'DELETE', `${N}${path}`, { token });
const err = (b: unknown) => (b as Err).NeutronError;

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 100 });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  team = await login(cloud, 'demo', 'demo-team');
});
afterAll(async () => {
  await cloud.close();
});

describe('discovery', () => {
  it('serves the version document and extensions', async () => {
    const v = await call(cloud, 'GET', '/network/');
    expect(v.body).toMatchObject({ versions: [{ id: 'v2.0', status: 'CURRENT' }] });
    const e = await get('/extensions');
    const aliases = (e.body as { extensions: Array<{ alias: string }> }).extensions.map((x) => x.alias);
    for (const a of ['router', 'external-net', 'extraroute', 'security-group', 'quotas', 'standard-attr-tag', 'port-security', 'binding', 'fip-port-details']) expect(aliases).toContain(a);
  });
  it('401 without a token, 404 for unknown resources', async () => {
    expect((await call(cloud, 'GET', `${N}/networks`)).status).toBe(401);
    const r = await get('/networks/00000000-0000-0000-0000-000000000000');
    expect(r.status).toBe(404);
    expect(err(r.body)).toEqual({ type: 'NetworkNotFound', message: 'Network 00000000-0000-0000-0000-000000000000 could not be found.', detail: '' });
  });
});

describe('seed and tenancy', () => {
  it('demo sees public, shared and its own private network; not other projects', async () => {
    const r = await get('/networks');
    const nets = (r.body as { networks: Obj[] }).networks;
    expect(nets.map((n) => n.name).sort()).toEqual(['private', 'public', 'shared']);
    expect(nets[0]).not.toHaveProperty('provider:network_type');
    const a = await get('/networks?router:external=true', admin);
    expect((a.body as { networks: Obj[] }).networks[0]).toMatchObject({ name: 'public', 'provider:network_type': 'flat' });
  });
  it('paginates with networks_links and filters fields', async () => {
    const r = await get('/networks?limit=1&fields=id&fields=name');
    const b = r.body as { networks: Obj[]; networks_links: Array<{ rel: string }> };
    expect(b.networks).toHaveLength(1);
    expect(Object.keys(b.networks[0]).sort()).toEqual(['id', 'name']);
    expect(b.networks_links.map((l) => l.rel)).toContain('next');
    expect((await get('/networks?bogus=1')).status).toBe(400);
  });
  it('default security group has the four default rules', async () => {
    const r = await get('/security-groups?name=default', team);
    const [g] = (r.body as { security_groups: Array<{ security_group_rules: Obj[] }> }).security_groups;
    expect(g.security_group_rules).toHaveLength(4);
  });
  it('members cannot create shared networks or read others quotas', async () => {
    const r = await post('/networks', { network: { name: 'x', shared: true } });
    expect(r.status).toBe(403);
    expect(err(r.body).message).toBe('(rule:create_network and rule:create_network:shared) is disallowed by policy');
    expect((await get(`/quotas/${seedProjectId('admin')}`)).status).toBe(403);
  });
});

describe('subnet validation as Neutron (Zed) words it', () => {
  it.each([
    [{ ip_version: 4, cidr: '0.0.0.0/0' }, 'Invalid input for operation: 0 is not allowed as CIDR prefix length.'],
    [{ ip_version: 4, cidr: '10.9.0.0/24', gateway_ip: '10.9.0.0' }, 'Invalid input for operation: Gateway is not valid on subnet.'],
    [{ ip_version: 4, cidr: '10.9.0.0/24', gateway_ip: '10.9.0.255' }, 'Invalid input for operation: Gateway is not valid on subnet.'],
    [{ ip_version: 6, cidr: 'fd09::/64', ipv6_address_mode: 'slaac', enable_dhcp: false }, 'Invalid input for operation: ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False.'],
    [
      { ip_version: 6, cidr: 'fd09::/64', ipv6_address_mode: 'slaac', ipv6_ra_mode: 'dhcpv6-stateful' },
      "Invalid input for operation: ipv6_ra_mode set to 'dhcpv6-stateful' with ipv6_address_mode set to 'slaac' is not valid. If both attributes are set, they must be the same value.",
    ],
    [{ ip_version: 6, cidr: 'fd09::/80', ipv6_address_mode: 'slaac' }, 'Invalid input for operation: Invalid CIDR fd09::/80 for IPv6 address mode. OpenStack uses the EUI-64 address format, which requires the prefix to be /64.'],
  ])('%j is refused', async (subnet, message) => {
    const n = await post('/networks', { network: { name: 'v-net' } });
    const id = ((n.body as Obj).network as Obj).id as string;
    const r = await post('/subnets', { subnet: { network_id: id, ...subnet } });
    expect(r.status).toBe(400);
    expect(err(r.body)).toMatchObject({ type: 'InvalidInput', message });
    expect((await del(`/networks/${id}`)).status).toBe(204);
  });
  it('allows an IPv6 gateway on the network address (subnet-router anycast) and a stateful /80', async () => {
    const n = await post('/networks', { network: { name: 'v-net' } });
    const id = ((n.body as Obj).network as Obj).id as string;
    expect((await post('/subnets', { subnet: { network_id: id, ip_version: 6, cidr: 'fd09::/80', gateway_ip: 'fd09::', ipv6_address_mode: 'dhcpv6-stateful' } })).status).toBe(201);
    expect((await del(`/networks/${id}`)).status).toBe(204);
  });
});

describe('network lifecycle', () => {
  const ids: Record<string, string> = {};
  it('creates network, subnet and validates CIDRs', async () => {
    const n = await post('/networks', { network: { name: 't-net' } });
    expect(n.status).toBe(201);
    ids.net = ((n.body as Obj).network as Obj).id as string;
    const bad = await post('/subnets', { subnet: { network_id: ids.net, ip_version: 4, cidr: '10.5.0.300/24' } });
    expect(bad.status).toBe(400);
    expect(err(bad.body).message).toBe('Invalid input for operation: 10.5.0.300/24 is not in a CIDR format.');
    const s = await post('/subnets', { subnet: { network_id: ids.net, ip_version: 4, cidr: '10.5.0.0/24', name: 't-sub' } });
    expect(s.status).toBe(201);
    const sub = (s.body as Obj).subnet as Obj;
    ids.sub = sub.id as string;
    expect(sub).toMatchObject({ gateway_ip: '10.5.0.1', allocation_pools: [{ start: '10.5.0.2', end: '10.5.0.254' }] });
    const overlap = await post('/subnets', { subnet: { network_id: ids.net, ip_version: 4, cidr: '10.5.0.0/25' } });
    expect(overlap.status).toBe(400);
    expect(err(overlap.body).message).toContain('overlaps with another subnet');
    const v6 = await post('/subnets', { subnet: { network_id: ids.net, ip_version: 6, cidr: 'fd00:5::/64', ipv6_address_mode: 'slaac', ipv6_ra_mode: 'slaac' } });
    expect(v6.status).toBe(201);
    const pool = await post('/subnets', { subnet: { network_id: ids.net, ip_version: 4, cidr: '10.6.0.0/24', gateway_ip: '10.6.0.5', allocation_pools: [{ start: '10.6.0.2', end: '10.6.0.9' }] } });
    expect(pool.status).toBe(409);
    expect(err(pool.body).type).toBe('GatewayConflictWithAllocationPools');
  });
  it('creates ports with allocated IPs and rejects conflicts', async () => {
    const p = await post('/ports', { port: { network_id: ids.net, name: 't-port' } });
    expect(p.status).toBe(201);
    const port = (p.body as Obj).port as Obj;
    ids.port = port.id as string;
    expect(port.mac_address).toMatch(/^fa:16:3e:/);
    expect(port.fixed_ips).toEqual([{ subnet_id: ids.sub, ip_address: '10.5.0.2' }, expect.objectContaining({ ip_address: expect.stringMatching(/^fd00:5::f816:3eff:fe/) })]);
    expect((port.security_groups as string[])).toHaveLength(1);
    const dup = await post('/ports', { port: { network_id: ids.net, fixed_ips: [{ subnet_id: ids.sub, ip_address: '10.5.0.2' }] } });
    expect(dup.status).toBe(409);
    expect(err(dup.body)).toMatchObject({ type: 'IpAddressAlreadyAllocated', message: `IP address 10.5.0.2 already allocated in subnet ${ids.sub}` });
    const inUse = await del(`/networks/${ids.net}`);
    expect(inUse.status).toBe(409);
    expect(err(inUse.body).message).toContain('There are one or more ports still in use on the network');
  });
  it('routers: gateway, interface, floating IP, in-use rules', async () => {
    const pub = findNetwork(cloud.core, 'public', seedProjectId('demo'))!;
    const r = await post('/routers', { router: { name: 't-router', external_gateway_info: { network_id: pub.id } } });
    expect(r.status).toBe(201);
    const router = (r.body as Obj).router as { id: string; external_gateway_info: { external_fixed_ips: Array<{ ip_address: string }> } };
    ids.router = router.id;
    expect(router.external_gateway_info.external_fixed_ips[0].ip_address).toMatch(/^172\.24\.4\./);
    const unreachable = await post('/floatingips', { floatingip: { floating_network_id: pub.id, port_id: ids.port } });
    expect(unreachable.status).toBe(404);
    expect(err(unreachable.body).type).toBe('ExternalGatewayForFloatingIPNotFound');
    const add = await put(`/routers/${ids.router}/add_router_interface`, { subnet_id: ids.sub });
    expect(add.status).toBe(200);
    expect(add.body).toMatchObject({ id: ids.router, subnet_id: ids.sub });
    const f = await post('/floatingips', { floatingip: { floating_network_id: pub.id } });
    expect(f.status).toBe(201);
    const fip = (f.body as Obj).floatingip as Obj;
    ids.fip = fip.id as string;
    expect(fip).toMatchObject({ status: 'DOWN', port_id: null, port_details: null });
    const a = await put(`/floatingips/${ids.fip}`, { floatingip: { port_id: ids.port } });
    expect(a.body).toMatchObject({ floatingip: { port_id: ids.port, fixed_ip_address: '10.5.0.2', router_id: ids.router } });
    await new Promise((res) => setTimeout(res, 50));
    expect((await get(`/floatingips/${ids.fip}`)).body).toMatchObject({ floatingip: { status: 'ACTIVE' } });
    const busy = await del(`/routers/${ids.router}`);
    expect(busy.status).toBe(409);
    expect(err(busy.body).type).toBe('RouterInUse');
    expect((await put(`/routers/${ids.router}/remove_router_interface`, { subnet_id: ids.sub })).status).toBe(409);
    expect((await del(`/floatingips/${ids.fip}`)).status).toBe(204);
    expect((await put(`/routers/${ids.router}/remove_router_interface`, { subnet_id: ids.sub })).status).toBe(200);
    expect((await del(`/routers/${ids.router}`)).status).toBe(204);
    expect((await del(`/ports/${ids.port}`)).status).toBe(204);
    expect((await del(`/networks/${ids.net}`)).status).toBe(204);
  });
});

describe('one IPAM per subnet', () => {
  it('never hands out an address twice: ports, router gateways and floating IPs, asked for or not', async () => {
    const pub = findNetwork(cloud.core, 'public', seedProjectId('demo'))!;
    const subnetId = pub.subnets[0];
    const taken = async () => {
      const ports = ((await get(`/ports?network_id=${pub.id}`, admin)).body as { ports: Array<{ fixed_ips: Array<{ ip_address: string }> }> }).ports;
      return ports.flatMap((p) => p.fixed_ips.map((f) => f.ip_address));
    };
    const fip = ((await post('/floatingips', { floatingip: { floating_network_id: pub.id } })).body as { floatingip: { id: string; floating_ip_address: string } }).floatingip;
    const r = ((await post('/routers', { router: { name: 'ipam-router', external_gateway_info: { network_id: pub.id } } })).body as Obj).router as {
      id: string; external_gateway_info: { external_fixed_ips: Array<{ ip_address: string }> };
    };
    const gateway = r.external_gateway_info.external_fixed_ips[0].ip_address;
    const before = await taken();
    expect(new Set(before).size).toBe(before.length);
    expect(before).toEqual(expect.arrayContaining([fip.floating_ip_address, gateway]));

    const conflict = (addr: string) => ({ type: 'IpAddressAlreadyAllocated', message: `IP address ${addr} already allocated in subnet ${subnetId}`, detail: '' });
    const port = await post('/ports', { port: { network_id: pub.id, fixed_ips: [{ ip_address: fip.floating_ip_address }] } }, admin);
    expect(port.status).toBe(409);
    expect(err(port.body)).toEqual(conflict(fip.floating_ip_address));
    const fip2 = await post('/floatingips', { floatingip: { floating_network_id: pub.id, floating_ip_address: gateway } }, admin);
    expect(fip2.status).toBe(409);
    expect(err(fip2.body)).toEqual(conflict(gateway));
    const gw = await post('/routers', { router: { name: 'ipam-router-2', external_gateway_info: { network_id: pub.id, external_fixed_ips: [{ ip_address: fip.floating_ip_address }] } } }, admin);
    expect(gw.status).toBe(409);
    expect(err(gw.body)).toEqual(conflict(fip.floating_ip_address));
    // Nothing was taken by the refused requests.
    expect((await taken()).sort()).toEqual([...before].sort());

    // A released address is free again, for anyone.
    expect((await del(`/floatingips/${fip.id}`)).status).toBe(204);
    const again = await post('/ports', { port: { network_id: pub.id, fixed_ips: [{ ip_address: fip.floating_ip_address }] } }, admin);
    expect(again.status).toBe(201);
    expect((await del(`/ports/${((again.body as Obj).port as { id: string }).id}`, admin)).status).toBe(204);
    expect((await del(`/routers/${r.id}`)).status).toBe(204);
  });
});

describe('security groups', () => {
  it('creates rules with validation and refuses duplicates and in-use deletes', async () => {
    const g = await post('/security-groups', { security_group: { name: 't-sg' } });
    const sg = (g.body as Obj).security_group as { id: string; security_group_rules: Obj[] };
    expect(sg.security_group_rules).toHaveLength(2);
    const rule = { security_group_id: sg.id, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.1.2.3/8' };
    const r = await post('/security-group-rules', { security_group_rule: rule });
    expect(r.status).toBe(201);
    expect((r.body as Obj).security_group_rule).toMatchObject({ remote_ip_prefix: '10.1.2.3/8', normalized_cidr: '10.0.0.0/8', ethertype: 'IPv4' });
    const dup = await post('/security-group-rules', { security_group_rule: rule });
    expect(dup.status).toBe(409);
    expect(err(dup.body).type).toBe('SecurityGroupRuleExists');
    const range = await post('/security-group-rules', { security_group_rule: { ...rule, port_range_min: 30 } });
    expect(err(range.body).message).toBe('For TCP/UDP protocols, port_range_min must be <= port_range_max');
    const icmp = await post('/security-group-rules', { security_group_rule: { security_group_id: sg.id, direction: 'ingress', protocol: 'icmp', port_range_min: 8, port_range_max: 300 } });
    expect(err(icmp.body).type).toBe('SecurityGroupInvalidIcmpValue');
    // Messages as Neutron Zed answers them (checked on the realcloud).
    const cidr = await post('/security-group-rules', { security_group_rule: { ...rule, remote_ip_prefix: '10.0.0.300/24' } });
    expect(cidr.status).toBe(400);
    expect(err(cidr.body)).toMatchObject({ type: 'InvalidCIDR', message: 'Invalid CIDR 10.0.0.300/24 given as IP prefix.' });
    const port = await post('/security-group-rules', { security_group_rule: { ...rule, port_range_min: 70000, port_range_max: 70000 } });
    expect(err(port.body)).toMatchObject({ type: 'SecurityGroupInvalidPortValue', message: 'Invalid value for port 70000' });
    const proto = await post('/security-group-rules', { security_group_rule: { security_group_id: sg.id, direction: 'ingress', protocol: 'foo' } });
    expect(err(proto.body).type).toBe('SecurityGroupRuleInvalidProtocol');
    const net = findNetwork(cloud.core, 'private', seedProjectId('demo'))!;
    const p = await post('/ports', { port: { network_id: net.id, security_groups: [sg.id] } });
    const inUse = await del(`/security-groups/${sg.id}`);
    expect(err(inUse.body)).toMatchObject({ type: 'SecurityGroupInUse', message: `Security Group ${sg.id} in use.` });
    await del(`/ports/${((p.body as Obj).port as Obj).id as string}`);
    expect((await del(`/security-groups/${sg.id}`)).status).toBe(204);
  });
});

describe('quotas', () => {
  it('enforces the floating IP quota with OverQuota', async () => {
    const pid = seedProjectId('demo-team');
    expect((await put(`/quotas/${pid}`, { quota: { floatingip: 0 } })).status).toBe(403);
    expect((await put(`/quotas/${pid}`, { quota: { floatingip: 0 } }, admin)).body).toMatchObject({ quota: { floatingip: 0 } });
    const pub = findNetwork(cloud.core, 'public', pid)!;
    const r = await post('/floatingips', { floatingip: { floating_network_id: pub.id } }, team);
    expect(r.status).toBe(409);
    expect(err(r.body)).toEqual({ type: 'OverQuota', message: "Quota exceeded for resources: ['floatingip'].", detail: '' });
    const d = await get(`/quotas/${pid}/details`, team);
    expect(d.body).toMatchObject({ quota: { network: { limit: 100, used: 1, reserved: 0 } } });
    expect((await del(`/quotas/${pid}`, admin)).status).toBe(204);
  });
  it('answers malformed and unknown bodies', async () => {
    const r = await call(cloud, 'POST', `${N}/networks`, { token: demo, rawBody: '{"network":', headers: { 'content-type': 'application/json' } });
    expect(err(r.body)).toMatchObject({ type: 'HTTPBadRequest', message: 'Body contains invalid data' });
    expect(err((await post('/networks', { network: { bogus: 1 } })).body).message).toBe("Unrecognized attribute(s) 'bogus'");
    expect(err((await post('/networks', {})).body).message).toBe("Unable to find 'network' in request body");
  });
});

describe('api.ts contract', () => {
  it('allocates, renders and releases server ports', async () => {
    const pid = seedProjectId('demo');
    const port = allocateServerPort(cloud.core, { projectId: pid, serverId: 'srv-1' });
    expect(port.device_owner).toBe('compute:nova');
    const addrs = serverAddresses(cloud.core, 'srv-1');
    expect(addrs.private[0]).toMatchObject({ version: 4, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': port.mac_address });
    expect(serverSecurityGroupNames(cloud.core, 'srv-1')).toEqual(['default']);
    expect(portsOfServer(cloud.core, 'srv-1')).toHaveLength(1);
    expect(() => allocateServerPort(cloud.core, { projectId: pid, serverId: 'srv-2', networkId: 'nope' })).toThrow(/could not be found/);
    releaseServerPorts(cloud.core, 'srv-1');
    expect(portsOfServer(cloud.core, 'srv-1')).toHaveLength(0);
  });
});
