// Designate v2 zones. The catalog endpoint has no version (http://host:9001), so paths carry /v2.
// Zones answer bare objects (no wrapper key); create, update and delete answer 202 with status PENDING.
import { z } from 'zod';
import { command } from '../cli';
import { ageColumn, choices, define, idColumn, nameColumn, nameFilter, rest, rowNames, statusColumn, statusFilter } from '../define';
import { maybeNumbers, maybeStrings } from '../schema';
import type { ApiRequest } from '../types';
import { isEmail, isFqdn } from '../form/validate';
import { ptrDefinition, type Ptr } from './ptr';
import { recordsetDefinition, recordsetPages } from './recordset';
import { descriptionSchema, fqdnSchema, ttlAndDescription, ttlSchema } from './records';
import { DESIGNATE, designateBase, designateDelete, deleting, designateStatus } from './designate';

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
  name: fqdnSchema(
    'Enter the zone name, e.g. example.org.',
    'A zone name ends with a dot: example.org.',
    'Not a valid domain name (at least two labels of letters, digits and hyphens)',
    (v) => isFqdn(v) && v.split('.').length > 2,
  ),
  email: z.string().trim().refine(isEmail, { error: 'Enter the zone administrator’s email address' }),
  ttl: ttlSchema('Enter a whole number of seconds (at least 1)'),
  description: descriptionSchema,
});
export type ZoneCreate = z.infer<typeof ZoneCreateSchema>;

export function zoneCreateRequest(i: ZoneCreate): ApiRequest {
  const body = { name: i.name.trim().toLowerCase(), email: i.email.trim(), type: 'PRIMARY', ...ttlAndDescription(i) };
  return { method: 'POST', path: 'v2/zones', body };
}

export const zoneCreateCli = (i: Partial<ZoneCreate>) =>
  command('openstack', 'zone', 'create', { '--email': i.email?.trim() || '<email>', '--ttl': i.ttl || undefined, '--description': i.description || undefined }, i.name?.trim() || '<name.>');

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

const ZONE_FILE_EXAMPLE = '$ORIGIN example.org.\n$TTL 3600\nexample.org. IN SOA ns1.example.org. admin.example.org. 1 3600 600 86400 3600\nwww IN A 192.0.2.10';

/** A BIND zone file, sent as text/dns to POST /v2/zones/tasks/imports. */
const ZoneFileSchema = z.object({
  zonefile: z
    .string()
    .refine((v) => v.trim() !== '', { error: 'Choose a zone file or paste its text' })
    .refine((v) => !v.trim() || /^\s*(;[^\n]*\n\s*)*\$ORIGIN\s/i.test(v), { error: 'A zone file for Designate starts with a $ORIGIN line (e.g. $ORIGIN example.org.)' }),
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
  label: { singular: 'Zone', plural: 'Zones' },
  ...rest(DESIGNATE, 'v2/zones', ''),
  schema: ZoneSchema,
  columns: [
    nameColumn((z) => z.name, { sortKey: 'name' }),
    statusColumn((z) => z.status, { sortKey: 'status' }),
    { id: 'serial', label: 'Serial', value: (z) => z.serial ?? '', cell: 'mono', sortKey: 'serial' },
    { id: 'email', label: 'Email', value: (z) => z.email ?? '', sortKey: 'email' },
    { id: 'ttl', label: 'TTL', value: (z) => z.ttl ?? '', sortKey: 'ttl' },
    { id: 'type', label: 'Type', value: (z) => z.type ?? '', sortKey: 'type' },
    ageColumn((z) => z.created_at ?? '', { sortKey: 'created_at', hidden: true }),
    idColumn((z) => z.id),
  ],
  filters: [
    nameFilter,
    statusFilter(['ACTIVE', 'PENDING', 'ERROR']),
    { id: 'type', label: 'Type', type: 'select', options: choices(['PRIMARY', 'SECONDARY']) },
  ],
  actions: [
    designateDelete({
      noun: 'zone', path: (z) => `v2/zones/${z.id}`, cli: (z) => command('openstack', 'zone', 'delete', z.name),
      body: (r) => `This deletes ${rowNames(r, (z) => z.name, 3)} with all ${r.length === 1 ? 'its' : 'their'} recordsets. Names in ${r.length === 1 ? 'it' : 'them'} stop resolving.`,
    }),
  ],
  overview: [
    { label: 'ID', value: (z) => z.id, mono: true },
    { label: 'Name', value: (z) => z.name },
    { label: 'Status', value: (z) => designateStatus(z).label },
    { label: 'Type', value: (z) => z.type ?? '' },
    { label: 'Email', value: (z) => z.email ?? '' },
    { label: 'TTL', value: (z) => (z.ttl != null ? `${z.ttl} s` : '') },
    { label: 'Serial', value: (z) => z.serial ?? '', mono: true },
    { label: 'Description', value: (z) => z.description ?? '' },
    { label: 'Masters', value: (z) => (z.masters ?? []).join(', ') },
    { label: 'Pool ID', value: (z) => z.pool_id ?? '', mono: true, adminOnly: true },
    { label: 'Project ID', value: (z) => z.project_id ?? '', mono: true },
    { label: 'Created', value: (z) => z.created_at ?? '' },
    { label: 'Updated', value: (z) => z.updated_at ?? '' },
  ],
  create: {
    schema: ZoneCreateSchema,
    fields: [
      { name: 'name', label: 'Zone name', type: 'text', placeholder: 'example.org.', hint: 'Fully qualified, ending with a dot.' },
      { name: 'email', label: 'Email', type: 'text', placeholder: 'hostmaster@example.org', hint: 'The zone administrator (SOA record).' },
      { name: 'ttl', label: 'TTL (seconds)', type: 'number', placeholder: '3600', hint: 'Empty: the cloud’s default.' },
      { name: 'description', label: 'Description', type: 'text' },
      { name: 'zonefile', label: 'Zone file text', type: 'textfile', placeholder: ZONE_FILE_EXAMPLE, file: { label: 'Zone file', accept: '.zone,.txt,.db,text/dns,text/plain', maxBytes: 1024 * 1024, nameField: 'fileName' } },
    ],
    defaults: { name: '', email: '', ttl: '', description: '', zonefile: '', fileName: '' },
    request: zoneCreateRequest,
    responseKey: '',
    cli: zoneCreateCli,
    created: (body) => ZoneSchema.safeParse(body).data,
    title: 'New primary zone',
    heading: 'Create zone',
    modes: [
      { id: 'create', label: 'Create zone', fields: ['name', 'email', 'ttl', 'description'], submitLabel: 'Create zone' },
      {
        id: 'import', label: 'Import zone file', fields: ['zonefile'], submitLabel: 'Import', secondary: true,
        schema: ZoneFileSchema, request: zoneImportRequest, cli: (i: ZoneFile) => command('openstack', 'zone', 'import', 'create', i.fileName || '<zone-file>'),
        // The import runs in the background: polled to COMPLETE or ERROR, the form stays with its outcome.
        task: { schema: ZoneTaskSchema, path: (t) => importPath(t.id), done: taskDone, failed: (t) => (t.status === 'ERROR' ? t.message || 'No reason given' : undefined) },
        pending: 'Importing… Designate processes the file in the background.', errorTitle: 'Designate could not import the zone file', keep: true,
        outcome: (t: ZoneTask) => ({ message: t.message || 'Imported.', link: t.zone_id ? { label: 'Open the zone', slug: 'zones', rest: encodeURIComponent(t.zone_id) } : undefined }),
      },
    ],
  },
  // POST .../tasks/export, the export polled to COMPLETE, its file read as text/dns.
  downloads: [
    {
      label: 'Export zone file', busy: 'Exporting…', when: (z) => !deleting(z),
      start: (z) => ({ method: 'POST', path: `v2/zones/${z.id}/tasks/export` }),
      task: { schema: ZoneTaskSchema, path: (t) => exportPath(t.id), done: taskDone, failed: (t) => (t.status === 'ERROR' ? t.message || 'Designate could not export the zone' : undefined) },
      file: (z, t: ZoneTask) => ({ path: `${exportPath(t.id)}/export`, accept: 'text/dns', name: zoneFileName(z.name) }),
      cli: (z) => command('openstack', 'zone', 'export', 'create', z.name), again: (t) => `openstack zone export showfile ${t.id}`,
      errorTitle: 'The export failed',
    },
  ],
  forms: [
    {
      id: 'edit', label: 'Edit zone', when: (z) => !deleting(z),
      schema: ZoneEditSchema,
      fields: [
        { name: 'email', label: 'Email', type: 'text' },
        { name: 'ttl', label: 'TTL (seconds)', type: 'text', numeric: true },
        { name: 'description', label: 'Description', type: 'text' },
      ],
      initial: (z) => ({ email: z.email ?? '', ttl: z.ttl != null ? String(z.ttl) : '', description: z.description ?? '' }),
      request: zoneEditRequest,
      cli: (z, v) => zoneEditCli(z, v as Partial<ZoneEdit>),
      submitLabel: 'Save', errorTitle: 'Could not update the zone',
    },
  ],
  tabs: [
    {
      id: 'recordsets', label: 'Recordsets', view: 'list', list: (z) => recordsetDefinition(z.id, z),
      // With the zone, the create and edit pages: zones/<id>/recordsets/new and zones/<id>/recordsets/<recordset id>.
      createLink: { label: 'Create recordset', when: (z) => !deleting(z) }, pages: recordsetPages,
    },
  ],
  companions: [
    {
      def: ptrDefinition, heading: 'Reverse DNS', title: (p: Ptr) => `Reverse DNS for ${p.address ?? p.id}`, empty: 'This project has no floating IPs.',
      intro: "PTR records of this project's floating IPs, so that their addresses resolve back to a name.",
    },
  ],
  cli: { list: 'openstack zone list', show: (z) => command('openstack', 'zone', 'show', z.name) },
});
