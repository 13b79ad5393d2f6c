// Nova flavors: everyone lists them; admins create and delete.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { define, deleteAction, idColumn, rest, rowNames } from '../define';
import { NOVA } from './server';

export const FlavorSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  vcpus: z.number(),
  ram: z.number(),
  disk: z.number(),
  'OS-FLV-EXT-DATA:ephemeral': z.number().optional(),
  swap: z.union([z.number(), z.literal('')]).optional(),
  'os-flavor-access:is_public': z.boolean().optional(),
  'OS-FLV-DISABLED:disabled': z.boolean().optional(),
  description: z.string().nullable().optional(),
  rxtx_factor: z.number().optional(),
});
export type Flavor = z.infer<typeof FlavorSchema>;

export const FlavorCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.flavor.errors.nameRequired' }).max(255),
  vcpus: z.coerce.number({ error: 'kinds.flavor.errors.number' }).int().min(1, { error: 'kinds.flavor.errors.vcpusMin' }),
  ram: z.coerce.number({ error: 'kinds.flavor.errors.number' }).int().min(1, { error: 'kinds.flavor.errors.ramMin' }),
  disk: z.coerce.number({ error: 'kinds.flavor.errors.number' }).int().min(0, { error: 'kinds.flavor.errors.diskMin' }),
  isPublic: z.boolean(),
});
export type FlavorCreate = z.infer<typeof FlavorCreateSchema>;

export const flavorDefinition = define<Flavor, FlavorCreate>({
  kind: 'flavor',
  slug: 'flavors',
  label: { singular: 'kinds.flavor.singular', plural: 'kinds.flavor.plural', noun: 'kinds.flavor.noun' },
  ...rest(NOVA, 'flavors', 'flavor', { list: 'flavors/detail' }),
  schema: FlavorSchema,
  columns: [
    { id: 'name', label: 'common.name', value: (f) => f.name },
    { id: 'vcpus', label: 'kinds.flavor.columns.vcpus', value: (f) => f.vcpus },
    { id: 'ram', label: 'kinds.flavor.columns.ram', value: (f) => f.ram },
    { id: 'disk', label: 'kinds.flavor.columns.disk', value: (f) => f.disk },
    { id: 'ephemeral', label: 'kinds.flavor.columns.ephemeral', value: (f) => f['OS-FLV-EXT-DATA:ephemeral'] ?? 0, hidden: true },
    { id: 'public', label: 'kinds.flavor.columns.public', value: (f) => msg(f['os-flavor-access:is_public'] === false ? 'common.no' : 'common.yes', {}) },
    idColumn((f) => f.id, { hidden: false }),
  ],
  defaultSort: { column: 'vcpus', dir: 'asc' },
  pageSize: 100,
  actions: [
    deleteAction({
      title: 'kinds.flavor.confirm.deleteTitle', allowed: (_f, user) => user.isAdmin,
      path: (f) => `flavors/${f.id}`, cli: (f) => `openstack flavor delete ${f.id}`,
      body: (r) => msg('kinds.flavor.confirm.deleteBody', { count: r.length, names: rowNames(r, (f) => f.name).names }),
    }),
  ],
  create: {
    adminOnly: true,
    schema: FlavorCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text' },
      { name: 'vcpus', label: 'kinds.flavor.columns.vcpus', type: 'number' },
      { name: 'ram', label: 'kinds.flavor.columns.ram', type: 'number' },
      { name: 'disk', label: 'kinds.flavor.fields.disk', type: 'number', hint: 'kinds.flavor.fields.diskHint' },
      { name: 'isPublic', label: 'kinds.flavor.fields.isPublic', type: 'checkbox' },
    ],
    defaults: { name: '', vcpus: '1', ram: '512', disk: '1', isPublic: true },
    request: (i) => ({ method: 'POST', path: 'flavors', body: { flavor: { name: i.name, vcpus: i.vcpus, ram: i.ram, disk: i.disk, 'os-flavor-access:is_public': i.isPublic } } }),
    cli: (i) => `openstack flavor create --vcpus ${i.vcpus} --ram ${i.ram} --disk ${i.disk} ${i.isPublic ? '--public' : '--private'} ${i.name || '<name>'}`,
  },
  cli: { list: 'openstack flavor list --all', show: (f) => `openstack flavor show ${f.id}` },
});
