// Designate v2 zones. The catalog endpoint has no version (http://host:9001), so paths carry /v2.
// Zones answer bare objects (no wrapper key); create, update and delete answer 202 with status PENDING.
import { z } from 'zod';
import { command } from '../cli';
import { ageColumn, choices, deleteAction, idColumn, nameColumn, nameFilter, rowNames, statusColumn, statusFilter } from '../define';
import type { ApiRequest, ResourceDefinition, StatusInfo } from '../types';
import { recordsetDefinition } from './recordset';

export const DNS_SERVICE = 'dns';

export const ZoneSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().nullable().optional(),
  ttl: z.number().nullable().optional(),
  serial: z.number().nullable().optional(),
  status: z.string(),
  action: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  pool_id: z.string().nullable().optional(),
  project_id: z.string().nullable().optional(),
  version: z.number().nullable().optional(),
  masters: z.array(z.string()).nullable().optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
  transferred_at: z.string().nullable().optional(),
});
export type Zone = z.infer<typeof ZoneSchema>;

/** Zones and recordsets: PENDING is transitional (polled), ERROR is an error, ACTIVE is stable. */
export function designateStatus(r: { status: string; action?: string | null }): StatusInfo {
  const s = r.status.toUpperCase();
  if (s === 'PENDING') return { label: r.action && r.action !== 'NONE' ? `PENDING ${r.action}` : 'PENDING', tone: 'busy' };
  if (s === 'ERROR') return { label: r.action && r.action !== 'NONE' ? `ERROR (${r.action})` : 'ERROR', tone: 'error' };
  if (s === 'ACTIVE') return { label: 'ACTIVE', tone: 'ok' };
  return { label: r.status, tone: 'unknown' };
}

// ---- Create and edit -------------------------------------------------------------------------

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const ttlField = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 2147483647), { error: 'Enter a whole number of seconds (at least 1)' });

export const ZoneCreateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Enter the zone name, e.g. example.org.' })
    .refine((v) => v.endsWith('.'), { error: 'A zone name ends with a dot: example.org.' })
    .refine((v) => !v.endsWith('.') || (v.slice(0, -1).split('.').length >= 2 && v.slice(0, -1).split('.').every((l) => LABEL.test(l))), {
      error: 'Not a valid domain name (at least two labels of letters, digits and hyphens)',
    }),
  email: z.string().trim().regex(EMAIL, { error: 'Enter the zone administrator’s email address' }),
  ttl: ttlField,
  description: z.string().max(160, { error: 'At most 160 characters' }),
});
export type ZoneCreate = z.infer<typeof ZoneCreateSchema>;

export function zoneCreateRequest(i: ZoneCreate): ApiRequest {
  const body: Record<string, unknown> = { name: i.name.trim().toLowerCase(), email: i.email.trim(), type: 'PRIMARY' };
  if (i.ttl) body.ttl = Number(i.ttl);
  if (i.description) body.description = i.description;
  return { method: 'POST', path: 'v2/zones', body };
}

export function zoneCreateCli(i: Partial<ZoneCreate>): string {
  return command(
    'openstack', 'zone', 'create',
    '--email', i.email?.trim() || '<email>',
    ...(i.ttl ? ['--ttl', i.ttl] : []),
    ...(i.description ? ['--description', i.description] : []),
    i.name?.trim() || '<name.>',
  );
}

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
  return command(
    'openstack', 'zone', 'set',
    ...(i.email && i.email !== zone.email ? ['--email', i.email] : []),
    ...(i.ttl && Number(i.ttl) !== zone.ttl ? ['--ttl', i.ttl] : []),
    ...(i.description !== undefined && i.description !== (zone.description ?? '') ? (i.description ? ['--description', i.description] : ['--no-description']) : []),
    zone.name,
  );
}

const deleting = (z: Zone) => z.action === 'DELETE';

export const zoneDefinition: ResourceDefinition<Zone, ZoneCreate> = {
  kind: 'zone',
  slug: 'zones',
  label: { singular: 'Zone', plural: 'Zones' },
  service: DNS_SERVICE,
  paths: { list: 'v2/zones', item: (id) => `v2/zones/${id}` },
  keys: { list: 'zones', item: '' },
  schema: ZoneSchema,
  id: (z) => z.id,
  name: (z) => z.name,
  status: designateStatus,
  pageSize: 100,
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
  defaultSort: { column: 'name', dir: 'asc' },
  filters: [
    nameFilter,
    statusFilter(['ACTIVE', 'PENDING', 'ERROR']),
    { id: 'type', label: 'Type', type: 'select', options: choices(['PRIMARY', 'SECONDARY']) },
  ],
  actions: [
    deleteAction({
      noun: 'zone', allowed: (z) => !deleting(z), optimistic: (z) => ({ ...z, status: 'PENDING', action: 'DELETE' }),
      path: (z) => `v2/zones/${z.id}`, cli: (z) => command('openstack', 'zone', 'delete', z.name),
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
    ],
    defaults: { name: '', email: '', ttl: '', description: '' },
    request: zoneCreateRequest,
    responseKey: '',
    cli: zoneCreateCli,
    created: (body) => ZoneSchema.safeParse(body).data,
    title: 'New primary zone',
    heading: 'Create zone',
  },
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
  tabs: [{ id: 'recordsets', label: 'Recordsets', view: 'list', list: (z) => recordsetDefinition(z.id), createLink: { label: 'Create recordset', when: (z) => !deleting(z) } }],
  cli: { list: 'openstack zone list', show: (z) => command('openstack', 'zone', 'show', z.name) },
};

// ---- Export and import (zone files) ----------------------------------------------------------

export const ZoneExportSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  message: z.string().nullable().optional(),
  zone_id: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
});
export type ZoneExport = z.infer<typeof ZoneExportSchema>;

export const ZoneImportSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  message: z.string().nullable().optional(),
  zone_id: z.string().nullable().optional(),
});
export type ZoneImport = z.infer<typeof ZoneImportSchema>;

export const exportCreateRequest = (zoneId: string): ApiRequest => ({ method: 'POST', path: `v2/zones/${zoneId}/tasks/export` });
export const exportPath = (id: string) => `v2/zones/tasks/exports/${id}`;
export const exportFilePath = (id: string) => `v2/zones/tasks/exports/${id}/export`;
export const importPath = (id: string) => `v2/zones/tasks/imports/${id}`;
export const IMPORT_CREATE_PATH = 'v2/zones/tasks/imports';

/** Export and import tasks: PENDING until COMPLETE or ERROR. */
export const taskDone = (t: { status: string }) => t.status === 'COMPLETE' || t.status === 'ERROR';

/** `example.org.` -> `example.org.zone`, a safe file name. */
export const zoneFileName = (zoneName: string) => `${zoneName.replace(/\.$/, '').replace(/[^a-z0-9._-]/gi, '_') || 'zone'}.zone`;

