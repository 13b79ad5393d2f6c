// Quota usage from the three quota APIs, normalised to { used, reserved, limit } (-1 = unlimited).
// Nova   GET /os-quota-sets/{project}/detail      {"quota_set": {"cores": {"in_use", "limit", "reserved"}, ...}}
//        (fallback GET /limits: {"limits": {"absolute": {"maxTotalInstances", "totalInstancesUsed", ...}}}, no reserved)
// Cinder GET /os-quota-sets/{project}?usage=true  {"quota_set": {"volumes": {"in_use", "limit", "reserved"}, ...}}
// Neutron GET /v2.0/quotas/{project}/details      {"quota": {"network": {"used", "limit", "reserved"}, ...}}
// Manila GET /quota-sets/{project}/detail         {"quota_set": {"shares": {"in_use", "limit", "reserved"}, ...}}
//        (fallback GET /limits: {"limits": {"absolute": {"maxTotalShares", "totalSharesUsed", ...}}})
import { z } from 'zod';
import { msg, type Msg, type MsgKey, type Text } from '@/lib/i18n/msg';

export type QuotaUnit = 'count' | 'MiB' | 'GiB';

export interface QuotaItem {
  id: string;
  label: MsgKey;
  unit: QuotaUnit;
  used: number;
  /** Undefined when the API does not report reservations (Nova /limits). */
  reserved?: number;
  /** -1 means unlimited. */
  limit: number;
}

const num = z.coerce.number();
const Detail = z.looseObject({ limit: num, in_use: num.optional(), used: num.optional(), reserved: num.optional() });
const DetailMap = z.record(z.string(), z.unknown());

type Spec = readonly { id: string; key: string; label: MsgKey; unit?: QuotaUnit }[];

export const NOVA_QUOTAS: Spec = [
  { id: 'instances', key: 'instances', label: 'compute.quota.labels.instances' },
  { id: 'cores', key: 'cores', label: 'compute.quota.labels.cores' },
  { id: 'ram', key: 'ram', label: 'compute.quota.labels.ram', unit: 'MiB' },
];
export const CINDER_QUOTAS: Spec = [
  { id: 'volumes', key: 'volumes', label: 'compute.quota.labels.volumes' },
  { id: 'gigabytes', key: 'gigabytes', label: 'compute.quota.labels.gigabytes', unit: 'GiB' },
  { id: 'snapshots', key: 'snapshots', label: 'compute.quota.labels.snapshots' },
];
export const NEUTRON_QUOTAS: Spec = [
  { id: 'floatingip', key: 'floatingip', label: 'compute.quota.labels.floatingIps' },
  { id: 'network', key: 'network', label: 'compute.quota.labels.networks' },
  { id: 'router', key: 'router', label: 'compute.quota.labels.routers' },
  { id: 'security_group', key: 'security_group', label: 'compute.quota.labels.securityGroups' },
  { id: 'port', key: 'port', label: 'compute.quota.labels.ports' },
];

export const MANILA_QUOTAS: Spec = [
  { id: 'shares', key: 'shares', label: 'compute.quota.labels.shares' },
  { id: 'share_gigabytes', key: 'gigabytes', label: 'compute.quota.labels.shareGigabytes', unit: 'GiB' },
  { id: 'share_snapshots', key: 'snapshots', label: 'compute.quota.labels.shareSnapshots' },
  { id: 'snapshot_gigabytes', key: 'snapshot_gigabytes', label: 'compute.quota.labels.shareSnapshotGigabytes', unit: 'GiB' },
  { id: 'share_networks', key: 'share_networks', label: 'compute.quota.labels.shareNetworks' },
];

function fromDetails(map: Record<string, unknown>, spec: Spec): QuotaItem[] {
  const out: QuotaItem[] = [];
  for (const s of spec) {
    const d = Detail.safeParse(map[s.key]);
    if (!d.success) continue;
    out.push({ id: s.id, label: s.label, unit: s.unit ?? 'count', used: d.data.in_use ?? d.data.used ?? 0, reserved: d.data.reserved, limit: d.data.limit });
  }
  return out;
}

export function parseNovaDetail(body: unknown): QuotaItem[] {
  return fromDetails(z.looseObject({ quota_set: DetailMap }).parse(body).quota_set, NOVA_QUOTAS);
}

export function parseCinderUsage(body: unknown): QuotaItem[] {
  return fromDetails(z.looseObject({ quota_set: DetailMap }).parse(body).quota_set, CINDER_QUOTAS);
}

export function parseNeutronDetails(body: unknown): QuotaItem[] {
  return fromDetails(z.looseObject({ quota: DetailMap }).parse(body).quota, NEUTRON_QUOTAS);
}

export function parseManilaDetail(body: unknown): QuotaItem[] {
  return fromDetails(z.looseObject({ quota_set: DetailMap }).parse(body).quota_set, MANILA_QUOTAS);
}

/** The absolute limits of a /limits answer as quota items: [quota id, max key, used key] per item of `spec`. */
function fromLimits(body: unknown, spec: Spec, pairs: readonly (readonly [string, string, string])[]): QuotaItem[] {
  const abs = z.looseObject({ limits: z.looseObject({ absolute: z.record(z.string(), z.unknown()) }) }).parse(body).limits.absolute;
  const out: QuotaItem[] = [];
  for (const [id, max, used] of pairs) {
    const s = spec.find((q) => q.id === id)!;
    if (typeof abs[max] !== 'number') continue;
    out.push({ id, label: s.label, unit: s.unit ?? 'count', used: Number(abs[used] ?? 0), limit: Number(abs[max]) });
  }
  return out;
}

/** Manila's /limits, for a project whose quota-set policy is stricter. */
export const parseManilaLimits = (body: unknown): QuotaItem[] =>
  fromLimits(body, MANILA_QUOTAS, [
    ['shares', 'maxTotalShares', 'totalSharesUsed'],
    ['share_gigabytes', 'maxTotalShareGigabytes', 'totalShareGigabytesUsed'],
    ['share_snapshots', 'maxTotalShareSnapshots', 'totalShareSnapshotsUsed'],
    ['snapshot_gigabytes', 'maxTotalSnapshotGigabytes', 'totalSnapshotGigabytesUsed'],
    ['share_networks', 'maxTotalShareNetworks', 'totalShareNetworksUsed'],
  ]);

/** Nova's /limits (readable by every project member even where the quota-set policy is stricter). */
export const parseNovaLimits = (body: unknown): QuotaItem[] =>
  fromLimits(body, NOVA_QUOTAS, [
    ['instances', 'maxTotalInstances', 'totalInstancesUsed'],
    ['cores', 'maxTotalCores', 'totalCoresUsed'],
    ['ram', 'maxTotalRAMSize', 'totalRAMUsed'],
  ]);

export const isUnlimited = (q: Pick<QuotaItem, 'limit'>) => q.limit < 0;

/** Share of the limit taken by used + reserved, 0..1 (more than 1 when over quota); null when unlimited. */
export function usedFraction(q: QuotaItem): number | null {
  if (isUnlimited(q)) return null;
  if (q.limit === 0) return q.used + (q.reserved ?? 0) > 0 ? 1 : 0;
  return (q.used + (q.reserved ?? 0)) / q.limit;
}

/**
 * `2 GiB` for 2048 MiB, `512 MiB`, `40 GiB`, `3`, in the page's locale (`1,5 GiB` in German). No grouping, as the
 * numbers are short; the unit symbols are not translated.
 */
export function formatAmount(n: number, unit: QuotaUnit, locale = 'en'): string {
  const num = (x: number, digits = 0) => new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  if (unit === 'count') return num(n);
  if (unit === 'MiB' && Math.abs(n) >= 1024) {
    const g = n / 1024;
    return `${num(g, Number.isInteger(g) ? 0 : 1)} GiB`;
  }
  return `${num(n)} ${unit}`;
}

/** The text alternative of one chart: "3 of 10 used (30%), 1 reserved" or "3 used, unlimited", the amounts in `locale`. */
export function quotaSummary(q: QuotaItem, locale = 'en'): Msg {
  const amount = (n: number) => formatAmount(n, q.unit, locale);
  const reserved = q.reserved ? { reserved: amount(q.reserved) } : undefined;
  if (isUnlimited(q)) return msg(reserved ? 'compute.quota.summary.unlimitedReserved' : 'compute.quota.summary.unlimited', { used: amount(q.used), ...reserved });
  const percent = Math.round((usedFraction(q) ?? 0) * 100);
  return msg(reserved ? 'compute.quota.summary.limitedReserved' : 'compute.quota.summary.limited', { used: amount(q.used), limit: amount(q.limit), percent, ...reserved });
}

/** ok below 75 %, warn from 75 %, full at 100 %. */
export function quotaTone(q: QuotaItem): 'ok' | 'warn' | 'full' {
  const f = usedFraction(q);
  if (f === null || f < 0.75) return 'ok';
  return f >= 1 ? 'full' : 'warn';
}

/** A status label as a map key: a raw status, a catalog key, or a key with its values. */
const labelKey = (l: Text) => (typeof l === 'string' ? l : JSON.stringify(l));

/** Rows counted per status label, most frequent first (ties by label, or its key). */
export function countByStatus<T, L extends Text>(rows: readonly T[], status: (row: T) => { label: L; tone: string }): { label: L; tone: string; count: number }[] {
  const m = new Map<string, { label: L; tone: string; count: number }>();
  for (const r of rows) {
    const s = status(r);
    const k = labelKey(s.label);
    const e = m.get(k) ?? { label: s.label, tone: s.tone, count: 0 };
    e.count++;
    m.set(k, e);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || labelKey(a.label).localeCompare(labelKey(b.label)));
}

// Status colours are sRGB hex because Chart.js derives hover shades from them; the legend uses the same ones.
export const STATUS_SHADES: Record<string, readonly string[]> = {
  ok: ['#059669', '#10b981', '#047857', '#34d399'],
  busy: ['#0284c7', '#0ea5e9', '#0369a1', '#38bdf8'],
  error: ['#dc2626', '#f87171', '#b91c1c', '#fca5a5'],
  unknown: ['#71717a', '#a1a1aa', '#52525b', '#d4d4d8'],
};

/** One colour per status row: the tone's hue, a different shade for each status sharing that tone. */
export function statusColors(counts: readonly { tone: string }[]): string[] {
  const seen: Record<string, number> = {};
  return counts.map((c) => {
    const shades = STATUS_SHADES[c.tone] ?? STATUS_SHADES.unknown;
    const i = seen[c.tone] ?? 0;
    seen[c.tone] = i + 1;
    return shades[i % shades.length];
  });
}

/** Percent of the limit taken by used and by reserved (capped to the bar), the rest free. Unlimited rows and a
 *  zero limit with nothing used are empty bars: there is no share to draw. */
export function quotaBars(items: readonly QuotaItem[]) {
  return items.map((q) => {
    if (isUnlimited(q)) return { used: 0, reserved: 0, free: 0 };
    if (q.limit === 0) return { used: q.used > 0 ? 100 : 0, reserved: 0, free: 0 };
    const used = Math.min(100, (q.used / q.limit) * 100);
    const reserved = Math.min(100 - used, ((q.reserved ?? 0) / q.limit) * 100);
    return { used, reserved, free: 100 - used - reserved };
  });
}
