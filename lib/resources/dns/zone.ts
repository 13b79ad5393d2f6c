// Designate v2 zones. The catalog endpoint has no version (http://host:9001), so paths carry /v2.
// Zones answer bare objects (no wrapper key); create, update and delete answer 202 with status PENDING.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, choices, define, idColumn, nameColumn, nameFilter, rest, rowNames, statusColumn, statusFilter } from '../define';
import { maybeNumbers, maybeStrings } from '../schema';
import type { ApiRequest } from '../types';
import { isEmail, isFqdn } from '../form/validate';
import { ptrDefinition, type Ptr } from './ptr';
import { recordsetDefinition, recordsetPages } from './recordset';
import { descriptionSchema, fqdnSchema, ttlAndDescription, ttlSchema, withTrailingDot } from './records';
import { DESIGNATE, designateBase, designateDelete, deleting, designateLabel } from './designate';

export const ZoneSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  ...maybeStrings('email', 'action', 'type', 'description', 'pool_id', 'project_id', 'created_at', 'updated_at', 'transferred_at'),
  ...maybeNumbers('ttl', 'serial', 'version'),
  masters: z.array(z.string()).nullable().optional(),
});
export type Zone = z.infer<typeof ZoneSchema>;

// ---- Create and edit -------------------------------------------------------------------------

export const ZoneCreateSchema = z.object({
  // At least two labels: Designate refuses a top-level domain.
  name: fqdnSchema('kinds.zone.errors.nameEmpty', 'kinds.zone.errors.nameInvalid', (v) => isFqdn(v) && v.split('.').length > 2),
  email: z.string().trim().refine(isEmail, { error: 'kinds.zone.errors.email' }),
  ttl: ttlSchema('kinds.zone.errors.ttl'),
  description: descriptionSchema,
});
export type ZoneCreate = z.infer<typeof ZoneCreateSchema>;

export function zoneCreateRequest(i: ZoneCreate): ApiRequest {
  const body = { name: withTrailingDot(i.name).toLowerCase(), email: i.email.trim(), type: 'PRIMARY', ...ttlAndDescription(i) };
  return { method: 'POST', path: 'v2/zones', body };
}

export const zoneCreateCli = (i: Partial<ZoneCreate>) =>
  command('openstack', 'zone', 'create', { '--email': i.email?.trim() || '<email>', '--ttl': i.ttl || undefined, '--description': i.description || undefined }, withTrailingDot(i.name ?? '') || '<name.>');

export const ZoneEditSchema = ZoneCreateSchema.pick({ email: true, ttl: true, description: true });
export type ZoneEdit = z.infer<typeof ZoneEditSchema>;

/** PATCH with only the changed fields (Designate refuses name and type changes). */
export function zoneEditRequest(zone: Zone, i: ZoneEdit): ApiRequest | undefined {
  const body: Record<string, unknown> = {};
  if (i.email.trim() !== (zone.email ?? '')) body.email = i.email.trim();
  if (i.ttl && Number(i.ttl) !== zone.ttl) body.ttl = Number(i.ttl);
  if (i.description !== (zone.description ?? '')) body.description = i.description || null;
  return Object.keys(body).length ? { method: 'PATCH', path: `v2/zones/${zone.id}`, body } : undefined;
}

export function zoneEditCli(zone: Zone, i: Partial<ZoneEdit>): string {
  const description = i.description !== undefined && i.description !== (zone.description ?? '') ? i.description : undefined;
  const changed = (v: string | undefined, was: unknown) => (v && v !== String(was ?? '') ? v : undefined);
  return command('openstack', 'zone', 'set', { '--email': changed(i.email, zone.email), '--ttl': changed(i.ttl, zone.ttl), '--description': description || undefined, '--no-description': description === '' }, zone.name);
}

// ---- Export and import (zone files) ----------------------------------------------------------

/** A BIND zone file, sent as text/dns to POST /v2/zones/tasks/imports. */
const ZoneFileSchema = z.object({
  zonefile: z
    .string()
    .refine((v) => v.trim() !== '', { error: 'kinds.zone.errors.zonefileEmpty' })
    .refine((v) => !v.trim() || /^\s*(;[^\n]*\n\s*)*\$ORIGIN\s/i.test(v), { error: 'kinds.zone.errors.zonefileOrigin' }),
  fileName: z.string(),
});
type ZoneFile = z.infer<typeof ZoneFileSchema>;

const zoneImportRequest = (i: ZoneFile): ApiRequest => ({ method: 'POST', path: 'v2/zones/tasks/imports', body: i.zonefile, headers: { 'Content-Type': 'text/dns' } });

/** An export or import task (an export's `location` says where its file is, an import's `zone_id` what it made). */
const ZoneTaskSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  ...maybeStrings('message', 'zone_id', 'location'),
});
type ZoneTask = z.infer<typeof ZoneTaskSchema>;

const exportPath = (id: string) => `v2/zones/tasks/exports/${id}`;
const importPath = (id: string) => `v2/zones/tasks/imports/${id}`;

/** Export and import tasks: PENDING until COMPLETE or ERROR. */
const taskDone = (t: { status: string }) => t.status === 'COMPLETE' || t.status === 'ERROR';

/** `example.org.` -> `example.org.zone`, a safe file name. */
const zoneFileName = (zoneName: string) => `${zoneName.replace(/\.$/, '').replace(/[^a-z0-9._-]/gi, '_') || 'zone'}.zone`;

export const zoneDefinition = define<Zone, ZoneCreate>({
  ...designateBase,
  kind: 'zone',
  slug: 'zones',
  label: { singular: 'kinds.zone.singular', plural: 'kinds.zone.plural', noun: 'kinds.zone.noun' },
  ...rest(DESIGNATE, 'v2/zones', ''),
  schema: ZoneSchema,
  columns: [
    nameColumn((z) => z.name, { sortKey: 'name' }),
    statusColumn((z) => z.status, { sortKey: 'status' }),
    { id: 'serial', label: 'kinds.zone.fields.serial', value: (z) => z.serial ?? '', cell: 'mono', sortKey: 'serial' },
    { id: 'email', label: 'kinds.zone.fields.email', value: (z) => z.email ?? '', sortKey: 'email' },
    { id: 'ttl', label: 'kinds.zone.fields.ttl', value: (z) => z.ttl ?? '', sortKey: 'ttl' },
    { id: 'type', label: 'common.type', value: (z) => z.type ?? '', sortKey: 'type' },
    ageColumn((z) => z.created_at ?? '', { sortKey: 'created_at', hidden: true }),
    idColumn((z) => z.id),
  ],
  filters: [
    nameFilter,
    statusFilter(['ACTIVE', 'PENDING', 'ERROR']),
    { id: 'type', label: 'common.type', type: 'select', options: choices(['PRIMARY', 'SECONDARY']) },
  ],
  actions: [
    designateDelete({
      title: 'kinds.zone.confirm.deleteTitle', path: (z) => `v2/zones/${z.id}`, cli: (z) => command('openstack', 'zone', 'delete', z.name),
      body: (r) => msg('kinds.zone.confirm.deleteBody', { count: r.length, ...rowNames(r, (z) => z.name, 3) }),
    }),
  ],
  overview: [
    { label: 'common.id', value: (z) => z.id, mono: true },
    { label: 'common.name', value: (z) => z.name },
    { label: 'common.status', value: designateLabel },
    { label: 'common.type', value: (z) => z.type ?? '' },
    { label: 'kinds.zone.fields.email', value: (z) => z.email ?? '' },
    { label: 'kinds.zone.fields.ttl', value: (z) => (z.ttl != null ? `${z.ttl} s` : '') },
    { label: 'kinds.zone.fields.serial', value: (z) => z.serial ?? '', mono: true },
    { label: 'common.description', value: (z) => z.description ?? '' },
    { label: 'kinds.zone.fields.masters', value: (z) => (z.masters ?? []).join(', ') },
    { label: 'kinds.zone.fields.poolId', value: (z) => z.pool_id ?? '', mono: true, adminOnly: true },
    { label: 'common.projectId', value: (z) => z.project_id ?? '', mono: true, sensitive: 'projectId' },
    { label: 'common.created', value: (z) => z.created_at ?? '' },
    { label: 'common.updated', value: (z) => z.updated_at ?? '' },
  ],
  create: {
    schema: ZoneCreateSchema,
    fields: [
      { name: 'name', label: 'kinds.zone.form.name', type: 'text', placeholder: 'kinds.zone.form.namePlaceholder', hint: 'kinds.zone.form.nameHint' },
      { name: 'email', label: 'kinds.zone.fields.email', type: 'text', placeholder: 'kinds.zone.form.emailPlaceholder', hint: 'kinds.zone.form.emailHint' },
      { name: 'ttl', label: 'kinds.zone.form.ttl', type: 'number', placeholder: 'kinds.zone.form.ttlPlaceholder', hint: 'kinds.zone.form.ttlHint' },
      { name: 'description', label: 'common.description', type: 'text' },
      { name: 'zonefile', label: 'kinds.zone.form.zonefile', type: 'textfile', placeholder: 'kinds.zone.form.zonefilePlaceholder', file: { label: 'kinds.zone.form.zonefileFile', accept: '.zone,.txt,.db,text/dns,text/plain', maxBytes: 1024 * 1024, nameField: 'fileName' } },
    ],
    defaults: { name: '', email: '', ttl: '', description: '', zonefile: '', fileName: '' },
    request: zoneCreateRequest,
    responseKey: '',
    cli: zoneCreateCli,
    created: (body) => ZoneSchema.safeParse(body).data,
    title: 'kinds.zone.create.title',
    heading: 'kinds.zone.create.heading',
    modes: [
      { id: 'create', label: 'kinds.zone.create.heading', fields: ['name', 'email', 'ttl', 'description'], submitLabel: 'kinds.zone.create.heading' },
      {
        id: 'import', label: 'kinds.zone.import.label', fields: ['zonefile'], submitLabel: 'kinds.zone.import.submit', secondary: true,
        schema: ZoneFileSchema, request: zoneImportRequest, cli: (i: ZoneFile) => command('openstack', 'zone', 'import', 'create', i.fileName || '<zone-file>'),
        // The import runs in the background: polled to COMPLETE or ERROR, the form stays with its outcome.
        task: { schema: ZoneTaskSchema, path: (t) => importPath(t.id), done: taskDone, failed: (t) => (t.status === 'ERROR' ? t.message || 'kinds.zone.import.noReason' : undefined) },
        pending: 'kinds.zone.import.pending', errorTitle: 'kinds.zone.import.errorTitle', keep: true,
        // Designate's own message when it gives one.
        outcome: (t: ZoneTask) => ({ message: t.message || 'kinds.zone.import.done', link: t.zone_id ? { label: 'kinds.zone.import.open', slug: 'zones', rest: encodeURIComponent(t.zone_id) } : undefined }),
      },
    ],
  },
  // POST .../tasks/export, the export polled to COMPLETE, its file read as text/dns.
  downloads: [
    {
      label: 'kinds.zone.export.label', busy: 'kinds.zone.export.busy', when: (z) => !deleting(z),
      start: (z) => ({ method: 'POST', path: `v2/zones/${z.id}/tasks/export` }),
      task: { schema: ZoneTaskSchema, path: (t) => exportPath(t.id), done: taskDone, failed: (t) => (t.status === 'ERROR' ? t.message || 'kinds.zone.export.failed' : undefined) },
      file: (z, t: ZoneTask) => ({ path: `${exportPath(t.id)}/export`, accept: 'text/dns', name: zoneFileName(z.name) }),
      cli: (z) => command('openstack', 'zone', 'export', 'create', z.name), again: (t) => `openstack zone export showfile ${t.id}`,
      errorTitle: 'kinds.zone.export.errorTitle',
    },
  ],
  forms: [
    {
      id: 'edit', label: 'kinds.zone.edit.label', when: (z) => !deleting(z),
      schema: ZoneEditSchema,
      fields: [
        { name: 'email', label: 'kinds.zone.fields.email', type: 'text' },
        { name: 'ttl', label: 'kinds.zone.form.ttl', type: 'text', numeric: true },
        { name: 'description', label: 'common.description', type: 'text' },
      ],
      initial: (z) => ({ email: z.email ?? '', ttl: z.ttl != null ? String(z.ttl) : '', description: z.description ?? '' }),
      request: zoneEditRequest,
      cli: (z, v) => zoneEditCli(z, v as Partial<ZoneEdit>),
      submitLabel: 'common.save', errorTitle: 'kinds.zone.edit.errorTitle',
    },
  ],
  // Horizon's row: Create record set; Edit zone comes from the form below (lib/resources/row-menu.ts).
  rowMenu: [
    {
      id: 'create-recordset', label: 'kinds.recordset.create.title', when: (z) => !deleting(z),
      to: (z) => ({ slug: 'zones', rest: `${encodeURIComponent(z.id)}/recordsets/new` }), cli: (z) => `openstack recordset create --type <type> --record <value> ${z.name} <name>`,
    },
  ],
  tabs: [
    {
      id: 'recordsets', label: 'kinds.recordset.plural', view: 'list', list: (z) => recordsetDefinition(z.id, z),
      // With the zone, the create and edit pages: zones/<id>/recordsets/new and zones/<id>/recordsets/<recordset id>.
      createLink: { label: 'kinds.recordset.create.title', when: (z) => !deleting(z) }, pages: recordsetPages,
    },
  ],
  companions: [
    {
      def: ptrDefinition, heading: 'kinds.ptr.companion.heading', title: (p: Ptr) => msg('kinds.ptr.companion.title', { address: p.address ?? p.id }), empty: 'kinds.ptr.companion.empty',
      intro: 'kinds.ptr.companion.intro',
    },
  ],
  // Designate keeps no event history: a zone's updated_at or status changing on the list is the activity.
  activity: { type: 'status', sortKey: 'updated_at', updated: (z) => z.updated_at ?? z.created_at },
  cli: { list: 'openstack zone list', show: (z) => command('openstack', 'zone', 'show', z.name) },
});
