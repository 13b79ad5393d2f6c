// Trove backups (POST /backups {backup: {name, instance, description}}, answered 202 with the backup NEW; the
// instance goes BACKUP meanwhile). A backup is restored by creating a new instance from it (`restorePoint`), so its
// page links to the create form with `?backup=<id>`. Real Trove here has no guest to take one: it stays NEW, then
// FAILED (shown as it is).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, nameOrId, rest, rowNames, statusColumn, statusFilter } from '../define';
import type { ApiRequest, ResourceDefinition } from '../types';
import { backupStatus, BackupSchema, datastoreLabel, TROVE, TROVE_KINDS, type Backup } from './trove';

const ref = (b: Backup) => nameOrId(b);
const busy = (b: Backup) => backupStatus(b).tone === 'busy';

export const BackupCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.databaseBackup.errors.nameRequired' }).max(64, { error: 'kinds.databaseBackup.errors.nameLength' }),
  instanceId: z.string().min(1, { error: 'kinds.databaseBackup.errors.instance' }),
  description: z.string().trim().max(512, { error: 'kinds.databaseBackup.errors.descriptionLength' }),
});
export type BackupCreate = z.infer<typeof BackupCreateSchema>;

export const backupCreateRequest = (i: BackupCreate): ApiRequest => ({
  method: 'POST', path: 'backups', body: { backup: { name: i.name.trim(), instance: i.instanceId, ...(i.description ? { description: i.description } : {}) } },
});

export const backupCreateCli = (i: Partial<BackupCreate>, instance?: string) =>
  command('openstack database backup create', i.name?.trim() || '<name>', { '--instance': instance || i.instanceId || '<instance>', '--description': i.description || undefined });

const sizeText = (b: Backup) => (b.size != null ? `${b.size} GB` : '');

/** The backups of the project, or (with `instance`) of one instance: its page's tab, whose form backs it up. */
export function backupDefinition(instance?: { id: string; name: string }): ResourceDefinition<Backup, BackupCreate> {
  const fixed = instance?.id;
  return define<Backup, BackupCreate>({
    kind: TROVE_KINDS.backup,
    slug: 'database-backups',
    label: { singular: 'kinds.databaseBackup.singular', plural: 'kinds.databaseBackup.plural', noun: 'kinds.databaseBackup.noun' },
    ...rest(TROVE, 'backups', 'backup', fixed ? { list: `instances/${fixed}/backups` } : {}),
    schema: BackupSchema,
    name: ref,
    status: backupStatus,
    columns: [
      nameColumn(ref),
      statusColumn((b) => b.status),
      { id: 'instance', label: 'kinds.databaseBackup.fields.instance', value: (b, ctx) => (b.instance_id ? (ctx.lookups.instances?.[b.instance_id] ?? b.instance_id) : '') },
      { id: 'datastore', label: 'kinds.databaseInstance.fields.datastore', value: (b) => datastoreLabel(b.datastore) },
      { id: 'size', label: 'kinds.databaseBackup.fields.size', value: sizeText },
      ageColumn((b) => b.created ?? ''),
      idColumn((b) => b.id),
    ],
    filters: fixed ? [] : [statusFilter(['NEW', 'BUILDING', 'SAVING', 'COMPLETED', 'FAILED'])],
    defaultSort: { column: 'age', dir: 'desc' },
    lookups: [
      {
        name: 'instances', kind: TROVE_KINDS.instance, service: TROVE.service, key: 'instances',
        ids: (rows) => rows.map((b) => b.instance_id ?? ''),
        path: () => 'instances',
        label: (o) => String(o.name || o.id),
      },
    ],
    actions: [
      deleteAction<Backup>({
        title: 'kinds.databaseBackup.confirm.deleteTitle', bulk: !fixed,
        // Trove refuses to delete a backup while it is being made.
        allowed: (b) => !busy(b),
        path: (b) => `backups/${b.id}`, cli: (b) => command('openstack database backup delete', b.id),
        body: (rows) => msg('kinds.databaseBackup.confirm.deleteBody', { count: rows.length, ...rowNames(rows, ref, 3) }),
      }),
    ],
    links: [
      {
        label: 'kinds.databaseBackup.restore', when: (b) => b.status === 'COMPLETED',
        to: (b) => ({ slug: 'databases', rest: 'new', query: `backup=${encodeURIComponent(b.id)}` }),
        cli: (b) => command('openstack database instance create <name> --flavor <flavor> --size <size> --backup', b.id),
      },
    ],
    overview: [
      { label: 'common.id', value: (b) => b.id, mono: true },
      { label: 'common.description', value: (b) => b.description ?? '' },
      { label: 'kinds.databaseBackup.fields.instance', value: (b, ctx) => (b.instance_id ? (ctx.lookups.instances?.[b.instance_id] ?? b.instance_id) : ''), links: (b, ctx) => (b.instance_id ? [{ name: ctx.lookups.instances?.[b.instance_id] ?? b.instance_id, to: { slug: 'databases', id: b.instance_id } }] : []) },
      { label: 'kinds.databaseInstance.fields.datastore', value: (b) => datastoreLabel(b.datastore) },
      { label: 'kinds.databaseBackup.fields.size', value: sizeText },
      { label: 'kinds.databaseBackup.fields.parent', value: (b) => b.parent_id ?? '', mono: true },
      { label: 'kinds.databaseBackup.fields.location', value: (b) => b.locationRef ?? '', mono: true },
      { label: 'common.created', value: (b) => b.created ?? '' },
      { label: 'common.updated', value: (b) => b.updated ?? '' },
    ],
    create: {
      schema: BackupCreateSchema,
      fields: [
        { name: 'name', label: 'common.name', type: 'text' },
        ...(fixed
          ? []
          : [{
            name: 'instanceId', label: 'kinds.databaseBackup.fields.instance', type: 'select' as const, query: { param: 'instance' },
            optionsFrom: {
              service: TROVE.service, path: 'instances', key: 'instances', kind: TROVE_KINDS.instance,
              value: (o: Record<string, unknown>) => String(o.id), label: (o: Record<string, unknown>) => String(o.name || o.id),
              noun: 'kinds.databaseInstance.noun' as const, none: 'kinds.databaseBackup.form.noInstance' as const,
            },
          }]),
        { name: 'description', label: 'common.description', type: 'text' },
      ],
      defaults: { name: '', instanceId: fixed ?? '', description: '' },
      input: (v) => ({ ...v, instanceId: fixed ?? v.instanceId }),
      request: backupCreateRequest,
      created: (body) => BackupSchema.safeParse((body as { backup?: unknown } | null)?.backup).data,
      cli: (i, labels) => backupCreateCli(i, instance?.name ?? labels?.[i.instanceId ?? '']),
    },
    invalidates: [TROVE_KINDS.instance],
    cli: {
      list: fixed ? command('openstack database backup list --instance-id', fixed) : 'openstack database backup list',
      show: (b) => command('openstack database backup show', b.id),
    },
  });
}

export const backupsDefinition = backupDefinition();
