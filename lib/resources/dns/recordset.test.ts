import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { buildRecordset, emptyEntry, entriesFromRecords, recordsetCreateCli, recordsetCreateRequest, recordsetDefinition, type RecordsetFormValues } from './recordset';
import { zoneCreateCli, zoneCreateRequest, ZoneCreateSchema, zoneEditCli, zoneEditRequest, type Zone } from './zone';
import { designateStatus } from './designate';

const base = (over: Partial<RecordsetFormValues>): RecordsetFormValues => ({ type: 'A', name: 'www', ttl: '', description: '', entries: [emptyEntry()], ...over });
const entry = (e: Partial<ReturnType<typeof emptyEntry>>) => ({ ...emptyEntry(), ...e });
/** buildRecordset() with its errors in English. */
const build = (...args: Parameters<typeof buildRecordset>) => {
  const r = buildRecordset(...args);
  return 'errors' in r ? { errors: Object.fromEntries(Object.entries(r.errors).map(([k, m]) => [k, en(m)])) } : r;
};

describe('buildRecordset', () => {
  it('A records with a relative name', () => {
    const r = build(base({ entries: [entry({ value: '10.0.0.1' }), entry({ value: ' 10.0.0.2 ' }), emptyEntry()] }), 'example.org.');
    expect(r).toEqual({ input: { name: 'www.example.org.', type: 'A', records: ['10.0.0.1', '10.0.0.2'], ttl: null, description: '' } });
  });
  it('an invalid IPv4 is an error on its own field', () => {
    expect(build(base({ entries: [entry({ value: '10.0.0.1' }), entry({ value: '10.0.0.300' })] }), 'example.org.')).toEqual({ errors: { 'entries.1.value': '10.0.0.300 is not an IPv4 address' } });
  });
  it('MX without priority names the priority field', () => {
    expect(build(base({ type: 'MX', name: '@', entries: [entry({ target: 'mail.example.org.' })] }), 'example.org.')).toEqual({ errors: { 'entries.0.priority': 'Enter the priority (e.g. 10)' } });
  });
  it('names that must be fully qualified get their trailing dot', () => {
    const mx = build(base({ type: 'MX', name: '@', entries: [entry({ priority: '10', target: 'mail.example.org' })] }), 'example.org.');
    expect(mx).toEqual({ input: { name: 'example.org.', type: 'MX', records: ['10 mail.example.org.'], ttl: null, description: '' } });
    const cname = build(base({ type: 'CNAME', entries: [entry({ value: 'web.example.org' })] }), 'example.org.');
    expect('input' in cname && cname.input.records).toEqual(['web.example.org.']);
    // One label is ambiguous (web. or web.example.org.?): refused, not guessed.
    expect(build(base({ type: 'CNAME', entries: [entry({ value: 'web' })] }), 'example.org.')).toEqual({ errors: { 'entries.0.value': 'web must be a fully qualified name ending with a dot' } });
  });
  it('MX joins priority and host', () => {
    const r = build(base({ type: 'MX', name: '@', ttl: '600', entries: [entry({ priority: '10', target: 'mail.example.org.' })] }), 'example.org.');
    expect(r).toEqual({ input: { name: 'example.org.', type: 'MX', records: ['10 mail.example.org.'], ttl: 600, description: '' } });
  });
  it('SRV needs all four parts', () => {
    const r = build(base({ type: 'SRV', name: '_sip._tcp', entries: [entry({ priority: '10', weight: '', port: '70000', target: 'sip.example.org.' })] }), 'example.org.');
    expect(r).toEqual({ errors: { 'entries.0.weight': 'Enter the weight', 'entries.0.port': 'A number from 0 to 65535' } });
    const ok = build(base({ type: 'SRV', name: '_sip._tcp', entries: [entry({ priority: '10', weight: '5', port: '5060', target: 'sip.example.org.' })] }), 'example.org.');
    expect(ok).toMatchObject({ input: { name: '_sip._tcp.example.org.', records: ['10 5 5060 sip.example.org.'] } });
  });
  it('TXT is quoted, CNAME holds one name', () => {
    expect(build(base({ type: 'TXT', entries: [entry({ value: 'v=spf1 -all' })] }), 'example.org.')).toMatchObject({ input: { records: ['"v=spf1 -all"'] } });
    expect(build(base({ type: 'CNAME', entries: [entry({ value: 'a.example.org.' }), entry({ value: 'b.example.org.' })] }), 'example.org.')).toEqual({ errors: { entries: 'A CNAME recordset holds exactly one name' } });
  });
  it('names outside the zone, empty records, bad TTL', () => {
    expect(build(base({ name: 'www.other.org.', ttl: 'x', entries: [emptyEntry()] }), 'example.org.')).toEqual({
      errors: { name: 'www.other.org. is not inside the zone example.org.', ttl: 'Enter a whole number of seconds', 'entries.0.value': 'Enter a value' },
    });
  });
  it('editing ignores the name', () => {
    expect(build(base({ name: '', entries: [entry({ value: '1.2.3.4' })] }), 'example.org.', { editing: true })).toMatchObject({ input: { records: ['1.2.3.4'] } });
  });
  it('entries round-trip from records', () => {
    expect(entriesFromRecords('MX', ['10 mail.example.org.'])).toEqual([entry({ priority: '10', target: 'mail.example.org.' })]);
    expect(entriesFromRecords('SRV', ['1 2 3 t.example.org.'])).toEqual([entry({ priority: '1', weight: '2', port: '3', target: 't.example.org.' })]);
    expect(entriesFromRecords('A', [])).toEqual([emptyEntry()]);
  });
});

describe('requests and CLI', () => {
  it('recordset create', () => {
    const i = { name: 'www.example.org.', type: 'A', records: ['1.2.3.4'], ttl: 300, description: '' };
    expect(recordsetCreateRequest('z1', i)).toEqual({ method: 'POST', path: 'v2/zones/z1/recordsets', body: { name: 'www.example.org.', type: 'A', records: ['1.2.3.4'], ttl: 300 } });
    expect(recordsetCreateCli('example.org.', i, 'www')).toBe('openstack recordset create --type A --record 1.2.3.4 --ttl 300 example.org. www');
    // The apex is the zone's name: designateclient turns a bare `@` into `@.example.org.` (conformance found it).
    expect(recordsetCreateCli('example.org.', { type: 'TXT', records: ['"a b"'] }, '@')).toBe(`openstack recordset create --type TXT --record '"a b"' example.org. example.org.`);
    expect(recordsetCreateCli('example.org.', { ...i, name: 'example.org.', type: 'MX', records: ['10 mail.example.org.'] }, '@')).toBe(
      "openstack recordset create --type MX --record '10 mail.example.org.' --ttl 300 example.org. example.org.",
    );
    expect(recordsetCreateCli('example.org.', { type: 'A' }, '')).toBe('openstack recordset create --type A --record \'<record>\' example.org. \'<name>\'');
  });
  it('recordset paths are the zone’s and links go under the zone page', () => {
    const d = recordsetDefinition('z1');
    expect(d.paths.list).toBe('v2/zones/z1/recordsets');
    expect(d.slug).toBe('zones/z1/recordsets');
  });
  it('zone create', () => {
    // Designate wants the trailing dot: the form adds it (the request and the CLI line both carry it).
    const typed = { name: ' Example.com ', email: 'a@b.org', ttl: '', description: '' };
    expect(zoneCreateRequest(ZoneCreateSchema.parse(typed)).body).toMatchObject({ name: 'example.com.' });
    expect(zoneCreateCli(typed)).toBe('openstack zone create --email a@b.org Example.com.');
    expect(en(ZoneCreateSchema.safeParse({ ...typed, name: 'com' }).error?.issues[0].message)).toMatch(/^Not a valid domain name/);
    expect(ZoneCreateSchema.safeParse({ name: 'org.', email: 'a@b.org', ttl: '', description: '' }).success).toBe(false);
    const i = { name: 'Example.org.', email: 'a@b.org', ttl: '600', description: 'd' };
    expect(zoneCreateRequest(i)).toEqual({ method: 'POST', path: 'v2/zones', body: { name: 'example.org.', email: 'a@b.org', type: 'PRIMARY', ttl: 600, description: 'd' } });
    expect(zoneCreateCli(i)).toBe('openstack zone create --email a@b.org --ttl 600 --description d Example.org.');
  });
  it('zone edit sends only changes', () => {
    const z = { id: 'z1', name: 'example.org.', email: 'a@b.org', ttl: 600, description: null, status: 'ACTIVE' } as Zone;
    expect(zoneEditRequest(z, { email: 'a@b.org', ttl: '600', description: '' })).toBeUndefined();
    expect(zoneEditRequest(z, { email: 'c@d.org', ttl: '300', description: 'x' })).toEqual({ method: 'PATCH', path: 'v2/zones/z1', body: { email: 'c@d.org', ttl: 300, description: 'x' } });
    expect(zoneEditCli(z, { email: 'a@b.org', ttl: '600', description: '' })).toBe('openstack zone set example.org.');
    expect(zoneEditCli(z, { email: 'c@d.org', ttl: '300', description: 'x' })).toBe('openstack zone set --email c@d.org --ttl 300 --description x example.org.');
    expect(zoneEditCli({ ...z, description: 'old' }, { email: '', ttl: '', description: '' })).toBe('openstack zone set --no-description example.org.');
  });
  it('status tones', () => {
    expect(designateStatus({ status: 'PENDING', action: 'CREATE' })).toEqual({ label: 'PENDING CREATE', tone: 'busy' });
    expect(designateStatus({ status: 'ACTIVE', action: 'NONE' })).toEqual({ label: 'ACTIVE', tone: 'ok' });
    expect(designateStatus({ status: 'ERROR', action: 'UPDATE' }).tone).toBe('error');
  });
});

import { ptrDefinition, PtrSetSchema } from './ptr';

describe('PTR records', () => {
  it('set and unset requests and CLI', () => {
    const def = ptrDefinition;
    const [set] = def.forms!;
    const [unset] = def.actions!;
    const row = { id: 'RegionOne:f1', address: '192.0.2.5', ptrdname: 'old.example.org.' };
    expect(def.paths.item('RegionOne:f1')).toBe('v2/reverse/floatingips/RegionOne:f1');
    expect(def.paths.item('Region One:f1')).toBe('v2/reverse/floatingips/Region%20One:f1');
    expect(set.request(row, { ptrdname: 'web.example.org.', ttl: '600', description: '' })).toEqual({
      method: 'PATCH', path: 'v2/reverse/floatingips/RegionOne:f1', body: { ptrdname: 'web.example.org.', ttl: 600 },
    });
    expect(unset.request(row)).toEqual({ method: 'PATCH', path: 'v2/reverse/floatingips/RegionOne:f1', body: { ptrdname: null } });
    expect(set.cli(row, { ptrdname: 'web.example.org.' }, {})).toBe('openstack ptr record set RegionOne:f1 web.example.org.');
    expect(unset.cli(row)).toBe('openstack ptr record unset RegionOne:f1');
    expect(en(set.toggle!(row))).toBe('Change PTR record');
    expect(unset.allowed({ ...row, ptrdname: null }, { isAdmin: false })).toBe(false);
  });
  it('needs a fully qualified name, its dot added', () => {
    expect(PtrSetSchema.parse({ ptrdname: 'web.example.org', ttl: '', description: '' }).ptrdname).toBe('web.example.org.');
    expect(en(PtrSetSchema.safeParse({ ptrdname: 'web..org', ttl: '', description: '' }).error?.issues[0].message)).toBe('Not a valid host name');
    expect(PtrSetSchema.safeParse({ ptrdname: 'web.example.org.', ttl: '', description: '' }).success).toBe(true);
  });
});
