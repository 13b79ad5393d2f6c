// Share networks (the Neutron network and subnet a share type with share servers puts them on) and security
// services (LDAP, Kerberos, Active Directory a share server joins). Both answer create with 200 and their object.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, choices, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rowNames } from '../define';
import type { ApiRequest } from '../types';
import { MANILA, MANILA_KINDS, SecurityServiceSchema, ShareNetworkSchema, type SecurityService, type ShareNetwork } from './manila';

const nameRule = z.string().trim().max(255, { error: 'kinds.share.errors.nameLength' });
const descriptionRule = z.string().max(255, { error: 'kinds.share.errors.descriptionLength' });
const optional = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v));

// ---- Share networks -------------------------------------------------------------------------------------------

export const ShareNetworkCreateSchema = z
  .object({ name: nameRule, description: descriptionRule, network: z.string(), subnet: z.string() })
  .refine((v) => !v.subnet || v.network, { path: ['network'], error: 'kinds.shareNetwork.errors.networkForSubnet' });
export type ShareNetworkCreate = z.infer<typeof ShareNetworkCreateSchema>;

export const shareNetworkCreateRequest = (i: ShareNetworkCreate): ApiRequest => ({
  method: 'POST', path: 'share-networks',
  body: { share_network: optional({ name: i.name, description: i.description, neutron_net_id: i.network, neutron_subnet_id: i.subnet }) },
});

/** A share network's subnets (one per availability zone since 2.51): the Neutron subnets it names. */
const subnetsOf = (n: ShareNetwork) => (n.share_network_subnets ?? []).map((s) => s.cidr || s.neutron_subnet_id || '').filter(Boolean);

export const shareNetworkDefinition = define<ShareNetwork, ShareNetworkCreate>({
  kind: MANILA_KINDS.network,
  slug: 'share-networks',
  label: { singular: 'kinds.shareNetwork.singular', plural: 'kinds.shareNetwork.plural', noun: 'kinds.shareNetwork.noun' },
  service: MANILA.service,
  paths: { list: 'share-networks/detail', item: (id) => `share-networks/${id}` },
  keys: { list: 'share_networks', item: 'share_network' },
  schema: ShareNetworkSchema,
  name: (n) => n.name ?? '',
  status: (n) => ({ label: n.status ?? 'active', tone: n.status === 'error' ? 'error' : n.status === 'network_change' ? 'busy' : 'ok' }),
  columns: [
    nameColumn(nameOrId),
    { id: 'subnets', label: 'kinds.shareNetwork.fields.subnets', value: (n) => subnetsOf(n), cell: 'list' },
    { id: 'status', label: 'common.status', value: (n) => n.status ?? '', cell: 'status' },
    ageColumn((n) => n.created_at ?? ''),
    idColumn((n) => n.id),
  ],
  filters: [nameFilter],
  actions: [
    deleteAction<ShareNetwork>({
      title: 'kinds.shareNetwork.confirm.deleteTitle', path: (n) => `share-networks/${n.id}`, cli: (n) => command('openstack share network delete', n.id),
      body: (rows) => msg('kinds.shareNetwork.confirm.deleteBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
    }),
  ],
  create: {
    schema: ShareNetworkCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
      {
        name: 'network', label: 'kinds.shareNetwork.fields.network', type: 'select', resets: () => ({ subnet: '' }),
        optionsFrom: { service: 'network', path: 'v2.0/networks?fields=id&fields=name', key: 'networks', kind: 'network', value: (o) => String(o.id), label: (o) => String(o.name || o.id), noun: 'kinds.network.noun', none: 'kinds.shareNetwork.form.noNetwork', choose: 'kinds.shareNetwork.form.noNetwork' },
      },
      {
        name: 'subnet', label: 'kinds.shareNetwork.fields.subnet', type: 'select', when: (v) => !!v.network,
        optionsFrom: { service: 'network', path: 'v2.0/subnets?fields=id&fields=name&fields=cidr&fields=network_id', key: 'subnets', kind: 'subnet', value: (o) => String(o.id), label: (o) => `${String(o.name || o.id)} (${String(o.cidr)})`, noun: 'kinds.share.access.form.subnetNoun', none: 'kinds.share.access.form.noSubnets' },
      },
    ],
    defaults: { name: '', description: '', network: '', subnet: '' },
    request: shareNetworkCreateRequest,
    cli: (i) => command('openstack share network create', { '--name': i.name || undefined, '--description': i.description || undefined, '--neutron-net-id': i.network || undefined, '--neutron-subnet-id': i.subnet || undefined }),
  },
  invalidates: [MANILA_KINDS.share],
  overview: [
    { label: 'common.id', value: (n) => n.id, mono: true },
    { label: 'common.status', value: (n) => n.status ?? '' },
    { label: 'kinds.shareNetwork.fields.subnets', value: (n) => subnetsOf(n) },
    { label: 'common.description', value: (n) => n.description ?? '' },
    { label: 'common.created', value: (n) => n.created_at ?? '' },
  ],
  cli: { list: 'openstack share network list --detail', show: (n) => command('openstack share network show', n.id) },
});

// ---- Security services ----------------------------------------------------------------------------------------

export const SECURITY_SERVICE_TYPES = ['ldap', 'kerberos', 'active_directory'] as const;

export const SecurityServiceCreateSchema = z.object({
  type: z.enum(SECURITY_SERVICE_TYPES),
  name: nameRule,
  description: descriptionRule,
  dnsIp: z.string().trim(),
  server: z.string().trim(),
  domain: z.string().trim(),
  user: z.string().trim(),
  ou: z.string().trim(),
});
export type SecurityServiceCreate = z.infer<typeof SecurityServiceCreateSchema>;

export const securityServiceCreateRequest = (i: SecurityServiceCreate): ApiRequest => ({
  method: 'POST', path: 'security-services',
  body: { security_service: { type: i.type, ...optional({ name: i.name, description: i.description, dns_ip: i.dnsIp, server: i.server, domain: i.domain, user: i.user, ou: i.ou }) } },
});

export const securityServiceDefinition = define<SecurityService, SecurityServiceCreate>({
  kind: MANILA_KINDS.securityService,
  slug: 'security-services',
  label: { singular: 'kinds.securityService.singular', plural: 'kinds.securityService.plural', noun: 'kinds.securityService.noun' },
  service: MANILA.service,
  paths: { list: 'security-services/detail', item: (id) => `security-services/${id}` },
  keys: { list: 'security_services', item: 'security_service' },
  schema: SecurityServiceSchema,
  name: (s) => s.name ?? '',
  columns: [
    nameColumn(nameOrId),
    { id: 'type', label: 'common.type', value: (s) => s.type },
    { id: 'server', label: 'kinds.securityService.fields.server', value: (s) => s.server ?? '', cell: 'mono' },
    { id: 'domain', label: 'kinds.securityService.fields.domain', value: (s) => s.domain ?? '' },
    { id: 'status', label: 'common.status', value: (s) => s.status ?? '' },
    idColumn((s) => s.id),
  ],
  filters: [nameFilter, { id: 'type', label: 'common.type', type: 'select', options: choices(SECURITY_SERVICE_TYPES) }],
  actions: [
    deleteAction<SecurityService>({
      title: 'kinds.securityService.confirm.deleteTitle', path: (s) => `security-services/${s.id}`, cli: (s) => command('openstack share security service delete', s.id),
      body: (rows) => msg('kinds.securityService.confirm.deleteBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
    }),
  ],
  create: {
    schema: SecurityServiceCreateSchema,
    fields: [
      { name: 'type', label: 'common.type', type: 'select', options: choices(SECURITY_SERVICE_TYPES) },
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
      { name: 'dnsIp', label: 'kinds.securityService.fields.dnsIp', type: 'text' },
      { name: 'server', label: 'kinds.securityService.fields.server', type: 'text' },
      { name: 'domain', label: 'kinds.securityService.fields.domain', type: 'text' },
      { name: 'user', label: 'kinds.securityService.fields.user', type: 'text' },
      { name: 'ou', label: 'kinds.securityService.fields.ou', type: 'text' },
    ],
    defaults: { type: 'ldap', name: '', description: '', dnsIp: '', server: '', domain: '', user: '', ou: '' },
    explain: 'kinds.securityService.form.passwordNote',
    request: securityServiceCreateRequest,
    cli: (i) =>
      command('openstack share security service create', { '--name': i.name || undefined, '--description': i.description || undefined, '--dns-ip': i.dnsIp || undefined, '--server': i.server || undefined, '--domain': i.domain || undefined, '--user': i.user || undefined, '--ou': i.ou || undefined }, i.type || 'ldap'),
  },
  overview: [
    { label: 'common.id', value: (s) => s.id, mono: true },
    { label: 'common.type', value: (s) => s.type },
    { label: 'kinds.securityService.fields.dnsIp', value: (s) => s.dns_ip ?? '' },
    { label: 'kinds.securityService.fields.server', value: (s) => s.server ?? '' },
    { label: 'kinds.securityService.fields.domain', value: (s) => s.domain ?? '' },
    { label: 'kinds.securityService.fields.user', value: (s) => s.user ?? '' },
    { label: 'kinds.securityService.fields.ou', value: (s) => s.ou ?? '' },
    { label: 'common.description', value: (s) => s.description ?? '' },
  ],
  cli: { list: 'openstack share security service list --detail', show: (s) => command('openstack share security service show', s.id) },
});
