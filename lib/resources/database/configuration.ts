// Trove configuration groups (POST /configurations, answered 200): a datastore version's settings as a JSON object,
// attached to instances (instance page, PUT instances/{id}). Trove checks each value against the datastore's rules
// and refuses an unknown name or a wrong type with 422, in its own words.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, rest, rowNames } from '../define';
import type { ApiRequest, ResourceDefinition } from '../types';
import { ConfigurationSchema, DatastoresSchema, TROVE, TROVE_KINDS, type Configuration } from './trove';

/** `{"max_connections": 200}`: a JSON object of settings, at least one. */
export function parseValues(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const ConfigurationCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.databaseConfiguration.errors.nameRequired' }).max(255, { error: 'kinds.databaseConfiguration.errors.nameLength' }),
  description: z.string().trim(),
  datastore: z.string().min(1, { error: 'kinds.databaseConfiguration.errors.datastore' }),
  version: z.string().trim(),
  values: z.string().refine((s) => !!parseValues(s), { error: 'kinds.databaseConfiguration.errors.values' }),
});
export type ConfigurationCreate = z.infer<typeof ConfigurationCreateSchema>;

export function configurationCreateRequest(i: ConfigurationCreate): ApiRequest {
  const configuration: Record<string, unknown> = {
    name: i.name.trim(),
    values: parseValues(i.values),
    // Without a version Trove takes the datastore's default one.
    datastore: { type: i.datastore, ...(i.version ? { version: i.version } : {}) },
  };
  if (i.description) configuration.description = i.description;
  return { method: 'POST', path: 'configurations', body: { configuration } };
}

export const configurationCreateCli = (i: Partial<ConfigurationCreate>) =>
  command('openstack database configuration create', i.name?.trim() || '<name>', i.values?.trim() || '<values>', { '--datastore': i.datastore || '<datastore>', '--datastore-version': i.version || undefined, '--description': i.description || undefined });

const valueText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const datastoreText = (c: Configuration) => [c.datastore_name, c.datastore_version_name].filter(Boolean).join(' ');

const InstanceRefSchema = z.looseObject({ id: z.string(), name: z.string().nullable().optional() });
type InstanceRef = z.infer<typeof InstanceRefSchema>;

/** The instances a group is attached to (GET configurations/{id}/instances): names linking to their pages. */
function attachedDefinition(c: Configuration): ResourceDefinition<InstanceRef> {
  return define<InstanceRef>({
    // Its own kind: the instances list's cache entries are keyed by kind, not by path.
    kind: `${TROVE_KINDS.configuration}-instance`, slug: 'databases',
    label: { singular: 'kinds.databaseInstance.singular', plural: 'kinds.databaseInstance.plural', noun: 'kinds.databaseInstance.noun' },
    ...rest(TROVE, 'instances', 'instance', { list: `configurations/${c.id}/instances` }),
    schema: InstanceRefSchema,
    name: (i) => i.name || i.id,
    columns: [{ id: 'name', label: 'common.name', value: (i) => i.name || i.id }, idColumn((i) => i.id, { hidden: false })],
    cli: { list: command('openstack database configuration instances', c.name), show: (i) => command('openstack database instance show', i.id) },
  });
}

export const configurationDefinition = define<Configuration, ConfigurationCreate>({
  kind: TROVE_KINDS.configuration,
  slug: 'database-configurations',
  label: { singular: 'kinds.databaseConfiguration.singular', plural: 'kinds.databaseConfiguration.plural', noun: 'kinds.databaseConfiguration.noun' },
  ...rest(TROVE, 'configurations', 'configuration'),
  schema: ConfigurationSchema,
  columns: [
    nameColumn((c) => c.name),
    { id: 'datastore', label: 'kinds.databaseInstance.fields.datastore', value: datastoreText },
    { id: 'instances', label: 'kinds.databaseConfiguration.fields.instances', value: (c) => c.instance_count ?? '' },
    { id: 'description', label: 'common.description', value: (c) => c.description ?? '' },
    ageColumn((c) => c.created ?? ''),
    idColumn((c) => c.id),
  ],
  actions: [
    deleteAction<Configuration>({
      title: 'kinds.databaseConfiguration.confirm.deleteTitle',
      path: (c) => `configurations/${c.id}`, cli: (c) => command('openstack database configuration delete', c.name),
      body: (rows) => msg('kinds.databaseConfiguration.confirm.deleteBody', { count: rows.length, ...rowNames(rows, (c) => c.name, 3) }),
    }),
  ],
  overview: [
    { label: 'common.id', value: (c) => c.id, mono: true },
    { label: 'common.description', value: (c) => c.description ?? '' },
    { label: 'kinds.databaseInstance.fields.datastore', value: datastoreText },
    { label: 'kinds.databaseConfiguration.fields.instances', value: (c) => c.instance_count ?? '' },
    { label: 'common.created', value: (c) => c.created ?? '' },
    { label: 'common.updated', value: (c) => c.updated ?? '' },
  ],
  tables: [
    {
      heading: 'kinds.databaseConfiguration.fields.values', label: 'kinds.databaseConfiguration.fields.values', empty: 'kinds.databaseConfiguration.noValues',
      rows: (c: Configuration) => Object.entries(c.values ?? {}).map(([key, value]) => ({ key, value })),
      columns: [
        { label: 'kinds.databaseConfiguration.fields.setting', value: (r: { key: string }) => r.key, mono: true },
        { label: 'kinds.databaseConfiguration.fields.value', value: (r: { value: unknown }) => valueText(r.value), mono: true },
      ],
    },
  ],
  tabs: [{ id: 'instances', label: 'kinds.databaseConfiguration.fields.attached', view: 'compact', list: attachedDefinition, empty: 'kinds.databaseConfiguration.noInstances' }],
  create: {
    schema: ConfigurationCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text' },
      { name: 'description', label: 'common.description', type: 'text' },
      {
        name: 'datastore', label: 'kinds.databaseInstance.fields.datastore', type: 'select',
        optionsFrom: { service: TROVE.service, path: 'datastores', key: 'datastores', kind: TROVE_KINDS.datastore, schema: DatastoresSchema, value: (o) => String(o.name), label: (o) => String(o.name), noun: 'kinds.databaseConfiguration.datastoreNoun', none: 'kinds.databaseConfiguration.form.noDatastore', single: true },
      },
      { name: 'version', label: 'kinds.databaseConfiguration.form.version', type: 'text', hint: 'kinds.databaseConfiguration.form.versionHint' },
      { name: 'values', label: 'kinds.databaseConfiguration.fields.values', type: 'textarea', placeholder: 'kinds.databaseConfiguration.form.valuesPlaceholder', hint: 'kinds.databaseConfiguration.form.valuesHint' },
    ],
    defaults: { name: '', description: '', datastore: '', version: '', values: '' },
    request: configurationCreateRequest,
    cli: configurationCreateCli,
    // The create page then opens the group's page.
    created: (body) => ConfigurationSchema.safeParse((body as { configuration?: unknown } | null)?.configuration).data,
  },
  invalidates: [TROVE_KINDS.instance],
  cli: { list: 'openstack database configuration list', show: (c) => command('openstack database configuration show', c.name) },
});
