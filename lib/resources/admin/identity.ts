// Admin views of Keystone: every project and user of the cloud (GET /v3/projects, GET /v3/users).
import { z } from 'zod';
import type { ResourceDefinition, StatusInfo } from '../types';

const enabled = (on: boolean | undefined): StatusInfo => (on === false ? { label: 'disabled', tone: 'unknown' } : { label: 'enabled', tone: 'ok' });
const ENABLED_FILTER = { id: 'enabled', label: 'Enabled', type: 'select', options: [{ value: 'true', label: 'enabled' }, { value: 'false', label: 'disabled' }] } as const;

export const KeystoneProjectSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean().optional(),
  description: z.string().nullish(),
  is_domain: z.boolean().optional(),
  parent_id: z.string().nullish(),
});
export type KeystoneProject = z.infer<typeof KeystoneProjectSchema>;

export const projectAdminDefinition: ResourceDefinition<KeystoneProject> = {
  kind: 'admin-project',
  slug: 'admin/projects',
  label: { singular: 'Project', plural: 'Projects' },
  service: 'identity',
  paths: { list: 'projects', item: (i) => `projects/${i}` },
  keys: { list: 'projects', item: 'project' },
  schema: KeystoneProjectSchema,
  id: (p) => p.id,
  name: (p) => p.name,
  status: (p) => enabled(p.enabled),
  columns: [
    { id: 'name', label: 'Name', value: (p) => p.name },
    { id: 'id', label: 'ID', value: (p) => p.id, cell: 'mono', sensitive: 'projectId' },
    { id: 'domain', label: 'Domain ID', value: (p) => p.domain_id, cell: 'mono' },
    { id: 'enabled', label: 'Enabled', value: (p) => enabled(p.enabled).label, cell: 'status' },
    { id: 'description', label: 'Description', value: (p) => p.description ?? '' },
  ],
  filters: [{ id: 'name', label: 'Name', type: 'text' }, ENABLED_FILTER, { id: 'domain_id', label: 'Domain ID', type: 'text' }],
  cli: { list: 'openstack project list --long', show: (p) => `openstack project show ${p.id}` },
};

export const KeystoneUserSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean().optional(),
  email: z.string().nullish(),
  default_project_id: z.string().nullish(),
  password_expires_at: z.string().nullish(),
});
export type KeystoneUser = z.infer<typeof KeystoneUserSchema>;

export const userAdminDefinition: ResourceDefinition<KeystoneUser> = {
  kind: 'admin-user',
  slug: 'admin/users',
  label: { singular: 'User', plural: 'Users' },
  service: 'identity',
  paths: { list: 'users', item: (i) => `users/${i}` },
  keys: { list: 'users', item: 'user' },
  schema: KeystoneUserSchema,
  id: (u) => u.id,
  name: (u) => u.name,
  status: (u) => enabled(u.enabled),
  lookups: [
    { name: 'projects', kind: 'admin-project', service: 'identity', ids: (rows) => rows.map((u) => u.default_project_id ?? ''), path: () => 'projects', key: 'projects', label: (p) => String(p.name ?? p.id) },
  ],
  columns: [
    { id: 'name', label: 'Name', value: (u) => u.name },
    { id: 'email', label: 'E-mail', value: (u) => u.email ?? '', sensitive: 'email' },
    { id: 'project', label: 'Default project', value: (u, ctx) => (u.default_project_id ? (ctx.lookups.projects?.[u.default_project_id] ?? u.default_project_id) : '') },
    { id: 'domain', label: 'Domain ID', value: (u) => u.domain_id, cell: 'mono' },
    { id: 'enabled', label: 'Enabled', value: (u) => enabled(u.enabled).label, cell: 'status' },
    { id: 'id', label: 'ID', value: (u) => u.id, cell: 'mono', hidden: true },
  ],
  filters: [{ id: 'name', label: 'Name', type: 'text' }, ENABLED_FILTER, { id: 'domain_id', label: 'Domain ID', type: 'text' }],
  cli: { list: 'openstack user list --long', show: (u) => `openstack user show ${u.id}` },
};
