// Trove database instances (api-ref: database "Database instances"). The list polls while an instance is BUILD,
// BACKUP, RESIZE, REBOOT or SHUTDOWN (lib/resources/polling.ts); a failed one shows Trove's `fault` through the same
// plain-language notice as a Nova fault. Trove refuses most calls while an instance is not ACTIVE (422 "is not
// ready", explained in lib/resources/explain.ts), deleting one in BUILD too. Actions are POST instances/{id}/action
// ({restart: {}}, {resize: {flavorRef}}, {resize: {volume: {size}}}), a configuration group is attached with
// PUT instances/{id} {instance: {configuration}}. The create page and the root panel are components/database/.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, nameFilter, rest, rowNames, statusColumn } from '../define';
import type { ApiRequest, DetailForm, ResourceAction } from '../types';
import { backupCreateCli, backupCreateRequest, backupDefinition } from './backup';
import { databaseDefinition, userDefinition } from './children';
import { INSTANCE_CREATE_DEFAULTS, instanceCreateCli, InstanceCreateSchema, instanceCreateRequest, type InstanceCreate } from './create';
import { ConfigurationsSchema, datastoreLabel, instanceAddresses, instanceRef, instanceStatus, InstanceSchema, isActive, isBusy, TROVE, TROVE_KINDS, type Instance } from './trove';

const ref = instanceRef;
const item = (id: string) => `instances/${id}`;
const action = (i: Instance, body: unknown): ApiRequest => ({ method: 'POST', path: `${item(i.id)}/action`, body });

/** Resize, restart, backups and configuration changes: Trove takes them only from an ACTIVE instance. */
export const canChange = (i: Instance) => isActive(i) || i.status === 'RESTART_REQUIRED';

const volumeText = (i: Instance) => {
  const v = i.volume;
  if (v?.size == null) return '';
  return v.used != null ? msg('kinds.databaseInstance.fields.volumeUsed', { size: v.size, used: v.used }) : msg('kinds.databaseInstance.fields.volumeSize', { size: v.size });
};

const flavorName = (i: Instance, names: Record<string, string> | undefined) => (i.flavor ? (names?.[i.flavor.id] ?? i.flavor.id) : '');

// ---- Detail forms ------------------------------------------------------------------------------------------

const ResizeFlavorSchema = z.object({ flavorId: z.string().min(1, { error: 'kinds.databaseInstance.errors.flavor' }) });
const ResizeVolumeSchema = z.object({ size: z.string().trim().refine((s) => /^\d+$/.test(s) && Number(s) >= 1, { error: 'kinds.databaseInstance.errors.size' }) });
const AttachSchema = z.object({ configuration: z.string().min(1, { error: 'kinds.databaseInstance.errors.configuration' }) });
const BackupNowSchema = z.object({ name: z.string().trim().min(1, { error: 'kinds.databaseBackup.errors.nameRequired' }).max(64, { error: 'kinds.databaseBackup.errors.nameLength' }), description: z.string().trim() });

/** A new volume size: Trove only grows a volume (a smaller or equal size is refused with 400). */
export function volumeResizeRequest(i: Instance, size: number): ApiRequest | undefined {
  return size === i.volume?.size ? undefined : action(i, { resize: { volume: { size } } });
}

const forms: DetailForm<Instance, any>[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
  {
    id: 'resize-flavor', label: 'kinds.databaseInstance.forms.resizeFlavor', when: canChange,
    hint: (i) => command('openstack database instance resize flavor', ref(i), '<flavor>'),
    schema: ResizeFlavorSchema,
    fields: [{
      name: 'flavorId', label: 'kinds.databaseInstance.fields.flavor', type: 'select',
      optionsFrom: { kind: 'flavor', service: 'compute', path: 'flavors?limit=200', key: 'flavors', value: (o) => String(o.id), label: (o) => String(o.name ?? o.id), noun: 'kinds.databaseInstance.flavorNoun', none: 'kinds.databaseInstance.form.noFlavor' },
    }],
    initial: (i) => ({ flavorId: i.flavor?.id ?? '' }),
    resetKey: (i) => i.flavor?.id ?? '',
    request: (i, v: z.infer<typeof ResizeFlavorSchema>) => (v.flavorId === i.flavor?.id ? undefined : action(i, { resize: { flavorRef: v.flavorId } })),
    cli: (i, v, labels) => command('openstack database instance resize flavor', ref(i), labels[String(v.flavorId)] || String(v.flavorId || '<flavor>')),
    submitLabel: 'kinds.databaseInstance.forms.resize', errorTitle: 'kinds.databaseInstance.forms.resizeRefused',
  },
  {
    id: 'resize-volume', label: 'kinds.databaseInstance.forms.resizeVolume', when: canChange,
    hint: (i) => command('openstack database instance resize volume', ref(i), '<size>'),
    schema: ResizeVolumeSchema,
    fields: [{ name: 'size', label: 'kinds.databaseInstance.forms.newSize', type: 'text', numeric: true, hint: 'kinds.databaseInstance.forms.newSizeHint' }],
    initial: (i) => ({ size: String(i.volume?.size ?? '') }),
    resetKey: (i) => String(i.volume?.size ?? ''),
    request: (i, v: z.infer<typeof ResizeVolumeSchema>) => volumeResizeRequest(i, Number(v.size)),
    cli: (i, v) => command('openstack database instance resize volume', ref(i), String(v.size || '<size>')),
    submitLabel: 'kinds.databaseInstance.forms.resize', errorTitle: 'kinds.databaseInstance.forms.resizeRefused',
  },
  {
    id: 'backup', label: 'kinds.databaseInstance.forms.backup', when: canChange,
    hint: (i) => backupCreateCli({}, ref(i)),
    schema: BackupNowSchema,
    fields: [{ name: 'name', label: 'common.name', type: 'text' }, { name: 'description', label: 'common.description', type: 'text' }],
    initial: () => ({ name: '', description: '' }),
    request: (i, v: z.infer<typeof BackupNowSchema>) => backupCreateRequest({ ...v, instanceId: i.id }),
    cli: (i, v) => backupCreateCli({ name: String(v.name ?? ''), description: String(v.description ?? '') }, ref(i)),
    submitLabel: 'kinds.databaseInstance.forms.backupSubmit', errorTitle: 'kinds.databaseInstance.forms.backupRefused',
  },
  {
    id: 'configuration', label: 'kinds.databaseInstance.forms.attachConfiguration', when: (i) => canChange(i) && !i.configuration,
    hint: (i) => command('openstack database configuration attach', ref(i), '<configuration>'),
    schema: AttachSchema,
    fields: [{
      name: 'configuration', label: 'kinds.databaseConfiguration.singular', type: 'select',
      optionsFrom: { kind: TROVE_KINDS.configuration, service: TROVE.service, path: 'configurations', key: 'configurations', schema: ConfigurationsSchema, value: (o) => String(o.id), label: (o) => `${String(o.name)} (${[o.datastore_name, o.datastore_version_name].filter(Boolean).join(' ')})`, noun: 'kinds.databaseConfiguration.noun', none: 'kinds.databaseInstance.form.noConfiguration' },
    }],
    initial: () => ({ configuration: '' }),
    request: (i, v: z.infer<typeof AttachSchema>) => ({ method: 'PUT', path: item(i.id), body: { instance: { configuration: v.configuration } } }),
    cli: (i, v, labels) => command('openstack database configuration attach', ref(i), labels[String(v.configuration)] || String(v.configuration || '<configuration>')),
    submitLabel: 'kinds.databaseInstance.forms.attach', errorTitle: 'kinds.databaseInstance.forms.attachRefused',
  },
];

// ---- Actions -----------------------------------------------------------------------------------------------

const restart: ResourceAction<Instance> = {
  id: 'restart', label: 'kinds.databaseInstance.actions.restart', allowed: canChange,
  request: (i) => action(i, { restart: {} }),
  optimistic: (i) => ({ ...i, status: 'REBOOT' }),
  confirm: {
    title: (rows) => msg('kinds.databaseInstance.confirm.restartTitle', { count: rows.length }),
    body: (rows) => msg('kinds.databaseInstance.confirm.restartBody', { count: rows.length, ...rowNames(rows, ref, 3) }),
    confirmLabel: 'kinds.databaseInstance.actions.restart',
  },
  cli: (i) => command('openstack database instance restart', ref(i)),
  bulk: true,
};

const detachConfiguration: ResourceAction<Instance> = {
  id: 'detach-configuration', label: 'kinds.databaseInstance.actions.detachConfiguration',
  allowed: (i) => canChange(i) && !!i.configuration,
  // troveclient's `configuration detach`: the key set to null.
  request: (i) => ({ method: 'PUT', path: item(i.id), body: { instance: { configuration: null } } }),
  confirm: {
    title: () => 'kinds.databaseInstance.confirm.detachTitle',
    body: (rows) => msg('kinds.databaseInstance.confirm.detachBody', { name: rows[0] ? ref(rows[0]) : '', configuration: rows[0]?.configuration?.name ?? rows[0]?.configuration?.id ?? '' }),
    confirmLabel: 'kinds.databaseInstance.actions.detachConfiguration',
  },
  cli: (i) => command('openstack database configuration detach', ref(i)),
};

export const instanceDefinition = define<Instance, InstanceCreate>({
  kind: TROVE_KINDS.instance,
  slug: 'databases',
  label: { singular: 'kinds.databaseInstance.singular', plural: 'kinds.databaseInstance.plural', noun: 'kinds.databaseInstance.noun' },
  ...rest(TROVE, 'instances', 'instance'),
  schema: InstanceSchema,
  name: (i) => i.name ?? '',
  status: instanceStatus,
  columns: [
    nameColumn(ref),
    { id: 'datastore', label: 'kinds.databaseInstance.fields.datastore', value: (i) => datastoreLabel(i.datastore) },
    { id: 'flavor', label: 'kinds.databaseInstance.fields.flavor', value: (i, ctx) => flavorName(i, ctx.lookups.flavors) },
    { id: 'volume', label: 'kinds.databaseInstance.fields.volume', value: volumeText },
    statusColumn((i) => i.status),
    { id: 'addresses', label: 'kinds.databaseInstance.fields.addresses', value: (i) => instanceAddresses(i), cell: 'list' },
    ageColumn((i) => i.created ?? '', { hidden: true }),
    idColumn((i) => i.id),
  ],
  filters: [nameFilter],
  pageSize: 50,
  lookups: [
    {
      // Trove's instance names its flavor by id only.
      name: 'flavors', kind: 'flavor-name', service: 'compute', key: 'flavors',
      ids: (rows) => rows.map((i) => i.flavor?.id ?? ''),
      path: () => 'flavors?limit=200',
      label: (o) => String(o.name ?? o.id),
    },
  ],
  actions: [
    restart,
    detachConfiguration,
    deleteAction<Instance>({
      title: 'kinds.databaseInstance.confirm.deleteTitle',
      // Offered in BUILD too: Trove's 422 then reads in plain words (explain.ts).
      allowed: (i) => i.status !== 'SHUTDOWN',
      optimistic: (i) => (isBusy(i) ? i : { ...i, status: 'SHUTDOWN' }),
      path: (i) => item(i.id), cli: (i) => command('openstack database instance delete', ref(i)),
      body: (rows) => msg('kinds.databaseInstance.confirm.deleteBody', { count: rows.length, ...rowNames(rows, ref, 3) }),
    }),
  ],
  forms,
  failure: (i) => (i.fault?.message ? { title: 'kinds.databaseInstance.fields.fault', message: i.fault.message, source: 'Trove' } : undefined),
  overview: [
    { label: 'common.id', value: (i) => i.id, mono: true },
    { label: 'common.status', value: (i) => i.status },
    { label: 'kinds.databaseInstance.fields.operatingStatus', value: (i) => i.operating_status ?? '' },
    { label: 'kinds.databaseInstance.fields.datastore', value: (i) => datastoreLabel(i.datastore) },
    { label: 'kinds.databaseInstance.fields.flavor', value: (i, ctx) => flavorName(i, ctx.lookups.flavors) },
    { label: 'kinds.databaseInstance.fields.volume', value: volumeText },
    { label: 'kinds.databaseInstance.fields.volumeType', value: (i) => i.volume?.type ?? '' },
    { label: 'kinds.databaseInstance.fields.addresses', value: (i) => instanceAddresses(i).join(', '), mono: true },
    {
      label: 'kinds.databaseConfiguration.singular', value: (i) => i.configuration?.name ?? i.configuration?.id ?? '',
      links: (i) => (i.configuration ? [{ name: i.configuration.name ?? i.configuration.id, to: { slug: 'database-configurations', id: i.configuration.id } }] : []),
    },
    { label: 'kinds.databaseInstance.fields.region', value: (i) => i.region ?? '' },
    { label: 'common.created', value: (i) => i.created ?? '' },
    { label: 'common.updated', value: (i) => i.updated ?? '' },
  ],
  tabs: [
    {
      id: 'databases', label: 'kinds.databaseInstance.database.plural', view: 'compact', list: (i) => databaseDefinition(i.id, ref(i)),
      empty: 'kinds.databaseInstance.database.empty', note: (i) => notReady(i),
    },
    {
      id: 'users', label: 'kinds.databaseInstance.user.plural', view: 'compact', list: (i) => userDefinition(i.id, ref(i)),
      empty: 'kinds.databaseInstance.user.empty', note: (i) => notReady(i),
    },
    { id: 'backups', label: 'kinds.databaseBackup.plural', view: 'compact', list: (i) => backupDefinition({ id: i.id, name: ref(i) }), note: (i) => notReady(i) },
  ],
  create: {
    schema: InstanceCreateSchema,
    fields: [],
    defaults: { ...INSTANCE_CREATE_DEFAULTS },
    request: instanceCreateRequest,
    cli: (i) => instanceCreateCli(i),
  },
  invalidates: [TROVE_KINDS.backup, TROVE_KINDS.configuration],
  cli: { list: 'openstack database instance list', show: (i) => command('openstack database instance show', ref(i)) },
});

/** Above a tab's add form while Trove would refuse it (422 "is not ready"). */
const notReady = (i: Instance) => (canChange(i) ? undefined : msg('kinds.databaseInstance.notReady', { status: i.status }));
