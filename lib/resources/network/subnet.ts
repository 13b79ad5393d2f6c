// Neutron subnets: the layer-3 side of a network. A subnet is an IP range (CIDR) on one network, with a gateway,
// optional DHCP, name servers and the pools Neutron hands addresses out of. A network may hold several (IPv4 and
// IPv6), but their ranges must not overlap.
import { z } from 'zod';
import { msg, type Msg, type MsgKey } from '@/lib/i18n/msg';
import { define, deleteAction, nameColumn, nameOrId, rest, rowNames } from '../define';
import type { ApiRequest, ResourceAction } from '../types';
import { cidrProblem, gatewayProblem, parseCidr, parseNameservers, parsePools } from './cidr';
import { issueText } from '@/lib/i18n/issue';
import { command } from '../cli';
import { maybeStrings } from '../schema';
import { NEUTRON, NEUTRON_STANDARD } from './standard';
import { subnetHeat } from '../iac/subnet';

const PoolSchema = z.looseObject({ start: z.string(), end: z.string() });

export const SubnetSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  description: z.string().nullable().optional(),
  network_id: z.string().min(1),
  ip_version: z.union([z.literal(4), z.literal(6)]),
  cidr: z.string(),
  gateway_ip: z.string().nullable().optional(),
  enable_dhcp: z.boolean().optional(),
  dns_nameservers: z.array(z.string()).default([]),
  allocation_pools: z.array(PoolSchema).default([]),
  host_routes: z.array(z.looseObject({ destination: z.string(), nexthop: z.string() })).optional(),
  ...maybeStrings('ipv6_ra_mode', 'ipv6_address_mode', 'subnetpool_id', 'segment_id'),
  service_types: z.array(z.string()).optional(),
  ...NEUTRON_STANDARD,
});
export type Subnet = z.infer<typeof SubnetSchema>;

export const IPV6_MODES = ['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless'] as const;
export const IPV6_MODE_HINTS: Record<(typeof IPV6_MODES)[number], MsgKey> = {
  slaac: 'kinds.subnet.ipv6Modes.slaac',
  'dhcpv6-stateful': 'kinds.subnet.ipv6Modes.dhcpv6Stateful',
  'dhcpv6-stateless': 'kinds.subnet.ipv6Modes.dhcpv6Stateless',
};

export const poolsText = (s: Pick<Subnet, 'allocation_pools'>) => s.allocation_pools.map((p) => `${p.start}-${p.end}`).join('\n');

export const SUBNET_ACTIONS: readonly ResourceAction<Subnet>[] = [
  // One at a time (the network page's subnet list), so the title is always "Delete subnet?".
  deleteAction({
    title: 'kinds.subnet.confirm.deleteTitle', bulk: false,
    path: (s) => `v2.0/subnets/${s.id}`, cli: (s) => command('openstack', 'subnet', 'delete', s.id),
    body: (r) => msg('kinds.subnet.confirm.deleteBody', { names: rowNames(r, (s) => (s.name ? `${s.name} (${s.cidr})` : s.cidr)).names }),
  }),
];

export const subnetDefinition = define<Subnet>({
  kind: 'subnet',
  slug: 'subnets',
  label: { singular: 'kinds.subnet.singular', plural: 'kinds.subnet.plural', noun: 'kinds.subnet.noun' },
  ...rest(NEUTRON, 'v2.0/subnets', 'subnet'),
  schema: SubnetSchema,
  columns: [
    nameColumn(nameOrId, { sortKey: 'name' }),
    { id: 'cidr', label: 'kinds.subnet.columns.cidr', value: (s) => s.cidr, cell: 'mono', sortKey: 'cidr' },
    { id: 'version', label: 'kinds.subnet.columns.ipVersion', value: (s) => `IPv${s.ip_version}` },
    { id: 'gateway', label: 'kinds.subnet.columns.gateway', value: (s) => s.gateway_ip ?? msg('kinds.subnet.columns.noGateway', {}), cell: 'mono' },
    { id: 'dhcp', label: 'kinds.subnet.columns.dhcp', value: (s) => msg(s.enable_dhcp ? 'kinds.subnet.columns.dhcpOn' : 'kinds.subnet.columns.dhcpOff', {}) },
    { id: 'pools', label: 'kinds.subnet.columns.pools', value: (s) => s.allocation_pools.map((p) => `${p.start}-${p.end}`), cell: 'list' },
  ],
  filters: [{ id: 'network_id', label: 'kinds.subnet.filters.networkId', type: 'text' }],
  // The network lists its subnets; its ports lose their addresses on the subnet.
  invalidates: ['network', 'port'],
  actions: SUBNET_ACTIONS,
  heat: subnetHeat,
  cli: { list: 'openstack subnet list', show: (s) => command('openstack', 'subnet', 'show', s.id) },
});

// ---- Create and edit ----------------------------------------------------------------------------

/** What the subnet part of a form holds (all text, as typed). */
export interface SubnetValues {
  name: string;
  ipVersion: '4' | '6';
  cidr: string;
  /** Blank = Neutron's default (first address), "none" = no gateway. */
  gateway: string;
  dhcp: boolean;
  dns: string;
  pools: string;
  ipv6AddressMode: string;
  ipv6RaMode: string;
}

export const emptySubnetValues = (cidr = ''): SubnetValues => ({ name: '', ipVersion: '4', cidr, gateway: '', dhcp: true, dns: '', pools: '', ipv6AddressMode: '', ipv6RaMode: '' });

const modeSchema = z.union([z.literal(''), z.enum(IPV6_MODES)]);

/** Subnet input validated the way Neutron would, against the network's existing CIDRs (no overlap allowed). */
export function subnetCreateSchema(existingCidrs: readonly string[] = []) {
  return z
    .object({
      name: z.string().trim().min(1, { error: 'kinds.subnet.errors.nameRequired' }).max(255, { error: 'kinds.network.errors.tooLong' }),
      ipVersion: z.enum(['4', '6']),
      cidr: z.string(),
      gateway: z.string(),
      dhcp: z.boolean(),
      dns: z.string(),
      pools: z.string(),
      ipv6AddressMode: modeSchema,
      ipv6RaMode: modeSchema,
    })
    .superRefine((v, ctx) => {
      const issue = (path: keyof typeof v, m: Msg) => ctx.addIssue({ code: 'custom', path: [path], message: issueText(m) });
      const version = v.ipVersion === '6' ? 6 : 4;
      const c = cidrProblem(v.cidr, version, existingCidrs, v.dhcp);
      if (c) issue('cidr', c);
      const cidrOk = !c;
      const g = gatewayProblem(v.gateway, cidrOk ? v.cidr : '');
      if (g) issue('gateway', g);
      const dns = parseNameservers(v.dns).problem;
      if (dns) issue('dns', dns);
      if (cidrOk) {
        const p = parsePools(v.pools, v.cidr).problem;
        if (p) issue('pools', p);
      }
      const modes = [v.ipv6AddressMode, v.ipv6RaMode].filter(Boolean);
      if (version === 6 && modes.length) {
        // Neutron's rules: modes need DHCP, must agree when both are set, and SLAAC (EUI-64) needs a /64.
        if (!v.dhcp) issue('ipv6AddressMode', 'kinds.subnet.errors.ipv6NeedsDhcp');
        else if (v.ipv6AddressMode && v.ipv6RaMode && v.ipv6AddressMode !== v.ipv6RaMode) issue('ipv6RaMode', 'kinds.subnet.errors.ipv6ModesDiffer');
        const c6 = cidrOk ? parseCidr(v.cidr) : null;
        if (c6 && c6.prefix !== 64 && modes.some((m) => m === 'slaac' || m === 'dhcpv6-stateless')) {
          issue('cidr', 'kinds.subnet.errors.slaacNeeds64');
        }
      }
    });
}
export type SubnetCreate = z.infer<ReturnType<typeof subnetCreateSchema>>;

function gatewayValue(text: string): string | null | undefined {
  const g = text.trim();
  if (!g) return undefined;
  return g.toLowerCase() === 'none' ? null : g;
}

export function subnetCreateBody(networkId: string, v: SubnetCreate): { subnet: Record<string, unknown> } {
  const version = v.ipVersion === '6' ? 6 : 4;
  const subnet: Record<string, unknown> = { network_id: networkId, ip_version: version, cidr: v.cidr.trim(), name: v.name.trim(), enable_dhcp: v.dhcp };
  const gw = gatewayValue(v.gateway);
  if (gw !== undefined) subnet.gateway_ip = gw;
  const dns = parseNameservers(v.dns).servers;
  if (dns.length) subnet.dns_nameservers = dns;
  const pools = parsePools(v.pools, v.cidr).pools;
  if (pools.length) subnet.allocation_pools = pools;
  if (version === 6 && v.ipv6AddressMode) subnet.ipv6_address_mode = v.ipv6AddressMode;
  if (version === 6 && v.ipv6RaMode) subnet.ipv6_ra_mode = v.ipv6RaMode;
  return { subnet };
}

export const subnetCreateRequest = (networkId: string, v: SubnetCreate): ApiRequest => ({ method: 'POST', path: 'v2.0/subnets', body: subnetCreateBody(networkId, v) });

type Pool = { start: string; end: string };
const poolArgs = (pools: Pool[]) => pools.flatMap((p) => ['--allocation-pool', `start=${p.start},end=${p.end}`]);

/** `openstack subnet create ...` for the values as typed (placeholders for what is still missing). */
export function subnetCreateCli(network: string, v: SubnetValues): string {
  const six = v.ipVersion === '6';
  const gw = gatewayValue(v.gateway);
  const pools = parseCidr(v.cidr) ? parsePools(v.pools, v.cidr).pools : [];
  return command(
    'openstack', 'subnet', 'create',
    {
      '--network': network || '<network>', '--subnet-range': v.cidr.trim() || '<cidr>', '--ip-version': six && '6',
      '--ipv6-ra-mode': (six && v.ipv6RaMode) || undefined, '--ipv6-address-mode': (six && v.ipv6AddressMode) || undefined,
      '--gateway': gw === null ? 'none' : gw || undefined, '--no-dhcp': !v.dhcp,
    },
    ...parseNameservers(v.dns).servers.flatMap((d) => ['--dns-nameserver', d]),
    ...poolArgs(pools),
    v.name.trim() || '<name>',
  );
}

/** The subnet's current values, for the edit form. */
export const subnetValues = (s: Subnet): SubnetValues => ({
  name: s.name, ipVersion: s.ip_version === 6 ? '6' : '4', cidr: s.cidr, gateway: s.gateway_ip ?? 'none', dhcp: s.enable_dhcp !== false,
  dns: s.dns_nameservers.join(', '), pools: poolsText(s), ipv6AddressMode: s.ipv6_address_mode ?? '', ipv6RaMode: s.ipv6_ra_mode ?? '',
});

/** Edit: the CIDR, version and IPv6 modes are fixed once created; the subnet's own CIDR does not count as overlap. */
export const subnetEditSchema = () => subnetCreateSchema([]);

/** Only the changed attributes. */
export function subnetEditBody(s: Subnet, v: SubnetCreate): { subnet: Record<string, unknown> } {
  const cur = subnetValues(s);
  const subnet: Record<string, unknown> = {};
  if (v.name.trim() !== s.name) subnet.name = v.name.trim();
  if (v.dhcp !== cur.dhcp) subnet.enable_dhcp = v.dhcp;
  const gw = gatewayValue(v.gateway);
  const curGw = s.gateway_ip ?? null;
  if (gw !== undefined && gw !== curGw) subnet.gateway_ip = gw;
  const dns = parseNameservers(v.dns).servers;
  if (dns.join(',') !== s.dns_nameservers.join(',')) subnet.dns_nameservers = dns;
  const pools = parsePools(v.pools, s.cidr).pools;
  if (pools.length && poolsText({ allocation_pools: pools }) !== cur.pools) subnet.allocation_pools = pools;
  return { subnet };
}

export function subnetEditCli(s: Subnet, v: SubnetCreate): string {
  const b = subnetEditBody(s, v).subnet as { name?: string; gateway_ip?: string | null; enable_dhcp?: boolean; dns_nameservers?: string[]; allocation_pools?: Pool[] };
  return command(
    'openstack', 'subnet', 'set',
    { '--name': b.name, '--gateway': b.gateway_ip === null ? 'none' : b.gateway_ip, '--dhcp': b.enable_dhcp === true, '--no-dhcp': b.enable_dhcp === false, '--no-dns-nameservers': !!b.dns_nameservers },
    ...(b.dns_nameservers ?? []).flatMap((d) => ['--dns-nameserver', d]),
    ...(b.allocation_pools ? ['--no-allocation-pool', ...poolArgs(b.allocation_pools)] : []),
    s.id,
  );
}
