// Neutron security groups and their rules (v2.0). A group is a set of allow rules applied to ports; traffic
// that no rule allows is dropped. Pure definitions and validators: the pages live in components/network/.
import { z } from 'zod';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames } from '../define';
import type { ApiRequest } from '../types';
import { securityGroupDependents } from './dependents';
import { maybeStrings } from '../schema';
import { NETWORK_SERVICE, NEUTRON, NEUTRON_STANDARD } from './standard';

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

/** "22", "8000–8080", "any"; ICMP rules show type/code. */
export function portRange(r: Pick<Rule, 'protocol' | 'port_range_min' | 'port_range_max'>): string {
  const min = r.port_range_min ?? null;
  const max = r.port_range_max ?? null;
  if (isIcmp(r.protocol)) {
    if (min === null) return 'any type';
    return max === null ? `type ${min}` : `type ${min} code ${max}`;
  }
  if (min === null && max === null) return 'any';
  if (min === max || max === null) return String(min);
  return `${min}–${max}`;
}

/** The rule's remote end: a CIDR, another group by name, or anywhere. */
export function remoteLabel(r: Pick<Rule, 'remote_ip_prefix' | 'remote_group_id' | 'ethertype'>, groupNames: Record<string, string> = {}): string {
  if (r.remote_group_id) return `group ${groupNames[r.remote_group_id] ?? r.remote_group_id}`;
  if (r.remote_ip_prefix) return r.remote_ip_prefix;
  return r.ethertype === 'IPv6' ? '::/0 (anywhere)' : '0.0.0.0/0 (anywhere)';
}

export function ruleSummary(r: Rule, groupNames: Record<string, string> = {}): string {
  const proto = r.protocol ?? 'any protocol';
  return `${r.direction} ${r.ethertype} ${proto} ${portRange(r)} ${r.direction === 'ingress' ? 'from' : 'to'} ${remoteLabel(r, groupNames)}`;
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
    description: z.string().max(255, { error: 'At most 255 characters' }),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.protocol === 'tcp' || v.protocol === 'udp') {
      const p = parsePorts(v.ports);
      if ('error' in p) issue('ports', p.error);
    }
    if (v.protocol === 'icmp') {
      const t = icmpValue(v.icmpType, 'type');
      const c = icmpValue(v.icmpCode, 'code');
      if (typeof t === 'string') issue('icmpType', t);
      if (typeof c === 'string') issue('icmpCode', c);
      if (v.icmpCode !== '' && v.icmpType === '') issue('icmpCode', 'A code needs an ICMP type too');
    }
    if (v.remote === 'cidr' && v.cidr !== '') {
      const version = cidrVersion(v.cidr);
      if (!version) issue('cidr', `Not a valid ${v.ethertype} CIDR (e.g. ${v.ethertype === 'IPv4' ? '203.0.113.0/24' : '2001:db8::/32'})`);
      else if (version !== v.ethertype) issue('cidr', `This is an ${version} CIDR but the rule is for ${v.ethertype}`);
    }
    if (v.remote === 'group' && !v.remoteGroupId) issue('remoteGroupId', 'Choose the remote security group');
  });
export type RuleForm = z.infer<typeof RuleFormSchema>;

export const RULE_FORM_DEFAULTS: RuleForm = {
  direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', ports: '', icmpType: '', icmpCode: '', remote: 'cidr', cidr: '', remoteGroupId: '', description: '',
};

/** "22" or "8000-8080" (also "8000:8080"); empty means every port. Ports are 1–65535 and min ≤ max. */
export function parsePorts(raw: string): { min: number | null; max: number | null } | { error: string } {
  const s = raw.trim();
  if (s === '') return { min: null, max: null };
  const m = /^(\d+)\s*(?:[-:–]\s*(\d+))?$/.exec(s);
  if (!m) return { error: 'Enter a port (22) or a range (8000-8080)' };
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  for (const n of [min, max]) if (n < 1 || n > 65535) return { error: `Ports are 1 to 65535 (${n} is out of range)` };
  if (min > max) return { error: `The range starts after it ends (${min} > ${max})` };
  return { min, max };
}

/** An ICMP type or code, 0–255; empty means any. Returns the number, null for any, or the error text. */
export function icmpValue(raw: string, what: 'type' | 'code'): number | null | string {
  if (raw.trim() === '') return null;
  if (!/^\d+$/.test(raw.trim())) return `The ICMP ${what} is a whole number from 0 to 255`;
  const n = Number(raw);
  return n > 255 ? `The ICMP ${what} is 0 to 255 (${n} is out of range)` : n;
}

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
  label: string;
  hint: string;
  form: (groupId: string) => RuleForm;
}

const preset = (over: Partial<RuleForm>): RuleForm => ({ ...RULE_FORM_DEFAULTS, ...over });

/** One-click rules for what people open most. "From this group" lets members of the group reach each other. */
export const RULE_PRESETS: readonly RulePreset[] = [
  { id: 'ssh', label: 'SSH (22)', hint: 'Remote shell from anywhere', form: () => preset({ ports: '22', cidr: '0.0.0.0/0' }) },
  { id: 'http', label: 'HTTP (80)', hint: 'Web traffic from anywhere', form: () => preset({ ports: '80', cidr: '0.0.0.0/0' }) },
  { id: 'https', label: 'HTTPS (443)', hint: 'TLS web traffic from anywhere', form: () => preset({ ports: '443', cidr: '0.0.0.0/0' }) },
  { id: 'icmp', label: 'ICMP (ping)', hint: 'Ping and other ICMP from anywhere', form: () => preset({ protocol: 'icmp', cidr: '0.0.0.0/0' }) },
  { id: 'self', label: 'All from this group', hint: 'Any traffic from ports in this same group', form: (id) => preset({ protocol: 'any', remote: 'group', remoteGroupId: id }) },
];

// ---- Definition -----------------------------------------------------------------------------

export const SecurityGroupCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'Enter a name' }).max(255, { error: 'At most 255 characters' }).refine((n) => n !== 'default', { error: 'Every project already has a group named default' }),
  description: z.string().max(255, { error: 'At most 255 characters' }),
});
export type SecurityGroupCreate = z.infer<typeof SecurityGroupCreateSchema>;

export const securityGroupDefinition = define<SecurityGroup, SecurityGroupCreate>({
  kind: 'security-group',
  slug: 'security-groups',
  label: { singular: 'Security group', plural: 'Security groups' },
  ...rest(NEUTRON, 'v2.0/security-groups', 'security_group', { listKey: 'security_groups' }),
  schema: SecurityGroupSchema,
  columns: [
    nameColumn(nameOrId),
    { id: 'description', label: 'Description', value: (g) => g.description ?? '' },
    { id: 'rules', label: 'Rules', value: (g) => g.security_group_rules.length },
    { id: 'ingress', label: 'Inbound allowed', value: (g) => g.security_group_rules.filter((r) => r.direction === 'ingress').map((r) => `${r.protocol ?? 'any'} ${portRange(r)}`), cell: 'list' },
    { id: 'stateful', label: 'Stateful', value: (g) => (g.stateful === false ? 'No' : 'Yes'), hidden: true },
    idColumn((g) => g.id),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  filters: [nameFilter],
  actions: [
    deleteAction({
      noun: 'security group', allowed: (g) => g.name !== 'default',
      path: (g) => `v2.0/security-groups/${g.id}`, cli: (g) => command('openstack', 'security', 'group', 'delete', g.id),
      body: (r) => `This deletes ${rowNames(r, nameOrId, 3)} and ${r.length === 1 ? 'its' : 'their'} rules. Neutron refuses while a port (an instance) still uses a group.`,
      dependents: securityGroupDependents,
    }),
  ],
  create: {
    schema: SecurityGroupCreateSchema,
    fields: [
      { name: 'name', label: 'Name', type: 'text' },
      { name: 'description', label: 'Description', type: 'text' },
    ],
    defaults: { name: '', description: '' },
    request: (i) => ({ method: 'POST', path: 'v2.0/security-groups', body: { security_group: { name: i.name.trim(), description: i.description } } }),
    cli: (i) => command('openstack', 'security', 'group', 'create', i.description ? '--description' : undefined, i.description || undefined, i.name?.trim() || '<name>'),
  },
  overview: [
    { label: 'ID', value: (g) => g.id, mono: true },
    { label: 'Description', value: (g) => g.description ?? '' },
    { label: 'Stateful', value: (g) => (g.stateful === false ? 'No: replies need their own rules' : 'Yes: replies to allowed traffic are allowed') },
    { label: 'Rules', value: (g) => g.security_group_rules.length },
    { label: 'Created', value: (g) => g.created_at ?? '' },
    { label: 'Project ID', value: (g) => g.project_id ?? '', mono: true },
  ],
  cli: { list: 'openstack security group list', show: (g) => command('openstack', 'security', 'group', 'show', g.id) },
});

/** Nova adds or removes a group on every port of the server, by name or id. */
export const serverGroupRequest = (serverId: string, group: string, op: 'add' | 'remove'): ApiRequest => ({
  method: 'POST', path: `servers/${serverId}/action`, body: { [op === 'add' ? 'addSecurityGroup' : 'removeSecurityGroup']: { name: group } },
});
export const serverGroupCli = (server: string, group: string, op: 'add' | 'remove') => command('openstack', 'server', op, 'security', 'group', server, group);
