// Nova flavors: everyone lists them; admins create and delete.
import { z } from 'zod';
import { define, deleteAction, idColumn, rest } from '../define';
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
  name: z.string().trim().min(1, { error: 'Enter a name' }).max(255),
  vcpus: z.coerce.number({ error: 'Enter a number' }).int().min(1, { error: 'At least 1 vCPU' }),
  ram: z.coerce.number({ error: 'Enter a number' }).int().min(1, { error: 'At least 1 MB' }),
  disk: z.coerce.number({ error: 'Enter a number' }).int().min(0, { error: 'Cannot be negative' }),
  isPublic: z.boolean(),
});
export type FlavorCreate = z.infer<typeof FlavorCreateSchema>;

export const flavorDefinition = define<Flavor, FlavorCreate>({
  kind: 'flavor',
  slug: 'flavors',
  label: { singular: 'Flavor', plural: 'Flavors' },
  ...rest(NOVA, 'flavors', 'flavor', { list: 'flavors/detail' }),
  schema: FlavorSchema,
  columns: [
    { id: 'name', label: 'Name', value: (f) => f.name },
    { id: 'vcpus', label: 'vCPUs', value: (f) => f.vcpus },
    { id: 'ram', label: 'RAM (MB)', value: (f) => f.ram },
    { id: 'disk', label: 'Disk (GB)', value: (f) => f.disk },
    { id: 'ephemeral', label: 'Ephemeral (GB)', value: (f) => f['OS-FLV-EXT-DATA:ephemeral'] ?? 0, hidden: true },
    { id: 'public', label: 'Public', value: (f) => (f['os-flavor-access:is_public'] === false ? 'No' : 'Yes') },
    idColumn((f) => f.id, { hidden: false }),
  ],
  defaultSort: { column: 'vcpus', dir: 'asc' },
  pageSize: 100,
  actions: [
    deleteAction({
      noun: 'flavor', allowed: (_f, user) => user.isAdmin,
      path: (f) => `flavors/${f.id}`, cli: (f) => `openstack flavor delete ${f.id}`,
      body: (r) => `This deletes the flavor${r.length === 1 ? '' : 's'} ${r.map((f) => f.name).join(', ')}. Existing instances keep running; no new ones can use ${r.length === 1 ? 'it' : 'them'}.`,
    }),
  ],
  create: {
    adminOnly: true,
    schema: FlavorCreateSchema,
    fields: [
      { name: 'name', label: 'Name', type: 'text' },
      { name: 'vcpus', label: 'vCPUs', type: 'number' },
      { name: 'ram', label: 'RAM (MB)', type: 'number' },
      { name: 'disk', label: 'Root disk (GB)', type: 'number', hint: '0 means the image size decides' },
      { name: 'isPublic', label: 'Public (all projects may use it)', type: 'checkbox' },
    ],
    defaults: { name: '', vcpus: '1', ram: '512', disk: '1', isPublic: true },
    request: (i) => ({ method: 'POST', path: 'flavors', body: { flavor: { name: i.name, vcpus: i.vcpus, ram: i.ram, disk: i.disk, 'os-flavor-access:is_public': i.isPublic } } }),
    cli: (i) => `openstack flavor create --vcpus ${i.vcpus} --ram ${i.ram} --disk ${i.disk} ${i.isPublic ? '--public' : '--private'} ${i.name || '<name>'}`,
  },
  cli: { list: 'openstack flavor list --all', show: (f) => `openstack flavor show ${f.id}` },
});
