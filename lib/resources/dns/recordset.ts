// Designate v2 recordsets of one zone: /v2/zones/{zone_id}/recordsets. The definition is made per zone (its paths
// and URL slug carry the zone id); given the zone itself, it has the create and edit forms, whose records field
// turns typed entries (MX and SRV in their parts) into Designate's records.
import { z } from 'zod';
import { msg, type MsgKey, type Text } from '@/lib/i18n/msg';
import { command } from '../cli';
import { choices, define, idColumn, nameColumn, nameFilter, rest, rowNames, statusColumn } from '../define';
import { checkRows } from '../form/rows';
import { issueText } from '@/lib/i18n/issue';
import { maybeStrings } from '../schema';
import type { ApiRequest, ChildPages, FormField, FormValue, ResourceDefinition, RowColumn, RowsSpec } from '../types';
import { absoluteName, FORM_RECORD_TYPES, qualifyRecord, quoteTxt, recordProblem, relativeName, ttlProblem, uint16, type FormRecordType } from './records';
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
  notEditable: (r) => ({ text: msg('kinds.recordset.notEditable', { type: r.type }), content: r.records.join('\n') }),
  picker: {
    name: 'record', heading: 'kinds.recordset.picker.heading', required: 'kinds.recordset.picker.required',
    // The record as the query gives it: its type, name and values.
    summary: { label: 'kinds.recordset.picker.summary', text: (q) => [q.get('type'), q.get('name'), q.getAll('records').join(', ')].filter(Boolean).join(' ') },
  },
};

export function recordsetDefinition(zoneId: string, zone?: Zone): ResourceDefinition<Recordset, RecordsetInput> {
  return define<Recordset, RecordsetInput>({
    ...designateBase,
    kind: 'recordset',
    slug: `zones/${encodeURIComponent(zoneId)}/recordsets`,
    label: { singular: 'kinds.recordset.singular', plural: 'kinds.recordset.plural', noun: 'kinds.recordset.noun' },
    ...rest(DESIGNATE, `v2/zones/${zoneId}/recordsets`, ''),
    schema: RecordsetSchema,
    name: (r) => `${r.name} ${r.type}`,
    columns: [
      nameColumn((r) => r.name, { sortKey: 'name' }),
      { id: 'type', label: 'common.type', value: (r) => r.type, sortKey: 'type' },
      { id: 'records', label: 'kinds.recordset.fields.records', value: (r) => r.records, cell: 'list' },
      { id: 'ttl', label: 'kinds.recordset.fields.ttl', value: (r) => r.ttl ?? msg('kinds.recordset.fields.ttlDefault', {}), sortKey: 'ttl' },
      statusColumn((r) => r.status, { sortKey: 'status' }),
      { id: 'description', label: 'common.description', value: (r) => r.description ?? '', hidden: true },
      idColumn((r) => r.id),
    ],
    filters: [
      nameFilter,
      { id: 'type', label: 'common.type', type: 'select', options: choices(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'SRV', 'TXT']) },
    ],
    actions: [
      designateDelete({
        title: 'kinds.recordset.confirm.deleteTitle', allowed: (r) => !isManaged(r),
        path: (r) => `v2/zones/${zoneId}/recordsets/${r.id}`, cli: (r) => command('openstack', 'recordset', 'delete', cliZone(r), r.id),
        body: (rows) => msg('kinds.recordset.confirm.deleteBody', rowNames(rows, (r) => `${r.type} ${r.name}`)),
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
const RECORD_TYPES: Record<FormRecordType, [label: MsgKey, placeholder: MsgKey, hint: MsgKey]> = {
  A: ['kinds.recordset.types.A.label', 'kinds.recordset.types.A.placeholder', 'kinds.recordset.types.A.hint'],
  AAAA: ['kinds.recordset.types.AAAA.label', 'kinds.recordset.types.AAAA.placeholder', 'kinds.recordset.types.AAAA.hint'],
  CNAME: ['kinds.recordset.types.CNAME.label', 'kinds.recordset.types.CNAME.placeholder', 'kinds.recordset.types.CNAME.hint'],
  MX: ['kinds.recordset.types.MX.label', 'kinds.recordset.types.MX.placeholder', 'kinds.recordset.types.MX.hint'],
  TXT: ['kinds.recordset.types.TXT.label', 'kinds.recordset.types.TXT.placeholder', 'kinds.recordset.types.TXT.hint'],
  SRV: ['kinds.recordset.types.SRV.label', 'kinds.recordset.types.SRV.placeholder', 'kinds.recordset.types.SRV.hint'],
  NS: ['kinds.recordset.types.NS.label', 'kinds.recordset.types.NS.placeholder', 'kinds.recordset.types.NS.hint'],
  PTR: ['kinds.recordset.types.PTR.label', 'kinds.recordset.types.PTR.placeholder', 'kinds.recordset.types.PTR.hint'],
};

const typeOf = (v: Record<string, FormValue>) => v.type as FormRecordType;
/** The value cell's label and example for the chosen type. */
const valueCell = (v: Record<string, FormValue>) => ({ label: RECORD_TYPES[typeOf(v)][0], placeholder: RECORD_TYPES[typeOf(v)][1] });
const inParts = (v: Record<string, FormValue>) => v.type === 'MX' || v.type === 'SRV';
/** A number part of MX and SRV records, in the order Designate writes them. */
const part = (name: string, text: { label: MsgKey; placeholder: MsgKey; required: MsgKey }, types: readonly string[]): RowColumn => ({
  name, ...text, numeric: true, narrow: true, check: (x) => (uint16(x) ? undefined : 'kinds.recordset.errors.partRange'), when: (v) => types.includes(typeOf(v)),
});

/** The records field: one value per record, or MX's and SRV's parts, labelled by the type. */
const ENTRIES: RowsSpec = {
  columns: [
    {
      ...part('priority', { label: 'kinds.recordset.parts.priority', placeholder: 'kinds.recordset.parts.priorityPlaceholder', required: 'kinds.recordset.errors.enterPriority' }, ['MX', 'SRV']),
      vary: (v) => (v.type === 'MX' ? { required: 'kinds.recordset.errors.enterMxPriority' } : {}),
    },
    part('weight', { label: 'kinds.recordset.parts.weight', placeholder: 'kinds.recordset.parts.weightPlaceholder', required: 'kinds.recordset.errors.enterWeight' }, ['SRV']),
    part('port', { label: 'kinds.recordset.parts.port', placeholder: 'kinds.recordset.parts.portPlaceholder', required: 'kinds.recordset.errors.enterPort' }, ['SRV']),
    {
      name: 'target', label: 'kinds.recordset.parts.target', when: inParts,
      vary: (v) => ({ ...valueCell(v), required: v.type === 'MX' ? 'kinds.recordset.errors.enterMailServer' : 'kinds.recordset.errors.enterTarget' }),
    },
    { name: 'value', label: 'kinds.recordset.parts.value', when: (v) => !inParts(v), vary: (v) => ({ ...valueCell(v), mono: v.type === 'TXT' }) },
  ],
  empty: emptyEntry(),
  add: 'kinds.recordset.form.addRecord',
  remove: (n) => msg('kinds.recordset.form.removeRecord', { n }),
  note: (v) => RECORD_TYPES[typeOf(v)][2],
  single: (v) => v.type === 'CNAME',
  parse: (item, v) => entryFromRecord(String(v.type), item),
};

/**
 * Validates the form: field errors keyed `name`, `ttl`, `description`, `entries` (the records as a whole) and
 * `entries.<i>.value|priority|weight|port|target` (the form's cells); or the recordset Designate should get.
 */
export function buildRecordset(v: RecordsetFormValues, zoneName: string, opts: { editing?: boolean } = {}): { input: RecordsetInput } | { errors: Record<string, Text> } {
  const errors: Record<string, Text> = {};
  let name = '';
  if (!opts.editing) {
    const n = absoluteName(v.name, zoneName);
    if ('problem' in n) errors.name = n.problem;
    else name = n.name;
  }
  const ttl = ttlProblem(v.ttl);
  if (ttl) errors.ttl = ttl;
  if (v.description.length > 160) errors.description = 'kinds.recordset.errors.descriptionLength';

  const values = v as unknown as Record<string, FormValue>;
  const rows = checkRows('entries', ENTRIES, v.entries, values);
  Object.assign(errors, rows.errors);
  if (!rows.filled.length) errors[inParts(values) ? 'entries' : 'entries.0.value'] = inParts(values) ? 'kinds.recordset.errors.enterRecord' : 'kinds.recordset.errors.enterValue';
  const records: string[] = [];
  for (const { row, i } of rows.ok) {
    // The shown cells in Designate's order: the value, or MX's and SRV's parts and target.
    const cells = rows.columns.map((c) => row[c.name as keyof RecordEntry].trim());
    const rec = v.type === 'TXT' ? quoteTxt(cells[0]) : qualifyRecord(v.type, cells.join(' '));
    const p = recordProblem(v.type, rec);
    if (p) errors[`entries.${i}.${inParts(values) ? 'target' : 'value'}`] = p;
    else records.push(rec);
  }
  if (v.type === 'CNAME' && rows.filled.length > 1) errors.entries = 'kinds.recordset.errors.cnameOne';
  if (new Set(records).size !== records.length) errors.entries = 'kinds.recordset.errors.duplicate';
  if (Object.keys(errors).length) return { errors };
  return { input: { name, type: v.type, records, ttl: v.ttl.trim() ? Number(v.ttl) : null, description: v.description } };
}

/** buildRecordset()'s checks as a schema, so that the form shows its errors by field (`entries.0.priority`). */
const recordsetSchema = (zoneName: string, editing: boolean) =>
  z.custom<RecordsetFormValues>().transform((v, ctx) => {
    const r = buildRecordset(v, zoneName, { editing });
    if ('input' in r) return r.input;
    // A message with values (10.0.0.300 is not an IPv4 address) travels through zod as its JSON (network/issue.ts).
    for (const [key, m] of Object.entries(r.errors)) ctx.addIssue({ code: 'custom', path: [key], message: typeof m === 'string' ? m : issueText(m) });
    return z.NEVER;
  });

/** The create form (prefilled by ?type=&name=&records=&ttl=&description=) and the edit form of a zone's recordsets. */
function recordsetForms(zone: Zone): Pick<ResourceDefinition<Recordset, RecordsetInput>, 'create' | 'forms'> {
  const fields: FormField[] = [
    // A CNAME holds one record: the others go.
    { name: 'type', label: 'common.type', type: 'select', options: choices(FORM_RECORD_TYPES), query: true, resets: (t, v): Record<string, FormValue> => (t === 'CNAME' ? { entries: (v.entries as RecordEntry[]).slice(0, 1) } : {}) },
    {
      name: 'name', label: 'common.name', type: 'text', placeholder: 'kinds.recordset.form.namePlaceholder', query: { read: ([n]) => n.toLowerCase().replace(/[^a-z0-9_.*@-]+/g, '-') },
      hint: msg('kinds.recordset.form.nameHint', { zone: zone.name }),
    },
    { name: 'entries', label: 'kinds.recordset.fields.records', type: 'rows', rows: ENTRIES, vary: (v) => ({ label: msg('kinds.recordset.form.recordsOfType', { type: String(v.type) }) }), query: { param: 'records' } },
    // The placeholder is the zone's own TTL (a number).
    { name: 'ttl', label: 'kinds.recordset.form.ttl', type: 'text', numeric: true, placeholder: zone.ttl != null ? String(zone.ttl) : '', hint: 'kinds.recordset.form.ttlHint', query: true },
    { name: 'description', label: 'common.description', type: 'text', query: true },
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
      title: 'kinds.recordset.create.title', submitLabel: 'kinds.recordset.create.title', errorTitle: 'kinds.recordset.create.errorTitle',
    },
    forms: [
      {
        id: 'edit', label: 'kinds.recordset.edit.label', schema: recordsetSchema(zone.name, true),
        when: (r) => (FORM_RECORD_TYPES as readonly string[]).includes(r.type),
        fields: fields.filter((f) => f.name !== 'type' && f.name !== 'name'),
        initial: (r) => ({ type: r.type, name: relativeName(r.name, zone.name), ttl: r.ttl != null ? String(r.ttl) : '', description: r.description ?? '', entries: entriesFromRecords(r.type, r.records) }),
        request: recordsetUpdateRequest, cli: editCli,
        submitLabel: 'kinds.recordset.edit.submit', errorTitle: 'kinds.recordset.edit.errorTitle',
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
