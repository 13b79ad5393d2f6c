// Quota sets (show, defaults, detail with usage, admin update/reset), absolute limits, and the checks create
// and extend make, with the 413 texts of Zed's quota exceptions.
import type { RequestContext } from '../../core/context';
import { json } from '../../core/reply';
import { bad, overQuota, policyDenied } from './errors';
import type { ManilaRouter } from './microversion';
import { QUOTA_DEFAULTS, type ManilaState, type QuotaKey } from './model';
import { readBody } from './request';

export const quotasOf = (s: ManilaState, projectId: string): Record<QuotaKey, number> => ({ ...QUOTA_DEFAULTS, ...s.quotas[projectId] });

export function usageOf(s: ManilaState, projectId: string): Partial<Record<QuotaKey, number>> {
  const shares = s.shares.filter((x) => x.project_id === projectId);
  const snaps = s.snapshots.filter((x) => x.project_id === projectId);
  return {
    shares: shares.length,
    gigabytes: shares.reduce((n, x) => n + x.size, 0),
    snapshots: snaps.length,
    snapshot_gigabytes: snaps.reduce((n, x) => n + x.size, 0),
    share_networks: s.networks.filter((x) => x.project_id === projectId).length,
  };
}

const within = (limit: number, used: number, extra: number) => limit < 0 || used + extra <= limit;

export const GIGABYTES_EXCEEDED = 'Requested share exceeds allowed project/user or share type gigabytes quota.';

/** Would `extra` GiB more (a new share of `total` GiB, or growing one to `total`) break the gigabytes quotas? */
export function exceedsGigabytes(s: ManilaState, projectId: string, extra: number, total: number): boolean {
  const q = quotasOf(s, projectId);
  return !within(q.gigabytes, usageOf(s, projectId).gigabytes ?? 0, extra) || (q.per_share_gigabytes >= 0 && total > q.per_share_gigabytes);
}

/** Quota check of a new share: gigabytes first, then the count, in the order Zed's check_if_share_quotas_exceeded reports. */
export function checkShareQuota(s: ManilaState, projectId: string, size: number) {
  const q = quotasOf(s, projectId);
  if (exceedsGigabytes(s, projectId, size, size)) throw overQuota('ShareSizeExceedsAvailableQuota', GIGABYTES_EXCEEDED);
  if (!within(q.shares, usageOf(s, projectId).shares ?? 0, 1)) {
    throw overQuota('ShareLimitExceeded', `Maximum number of shares allowed (${q.shares}) either per project/user or share type quota is exceeded.`);
  }
}

export function checkSnapshotQuota(s: ManilaState, projectId: string, size: number) {
  const q = quotasOf(s, projectId);
  const used = usageOf(s, projectId);
  if (!within(q.snapshot_gigabytes, used.snapshot_gigabytes ?? 0, size)) {
    throw overQuota('SnapshotSizeExceedsAvailableQuota', 'Requested snapshot exceeds allowed project/user or share type gigabytes quota.');
  }
  if (!within(q.snapshots, used.snapshots ?? 0, 1)) {
    throw overQuota('SnapshotLimitExceeded', `Maximum number of snapshots allowed (${q.snapshots}) either per project/user or share type quota is exceeded.`);
  }
}

export function checkNetworkQuota(s: ManilaState, projectId: string) {
  const q = quotasOf(s, projectId);
  if (!within(q.share_networks, usageOf(s, projectId).share_networks ?? 0, 1)) {
    throw overQuota('ShareNetworksLimitExceeded', `Maximum number of share-networks allowed (${q.share_networks}) exceeded.`);
  }
}

function quotaSetBody(s: ManilaState, projectId: string, mode: 'limits' | 'detail' | 'defaults', withId = true) {
  const limits = mode === 'defaults' ? { ...QUOTA_DEFAULTS } : quotasOf(s, projectId);
  const used = usageOf(s, projectId);
  const entries = (Object.keys(QUOTA_DEFAULTS) as QuotaKey[]).map((k) => [k, mode === 'detail' ? { limit: limits[k], in_use: used[k] ?? 0, reserved: 0 } : limits[k]] as const);
  // Manila puts `id` after the first four resources.
  const body: Record<string, unknown> = Object.fromEntries(entries.slice(0, 4));
  if (withId) body.id = projectId;
  Object.assign(body, Object.fromEntries(entries.slice(4)));
  return { quota_set: body };
}

function target(ctx: RequestContext, v: { isAdmin: boolean; projectId: string }) {
  const projectId = ctx.params.target;
  if (!v.isAdmin && projectId !== v.projectId) throw policyDenied();
  return projectId;
}

export function quotaRoutes(r: ManilaRouter, s: ManilaState) {
  r.get('/quota-sets/{target}', (v) => json(200, quotaSetBody(s, target(v.ctx, v), 'limits')));
  r.get('/quota-sets/{target}/detail', (v) => json(200, quotaSetBody(s, target(v.ctx, v), 'detail')));
  r.get('/quota-sets/{target}/defaults', (v) => json(200, quotaSetBody(s, v.ctx.params.target, 'defaults')));
  r.put('/quota-sets/{target}', async (v) => {
    if (!v.isAdmin) throw policyDenied();
    const body = await readBody(v.ctx, 'quota_set');
    const set: Partial<Record<QuotaKey, number>> = {};
    for (const [k, raw] of Object.entries(body)) {
      if (k === 'force' || k === 'tenant_id') continue;
      if (!(k in QUOTA_DEFAULTS)) throw bad(`Bad key(s) in quota set: ${k}`);
      const n = Number(raw);
      if (!Number.isInteger(n) || n < -1) throw bad(`Quota '${k}' must be an integer greater than or equal to -1.`);
      set[k as QuotaKey] = n;
    }
    const projectId = v.ctx.params.target;
    s.quotas[projectId] = { ...s.quotas[projectId], ...set };
    v.ctx.markDirty();
    return json(200, quotaSetBody(s, projectId, 'limits', false));
  });
  r.delete('/quota-sets/{target}', (v) => {
    if (!v.isAdmin) throw policyDenied();
    delete s.quotas[v.ctx.params.target];
    v.ctx.markDirty();
    return { status: 202 };
  });
  r.get('/limits', (v) => {
    const q = quotasOf(s, v.projectId);
    const u = usageOf(s, v.projectId);
    const absolute = {
      maxTotalShares: q.shares, maxTotalShareSnapshots: q.snapshots, maxTotalShareGigabytes: q.gigabytes, maxTotalSnapshotGigabytes: q.snapshot_gigabytes,
      maxTotalShareNetworks: q.share_networks, maxTotalShareGroups: q.share_groups, maxTotalShareGroupSnapshots: q.share_group_snapshots,
      maxTotalShareReplicas: q.share_replicas, maxTotalReplicaGigabytes: q.replica_gigabytes,
      totalSharesUsed: u.shares, totalShareSnapshotsUsed: u.snapshots, totalShareGigabytesUsed: u.gigabytes, totalSnapshotGigabytesUsed: u.snapshot_gigabytes,
      totalShareNetworksUsed: u.share_networks, totalShareGroupsUsed: 0, totalShareGroupSnapshotsUsed: 0, totalShareReplicasUsed: 0, totalReplicaGigabytesUsed: 0,
    };
    return json(200, { limits: { rate: [], absolute } });
  });
}
