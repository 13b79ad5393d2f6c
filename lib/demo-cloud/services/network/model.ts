// Neutron state (plain JSON, persistable): record types, quotas, and small helpers shared by
// the live model (network-model.ts), the seed and the routes.
import { randomBytes } from 'node:crypto';
import { isoSeconds } from '../../core/clock';
import { conflict, HttpError, notFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import type { Transitional } from '../../core/transitions';
import { cidrLast, cidrString, formatIp, parseCidr } from './ip';

export const neutronError = (status: number, type: string, message: string) => new HttpError(status, message, { type });

export interface Network {
  id: string;
  name: string;
  tenant_id: string;
  project_id: string;
  admin_state_up: boolean;
  mtu: number;
  status: string;
  subnets: string[];
  shared: boolean;
  availability_zone_hints: string[];
  availability_zones: string[];
  ipv4_address_scope: null;
  ipv6_address_scope: null;
  'router:external': boolean;
  description: string;
  port_security_enabled: boolean;
  l2_adjacency: boolean;
  is_default: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
  'provider:network_type': string;
  'provider:physical_network': string | null;
  'provider:segmentation_id': number | null;
}

export interface Pool { start: string; end: string }

export interface Subnet {
  id: string;
  name: string;
  tenant_id: string;
  project_id: string;
  network_id: string;
  ip_version: 4 | 6;
  subnetpool_id: null;
  enable_dhcp: boolean;
  ipv6_ra_mode: string | null;
  ipv6_address_mode: string | null;
  gateway_ip: string | null;
  cidr: string;
  allocation_pools: Pool[];
  host_routes: Array<{ destination: string; nexthop: string }>;
  dns_nameservers: string[];
  description: string;
  service_types: string[];
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export interface FixedIp { subnet_id: string; ip_address: string }

export interface Port extends Transitional {
  id: string;
  name: string;
  network_id: string;
  tenant_id: string;
  project_id: string;
  mac_address: string;
  admin_state_up: boolean;
  status: string;
  device_id: string;
  device_owner: string;
  fixed_ips: FixedIp[];
  allowed_address_pairs: Array<{ ip_address: string; mac_address: string }>;
  extra_dhcp_opts: unknown[];
  security_groups: string[];
  description: string;
  'binding:vnic_type': string;
  'binding:profile': Record<string, unknown>;
  'binding:host_id': string;
  'binding:vif_type': string;
  'binding:vif_details': Record<string, unknown>;
  port_security_enabled: boolean;
  ip_allocation: string;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
  /** Created by allocateServerPort (deleted with the server) rather than pre-created by the user. */
  _nova_created?: boolean;
}

export interface GatewayInfo {
  network_id: string;
  external_fixed_ips: FixedIp[];
  enable_snat: boolean;
}

export interface Router {
  id: string;
  name: string;
  tenant_id: string;
  project_id: string;
  admin_state_up: boolean;
  status: string;
  external_gateway_info: GatewayInfo | null;
  description: string;
  availability_zones: string[];
  availability_zone_hints: string[];
  routes: Array<{ destination: string; nexthop: string }>;
  flavor_id: null;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export interface FloatingIp extends Transitional {
  id: string;
  tenant_id: string;
  project_id: string;
  floating_ip_address: string;
  floating_network_id: string;
  router_id: string | null;
  port_id: string | null;
  fixed_ip_address: string | null;
  status: string;
  description: string;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export interface SecurityGroup {
  id: string;
  name: string;
  stateful: boolean;
  tenant_id: string;
  project_id: string;
  description: string;
  shared: boolean;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export interface SgRule {
  id: string;
  tenant_id: string;
  project_id: string;
  security_group_id: string;
  ethertype: 'IPv4' | 'IPv6';
  direction: 'ingress' | 'egress';
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_address_group_id: null;
  normalized_cidr: string | null;
  remote_group_id: string | null;
  standard_attr_id: number;
  description: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
  revision_number: number;
}

export const QUOTA_DEFAULTS = {
  network: 100,
  subnet: 100,
  subnetpool: -1,
  port: 500,
  router: 10,
  floatingip: 50,
  rbac_policy: 10,
  security_group: 10,
  security_group_rule: 100,
} as const;
export type QuotaKey = keyof typeof QUOTA_DEFAULTS;

export interface NetworkState {
  networks: Record<string, Network>;
  subnets: Record<string, Subnet>;
  ports: Record<string, Port>;
  routers: Record<string, Router>;
  floatingips: Record<string, FloatingIp>;
  securityGroups: Record<string, SecurityGroup>;
  rules: Record<string, SgRule>;
  /** Non-default quotas per project. */
  quotas: Record<string, Partial<Record<QuotaKey, number>>>;
  /** Project id -> its default security group id. */
  defaultSg: Record<string, string>;
  nextAttrId: number;
  nextSegment: number;
}

export const now = () => isoSeconds(Date.now());

export function macAddress(): string {
  const b = randomBytes(3);
  return `fa:16:3e:${[...b].map((x) => x.toString(16).padStart(2, '0')).join(':')}`;
}

export const AUTO_DELETE_OWNERS = ['network:dhcp'];
export const ROUTER_OWNERS = ['network:router_interface', 'network:router_interface_distributed', 'network:ha_router_replicated_interface'];

export function makeSubnet(net: Network, name: string, cidr: string, extra: Partial<Subnet> = {}, id = uuid()): Subnet {
  const c = parseCidr(cidr)!;
  const gw = formatIp(c.version, c.network + 1n);
  const t = now();
  const sub: Subnet = {
    id, name, tenant_id: net.project_id, project_id: net.project_id, network_id: net.id, ip_version: c.version,
    subnetpool_id: null, enable_dhcp: true, ipv6_ra_mode: null, ipv6_address_mode: null, gateway_ip: gw, cidr: cidrString(c),
    allocation_pools: [{ start: formatIp(c.version, c.network + 2n), end: formatIp(c.version, cidrLast(c) - (c.version === 4 ? 1n : 0n)) }],
    host_routes: [], dns_nameservers: [], description: '', service_types: [], tags: [], created_at: t, updated_at: t, revision_number: 0,
    ...extra,
  };
  net.subnets.push(sub.id);
  return sub;
}

export function notFoundOf(kind: string, id: string): HttpError {
  return notFound(`${kind} ${id} could not be found.`);
}
export { conflict };
