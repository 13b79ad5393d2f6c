// Cinder v3 volumes. Paths are relative to the catalog endpoint, which already ends in /v3/{project_id}.
import { z } from 'zod';
import { command, sh } from '../cli';
import { ageColumn, choices, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter, YES_NO } from '../define';
import { msg, type Msg, type MsgWithValues } from '@/lib/i18n/msg';
import { linkedField, type OverviewLink } from '../overview-links';
import type { ApiRequest, DetailForm, ResourceAction, RowMenuItem, StatusInfo } from '../types';
import { maybeStrings } from '../schema';
import { volumeHeat } from '../iac/cinder';

/** The catalog type the dashboard proxies Cinder through (Zed registers only this one). */
export const VOLUME_SERVICE = 'volumev3';
/** Cinder v3: where every volume definition and read goes. */
export const CINDER = { service: VOLUME_SERVICE } as const;

const AttachmentSchema = z.looseObject({
  ...maybeStrings('server_id', 'attachment_id', 'device', 'host_name', 'attached_at'),
});

export const VolumeSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.string(),
  size: z.number(),
  volume_type: z.string().nullable().optional(),
  availability_zone: z.string().nullable().optional(),
  // Cinder sends "true"/"false" strings; accept booleans too.
  bootable: z.union([z.string(), z.boolean()]).optional(),
  encrypted: z.boolean().optional(),
  multiattach: z.boolean().optional(),
  attachments: z.array(AttachmentSchema).optional(),
  snapshot_id: z.string().nullable().optional(),
  source_volid: z.string().nullable().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().nullable().optional(),
  user_id: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  volume_image_metadata: z.record(z.string(), z.string()).optional(),
  'os-vol-tenant-attr:tenant_id': z.string().optional(),
  'os-vol-host-attr:host': z.string().nullable().optional(),
});
export type Volume = z.infer<typeof VolumeSchema>;

export const VOLUME_BUSY = [
  'creating', 'extending', 'attaching', 'detaching', 'deleting', 'backing-up', 'restoring-backup', 'uploading', 'retyping', 'downloading', 'reserved', 'maintenance', 'awaiting-transfer',
] as const;
export const VOLUME_ERRORS = ['error', 'error_deleting', 'error_extending', 'error_restoring', 'error_backing-up', 'error_managing'] as const;
export const VOLUME_STATUSES = ['available', 'in-use', ...VOLUME_BUSY, ...VOLUME_ERRORS];

export function volumeStatus(v: Pick<Volume, 'status'>): StatusInfo {
  const s = v.status;
  if ((VOLUME_BUSY as readonly string[]).includes(s)) return { label: s, tone: 'busy' };
  if ((VOLUME_ERRORS as readonly string[]).includes(s) || s.startsWith('error')) return { label: s, tone: 'error' };
  if (s === 'available' || s === 'in-use') return { label: s, tone: 'ok' };
  return { label: s, tone: 'unknown' };
}

const yesNo = (b: boolean) => msg(b ? 'common.yes' : 'common.no', {});

export const isBootable = (v: Pick<Volume, 'bootable'>) => v.bootable === true || String(v.bootable).toLowerCase() === 'true';

export const attachedServers = (v: Volume): string[] => (v.attachments ?? []).map((a) => a.server_id ?? '').filter(Boolean);

/**
 * Each attachment's instance by name (from the servers lookup; its id until then) with a link to it, and the device
 * ("web-1 on /dev/vdb"); an attachment to a host (no server) by the host's name, unlinked.
 */
export function attachmentLinks(v: Volume, servers: Record<string, string> = {}): OverviewLink[] {
  return (v.attachments ?? []).map((a) => {
    const name = a.server_id ? servers[a.server_id] || a.server_id : (a.host_name ?? '?');
    return {
      name,
      ...(a.server_id ? { to: { slug: 'instances', id: a.server_id } } : {}),
      ...(a.device ? { text: msg('kinds.volume.fields.attachedOn', { name, device: a.device }) } : {}),
    };
  });
}

/** "web-1 on /dev/vdb" for each attachment, as text (the list's column). */
export const attachedLabel = (v: Volume, servers: Record<string, string> = {}): (string | MsgWithValues)[] =>
  attachmentLinks(v, servers).map((l) => l.text ?? l.name);

const is = (...st: string[]) => (v: Volume) => st.includes(v.status);
export const canAttach = (v: Volume) => v.status === 'available' || (v.status === 'in-use' && v.multiattach === true);
export const canDetach = (v: Volume) => v.status === 'in-use' && attachedServers(v).length > 0;
// Cinder 3.42+ extends in-use volumes too; the dashboard speaks 3.60.
export const canExtend = is('available', 'in-use');
export const canSnapshot = is('available', 'in-use');
export const canEdit = (v: Volume) => !['deleting', 'error_deleting'].includes(v.status);
export const canLaunch = (v: Volume) => v.status === 'available' && isBootable(v);
/** Cinder refuses others with 400; the button stays available so its message is what the user sees. */
export const canDelete = (v: Volume) => v.status !== 'deleting';

const act = (v: Volume, body: unknown): ApiRequest => ({ method: 'POST', path: `volumes/${v.id}/action`, body });

// ---- Retype and upload to image (forms on the volume's page) ----------------------------------------------------

export const canRetype = is('available', 'in-use');
/** An in-use volume uploads only with force, which Cinder allows where enable_force_upload is set. */
export const canUpload = is('available', 'in-use');

/** `never`: Cinder refuses a retype that needs moving the data to another back end; `on-demand` migrates it. */
export const MIGRATION_POLICIES = ['never', 'on-demand'] as const;

export const RetypeSchema = z.object({
  type: z.string().min(1, { error: 'kinds.volume.retype.chooseType' }),
  policy: z.enum(MIGRATION_POLICIES),
});
export type Retype = z.infer<typeof RetypeSchema>;

export const retypeRequest = (v: Volume, i: Retype): ApiRequest => act(v, { 'os-retype': { new_type: i.type, migration_policy: i.policy } });

const retypeForm: DetailForm<Volume, Retype> = {
  id: 'retype',
  label: 'kinds.volume.retype.label',
  when: canRetype,
  hint: (v) => command('openstack volume set --type <type> --retype-policy never', v.id),
  schema: RetypeSchema,
  fields: [
    {
      name: 'type', label: 'kinds.volume.retype.type', type: 'select',
      optionsFrom: {
        service: VOLUME_SERVICE, path: 'types', key: 'volume_types', kind: 'volume-type',
        value: (o) => String(o.name), label: (o) => String(o.name), title: (o) => (typeof o.description === 'string' ? o.description : undefined),
        noun: 'kinds.volumeType.noun', none: 'kinds.qos.associate.noTypes',
      },
    },
    {
      name: 'policy', label: 'kinds.volume.retype.policy', type: 'select', hint: 'kinds.volume.retype.policyHint',
      options: [{ value: 'never', label: 'kinds.volume.retype.never' }, { value: 'on-demand', label: 'kinds.volume.retype.onDemand' }],
    },
  ],
  initial: () => ({ type: '', policy: 'never' }),
  note: (v) => msg('kinds.volume.retype.current', { type: v.volume_type ?? '' }),
  request: retypeRequest,
  cli: (v, i) => command('openstack volume set', { '--type': typeof i.type === 'string' && i.type ? i.type : '<type>', '--retype-policy': typeof i.policy === 'string' ? i.policy : 'never' }, v.id),
  submitLabel: 'kinds.volume.retype.submit',
  errorTitle: 'kinds.volume.retype.failed',
};

/** The disk formats Cinder converts a volume to when uploading it to Glance. */
export const UPLOAD_DISK_FORMATS = ['raw', 'qcow2', 'vmdk', 'vdi', 'vhd', 'vhdx'] as const;

export const UploadSchema = z.object({
  imageName: z.string().trim().min(1, { error: 'kinds.volume.upload.nameRequired' }).max(255, { error: 'kinds.volume.errors.maxLength' }),
  diskFormat: z.enum(UPLOAD_DISK_FORMATS),
  force: z.boolean(),
});
export type Upload = z.infer<typeof UploadSchema>;

export const uploadRequest = (v: Volume, i: Upload): ApiRequest =>
  act(v, { 'os-volume_upload_image': { image_name: i.imageName.trim(), disk_format: i.diskFormat, container_format: 'bare', force: i.force } });

export const uploadCli = (v: Pick<Volume, 'id'>, i: Partial<Record<keyof Upload, unknown>>) =>
  command('openstack image create --volume', v.id, { '--disk-format': typeof i.diskFormat === 'string' ? i.diskFormat : 'raw' }, i.force === true && '--force', typeof i.imageName === 'string' && i.imageName.trim() ? i.imageName.trim() : '<image-name>');

const uploadForm: DetailForm<Volume, Upload> = {
  id: 'upload-image',
  label: 'kinds.volume.upload.label',
  when: canUpload,
  hint: (v) => uploadCli(v, {}),
  schema: UploadSchema,
  fields: [
    { name: 'imageName', label: 'kinds.volume.upload.imageName', type: 'text', maxLength: 255 },
    { name: 'diskFormat', label: 'kinds.volume.upload.diskFormat', type: 'select', options: choices(UPLOAD_DISK_FORMATS) },
    { name: 'force', label: 'kinds.volume.upload.force', type: 'checkbox' },
  ],
  initial: (v) => ({ imageName: v.name ?? '', diskFormat: 'raw', force: v.status === 'in-use' }),
  note: () => 'kinds.volume.upload.note',
  request: uploadRequest,
  cli: uploadCli,
  submitLabel: 'kinds.volume.upload.submit',
  errorTitle: 'kinds.volume.upload.failed',
};

export const VOLUME_FORMS: readonly DetailForm<Volume>[] = [retypeForm as DetailForm<Volume>, uploadForm as DetailForm<Volume>];

export const VOLUME_ACTIONS: readonly ResourceAction<Volume>[] = [
  {
    id: 'set-bootable', label: 'kinds.volume.actions.setBootable',
    allowed: (v) => !isBootable(v) && canEdit(v),
    request: (v) => act(v, { 'os-set_bootable': { bootable: true } }),
    optimistic: (v) => ({ ...v, bootable: 'true' }),
    cli: (v) => `openstack volume set --bootable ${v.id}`,
  },
  {
    id: 'unset-bootable', label: 'kinds.volume.actions.unsetBootable',
    allowed: (v) => isBootable(v) && canEdit(v),
    request: (v) => act(v, { 'os-set_bootable': { bootable: false } }),
    optimistic: (v) => ({ ...v, bootable: 'false' }),
    cli: (v) => `openstack volume set --non-bootable ${v.id}`,
  },
  deleteAction({
    title: 'kinds.volume.confirm.deleteTitle', allowed: canDelete, optimistic: (v) => ({ ...v, status: 'deleting' }),
    path: (v) => `volumes/${v.id}`, cli: (v) => `openstack volume delete ${v.id}`,
    body: (r) => msg('kinds.volume.confirm.deleteBody', { ...rowNames(r, nameOrId, 3), count: r.length }),
    dependents: volumeDependents,
  }),
];

/**
 * Horizon's row actions that need a form (Manage attachments, Extend, Create snapshot, Edit, Launch as instance): each
 * opens the volume page's own form (`?open=<panel>`, components/volume/volume-detail.tsx).
 */
export const VOLUME_ROW_MENU: readonly RowMenuItem<Volume>[] = [
  { id: 'attach', label: 'kinds.volume.rowMenu.attach', panel: 'attach', when: canAttach, cli: (v) => `openstack server add volume <server> ${v.id}` },
  { id: 'detach', label: 'kinds.volume.rowMenu.detach', panel: 'detach', when: canDetach, cli: (v) => `openstack server remove volume <server> ${v.id}` },
  { id: 'extend', label: 'kinds.volume.rowMenu.extend', panel: 'extend', when: canExtend, cli: (v) => `openstack volume set --size <size-GiB> ${v.id}` },
  { id: 'snapshot', label: 'kinds.volume.rowMenu.createSnapshot', panel: 'snapshot', when: canSnapshot, cli: (v) => `openstack volume snapshot create --volume ${v.id} <name>` },
  { id: 'edit', label: 'kinds.volume.rowMenu.edit', panel: 'edit', when: canEdit, cli: (v) => `openstack volume set --name <name> --description <text> ${v.id}` },
  { id: 'retype', label: 'kinds.volume.retype.label', panel: 'retype', when: canRetype, cli: (v) => `openstack volume set --type <type> --retype-policy never ${v.id}` },
  { id: 'upload', label: 'kinds.volume.upload.label', panel: 'upload-image', when: canUpload, cli: (v) => `openstack image create --volume ${v.id} <image-name>` },
  {
    id: 'backup', label: 'kinds.volume.rowMenu.createBackup', when: canSnapshot,
    to: (v) => ({ slug: 'volume-backups', rest: 'new', query: `volume=${encodeURIComponent(v.id)}` }), cli: (v) => `openstack volume backup create ${v.id}`,
  },
  {
    id: 'transfer', label: 'kinds.volume.rowMenu.createTransfer', when: (v) => v.status === 'available',
    to: (v) => ({ slug: 'volume-transfers', query: `new=1&volume=${encodeURIComponent(v.id)}` }), cli: (v) => `openstack volume transfer request create ${v.id}`,
  },
  {
    id: 'launch', label: 'kinds.volume.rowMenu.launchInstance', when: canLaunch,
    to: (v) => ({ slug: 'instances', rest: 'new', query: `volume=${encodeURIComponent(v.id)}` }), cli: (v) => `openstack server create --volume ${v.id} --flavor <flavor> <name>`,
  },
];

/** What stops or survives a volume delete: its attachments and its snapshots (Cinder refuses while either exists). */
export async function volumeDependents(rows: readonly Volume[], get: (service: string, path: string) => Promise<unknown>): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const v of rows) {
    const name = v.name || v.id;
    const servers = attachedServers(v);
    if (servers.length) out.push(msg('kinds.volume.dependents.attached', { name, count: servers.length, servers: servers.join(', ') }));
    const body = (await get(VOLUME_SERVICE, `snapshots?volume_id=${encodeURIComponent(v.id)}`)) as { snapshots?: { volume_id?: string }[] };
    // Filtered here too: the volume_id filter is a Cinder list filter a deployment may not enable.
    const n = (body.snapshots ?? []).filter((s) => s.volume_id === v.id).length;
    if (n) out.push(msg('kinds.volume.dependents.snapshots', { name, count: n }));
  }
  return out;
}

export const volumeDefinition = define<Volume>({
  kind: 'volume',
  slug: 'volumes',
  label: { singular: 'kinds.volume.singular', plural: 'kinds.volume.plural', noun: 'kinds.volume.noun' },
  ...rest(CINDER, 'volumes', 'volume', { list: 'volumes/detail' }),
  schema: VolumeSchema,
  status: volumeStatus,
  pageSize: 50,
  columns: [
    nameColumn(nameOrId, { sortKey: 'name' }),
    statusColumn((v) => v.status, { sortKey: 'status' }),
    { id: 'size', label: 'kinds.volume.fields.size', value: (v) => `${v.size} GiB`, sortKey: 'size' },
    { id: 'type', label: 'kinds.volume.fields.type', value: (v) => v.volume_type ?? '' },
    { id: 'attached', label: 'kinds.volume.fields.attached', value: (v, ctx) => attachedLabel(v, ctx.lookups.servers), cell: 'list' },
    { id: 'bootable', label: 'kinds.volume.fields.bootable', value: (v) => yesNo(isBootable(v)) },
    { id: 'encrypted', label: 'kinds.volume.fields.encrypted', value: (v) => yesNo(v.encrypted === true) },
    { id: 'az', label: 'kinds.volume.fields.az', value: (v) => v.availability_zone ?? '', sortKey: 'availability_zone' },
    ageColumn((v) => v.created_at ?? '', { sortKey: 'created_at' }),
    idColumn((v) => v.id),
  ],
  defaultSort: { column: 'age', dir: 'desc' },
  filters: [
    // Exact match: Zed's default resource filters reject the `name~` (contains) form with 400.
    nameFilter,
    statusFilter(VOLUME_STATUSES),
    { id: 'bootable', label: 'kinds.volume.fields.bootable', type: 'select', options: YES_NO },
  ],
  lookups: [
    {
      // Nova lets non-admins filter servers by name, not by id: one page of the project's servers names them.
      name: 'servers', kind: 'server', service: 'compute', key: 'servers',
      ids: (rows) => rows.flatMap(attachedServers),
      path: () => 'servers?limit=1000',
      label: (o) => String(o.name ?? o.id),
    },
  ],
  // The volume's snapshots go with it; a server lists its attached volumes.
  invalidates: ['volume-snapshot', 'server', 'image'],
  actions: VOLUME_ACTIONS,
  rowMenu: VOLUME_ROW_MENU,
  forms: VOLUME_FORMS,
  overview: [
    { label: 'common.id', value: (v) => v.id, mono: true },
    { label: 'common.status', value: (v) => v.status },
    { label: 'kinds.volume.fields.size', value: (v) => `${v.size} GiB` },
    { label: 'kinds.volume.fields.type', value: (v) => v.volume_type ?? '' },
    { label: 'common.description', value: (v) => v.description ?? '' },
    linkedField({ label: 'kinds.volume.fields.attached', links: (v, ctx) => attachmentLinks(v, ctx.lookups.servers), empty: 'kinds.volume.fields.notAttached' }),
    { label: 'kinds.volume.fields.bootable', value: (v) => yesNo(isBootable(v)) },
    { label: 'kinds.volume.fields.encrypted', value: (v) => yesNo(v.encrypted === true) },
    { label: 'kinds.volume.fields.multiattach', value: (v) => yesNo(v.multiattach === true) },
    { label: 'kinds.volume.fields.az', value: (v) => v.availability_zone ?? '' },
    { label: 'kinds.volume.fields.sourceSnapshot', value: (v) => v.snapshot_id ?? '', mono: true },
    { label: 'kinds.volume.fields.sourceVolume', value: (v) => v.source_volid ?? '', mono: true },
    { label: 'kinds.volume.fields.sourceImage', value: (v) => (v.volume_image_metadata ? `${v.volume_image_metadata.image_name ?? ''} ${v.volume_image_metadata.image_id ?? ''}`.trim() : ''), mono: true },
    { label: 'common.created', value: (v) => v.created_at ?? '' },
    { label: 'common.updated', value: (v) => v.updated_at ?? '' },
    { label: 'kinds.volume.fields.projectId', value: (v) => v['os-vol-tenant-attr:tenant_id'] ?? '', mono: true, sensitive: 'projectId' },
    { label: 'kinds.volume.fields.host', value: (v) => v['os-vol-host-attr:host'] ?? '', adminOnly: true, mono: true },
  ],
  heat: volumeHeat,
  // Cinder's user messages (what failed, on which resource; Block Storage API "Messages", 3.3+): resource_type values.
  activity: {
    type: 'messages',
    path: 'messages',
    resources: { VOLUME: { kind: 'volume', slug: 'volumes' }, VOLUME_SNAPSHOT: { kind: 'volume-snapshot', slug: 'snapshots' }, VOLUME_BACKUP: { kind: 'volume-backup', slug: 'volume-backups' } },
  },
  cli: { list: 'openstack volume list --long', show: (v) => `openstack volume show ${v.id}` },
});

// ---- Create -----------------------------------------------------------------------------------

const positiveGb = z.coerce
  .number({ error: 'kinds.volume.errors.sizeRequired' })
  .int({ error: 'kinds.volume.errors.sizeWhole' })
  .min(1, { error: 'kinds.volume.errors.sizeMin' });

export const VolumeCreateSchema = z
  .object({
    name: z.string().trim().max(255, { error: 'kinds.volume.errors.maxLength' }),
    description: z.string().max(255, { error: 'kinds.volume.errors.maxLength' }),
    source: z.enum(['empty', 'image', 'snapshot']),
    imageId: z.string(),
    snapshotId: z.string(),
    size: positiveGb,
    volumeType: z.string(),
    availabilityZone: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.source === 'image' && !v.imageId) ctx.addIssue({ code: 'custom', path: ['imageId'], message: 'kinds.volume.errors.chooseImage' });
    if (v.source === 'snapshot' && !v.snapshotId) ctx.addIssue({ code: 'custom', path: ['snapshotId'], message: 'kinds.volume.errors.chooseSnapshot' });
  });
export type VolumeCreate = z.infer<typeof VolumeCreateSchema>;

/** Checks the API would make otherwise: source minimum sizes and the remaining gigabytes quota. Field -> message. */
export function volumeCreateProblems(
  input: Pick<VolumeCreate, 'size' | 'source'>,
  opts: { remainingGb?: number; snapshotSize?: number; imageMinGb?: number },
): Record<string, Msg> {
  const out: Record<string, Msg> = {};
  if (!Number.isFinite(input.size) || input.size < 1) return out;
  if (input.source === 'snapshot' && opts.snapshotSize !== undefined && input.size < opts.snapshotSize) {
    out.size = msg('kinds.volume.errors.snapshotSize', { size: opts.snapshotSize });
  } else if (input.source === 'image' && opts.imageMinGb !== undefined && input.size < opts.imageMinGb) {
    out.size = msg('kinds.volume.errors.imageMin', { size: opts.imageMinGb });
  } else if (opts.remainingGb !== undefined && input.size > opts.remainingGb) {
    out.size = msg('kinds.volume.errors.overQuota', { left: opts.remainingGb });
  }
  return out;
}

export function volumeCreateRequest(i: VolumeCreate): ApiRequest {
  const volume: Record<string, unknown> = { size: i.size };
  if (i.name.trim()) volume.name = i.name.trim();
  if (i.description) volume.description = i.description;
  if (i.volumeType) volume.volume_type = i.volumeType;
  if (i.availabilityZone) volume.availability_zone = i.availabilityZone;
  if (i.source === 'image') volume.imageRef = i.imageId;
  if (i.source === 'snapshot') volume.snapshot_id = i.snapshotId;
  return { method: 'POST', path: 'volumes', body: { volume } };
}

export function volumeCreateCli(i: Partial<VolumeCreate>): string {
  const parts = ['openstack volume create', `--size ${i.size || '<size-GiB>'}`];
  if (i.source === 'image') parts.push(`--image ${i.imageId ? sh(i.imageId) : '<image>'}`);
  if (i.source === 'snapshot') parts.push(`--snapshot ${i.snapshotId ? sh(i.snapshotId) : '<snapshot>'}`);
  if (i.volumeType) parts.push(`--type ${sh(i.volumeType)}`);
  if (i.availabilityZone) parts.push(`--availability-zone ${sh(i.availabilityZone)}`);
  if (i.description) parts.push(`--description ${sh(i.description)}`);
  parts.push(i.name?.trim() ? sh(i.name.trim()) : '<name>');
  return parts.join(' ');
}

/** Remaining gigabytes from Cinder's `GET limits` (undefined when unlimited). */
export function remainingGigabytes(abs: Record<string, number> | undefined): number | undefined {
  if (!abs) return undefined;
  const max = abs.maxTotalVolumeGigabytes;
  if (max === undefined || max < 0) return undefined;
  return Math.max(0, max - (abs.totalGigabytesUsed ?? 0));
}

// ---- Extend, edit, attach ---------------------------------------------------------------------

/** A new size for os-extend: a whole number larger than the current one. Returns the error, or undefined. */
export function extendProblem(current: number, raw: string, remainingGb?: number): Msg | undefined {
  if (!/^\s*\d+\s*$/.test(raw)) return 'kinds.volume.errors.sizeWhole';
  const n = Number(raw);
  if (n <= current) return msg('kinds.volume.errors.extendLarger', { size: current });
  if (remainingGb !== undefined && n - current > remainingGb) return msg('kinds.volume.errors.extendOverQuota', { left: remainingGb, more: n - current });
  return undefined;
}

export const extendRequest = (v: Volume, newSize: number): ApiRequest => act(v, { 'os-extend': { new_size: newSize } });

export const EditVolumeSchema = z.object({
  name: z.string().trim().max(255, { error: 'kinds.volume.errors.maxLength' }),
  description: z.string().max(255, { error: 'kinds.volume.errors.maxLength' }),
});

/** Nova attaches (Cinder volumes are attached through the compute API so the guest sees them). */
export const attachRequest = (serverId: string, volumeId: string): ApiRequest => ({
  method: 'POST',
  path: `servers/${serverId}/os-volume_attachments`,
  body: { volumeAttachment: { volumeId } },
});
export const detachRequest = (serverId: string, volumeId: string): ApiRequest => ({ method: 'DELETE', path: `servers/${serverId}/os-volume_attachments/${volumeId}` });
export const attachVolumeCli = (server: string, volume: string) => `openstack server add volume ${server} ${volume}`;
export const detachVolumeCli = (server: string, volume: string) => `openstack server remove volume ${server} ${volume}`;

/** Boot from an existing volume: the volume itself is the root disk, no image. */
export function bootFromVolumeBody(server: Record<string, unknown>, volumeId: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...server };
  delete out.imageRef;
  out.block_device_mapping_v2 = [{ boot_index: 0, uuid: volumeId, source_type: 'volume', destination_type: 'volume', delete_on_termination: false }];
  return out;
}

/** Cinder's built-in type (since Train), the cloud's default unless `default_volume_type` names another. */
export const CINDER_DEFAULT_TYPE = '__DEFAULT__';

/**
 * The types a create form lists besides its "Default" choice (no type sent: Cinder picks its default). The
 * built-in `__DEFAULT__` is left out: listed beside "Default" it reads as a second default.
 */
export const explicitVolumeTypes = (types: readonly { name: string }[]): string[] =>
  types.map((t) => t.name).filter((n) => n !== CINDER_DEFAULT_TYPE);
