// Share snapshots (GET snapshots/detail, POST snapshots answers 202 with `creating`). The Snapshots section lists the
// project's; a share's page lists its own (`?share_id=`) with Revert, which Manila allows only to the share's latest
// snapshot and only when the share type has revert_to_snapshot_support (the share says so itself at 2.27+).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rowNames, statusColumn, statusFilter } from '../define';
import { linkedField, linkTo } from '../overview-links';
import type { ApiRequest, FormField, ResourceAction, ResourceDefinition } from '../types';
import { MANILA, MANILA_KINDS, SNAPSHOT_BUSY, ShareSchema, ShareSnapshotSchema, snapshotStatus, type Share, type ShareSnapshot } from './manila';

export const SnapshotCreateSchema = z.object({
  shareId: z.string().min(1, { error: 'kinds.shareSnapshot.errors.chooseShare' }),
  name: z.string().trim().max(255, { error: 'kinds.share.errors.nameLength' }),
  description: z.string().max(255, { error: 'kinds.share.errors.descriptionLength' }),
});
export type SnapshotCreate = z.infer<typeof SnapshotCreateSchema>;

export function snapshotCreateRequest(i: SnapshotCreate): ApiRequest {
  return { method: 'POST', path: 'snapshots', body: { snapshot: { share_id: i.shareId, ...(i.name ? { name: i.name } : {}), ...(i.description ? { description: i.description } : {}) } } };
}

export const snapshotCreateCli = (i: Partial<SnapshotCreate>) =>
  command('openstack share snapshot create', { '--name': i.name || undefined, '--description': i.description || undefined }, i.shareId || '<share>');

/** Revert the share to this snapshot: offered when both are available and the share allows it. */
export const canRevert = (share: Pick<Share, 'status' | 'revert_to_snapshot_support'>, s: ShareSnapshot) =>
  share.revert_to_snapshot_support === true && share.status === 'available' && s.status === 'available';

const revertAction = (share: Share): ResourceAction<ShareSnapshot> => ({
  id: 'revert',
  label: 'kinds.shareSnapshot.revert',
  allowed: (s) => canRevert(share, s),
  request: (s) => ({ method: 'POST', path: `shares/${share.id}/action`, body: { revert: { snapshot_id: s.id } } }),
  cli: (s) => command('openstack share revert', s.id),
  confirm: {
    title: () => 'kinds.shareSnapshot.confirm.revertTitle',
    body: (rows) => msg('kinds.shareSnapshot.confirm.revertBody', { share: nameOrId(share), snapshot: rows[0] ? nameOrId(rows[0]) : '' }),
    confirmLabel: 'kinds.shareSnapshot.revert',
    destructive: true,
  },
});

const snapshotDelete = deleteAction<ShareSnapshot>({
  title: 'kinds.shareSnapshot.confirm.deleteTitle',
  path: (s) => `snapshots/${s.id}`,
  cli: (s) => command('openstack share snapshot delete', s.id),
  allowed: (s) => !(SNAPSHOT_BUSY as readonly string[]).includes(s.status),
  optimistic: (s) => ({ ...s, status: 'deleting' }),
  body: (rows) => msg('kinds.shareSnapshot.confirm.deleteBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
});

const shareField: FormField = {
  name: 'shareId', label: 'kinds.shareSnapshot.fields.share', type: 'select', query: { param: 'share' },
  optionsFrom: {
    service: MANILA.service, path: 'shares/detail?status=available', key: 'shares', kind: MANILA_KINDS.share, schema: z.looseObject({ shares: z.array(ShareSchema) }),
    value: (o) => String(o.id), label: (o) => `${String(o.name || o.id)} (${String(o.share_proto)}, ${String(o.size)} GiB)`,
    noun: 'kinds.share.noun', none: 'kinds.shareSnapshot.form.noShares',
  },
};

const textFields: FormField[] = [
  { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
  { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
];

/** The project's snapshots (the section), or one share's (its page's tab: no share to choose, Revert offered). */
export function shareSnapshotDefinition(share?: Share): ResourceDefinition<ShareSnapshot, SnapshotCreate> {
  const shareId = share?.id;
  return define<ShareSnapshot, SnapshotCreate>({
    kind: MANILA_KINDS.snapshot,
    slug: 'share-snapshots',
    label: { singular: 'kinds.shareSnapshot.singular', plural: 'kinds.shareSnapshot.plural', noun: 'kinds.shareSnapshot.noun' },
    service: MANILA.service,
    paths: { list: shareId ? `snapshots/detail?share_id=${encodeURIComponent(shareId)}` : 'snapshots/detail', item: (id) => `snapshots/${id}` },
    keys: { list: 'snapshots', item: 'snapshot' },
    schema: ShareSnapshotSchema,
    name: (s) => s.name ?? '',
    status: snapshotStatus,
    ...(shareId ? {} : { pageSize: 50 }),
    columns: [
      nameColumn(nameOrId, shareId ? {} : { sortKey: 'name' }),
      statusColumn((s) => s.status, shareId ? {} : { sortKey: 'status' }),
      { id: 'size', label: 'kinds.share.fields.size', value: (s) => `${s.size} GiB` },
      ...(shareId ? [] : [{ id: 'share', label: 'kinds.shareSnapshot.fields.share', value: (s: ShareSnapshot, ctx: { lookups: Record<string, Record<string, string>> }) => ctx.lookups.shares?.[s.share_id] || s.share_id }]),
      { id: 'protocol', label: 'kinds.share.fields.protocol', value: (s) => s.share_proto ?? '' },
      ageColumn((s) => s.created_at ?? '', shareId ? {} : { sortKey: 'created_at' }),
      idColumn((s) => s.id),
    ],
    ...(shareId ? {} : { filters: [nameFilter, statusFilter(['available', ...SNAPSHOT_BUSY, 'error', 'error_deleting'])], defaultSort: { column: 'age', dir: 'desc' as const } }),
    lookups: shareId
      ? []
      : [{ name: 'shares', kind: MANILA_KINDS.share, service: MANILA.service, key: 'shares', ids: (rows) => rows.map((s) => s.share_id), path: () => 'shares', label: (o) => String(o.name || o.id) }],
    actions: share ? [revertAction(share), snapshotDelete] : [snapshotDelete],
    create: {
      schema: SnapshotCreateSchema,
      fields: shareId ? textFields : [shareField, ...textFields],
      defaults: { shareId: shareId ?? '', name: '', description: '' },
      request: snapshotCreateRequest,
      cli: snapshotCreateCli,
      submitLabel: 'kinds.shareSnapshot.create',
    },
    invalidates: [MANILA_KINDS.share],
    overview: [
      { label: 'common.id', value: (s) => s.id, mono: true },
      { label: 'common.status', value: (s) => s.status },
      { label: 'kinds.share.fields.size', value: (s) => `${s.size} GiB` },
      linkedField({ label: 'kinds.shareSnapshot.fields.share', links: (s, ctx) => linkTo('shares', s.share_id, ctx.lookups.shares) }),
      { label: 'kinds.share.fields.protocol', value: (s) => s.share_proto ?? '' },
      { label: 'common.description', value: (s) => s.description ?? '' },
      { label: 'common.created', value: (s) => s.created_at ?? '' },
    ],
    cli: {
      list: shareId ? `openstack share snapshot list --share ${shareId}` : 'openstack share snapshot list --detail',
      show: (s) => command('openstack share snapshot show', s.id),
    },
  });
}
