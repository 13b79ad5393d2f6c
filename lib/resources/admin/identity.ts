// Admin views of Keystone: every project and user of the cloud (GET /v3/projects, GET /v3/users).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { define, idColumn, nameFilter, rest } from '../define';
import type { Column, Filter, StatusInfo } from '../types';
import { maybeStrings } from '../schema';

const enabledWord = (on: boolean | undefined) => msg(on === false ? 'admin.keystone.disabled' : 'admin.keystone.enabled', {});
const enabled = (on: boolean | undefined): StatusInfo => ({ label: enabledWord(on), tone: on === false ? 'unknown' : 'ok' });

// Projects and users alike: Keystone filters both by name, enabled flag and domain, and both carry the two columns.
const FILTERS: readonly Filter[] = [
  nameFilter,
  { id: 'enabled', label: 'admin.keystone.filters.enabled', type: 'select', options: [{ value: 'true', label: 'admin.keystone.enabled' }, { value: 'false', label: 'admin.keystone.disabled' }] },
  { id: 'domain_id', label: 'admin.keystone.filters.domainId', type: 'text' },
];
type KeystoneRow = { domain_id: string; enabled?: boolean };
const DOMAIN_COLUMN: Column<KeystoneRow> = { id: 'domain', label: 'admin.keystone.columns.domainId', value: (r) => r.domain_id, cell: 'mono' };
const ENABLED_COLUMN: Column<KeystoneRow> = { id: 'enabled', label: 'admin.keystone.columns.enabled', value: (r) => enabledWord(r.enabled), cell: 'status' };

/** Where projects and users live, with what they share: the enabled flag as status and Keystone's filters. */
const keystoneAdmin = (collection: string, itemKey: string) => ({ ...rest({ service: 'identity' }, collection, itemKey), status: (r: KeystoneRow) => enabled(r.enabled), filters: FILTERS });

/** What Keystone's projects and users both carry. */
const KEYSTONE_FIELDS = { id: z.string().min(1), name: z.string(), domain_id: z.string(), enabled: z.boolean().optional() };

export const KeystoneProjectSchema = z.looseObject({
  ...KEYSTONE_FIELDS,
  description: z.string().nullish(),
  is_domain: z.boolean().optional(),
  parent_id: z.string().nullish(),
});
export type KeystoneProject = z.infer<typeof KeystoneProjectSchema>;

export const projectAdminDefinition = define<KeystoneProject>({
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
  cli: { list: 'openstack project list --long', show: (p) => `openstack project show ${p.id}` },
});

export const KeystoneUserSchema = z.looseObject({
  ...KEYSTONE_FIELDS,
  ...maybeStrings('email', 'default_project_id', 'password_expires_at'),
});
export type KeystoneUser = z.infer<typeof KeystoneUserSchema>;

export const userAdminDefinition = define<KeystoneUser>({
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
  cli: { list: 'openstack user list --long', show: (u) => `openstack user show ${u.id}` },
});
