import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { novaBadRequest, policyDenied, type ComputeDeps } from './common';
import { novaRoute, type NovaRequest } from './microversion';
import type { ComputeState } from './model';
import { projectServers } from './ops';

// os-simple-tenant-usage, computed as Nova's SimpleTenantUsageController does: every instance
// launched before the period's end and not terminated before its start, charged from
// max(launched_at, start) to min(terminated_at, end), with the flavor's vcpus, RAM and root+ephemeral
// disk. Nova keeps deleted instances in its DB; the demo keeps what usage needs of them here.

/** What a deleted server leaves behind for usage reports. */
export interface TerminatedInstance {
  id: string;
  name: string;
  project_id: string;
  flavor: { name: string; vcpus: number; ram: number; disk: number; ephemeral: number };
  launched_at: string;
  /** Epoch ms. */
  terminated_at: number;
}

/** Nova's DB datetime: seconds and microseconds, no zone. */
const dbTime = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000');
const parseDb = (text: string) => Date.parse(`${text.replace(/(\.\d{3})\d*$/, '$1')}Z`);

/** Nova's _parse_datetime: three strftime formats, naive = UTC; absent = now. */
export function parsePeriodTime(text: string | null, now: number): number {
  if (text === null || text === '') return now;
  const m = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text);
  // "%Y-%m-%d %H:%M:%S" without a fraction is not among Nova's formats.
  const ms = m && (m[4] === 'T' || m[8] !== undefined) ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[5]}:${m[6]}:${m[7]}.${(m[8] ?? '0').padEnd(3, '0').slice(0, 3)}Z`) : NaN;
  if (Number.isNaN(ms)) throw novaBadRequest('Invalid datetime string: Datetime is in invalid format');
  return ms;
}

interface Billable {
  id: string;
  name: string;
  project_id: string;
  flavor: TerminatedInstance['flavor'];
  launched: number;
  terminated: number | null;
  vm_state: string;
}

function billable(core: ComputeDeps['core'], s: ComputeState, projectId: string | null): Billable[] {
  const live = projectServers(core, s, projectId)
    .filter((srv) => srv.launched_at)
    .map((srv) => ({ id: srv.id, name: srv.name, project_id: srv.project_id, flavor: srv.flavor, launched: parseDb(srv.launched_at!), terminated: null, vm_state: srv.vm_state }));
  const gone = Object.values(s.terminated ?? {})
    .filter((t) => projectId === null || t.project_id === projectId)
    .map((t) => ({ ...t, launched: parseDb(t.launched_at), terminated: t.terminated_at, vm_state: 'deleted' }));
  // Nova's query orders by project_id, then uuid.
  return [...live, ...gone].sort((a, b) => (a.project_id === b.project_id ? (a.id < b.id ? -1 : 1) : a.project_id < b.project_id ? -1 : 1));
}

export function usageRoutes(router: Router, { core, s }: ComputeDeps): void {
  const report = (r: NovaRequest, projectId: string | null, detailed: boolean) => {
    const q = r.ctx.query;
    const now = core.clock.now();
    const start = parsePeriodTime(q.get('start'), now);
    // An absent end is a second utcnow() in Nova, a moment after an absent start.
    let stop = q.get('end') ? parsePeriodTime(q.get('end'), now) : now + 1;
    if (!(start < stop)) throw novaBadRequest('Invalid start time. The start time cannot occur after the end time.');
    stop = Math.min(stop, now);

    let rows = billable(core, s, projectId).filter((b) => b.launched < stop && (b.terminated === null || b.terminated > start));
    const paged = r.v.ge('2.40');
    let limit = 1000;
    if (paged) {
      const marker = q.get('marker');
      if (marker !== null) {
        const i = rows.findIndex((b) => b.id === marker);
        if (i < 0) throw novaBadRequest(`Marker ${marker} could not be found.`);
        rows = rows.slice(i + 1);
      }
      if (q.get('limit') !== null) limit = Math.min(Number(q.get('limit')), 1000);
    }
    rows = rows.slice(0, limit);

    const tenants = new Map<string, Record<string, unknown> & { server_usages?: unknown[] }>();
    const totals = new Map<string, { gb: number; vcpus: number; mb: number; hours: number }>();
    for (const b of rows) {
      const from = Math.max(b.launched, start);
      const to = b.terminated === null ? stop : Math.min(stop, b.terminated);
      const hours = (to - from) / 3_600_000;
      const localGb = b.flavor.disk + b.flavor.ephemeral;
      const state = b.terminated === null ? b.vm_state : 'terminated';
      const usage = {
        hours,
        flavor: b.flavor.name,
        instance_id: b.id,
        name: b.name,
        tenant_id: b.project_id,
        memory_mb: b.flavor.ram,
        local_gb: localGb,
        vcpus: b.flavor.vcpus,
        started_at: dbTime(b.launched).replace(/\.\d+$/, '.000000'),
        ended_at: b.terminated === null ? null : dbTime(b.terminated).replace(/\.\d+$/, '.000000'),
        state,
        uptime: Math.floor(((b.terminated ?? now) - b.launched) / 1000),
      };
      if (!tenants.has(b.project_id)) {
        tenants.set(b.project_id, { tenant_id: b.project_id, ...(detailed ? { server_usages: [] } : {}) });
        totals.set(b.project_id, { gb: 0, vcpus: 0, mb: 0, hours: 0 });
      }
      tenants.get(b.project_id)!.server_usages?.push(usage);
      const t = totals.get(b.project_id)!;
      t.gb += localGb * hours;
      t.vcpus += b.flavor.vcpus * hours;
      t.mb += b.flavor.ram * hours;
      t.hours += hours;
    }
    const usages = [...tenants.entries()].map(([id, body]) => {
      const t = totals.get(id)!;
      return { ...body, total_local_gb_usage: t.gb, total_vcpus_usage: t.vcpus, total_memory_mb_usage: t.mb, total_hours: t.hours, start: dbTime(start), stop: dbTime(stop) };
    });
    // Nova links the next page when the page is full, the marker being the last instance.
    const next = paged && rows.length > 0 && rows.length === limit ? nextLink(r, rows[rows.length - 1].id, limit) : null;
    return { usages, next };
  };

  const nextLink = (r: NovaRequest, marker: string, limit: number) => {
    const url = new URL(r.ctx.url.toString());
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('marker', marker);
    return [{ href: url.toString(), rel: 'next' }];
  };

  novaRoute(router, 'GET', '/os-simple-tenant-usage', (r) => {
    if (!r.ctx.authProject().isAdmin) throw policyDenied('os_compute_api:os-simple-tenant-usage:list');
    const { usages, next } = report(r, null, r.ctx.query.get('detailed') === '1');
    return json(200, { tenant_usages: usages, ...(next ? { tenant_usages_links: next } : {}) });
  });

  novaRoute(router, 'GET', '/os-simple-tenant-usage/{tenant_id}', (r) => {
    const auth = r.ctx.authProject();
    const id = r.ctx.params.tenant_id;
    if (!auth.isAdmin && auth.project.id !== id) throw policyDenied('os_compute_api:os-simple-tenant-usage:show');
    const { usages, next } = report(r, id, true);
    return json(200, { tenant_usage: usages[0] ?? {}, ...(next ? { tenant_usage_links: next } : {}) });
  });
}
