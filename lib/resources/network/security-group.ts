// Neutron security groups and their rules (v2.0). A group is a set of allow rules applied to ports; traffic
// that no rule allows is dropped. Pure definitions and validators: the pages live in components/network/.
import { z } from 'zod';
import { msg, type Msg, type MsgWithValues, type Text } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames } from '../define';
import type { ApiRequest } from '../types';
import { securityGroupDependents } from './dependents';
import { issueText } from '@/lib/i18n/issue';
import { maybeStrings } from '../schema';
import { NETWORK_SERVICE, NEUTRON, NEUTRON_STANDARD } from './standard';
import { securityGroupHeat } from '../iac/neutron';

export { NETWORK_SERVICE };

/** The project's security groups by name (the launch form's and a port's pickers). */
export const SecurityGroupNamesSchema = z.looseObject({ security_groups: z.array(z.looseObject({ id: z.string(), name: z.string(), description: z.string().nullable().optional() })) });

export const RuleSchema = z.looseObject({
  id: z.string().min(1),
  security_group_id: z.string(),
  direction: z.enum(['ingress', 'egress']),
  ethertype: z.string(),
  protocol: z.string().nullable().optional(),
  port_range_min: z.number().nullable().optional(),
  port_range_max: z.number().nullable().optional(),
  ...maybeStrings('remote_ip_prefix', 'remote_group_id', 'remote_address_group_id', 'description'),
});
export type Rule = z.infer<typeof RuleSchema>;

export const SecurityGroupSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable().optional(),
  stateful: z.boolean().optional(),
  security_group_rules: z.array(RuleSchema).default([]),
  ...NEUTRON_STANDARD,
});
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;

const ICMP = ['icmp', 'ipv6-icmp', 'icmpv6', '1', '58'];
export const isIcmp = (p: string | null | undefined) => !!p && ICMP.includes(p.toLowerCase());

/** "22", "8000–8080", "any"; ICMP rules show type/code. Numbers as they are, words as catalog messages. */
export function portRange(r: Pick<Rule, 'protocol' | 'port_range_min' | 'port_range_max'>): Text {
  const min = r.port_range_min ?? null;
  const max = r.port_range_max ?? null;
  if (isIcmp(r.protocol)) {
    if (min === null) return 'kinds.securityGroupRule.ports.anyType';
    return max === null ? msg('kinds.securityGroupRule.ports.type', { type: String(min) }) : msg('kinds.securityGroupRule.ports.typeCode', { type: String(min), code: String(max) });
  }
  if (min === null && max === null) return 'kinds.securityGroupRule.ports.any';
  if (min === max || max === null) return String(min);
  return `${min}–${max}`;
}

/** An inbound rule as the list's ingress column says it ("tcp 22", "icmp any type", "any any"). */
function ingressItem(r: Pick<Rule, 'protocol' | 'port_range_min' | 'port_range_max'>): MsgWithValues {
  const min = r.port_range_min ?? null;
  const max = r.port_range_max ?? null;
  const range = isIcmp(r.protocol) ? (min === null ? 'anyType' : max === null ? 'type' : 'typeCode') : min === null && max === null ? 'any' : 'ports';
  const ports = min === max || max === null ? String(min) : `${min}–${max}`;
  return msg('kinds.securityGroupRule.ports.ingress', { protocol: r.protocol ?? 'none', range, type: String(min), code: String(max), ports });
}

/** The rule's remote end: a CIDR, another group by name, or anywhere. */
export function remoteLabel(r: Pick<Rule, 'remote_ip_prefix' | 'remote_group_id' | 'ethertype'>, groupNames: Record<string, string> = {}): Text {
  if (r.remote_group_id) return msg('kinds.securityGroupRule.remote.group', { name: groupNames[r.remote_group_id] ?? r.remote_group_id });
  if (r.remote_ip_prefix) return r.remote_ip_prefix;
  return msg('kinds.securityGroupRule.remote.anywhere', { cidr: r.ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0' });
}

// ---- CIDR syntax ----------------------------------------------------------------------------

function ipv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function ipv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return false;
  let groups = s.split(':');
  // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
  const last = groups[groups.length - 1];
  if (last.includes('.')) {
    if (!ipv4(last)) return false;
    groups = [...groups.slice(0, -1), '0', '0'];
  }
  const compressed = s.includes('::');
  const filled = groups.filter((g) => g !== '');
  if (filled.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  if (!compressed) return groups.length === 8 && filled.length === 8;
  // Empty groups are allowed only as the "::" itself.
  if (/:::/.test(s) || (s.startsWith(':') && !s.startsWith('::')) || (s.endsWith(':') && !s.endsWith('::'))) return false;
  return filled.length < 8;
}

/** IPv4 or IPv6 for an address or CIDR (`10.0.0.0/8`, `2001:db8::/32`, a bare address is a /32 or /128); null when invalid. */
export function cidrVersion(raw: string): 'IPv4' | 'IPv6' | null {
  const s = raw.trim();
  const [addr, prefix, ...rest] = s.split('/');
  if (rest.length || !addr) return null;
  const version = ipv4(addr) ? 'IPv4' : ipv6(addr) ? 'IPv6' : null;
  if (!version) return null;
  if (prefix === undefined) return version;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (version === 'IPv4' ? 32 : 128)) return null;
  return version;
}

// ---- Rule form ------------------------------------------------------------------------------

export const RULE_PROTOCOLS = ['tcp', 'udp', 'icmp', 'any'] as const;

export const RuleFormSchema = z
  .object({
    direction: z.enum(['ingress', 'egress']),
    ethertype: z.enum(['IPv4', 'IPv6']),
    protocol: z.enum(RULE_PROTOCOLS),
    /** Ports for TCP/UDP ("22" or "8000-8080"), empty for all. */
    ports: z.string().trim(),
    icmpType: z.string().trim(),
    icmpCode: z.string().trim(),
    remote: z.enum(['cidr', 'group']),
    cidr: z.string().trim(),
    remoteGroupId: z.string(),
    description: z.string().max(255, { error: 'kinds.network.errors.tooLong' }),
  })
  .superRefine((v, ctx) => {
    const issue = (path: keyof typeof v, m: Msg) => ctx.addIssue({ code: 'custom', path: [path], message: issueText(m) });
    if (v.protocol === 'tcp' || v.protocol === 'udp') {
      const p = parsePorts(v.ports);
      if ('error' in p) issue('ports', p.error);
    }
    if (v.protocol === 'icmp') {
      const t = icmpValue(v.icmpType, 'type');
      const c = icmpValue(v.icmpCode, 'code');
      if (isProblem(t)) issue('icmpType', t);
      if (isProblem(c)) issue('icmpCode', c);
      if (v.icmpCode !== '' && v.icmpType === '') issue('icmpCode', 'kinds.securityGroupRule.errors.codeNeedsType');
    }
    if (v.remote === 'cidr' && v.cidr !== '') {
      const version = cidrVersion(v.cidr);
      if (!version) issue('cidr', msg('kinds.securityGroupRule.errors.cidrInvalid', { ethertype: v.ethertype, example: v.ethertype === 'IPv4' ? '203.0.113.0/24' : '2001:db8::/32' }));
      else if (version !== v.ethertype) issue('cidr', msg('kinds.securityGroupRule.errors.cidrVersion', { version, ethertype: v.ethertype }));
    }
    if (v.remote === 'group' && !v.remoteGroupId) issue('remoteGroupId', 'kinds.securityGroupRule.errors.groupRequired');
  });
export type RuleForm = z.infer<typeof RuleFormSchema>;

export const RULE_FORM_DEFAULTS: RuleForm = {
  direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', ports: '', icmpType: '', icmpCode: '', remote: 'cidr', cidr: '', remoteGroupId: '', description: '',
};

/** "22" or "8000-8080" (also "8000:8080"); empty means every port. Ports are 1–65535 and min ≤ max. */
export function parsePorts(raw: string): { min: number | null; max: number | null } | { error: Msg } {
  const s = raw.trim();
  if (s === '') return { min: null, max: null };
  const m = /^(\d+)\s*(?:[-:–]\s*(\d+))?$/.exec(s);
  if (!m) return { error: 'kinds.securityGroupRule.errors.portsFormat' };
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  // Numbers as typed (strings), so no locale groups them ("65,535").
  for (const n of [min, max]) if (n < 1 || n > 65535) return { error: msg('kinds.securityGroupRule.errors.portOutOfRange', { port: String(n) }) };
  if (min > max) return { error: msg('kinds.securityGroupRule.errors.portsReversed', { min: String(min), max: String(max) }) };
  return { min, max };
}

/** An ICMP type or code, 0–255; empty means any. Returns the number, null for any, or the problem. */
export function icmpValue(raw: string, what: 'type' | 'code'): number | null | Msg {
  if (raw.trim() === '') return null;
  if (!/^\d+$/.test(raw.trim())) return msg('kinds.securityGroupRule.errors.icmpNotNumber', { what });
  const n = Number(raw);
  return n > 255 ? msg('kinds.securityGroupRule.errors.icmpOutOfRange', { what, value: String(n) }) : n;
}

const isProblem = (v: number | null | Msg): v is Msg => v !== null && typeof v !== 'number';

/** The security_group_rule body of a valid form (run RuleFormSchema first). */
export function ruleBody(groupId: string, v: RuleForm): Record<string, unknown> {
  const rule: Record<string, unknown> = { security_group_id: groupId, direction: v.direction, ethertype: v.ethertype };
  if (v.protocol !== 'any') rule.protocol = v.protocol;
  if (v.protocol === 'tcp' || v.protocol === 'udp') {
    const p = parsePorts(v.ports);
    if (!('error' in p) && p.min !== null) Object.assign(rule, { port_range_min: p.min, port_range_max: p.max });
  }
  if (v.protocol === 'icmp') {
    const t = icmpValue(v.icmpType, 'type');
    const c = icmpValue(v.icmpCode, 'code');
    if (typeof t === 'number') rule.port_range_min = t;
    if (typeof c === 'number') rule.port_range_max = c;
  }
  if (v.remote === 'cidr' && v.cidr) rule.remote_ip_prefix = v.cidr.trim();
  if (v.remote === 'group' && v.remoteGroupId) rule.remote_group_id = v.remoteGroupId;
  if (v.description) rule.description = v.description;
  return rule;
}

export const ruleCreateRequest = (groupId: string, v: RuleForm): ApiRequest => ({
  method: 'POST', path: 'v2.0/security-group-rules', body: { security_group_rule: ruleBody(groupId, v) },
});

/** `openstack security group rule create ...` for the form as it stands (placeholders for what is missing). */
export function ruleCli(group: string, v: RuleForm, groupNames: Record<string, string> = {}): string {
  const words: (string | undefined)[] = ['openstack', 'security', 'group', 'rule', 'create', `--${v.direction}`, '--ethertype', v.ethertype, '--protocol', v.protocol];
  if (v.protocol === 'tcp' || v.protocol === 'udp') {
    const p = parsePorts(v.ports);
    if (!('error' in p) && p.min !== null) words.push('--dst-port', p.min === p.max ? String(p.min) : `${p.min}:${p.max}`);
  }
  if (v.protocol === 'icmp') {
    if (v.icmpType) words.push('--icmp-type', v.icmpType);
    if (v.icmpCode) words.push('--icmp-code', v.icmpCode);
  }
  if (v.remote === 'cidr' && v.cidr) words.push('--remote-ip', v.cidr.trim());
  if (v.remote === 'group') words.push('--remote-group', v.remoteGroupId ? (groupNames[v.remoteGroupId] ?? v.remoteGroupId) : '<group>');
  if (v.description) words.push('--description', v.description);
  words.push(group);
  return command(...words);
}

export interface RulePreset {
  id: string;
  label: Text;
  hint: Text;
  form: (groupId: string) => RuleForm;
}

const preset = (over: Partial<RuleForm>): RuleForm => ({ ...RULE_FORM_DEFAULTS, ...over });

/** One-click rules for what people open most. "From this group" lets members of the group reach each other. */
export const RULE_PRESETS: readonly RulePreset[] = [
  { id: 'ssh', label: 'kinds.securityGroupRule.presets.ssh', hint: 'kinds.securityGroupRule.presets.sshHint', form: () => preset({ ports: '22', cidr: '0.0.0.0/0' }) },
  { id: 'http', label: 'kinds.securityGroupRule.presets.http', hint: 'kinds.securityGroupRule.presets.httpHint', form: () => preset({ ports: '80', cidr: '0.0.0.0/0' }) },
  { id: 'https', label: 'kinds.securityGroupRule.presets.https', hint: 'kinds.securityGroupRule.presets.httpsHint', form: () => preset({ ports: '443', cidr: '0.0.0.0/0' }) },
  { id: 'icmp', label: 'kinds.securityGroupRule.presets.icmp', hint: 'kinds.securityGroupRule.presets.icmpHint', form: () => preset({ protocol: 'icmp', cidr: '0.0.0.0/0' }) },
  { id: 'self', label: 'kinds.securityGroupRule.presets.self', hint: 'kinds.securityGroupRule.presets.selfHint', form: (id) => preset({ protocol: 'any', remote: 'group', remoteGroupId: id }) },
];

// ---- Definition -----------------------------------------------------------------------------

export const SecurityGroupCreateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'kinds.network.errors.nameRequired' })
    .max(255, { error: 'kinds.network.errors.tooLong' })
    .refine((n) => n !== 'default', { error: 'kinds.securityGroup.errors.defaultTaken' }),
  description: z.string().max(255, { error: 'kinds.network.errors.tooLong' }),
});
export type SecurityGroupCreate = z.infer<typeof SecurityGroupCreateSchema>;

export const securityGroupDefinition = define<SecurityGroup, SecurityGroupCreate>({
  kind: 'security-group',
  slug: 'security-groups',
  label: { singular: 'kinds.securityGroup.singular', plural: 'kinds.securityGroup.plural', noun: 'kinds.securityGroup.noun' },
  ...rest(NEUTRON, 'v2.0/security-groups', 'security_group', { listKey: 'security_groups' }),
  schema: SecurityGroupSchema,
  columns: [
    nameColumn(nameOrId),
    { id: 'description', label: 'common.description', value: (g) => g.description ?? '' },
    { id: 'rules', label: 'kinds.securityGroup.columns.rules', value: (g) => g.security_group_rules.length },
    { id: 'ingress', label: 'kinds.securityGroup.columns.ingress', value: (g) => g.security_group_rules.filter((r) => r.direction === 'ingress').map(ingressItem), cell: 'list' },
    { id: 'stateful', label: 'kinds.securityGroup.columns.stateful', value: (g) => msg(g.stateful === false ? 'common.no' : 'common.yes', {}), hidden: true },
    idColumn((g) => g.id),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  filters: [nameFilter],
  actions: [
    deleteAction({
      title: 'kinds.securityGroup.confirm.deleteTitle', allowed: (g) => g.name !== 'default',
      path: (g) => `v2.0/security-groups/${g.id}`, cli: (g) => command('openstack', 'security', 'group', 'delete', g.id),
      body: (r) => msg('kinds.securityGroup.confirm.deleteBody', { count: r.length, ...rowNames(r, nameOrId, 3) }),
      dependents: securityGroupDependents,
    }),
  ],
  // Horizon's row: Manage rules (the group page's Rules tab).
  rowMenu: [{ id: 'rules', label: 'kinds.securityGroup.rowMenu.manageRules', to: (g) => ({ slug: 'security-groups', rest: encodeURIComponent(g.id), query: 'tab=rules' }), cli: (g) => command('openstack', 'security', 'group', 'rule', 'list', g.id) }],
  create: {
    schema: SecurityGroupCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text' },
      { name: 'description', label: 'common.description', type: 'text' },
    ],
    defaults: { name: '', description: '' },
    request: (i) => ({ method: 'POST', path: 'v2.0/security-groups', body: { security_group: { name: i.name.trim(), description: i.description } } }),
    cli: (i) => command('openstack', 'security', 'group', 'create', i.description ? '--description' : undefined, i.description || undefined, i.name?.trim() || '<name>'),
  },
  overview: [
    { label: 'common.id', value: (g) => g.id, mono: true },
    { label: 'common.description', value: (g) => g.description ?? '' },
    { label: 'kinds.securityGroup.overview.stateful', value: (g) => msg(g.stateful === false ? 'kinds.securityGroup.overview.statefulNo' : 'kinds.securityGroup.overview.statefulYes', {}) },
    { label: 'kinds.securityGroup.overview.rules', value: (g) => g.security_group_rules.length },
    { label: 'common.created', value: (g) => g.created_at ?? '' },
    { label: 'common.projectId', value: (g) => g.project_id ?? '', mono: true, sensitive: 'projectId' },
  ],
  heat: securityGroupHeat,
  cli: { list: 'openstack security group list', show: (g) => command('openstack', 'security', 'group', 'show', g.id) },
});

/** Nova adds or removes a group on every port of the server, by name or id. */
export const serverGroupRequest = (serverId: string, group: string, op: 'add' | 'remove'): ApiRequest => ({
  method: 'POST', path: `servers/${serverId}/action`, body: { [op === 'add' ? 'addSecurityGroup' : 'removeSecurityGroup']: { name: group } },
});
export const serverGroupCli = (server: string, group: string, op: 'add' | 'remove') => command('openstack', 'server', op, 'security', 'group', server, group);
