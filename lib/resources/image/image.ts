// Glance v2 images. Extra properties (os_distro, hw_*) sit at the top level of the image next to the base
// attributes, so the schema is loose and `imageProperties` separates them. Updates are JSON-patch.
import { z } from 'zod';
import { sh } from '../cli';
import { ageColumn, choices, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rowNames, statusColumn, statusFilter } from '../define';
import { msg, type Msg } from '@/lib/i18n/msg';
import type { ApiRequest, ResourceAction, ResourceDefinition, StatusInfo } from '../types';
import { maybeStrings } from '../schema';
import { imageMemberDefinition, membershipAction } from './member';

export const PATCH_CONTENT_TYPE = 'application/openstack-images-v2.1-json-patch';

export const ImageSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  status: z.string(),
  visibility: z.string(),
  protected: z.boolean(),
  os_hidden: z.boolean().optional(),
  ...maybeStrings('checksum', 'os_hash_algo', 'os_hash_value', 'owner'),
  size: z.number().nullable().optional(),
  virtual_size: z.number().nullable().optional(),
  container_format: z.string().nullable().optional(),
  disk_format: z.string().nullable().optional(),
  created_at: z.string(),
  updated_at: z.string().optional(),
  tags: z.array(z.string()).optional(),
  min_ram: z.number().nullable().optional(),
  min_disk: z.number().nullable().optional(),
  stores: z.string().optional(),
});
export type Image = z.infer<typeof ImageSchema>;

/** Attributes of Glance's image schema; everything else on an image is an extra property. */
export const BASE_ATTRS = new Set([
  'id', 'name', 'status', 'visibility', 'protected', 'os_hidden', 'checksum', 'os_hash_algo', 'os_hash_value', 'owner',
  'size', 'virtual_size', 'container_format', 'disk_format', 'created_at', 'updated_at', 'tags', 'direct_url', 'min_ram',
  'min_disk', 'self', 'file', 'stores', 'schema', 'locations',
]);

/** The extra properties (string values), sorted by key. */
export function imageProperties(image: Record<string, unknown>): [string, string][] {
  return Object.entries(image)
    .filter(([k, v]) => !BASE_ATTRS.has(k) && typeof v === 'string')
    .map(([k, v]) => [k, v as string] as [string, string])
    .sort(([a], [b]) => a.localeCompare(b));
}

const BUSY = new Set(['queued', 'saving', 'importing', 'uploading', 'pending_delete']);

export function imageStatus(i: Image): StatusInfo {
  if (BUSY.has(i.status)) return { label: i.status, tone: 'busy', detail: i.status === 'queued' ? 'kinds.image.status.queued' : undefined };
  if (i.status === 'active') return { label: 'active', tone: 'ok' };
  if (i.status === 'killed') return { label: 'killed', tone: 'error', detail: 'kinds.image.status.killed' };
  return { label: i.status, tone: 'unknown' };
}

export const DISK_FORMATS = ['qcow2', 'raw', 'iso', 'vmdk', 'vhd', 'vhdx', 'vdi', 'ploop', 'ami', 'ari', 'aki'] as const;
export const CONTAINER_FORMATS = ['bare', 'ovf', 'ova', 'docker', 'compressed', 'ami', 'ari', 'aki'] as const;
export const VISIBILITIES = ['private', 'shared', 'community', 'public'] as const;
export const IMAGE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'pending_delete', 'deactivated', 'uploading', 'importing'];

/** The disk format a file name suggests (qcow2, raw/img, iso, vmdk, vhd/vhdx), looking through .gz/.xz/.bz2. */
export function guessDiskFormat(fileName: string): (typeof DISK_FORMATS)[number] | undefined {
  const name = fileName.trim().toLowerCase().replace(/\.(gz|xz|bz2|zst)$/, '');
  const ext = /\.([a-z0-9]+)$/.exec(name)?.[1];
  switch (ext) {
    case 'qcow2':
    case 'qcow':
      return 'qcow2';
    case 'raw':
    case 'img':
      return 'raw';
    case 'iso':
      return 'iso';
    case 'vmdk':
      return 'vmdk';
    case 'vhd':
      return 'vhd';
    case 'vhdx':
      return 'vhdx';
    case 'vdi':
      return 'vdi';
    default:
      return undefined;
  }
}

/** `name.qcow2` -> `name` (the default image name for an uploaded file). */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.(gz|xz|bz2|zst)$/i, '').replace(/\.(qcow2?|raw|img|iso|vmdk|vhdx?|vdi)$/i, '');
}

// ---- properties text (one key=value a line) ----

const PROPERTY_KEY = /^[A-Za-z0-9_.:-]+$/;

/** Parses `key=value` lines; errors name the line. */
export function parseProperties(text: string): { ok: true; value: Record<string, string> } | { ok: false; error: Msg } {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { ok: false, error: msg('kinds.image.properties.noEquals', { line: i + 1 }) };
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (!PROPERTY_KEY.test(key) || key.length > 255) return { ok: false, error: msg('kinds.image.properties.badKey', { line: i + 1, key }) };
    if (BASE_ATTRS.has(key)) return { ok: false, error: msg('kinds.image.properties.attribute', { line: i + 1, key }) };
    if (key in out) return { ok: false, error: msg('kinds.image.properties.twice', { line: i + 1, key }) };
    out[key] = value;
  }
  return { ok: true, value: out };
}

export function propertiesText(image: Record<string, unknown>): string {
  return imageProperties(image).map(([k, v]) => `${k}=${v}`).join('\n');
}

// ---- edit: form values -> JSON patch ----

const intField = (required: 'kinds.image.errors.minDiskRequired' | 'kinds.image.errors.minRamRequired') =>
  z.coerce.number({ error: required }).int({ error: 'kinds.image.errors.whole' }).min(0, { error: 'kinds.image.errors.negative' }).max(2 ** 31 - 1, { error: 'kinds.image.errors.tooLarge' });

export const ImageEditSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.image.errors.nameRequired' }).max(255, { error: 'kinds.image.errors.maxLength' }),
  visibility: z.enum(VISIBILITIES, { error: 'kinds.image.errors.chooseVisibility' }),
  protected: z.boolean(),
  min_disk: intField('kinds.image.errors.minDiskRequired'),
  min_ram: intField('kinds.image.errors.minRamRequired'),
  properties: z.string().superRefine((t, ctx) => {
    // A zod message takes no values: the edit form shows parseProperties' error, which names the line.
    if (!parseProperties(t).ok) ctx.addIssue({ code: 'custom', message: 'kinds.image.properties.invalid' });
  }),
});
export type ImageEdit = z.infer<typeof ImageEditSchema>;

export type PatchOp = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

const pointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The JSON patch turning `image` into the edited values: only what changed. */
export function imagePatch(image: Image, edit: ImageEdit): PatchOp[] {
  const ops: PatchOp[] = [];
  const base: [keyof ImageEdit & keyof Image, unknown, unknown][] = [
    ['name', image.name ?? '', edit.name],
    ['visibility', image.visibility, edit.visibility],
    ['protected', image.protected, edit.protected],
    ['min_disk', image.min_disk ?? 0, edit.min_disk],
    ['min_ram', image.min_ram ?? 0, edit.min_ram],
  ];
  for (const [key, before, after] of base) if (before !== after) ops.push({ op: 'replace', path: pointer(key), value: after });
  const parsed = parseProperties(edit.properties);
  if (!parsed.ok) return ops;
  const current = Object.fromEntries(imageProperties(image));
  for (const [k, v] of Object.entries(parsed.value)) {
    if (!(k in current)) ops.push({ op: 'add', path: pointer(k), value: v });
    else if (current[k] !== v) ops.push({ op: 'replace', path: pointer(k), value: v });
  }
  for (const k of Object.keys(current)) if (!(k in parsed.value)) ops.push({ op: 'remove', path: pointer(k) });
  return ops;
}

export function patchRequest(id: string, ops: readonly PatchOp[]): ApiRequest {
  return { method: 'PATCH', path: `v2/images/${id}`, body: ops, headers: { 'Content-Type': PATCH_CONTENT_TYPE } };
}

/** `openstack image set` for the changes (properties with --property / --remove-property). */
export function editCli(image: Image, ops: readonly PatchOp[]): string {
  const parts = ['openstack image set'];
  for (const o of ops) {
    const key = o.path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
    const value = o.op === 'remove' ? undefined : o.value;
    if (key === 'name') parts.push(`--name ${sh(String(value))}`);
    else if (key === 'visibility') parts.push(`--${String(value)}`);
    else if (key === 'protected') parts.push(value ? '--protected' : '--unprotected');
    else if (key === 'min_disk') parts.push(`--min-disk ${String(value)}`);
    else if (key === 'min_ram') parts.push(`--min-ram ${String(value)}`);
    else if (o.op === 'remove') parts.push(`--remove-property ${key}`);
    else parts.push(`--property ${sh(`${key}=${String(value)}`)}`);
  }
  parts.push(image.id);
  return parts.join(' ');
}

// ---- create ----

export const ImageCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.image.errors.nameRequired' }).max(255, { error: 'kinds.image.errors.maxLength' }),
  disk_format: z.enum(DISK_FORMATS, { error: 'kinds.image.errors.chooseDiskFormat' }),
  container_format: z.enum(CONTAINER_FORMATS, { error: 'kinds.image.errors.chooseContainerFormat' }),
  visibility: z.enum(VISIBILITIES, { error: 'kinds.image.errors.chooseVisibility' }),
  protected: z.boolean(),
  min_disk: intField('kinds.image.errors.minDiskRequired'),
  min_ram: intField('kinds.image.errors.minRamRequired'),
});
export type ImageCreate = z.infer<typeof ImageCreateSchema>;

export function createRequest(input: ImageCreate): ApiRequest {
  return { method: 'POST', path: 'v2/images', body: { ...input, name: input.name.trim() } };
}

export function createCli(input: Partial<ImageCreate>, source: { file?: string; url?: string }): string {
  const parts = ['openstack image create'];
  parts.push(`--disk-format ${input.disk_format ?? '<format>'}`, `--container-format ${input.container_format ?? 'bare'}`);
  if (input.visibility && input.visibility !== 'shared') parts.push(`--${input.visibility}`);
  if (input.protected) parts.push('--protected');
  if (input.min_disk) parts.push(`--min-disk ${input.min_disk}`);
  if (input.min_ram) parts.push(`--min-ram ${input.min_ram}`);
  if (source.url) parts.push(`--import --import-method web-download --uri ${sh(source.url)}`);
  else parts.push(`--file ${(source.file ? sh(source.file) : '<file>')}`);
  parts.push((input.name?.trim() ? sh(input.name.trim()) : '<name>'));
  return parts.join(' ');
}

export const UrlSchema = z
  .string()
  .trim()
  .min(1, { error: 'kinds.image.errors.urlRequired' })
  .refine((u) => /^https?:\/\/[^\s/]+/i.test(u), { error: 'kinds.image.errors.urlInvalid' });

/** The import methods the cloud offers (`GET /v2/info/import`). */
export const ImportInfoSchema = z.looseObject({ 'import-methods': z.looseObject({ value: z.array(z.string()) }) });

// ---- list ----

/** A byte count in binary units: the number shown, its unit symbol, and whether it shows a decimal (below 10). */
function binarySize(n: number): { size: number; unit: string; fraction: 'yes' | 'no' } {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return { size: v, unit: units[i], fraction: i > 0 && v < 10 ? 'yes' : 'no' };
}

/** "1.5 GiB": a message, so that the number is written in the page's language (the unit symbol never changes). */
export function formatBytes(n: number | null | undefined): Msg | '' {
  return n === null || n === undefined ? '' : msg('kinds.image.size.value', binarySize(n));
}

/** "1.5 GiB (1572864 bytes)" for the overview. */
export function formatBytesExact(n: number | null | undefined): Msg | '' {
  return n === null || n === undefined ? '' : msg('kinds.image.size.withBytes', { ...binarySize(n), bytes: n });
}

const yesNo = (b: boolean | undefined) => msg(b ? 'common.yes' : 'common.no', {});

const setProtected = (value: boolean): ResourceAction<Image> => ({
  id: value ? 'protect' : 'unprotect',
  label: value ? 'kinds.image.actions.protect' : 'kinds.image.actions.unprotect',
  allowed: (i) => i.protected !== value && i.status !== 'pending_delete',
  request: (i) => patchRequest(i.id, [{ op: 'replace', path: '/protected', value }]),
  optimistic: (i) => ({ ...i, protected: value }),
  cli: (i) => `openstack image set ${value ? '--protected' : '--unprotected'} ${i.id}`,
});

/**
 * Deactivate (downloads refused to all but admins) and reactivate: POST v2/images/{id}/actions/..., 204. Glance
 * allows the image's owner and admins; others get 403.
 */
const setActive = (projectId: string, active: boolean): ResourceAction<Image> => ({
  id: active ? 'reactivate' : 'deactivate',
  label: active ? 'kinds.image.actions.reactivate' : 'kinds.image.actions.deactivate',
  allowed: (i, user) => i.status === (active ? 'deactivated' : 'active') && (user.isAdmin || i.owner === projectId),
  request: (i) => ({ method: 'POST', path: `v2/images/${i.id}/actions/${active ? 'reactivate' : 'deactivate'}` }),
  optimistic: (i) => ({ ...i, status: active ? 'active' : 'deactivated' }),
  cli: (i) => `openstack image set ${active ? '--activate' : '--deactivate'} ${i.id}`,
});

/** The visibility, with this project's membership of another project's shared image ("shared (pending)"). */
const visibilityText = (i: Image, membership: Record<string, string> = {}) =>
  i.visibility === 'shared' && membership[i.id] ? msg('kinds.imageMember.visibility', { status: membership[i.id] }) : i.visibility;

export const IMAGE_ACTIONS: readonly ResourceAction<Image>[] = [
  setProtected(true),
  setProtected(false),
  deleteAction({
    title: 'kinds.image.confirm.deleteTitle',
    // Offered for protected images too: Glance's refusal (403) says why.
    allowed: (i) => i.status !== 'pending_delete',
    path: (i) => `v2/images/${i.id}`, cli: (i) => `openstack image delete ${i.id}`,
    body: (r) =>
      msg(r.some((i) => i.protected) ? 'kinds.image.confirm.deleteBodyProtected' : 'kinds.image.confirm.deleteBody', { ...rowNames(r, nameOrId, 3), count: r.length }),
  }),
];

/**
 * The owner filter's query. Glance has no "shared with me" flag: shared images list those we own or are a member of
 * with that status (accepted by default, so a new share is found under "pending").
 */
export const ownerQuery = (projectId: string) => (v: string): Record<string, string> => {
  if (v === 'mine') return { owner: projectId };
  if (v === 'shared') return { visibility: 'shared', member_status: 'accepted' };
  if (v === 'pending' || v === 'rejected') return { visibility: 'shared', member_status: v };
  return { visibility: 'public' };
};

/** The images definition for one project (the owner filter's "mine" needs the project id). */
export function imageDefinition(projectId: string): ResourceDefinition<Image> {
  return {
    kind: 'image',
    slug: 'images',
    label: { singular: 'kinds.image.singular', plural: 'kinds.image.plural', noun: 'kinds.image.noun' },
    service: 'image',
    paths: { list: 'v2/images', item: (id) => `v2/images/${id}` },
    // GET v2/images/{id} answers the bare image (no wrapping key).
    keys: { list: 'images', item: '' },
    schema: ImageSchema,
    id: (i) => i.id,
    name: (i) => i.name ?? '',
    status: imageStatus,
    pageSize: 50,
    columns: [
      nameColumn((i) => i.name ?? '', { sortKey: 'name' }),
      statusColumn((i) => i.status, { sortKey: 'status' }),
      { id: 'visibility', label: 'kinds.image.fields.visibility', value: (i, ctx) => visibilityText(i, ctx.lookups.membership) },
      { id: 'disk_format', label: 'kinds.image.fields.diskFormat', value: (i) => i.disk_format ?? '', sortKey: 'disk_format' },
      // Hidden by default (Horizon's table leaves them out too), so the table fits a 1440 px screen.
      { id: 'container_format', label: 'kinds.image.fields.containerFormat', value: (i) => i.container_format ?? '', sortKey: 'container_format', hidden: true },
      { id: 'size', label: 'kinds.image.fields.size', value: (i) => formatBytes(i.size), sortKey: 'size' },
      { id: 'min_disk', label: 'kinds.image.fields.minDiskGb', value: (i) => i.min_disk ?? 0, hidden: true },
      { id: 'min_ram', label: 'kinds.image.fields.minRamMb', value: (i) => i.min_ram ?? 0, hidden: true },
      { id: 'protected', label: 'kinds.image.fields.protected', value: (i) => yesNo(i.protected) },
      { id: 'owner', label: 'kinds.image.fields.owner', value: (i) => (i.owner === projectId ? msg('kinds.image.values.thisProject', {}) : (i.owner ?? '')), cell: 'mono', sensitive: 'projectId' },
      ageColumn((i) => i.created_at, { sortKey: 'created_at' }),
      idColumn((i) => i.id, { short: 'id' }),
    ],
    defaultSort: { column: 'age', dir: 'desc' },
    filters: [
      nameFilter,
      statusFilter(IMAGE_STATUSES),
      { id: 'visibility', label: 'kinds.image.fields.visibility', type: 'select', options: choices([...VISIBILITIES, 'all']) },
      {
        id: 'owner', label: 'kinds.image.fields.owner', type: 'select',
        options: [
          { value: 'mine', label: 'kinds.image.filters.mine' },
          { value: 'shared', label: 'kinds.image.filters.shared' },
          { value: 'pending', label: 'kinds.image.filters.sharedPending' },
          { value: 'rejected', label: 'kinds.image.filters.sharedRejected' },
          { value: 'public', label: 'kinds.image.filters.public' },
        ],
        query: ownerQuery(projectId),
      },
    ],
    lookups: [
      {
        // Glance says a project's membership per image only: asked for the shared images of other projects.
        name: 'membership', kind: 'image-member', service: 'image', key: '',
        ids: (rows) => rows.filter((i) => i.visibility === 'shared' && i.owner !== projectId).map((i) => i.id),
        path: () => '', each: (id) => `v2/images/${id}/members/${projectId}`,
        label: (o) => String(o.status ?? ''),
      },
    ],
    actions: [
      membershipAction(projectId, 'accepted'), membershipAction(projectId, 'rejected'),
      setActive(projectId, false), setActive(projectId, true),
      ...IMAGE_ACTIONS,
    ],
    invalidates: ['image-member'],
    tabs: [
      {
        id: 'members', label: 'kinds.imageMember.plural', view: 'compact', list: (i) => imageMemberDefinition(i, projectId),
        table: 'kinds.imageMember.plural', empty: 'kinds.imageMember.empty',
        note: (i) => (i.visibility !== 'shared' && i.owner === projectId ? 'kinds.imageMember.notShared' : undefined),
      },
    ],
    // Horizon's row: Launch, Edit image (its owner's; Glance refuses others). Edit opens the image page's form.
    rowMenu: [
      {
        id: 'launch', label: 'kinds.image.rowMenu.launchInstance', when: (i) => i.status === 'active',
        to: (i) => ({ slug: 'instances', rest: 'new', query: `image=${encodeURIComponent(i.id)}` }), cli: (i) => `openstack server create --image ${i.id} --flavor <flavor> <name>`,
      },
      { id: 'edit', label: 'kinds.image.rowMenu.edit', panel: 'edit', when: (i) => i.owner === projectId && i.status !== 'pending_delete', cli: (i) => `openstack image set ... ${i.id}` },
    ],
    overview: [
      { label: 'common.id', value: (i) => i.id, mono: true },
      { label: 'common.status', value: (i) => i.status },
      { label: 'kinds.image.fields.visibility', value: (i, ctx) => visibilityText(i, ctx.lookups.membership) },
      { label: 'kinds.image.fields.protected', value: (i) => yesNo(i.protected) },
      { label: 'kinds.image.fields.diskFormat', value: (i) => i.disk_format ?? '' },
      { label: 'kinds.image.fields.containerFormat', value: (i) => i.container_format ?? '' },
      { label: 'kinds.image.fields.size', value: (i) => formatBytesExact(i.size) },
      { label: 'kinds.image.fields.virtualSize', value: (i) => formatBytesExact(i.virtual_size) },
      { label: 'kinds.image.fields.minDisk', value: (i) => msg('resource.size.gib', { size: i.min_disk ?? 0 }) },
      { label: 'kinds.image.fields.minRam', value: (i) => msg('resource.size.mib', { size: i.min_ram ?? 0 }) },
      { label: 'kinds.image.fields.owner', value: (i) => i.owner ?? '', mono: true, sensitive: 'projectId' },
      { label: 'kinds.image.fields.checksum', value: (i) => i.checksum ?? '', mono: true },
      { label: 'kinds.image.fields.hash', value: (i) => (i.os_hash_value ? `${i.os_hash_algo ?? ''}: ${i.os_hash_value}` : ''), mono: true },
      { label: 'kinds.image.fields.tags', value: (i) => (i.tags ?? []).join(', ') },
      { label: 'kinds.image.fields.hidden', value: (i) => yesNo(i.os_hidden) },
      { label: 'kinds.image.fields.stores', value: (i) => i.stores ?? '' },
      { label: 'common.created', value: (i) => i.created_at },
      { label: 'common.updated', value: (i) => i.updated_at ?? '' },
    ],
    cli: { list: 'openstack image list --long', show: (i) => `openstack image show ${i.id}` },
  };
}
