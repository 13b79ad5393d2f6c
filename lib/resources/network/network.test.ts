import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { issueMsg } from '@/lib/i18n/issue';
import { networkCreateBody, networkCreateCli, networkEditBody, networkEditCli, NetworkSchema, networkStatus } from './network';
import { portCreateBody, portCreateCli, portCreateSchema, portSecurityGroupsCli } from './port';
import { emptySubnetValues, subnetCreateBody, subnetCreateCli, subnetCreateSchema, subnetEditBody, subnetEditCli, SubnetSchema } from './subnet';

/** A zod issue's message as the form shows it in English. */
const english = (message: string | undefined) => en(issueMsg(message));

const net = NetworkSchema.parse({ id: 'n1', name: 'web', status: 'ACTIVE', admin_state_up: true, subnets: [] });

describe('network', () => {
  it('status reads admin state', () => {
    expect(networkStatus(net).tone).toBe('ok');
    expect(networkStatus({ ...net, admin_state_up: false }).tone).toBe('unknown');
    expect(networkStatus({ ...net, status: 'ERROR' }).tone).toBe('error');
  });
  it('create body and CLI', () => {
    expect(networkCreateBody({ name: ' web ', description: '', adminStateUp: false })).toEqual({ network: { name: 'web', admin_state_up: false } });
    expect(networkCreateCli({ name: "bob's net", description: 'a b', adminStateUp: false })).toBe(`openstack network create --description 'a b' --disable 'bob'\\''s net'`);
  });
  it('edit sends only changes and can clear the description', () => {
    const n = { ...net, description: 'old' };
    expect(networkEditBody(n, { name: 'web', description: '', adminStateUp: true })).toEqual({ network: { description: '' } });
    expect(networkEditCli(n, { name: 'web2', description: '', adminStateUp: false })).toBe("openstack network set --name web2 --description '' --disable n1");
  });
});

describe('subnet', () => {
  const v = { ...emptySubnetValues('10.0.0.0/24'), name: 'sub', dns: '8.8.8.8', pools: '10.0.0.10-10.0.0.20', gateway: 'none' };
  it('validates against existing CIDRs', () => {
    const r = subnetCreateSchema(['10.0.0.0/16']).safeParse(v);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['cidr']);
  });
  it('rejects mismatched IPv6 modes and a v4 CIDR as v6', () => {
    const r = subnetCreateSchema().safeParse({ ...v, ipVersion: '6', cidr: 'fd00::/64', pools: '', ipv6AddressMode: 'slaac', ipv6RaMode: 'dhcpv6-stateful' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['ipv6RaMode']);
    expect(english(subnetCreateSchema().safeParse({ ...v, ipVersion: '6' }).error?.issues[0].message)).toMatch(/IPv4 range/);
    const six = { ...v, ipVersion: '6' as const, cidr: 'fd00::/80', pools: '', gateway: '', ipv6AddressMode: 'slaac' };
    expect(subnetCreateSchema().safeParse(six).error?.issues.map((i) => english(i.message))).toEqual(['SLAAC addresses (EUI-64) need a /64 range']);
    expect(subnetCreateSchema().safeParse({ ...six, cidr: 'fd00::/64', dhcp: false }).error?.issues.map((i) => i.path.join('.'))).toEqual(['ipv6AddressMode']);
    expect(subnetCreateSchema().safeParse({ ...six, ipv6AddressMode: 'dhcpv6-stateful' }).success).toBe(true);
  });
  it('body and CLI', () => {
    const parsed = subnetCreateSchema().parse(v);
    expect(subnetCreateBody('n1', parsed)).toEqual({
      subnet: { network_id: 'n1', ip_version: 4, cidr: '10.0.0.0/24', name: 'sub', enable_dhcp: true, gateway_ip: null, dns_nameservers: ['8.8.8.8'], allocation_pools: [{ start: '10.0.0.10', end: '10.0.0.20' }] },
    });
    expect(subnetCreateCli('web', v)).toBe('openstack subnet create --network web --subnet-range 10.0.0.0/24 --gateway none --dns-nameserver 8.8.8.8 --allocation-pool start=10.0.0.10,end=10.0.0.20 sub');
    const six = { ...emptySubnetValues('fd00::/64'), ipVersion: '6' as const, name: 'v6', ipv6AddressMode: 'slaac', ipv6RaMode: 'slaac' };
    expect(subnetCreateCli('web', six)).toBe('openstack subnet create --network web --subnet-range fd00::/64 --ip-version 6 --ipv6-ra-mode slaac --ipv6-address-mode slaac v6');
    expect(subnetCreateBody('n1', subnetCreateSchema().parse(six)).subnet).toMatchObject({ ip_version: 6, ipv6_address_mode: 'slaac', ipv6_ra_mode: 'slaac' });
  });
  it('edit sends only changes', () => {
    const s = SubnetSchema.parse({ id: 's1', name: 'sub', network_id: 'n1', ip_version: 4, cidr: '10.0.0.0/24', gateway_ip: '10.0.0.1', enable_dhcp: true, allocation_pools: [{ start: '10.0.0.2', end: '10.0.0.254' }] });
    const same = subnetCreateSchema().parse({ ...emptySubnetValues('10.0.0.0/24'), name: 'sub', gateway: '10.0.0.1', pools: '10.0.0.2-10.0.0.254' });
    expect(subnetEditBody(s, same)).toEqual({ subnet: {} });
    const changed = { ...same, dhcp: false, dns: '1.1.1.1', gateway: 'none' };
    expect(subnetEditBody(s, changed)).toEqual({ subnet: { enable_dhcp: false, gateway_ip: null, dns_nameservers: ['1.1.1.1'] } });
    expect(subnetEditCli(s, changed)).toBe('openstack subnet set --gateway none --no-dhcp --no-dns-nameservers --dns-nameserver 1.1.1.1 s1');
  });
});

describe('port', () => {
  const subnets = [{ id: 's1', cidr: '10.0.0.0/24' }];
  it('checks the fixed IP against the chosen subnet', () => {
    const base = { name: 'p', description: '', subnetId: 's1', ipAddress: '10.0.1.5', securityGroups: [] };
    expect(english(portCreateSchema(subnets).safeParse(base).error?.issues[0].message)).toMatch(/inside 10.0.0.0\/24/);
    expect(portCreateSchema(subnets).safeParse({ ...base, subnetId: '' }).error?.issues[0].path).toEqual(['subnetId']);
    expect(portCreateSchema(subnets).safeParse({ ...base, ipAddress: '10.0.0.5' }).success).toBe(true);
  });
  it('body and CLI', () => {
    const v = { name: 'p', description: '', subnetId: 's1', ipAddress: '10.0.0.5', securityGroups: ['g1'] };
    expect(portCreateBody('n1', v)).toEqual({ port: { network_id: 'n1', name: 'p', fixed_ips: [{ subnet_id: 's1', ip_address: '10.0.0.5' }], security_groups: ['g1'] } });
    expect(portCreateBody('n1', { ...v, subnetId: '', ipAddress: '', securityGroups: [] })).toEqual({ port: { network_id: 'n1', name: 'p' } });
    expect(portCreateCli('web', v, { g1: 'web sg' })).toBe("openstack port create --network web --fixed-ip subnet=s1,ip-address=10.0.0.5 --security-group 'web sg' p");
    expect(portSecurityGroupsCli({ id: 'p1' }, [])).toBe('openstack port set --no-security-group p1');
  });
});
