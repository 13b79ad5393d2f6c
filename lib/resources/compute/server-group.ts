// Nova server groups (api-ref compute "Server groups (os-server-groups)"), at COMPUTE_HEADERS' 2.79: one `policy`
// (2.64+; before, a `policies` list) and its `rules` (only anti-affinity takes one, `max_server_per_host`). A group
// cannot be changed after create; servers join it at launch through the scheduler hint `group` (the launch form's
// "Server group") and leave it when deleted. Members are server ids, named by one lookup per member.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { choices, define, deleteAction, idColumn, nameColumn, nameOrId, rest, rowNames } from '../define';
import { NOVA } from './server';

export const SERVER_GROUP_POLICIES = ['anti-affinity', 'affinity', 'soft-anti-affinity', 'soft-affinity'] as const;

export const ServerGroupSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  policy: z.string().optional(),
  policies: z.array(z.string()).optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  members: z.array(z.string()),
  project_id: z.string().optional(),
  user_id: z.string().optional(),
});
export type ServerGroup = z.infer<typeof ServerGroupSchema>;

/** The policy whatever the microversion answered (`policy` from 2.64, the one-item `policies` list before). */
export const groupPolicy = (g: Pick<ServerGroup, 'policy' | 'policies'>): string => g.policy ?? g.policies?.[0] ?? '';

export const ServerGroupCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'kinds.serverGroup.errors.nameRequired' }).max(255, { error: 'kinds.server.errors.tooLong' }),
    policy: z.enum(SERVER_GROUP_POLICIES, { error: 'kinds.serverGroup.errors.policy' }),
    maxPerHost: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.maxPerHost && (!/^\d+$/.test(v.maxPerHost) || Number(v.maxPerHost) < 1))
      ctx.addIssue({ code: 'custom', path: ['maxPerHost'], message: 'kinds.serverGroup.errors.maxPerHost' });
  });
export type ServerGroupCreate = z.infer<typeof ServerGroupCreateSchema>;

export function serverGroupCreateRequest(v: ServerGroupCreate) {
  const server_group: Record<string, unknown> = { name: v.name, policy: v.policy };
  // Nova takes the rule for anti-affinity only (400 "Only anti-affinity policy supports 'max_server_per_host' rule").
  if (v.policy === 'anti-affinity' && v.maxPerHost) server_group.rules = { max_server_per_host: Number(v.maxPerHost) };
  return { method: 'POST' as const, path: 'os-server-groups', body: { server_group } };
}

export function serverGroupCreateCli(v: Partial<ServerGroupCreate>): string {
  const rule = v.policy === 'anti-affinity' && v.maxPerHost ? ['--rule', `max_server_per_host=${v.maxPerHost}`] : [];
  return command(rule.length ? 'openstack --os-compute-api-version 2.64 server group create' : 'openstack server group create', '--policy', v.policy || 'anti-affinity', ...rule, v.name || '<name>');
}

const rulesText = (g: ServerGroup) => Object.entries(g.rules ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(', ');

export const serverGroupDefinition = define<ServerGroup, ServerGroupCreate>({
  kind: 'server-group',
  slug: 'server-groups',
  label: { singular: 'kinds.serverGroup.singular', plural: 'kinds.serverGroup.plural', noun: 'kinds.serverGroup.noun' },
  ...rest(NOVA, 'os-server-groups', 'server_group', { listKey: 'server_groups' }),
  schema: ServerGroupSchema,
  columns: [
    nameColumn((g) => g.name),
    { id: 'policy', label: 'kinds.serverGroup.fields.policy', value: groupPolicy },
    { id: 'rules', label: 'kinds.serverGroup.fields.rules', value: rulesText, hidden: true },
    { id: 'members', label: 'kinds.serverGroup.fields.members', value: (g, ctx) => g.members.map((id) => ctx.lookups.members?.[id] || id), cell: 'list' },
    idColumn((g) => g.id),
  ],
  defaultSort: { column: 'name', dir: 'asc' },
  pageSize: 100,
  lookups: [
    {
      // Nova has no list by ids: one GET per member (at most LOOKUP_EACH_MAX).
      name: 'members', kind: 'server', service: NOVA.service, key: 'server',
      ids: (rows) => rows.flatMap((g) => g.members), path: () => '', each: (id) => `servers/${id}`,
      label: (body) => {
        const s = (body as { server?: { name?: unknown; id?: unknown } }).server;
        return String(s?.name || s?.id || '');
      },
    },
  ],
  actions: [
    deleteAction<ServerGroup>({
      title: 'kinds.serverGroup.confirm.deleteTitle',
      path: (g) => `os-server-groups/${g.id}`,
      cli: (g) => command('openstack server group delete', g.id),
      body: (rows) => msg('kinds.serverGroup.confirm.deleteBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
    }),
  ],
  create: {
    schema: ServerGroupCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text' },
      { name: 'policy', label: 'kinds.serverGroup.fields.policy', type: 'select', options: choices(SERVER_GROUP_POLICIES), hint: 'kinds.serverGroup.fields.policyHint' },
      { name: 'maxPerHost', label: 'kinds.serverGroup.fields.maxPerHost', type: 'text', numeric: true, when: (v) => v.policy === 'anti-affinity', hint: 'kinds.serverGroup.fields.maxPerHostHint' },
    ],
    defaults: { name: '', policy: 'anti-affinity', maxPerHost: '' },
    request: serverGroupCreateRequest,
    cli: serverGroupCreateCli,
  },
  overview: [
    { label: 'common.id', value: (g) => g.id, mono: true },
    { label: 'kinds.serverGroup.fields.policy', value: groupPolicy },
    { label: 'kinds.serverGroup.fields.rules', value: rulesText },
    {
      label: 'kinds.serverGroup.fields.members', empty: 'kinds.serverGroup.noMembers',
      value: (g, ctx) => g.members.map((id) => ctx.lookups.members?.[id] || id),
      links: (g, ctx) => g.members.map((id) => ({ name: ctx.lookups.members?.[id] || id, to: { slug: 'instances', id } })),
    },
    { label: 'kinds.server.overview.projectId', value: (g) => g.project_id ?? '', mono: true, sensitive: 'projectId' },
  ],
  cli: { list: 'openstack server group list --long', show: (g) => command('openstack server group show', g.id) },
});
