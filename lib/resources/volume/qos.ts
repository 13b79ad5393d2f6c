// Cinder QoS specs (/qos-specs, admin-only by Cinder's default policy: members get 403). A spec's keys are set with
// PUT qos-specs/{id} and unset with PUT .../delete_keys; it is associated with volume types by GET requests
// (GET qos-specs/{id}/associate?vol_type_id=..., answered 202 with no body), its associations listed below it.
// Deleting one still associated is refused (400) unless forced.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { define, deleteAction, idColumn, nameColumn, rowNames } from '../define';
import type { ApiRequest, DetailForm, ResourceDefinition } from '../types';
import { keyForms, PairsSchema, pairsObject, propertyWords, specLines } from './specs';
import { CINDER } from './volume';

export const QosSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  consumer: z.string().optional(),
  specs: z.record(z.string(), z.string()).nullable().optional(),
});
export type Qos = z.infer<typeof QosSchema>;

/** Where Cinder applies the limits: the hypervisor (front-end), the storage back end, or both. */
export const QOS_CONSUMERS = ['back-end', 'front-end', 'both'] as const;

export const QosCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.qos.errors.nameRequired' }).max(255, { error: 'kinds.volume.errors.maxLength' }),
  consumer: z.enum(QOS_CONSUMERS),
  specs: PairsSchema,
});
export type QosCreate = z.infer<typeof QosCreateSchema>;

/** The keys sit beside name and consumer in the create body (Cinder's qos_specs create). */
export const qosCreateRequest = (i: QosCreate): ApiRequest => ({
  method: 'POST', path: 'qos-specs', body: { qos_specs: { ...pairsObject(i.specs), name: i.name.trim(), consumer: i.consumer } },
});

export const qosCreateCli = (i: Partial<QosCreate>) =>
  command('openstack volume qos create', { '--consumer': i.consumer }, ...propertyWords(i.specs ?? []), i.name?.trim() || '<name>');

/** A spec's keys one at a time: PUT qos-specs/{id} merges, PUT .../delete_keys removes. */
const keyForm = keyForms<Qos>({
  cli: 'volume qos', ids: { set: 'set-key', unset: 'unset-key' },
  words: { set: 'kinds.qos.keys.set', unset: 'kinds.qos.keys.unset', setFailed: 'kinds.qos.keys.setFailed', unsetFailed: 'kinds.qos.keys.unsetFailed' },
  keys: (q) => q.specs,
  set: (q, key, value) => ({ method: 'PUT', path: `qos-specs/${q.id}`, body: { qos_specs: { [key]: value } } }),
  unset: (q, key) => ({ method: 'PUT', path: `qos-specs/${q.id}/delete_keys`, body: { keys: [key] } }),
});

export const AssociateSchema = z.object({ typeId: z.string().min(1, { error: 'kinds.qos.errors.chooseType' }) });
export type Associate = z.infer<typeof AssociateSchema>;

const associate: DetailForm<Qos, Associate> = {
  id: 'associate',
  label: 'kinds.qos.associate.label',
  hint: (q) => command('openstack volume qos associate', q.id, '<volume-type>'),
  schema: AssociateSchema,
  fields: [
    {
      name: 'typeId', label: 'kinds.qos.associate.type', type: 'select',
      optionsFrom: {
        service: CINDER.service, path: 'types', key: 'volume_types', kind: 'volume-type',
        value: (o) => String(o.id), label: (o) => String(o.name ?? o.id),
        noun: 'kinds.volumeType.noun', none: 'kinds.qos.associate.noTypes',
      },
    },
  ],
  initial: () => ({ typeId: '' }),
  request: (q, i) => ({ method: 'GET', path: `qos-specs/${q.id}/associate?vol_type_id=${encodeURIComponent(i.typeId)}` }),
  cli: (q, v, labels) => command('openstack volume qos associate', q.id, (typeof v.typeId === 'string' && (labels[v.typeId] || v.typeId)) || '<volume-type>'),
  submitLabel: 'kinds.qos.associate.submit',
  errorTitle: 'kinds.qos.associate.failed',
};

// ---- Associations: the tab below a QoS spec -------------------------------------------------------------------

export const AssociationSchema = z.looseObject({ id: z.string().min(1), name: z.string().nullable().optional(), association_type: z.string().optional() });
export type Association = z.infer<typeof AssociationSchema>;

/** A QoS spec's associated volume types; disassociating one is a GET too. */
export function associationsDefinition(q: Pick<Qos, 'id' | 'name'>): ResourceDefinition<Association> {
  return define<Association>({
    kind: 'volume-qos-association',
    slug: `volume-qos/${q.id}/associations`,
    label: { singular: 'kinds.qos.associations.singular', plural: 'kinds.qos.associations.plural', noun: 'kinds.qos.associations.noun' },
    service: CINDER.service,
    paths: { list: `qos-specs/${q.id}/associations`, item: (id) => `types/${id}` },
    keys: { list: 'qos_associations', item: 'volume_type' },
    schema: AssociationSchema,
    columns: [
      nameColumn((a) => a.name || a.id),
      { id: 'type', label: 'kinds.qos.associations.kind', value: (a) => a.association_type ?? '' },
      idColumn((a) => a.id, { hidden: false }),
    ],
    actions: [
      {
        id: 'disassociate', label: 'kinds.qos.associations.disassociate', allowed: () => true,
        request: (a) => ({ method: 'GET', path: `qos-specs/${q.id}/disassociate?vol_type_id=${encodeURIComponent(a.id)}` }),
        cli: (a) => command('openstack volume qos disassociate --volume-type', a.id, q.id),
      },
    ],
    invalidates: ['volume-qos', 'volume-type'],
    cli: { list: command('openstack volume qos show', q.id), show: (a) => command('openstack volume type show', a.id) },
  });
}

export const qosDefinition = define<Qos, QosCreate>({
  kind: 'volume-qos',
  slug: 'volume-qos',
  label: { singular: 'kinds.qos.singular', plural: 'kinds.qos.plural', noun: 'kinds.qos.noun' },
  service: CINDER.service,
  paths: { list: 'qos-specs', item: (id) => `qos-specs/${id}` },
  keys: { list: 'qos_specs', item: 'qos_specs' },
  schema: QosSchema,
  columns: [
    nameColumn((q) => q.name),
    { id: 'consumer', label: 'kinds.qos.fields.consumer', value: (q) => q.consumer ?? '' },
    { id: 'specs', label: 'kinds.qos.fields.specs', value: (q) => specLines(q.specs), cell: 'list' },
    idColumn((q) => q.id),
  ],
  actions: [
    deleteAction<Qos>({
      title: 'kinds.qos.confirm.deleteTitle',
      path: (q) => `qos-specs/${q.id}`, cli: (q) => command('openstack volume qos delete', q.id),
      body: (rows) => msg('kinds.qos.confirm.deleteBody', { count: rows.length, ...rowNames(rows, (q) => q.name, 3) }),
    }),
  ],
  forms: [...keyForm, associate],
  tabs: [{ id: 'associations', label: 'kinds.qos.associations.plural', view: 'compact', list: associationsDefinition, table: 'kinds.qos.associations.plural', empty: 'kinds.qos.associations.empty' }],
  invalidates: ['volume-type'],
  overview: [
    { label: 'common.id', value: (q) => q.id, mono: true },
    { label: 'kinds.qos.fields.consumer', value: (q) => q.consumer ?? '' },
    { label: 'kinds.qos.fields.specs', value: (q) => specLines(q.specs), mono: true },
  ],
  create: {
    adminOnly: true,
    schema: QosCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'consumer', label: 'kinds.qos.fields.consumer', type: 'select', options: QOS_CONSUMERS.map((c) => ({ value: c, label: c })), hint: 'kinds.qos.form.consumerHint' },
      { name: 'specs', label: 'kinds.qos.fields.specs', type: 'pairs', hint: 'kinds.qos.form.specsHint' },
    ],
    defaults: { name: '', consumer: 'back-end', specs: [{ key: '', value: '' }] },
    request: qosCreateRequest,
    cli: (i) => qosCreateCli(i),
  },
  cli: { list: 'openstack volume qos list', show: (q) => command('openstack volume qos show', q.id) },
});
