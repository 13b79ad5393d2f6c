// Cinder volume types (GET types: members see the public ones and those shared with their project, without the
// extra specs a policy hides; creating, changing and deleting them is admin-only by Cinder's default policy).
// Extra specs are set and unset one key at a time (POST types/{id}/extra_specs, DELETE .../extra_specs/{key}).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, rowNames } from '../define';
import type { ApiRequest } from '../types';
import { keyForms, PairsSchema, pairsObject, propertyWords, specLines } from './specs';
import { CINDER } from './volume';

export const VolumeTypeSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable().optional(),
  is_public: z.boolean().optional(),
  'os-volume-type-access:is_public': z.boolean().optional(),
  extra_specs: z.record(z.string(), z.string()).nullable().optional(),
  qos_specs_id: z.string().nullable().optional(),
});
export type VolumeType = z.infer<typeof VolumeTypeSchema>;

const yesNo = (b: boolean | undefined) => msg(b ? 'common.yes' : 'common.no', {});
const isPublic = (t: VolumeType) => t.is_public ?? t['os-volume-type-access:is_public'] ?? true;

export const VolumeTypeCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.volumeType.errors.nameRequired' }).max(255, { error: 'kinds.volume.errors.maxLength' }),
  description: z.string().trim().max(255, { error: 'kinds.volume.errors.maxLength' }),
  isPublic: z.boolean(),
  specs: PairsSchema,
});
export type VolumeTypeCreate = z.infer<typeof VolumeTypeCreateSchema>;

export function volumeTypeCreateRequest(i: VolumeTypeCreate): ApiRequest {
  const specs = pairsObject(i.specs);
  return {
    method: 'POST', path: 'types',
    body: {
      volume_type: {
        name: i.name.trim(), ...(i.description ? { description: i.description } : {}), 'os-volume-type-access:is_public': i.isPublic,
        ...(Object.keys(specs).length ? { extra_specs: specs } : {}),
      },
    },
  };
}

export const volumeTypeCreateCli = (i: Partial<VolumeTypeCreate>) =>
  command('openstack volume type create', { '--description': i.description || undefined }, i.isPublic === false ? '--private' : '--public', ...propertyWords(i.specs ?? []), i.name?.trim() || '<name>');

/** Extra specs one key at a time: POST types/{id}/extra_specs merges, DELETE .../extra_specs/{key} removes. */
const specForms = keyForms<VolumeType>({
  cli: 'volume type', ids: { set: 'set-spec', unset: 'unset-spec' },
  words: { set: 'kinds.volumeType.specs.set', unset: 'kinds.volumeType.specs.unset', setFailed: 'kinds.volumeType.specs.setFailed', unsetFailed: 'kinds.volumeType.specs.unsetFailed' },
  keys: (t) => t.extra_specs,
  set: (t, key, value) => ({ method: 'POST', path: `types/${t.id}/extra_specs`, body: { extra_specs: { [key]: value } } }),
  unset: (t, key) => ({ method: 'DELETE', path: `types/${t.id}/extra_specs/${encodeURIComponent(key)}` }),
});

export const volumeTypeDefinition = define<VolumeType, VolumeTypeCreate>({
  kind: 'volume-type',
  slug: 'volume-types',
  label: { singular: 'kinds.volumeType.singular', plural: 'kinds.volumeType.plural', noun: 'kinds.volumeType.noun' },
  service: CINDER.service,
  paths: { list: 'types', item: (id) => `types/${id}` },
  keys: { list: 'volume_types', item: 'volume_type' },
  schema: VolumeTypeSchema,
  columns: [
    nameColumn((t) => t.name),
    { id: 'description', label: 'common.description', value: (t) => t.description ?? '' },
    { id: 'public', label: 'kinds.volumeType.fields.public', value: (t) => yesNo(isPublic(t)) },
    { id: 'specs', label: 'kinds.volumeType.fields.specs', value: (t) => specLines(t.extra_specs), cell: 'list' },
    { id: 'qos', label: 'kinds.volumeType.fields.qos', value: (t, ctx) => (t.qos_specs_id ? ctx.lookups.qos?.[t.qos_specs_id] || t.qos_specs_id : '') },
    idColumn((t) => t.id),
  ],
  lookups: [
    {
      // Admins only: a member's types carry no qos_specs_id, so this never asks.
      name: 'qos', kind: 'volume-qos', service: CINDER.service, key: 'qos_specs',
      ids: (rows) => rows.map((t) => t.qos_specs_id ?? ''),
      path: () => 'qos-specs',
      label: (o) => String(o.name || o.id),
    },
  ],
  actions: [
    deleteAction<VolumeType>({
      title: 'kinds.volumeType.confirm.deleteTitle',
      // Cinder refuses a type in use by volumes (400 "Target volume type is still in use.").
      allowed: (_t, user) => user.isAdmin,
      path: (t) => `types/${t.id}`, cli: (t) => command('openstack volume type delete', t.id),
      body: (rows) => msg('kinds.volumeType.confirm.deleteBody', { count: rows.length, ...rowNames(rows, (t) => t.name, 3) }),
    }),
  ],
  forms: specForms,
  overview: [
    { label: 'common.id', value: (t) => t.id, mono: true },
    { label: 'common.description', value: (t) => t.description ?? '' },
    { label: 'kinds.volumeType.fields.public', value: (t) => yesNo(isPublic(t)) },
    { label: 'kinds.volumeType.fields.specs', value: (t) => specLines(t.extra_specs), mono: true },
    { label: 'kinds.volumeType.fields.qos', value: (t, ctx) => (t.qos_specs_id ? ctx.lookups.qos?.[t.qos_specs_id] || t.qos_specs_id : ''), adminOnly: true },
  ],
  create: {
    adminOnly: true,
    schema: VolumeTypeCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
      { name: 'isPublic', label: 'kinds.volumeType.fields.public', type: 'checkbox' },
      { name: 'specs', label: 'kinds.volumeType.fields.specs', type: 'pairs', hint: 'kinds.volumeType.form.specsHint' },
    ],
    defaults: { name: '', description: '', isPublic: true, specs: [] },
    request: volumeTypeCreateRequest,
    cli: (i) => volumeTypeCreateCli(i),
  },
  cli: { list: 'openstack volume type list --long', show: (t) => command('openstack volume type show', t.id) },
});
