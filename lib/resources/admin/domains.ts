// Keystone domains for admins (GET/POST/PATCH/DELETE /v3/domains) with their role assignments. Keystone deletes only
// a disabled domain (403 otherwise) and never the default one: its answer is shown as it comes.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, nameFilter, rest, rowNames } from '../define';
import type { CellValue } from '../types';
import { changed, DescriptionSchema, descriptionField, enableActions, enabled, enabledField, NameSchema, nameField } from './identity';
import { assignmentDefinition } from './roles';

export const DomainSchema = z.looseObject({ id: z.string().min(1), name: z.string(), enabled: z.boolean().optional(), description: z.string().nullish() });
export type Domain = z.infer<typeof DomainSchema>;

const DomainEditSchema = z.object({ name: NameSchema, description: DescriptionSchema });
const DomainCreateSchema = DomainEditSchema.extend({ enabled: z.boolean() });
type DomainCreate = z.infer<typeof DomainCreateSchema>;

export const domainAdminDefinition = define<Domain, DomainCreate>({
  kind: 'admin-domain',
  slug: 'admin/domains',
  label: { singular: 'admin.identity.domains.singular', plural: 'admin.identity.domains.plural', noun: 'admin.identity.nouns.domain' },
  ...rest({ service: 'identity' }, 'domains', 'domain'),
  schema: DomainSchema,
  status: (d) => enabled(d.enabled),
  filters: [nameFilter],
  columns: [nameColumn((d) => d.name), { id: 'description', label: 'common.description', value: (d) => d.description ?? '' }, { id: 'enabled', label: 'admin.keystone.columns.enabled', value: (d) => enabled(d.enabled).label as CellValue, cell: 'status' }, idColumn((d) => d.id, { hidden: false })],
  defaultSort: { column: 'name', dir: 'asc' },
  overview: [{ label: 'common.description', value: (d) => d.description ?? '' }],
  actions: [
    ...enableActions<Domain>('domains', 'domain'),
    deleteAction({
      title: 'admin.identity.domains.deleteTitle', path: (d) => `domains/${d.id}`, cli: (d) => `openstack domain delete ${d.id}`,
      body: (rows) => msg('admin.identity.domains.deleteBody', { count: rows.length, names: rowNames(rows, (d) => d.name).names }),
    }),
  ],
  create: {
    schema: DomainCreateSchema,
    fields: [nameField, descriptionField, enabledField],
    defaults: { name: '', description: '', enabled: true },
    request: (i) => ({ method: 'POST', path: 'domains', body: { domain: { name: i.name, description: i.description, enabled: i.enabled } } }),
    cli: (i) => command('openstack domain create', { '--description': i.description || undefined, '--disable': !i.enabled }, i.name || '<name>'),
    created: (body) => DomainSchema.safeParse((body as { domain?: unknown } | undefined)?.domain).data,
    adminOnly: true, breadcrumb: true, cancelLink: true,
  },
  forms: [
    {
      id: 'edit', label: 'admin.identity.edit.label', schema: DomainEditSchema, fields: [nameField, descriptionField],
      initial: (d) => ({ name: d.name, description: d.description ?? '' }),
      request: (d, i: z.infer<typeof DomainEditSchema>) => changed({ name: d.name, description: d.description ?? '' }, i, (body) => ({ method: 'PATCH', path: `domains/${d.id}`, body: { domain: body } })),
      cli: (d, v) => command('openstack domain set', { '--name': v.name !== d.name ? String(v.name) : undefined, '--description': v.description !== (d.description ?? '') ? String(v.description) : undefined }, d.id),
      submitLabel: 'common.save', errorTitle: 'admin.identity.errors.editDomain',
    },
  ],
  tabs: [{ id: 'assignments', label: 'admin.identity.assignments.plural', view: 'compact', list: (d) => assignmentDefinition({ kind: 'domain', id: d.id, name: d.name }), empty: 'admin.identity.assignments.empty' }],
  cli: { list: 'openstack domain list', show: (d) => `openstack domain show ${d.id}` },
});
