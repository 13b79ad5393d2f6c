// Designate v2 (DNS as a service), mounted at /dns: zones with their SOA/NS recordsets, recordsets,
// zone export/import tasks, PTR records for floating IPs and quotas. Zones and recordsets go
// PENDING -> ACTIVE lazily; every change bumps the zone serial.
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { uuid } from '../../core/ids';
import { nextPageUrl } from '../../core/pagination';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { defineService } from '../../core/service';
import { publicView, schedule, settle } from '../../core/transitions';
import { seedProjectId } from '../identity/seed';
import { designateErrorBody, dnsError, invalidObject, recordsetNotFound, valueError, zoneNotFound, type SchemaProblem } from './errors';
import { dnsTime, NAMESERVER, POOL_ID, seedDns, soaRecord, ZONE_QUOTA, type DnsState, type ExportTask, type ImportTask, type RecordSet, type Zone } from './model';
import { isFqdn, parseZoneFile, RECORD_TYPES, validRecord, ZoneFileError } from './records';
import { reverseRoutes } from './reverse';

/** Nominal seconds a zone or recordset stays PENDING, and a deleted zone lingers. */
const PENDING_SECONDS = 2;
const DELETE_SECONDS = 3;
const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export interface DnsDeps {
  core: CloudCore;
  s: DnsState;
}

export async function readJson(ctx: RequestContext): Promise<Record<string, unknown>> {
  const text = (await ctx.rawBody()).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw dnsError(400, 'invalid_json', (e as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidObject([{ path: [], message: `${JSON.stringify(parsed)} is not of type 'object'`, validator: 'type', validator_value: 'object' }]);
  }
  return parsed as Record<string, unknown>;
}

export function checkUuid(name: string, value: string): void {
  if (!UUID_RE.test(value)) throw dnsError(400, 'invalid_uuid', `Invalid UUID ${name}: ${value}`);
}

const now = (core: CloudCore) => dnsTime(core.clock.now());

/** Designate refuses X-Auth-All-Projects from non-admins before the API: an empty text/html 403. */
class AllProjectsDenied extends Error {}

/** Admins with `X-Auth-All-Projects: true` see every project's zones. */
function allProjects(ctx: RequestContext, auth: ProjectAuthInfo): boolean {
  const h = (ctx.header('x-auth-all-projects') ?? '').toLowerCase();
  if (!['true', '1', 'yes'].includes(h)) return false;
  if (!auth.isAdmin) throw new AllProjectsDenied();
  return true;
}

/** The router with every handler answering AllProjectsDenied as Designate's middleware does. */
function guarded(router: Router): Router {
  const add = router.add.bind(router);
  const wrapped = Object.create(router) as Router;
  wrapped.add = (method, pattern, handler) =>
    add(method, pattern, async (ctx) => {
      try {
        return await handler(ctx);
      } catch (e) {
        if (e instanceof AllProjectsDenied) return { status: 403, raw: '', contentType: 'text/html; charset=utf-8' };
        throw e;
      }
    });
  return wrapped;
}

/** Applies due transitions everywhere and drops finished deletes. */
export function settleAll(core: CloudCore, s: DnsState): void {
  let changed = false;
  for (const list of [s.zones, s.recordsets, s.exports, s.imports, s.ptrs] as Array<Array<Parameters<typeof settle>[0]>>) {
    for (const r of list) changed = settle(r, core.clock) || changed;
  }
  const gone = new Set(s.zones.filter((z) => z.deleted).map((z) => z.id));
  if (gone.size > 0 || s.recordsets.some((r) => r.deleted)) {
    s.zones = s.zones.filter((z) => !z.deleted);
    s.recordsets = s.recordsets.filter((r) => !r.deleted && !gone.has(r.zone_id));
    changed = true;
  }
  if (changed) core.state.markDirty();
}

/** Designate's list envelope: limit/marker, links.self/next, metadata.total_count. */
export function listReply<T extends { id: string }>(ctx: RequestContext, key: string, all: T[], render: (x: T) => unknown, withTotal = true): Reply {
  let items = all;
  const sortDir = ctx.query.get('sort_dir');
  if (sortDir && !['asc', 'desc'].includes(sortDir)) throw dnsError(400, 'invalid_sort_dir', 'Unknown sort direction, must be \'desc\' or \'asc\'');
  const sortKey = ctx.query.get('sort_key');
  if (sortKey) {
    items = [...items].sort((a, b) => String((a as Record<string, unknown>)[sortKey] ?? '').localeCompare(String((b as Record<string, unknown>)[sortKey] ?? '')));
  }
  if (sortDir === 'desc') items = [...items].reverse();
  const rawLimit = ctx.query.get('limit');
  let limit = 20;
  if (rawLimit !== null) {
    const n = Number(rawLimit);
    if (rawLimit !== 'max' && (!Number.isInteger(n) || n < 1 || n > 1000)) throw dnsError(400, 'invalid_limit', 'limit should be an integer between 1 and 1000');
    limit = rawLimit === 'max' ? 1000 : n;
  }
  let start = 0;
  const marker = ctx.query.get('marker');
  if (marker !== null) {
    const i = items.findIndex((x) => x.id === marker);
    if (i < 0) throw dnsError(400, 'marker_not_found', 'Marker None could not be found');
    start = i + 1;
  }
  const page = items.slice(start, start + limit);
  const links: Record<string, string> = { self: ctx.url.href };
  if (page.length === limit && page.length > 0) links.next = nextPageUrl(ctx.url.href, page[page.length - 1].id, limit);
  const body: Record<string, unknown> = { [key]: page.map(render), links };
  if (withTotal) body.metadata = { total_count: items.length };
  return { status: 200, body };
}

/** Query filters Designate applies with exact match (a `*` is a wildcard). */
function filterBy<T>(items: T[], ctx: RequestContext, fields: string[]): T[] {
  return items.filter((item) =>
    fields.every((f) => {
      const want = ctx.query.get(f);
      if (want === null) return true;
      const have = String((item as Record<string, unknown>)[f] ?? '');
      if (want.includes('*')) {
        const re = new RegExp(`^${want.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
        return re.test(have);
      }
      return f === 'status' || f === 'type' ? have.toUpperCase() === want.toUpperCase() : have === want;
    }),
  );
}

export function renderZone(ctx: RequestContext, z: Zone) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { deleted, ...rest } = publicView(z);
  return { ...rest, links: { self: `${ctx.serviceUrl}/v2/zones/${z.id}` } };
}

function renderRecordset(ctx: RequestContext, r: RecordSet) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { deleted, ...rest } = publicView(r);
  return { ...rest, links: { self: `${ctx.serviceUrl}/v2/zones/${r.zone_id}/recordsets/${r.id}` } };
}

/** Marks a zone as changing: serial and version bump, PENDING until the pool has it. */
export function touchZone(core: CloudCore, s: DnsState, zone: Zone, action?: 'UPDATE' | 'DELETE'): void {
  zone.serial = Math.max(zone.serial + 1, Math.floor(core.clock.now() / 1000));
  zone.version += 1;
  zone.updated_at = now(core);
  zone.status = 'PENDING';
  if (action === 'DELETE' || zone.action !== 'CREATE') zone.action = action ?? 'UPDATE';
  const soa = s.recordsets.find((r) => r.zone_id === zone.id && r.type === 'SOA');
  if (soa) soa.records = [soaRecord(zone)];
  if (zone.action === 'DELETE') {
    schedule(zone, core.clock, [[DELETE_SECONDS, { deleted: true }]]);
  } else {
    schedule(zone, core.clock, [[PENDING_SECONDS, { status: 'ACTIVE', action: 'NONE', version: zone.version + 1 }]]);
  }
}

function newRecordset(core: CloudCore, zone: Zone, type: string, name: string, records: string[], ttl: number | null, description: string | null, pending: boolean): RecordSet {
  const rs: RecordSet = {
    id: uuid(),
    zone_id: zone.id,
    project_id: zone.project_id,
    name,
    zone_name: zone.name,
    type,
    records,
    description,
    ttl,
    status: pending ? 'PENDING' : 'ACTIVE',
    action: pending ? 'CREATE' : 'NONE',
    version: 1,
    created_at: now(core),
    updated_at: null,
  };
  if (pending) schedule(rs, core.clock, [[PENDING_SECONDS, { status: 'ACTIVE', action: 'NONE', version: 2 }]]);
  return rs;
}

/** Creates a zone (PENDING/CREATE -> ACTIVE) with its SOA and NS recordsets. Throws on duplicates and quota. */
export function createZone(core: CloudCore, s: DnsState, fields: { projectId: string; name: string; email: string; ttl?: number; description?: string | null }): Zone {
  if (s.zones.some((z) => z.name === fields.name)) throw dnsError(409, 'duplicate_zone', 'Duplicate Zone');
  if (s.zones.filter((z) => z.project_id === fields.projectId).length >= ZONE_QUOTA) throw dnsError(413, 'over_quota', 'Quota exceeded for zones.');
  const zone: Zone = {
    id: uuid(),
    pool_id: POOL_ID,
    project_id: fields.projectId,
    name: fields.name,
    email: fields.email,
    description: fields.description ?? null,
    ttl: fields.ttl ?? 3600,
    serial: Math.floor(core.clock.now() / 1000),
    status: 'PENDING',
    action: 'CREATE',
    version: 1,
    attributes: {},
    type: 'PRIMARY',
    masters: [],
    created_at: now(core),
    updated_at: null,
    transferred_at: null,
  };
  schedule(zone, core.clock, [[PENDING_SECONDS, { status: 'ACTIVE', action: 'NONE', version: 2, updated_at: dnsTime(core.clock.after(PENDING_SECONDS)) }]]);
  s.zones.push(zone);
  s.recordsets.push(newRecordset(core, zone, 'NS', zone.name, [NAMESERVER], null, null, false));
  s.recordsets.push(newRecordset(core, zone, 'SOA', zone.name, [soaRecord(zone)], null, null, false));
  return zone;
}

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function checkZoneFields(body: Record<string, unknown>, creating: boolean): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (creating) {
    for (const f of ['name', 'email']) {
      if (!(f in body)) problems.push({ path: ['type', f], message: `'${f}' is a required property`, validator: 'required', validator_value: f });
    }
  }
  for (const f of ['name', 'email', 'description']) {
    const v = body[f];
    if (v !== undefined && typeof v !== 'string' && !(f === 'description' && v === null)) {
      problems.push({ path: [f], message: `${JSON.stringify(v)} is not of type 'string'`, validator: 'type', validator_value: 'string' });
    }
  }
  if (typeof body.email === 'string' && !EMAIL_RE.test(body.email)) {
    problems.push({ path: ['email'], message: `'${body.email}' is not a 'email'`, validator: 'format', validator_value: 'email' });
  }
  if (body.ttl !== undefined && body.ttl !== null && !(Number.isInteger(body.ttl) && (body.ttl as number) >= 1 && (body.ttl as number) <= 2147483647)) {
    problems.push({ path: ['ttl'], message: `${JSON.stringify(body.ttl)} is not of type 'integer'`, validator: 'type', validator_value: 'integer' });
  }
  if (body.type !== undefined && !['PRIMARY', 'SECONDARY'].includes(String(body.type))) {
    problems.push({ path: ['type'], message: `${JSON.stringify(body.type)} is not one of ['PRIMARY', 'SECONDARY']`, validator: 'enum', validator_value: ['PRIMARY', 'SECONDARY'] });
  }
  return problems;
}

function zoneRoutes(r: Router, { core, s }: DnsDeps): void {
  const visible = (ctx: RequestContext, auth: ProjectAuthInfo) => {
    settleAll(core, s);
    const all = allProjects(ctx, auth);
    return s.zones.filter((z) => all || z.project_id === auth.project.id);
  };
  const findZone = (ctx: RequestContext, auth: ProjectAuthInfo, id: string) => {
    checkUuid('zone_id', id);
    const z = visible(ctx, auth).find((x) => x.id === id);
    if (!z) throw zoneNotFound();
    return z;
  };

  r.get('/v2/zones', (ctx) => {
    const auth = ctx.authProject();
    const zones = filterBy(visible(ctx, auth), ctx, ['name', 'status', 'email', 'type', 'description', 'ttl']);
    return listReply(ctx, 'zones', zones, (z) => renderZone(ctx, z));
  });

  r.post('/v2/zones', async (ctx) => {
    const auth = ctx.authProject();
    const body = await readJson(ctx);
    const problems = checkZoneFields(body, true);
    if (problems.length > 0) throw invalidObject(problems);
    const name = String(body.name).toLowerCase();
    if (!name.endsWith('.')) throw valueError(`Domain ${body.name as string} does not end with a dot`);
    if (!isFqdn(name) || name.split('.').length < 3) throw dnsError(400, 'invalid_zone_name', 'Invalid zone name');
    if (body.type === 'SECONDARY') throw dnsError(400, 'invalid_object', 'Provided object is not valid. Got a ValueError error with message masters is required for SECONDARY zones');
    settleAll(core, s);
    const zone = createZone(core, s, { projectId: auth.project.id, name, email: String(body.email), ttl: body.ttl as number | undefined, description: (body.description as string | null | undefined) ?? null });
    return { status: 202, body: renderZone(ctx, zone), headers: { Location: `${ctx.serviceUrl}/v2/zones/${zone.id}` } };
  });

  r.get('/v2/zones/{zone_id}', (ctx) => {
    const auth = ctx.authProject();
    return { status: 200, body: renderZone(ctx, findZone(ctx, auth, ctx.params.zone_id)) };
  });

  r.patch('/v2/zones/{zone_id}', async (ctx) => {
    const auth = ctx.authProject();
    const zone = findZone(ctx, auth, ctx.params.zone_id);
    const body = await readJson(ctx);
    const problems = checkZoneFields(body, false);
    if (problems.length > 0) throw invalidObject(problems);
    for (const f of Object.keys(body)) {
      if (!['email', 'ttl', 'description'].includes(f)) {
        throw invalidObject([{ path: [], message: `Additional properties are not allowed ('${f}' was unexpected)`, validator: 'additionalProperties', validator_value: false }]);
      }
    }
    if (zone.action === 'DELETE') throw dnsError(400, 'bad_request', 'Zone is being deleted');
    if (typeof body.email === 'string') zone.email = body.email;
    if (typeof body.ttl === 'number') zone.ttl = body.ttl;
    if ('description' in body) zone.description = (body.description as string | null) ?? null;
    touchZone(core, s, zone);
    return { status: 202, body: renderZone(ctx, zone) };
  });

  r.delete('/v2/zones/{zone_id}', (ctx) => {
    const auth = ctx.authProject();
    const zone = findZone(ctx, auth, ctx.params.zone_id);
    if (zone.action !== 'DELETE') touchZone(core, s, zone, 'DELETE');
    return { status: 202, body: renderZone(ctx, zone) };
  });

  // Recordsets --------------------------------------------------------------------------------
  const zoneRecordsets = (zone: Zone) => s.recordsets.filter((x) => x.zone_id === zone.id);

  const validateRecords = (type: string, records: unknown): string[] => {
    if (!Array.isArray(records)) {
      throw invalidObject([{ path: ['records'], message: `${JSON.stringify(records)} is not of type 'array'`, validator: 'type', validator_value: 'array' }]);
    }
    const problems: SchemaProblem[] = [];
    records.forEach((rec, i) => {
      if (typeof rec !== 'string' || !validRecord(type, rec)) {
        problems.push({ path: ['records', i], message: `${typeof rec === 'string' ? `'${rec}'` : JSON.stringify(rec)} is not a '${type}' Record`, validator: 'format', validator_value: [type] });
      }
    });
    if (problems.length > 0) throw invalidObject(problems);
    if (records.length > 20) throw dnsError(413, 'over_quota', 'Quota exceeded for recordset_records.');
    return records as string[];
  };
  const validateTtl = (ttl: unknown): number | null | undefined => {
    if (ttl === undefined || ttl === null) return ttl as null | undefined;
    if (!Number.isInteger(ttl) || (ttl as number) < 0 || (ttl as number) > 2147483647) {
      throw invalidObject([{ path: ['ttl'], message: `${JSON.stringify(ttl)} is not of type 'integer', 'null'`, validator: 'type', validator_value: ['integer', 'null'] }]);
    }
    return ttl as number;
  };

  r.get('/v2/zones/{zone_id}/recordsets', (ctx) => {
    const auth = ctx.authProject();
    const zone = findZone(ctx, auth, ctx.params.zone_id);
    const items = filterBy(zoneRecordsets(zone), ctx, ['name', 'type', 'status', 'ttl', 'description']).filter(
      (x) => !ctx.query.get('data') || x.records.some((d) => d === ctx.query.get('data')),
    );
    return listReply(ctx, 'recordsets', items, (x) => renderRecordset(ctx, x));
  });

  r.get('/v2/recordsets', (ctx) => {
    const auth = ctx.authProject();
    const zoneIds = new Set(visible(ctx, auth).map((z) => z.id));
    const items = filterBy(s.recordsets.filter((x) => zoneIds.has(x.zone_id)), ctx, ['name', 'type', 'status', 'ttl', 'zone_id', 'description']);
    return listReply(ctx, 'recordsets', items, (x) => renderRecordset(ctx, x));
  });

  r.post('/v2/zones/{zone_id}/recordsets', async (ctx) => {
    const auth = ctx.authProject();
    const zone = findZone(ctx, auth, ctx.params.zone_id);
    const body = await readJson(ctx);
    const problems: SchemaProblem[] = [];
    for (const f of ['name', 'type', 'records']) {
      if (!(f in body)) problems.push({ path: [], message: `'${f}' is a required property`, validator: 'required', validator_value: [f] });
    }
    if (problems.length > 0) throw invalidObject(problems);
    if (typeof body.name !== 'string') throw invalidObject([{ path: ['name'], message: `${JSON.stringify(body.name)} is not of type 'string'`, validator: 'type', validator_value: 'string' }]);
    const type = String(body.type).toUpperCase();
    if (!(RECORD_TYPES as readonly string[]).includes(type)) {
      throw invalidObject([{ path: ['recordset', 'type'], message: `'${String(body.type)}' is not a valid record type`, validator: 'value', validator_value: [String(body.type)] }]);
    }
    const records = validateRecords(type, body.records);
    const ttl = validateTtl(body.ttl) ?? null;
    const name = body.name.toLowerCase();
    if (!name.endsWith('.')) throw valueError(`Host name ${body.name} does not end with a dot`);
    // Designate's HostField: labels of letters, digits, '_' and '-' (a leading '*' allowed), so '@.zone.' is refused.
    if (!isFqdn(name)) throw valueError(`Host name ${body.name} is invalid`);
    if (type === 'SOA') throw dnsError(400, 'bad_request', 'Creating a SOA recordset is not allowed');
    if (name !== zone.name && !name.endsWith(`.${zone.name}`)) throw dnsError(400, 'invalid_recordset_location', "RecordSet is not contained within it's parent zone");
    if (zone.action === 'DELETE') throw dnsError(400, 'bad_request', 'Zone is being deleted');
    const same = zoneRecordsets(zone).filter((x) => x.name === name);
    if (same.some((x) => x.type === type)) throw dnsError(409, 'duplicate_recordset', 'Duplicate RecordSet');
    if ((type === 'CNAME' && same.length > 0) || same.some((x) => x.type === 'CNAME')) {
      throw dnsError(400, 'invalid_recordset_location', 'CNAME recordsets may not share a name with any other records');
    }
    if (zoneRecordsets(zone).length >= 500) throw dnsError(413, 'over_quota', 'Quota exceeded for zone_recordsets.');
    const rs = newRecordset(core, zone, type, name, records, ttl, typeof body.description === 'string' ? body.description : null, true);
    s.recordsets.push(rs);
    touchZone(core, s, zone);
    return { status: 202, body: renderRecordset(ctx, rs), headers: { Location: `${ctx.serviceUrl}/v2/zones/${zone.id}/recordsets/${rs.id}` } };
  });

  const findRecordset = (ctx: RequestContext, auth: ProjectAuthInfo) => {
    const zone = findZone(ctx, auth, ctx.params.zone_id);
    checkUuid('recordset_id', ctx.params.recordset_id);
    const rs = zoneRecordsets(zone).find((x) => x.id === ctx.params.recordset_id);
    if (!rs) throw recordsetNotFound();
    return { zone, rs };
  };

  r.get('/v2/zones/{zone_id}/recordsets/{recordset_id}', (ctx) => {
    const { rs } = findRecordset(ctx, ctx.authProject());
    return { status: 200, body: renderRecordset(ctx, rs) };
  });

  r.get('/v2/recordsets/{recordset_id}', (ctx) => {
    const auth = ctx.authProject();
    checkUuid('recordset_id', ctx.params.recordset_id);
    const zoneIds = new Set(visible(ctx, auth).map((z) => z.id));
    const rs = s.recordsets.find((x) => x.id === ctx.params.recordset_id && zoneIds.has(x.zone_id));
    if (!rs) throw recordsetNotFound();
    return { status: 200, body: renderRecordset(ctx, rs) };
  });

  r.put('/v2/zones/{zone_id}/recordsets/{recordset_id}', async (ctx) => {
    const { zone, rs } = findRecordset(ctx, ctx.authProject());
    const body = await readJson(ctx);
    for (const f of Object.keys(body)) {
      if (!['records', 'ttl', 'description'].includes(f)) {
        throw invalidObject([{ path: [], message: `Additional properties are not allowed ('${f}' was unexpected)`, validator: 'additionalProperties', validator_value: false }]);
      }
    }
    if (rs.type === 'SOA') throw dnsError(400, 'bad_request', 'Updating SOA recordsets is not allowed');
    const records = body.records !== undefined ? validateRecords(rs.type, body.records) : undefined;
    const ttl = validateTtl(body.ttl);
    if (records) rs.records = records;
    if (ttl !== undefined) rs.ttl = ttl;
    if ('description' in body) rs.description = typeof body.description === 'string' ? body.description : null;
    rs.version += 1;
    rs.status = 'PENDING';
    rs.action = 'UPDATE';
    rs.updated_at = now(core);
    schedule(rs, core.clock, [[PENDING_SECONDS, { status: 'ACTIVE', action: 'NONE', version: rs.version + 1 }]]);
    touchZone(core, s, zone);
    return { status: 202, body: renderRecordset(ctx, rs) };
  });

  r.delete('/v2/zones/{zone_id}/recordsets/{recordset_id}', (ctx) => {
    const { zone, rs } = findRecordset(ctx, ctx.authProject());
    if (rs.type === 'SOA') throw dnsError(400, 'bad_request', 'Deleting a SOA recordset is not allowed');
    if (rs.type === 'NS' && rs.name === zone.name) throw dnsError(400, 'bad_request', 'Deleting a managed recordset is not allowed');
    if (rs.action !== 'DELETE') {
      rs.version += 1;
      rs.status = 'PENDING';
      rs.action = 'DELETE';
      rs.updated_at = now(core);
      schedule(rs, core.clock, [[PENDING_SECONDS, { deleted: true }]]);
      touchZone(core, s, zone);
    }
    return { status: 202, body: renderRecordset(ctx, rs) };
  });

  // Quotas ------------------------------------------------------------------------------------
  r.get('/v2/quotas/{project_id}', (ctx) => {
    const auth = ctx.authProject();
    // Another project's quotas need an admin with X-Auth-All-Projects; Designate's 403 has no message.
    if (ctx.params.project_id !== auth.project.id && !allProjects(ctx, auth)) throw dnsError(403, 'forbidden', '');
    return { status: 200, body: { zones: ZONE_QUOTA, zone_recordsets: 500, zone_records: 500, recordset_records: 20, api_export_size: 1000 } };
  });
}

function taskRoutes(r: Router, { core, s }: DnsDeps): void {
  const own = (auth: ProjectAuthInfo, t: { project_id: string }) => t.project_id === auth.project.id || auth.isAdmin;
  const renderExport = (ctx: RequestContext, t: DnsState['exports'][number]) => ({
    ...publicView(t),
    links: {
      self: `${ctx.serviceUrl}/v2/zones/tasks/exports/${t.id}`,
      ...(t.status === 'COMPLETE' ? { export: `${ctx.serviceUrl}/v2/zones/tasks/exports/${t.id}/export` } : {}),
    },
  });
  const renderImport = (ctx: RequestContext, t: DnsState['imports'][number]) => ({
    ...publicView(t),
    links: { self: `${ctx.serviceUrl}/v2/zones/tasks/imports/${t.id}`, ...(t.zone_id ? { zone: `${ctx.serviceUrl}/v2/zones/${t.zone_id}` } : {}) },
  });
  const findExport = (ctx: RequestContext) => {
    const auth = ctx.authProject();
    checkUuid('export_id', ctx.params.export_id);
    settleAll(core, s);
    const t = s.exports.find((x) => x.id === ctx.params.export_id && own(auth, x));
    if (!t) throw dnsError(404, 'zone_export_not_found', 'Could not find ZoneExport');
    return t;
  };
  const findImport = (ctx: RequestContext) => {
    const auth = ctx.authProject();
    checkUuid('import_id', ctx.params.import_id);
    settleAll(core, s);
    const t = s.imports.find((x) => x.id === ctx.params.import_id && own(auth, x));
    if (!t) throw dnsError(404, 'zone_import_not_found', 'Could not find ZoneImport');
    return t;
  };

  r.post('/v2/zones/{zone_id}/tasks/export', (ctx) => {
    const auth = ctx.authProject();
    checkUuid('zone_id', ctx.params.zone_id);
    settleAll(core, s);
    const zone = s.zones.find((z) => z.id === ctx.params.zone_id && z.project_id === auth.project.id);
    if (!zone) throw zoneNotFound();
    const id = uuid();
    const t: ExportTask = {
      id, status: 'PENDING', message: null, location: null, zone_id: zone.id, project_id: zone.project_id,
      created_at: now(core), updated_at: null, version: 1,
    };
    schedule(t, core.clock, [[1, { status: 'COMPLETE', location: `designate://v2/zones/tasks/exports/${id}/export`, updated_at: dnsTime(core.clock.after(1)), version: 2 }]]);
    s.exports.push(t);
    return { status: 202, body: renderExport(ctx, t), headers: { Location: `${ctx.serviceUrl}/v2/zones/tasks/exports/${t.id}` } };
  });
  r.get('/v2/zones/tasks/exports', (ctx) => {
    const auth = ctx.authProject();
    settleAll(core, s);
    return listReply(ctx, 'exports', s.exports.filter((t) => t.project_id === auth.project.id), (t) => renderExport(ctx, t));
  });
  r.get('/v2/zones/tasks/exports/{export_id}', (ctx) => ({ status: 200, body: renderExport(ctx, findExport(ctx)) }));
  r.delete('/v2/zones/tasks/exports/{export_id}', (ctx) => {
    const t = findExport(ctx);
    s.exports = s.exports.filter((x) => x !== t);
    return { status: 204 };
  });
  r.get('/v2/zones/tasks/exports/{export_id}/export', (ctx) => {
    const t = findExport(ctx);
    const zone = s.zones.find((z) => z.id === t.zone_id);
    if (t.status !== 'COMPLETE' || !zone) throw dnsError(404, 'zone_export_not_found', 'Could not find ZoneExport');
    const lines = [`$ORIGIN ${zone.name}`, `$TTL ${zone.ttl}`, ''];
    const rank = (t: string) => ({ NS: 0, SOA: 1 } as Record<string, number>)[t] ?? 2;
    const rsets = s.recordsets.filter((x) => x.zone_id === zone.id && x.action !== 'DELETE').sort((a, b) => rank(a.type) - rank(b.type));
    for (const rs of rsets) for (const rec of rs.records) lines.push(`${rs.name} ${rs.ttl ?? ''} IN ${rs.type} ${rec}`);
    return { status: 200, raw: `${lines.join('\n')}\n\n\n`, contentType: 'text/dns; charset=UTF-8' };
  });

  r.post('/v2/zones/tasks/imports', async (ctx) => {
    const auth = ctx.authProject();
    const text = (await ctx.rawBody()).toString('utf8');
    settleAll(core, s);
    const id = uuid();
    const t: ImportTask = { id, status: 'PENDING', message: null, zone_id: null, project_id: auth.project.id, created_at: now(core), updated_at: null, version: 1 };
    const done = dnsTime(core.clock.after(1));
    try {
      const parsed = parseZoneFile(text);
      const soa = parsed.records.find((x) => x.type === 'SOA' && x.name === parsed.origin);
      const email = soa ? soa.data.split(/\s+/)[1].replace(/\.$/, '').replace('.', '@') : `hostmaster@${parsed.origin.slice(0, -1)}`;
      for (const rec of parsed.records) {
        if (rec.name !== parsed.origin && !rec.name.endsWith(`.${parsed.origin}`)) throw new ZoneFileError("RecordSet is not contained within it's parent zone");
        if (rec.type !== 'SOA' && !validRecord(rec.type, rec.data)) throw new ZoneFileError(`'${rec.data}' is not a '${rec.type}' Record`);
      }
      if (s.zones.some((z) => z.name === parsed.origin)) throw new ZoneFileError('Duplicate Zone');
      const zone = createZone(core, s, { projectId: auth.project.id, name: parsed.origin, email, ttl: parsed.ttl ?? undefined });
      const groups = new Map<string, { name: string; type: string; ttl: number | null; records: string[] }>();
      for (const rec of parsed.records) {
        if (rec.type === 'SOA' || (rec.type === 'NS' && rec.name === parsed.origin)) continue;
        const key = `${rec.name} ${rec.type}`;
        const g = groups.get(key) ?? { name: rec.name, type: rec.type, ttl: rec.ttl, records: [] };
        g.records.push(rec.data);
        groups.set(key, g);
      }
      for (const g of groups.values()) s.recordsets.push(newRecordset(core, zone, g.type, g.name, g.records, g.ttl, null, true));
      schedule(t, core.clock, [[1, { status: 'COMPLETE', zone_id: zone.id, message: `${zone.name} imported`, updated_at: done, version: 2 }]]);
    } catch (e) {
      if (!(e instanceof ZoneFileError) && !(e instanceof Error && 'status' in e)) throw e;
      schedule(t, core.clock, [[1, { status: 'ERROR', message: e.message, updated_at: done, version: 2 }]]);
    }
    s.imports.push(t);
    return { status: 202, body: renderImport(ctx, t), headers: { Location: `${ctx.serviceUrl}/v2/zones/tasks/imports/${t.id}` } };
  });
  r.get('/v2/zones/tasks/imports', (ctx) => {
    const auth = ctx.authProject();
    settleAll(core, s);
    return listReply(ctx, 'imports', s.imports.filter((t) => t.project_id === auth.project.id), (t) => renderImport(ctx, t));
  });
  r.get('/v2/zones/tasks/imports/{import_id}', (ctx) => ({ status: 200, body: renderImport(ctx, findImport(ctx)) }));
  r.delete('/v2/zones/tasks/imports/{import_id}', (ctx) => {
    const t = findImport(ctx);
    s.imports = s.imports.filter((x) => x !== t);
    return { status: 204 };
  });
}

function versionDoc(ctx: RequestContext) {
  const links = [
    { href: `${ctx.serviceUrl}/v2`, rel: 'self' },
    { href: 'https://docs.openstack.org/api-ref/dns', rel: 'help' },
  ];
  return {
    versions: [
      { id: 'v2', links, status: 'SUPPORTED', updated: '2022-06-29T00:00:00Z' },
      { id: 'v2.0', links, status: 'CURRENT', updated: '2022-06-29T00:00:00Z' },
    ],
  };
}

export const dnsService = defineService({
  type: 'dns',
  name: 'designate',
  description: 'Designate DNS Service',
  prefix: '/dns',
  endpointPath: '/dns',
  errorBody: designateErrorBody,
  setup(core, router) {
    const s = core.state.slice<DnsState>('dns', () => seedDns(seedProjectId('demo'), core.clock.now()));
    const deps: DnsDeps = { core, s };
    const r = guarded(router);
    r.get('/', (ctx) => ({ status: 200, body: versionDoc(ctx) }));
    zoneRoutes(r, deps);
    taskRoutes(r, deps);
    reverseRoutes(r, deps);
  },
});
