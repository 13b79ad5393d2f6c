// A project's usage over a period from Nova's os-simple-tenant-usage (what Horizon's overview shows): per instance
// its hours and what its flavor held, turned into vCPU-hours, RAM GiB-hours and disk GiB-hours, with totals and CSV.
import { z } from 'zod';

/** Nova 2.40 pages the server usages (`limit`/`marker`, `tenant_usage_links`); older versions answer them all. */
export const USAGE_HEADERS = { 'OpenStack-API-Version': 'compute 2.40', 'X-OpenStack-Nova-API-Version': '2.40' } as const;
export const USAGE_TARGET = { service: 'compute', headers: USAGE_HEADERS } as const;

const ServerUsageSchema = z.looseObject({
  instance_id: z.string(),
  name: z.string().nullish(),
  hours: z.number(),
  vcpus: z.number().nullish(),
  memory_mb: z.number().nullish(),
  local_gb: z.number().nullish(),
  flavor: z.string().nullish(),
  state: z.string().nullish(),
  started_at: z.string().nullish(),
  ended_at: z.string().nullish(),
});
export type ServerUsage = z.infer<typeof ServerUsageSchema>;

/** A period with no usage is `{"tenant_usage": {}}` (checked on Zed). */
export const TenantUsageSchema = z.looseObject({
  tenant_usage: z.looseObject({ server_usages: z.array(ServerUsageSchema).optional() }),
  tenant_usage_links: z.array(z.looseObject({ rel: z.string(), href: z.string() })).optional(),
});
export type TenantUsage = z.infer<typeof TenantUsageSchema>;

export type PeriodPreset = 'month' | 'lastMonth' | 'last7' | 'last30' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['month', 'lastMonth', 'last7', 'last30', 'custom'];

/** `YYYY-MM-DD` of a UTC time. */
export const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A preset's first and last day (UTC, both included), as `YYYY-MM-DD`. */
export function presetDays(preset: Exclude<PeriodPreset, 'custom'>, now: number): { from: string; to: string } {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = 86_400_000;
  switch (preset) {
    case 'month':
      return { from: isoDay(Date.UTC(y, m, 1)), to: isoDay(now) };
    case 'lastMonth':
      return { from: isoDay(Date.UTC(y, m - 1, 1)), to: isoDay(Date.UTC(y, m, 0)) };
    case 'last7':
      return { from: isoDay(now - 6 * day), to: isoDay(now) };
    case 'last30':
      return { from: isoDay(now - 29 * day), to: isoDay(now) };
  }
}

export type PeriodError = 'usage.errors.from' | 'usage.errors.to' | 'usage.errors.order' | 'usage.errors.future';

/**
 * The query's start and end for days `from`..`to` (UTC, both whole days; an end today stops now, as Nova counts
 * running instances up to the end), or what is wrong with them.
 */
export function usagePeriod(from: string, to: string, now: number): { start: string; end: string } | { error: PeriodError; field: 'from' | 'to' } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const f = day.test(from) ? Date.parse(`${from}T00:00:00Z`) : NaN;
  const t = day.test(to) ? Date.parse(`${to}T00:00:00Z`) : NaN;
  if (Number.isNaN(f)) return { error: 'usage.errors.from', field: 'from' };
  if (Number.isNaN(t)) return { error: 'usage.errors.to', field: 'to' };
  if (t < f) return { error: 'usage.errors.order', field: 'to' };
  if (f > now) return { error: 'usage.errors.future', field: 'from' };
  const end = Math.min(t + 86_400_000, now);
  const iso = (x: number) => new Date(x).toISOString().slice(0, 19);
  return { start: iso(f), end: iso(end) };
}

export const usagePath = (projectId: string, p: { start: string; end: string }, marker?: string) =>
  `os-simple-tenant-usage/${encodeURIComponent(projectId)}?start=${p.start}&end=${p.end}${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`;

/** The marker of the next page, from Nova's `next` link (its `marker` parameter), if any. */
export function nextMarker(body: TenantUsage): string | undefined {
  const next = body.tenant_usage_links?.find((l) => l.rel === 'next');
  if (!next) return undefined;
  try {
    return new URL(next.href, 'http://x').searchParams.get('marker') ?? undefined;
  } catch {
    return undefined;
  }
}

/** One instance's usage over the period. */
export interface InstanceUsage {
  id: string;
  name: string;
  state: string;
  flavor: string;
  vcpus: number;
  ramMb: number;
  diskGb: number;
  hours: number;
  vcpuHours: number;
  ramGbHours: number;
  diskGbHours: number;
}

export interface UsageTotals {
  instances: number;
  hours: number;
  vcpuHours: number;
  ramGbHours: number;
  diskGbHours: number;
}

export function instanceUsages(rows: readonly ServerUsage[]): InstanceUsage[] {
  return rows.map((r) => {
    const vcpus = r.vcpus ?? 0;
    const ramMb = r.memory_mb ?? 0;
    const diskGb = r.local_gb ?? 0;
    return {
      id: r.instance_id, name: r.name ?? '', state: r.state ?? '', flavor: r.flavor ?? '', vcpus, ramMb, diskGb,
      hours: r.hours, vcpuHours: r.hours * vcpus, ramGbHours: (r.hours * ramMb) / 1024, diskGbHours: r.hours * diskGb,
    };
  });
}

export function usageTotals(rows: readonly InstanceUsage[]): UsageTotals {
  return rows.reduce<UsageTotals>(
    (t, r) => ({ instances: t.instances + 1, hours: t.hours + r.hours, vcpuHours: t.vcpuHours + r.vcpuHours, ramGbHours: t.ramGbHours + r.ramGbHours, diskGbHours: t.diskGbHours + r.diskGbHours }),
    { instances: 0, hours: 0, vcpuHours: 0, ramGbHours: 0, diskGbHours: 0 },
  );
}

const CSV_COLUMNS = ['instance_id', 'name', 'state', 'flavor', 'vcpus', 'ram_mb', 'disk_gb', 'hours', 'vcpu_hours', 'ram_gb_hours', 'disk_gb_hours'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading =+-@ is defused for spreadsheets. */
function csvField(v: string | number): string {
  let s = typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : v;
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The per-instance table as CSV (a header row, then one row per instance), the period in its file name. */
export function usageCsv(rows: readonly InstanceUsage[]): string {
  const lines = rows.map((r) => [r.id, r.name, r.state, r.flavor, r.vcpus, r.ramMb, r.diskGb, r.hours, r.vcpuHours, r.ramGbHours, r.diskGbHours].map(csvField).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

export const usageCsvName = (project: string, from: string, to: string) => `${project.replace(/[^\w.-]+/g, '_').slice(0, 64) || 'project'}-usage-${from}-${to}.csv`;
