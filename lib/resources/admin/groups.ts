// Keystone groups for admins (GET/POST/PATCH/DELETE /v3/groups) and their members (GET /v3/groups/{id}/users, added
// with PUT and removed with DELETE of /v3/groups/{id}/users/{user}): a group's roles reach every member.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, rest, rowNames } from '../define';
import type { ResourceDefinition } from '../types';
import { changed, DescriptionSchema, descriptionField, DOMAIN_COLUMN, domainField, KeystoneUserSchema, NameSchema, nameField, type KeystoneUser } from './identity';

export const GroupSchema = z.looseObject({ id: z.string().min(1), name: z.string(), domain_id: z.string(), description: z.string().nullish() });
export type Group = z.infer<typeof GroupSchema>;

const GroupEditSchema = z.object({ name: NameSchema, description: DescriptionSchema });
const GroupCreateSchema = GroupEditSchema.extend({ domain_id: z.string().min(1, { error: 'admin.identity.errors.domainRequired' }) });
type GroupCreate = z.infer<typeof GroupCreateSchema>;

const MemberAddSchema = z.object({ user: z.string().min(1, { error: 'admin.identity.groups.errors.user' }) });
type MemberAdd = z.infer<typeof MemberAddSchema>;

/** A group's members, added and removed on the group's page. */
export function groupMembersDefinition(group: Pick<Group, 'id' | 'name'>): ResourceDefinition<KeystoneUser, MemberAdd> {
  const base = `groups/${encodeURIComponent(group.id)}/users`;
  return define<KeystoneUser, MemberAdd>({
    kind: 'admin-group-member',
    slug: `admin/groups/${group.id}/members`,
    label: { singular: 'admin.identity.groups.member', plural: 'admin.identity.groups.members', noun: 'kinds.adminUser.noun' },
    service: 'identity',
    paths: { list: base, item: (id) => `users/${id}` },
    keys: { list: 'users', item: 'user' },
    schema: KeystoneUserSchema,
    columns: [nameColumn((u) => u.name), { id: 'email', label: 'kinds.adminUser.columns.email', value: (u) => u.email ?? '', sensitive: 'email' }, DOMAIN_COLUMN, idColumn((u) => u.id, { hidden: false })],
    actions: [
      {
        id: 'remove', label: 'admin.identity.groups.remove', destructive: true, allowed: () => true,
        request: (u) => ({ method: 'DELETE', path: `${base}/${u.id}` }),
        cli: (u) => command('openstack group remove user', group.id, u.id),
        confirm: {
          title: () => 'admin.identity.groups.removeTitle',
          body: (rows) => msg('admin.identity.groups.removeBody', { names: rowNames(rows, (u) => u.name).names, group: group.name }),
          confirmLabel: 'admin.identity.groups.remove', destructive: true,
        },
      },
    ],
    create: {
      schema: MemberAddSchema,
      title: 'admin.identity.groups.add',
      submitLabel: 'admin.identity.groups.add',
      fields: [
        {
          name: 'user', label: 'kinds.adminUser.singular', type: 'select',
          optionsFrom: { service: 'identity', path: 'users', key: 'users', kind: 'admin-user', noun: 'kinds.adminUser.noun', none: 'admin.identity.assignments.none', value: (o) => String(o.id), label: (o) => String(o.name ?? o.id) },
        },
      ],
      defaults: { user: '' },
      request: (i) => ({ method: 'PUT', path: `${base}/${encodeURIComponent(i.user)}` }),
      cli: (i) => command('openstack group add user', group.id, i.user || '<user>'),
      adminOnly: true,
    },
    cli: { list: command('openstack user list --group', group.id), show: (u) => `openstack user show ${u.id}` },
  });
}

export const groupAdminDefinition = define<Group, GroupCreate>({
  kind: 'admin-group',
  slug: 'admin/groups',
  label: { singular: 'admin.identity.groups.singular', plural: 'admin.identity.groups.plural', noun: 'admin.identity.groups.noun' },
  ...rest({ service: 'identity' }, 'groups', 'group'),
  schema: GroupSchema,
  filters: [nameFilter, { id: 'domain_id', label: 'admin.keystone.filters.domainId', type: 'text' }],
  columns: [nameColumn((g) => g.name), { id: 'description', label: 'common.description', value: (g) => g.description ?? '' }, DOMAIN_COLUMN, idColumn((g) => g.id)],
  defaultSort: { column: 'name', dir: 'asc' },
  overview: [{ label: 'common.description', value: (g) => g.description ?? '' }, { label: 'admin.keystone.columns.domainId', value: (g) => g.domain_id, mono: true }],
  actions: [
    deleteAction({
      title: 'admin.identity.groups.deleteTitle', path: (g) => `groups/${g.id}`, cli: (g) => `openstack group delete ${g.id}`,
      body: (rows) => msg('admin.identity.groups.deleteBody', { count: rows.length, names: rowNames(rows, (g) => g.name).names }),
    }),
  ],
  create: {
    schema: GroupCreateSchema,
    fields: [nameField, descriptionField, domainField],
    defaults: { name: '', description: '', domain_id: 'default' },
    request: (i) => ({ method: 'POST', path: 'groups', body: { group: { name: i.name, description: i.description, domain_id: i.domain_id } } }),
    cli: (i) => command('openstack group create', { '--domain': i.domain_id || undefined, '--description': i.description || undefined }, i.name || '<name>'),
    created: (body) => GroupSchema.safeParse((body as { group?: unknown } | undefined)?.group).data,
    adminOnly: true, breadcrumb: true, cancelLink: true,
  },
  forms: [
    {
      id: 'edit', label: 'admin.identity.edit.label', schema: GroupEditSchema, fields: [nameField, descriptionField],
      initial: (g) => ({ name: g.name, description: g.description ?? '' }),
      request: (g, i: z.infer<typeof GroupEditSchema>) => changed({ name: g.name, description: g.description ?? '' }, i, (body) => ({ method: 'PATCH', path: `groups/${g.id}`, body: { group: body } })),
      cli: (g, v) => command('openstack group set', { '--name': v.name !== g.name ? String(v.name) : undefined, '--description': v.description !== (g.description ?? '') ? String(v.description) : undefined }, g.id),
      submitLabel: 'common.save', errorTitle: 'admin.identity.errors.editGroup',
    },
  ],
  tabs: [{ id: 'members', label: 'admin.identity.groups.members', view: 'compact', list: (g) => groupMembersDefinition(g), empty: 'admin.identity.groups.noMembers' }],
  cli: { list: 'openstack group list --long', show: (g) => `openstack group show ${g.id}` },
});
