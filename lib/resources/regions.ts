// "All regions": a list that merges the rows of every region of the catalog. Each region is asked on its own
// (the proxy picks that region's catalog endpoint from X-Stratus-Region), polled on its own, and fails on its own;
// a merged row remembers its region so that its link and its actions go there. Pure: no React, no fetch.
import type { Column } from './types';

/** `?regions=all` on a list page: the choice is in the URL, so a pasted link shows the same view. */
export const REGIONS_PARAM = 'regions';
export const ALL_REGIONS = 'all';
/** The header the proxy reads (lib/openstack/proxy-rules.ts requestedRegion). */
export const REGION_HEADER = 'X-Stratus-Region';

export function isAllRegions(params: Pick<URLSearchParams, 'get'>): boolean {
  return params.get(REGIONS_PARAM) === ALL_REGIONS;
}

/** The query string with the choice set or cleared (a page marker belongs to one region's list: it goes). */
export function withAllRegions(current: URLSearchParams, on: boolean): string {
  const out = new URLSearchParams(current);
  out.delete('marker');
  if (on) out.set(REGIONS_PARAM, ALL_REGIONS);
  else out.delete(REGIONS_PARAM);
  return out.toString();
}

/** The headers that send a call to `region` (none: the session's region). */
export function regionHeaders(region: string | undefined): Record<string, string> {
  return region ? { [REGION_HEADER]: region } : {};
}

/** A call target (a definition, a ServiceTarget) whose calls go to `region`; unchanged without one. */
export function inRegion<D extends { headers?: Record<string, string> }>(target: D, region: string | undefined): D {
  return region ? { ...target, headers: { ...target.headers, ...regionHeaders(region) } } : target;
}

/** Rows grouped by the region they came from ('' for the session's region), in first-seen order. */
export function byRegion<T>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const r = rowRegion(row) ?? '';
    const group = out.get(r);
    if (group) group.push(row);
    else out.set(r, [row]);
  }
  return out;
}

// Rows stay the plain JSON the cache holds: their region is remembered beside them, not written into them, so
// exports, column values and structural sharing never see it.
const regionOfRow = new WeakMap<object, string>();

/** Remember the region a merged row came from. */
export function tagRegion<T>(row: T, region: string): T {
  if (row && typeof row === 'object') regionOfRow.set(row, region);
  return row;
}

/** The region a merged row came from; undefined for a row of the session's region list. */
export function rowRegion(row: unknown): string | undefined {
  return row && typeof row === 'object' ? regionOfRow.get(row) : undefined;
}

/** A region's answer, as the merged list reads it. */
export interface RegionResult<T> {
  region: string;
  items?: readonly T[];
  /** The region has rows after this page. */
  next?: string;
  error?: unknown;
  pending: boolean;
}

export interface MergedRegions<T> {
  rows: T[];
  /** Regions whose request failed, with their error: shown per region, never instead of the others' rows. */
  failed: { region: string; error: unknown }[];
  pending: string[];
  /** Regions with more rows than this page. */
  more: string[];
}

/** The rows of every region that answered, each tagged with its region, in region order. */
export function mergeRegions<T>(results: readonly RegionResult<T>[]): MergedRegions<T> {
  const out: MergedRegions<T> = { rows: [], failed: [], pending: [], more: [] };
  for (const r of results) {
    if (r.items) for (const row of r.items) out.rows.push(tagRegion(row, r.region));
    // A failed refetch keeps the region's last rows (as a single list does) and still says it failed.
    if (r.error) out.failed.push({ region: r.region, error: r.error });
    else if (r.pending) out.pending.push(r.region);
    if (r.next) out.more.push(r.region);
  }
  return out;
}

/** The key of a row among merged rows: the same id may exist in two regions. */
export function regionRowKey(id: string, region: string | undefined): string {
  return region ? `${region}\u0000${id}` : id;
}

/** The Region column's id: no kind's own column (a definition may have a `region` of its own). */
export const REGION_COLUMN = '_region';

/** The Region column of a merged list (the region's name as the catalog spells it: data, not words). */
export function regionColumn<T>(): Column<T> {
  return { id: REGION_COLUMN, label: 'resource.regions.column', value: (row) => rowRegion(row) ?? '', width: 'sm', short: false };
}
