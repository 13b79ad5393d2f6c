// Manila shares (GET shares/detail; POST shares answers 200 with `creating`). Extend and shrink are actions on
// shares/{id}/action; the page's tabs hold what is below a share: export locations, access rules, snapshots
// (access.ts, snapshot.ts), and the mount commands (components/shared-file-system/share-detail.tsx).
import { z } from 'zod';
import { msg, type Msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, choices, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rowNames, statusColumn, statusFilter } from '../define';
import { linkedField, linkTo } from '../overview-links';
import type { ApiRequest, DetailForm, RowMenuItem } from '../types';
import { accessRuleDefinition, exportLocationDefinition } from './access';
import { ExportLocationSchema, handlesShareServers, MANILA, MANILA_KINDS, SHARE_BUSY, SHARE_PROTOCOLS, SHARE_STATUSES, ShareSchema, shareStatus, ShareTypeSchema, usableLocations, type Share } from './manila';
import { shareSnapshotDefinition } from './snapshot';

/** The paths a member mounts from a GET shares/{id}/export_locations answer: the preferred first, admins' left out. */
export function exportPaths(body: unknown): string[] {
  const parsed = z.object({ export_locations: z.array(ExportLocationSchema) }).safeParse(body);
  if (!parsed.success) return [];
  return usableLocations(parsed.data.export_locations).map((l) => l.path);
}

const busy = (s: Share) => (SHARE_BUSY as readonly string[]).includes(s.status);
const yesNo = (b: boolean | null | undefined) => msg(b ? 'common.yes' : 'common.no', {});

// ---- Create -------------------------------------------------------------------------------------------------

/**
 * A share type option's value: its id, prefixed `dhss:` when the type manages share servers, so the form knows (from
 * its values alone) to ask for a share network. `shareTypeId` reads the id back.
 */
export const shareTypeChoice = (t: Record<string, unknown>) => {
  const parsed = ShareTypeSchema.safeParse(t);
  return parsed.success && handlesShareServers(parsed.data) ? `dhss:${parsed.data.id}` : String(t.id);
};
export const shareTypeId = (choice: string) => choice.replace(/^dhss:/, '');
export const needsShareNetwork = (choice: unknown) => typeof choice === 'string' && choice.startsWith('dhss:');

const sizeSchema = z.string().trim().refine((v) => /^\d+$/.test(v) && Number(v) >= 1, { error: 'kinds.share.errors.size' });

export const ShareCreateSchema = z
  .object({
    name: z.string().trim().max(255, { error: 'kinds.share.errors.nameLength' }),
    description: z.string().max(255, { error: 'kinds.share.errors.descriptionLength' }),
    protocol: z.enum(SHARE_PROTOCOLS),
    size: sizeSchema,
    shareType: z.string(),
    shareNetwork: z.string(),
    availabilityZone: z.string(),
    isPublic: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (needsShareNetwork(v.shareType) && !v.shareNetwork) ctx.addIssue({ code: 'custom', path: ['shareNetwork'], message: 'kinds.share.errors.networkRequired' });
  });
export type ShareCreate = z.infer<typeof ShareCreateSchema>;

export function shareCreateRequest(i: ShareCreate): ApiRequest {
  const share: Record<string, unknown> = { share_proto: i.protocol, size: Number(i.size), is_public: i.isPublic };
  if (i.name) share.name = i.name;
  if (i.description) share.description = i.description;
  if (i.shareType) share.share_type = shareTypeId(i.shareType);
  // A type without share servers refuses a share network (DHSS=False), so one chosen before a type change is dropped.
  if (needsShareNetwork(i.shareType) && i.shareNetwork) share.share_network_id = i.shareNetwork;
  if (i.availabilityZone) share.availability_zone = i.availabilityZone;
  return { method: 'POST', path: 'shares', body: { share } };
}

export const shareCreateCli = (i: Partial<ShareCreate>) =>
  command(
    'openstack share create',
    {
      '--name': i.name || undefined,
      '--description': i.description || undefined,
      '--share-type': i.shareType ? shareTypeId(i.shareType) : undefined,
      '--share-network': needsShareNetwork(i.shareType) && i.shareNetwork ? i.shareNetwork : undefined,
      '--availability-zone': i.availabilityZone || undefined,
      '--public': i.isPublic ? 'true' : undefined,
    },
    i.protocol || '<protocol>',
    i.size || '<size-GiB>',
  );

// ---- Extend and shrink ----------------------------------------------------------------------------------------

/** The new size against the current one (carried in the form's values): larger to extend, smaller to shrink. */
export function resizeProblem(direction: 'extend' | 'shrink', current: number, raw: string): Msg | undefined {
  if (!/^\s*\d+\s*$/.test(raw) || Number(raw) < 1) return 'kinds.share.errors.size';
  const n = Number(raw);
  if (direction === 'extend' && n <= current) return msg('kinds.share.errors.extendLarger', { size: current });
  if (direction === 'shrink' && n >= current) return msg('kinds.share.errors.shrinkSmaller', { size: current });
  return undefined;
}

const ResizeSchema = (direction: 'extend' | 'shrink') =>
  z.object({ newSize: z.string(), current: z.string() }).superRefine((v, ctx) => {
    const problem = resizeProblem(direction, Number(v.current), v.newSize);
    if (problem) ctx.addIssue({ code: 'custom', path: ['newSize'], message: typeof problem === 'string' ? problem : JSON.stringify(problem) });
  });

function resizeForm(direction: 'extend' | 'shrink'): DetailForm<Share, { newSize: string; current: string }> {
  const extend = direction === 'extend';
  return {
    id: direction,
    label: extend ? 'kinds.share.resize.extend' : 'kinds.share.resize.shrink',
    when: (s) => s.status === 'available' && (extend || s.size > 1),
    hint: (s) => command(`openstack share ${direction}`, s.id, '<new-size-GiB>'),
    schema: ResizeSchema(direction),
    fields: [{ name: 'newSize', label: 'kinds.share.resize.newSize', type: 'text', numeric: true, hint: extend ? 'kinds.share.resize.extendHint' : 'kinds.share.resize.shrinkHint' }],
    initial: (s) => ({ newSize: String(extend ? s.size + 1 : s.size - 1), current: String(s.size) }),
    resetKey: (s) => String(s.size),
    request: (s, i) => ({ method: 'POST', path: `shares/${s.id}/action`, body: { [direction]: { new_size: Number(i.newSize) } } }),
    cli: (s, v) => command(`openstack share ${direction}`, s.id, typeof v.newSize === 'string' && v.newSize ? v.newSize : '<new-size-GiB>'),
    submitLabel: extend ? 'kinds.share.resize.extend' : 'kinds.share.resize.shrink',
    errorTitle: extend ? 'kinds.share.resize.extendFailed' : 'kinds.share.resize.shrinkFailed',
  };
}

// ---- Delete -----------------------------------------------------------------------------------------------------

/** What stops a share delete: its snapshots (Manila refuses with a 403 whose message it leaves unfilled). */
export async function shareDependents(rows: readonly Share[], get: (service: string, path: string) => Promise<unknown>): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const s of rows) {
    const body = (await get(MANILA.service, `snapshots?share_id=${encodeURIComponent(s.id)}`)) as { snapshots?: { share_id?: string }[] };
    const n = (body.snapshots ?? []).length;
    if (n) out.push(msg('kinds.share.dependents.snapshots', { name: nameOrId(s), count: n }));
  }
  return out;
}

export const SHARE_ROW_MENU: readonly RowMenuItem<Share>[] = [
  { id: 'extend', label: 'kinds.share.resize.extend', panel: 'extend', when: (s) => s.status === 'available', cli: (s) => command('openstack share extend', s.id, '<new-size-GiB>') },
  { id: 'shrink', label: 'kinds.share.resize.shrink', panel: 'shrink', when: (s) => s.status === 'available' && s.size > 1, cli: (s) => command('openstack share shrink', s.id, '<new-size-GiB>') },
  {
    id: 'snapshot', label: 'kinds.shareSnapshot.create', when: (s) => s.status === 'available' && s.snapshot_support !== false,
    to: (s) => ({ slug: 'shares', rest: encodeURIComponent(s.id), query: 'tab=snapshots' }), cli: (s) => command('openstack share snapshot create', s.id),
  },
];

// ---- The definition ---------------------------------------------------------------------------------------------

export const shareDefinition = define<Share, ShareCreate>({
  kind: MANILA_KINDS.share,
  slug: 'shares',
  label: { singular: 'kinds.share.singular', plural: 'kinds.share.plural', noun: 'kinds.share.noun' },
  service: MANILA.service,
  paths: { list: 'shares/detail', item: (id) => `shares/${id}` },
  keys: { list: 'shares', item: 'share' },
  schema: ShareSchema,
  name: (s) => s.name ?? '',
  status: (s) => ({ ...shareStatus(s), ...(s.task_state ? { detail: s.task_state } : {}) }),
  columns: [
    nameColumn(nameOrId, { sortKey: 'name' }),
    { id: 'protocol', label: 'kinds.share.fields.protocol', value: (s) => s.share_proto, sortKey: 'share_proto' },
    { id: 'size', label: 'kinds.share.fields.size', value: (s) => `${s.size} GiB`, sortKey: 'size' },
    statusColumn((s) => s.status, { sortKey: 'status' }),
    { id: 'type', label: 'kinds.share.fields.type', value: (s) => s.share_type_name ?? s.share_type ?? '' },
    { id: 'network', label: 'kinds.share.fields.network', value: (s, ctx) => (s.share_network_id ? ctx.lookups.networks?.[s.share_network_id] || s.share_network_id : '') },
    { id: 'az', label: 'kinds.share.fields.az', value: (s) => s.availability_zone ?? '', sortKey: 'availability_zone' },
    { id: 'exports', label: 'kinds.share.exports.plural', value: (s, ctx) => ctx.lookups.exports?.[s.id]?.split('\n').filter(Boolean) ?? [], cell: 'list' },
    { id: 'public', label: 'kinds.share.fields.public', value: (s) => yesNo(s.is_public), hidden: true },
    ageColumn((s) => s.created_at ?? '', { sortKey: 'created_at' }),
    idColumn((s) => s.id),
  ],
  defaultSort: { column: 'age', dir: 'desc' },
  filters: [
    nameFilter,
    statusFilter(SHARE_STATUSES),
    { id: 'share_proto', label: 'kinds.share.fields.protocol', type: 'select', options: choices(SHARE_PROTOCOLS) },
  ],
  lookups: [
    {
      name: 'networks', kind: MANILA_KINDS.network, service: MANILA.service, key: 'share_networks',
      ids: (rows) => rows.map((s) => s.share_network_id ?? '').filter(Boolean), path: () => 'share-networks', label: (o) => String(o.name || o.id),
    },
    {
      // Manila lists export locations per share only (2.9+; the old inline field also shows admins' paths to members).
      // Asked for available shares: a creating one has none yet, and its turning available asks again.
      name: 'exports', kind: MANILA_KINDS.exportLocation, service: MANILA.service, key: 'export_locations',
      ids: (rows) => rows.filter((s) => s.status === 'available').map((s) => s.id), path: () => '', each: (id) => `shares/${id}/export_locations`,
      label: (body) => exportPaths(body).join('\n'),
    },
  ],
  actions: [
    deleteAction<Share>({
      title: 'kinds.share.confirm.deleteTitle',
      path: (s) => `shares/${s.id}`,
      cli: (s) => command('openstack share delete', s.id),
      allowed: (s) => !busy(s),
      optimistic: (s) => ({ ...s, status: 'deleting' }),
      body: (rows) => msg('kinds.share.confirm.deleteBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
      dependents: shareDependents,
    }),
  ],
  rowMenu: SHARE_ROW_MENU,
  forms: [resizeForm('extend'), resizeForm('shrink')],
  tabs: [
    {
      id: 'exports', label: 'kinds.share.exports.plural', view: 'compact', list: (s) => exportLocationDefinition(s.id),
      table: 'kinds.share.exports.plural', empty: 'kinds.share.exports.empty',
    },
    {
      id: 'access', label: 'kinds.share.access.plural', view: 'compact', list: (s) => accessRuleDefinition(s),
      table: 'kinds.share.access.plural', empty: 'kinds.share.access.empty', note: (s) => (s.status === 'available' ? undefined : 'kinds.share.access.notAvailable'),
    },
    {
      id: 'snapshots', label: 'kinds.share.tabs.snapshots', view: 'compact', list: (s) => shareSnapshotDefinition(s),
      table: 'kinds.shareSnapshot.plural', empty: 'kinds.shareSnapshot.empty', note: (s) => (s.snapshot_support === false ? 'kinds.shareSnapshot.unsupported' : undefined),
    },
  ],
  create: {
    schema: ShareCreateSchema,
    fields: [
      { name: 'name', label: 'common.name', type: 'text', maxLength: 255 },
      { name: 'description', label: 'common.description', type: 'text', maxLength: 255 },
      { name: 'protocol', label: 'kinds.share.fields.protocol', type: 'select', options: choices(SHARE_PROTOCOLS), hint: 'kinds.share.form.protocolHint' },
      { name: 'size', label: 'kinds.share.form.size', type: 'text', numeric: true },
      {
        name: 'shareType', label: 'kinds.share.fields.type', type: 'select', hint: 'kinds.share.form.typeHint',
        optionsFrom: {
          service: MANILA.service, path: 'types', key: 'share_types', kind: MANILA_KINDS.type,
          value: shareTypeChoice, label: (o) => String(o.name ?? o.id), title: (o) => (typeof o.description === 'string' ? o.description : undefined),
          noun: 'kinds.shareType.noun', none: 'kinds.share.form.defaultType', choose: 'kinds.share.form.defaultType',
        },
      },
      {
        name: 'shareNetwork', label: 'kinds.share.fields.network', type: 'select', when: (v) => needsShareNetwork(v.shareType), hint: 'kinds.share.form.networkHint',
        optionsFrom: {
          service: MANILA.service, path: 'share-networks', key: 'share_networks', kind: MANILA_KINDS.network,
          value: (o) => String(o.id), label: (o) => String(o.name || o.id),
          noun: 'kinds.shareNetwork.noun', none: 'kinds.share.form.noNetworks',
        },
      },
      {
        name: 'availabilityZone', label: 'kinds.share.fields.az', type: 'select',
        optionsFrom: {
          service: MANILA.service, path: 'availability-zones', key: 'availability_zones', kind: 'share-availability-zone',
          value: (o) => String(o.name), label: (o) => String(o.name),
          noun: 'kinds.share.form.zoneNoun', none: 'kinds.share.form.anyZone', choose: 'kinds.share.form.anyZone',
        },
      },
      { name: 'isPublic', label: 'kinds.share.form.public', type: 'checkbox', hint: 'kinds.share.form.publicHint' },
    ],
    defaults: { name: '', description: '', protocol: 'NFS', size: '1', shareType: '', shareNetwork: '', availabilityZone: '', isPublic: false },
    request: shareCreateRequest,
    cli: shareCreateCli,
    // Manila answers 200 with the share in `creating`: its page shows it polled to available.
    created: (body) => ShareSchema.safeParse((body as { share?: unknown } | null)?.share).data,
    breadcrumb: true,
    cancelLink: true,
  },
  invalidates: [MANILA_KINDS.snapshot],
  overview: [
    { label: 'common.id', value: (s) => s.id, mono: true },
    { label: 'common.status', value: (s) => (s.task_state ? `${s.status} (${s.task_state})` : s.status) },
    { label: 'kinds.share.fields.protocol', value: (s) => s.share_proto },
    { label: 'kinds.share.fields.size', value: (s) => `${s.size} GiB` },
    { label: 'kinds.share.fields.type', value: (s) => s.share_type_name ?? s.share_type ?? '' },
    linkedField({ label: 'kinds.share.fields.network', links: (s, ctx) => linkTo('share-networks', s.share_network_id, ctx.lookups.networks), empty: 'kinds.share.fields.noNetwork' }),
    { label: 'kinds.share.fields.az', value: (s) => s.availability_zone ?? '' },
    { label: 'kinds.share.fields.public', value: (s) => yesNo(s.is_public) },
    { label: 'kinds.share.fields.accessRulesStatus', value: (s) => s.access_rules_status ?? '' },
    { label: 'kinds.share.fields.snapshotSupport', value: (s) => yesNo(s.snapshot_support) },
    { label: 'kinds.share.fields.revertSupport', value: (s) => yesNo(s.revert_to_snapshot_support) },
    linkedField({ label: 'kinds.share.fields.sourceSnapshot', links: (s) => linkTo('share-snapshots', s.snapshot_id, undefined) }),
    { label: 'common.description', value: (s) => s.description ?? '' },
    { label: 'common.created', value: (s) => s.created_at ?? '' },
    { label: 'common.projectId', value: (s) => s.project_id ?? '', mono: true, sensitive: 'projectId' },
    { label: 'kinds.share.fields.host', value: (s) => s.host ?? '', mono: true, adminOnly: true },
  ],
  cli: { list: 'openstack share list --detail', show: (s) => command('openstack share show', s.id) },
});
