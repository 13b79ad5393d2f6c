// Zones, their recordsets and quotas (/v2/zones, /v2/recordsets, /v2/quotas).
import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import type { Router } from '../../core/router';
import { publicView, schedule } from '../../core/transitions';
import { dnsError, invalidObject, recordsetNotFound, valueError, zoneNotFound, type SchemaProblem } from './errors';
import { createZone, newRecordset, now, PENDING_SECONDS, settleAll, touchZone, type DnsDeps } from './lifecycle';
import { ZONE_QUOTA, type RecordSet, type Zone } from './model';
import { isFqdn, RECORD_TYPES, validRecord } from './records';
import { allProjects, checkUuid, filterBy, listReply, readJson } from './request';

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

export function zoneRoutes(r: Router, { core, s }: DnsDeps): void {
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
