// Finding shares and snapshots the caller may see (their project's, public shares, everything for an admin).
import { notFound, policyDenied } from './errors';
import type { View } from './microversion';
import type { ManilaState, Share, Snapshot } from './model';

export function visibleShare(s: ManilaState, v: View, id: string, message?: string): Share {
  const share = s.shares.find((x) => x.id === id);
  if (!share || !(v.isAdmin || share.project_id === v.projectId || share.is_public)) throw notFound(message);
  return share;
}

/** A share the caller may change: a public share of another project is visible but not theirs. */
export function ownShare(s: ManilaState, v: View, id: string, message?: string): Share {
  const share = visibleShare(s, v, id, message);
  if (!v.isAdmin && share.project_id !== v.projectId) throw policyDenied();
  return share;
}

export function ownSnapshot(s: ManilaState, v: View, id: string, message?: string): Snapshot {
  const snap = s.snapshots.find((x) => x.id === id);
  if (!snap || !(v.isAdmin || snap.project_id === v.projectId)) throw notFound(message);
  return snap;
}

/** Offset/limit paging and `sort_key`/`sort_dir`, as Manila's list calls take them. */
export function listPage<T extends object>(v: View, items: T[], defaultSort = 'created_at'): T[] {
  const q = v.ctx.query;
  const key = q.get('sort_key') ?? defaultSort;
  const dir = (q.get('sort_dir') ?? 'desc').toLowerCase() === 'asc' ? 1 : -1;
  const val = (x: T) => String((x as Record<string, unknown>)[key] ?? '');
  const sorted = [...items].sort((a, b) => (val(a) < val(b) ? -dir : val(a) > val(b) ? dir : 0));
  const marker = q.get('marker');
  const after = marker ? sorted.findIndex((x) => (x as { id?: string }).id === marker) + 1 : 0;
  const offset = after + Math.max(0, Number(q.get('offset')) || 0);
  const limit = Number(q.get('limit'));
  return sorted.slice(offset, Number.isInteger(limit) && limit > 0 ? offset + limit : undefined);
}

/**
 * `<collection>_links` with a `next` link when a page is full, as Manila's view builder makes it: the request's
 * query plus `marker`, on the unversioned `/<project>/<collection>` path.
 */
export function nextLinks(v: View, collection: string, page: Array<{ id: string }>): Record<string, unknown> {
  const limit = Number(v.ctx.query.get('limit'));
  if (!limit || page.length !== limit) return {};
  const params = new URLSearchParams(v.ctx.query);
  params.set('marker', page[page.length - 1].id);
  return { [`${collection}_links`]: [{ rel: 'next', href: `${v.ctx.serviceUrl}/${v.projectId}/${collection}?${params.toString()}` }] };
}
