// Zone export and import tasks (/v2/zones/tasks/...).
import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { uuid } from '../../core/ids';
import type { Router } from '../../core/router';
import { publicView, schedule } from '../../core/transitions';
import { dnsError, zoneNotFound } from './errors';
import { createZone, newRecordset, now, settleAll, type DnsDeps } from './lifecycle';
import { dnsTime, type DnsState, type ExportTask, type ImportTask } from './model';
import { parseZoneFile, validRecord, ZoneFileError } from './records';
import { checkUuid, listReply } from './request';

export function taskRoutes(r: Router, { core, s }: DnsDeps): void {
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
