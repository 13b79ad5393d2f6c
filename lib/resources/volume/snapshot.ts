// Cinder v3 volume snapshots.
import { z } from 'zod';
import { sh } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter } from '../define';
import { msg } from '@/lib/i18n/msg';
import type { ApiRequest, DetailLink, StatusInfo } from '../types';
import { CINDER, VOLUME_SERVICE } from './volume';

export const SnapshotSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.string(),
  size: z.number(),
  volume_id: z.string(),
  created_at: z.string().optional(),
  updated_at: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  'os-extended-snapshot-attributes:progress': z.string().nullable().optional(),
  'os-extended-snapshot-attributes:project_id': z.string().optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

const BUSY = ['creating', 'deleting', 'restoring', 'backing-up', 'unmanaging'];

export function snapshotStatus(s: Pick<Snapshot, 'status'>): StatusInfo {
  if (BUSY.includes(s.status)) return { label: s.status, tone: 'busy' };
  if (s.status.startsWith('error')) return { label: s.status, tone: 'error' };
  if (s.status === 'available') return { label: s.status, tone: 'ok' };
  return { label: s.status, tone: 'unknown' };
}

export const SNAPSHOT_STATUSES = ['available', 'creating', 'deleting', 'error', 'error_deleting'];

/** A volume from the snapshot: its create form, prefilled. */
const createVolume: DetailLink<Snapshot> = {
  label: 'kinds.snapshot.links.createVolume',
  when: (s) => s.status === 'available',
  to: (s) => ({ slug: 'volumes', rest: 'new', query: `snapshot=${s.id}` }),
  cli: (s) => `openstack volume create --snapshot ${s.id} --size ${s.size} <name>`,
};

export const snapshotDefinition = define<Snapshot>({
  kind: 'volume-snapshot',
  slug: 'snapshots',
  label: { singular: 'kinds.snapshot.singular', plural: 'kinds.snapshot.plural', noun: 'kinds.snapshot.noun' },
  ...rest(CINDER, 'snapshots', 'snapshot', { list: 'snapshots/detail' }),
  schema: SnapshotSchema,
  status: snapshotStatus,
  pageSize: 50,
  columns: [
    nameColumn(nameOrId, { sortKey: 'name' }),
    statusColumn((s) => s.status, { sortKey: 'status' }),
    { id: 'size', label: 'kinds.volume.fields.size', value: (s) => `${s.size} GiB`, sortKey: 'size' },
    { id: 'volume', label: 'kinds.snapshot.fields.volume', value: (s, ctx) => ctx.lookups.volumes?.[s.volume_id] || s.volume_id },
    ageColumn((s) => s.created_at ?? '', { sortKey: 'created_at' }),
    idColumn((s) => s.id),
  ],
  defaultSort: { column: 'age', dir: 'desc' },
  filters: [
    nameFilter,
    statusFilter(SNAPSHOT_STATUSES),
  ],
  lookups: [
    {
      // The summary list (id, name) of the project's volumes names the snapshots' sources.
      name: 'volumes', kind: 'volume', service: VOLUME_SERVICE, key: 'volumes',
      ids: (rows) => rows.map((s) => s.volume_id),
      path: () => 'volumes?limit=1000',
      label: (o) => String(o.name || o.id),
    },
  ],
  // A snapshot delete frees its volume for deletion.
  invalidates: ['volume'],
  actions: [
    deleteAction({
      title: 'kinds.snapshot.confirm.deleteTitle', allowed: (s) => s.status !== 'deleting', optimistic: (s) => ({ ...s, status: 'deleting' }),
      path: (s) => `snapshots/${s.id}`, cli: (s) => `openstack volume snapshot delete ${s.id}`,
      body: (r) => msg('kinds.snapshot.confirm.deleteBody', { names: rowNames(r, nameOrId).names, count: r.length }),
    }),
  ],
  overview: [
    { label: 'common.id', value: (s) => s.id, mono: true },
    { label: 'common.status', value: (s) => s.status },
    { label: 'kinds.volume.fields.size', value: (s) => `${s.size} GiB` },
    { label: 'common.description', value: (s) => s.description ?? '' },
    { label: 'kinds.snapshot.fields.volume', value: (s, ctx) => `${ctx.lookups.volumes?.[s.volume_id] ?? ''} ${s.volume_id}`.trim(), mono: true },
    { label: 'kinds.snapshot.fields.progress', value: (s) => s['os-extended-snapshot-attributes:progress'] ?? '' },
    { label: 'common.created', value: (s) => s.created_at ?? '' },
    { label: 'common.updated', value: (s) => s.updated_at ?? '' },
    { label: 'kinds.volume.fields.projectId', value: (s) => s['os-extended-snapshot-attributes:project_id'] ?? '', mono: true, sensitive: 'projectId' },
  ],
  links: [createVolume, { label: 'kinds.volume.fields.sourceVolume', to: (s) => ({ slug: 'volumes', rest: s.volume_id }) }],
  // Horizon's row: Create volume (from the snapshot).
  rowMenu: [{ id: 'create-volume', ...createVolume }],
  cli: { list: 'openstack volume snapshot list --long', show: (s) => `openstack volume snapshot show ${s.id}` },
});

export const SnapshotCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.snapshot.errors.nameRequired' }).max(255, { error: 'kinds.volume.errors.maxLength' }),
  description: z.string().max(255, { error: 'kinds.volume.errors.maxLength' }),
});

/** An in-use volume needs `force` (Cinder refuses otherwise; the snapshot may be crash-consistent only). */
export function snapshotCreateRequest(volume: { id: string; status: string }, input: z.infer<typeof SnapshotCreateSchema>): ApiRequest {
  const snapshot: Record<string, unknown> = { volume_id: volume.id, name: input.name.trim() };
  if (input.description) snapshot.description = input.description;
  if (volume.status === 'in-use') snapshot.force = true;
  return { method: 'POST', path: 'snapshots', body: { snapshot } };
}

export function snapshotCreateCli(volume: { id: string; status: string }, name: string): string {
  return `openstack volume snapshot create --volume ${sh(volume.id)}${volume.status === 'in-use' ? ' --force' : ''} ${name.trim() ? sh(name.trim()) : '<name>'}`;
}
