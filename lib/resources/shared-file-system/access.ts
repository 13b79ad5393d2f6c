// What sits below a share, each a definition made for its share and shown as a compact tab on its page: the export
// locations (GET shares/{id}/export_locations, read-only) and the access rules (GET share-access-rules?share_id=,
// added with allow_access and removed with deny_access on shares/{id}/action; both answer before the backend has
// applied them, so a rule's `state` is polled queued_to_apply → applying → active).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { choices, define, deleteAction, statusColumn } from '../define';
import { isIPv4, isIPv6 } from '../form/validate';
import type { ApiRequest, ResourceDefinition } from '../types';
import { AccessRuleSchema, ExportLocationSchema, MANILA, MANILA_KINDS, RULE_BUSY, ruleStatus, type AccessRule, type ExportLocation, type Share } from './manila';

export const ACCESS_TYPES = ['ip', 'user', 'cert', 'cephx'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];
export const ACCESS_LEVELS = ['rw', 'ro'] as const;

/** An address or a network: Manila takes `10.0.0.5`, `10.0.0.0/24` and their IPv6 forms. */
export function isIpOrCidr(s: string): boolean {
  const [address = '', prefix, ...more] = s.split('/');
  if (more.length) return false;
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address)) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128));
}

// Manila 15's own checks (its 400s): a user or group of 4 to 255 characters without any of "/\[]:;|=,+*?<>, a
// certificate's common name of 1 to 64 characters, a Ceph client id without periods.
const USER = /^[^"/\\[\]:;|=,+*?<>]{4,255}$/;

/** What is wrong with `to` for an access type, as a catalog key, or undefined. */
export function accessToProblem(type: AccessType, to: string) {
  if (!to) return 'kinds.share.access.errors.toRequired' as const;
  switch (type) {
    case 'ip':
      return isIpOrCidr(to) ? undefined : ('kinds.share.access.errors.ip' as const);
    case 'user':
      return USER.test(to) ? undefined : ('kinds.share.access.errors.user' as const);
    case 'cert':
      return to.length <= 64 ? undefined : ('kinds.share.access.errors.cert' as const);
    case 'cephx':
      return !to.includes('.') && to.length <= 255 ? undefined : ('kinds.share.access.errors.cephx' as const);
  }
}

export const AccessCreateSchema = z
  .object({
    accessType: z.enum(ACCESS_TYPES),
    accessTo: z.string().trim(),
    accessLevel: z.enum(ACCESS_LEVELS),
    subnet: z.string(),
  })
  .superRefine((v, ctx) => {
    const problem = accessToProblem(v.accessType, v.accessTo);
    if (problem) ctx.addIssue({ code: 'custom', path: ['accessTo'], message: problem });
  });
export type AccessCreate = z.infer<typeof AccessCreateSchema>;

const shareAction = (shareId: string, body: unknown): ApiRequest => ({ method: 'POST', path: `shares/${shareId}/action`, body });

export const allowAccessRequest = (shareId: string, i: AccessCreate): ApiRequest =>
  shareAction(shareId, { allow_access: { access_type: i.accessType, access_to: i.accessTo, access_level: i.accessLevel } });

export const allowAccessCli = (shareId: string, i: Partial<AccessCreate>) =>
  command('openstack share access create', { '--access-level': i.accessLevel || undefined }, shareId, i.accessType || '<type>', i.accessTo || '<to>');

/** The access type a protocol's clients use (NFS: addresses, CIFS: users, CephFS: cephx ids). */
const TYPE_OF_PROTOCOL: Record<string, AccessType> = { NFS: 'ip', CIFS: 'user', CEPHFS: 'cephx', GLUSTERFS: 'cert' };

/** The address field's label and hint per access type ("Address or network", "User or group"). */
const TO_TEXTS = {
  ip: { label: 'kinds.share.access.form.to.ip', hint: 'kinds.share.access.form.toHint.ip' },
  user: { label: 'kinds.share.access.form.to.user', hint: 'kinds.share.access.form.toHint.user' },
  cert: { label: 'kinds.share.access.form.to.cert', hint: 'kinds.share.access.form.toHint.cert' },
  cephx: { label: 'kinds.share.access.form.to.cephx', hint: 'kinds.share.access.form.toHint.cephx' },
} as const;

const denyAction = (shareId: string) =>
  deleteAction<AccessRule>({
    title: 'kinds.share.access.confirm.deleteTitle', verb: 'kinds.share.access.remove', bulk: false,
    path: (r) => `share-access-rules/${r.id}`,
    cli: (r) => command('openstack share access delete', shareId, r.id),
    // A rule on its way out cannot be denied again.
    allowed: (r) => !['queued_to_deny', 'denying'].includes(r.state),
    optimistic: (r) => ({ ...r, state: 'queued_to_deny' }),
    body: (rows) => msg('kinds.share.access.confirm.deleteBody', { to: rows[0]?.access_to ?? '' }),
  });

export function accessRuleDefinition(share: Pick<Share, 'id' | 'share_proto'>): ResourceDefinition<AccessRule, AccessCreate> {
  const shareId = share.id;
  return define<AccessRule, AccessCreate>({
    kind: MANILA_KINDS.accessRule,
    slug: 'shares',
    label: { singular: 'kinds.share.access.singular', plural: 'kinds.share.access.plural', noun: 'kinds.share.access.noun' },
    ...rest(shareId),
    schema: AccessRuleSchema,
    name: (r) => r.access_to,
    status: ruleStatus,
    columns: [
      { id: 'type', label: 'kinds.share.access.fields.type', value: (r) => r.access_type },
      { id: 'to', label: 'kinds.share.access.fields.to', value: (r) => r.access_to, cell: 'mono' },
      { id: 'level', label: 'kinds.share.access.fields.level', value: (r) => r.access_level },
      statusColumn((r) => r.state, { label: 'kinds.share.access.fields.state' }),
    ],
    // Manila removes a rule through the share's action (deny_access), not with a DELETE of the rule.
    actions: [{ ...denyAction(shareId), request: (r: AccessRule) => shareAction(shareId, { deny_access: { access_id: r.id } }) }],
    create: {
      schema: AccessCreateSchema,
      fields: [
        {
          name: 'accessType', label: 'kinds.share.access.fields.type', type: 'select', options: choices(ACCESS_TYPES),
          hint: 'kinds.share.access.form.typeHint', resets: () => ({ accessTo: '', subnet: '' }),
        },
        {
          // Offers the project's subnets: picking one writes its CIDR as the rule's address.
          name: 'subnet', label: 'kinds.share.access.form.subnet', type: 'select', when: (v) => v.accessType === 'ip',
          resets: (cidr) => ({ accessTo: cidr }),
          optionsFrom: {
            service: 'network', path: (projectId) => `v2.0/subnets?project_id=${encodeURIComponent(projectId)}&fields=name&fields=cidr`, key: 'subnets', kind: 'subnet',
            value: (o) => String(o.cidr), label: (o) => `${String(o.name || o.cidr)} (${String(o.cidr)})`,
            noun: 'kinds.share.access.form.subnetNoun', none: 'kinds.share.access.form.noSubnets', choose: 'kinds.share.access.form.chooseSubnet',
          },
        },
        {
          name: 'accessTo', label: 'kinds.share.access.fields.to', type: 'text',
          vary: (v) => TO_TEXTS[(v.accessType as AccessType) || 'ip'] ?? TO_TEXTS.ip,
        },
        { name: 'accessLevel', label: 'kinds.share.access.fields.level', type: 'select', options: [{ value: 'rw', label: 'kinds.share.access.levels.rw' }, { value: 'ro', label: 'kinds.share.access.levels.ro' }] },
      ],
      defaults: { accessType: TYPE_OF_PROTOCOL[share.share_proto.toUpperCase()] ?? 'ip', accessTo: '', accessLevel: 'rw', subnet: '' },
      request: (i) => allowAccessRequest(shareId, i),
      responseKey: 'access',
      cli: (i) => allowAccessCli(shareId, i),
      submitLabel: 'kinds.share.access.add',
      errorTitle: 'kinds.share.access.addFailed',
    },
    invalidates: [MANILA_KINDS.share],
    cli: { list: `openstack share access list ${shareId}`, show: (r) => command('openstack share access show', r.id) },
  });
}

function rest(shareId: string) {
  return {
    service: MANILA.service,
    paths: { list: `share-access-rules?share_id=${encodeURIComponent(shareId)}`, item: (id: string) => `share-access-rules/${id}` },
    keys: { list: 'access_list', item: 'access' },
  };
}

export const isRuleBusy = (r: AccessRule) => (RULE_BUSY as readonly string[]).includes(r.state);

/** The share's export locations: where clients mount it (read-only here; Manila's driver decides them). */
export function exportLocationDefinition(shareId: string): ResourceDefinition<ExportLocation> {
  return define<ExportLocation>({
    kind: MANILA_KINDS.exportLocation,
    slug: 'shares',
    label: { singular: 'kinds.share.exports.singular', plural: 'kinds.share.exports.plural', noun: 'kinds.share.exports.noun' },
    service: MANILA.service,
    paths: { list: `shares/${shareId}/export_locations`, item: (id) => `shares/${shareId}/export_locations/${id}` },
    keys: { list: 'export_locations', item: 'export_location' },
    schema: ExportLocationSchema,
    name: (l) => l.path,
    columns: [
      { id: 'path', label: 'kinds.share.exports.fields.path', value: (l) => l.path, cell: 'mono', width: 'none', short: false },
      { id: 'preferred', label: 'kinds.share.exports.fields.preferred', value: (l) => msg(l.preferred ? 'common.yes' : 'common.no', {}) },
      { id: 'adminOnly', label: 'kinds.share.exports.fields.adminOnly', value: (l) => msg(l.is_admin_only ? 'common.yes' : 'common.no', {}) },
    ],
    cli: { list: `openstack share export location list ${shareId}`, show: (l) => command('openstack share export location show', shareId, l.id) },
  });
}
