// Keystone roles and role assignments for admins: the roles (GET/POST/DELETE /v3/roles), and who holds which role on
// a project or a domain (GET /v3/role_assignments?scope.<project|domain>.id=…&include_names), direct or effective
// (groups expanded, implied roles added), granted with PUT and revoked with DELETE of
// /v3/<projects|domains>/{id}/<users|groups>/{id}/roles/{role}.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, rest, rowNames } from '../define';
import type { ApiRequest, FieldOptionsSource, ResourceDefinition } from '../types';

const Named = z.looseObject({ id: z.string(), name: z.string().optional(), domain: z.looseObject({ id: z.string(), name: z.string().optional() }).optional() });

export const RoleSchema = z.looseObject({ id: z.string().min(1), name: z.string(), domain_id: z.string().nullish(), description: z.string().nullish() });
export type Role = z.infer<typeof RoleSchema>;

const RoleCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'admin.identity.errors.nameRequired' }).max(255, { error: 'admin.identity.errors.nameLength' }),
  description: z.string().trim().max(255, { error: 'admin.identity.errors.descriptionLength' }),
});
type RoleCreate = z.infer<typeof RoleCreateSchema>;

export const roleAdminDefinition = define<Role, RoleCreate>({
  kind: 'admin-role',
  slug: 'admin/roles',
  label: { singular: 'admin.identity.roles.singular', plural: 'admin.identity.roles.plural', noun: 'admin.identity.roles.noun' },
  ...rest({ service: 'identity' }, 'roles', 'role'),
  schema: RoleSchema,
  filters: [nameFilter],
  columns: [nameColumn((r) => r.name), { id: 'description', label: 'common.description', value: (r) => r.description ?? '' }, { id: 'domain', label: 'admin.keystone.columns.domainId', value: (r) => r.domain_id ?? '' }, idColumn((r) => r.id)],
  defaultSort: { column: 'name', dir: 'asc' },
  actions: [
    deleteAction({
      title: 'admin.identity.roles.deleteTitle', path: (r) => `roles/${r.id}`, cli: (r) => `openstack role delete ${r.id}`,
      body: (rows) => msg('admin.identity.roles.deleteBody', { count: rows.length, names: rowNames(rows, (r) => r.name).names }),
    }),
  ],
  create: {
    schema: RoleCreateSchema,
    fields: [{ name: 'name', label: 'common.name', type: 'text' }, { name: 'description', label: 'common.description', type: 'text' }],
    defaults: { name: '', description: '' },
    request: (i) => ({ method: 'POST', path: 'roles', body: { role: { name: i.name, ...(i.description ? { description: i.description } : {}) } } }),
    cli: (i) => command('openstack role create', { '--description': i.description || undefined }, i.name || '<name>'),
    adminOnly: true,
  },
  cli: { list: 'openstack role list', show: (r) => `openstack role show ${r.id}` },
});

export const AssignmentSchema = z.looseObject({
  role: Named,
  user: Named.optional(),
  group: Named.optional(),
  scope: z.looseObject({ project: Named.optional(), domain: Named.optional() }).optional(),
  links: z.looseObject({ assignment: z.string().optional(), membership: z.string().optional(), prior_role: z.string().optional() }).optional(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** Where assignments are listed and granted: a project or a domain. */
export interface AssignmentScope {
  kind: 'project' | 'domain';
  id: string;
  name: string;
}

const actor = (a: Assignment) => (a.user ? { type: 'users' as const, ref: a.user } : a.group ? { type: 'groups' as const, ref: a.group } : undefined);
/** A row's id: the grant it is (role, user or group), and how it came when effective (a group, an implied role). */
export const assignmentId = (a: Assignment) => [a.role.id, a.user ? `u:${a.user.id}` : `g:${a.group?.id ?? ''}`, a.links?.membership ?? '', a.links?.prior_role ?? ''].join('|');

export function grantPath(scope: AssignmentScope, type: 'users' | 'groups', actorId: string, roleId: string): string {
  return `${scope.kind}s/${encodeURIComponent(scope.id)}/${type}/${encodeURIComponent(actorId)}/roles/${encodeURIComponent(roleId)}`;
}

const GrantSchema = z
  .object({ actorType: z.enum(['users', 'groups']), user: z.string(), group: z.string(), role: z.string().min(1, { error: 'admin.identity.assignments.errors.role' }) })
  .refine((v) => (v.actorType === 'users' ? v.user : v.group) !== '', { path: ['user'], error: 'admin.identity.assignments.errors.actor' });
type Grant = z.infer<typeof GrantSchema>;

const options = (path: string, key: string, kind: string, noun: FieldOptionsSource['noun']): FieldOptionsSource => ({
  service: 'identity', path, key, kind, noun, value: (o) => String(o.id), label: (o) => String(o.name ?? o.id), none: 'admin.identity.assignments.none',
});

export function grantRequest(scope: AssignmentScope, g: Grant): ApiRequest {
  return { method: 'PUT', path: grantPath(scope, g.actorType, g.actorType === 'users' ? g.user : g.group, g.role) };
}

export function assignmentDefinition(scope: AssignmentScope): ResourceDefinition<Assignment, Grant> {
  const flag = `--${scope.kind}`;
  return define<Assignment, Grant>({
    kind: 'admin-role-assignment',
    slug: `admin/${scope.kind}s/${scope.id}/assignments`,
    label: { singular: 'admin.identity.assignments.singular', plural: 'admin.identity.assignments.plural', noun: 'admin.identity.assignments.noun' },
    service: 'identity',
    paths: { list: `role_assignments?scope.${scope.kind}.id=${encodeURIComponent(scope.id)}&include_names=true`, item: () => '' },
    keys: { list: 'role_assignments', item: 'role_assignment' },
    schema: AssignmentSchema,
    id: assignmentId,
    name: (a) => `${a.role.name ?? a.role.id} / ${actor(a)?.ref.name ?? ''}`,
    // Keystone's flag takes any value, even "false": only the effective choice sends it.
    filters: [{ id: 'effective', label: 'admin.identity.assignments.show', type: 'select', options: [{ value: 'true', label: 'admin.identity.assignments.effective' }], query: (v): Record<string, string> => (v === 'true' ? { effective: 'true' } : {}) }],
    columns: [
      { id: 'role', label: 'admin.identity.roles.singular', value: (a) => a.role.name ?? a.role.id },
      { id: 'user', label: 'kinds.adminUser.singular', value: (a) => a.user?.name ?? a.user?.id ?? '' },
      { id: 'group', label: 'admin.identity.groups.singular', value: (a) => a.group?.name ?? a.group?.id ?? '' },
      {
        id: 'via', label: 'admin.identity.assignments.via',
        value: (a) => (a.links?.membership ? msg('admin.identity.assignments.viaGroup', {}) : a.links?.prior_role ? msg('admin.identity.assignments.implied', {}) : msg('admin.identity.assignments.direct', {})),
      },
    ],
    actions: [
      {
        id: 'revoke', label: 'admin.identity.assignments.revoke', destructive: true,
        // Only a direct grant is revoked here: an effective row comes from a group or an implied role.
        allowed: (a) => !a.links?.membership && !a.links?.prior_role && !!actor(a),
        request: (a) => ({ method: 'DELETE', path: grantPath(scope, actor(a)!.type, actor(a)!.ref.id, a.role.id) }),
        cli: (a) => command('openstack role remove', { [flag]: scope.id, [a.user ? '--user' : '--group']: actor(a)?.ref.id ?? '' }, a.role.name ?? a.role.id),
        confirm: {
          title: () => 'admin.identity.assignments.revokeTitle',
          body: (rows) => msg('admin.identity.assignments.revokeBody', { role: rows[0]?.role.name ?? '', actor: rows[0] ? (actor(rows[0])?.ref.name ?? '') : '', scope: scope.name }),
          confirmLabel: 'admin.identity.assignments.revoke', destructive: true,
        },
      },
    ],
    create: {
      schema: GrantSchema,
      title: 'admin.identity.assignments.grant',
      submitLabel: 'admin.identity.assignments.grant',
      fields: [
        { name: 'actorType', label: 'admin.identity.assignments.to', type: 'select', options: [{ value: 'users', label: 'kinds.adminUser.singular' }, { value: 'groups', label: 'admin.identity.groups.singular' }] },
        { name: 'user', label: 'kinds.adminUser.singular', type: 'select', optionsFrom: options('users', 'users', 'admin-user', 'kinds.adminUser.noun'), when: (v) => v.actorType === 'users' },
        { name: 'group', label: 'admin.identity.groups.singular', type: 'select', optionsFrom: options('groups', 'groups', 'admin-group', 'admin.identity.groups.noun'), when: (v) => v.actorType === 'groups' },
        { name: 'role', label: 'admin.identity.roles.singular', type: 'select', optionsFrom: options('roles', 'roles', 'admin-role', 'admin.identity.roles.noun') },
      ],
      defaults: { actorType: 'users', user: '', group: '', role: '' },
      request: (g) => grantRequest(scope, g),
      cli: (g) => command('openstack role add', { [flag]: scope.id, [g.actorType === 'users' ? '--user' : '--group']: (g.actorType === 'users' ? g.user : g.group) || '<id>' }, g.role || '<role>'),
      adminOnly: true,
    },
    cli: { list: command('openstack role assignment list', { [flag]: scope.id, '--names': true }), show: () => command('openstack role assignment list', { [flag]: scope.id, '--names': true }) },
  });
}
