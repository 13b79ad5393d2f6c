// The dashboard's own words in the network kinds' cells and overview fields, read in English (e2e reads some).
import { describe, expect, it } from 'vitest';
import type { Text } from '@/lib/i18n/msg';
import { en } from '@/lib/testing/english';
import type { AnyDefinition, CellValue } from '../types';
import { floatingIpDefinition, FloatingIpSchema } from './floating-ip';
import { networkDefinition, NetworkSchema } from './network';
import { portDefinition, PortSchema } from './port';
import { routerDefinition, RouterSchema } from './router';
import { securityGroupDefinition, SecurityGroupSchema } from './security-group';
import { subnetDefinition, SubnetSchema } from './subnet';

const ctx = { lookups: {} };
const text = (v: CellValue) => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined || typeof v === 'number' ? v : en(v as Text));
const columns = (def: AnyDefinition, row: unknown) => Object.fromEntries(def.columns.map((c) => [c.id, text(c.value(row, ctx))]));
const overview = (def: AnyDefinition, row: unknown) => Object.fromEntries((def.overview ?? []).map((f) => [en(f.label), text(f.value(row, ctx))]));

describe('network words', () => {
  it('networks', () => {
    const n = NetworkSchema.parse({ id: 'n1', name: 'net', status: 'ACTIVE', admin_state_up: false, shared: true, 'router:external': true, port_security_enabled: false });
    expect(columns(networkDefinition, n)).toMatchObject({ shared: 'Yes', external: 'Yes', admin: 'DOWN' });
    expect(overview(networkDefinition, n)).toMatchObject({ 'Admin state': 'DOWN', External: 'Yes: routers use it as their gateway; floating IPs come from it', 'Port security': 'Disabled' });
    const m = { ...n, shared: false, 'router:external': false, admin_state_up: true, port_security_enabled: true };
    expect(columns(networkDefinition, m)).toMatchObject({ shared: 'No', external: 'No', admin: 'UP' });
    expect(overview(networkDefinition, m)).toMatchObject({ External: 'No', 'Port security': 'Enabled' });
  });
  it('subnets', () => {
    const s = SubnetSchema.parse({ id: 's1', name: 's', network_id: 'n1', cidr: '10.0.0.0/24', ip_version: 4, gateway_ip: null, enable_dhcp: false, allocation_pools: [] });
    expect(columns(subnetDefinition, s)).toMatchObject({ gateway: 'none', dhcp: 'Off', version: 'IPv4' });
    expect(columns(subnetDefinition, { ...s, gateway_ip: '10.0.0.1', enable_dhcp: true })).toMatchObject({ gateway: '10.0.0.1', dhcp: 'On' });
  });
  it('routers', () => {
    const r = RouterSchema.parse({ id: 'r1', name: 'r', status: 'ACTIVE', admin_state_up: true, external_gateway_info: { network_id: 'pub', enable_snat: true } });
    expect(columns(routerDefinition, r)).toMatchObject({ gateway: 'pub', admin: 'Up' });
    expect(overview(routerDefinition, r)).toMatchObject({ 'Admin state': 'Up (forwarding)', SNAT: 'Enabled: instances without a floating IP reach out through the gateway IP' });
    const off = { ...r, admin_state_up: false, external_gateway_info: null };
    expect(columns(routerDefinition, off)).toMatchObject({ gateway: 'None', admin: 'Down' });
    expect(overview(routerDefinition, off)).toMatchObject({ 'Admin state': 'Down (not forwarding)', SNAT: '' });
    expect(overview(routerDefinition, { ...r, external_gateway_info: { network_id: 'pub', enable_snat: false } })).toMatchObject({ SNAT: 'Disabled' });
  });
  it('ports', () => {
    const p = PortSchema.parse({ id: 'p1', network_id: 'n1', status: 'DOWN', device_owner: 'compute:nova', device_id: 'vm1', admin_state_up: false, port_security_enabled: false });
    expect(columns(portDefinition, p)).toMatchObject({ owner: 'Instance' });
    expect(overview(portDefinition, p)).toMatchObject({ 'Attached to': 'Instance vm1', 'Port security': 'Disabled: no filtering, no anti-spoofing', 'Admin state': 'DOWN' });
    const dhcp = { ...p, device_owner: 'network:dhcp', device_id: '', admin_state_up: true, port_security_enabled: true };
    expect(columns(portDefinition, dhcp)).toMatchObject({ owner: 'DHCP' });
    expect(overview(portDefinition, dhcp)).toMatchObject({ 'Attached to': 'DHCP', 'Port security': 'Enabled', 'Admin state': 'UP' });
    // An owner Stratus does not know is Neutron's own word.
    expect(overview(portDefinition, { ...p, device_owner: 'Octavia', device_id: 'lb1' })).toMatchObject({ 'Attached to': 'Octavia lb1' });
    expect(columns(portDefinition, { ...p, device_owner: '', device_id: '' })).toMatchObject({ owner: 'Unattached' });
  });
  it('floating IPs', () => {
    const f = FloatingIpSchema.parse({ id: 'f1', floating_ip_address: '172.24.4.2', floating_network_id: 'pub', port_id: null, fixed_ip_address: null, status: 'DOWN' });
    expect(columns(floatingIpDefinition, f)).toMatchObject({ target: 'Not associated' });
    expect(overview(floatingIpDefinition, f)).toMatchObject({
      Translation: 'Not associated: this address is reserved for your project but reaches nothing. Associate it with an instance, or release it back to the pool.',
      Status: 'DOWN: Not associated with a port',
    });
    const on = { ...f, port_id: 'port-1', fixed_ip_address: '10.0.0.5', port_details: { name: 'eth0' } };
    expect(columns(floatingIpDefinition, on)).toMatchObject({ target: 'port eth0' });
    expect(overview(floatingIpDefinition, on)).toMatchObject({
      Translation: 'Traffic to 172.24.4.2 is translated to 10.0.0.5 by the router.',
      Status: 'DOWN: Associated, but no L3 agent has activated it yet',
    });
    expect(overview(floatingIpDefinition, { ...on, fixed_ip_address: null, status: 'ACTIVE' })).toMatchObject({
      Translation: 'Traffic to 172.24.4.2 is translated to the port by the router.',
      Status: 'ACTIVE',
    });
  });
  it('security groups', () => {
    const g = SecurityGroupSchema.parse({ id: 'g1', name: 'web', stateful: false, security_group_rules: [] });
    expect(columns(securityGroupDefinition, g)).toMatchObject({ stateful: 'No' });
    expect(overview(securityGroupDefinition, g)).toMatchObject({ Stateful: 'No: replies need their own rules' });
    expect(columns(securityGroupDefinition, { ...g, stateful: true })).toMatchObject({ stateful: 'Yes' });
    expect(overview(securityGroupDefinition, { ...g, stateful: undefined })).toMatchObject({ Stateful: 'Yes: replies to allowed traffic are allowed' });
  });
});
