// Cinder volume backups (/backups): full or incremental copies of a volume made by the cinder-backup service,
// restored onto a new volume or over an existing available one. Create answers 202 with {id, name} only; the
// backup then goes creating -> available (or error, with fail_reason: a cloud without cinder-backup says "Service
// not found for creating backup.").
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter } from '../define';
import type { ApiRequest, DetailForm, FieldOptionsSource, StatusInfo } from '../types';
import { maybeStrings } from '../schema';
import { CINDER, VOLUME_SERVICE } from './volume';

export const BackupSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.string(),
  size: z.number().nullable().optional(),
  volume_id: z.string().nullable().optional(),
  is_incremental: z.boolean().optional(),
  has_dependent_backups: z.boolean().optional(),
  ...maybeStrings('snapshot_id', 'container', 'availability_zone', 'fail_reason', 'created_at', 'updated_at', 'data_timestamp'),
  object_count: z.number().nullable().optional(),
});
export type Backup = z.infer<typeof BackupSchema>;

const BUSY = ['creating', 'deleting', 'restoring'];
export const BACKUP_STATUSES = ['available', ...BUSY, 'error', 'error_deleting', 'error_restoring'];

export function backupStatus(b: Pick<Backup, 'status' | 'fail_reason'>): StatusInfo {
  if (BUSY.includes(b.status)) return { label: b.status, tone: 'busy' };
  if (b.status.startsWith('error')) return { label: b.status, tone: 'error', ...(b.fail_reason ? { detail: b.fail_reason } : {}) };
  if (b.status === 'available') return { label: b.status, tone: 'ok' };
  return { label: b.status, tone: 'unknown' };
}

const yesNo = (b: boolean | undefined) => msg(b ? 'common.yes' : 'common.no', {});
const sizeText = (b: Backup) => (b.size == null ? '' : `${b.size} GiB`);
const volumeName = (b: Backup, names: Record<string, string> = {}) => (b.volume_id ? names[b.volume_id] || b.volume_id : '');

/** The project's volumes a form can choose from; `status` narrows them (a restore target must be available). */
export const volumeOptions = (noun: 'kinds.volume.noun', none: 'kinds.volumeBackup.form.noVolume', status?: string): FieldOptionsSource => ({
  service: VOLUME_SERVICE, path: `volumes/detail?limit=1000${status ? `&status=${status}` : ''}`, key: 'volumes', kind: 'volume', staleTime: 5_000,
  value: (o) => String(o.id),
  label: (o) => `${String(o.name || o.id)} (${String(o.size)} GiB, ${String(o.status)})`,
  noun, none,
});

// ---- Create -----------------------------------------------------------------------------------------------------

export const BackupCreateSchema = z.object({
  volumeId: z.string().min(1, { error: 'kinds.volumeBackup.errors.volume' }),
  name: z.string().trim().max(255, { error: 'kinds.volume.errors.maxLength' }),
  description: z.string().max(255, { error: 'kinds.volume.errors.maxLength' }),
  incremental: z.boolean(),
  force: z.boolean(),
});
export type BackupCreate = z.infer<typeof BackupCreateSchema>;

export function backupCreateRequest(i: BackupCreate): ApiRequest {
  const backup: Record<string, unknown> = { volume_id: i.volumeId, incremental: i.incremental };
  if (i.name.trim()) backup.name = i.name.trim();
  if (i.description) backup.description = i.description;
  // Cinder refuses an in-use volume without force ("Backing up an in-use volume must use the force flag.").
  if (i.force) backup.force = true;
  return { method: 'POST', path: 'backups', body: { backup } };
}

export const backupCreateCli = (i: Partial<BackupCreate>) =>
  command('openstack volume backup create', { '--name': i.name?.trim() || undefined, '--description': i.description || undefined }, i.incremental && '--incremental', i.force && '--force', i.volumeId || '<volume>');

// ---- Restore ----------------------------------------------------------------------------------------------------

export const RestoreSchema = z
  .object({ target: z.enum(['new', 'existing']), name: z.string().trim().max(255, { error: 'kinds.volume.errors.maxLength' }), volumeId: z.string() })
  .superRefine((v, ctx) => {
    if (v.target === 'existing' && !v.volumeId) ctx.addIssue({ code: 'custom', path: ['volumeId'], message: 'kinds.volumeBackup.errors.restoreTarget' });
  });
export type Restore = z.infer<typeof RestoreSchema>;

/** POST backups/{id}/restore: a new volume (named, or Cinder's restore_backup_<id>), or over an existing one. */
export function restoreRequest(b: Pick<Backup, 'id'>, i: Restore): ApiRequest {
  const restore: Record<string, string> = i.target === 'existing' ? { volume_id: i.volumeId } : i.name.trim() ? { name: i.name.trim() } : {};
  return { method: 'POST', path: `backups/${b.id}/restore`, body: { restore } };
}

// The openstack CLI of Zed wants --force for an existing volume and fails printing the answer; cinder's is the one that works.
export const restoreCli = (b: Pick<Backup, 'id'>, v: Record<string, unknown>) =>
  v.target === 'existing'
    ? command('cinder backup-restore --volume', typeof v.volumeId === 'string' && v.volumeId ? v.volumeId : '<volume>', b.id)
    : command('cinder backup-restore', { '--name': typeof v.name === 'string' && v.name.trim() ? v.name.trim() : undefined }, b.id);

const restoreForm: DetailForm<Backup, Restore> = {
  id: 'restore',
  label: 'kinds.volumeBackup.restore.label',
  when: (b) => b.status === 'available',
  hint: (b) => command('cinder backup-restore', b.id),
  schema: RestoreSchema,
  fields: [
    { name: 'target', label: 'kinds.volumeBackup.restore.target', type: 'select', options: [{ value: 'new', label: 'kinds.volumeBackup.restore.toNew' }, { value: 'existing', label: 'kinds.volumeBackup.restore.toExisting' }] },
    { name: 'name', label: 'kinds.volumeBackup.restore.name', type: 'text', maxLength: 255, when: (v) => v.target !== 'existing', hint: 'kinds.volumeBackup.restore.nameHint' },
    {
      name: 'volumeId', label: 'kinds.volumeBackup.restore.volume', type: 'select', when: (v) => v.target === 'existing', hint: 'kinds.volumeBackup.restore.volumeHint',
      optionsFrom: volumeOptions('kinds.volume.noun', 'kinds.volumeBackup.form.noVolume', 'available'),
    },
  ],
  initial: () => ({ target: 'new', name: '', volumeId: '' }),
  request: restoreRequest,
  cli: restoreCli,
  submitLabel: 'kinds.volumeBackup.restore.submit',
  errorTitle: 'kinds.volumeBackup.restore.failed',
};

// ---- The definition ---------------------------------------------------------------------------------------------

export const volumeBackupDefinition = define<Backup, BackupCreate>({
  kind: 'volume-backup',
  slug: 'volume-backups',
  label: { singular: 'kinds.volumeBackup.singular', plural: 'kinds.volumeBackup.plural', noun: 'kinds.volumeBackup.noun' },
  ...rest(CINDER, 'backups', 'backup', { list: 'backups/detail' }),
  schema: BackupSchema,
  status: backupStatus,
  pageSize: 50,
  columns: [
    nameColumn(nameOrId, { sortKey: 'name' }),
    statusColumn((b) => b.status, { sortKey: 'status' }),
    { id: 'size', label: 'kinds.volume.fields.size', value: sizeText, sortKey: 'size' },
    { id: 'volume', label: 'kinds.volumeBackup.fields.volume', value: (b, ctx) => volumeName(b, ctx.lookups.volumes) },
    { id: 'incremental', label: 'kinds.volumeBackup.fields.incremental', value: (b) => yesNo(b.is_incremental) },
    ageColumn((b) => b.created_at ?? '', { sortKey: 'created_at' }),
    idColumn((b) => b.id),
  ],
  defaultSort: { column: 'age', dir: 'desc' },
  filters: [nameFilter, statusFilter(BACKUP_STATUSES)],
  lookups: [
    {
      name: 'volumes', kind: 'volume', service: VOLUME_SERVICE, key: 'volumes',
      ids: (rows) => rows.map((b) => b.volume_id ?? ''),
      path: () => 'volumes?limit=1000',
      label: (o) => String(o.name || o.id),
    },
  ],
  // A backup or restore makes its volume backing-up or restoring-backup; a restore may make a new volume.
  invalidates: ['volume'],
  actions: [
    deleteAction<Backup>({
      title: 'kinds.volumeBackup.confirm.deleteTitle',
      // Cinder refuses a backup being made or restored, and one that incrementals depend on: its 400 says which.
      allowed: (b) => !BUSY.includes(b.status),
      optimistic: (b) => ({ ...b, status: 'deleting' }),
      path: (b) => `backups/${b.id}`, cli: (b) => command('openstack volume backup delete', b.id),
      body: (rows) => msg(rows.some((b) => b.has_dependent_backups) ? 'kinds.volumeBackup.confirm.deleteBodyDependents' : 'kinds.volumeBackup.confirm.deleteBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
    }),
  ],
  forms: [restoreForm],
  rowMenu: [{ id: 'restore', label: 'kinds.volumeBackup.restore.label', panel: 'restore', when: restoreForm.when, cli: (b) => command('cinder backup-restore', b.id) }],
  links: [{ label: 'kinds.volume.fields.sourceVolume', when: (b) => !!b.volume_id, to: (b) => ({ slug: 'volumes', rest: b.volume_id ?? '' }) }],
  overview: [
    { label: 'common.id', value: (b) => b.id, mono: true },
    { label: 'common.status', value: (b) => b.status },
    { label: 'kinds.volumeBackup.fields.failReason', value: (b) => b.fail_reason ?? '' },
    { label: 'kinds.volume.fields.size', value: sizeText },
    { label: 'common.description', value: (b) => b.description ?? '' },
    {
      label: 'kinds.volumeBackup.fields.volume', value: (b, ctx) => volumeName(b, ctx.lookups.volumes),
      links: (b, ctx) => (b.volume_id ? [{ name: volumeName(b, ctx.lookups.volumes), to: { slug: 'volumes', id: b.volume_id } }] : []),
    },
    { label: 'kinds.volumeBackup.fields.incremental', value: (b) => yesNo(b.is_incremental) },
    { label: 'kinds.volumeBackup.fields.dependents', value: (b) => yesNo(b.has_dependent_backups) },
    { label: 'kinds.volumeBackup.fields.snapshot', value: (b) => b.snapshot_id ?? '', mono: true },
    { label: 'kinds.volumeBackup.fields.container', value: (b) => b.container ?? '', mono: true },
    { label: 'kinds.volume.fields.az', value: (b) => b.availability_zone ?? '' },
    { label: 'kinds.volumeBackup.fields.dataTimestamp', value: (b) => b.data_timestamp ?? '' },
    { label: 'common.created', value: (b) => b.created_at ?? '' },
    { label: 'common.updated', value: (b) => b.updated_at ?? '' },
  ],
  create: {
    explain: 'kinds.volumeBackup.form.explain',
    breadcrumb: true,
    cancelLink: true,
    schema: BackupCreateSchema,
    fields: [
      { name: 'volumeId', label: 'kinds.volumeBackup.fields.volume', type: 'select', query: { param: 'volume' }, optionsFrom: volumeOptions('kinds.volume.noun', 'kinds.volumeBackup.form.noVolume') },
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
      { name: 'incremental', label: 'kinds.volumeBackup.form.incremental', type: 'checkbox' },
      { name: 'force', label: 'kinds.volumeBackup.form.force', type: 'checkbox' },
    ],
    defaults: { volumeId: '', name: '', description: '', incremental: false, force: false },
    request: backupCreateRequest,
    // Cinder answers {backup: {id, name, links}}: enough to open the backup's page, polled from there.
    created: (body) => {
      const b = (body as { backup?: { id?: unknown; name?: unknown } } | null)?.backup;
      return typeof b?.id === 'string' ? { id: b.id, name: typeof b.name === 'string' ? b.name : null, status: 'creating' } : undefined;
    },
    cli: (i) => backupCreateCli(i),
  },
  cli: { list: 'openstack volume backup list --long', show: (b) => command('openstack volume backup show', b.id) },
});
