// Designate v2 recordsets of one zone: /v2/zones/{zone_id}/recordsets. The definition is made per zone
// (its paths and URL slug carry the zone id); the form model turns typed entries into Designate's records.
import { z } from 'zod';
import { command } from '../cli';
import { choices, deleteAction, idColumn, nameColumn, nameFilter, rowNames, statusColumn } from '../define';
import type { ApiRequest, ResourceDefinition } from '../types';
import { absoluteName, joinMx, joinSrv, quoteTxt, recordProblem, relativeName, ttlProblem, type FormRecordType } from './records';
import { designateStatus, DNS_SERVICE } from './zone';

export const RecordsetSchema = z.looseObject({
  id: z.string().min(1),
  zone_id: z.string(),
  zone_name: z.string().optional(),
  name: z.string(),
  type: z.string(),
  records: z.array(z.string()),
  ttl: z.number().nullable().optional(),
  status: z.string(),
  action: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  version: z.number().optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
});
export type Recordset = z.infer<typeof RecordsetSchema>;

/** Designate manages these: SOA can never be changed, the apex NS only by the pool. */
export const isManaged = (r: Recordset, zoneName?: string) => r.type === 'SOA' || (r.type === 'NS' && r.name === (zoneName ?? r.zone_name));

const cliZone = (r: Recordset) => r.zone_name ?? r.zone_id;

export function recordsetDefinition(zoneId: string): ResourceDefinition<Recordset> {
  return {
    kind: 'recordset',
    slug: `zones/${encodeURIComponent(zoneId)}/recordsets`,
    label: { singular: 'Recordset', plural: 'Recordsets' },
    service: DNS_SERVICE,
    paths: { list: `v2/zones/${zoneId}/recordsets`, item: (id) => `v2/zones/${zoneId}/recordsets/${id}` },
    keys: { list: 'recordsets', item: '' },
    schema: RecordsetSchema,
    id: (r) => r.id,
    name: (r) => `${r.name} ${r.type}`,
    status: designateStatus,
    pageSize: 100,
    columns: [
      nameColumn((r) => r.name, { sortKey: 'name' }),
      { id: 'type', label: 'Type', value: (r) => r.type, sortKey: 'type' },
      { id: 'records', label: 'Records', value: (r) => r.records, cell: 'list' },
      { id: 'ttl', label: 'TTL', value: (r) => r.ttl ?? 'default', sortKey: 'ttl' },
      statusColumn((r) => r.status, { sortKey: 'status' }),
      { id: 'description', label: 'Description', value: (r) => r.description ?? '', hidden: true },
      idColumn((r) => r.id),
    ],
    defaultSort: { column: 'name', dir: 'asc' },
    filters: [
      nameFilter,
      { id: 'type', label: 'Type', type: 'select', options: choices(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'SRV', 'TXT']) },
    ],
    actions: [
      deleteAction({
        noun: 'recordset', allowed: (r) => !isManaged(r) && r.action !== 'DELETE', optimistic: (r) => ({ ...r, status: 'PENDING', action: 'DELETE' }),
        path: (r) => `v2/zones/${zoneId}/recordsets/${r.id}`, cli: (r) => command('openstack', 'recordset', 'delete', cliZone(r), r.id),
        body: (rows) => `This deletes ${rowNames(rows, (r) => `${r.type} ${r.name}`)} from the zone.`,
      }),
    ],
    cli: { list: command('openstack', 'recordset', 'list', zoneId), show: (r) => command('openstack', 'recordset', 'show', cliZone(r), r.id) },
  };
}

// ---- The typed form ----------------------------------------------------------------------------

/** One record as the form edits it; MX and SRV have their parts, the others one value. */
export interface RecordEntry {
  value: string;
  priority: string;
  weight: string;
  port: string;
  target: string;
}

export const emptyEntry = (): RecordEntry => ({ value: '', priority: '', weight: '', port: '', target: '' });

export interface RecordsetFormValues {
  type: FormRecordType;
  name: string;
  ttl: string;
  description: string;
  entries: RecordEntry[];
}

/** Existing records -> form entries (for edit, and for ?records= prefill). */
export function entriesFromRecords(type: string, records: readonly string[]): RecordEntry[] {
  const out = records.map((rec) => {
    const parts = rec.trim().split(/\s+/);
    if (type === 'MX' && parts.length === 2) return { ...emptyEntry(), priority: parts[0], target: parts[1] };
    if (type === 'SRV' && parts.length === 4) return { ...emptyEntry(), priority: parts[0], weight: parts[1], port: parts[2], target: parts[3] };
    return { ...emptyEntry(), value: rec };
  });
  return out.length ? out : [emptyEntry()];
}

export interface RecordsetInput {
  name: string;
  type: string;
  records: string[];
  ttl: number | null;
  description: string;
}

/**
 * Validates the form: field errors keyed `name`, `ttl`, `description`, `records`, `records.<i>` (value),
 * `records.<i>.priority|weight|port|target`; or the recordset Designate should get.
 */
export function buildRecordset(v: RecordsetFormValues, zoneName: string, opts: { editing?: boolean } = {}): { input: RecordsetInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let name = '';
  if (!opts.editing) {
    const n = absoluteName(v.name, zoneName);
    if ('problem' in n) errors.name = n.problem;
    else name = n.name;
  }
  const ttl = ttlProblem(v.ttl);
  if (ttl) errors.ttl = ttl;
  if (v.description.length > 160) errors.description = 'At most 160 characters';

  const filled = v.entries.map((e, i) => ({ e, i })).filter(({ e }) => Object.values(e).some((x) => x.trim() !== ''));
  if (!filled.length) errors['records.0'] = v.type === 'MX' || v.type === 'SRV' ? 'Enter at least one record' : 'Enter a value';
  const records: string[] = [];
  for (const { e, i } of filled) {
    const k = `records.${i}`;
    if (v.type === 'MX') {
      if (!e.priority.trim()) errors[`${k}.priority`] = 'Enter the priority (e.g. 10)';
      else if (!/^\d{1,5}$/.test(e.priority.trim()) || Number(e.priority) > 65535) errors[`${k}.priority`] = 'A number from 0 to 65535';
      if (!e.target.trim()) errors[`${k}.target`] = 'Enter the mail server, e.g. mail.example.org.';
      if (errors[`${k}.priority`] || errors[`${k}.target`]) continue;
      const rec = joinMx(e.priority, e.target);
      const p = recordProblem('MX', rec);
      if (p) errors[`${k}.target`] = `${e.target.trim()} must be a fully qualified host name ending with a dot`;
      else records.push(rec);
    } else if (v.type === 'SRV') {
      for (const f of ['priority', 'weight', 'port'] as const) {
        const x = e[f].trim();
        if (!x) errors[`${k}.${f}`] = `Enter the ${f}`;
        else if (!/^\d{1,5}$/.test(x) || Number(x) > 65535) errors[`${k}.${f}`] = 'A number from 0 to 65535';
      }
      if (!e.target.trim()) errors[`${k}.target`] = 'Enter the target host, e.g. sip.example.org.';
      if (['priority', 'weight', 'port', 'target'].some((f) => errors[`${k}.${f}`])) continue;
      const rec = joinSrv(e.priority, e.weight, e.port, e.target);
      const p = recordProblem('SRV', rec);
      if (p) errors[`${k}.target`] = p;
      else records.push(rec);
    } else {
      const rec = v.type === 'TXT' ? quoteTxt(e.value) : e.value.trim();
      const p = recordProblem(v.type, rec);
      if (p) errors[k] = p;
      else records.push(rec);
    }
  }
  if (v.type === 'CNAME' && filled.length > 1) errors.records = 'A CNAME recordset holds exactly one name';
  if (new Set(records).size !== records.length) errors.records = 'The same record is listed twice';
  if (Object.keys(errors).length) return { errors };
  return { input: { name, type: v.type, records, ttl: v.ttl.trim() ? Number(v.ttl) : null, description: v.description } };
}

export function recordsetCreateRequest(zoneId: string, i: RecordsetInput): ApiRequest {
  const body: Record<string, unknown> = { name: i.name, type: i.type, records: i.records };
  if (i.ttl !== null) body.ttl = i.ttl;
  if (i.description) body.description = i.description;
  return { method: 'POST', path: `v2/zones/${zoneId}/recordsets`, body };
}

/** PUT takes records, ttl and description (name and type are fixed). */
export function recordsetUpdateRequest(r: Recordset, i: RecordsetInput): ApiRequest {
  return { method: 'PUT', path: `v2/zones/${r.zone_id}/recordsets/${r.id}`, body: { records: i.records, ttl: i.ttl, description: i.description || null } };
}

const recordWords = (records: readonly string[]) => (records.length ? records.flatMap((r) => ['--record', r]) : ['--record', '<record>']);

/**
 * The name word: relative to the zone (designateclient appends the zone to a name without a trailing dot), but
 * the apex as the zone's own name: `@` would become `@.<zone>`, which is not the apex.
 */
function cliRecordsetName(zoneName: string, name: string | undefined, rawName: string): string {
  if (name) return name === zoneName ? zoneName : relativeName(name, zoneName);
  const raw = rawName.trim();
  return raw === '@' ? zoneName : raw || '<name>';
}

export function recordsetCreateCli(zoneName: string, v: Partial<RecordsetInput> & { type: string }, rawName: string): string {
  return command(
    'openstack', 'recordset', 'create',
    '--type', v.type,
    ...recordWords(v.records ?? []),
    ...(v.ttl != null ? ['--ttl', String(v.ttl)] : []),
    ...(v.description ? ['--description', v.description] : []),
    zoneName,
    cliRecordsetName(zoneName, v.name, rawName),
  );
}

export function recordsetSetCli(r: Recordset, v: Partial<RecordsetInput>): string {
  return command(
    'openstack', 'recordset', 'set',
    ...recordWords(v.records ?? r.records),
    ...(v.ttl != null ? ['--ttl', String(v.ttl)] : ['--no-ttl']),
    ...(v.description ? ['--description', v.description] : []),
    r.zone_name ?? r.zone_id,
    r.id,
  );
}
