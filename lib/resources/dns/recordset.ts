// Designate v2 recordsets of one zone: /v2/zones/{zone_id}/recordsets. The definition is made per zone (its paths
// and URL slug carry the zone id); given the zone itself, it has the create and edit forms, whose records field
// turns typed entries (MX and SRV in their parts) into Designate's records.
import { z } from 'zod';
import { command } from '../cli';
import { choices, define, idColumn, nameColumn, nameFilter, rest, rowNames, statusColumn } from '../define';
import { checkRows } from '../form/rows';
import { maybeStrings } from '../schema';
import type { ApiRequest, ChildPages, FormField, FormValue, ResourceDefinition, RowColumn, RowsSpec } from '../types';
import { absoluteName, FORM_RECORD_TYPES, quoteTxt, recordProblem, relativeName, ttlProblem, uint16, type FormRecordType } from './records';
import { DESIGNATE, designateBase, designateDelete } from './designate';
import type { Zone } from './zone';

export const RecordsetSchema = z.looseObject({
  id: z.string().min(1),
  zone_id: z.string(),
  zone_name: z.string().optional(),
  name: z.string(),
  type: z.string(),
  records: z.array(z.string()),
  ttl: z.number().nullable().optional(),
  status: z.string(),
  ...maybeStrings('action', 'description', 'created_at', 'updated_at'),
  version: z.number().optional(),
});
export type Recordset = z.infer<typeof RecordsetSchema>;

/** Designate manages these: SOA can never be changed, the apex NS only by the pool. */
export const isManaged = (r: Recordset, zoneName?: string) => r.type === 'SOA' || (r.type === 'NS' && r.name === (zoneName ?? r.zone_name));

const cliZone = (r: Recordset) => r.zone_name ?? r.zone_id;

/**
 * A zone's recordset pages; "Create DNS record" from another page (an instance with a floating IP) lands on the zone
 * picker with ?type=&records=&name=, then the create form opens prefilled.
 */
export const recordsetPages: ChildPages<Recordset> = {
  name: (r) => `${r.type} ${r.name}`,
  // SOA and the types the form does not know: their records as they are.
  notEditable: (r) => ({ text: `${r.type} recordsets are managed by Designate or not editable here.`, content: r.records.join('\n') }),
  picker: {
    name: 'record', heading: 'Create DNS record', required: 'Choose the zone for the record',
    summary: { label: 'Record to create', text: (q) => [q.get('type'), q.get('name'), q.getAll('records').join(', ')].filter(Boolean).join(' ') },
  },
};

export function recordsetDefinition(zoneId: string, zone?: Zone): ResourceDefinition<Recordset, RecordsetInput> {
  return define<Recordset, RecordsetInput>({
    ...designateBase,
    kind: 'recordset',
    slug: `zones/${encodeURIComponent(zoneId)}/recordsets`,
    label: { singular: 'Recordset', plural: 'Recordsets' },
    ...rest(DESIGNATE, `v2/zones/${zoneId}/recordsets`, ''),
    schema: RecordsetSchema,
    name: (r) => `${r.name} ${r.type}`,
    columns: [
      nameColumn((r) => r.name, { sortKey: 'name' }),
      { id: 'type', label: 'Type', value: (r) => r.type, sortKey: 'type' },
      { id: 'records', label: 'Records', value: (r) => r.records, cell: 'list' },
      { id: 'ttl', label: 'TTL', value: (r) => r.ttl ?? 'default', sortKey: 'ttl' },
      statusColumn((r) => r.status, { sortKey: 'status' }),
      { id: 'description', label: 'Description', value: (r) => r.description ?? '', hidden: true },
      idColumn((r) => r.id),
    ],
    filters: [
      nameFilter,
      { id: 'type', label: 'Type', type: 'select', options: choices(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'SRV', 'TXT']) },
    ],
    actions: [
      designateDelete({
        noun: 'recordset', allowed: (r) => !isManaged(r),
        path: (r) => `v2/zones/${zoneId}/recordsets/${r.id}`, cli: (r) => command('openstack', 'recordset', 'delete', cliZone(r), r.id),
        body: (rows) => `This deletes ${rowNames(rows, (r) => `${r.type} ${r.name}`)} from the zone.`,
      }),
    ],
    // A recordset change bumps the zone's serial.
    invalidates: ['zone'],
    ...(zone && recordsetForms(zone)),
    cli: { list: command('openstack', 'recordset', 'list', zoneId), show: (r) => command('openstack', 'recordset', 'show', cliZone(r), r.id) },
  });
}

// ---- The typed form ----------------------------------------------------------------------------

/** One record as the form edits it; MX and SRV have their parts, the others one value. */
export type RecordEntry = { value: string; priority: string; weight: string; port: string; target: string };

export const emptyEntry = (): RecordEntry => ({ value: '', priority: '', weight: '', port: '', target: '' });

export interface RecordsetFormValues {
  type: FormRecordType;
  name: string;
  ttl: string;
  description: string;
  entries: RecordEntry[];
}

/** One record string -> its entry (MX and SRV split into their parts). */
function entryFromRecord(type: string, rec: string): RecordEntry {
  const parts = rec.trim().split(/\s+/);
  if (type === 'MX' && parts.length === 2) return { ...emptyEntry(), priority: parts[0], target: parts[1] };
  if (type === 'SRV' && parts.length === 4) return { ...emptyEntry(), priority: parts[0], weight: parts[1], port: parts[2], target: parts[3] };
  return { ...emptyEntry(), value: rec };
}

/** Existing records -> form entries (for edit, and for ?records= prefill). */
export function entriesFromRecords(type: string, records: readonly string[]): RecordEntry[] {
  const out = records.map((rec) => entryFromRecord(type, rec));
  return out.length ? out : [emptyEntry()];
}

export interface RecordsetInput {
  name: string;
  type: string;
  records: string[];
  ttl: number | null;
  description: string;
}

/** Per type: the value's label and an example (MX and SRV have their own part fields), and the hint under the records. */
const RECORD_TYPES: Record<FormRecordType, [label: string, placeholder: string, hint: string]> = {
  A: ['IPv4 address', '192.0.2.10', 'One IPv4 address per record.'],
  AAAA: ['IPv6 address', '2001:db8::10', 'One IPv6 address per record.'],
  CNAME: ['Canonical name', 'web.example.org.', 'Exactly one fully qualified name, ending with a dot. No other record may share this name.'],
  MX: ['Mail server', 'mail.example.org.', 'Lower priorities are tried first; the mail server is a fully qualified name ending with a dot.'],
  TXT: ['Text', '"v=spf1 -all"', 'Each record is one or more quoted strings; unquoted text is quoted for you.'],
  SRV: ['Target', 'sip.example.org.', 'Name it _service._proto (e.g. _sip._tcp); the target is a fully qualified name ending with a dot.'],
  NS: ['Name server', 'ns1.example.org.', 'A name server for a delegated subdomain, ending with a dot.'],
  PTR: ['Host name', 'host.example.org.', 'The host name this address resolves to, ending with a dot.'],
};

const typeOf = (v: Record<string, FormValue>) => v.type as FormRecordType;
/** The value cell's label and example for the chosen type. */
const valueCell = (v: Record<string, FormValue>) => ({ label: RECORD_TYPES[typeOf(v)][0], placeholder: RECORD_TYPES[typeOf(v)][1] });
const inParts = (v: Record<string, FormValue>) => v.type === 'MX' || v.type === 'SRV';
/** A number part of MX and SRV records, in the order Designate writes them. */
const part = (name: string, example: string, types: readonly string[]): RowColumn => ({
  name, label: name[0].toUpperCase() + name.slice(1), placeholder: example, numeric: true, narrow: true, required: `Enter the ${name}`, check: (x) => (uint16(x) ? undefined : 'A number from 0 to 65535'), when: (v) => types.includes(typeOf(v)),
});

/** The records field: one value per record, or MX's and SRV's parts, labelled by the type. */
const ENTRIES: RowsSpec = {
  columns: [
    { ...part('priority', '10', ['MX', 'SRV']), vary: (v) => (v.type === 'MX' ? { required: 'Enter the priority (e.g. 10)' } : {}) },
    part('weight', '5', ['SRV']),
    part('port', '5060', ['SRV']),
    {
      name: 'target', label: 'Target', when: inParts,
      vary: (v) => ({ ...valueCell(v), required: v.type === 'MX' ? 'Enter the mail server, e.g. mail.example.org.' : 'Enter the target host, e.g. sip.example.org.' }),
    },
    { name: 'value', label: 'Value', when: (v) => !inParts(v), vary: (v) => ({ ...valueCell(v), mono: v.type === 'TXT' }) },
  ],
  empty: emptyEntry(),
  add: 'Add another record',
  remove: (n) => `Remove record ${n}`,
  note: (v) => RECORD_TYPES[typeOf(v)][2],
  single: (v) => v.type === 'CNAME',
  parse: (item, v) => entryFromRecord(String(v.type), item),
};

/**
 * Validates the form: field errors keyed `name`, `ttl`, `description`, `entries` (the records as a whole) and
 * `entries.<i>.value|priority|weight|port|target` (the form's cells); or the recordset Designate should get.
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

  const values = v as unknown as Record<string, FormValue>;
  const rows = checkRows('entries', ENTRIES, v.entries, values);
  Object.assign(errors, rows.errors);
  if (!rows.filled.length) errors[inParts(values) ? 'entries' : 'entries.0.value'] = inParts(values) ? 'Enter at least one record' : 'Enter a value';
  const records: string[] = [];
  for (const { row, i } of rows.ok) {
    // The shown cells in Designate's order: the value, or MX's and SRV's parts and target.
    const cells = rows.columns.map((c) => row[c.name as keyof RecordEntry].trim());
    const rec = v.type === 'TXT' ? quoteTxt(cells[0]) : cells.join(' ');
    const p = recordProblem(v.type, rec);
    if (p) errors[`entries.${i}.${inParts(values) ? 'target' : 'value'}`] = p;
    else records.push(rec);
  }
  if (v.type === 'CNAME' && rows.filled.length > 1) errors.entries = 'A CNAME recordset holds exactly one name';
  if (new Set(records).size !== records.length) errors.entries = 'The same record is listed twice';
  if (Object.keys(errors).length) return { errors };
  return { input: { name, type: v.type, records, ttl: v.ttl.trim() ? Number(v.ttl) : null, description: v.description } };
}

/** buildRecordset()'s checks as a schema, so that the form shows its errors by field (`entries.0.priority`). */
const recordsetSchema = (zoneName: string, editing: boolean) =>
  z.custom<RecordsetFormValues>().transform((v, ctx) => {
    const r = buildRecordset(v, zoneName, { editing });
    if ('input' in r) return r.input;
    for (const [key, message] of Object.entries(r.errors)) ctx.addIssue({ code: 'custom', path: [key], message });
    return z.NEVER;
  });

/** The create form (prefilled by ?type=&name=&records=&ttl=&description=) and the edit form of a zone's recordsets. */
function recordsetForms(zone: Zone): Pick<ResourceDefinition<Recordset, RecordsetInput>, 'create' | 'forms'> {
  const fields: FormField[] = [
    // A CNAME holds one record: the others go.
    { name: 'type', label: 'Type', type: 'select', options: choices(FORM_RECORD_TYPES), query: true, resets: (t, v): Record<string, FormValue> => (t === 'CNAME' ? { entries: (v.entries as RecordEntry[]).slice(0, 1) } : {}) },
    {
      name: 'name', label: 'Name', type: 'text', placeholder: 'www', query: { read: ([n]) => n.toLowerCase().replace(/[^a-z0-9_.*@-]+/g, '-') },
      hint: `Relative to the zone (www means www.${zone.name}), absolute with a trailing dot, or @ for ${zone.name} itself.`,
    },
    { name: 'entries', label: 'Records', type: 'rows', rows: ENTRIES, vary: (v) => ({ label: `Records (${v.type})` }), query: { param: 'records' } },
    { name: 'ttl', label: 'TTL (seconds)', type: 'text', numeric: true, placeholder: zone.ttl != null ? String(zone.ttl) : '', hint: "Empty: the zone's TTL.", query: true },
    { name: 'description', label: 'Description', type: 'text', query: true },
  ];
  const editCli = (r: Recordset, v: Record<string, FormValue>) => {
    const built = buildRecordset(v as unknown as RecordsetFormValues, zone.name, { editing: true });
    return recordsetSetCli(r, 'input' in built ? built.input : {});
  };
  return {
    create: {
      schema: recordsetSchema(zone.name, false),
      fields,
      defaults: { type: 'A', name: '', ttl: '', description: '', entries: [emptyEntry()] },
      request: (i) => recordsetCreateRequest(zone.id, i),
      // Until the form parses, the values as typed: the type and the name.
      cli: (i) => ('entries' in i ? recordsetCreateCli(zone.name, { type: i.type }, i.name) : recordsetCreateCli(zone.name, i, i.name)),
      title: 'Create recordset', submitLabel: 'Create recordset', errorTitle: 'Designate refused the recordset',
    },
    forms: [
      {
        id: 'edit', label: 'Edit recordset', schema: recordsetSchema(zone.name, true),
        when: (r) => (FORM_RECORD_TYPES as readonly string[]).includes(r.type),
        fields: fields.filter((f) => f.name !== 'type' && f.name !== 'name'),
        initial: (r) => ({ type: r.type, name: relativeName(r.name, zone.name), ttl: r.ttl != null ? String(r.ttl) : '', description: r.description ?? '', entries: entriesFromRecords(r.type, r.records) }),
        request: recordsetUpdateRequest, cli: editCli,
        submitLabel: 'Save recordset', errorTitle: 'Designate refused the change',
      },
    ],
  };
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
    { '--ttl': v.ttl != null && String(v.ttl), '--description': v.description || undefined },
    zoneName,
    cliRecordsetName(zoneName, v.name, rawName),
  );
}

export function recordsetSetCli(r: Recordset, v: Partial<RecordsetInput>): string {
  return command(
    'openstack', 'recordset', 'set',
    ...recordWords(v.records ?? r.records),
    { '--ttl': v.ttl != null && String(v.ttl), '--no-ttl': v.ttl == null, '--description': v.description || undefined },
    cliZone(r),
    r.id,
  );
}
