// Admin views of Keystone: every project and user of the cloud (GET /v3/projects, GET /v3/users), created, edited,
// enabled or disabled and deleted by admins (Keystone's admin-only policies), with a user's password set.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command, sh } from '../cli';
import { define, deleteAction, idColumn, nameFilter, rest, rowNames } from '../define';
import type { ApiRequest, Column, FieldOptionsSource, Filter, FormField, ResourceAction, StatusInfo } from '../types';
import { maybeStrings } from '../schema';
import { projectDependents, userDependents } from './identity-dependents';
import { assignmentDefinition } from './roles';

const enabledWord = (on: boolean | undefined) => msg(on === false ? 'admin.keystone.disabled' : 'admin.keystone.enabled', {});
export const enabled = (on: boolean | undefined): StatusInfo => ({ label: enabledWord(on), tone: on === false ? 'unknown' : 'ok' });

// Projects and users alike: Keystone filters both by name, enabled flag and domain, and both carry the two columns.
const FILTERS: readonly Filter[] = [
  nameFilter,
  { id: 'enabled', label: 'admin.keystone.filters.enabled', type: 'select', options: [{ value: 'true', label: 'admin.keystone.enabled' }, { value: 'false', label: 'admin.keystone.disabled' }] },
  { id: 'domain_id', label: 'admin.keystone.filters.domainId', type: 'text' },
];
type KeystoneRow = { domain_id: string; enabled?: boolean };
export const DOMAIN_COLUMN: Column<KeystoneRow> = { id: 'domain', label: 'admin.keystone.columns.domainId', value: (r) => r.domain_id, cell: 'mono' };
export const ENABLED_COLUMN: Column<KeystoneRow> = { id: 'enabled', label: 'admin.keystone.columns.enabled', value: (r) => enabledWord(r.enabled), cell: 'status' };

/** Where projects and users live, with what they share: the enabled flag as status and Keystone's filters. */
const keystoneAdmin = (collection: string, itemKey: string) => ({ ...rest({ service: 'identity' }, collection, itemKey), status: (r: KeystoneRow) => enabled(r.enabled), filters: FILTERS });

/** What Keystone's projects and users both carry. */
const KEYSTONE_FIELDS = { id: z.string().min(1), name: z.string(), domain_id: z.string(), enabled: z.boolean().optional() };

/** Enable and disable: a PATCH of the flag, offered in the state it changes (`project set --enable`). */
export function enableActions<T extends { id: string; name: string; enabled?: boolean }>(collection: 'projects' | 'users' | 'domains', item: 'project' | 'user' | 'domain'): ResourceAction<T>[] {
  const set = (on: boolean): ResourceAction<T> => ({
    id: on ? 'enable' : 'disable',
    label: on ? 'admin.identity.actions.enable' : 'admin.identity.actions.disable',
    allowed: (r) => (r.enabled === false) === on,
    request: (r) => ({ method: 'PATCH', path: `${collection}/${r.id}`, body: { [item]: { enabled: on } } }),
    optimistic: (r) => ({ ...r, enabled: on }),
    cli: (r) => `openstack ${item} set ${on ? '--enable' : '--disable'} ${r.id}`,
    bulk: true,
  });
  return [set(true), set(false)];
}

/** The domains an admin may put a project or user in (GET /v3/domains). */
export const DOMAIN_OPTIONS: FieldOptionsSource = {
  service: 'identity', path: 'domains', key: 'domains', kind: 'admin-domain',
  value: (o) => String(o.id), label: (o) => String(o.name ?? o.id),
  noun: 'admin.identity.nouns.domain', none: 'admin.identity.form.noDomains',
};
export const PROJECT_OPTIONS: FieldOptionsSource = {
  service: 'identity', path: 'projects', key: 'projects', kind: 'admin-project',
  value: (o) => String(o.id), label: (o) => String(o.name ?? o.id),
  noun: 'kinds.adminProject.noun', none: 'admin.identity.form.noProject', choose: 'admin.identity.form.noProject',
};

export const nameField: FormField = { name: 'name', label: 'common.name', type: 'text', maxLength: 64 };
export const descriptionField: FormField = { name: 'description', label: 'common.description', type: 'textarea' };
export const domainField: FormField = { name: 'domain_id', label: 'admin.keystone.columns.domainId', type: 'select', optionsFrom: DOMAIN_OPTIONS };
export const enabledField: FormField = { name: 'enabled', label: 'admin.keystone.enabled', type: 'checkbox' };

export const NameSchema = z.string().trim().min(1, { error: 'admin.identity.errors.nameRequired' }).max(64, { error: 'admin.identity.errors.nameLength' });
export const DescriptionSchema = z.string().trim().max(255, { error: 'admin.identity.errors.descriptionLength' });

export const KeystoneProjectSchema = z.looseObject({
  ...KEYSTONE_FIELDS,
  description: z.string().nullish(),
  is_domain: z.boolean().optional(),
  parent_id: z.string().nullish(),
});
export type KeystoneProject = z.infer<typeof KeystoneProjectSchema>;

const ProjectEditSchema = z.object({ name: NameSchema, description: DescriptionSchema });
const ProjectCreateSchema = ProjectEditSchema.extend({ domain_id: z.string().min(1, { error: 'admin.identity.errors.domainRequired' }), enabled: z.boolean() });
type ProjectCreate = z.infer<typeof ProjectCreateSchema>;

/** A PATCH of the fields that changed, or none when nothing did (the form then says so). */
export function changed<V extends Record<string, string>>(before: V, after: V, request: (body: Partial<V>) => ApiRequest): ApiRequest | undefined {
  const body = Object.fromEntries(Object.entries(after).filter(([k, v]) => v !== before[k])) as Partial<V>;
  return Object.keys(body).length ? request(body) : undefined;
}

export const projectAdminDefinition = define<KeystoneProject, ProjectCreate>({
  kind: 'admin-project',
  slug: 'admin/projects',
  label: { singular: 'kinds.adminProject.singular', plural: 'kinds.adminProject.plural', noun: 'kinds.adminProject.noun' },
  ...keystoneAdmin('projects', 'project'),
  schema: KeystoneProjectSchema,
  columns: [
    { id: 'name', label: 'common.name', value: (p) => p.name },
    idColumn((p) => p.id, { hidden: false, sensitive: 'projectId' }),
    DOMAIN_COLUMN,
    ENABLED_COLUMN,
    { id: 'description', label: 'common.description', value: (p) => p.description ?? '' },
  ],
  overview: [
    { label: 'common.description', value: (p) => p.description ?? '' },
    { label: 'admin.keystone.columns.domainId', value: (p) => p.domain_id, mono: true },
    { label: 'admin.identity.fields.parent', value: (p) => p.parent_id ?? '', mono: true },
  ],
  actions: [
    ...enableActions<KeystoneProject>('projects', 'project'),
    deleteAction({
      title: 'admin.identity.confirm.deleteProjectTitle',
      path: (p) => `projects/${p.id}`,
      cli: (p) => `openstack project delete ${p.id}`,
      body: (r) => msg('admin.identity.confirm.deleteProjectBody', { count: r.length, names: rowNames(r, (p) => p.name).names }),
      dependents: projectDependents,
    }),
  ],
  tabs: [{ id: 'assignments', label: 'admin.identity.assignments.plural', view: 'compact', list: (p) => assignmentDefinition({ kind: 'project', id: p.id, name: p.name }), empty: 'admin.identity.assignments.empty' }],
  create: {
    schema: ProjectCreateSchema,
    fields: [nameField, descriptionField, domainField, enabledField],
    defaults: { name: '', description: '', domain_id: 'default', enabled: true },
    request: (i) => ({ method: 'POST', path: 'projects', body: { project: { name: i.name, description: i.description, domain_id: i.domain_id, enabled: i.enabled } } }),
    cli: (i) => command('openstack project create', { '--domain': i.domain_id || undefined, '--description': i.description || undefined, '--disable': !i.enabled }, i.name || '<name>'),
    created: (body) => KeystoneProjectSchema.safeParse((body as { project?: unknown } | undefined)?.project).data,
    adminOnly: true, breadcrumb: true, cancelLink: true,
    errorTitle: 'admin.identity.errors.createProject',
  },
  forms: [
    {
      id: 'edit', label: 'admin.identity.edit.label', schema: ProjectEditSchema,
      fields: [nameField, descriptionField],
      initial: (p) => ({ name: p.name, description: p.description ?? '' }),
      resetKey: (p) => `${p.name}\n${p.description ?? ''}`,
      request: (p, i) => changed({ name: p.name, description: p.description ?? '' }, i, (body) => ({ method: 'PATCH', path: `projects/${p.id}`, body: { project: body } })),
      cli: (p, v) => command('openstack project set', { '--name': v.name !== p.name ? String(v.name) : undefined, '--description': v.description !== (p.description ?? '') ? String(v.description) : undefined }, p.id),
      submitLabel: 'common.save', errorTitle: 'admin.identity.errors.editProject',
    },
  ],
  cli: { list: 'openstack project list --long', show: (p) => `openstack project show ${p.id}` },
});

export const KeystoneUserSchema = z.looseObject({
  ...KEYSTONE_FIELDS,
  ...maybeStrings('email', 'default_project_id', 'password_expires_at'),
});
export type KeystoneUser = z.infer<typeof KeystoneUserSchema>;

const EmailSchema = z.string().trim().refine((v) => v === '' || /^[^\s@]+@[^\s@]+$/.test(v), { error: 'admin.identity.errors.email' });
const UserEditSchema = z.object({ name: NameSchema.max(255, { error: 'admin.identity.errors.nameLength' }), email: EmailSchema, default_project_id: z.string(), description: DescriptionSchema });
type UserEdit = z.infer<typeof UserEditSchema>;
/** Keystone takes any non-empty password up to 4096 characters (its own rules, if any are configured, answer 400). */
const PasswordPairSchema = z
  .object({ password: z.string().min(1, { error: 'admin.identity.errors.passwordRequired' }).max(4096), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'admin.identity.errors.passwordMismatch' });
/** The pair is compared even while another field is wrong, so every error shows at once. */
const bothStrings = (p: z.core.ParsePayload) => {
  const v = p.value as { password?: unknown; confirm?: unknown };
  return typeof v.password === 'string' && typeof v.confirm === 'string';
};
const UserCreateSchema = z
  .object({ ...UserEditSchema.shape, domain_id: z.string().min(1, { error: 'admin.identity.errors.domainRequired' }), enabled: z.boolean(), password: z.string().max(4096), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'admin.identity.errors.passwordMismatch', when: bothStrings });
type UserCreate = z.infer<typeof UserCreateSchema>;

const userBody = (i: UserEdit) => ({ name: i.name, email: i.email || undefined, default_project_id: i.default_project_id || undefined, description: i.description || undefined });
const passwordFields: FormField[] = [
  { name: 'password', label: 'admin.identity.fields.password', type: 'text', secret: true },
  { name: 'confirm', label: 'admin.identity.fields.confirmPassword', type: 'text', secret: true },
];
const userEditFields: FormField[] = [
  { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
  { name: 'email', label: 'kinds.adminUser.columns.email', type: 'text' },
  { name: 'default_project_id', label: 'kinds.adminUser.columns.defaultProject', type: 'select', optionsFrom: PROJECT_OPTIONS },
  descriptionField,
];

export const userAdminDefinition = define<KeystoneUser, UserCreate>({
  kind: 'admin-user',
  slug: 'admin/users',
  label: { singular: 'kinds.adminUser.singular', plural: 'kinds.adminUser.plural', noun: 'kinds.adminUser.noun' },
  ...keystoneAdmin('users', 'user'),
  schema: KeystoneUserSchema,
  lookups: [
    { name: 'projects', kind: 'admin-project', service: 'identity', ids: (rows) => rows.map((u) => u.default_project_id ?? ''), path: () => 'projects', key: 'projects', label: (p) => String(p.name ?? p.id) },
  ],
  columns: [
    { id: 'name', label: 'common.name', value: (u) => u.name },
    { id: 'email', label: 'kinds.adminUser.columns.email', value: (u) => u.email ?? '', sensitive: 'email' },
    { id: 'project', label: 'kinds.adminUser.columns.defaultProject', value: (u, ctx) => (u.default_project_id ? (ctx.lookups.projects?.[u.default_project_id] ?? u.default_project_id) : ''), sensitive: 'projectId' },
    DOMAIN_COLUMN,
    ENABLED_COLUMN,
    idColumn((u) => u.id),
  ],
  overview: [
    { label: 'kinds.adminUser.columns.email', value: (u) => u.email ?? '', sensitive: 'email' },
    { label: 'kinds.adminUser.columns.defaultProject', value: (u, ctx) => (u.default_project_id ? (ctx.lookups.projects?.[u.default_project_id] ?? u.default_project_id) : ''), sensitive: 'projectId' },
    { label: 'admin.keystone.columns.domainId', value: (u) => u.domain_id, mono: true },
    { label: 'admin.identity.fields.passwordExpires', value: (u) => u.password_expires_at ?? '' },
  ],
  actions: [
    ...enableActions<KeystoneUser>('users', 'user'),
    deleteAction({
      title: 'admin.identity.confirm.deleteUserTitle',
      path: (u) => `users/${u.id}`,
      cli: (u) => `openstack user delete ${u.id}`,
      body: (r) => msg('admin.identity.confirm.deleteUserBody', { count: r.length, names: rowNames(r, (u) => u.name).names }),
      dependents: userDependents,
    }),
  ],
  create: {
    schema: UserCreateSchema,
    fields: [...userEditFields, domainField, ...passwordFields, enabledField],
    defaults: { name: '', email: '', default_project_id: '', description: '', domain_id: 'default', password: '', confirm: '', enabled: true },
    request: (i) => ({ method: 'POST', path: 'users', body: { user: { ...userBody(i), domain_id: i.domain_id, enabled: i.enabled, ...(i.password ? { password: i.password } : {}) } } }),
    cli: (i) =>
      command(
        'openstack user create',
        { '--domain': i.domain_id || undefined, '--email': i.email || undefined, '--project': i.default_project_id || undefined, '--description': i.description || undefined, '--password-prompt': !!i.password, '--disable': !i.enabled },
        i.name || '<name>',
      ),
    created: (body) => KeystoneUserSchema.safeParse((body as { user?: unknown } | undefined)?.user).data,
    adminOnly: true, breadcrumb: true, cancelLink: true,
    errorTitle: 'admin.identity.errors.createUser',
  },
  forms: [
    {
      id: 'edit', label: 'admin.identity.edit.label', schema: UserEditSchema, fields: userEditFields,
      initial: (u) => ({ name: u.name, email: u.email ?? '', default_project_id: u.default_project_id ?? '', description: String(u.description ?? '') }),
      resetKey: (u) => `${u.name}\n${u.email ?? ''}\n${u.default_project_id ?? ''}`,
      request: (u, i: UserEdit) =>
        changed({ name: u.name, email: u.email ?? '', default_project_id: u.default_project_id ?? '', description: String(u.description ?? '') }, i, (body) => ({
          method: 'PATCH', path: `users/${u.id}`,
          // Cleared fields go as null: Keystone drops them.
          body: { user: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === '' && k !== 'name' ? null : v])) },
        })),
      cli: (u, v) => command('openstack user set', { '--name': v.name !== u.name ? String(v.name) : undefined, '--email': v.email !== (u.email ?? '') ? String(v.email) : undefined, '--project': v.default_project_id !== (u.default_project_id ?? '') ? String(v.default_project_id) : undefined }, u.id),
      submitLabel: 'common.save', errorTitle: 'admin.identity.errors.editUser',
    },
    {
      id: 'password', label: 'admin.identity.password.label', schema: PasswordPairSchema, fields: passwordFields,
      initial: () => ({ password: '', confirm: '' }),
      request: (u, i: z.infer<typeof PasswordPairSchema>) => ({ method: 'PATCH', path: `users/${u.id}`, body: { user: { password: i.password } } }),
      cli: (u) => `openstack user set --password-prompt ${sh(u.id)}`,
      submitLabel: 'admin.identity.password.submit', errorTitle: 'admin.identity.errors.setPassword',
    },
  ],
  cli: { list: 'openstack user list --long', show: (u) => `openstack user show ${u.id}` },
});
