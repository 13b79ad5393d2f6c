// Service catalog: cached in process memory keyed by a hash of the token (never in the cookie),
// re-fetched from Keystone on a miss, so any dashboard process can serve any user.
import 'server-only';
import crypto from 'node:crypto';
import { getCloud } from '@/lib/config/clouds';
import type { CatalogEntry } from './catalog-schema';
import { sessionExpired } from './errors';
import { validateToken } from './keystone';
import type { SessionData } from './session';

export type { CatalogEntry, Endpoint } from './catalog-schema';

type Cached = { catalog: CatalogEntry[]; expiresAt: number };
const MAX_ENTRIES = 10_000;
// On globalThis: the custom server's /api/os fast path and Next's bundled route handlers are separate module
// instances in one process, and must share one cache (logout and rescope forget entries for both).
const globalCache = globalThis as typeof globalThis & { __stratusCatalogCache?: Map<string, Cached> };
const cache = (globalCache.__stratusCatalogCache ??= new Map<string, Cached>());

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function cacheCatalog(token: string, catalog: CatalogEntry[], expiresAt: number): void {
  const key = tokenHash(token);
  cache.delete(key);
  cache.set(key, { catalog, expiresAt });
  // Map keeps insertion order: drop the oldest entries beyond the bound.
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
}

export function cachedCatalog(token: string, now = Date.now()): CatalogEntry[] | undefined {
  const key = tokenHash(token);
  const hit = cache.get(key);
  if (!hit) return undefined;
  if (hit.expiresAt <= now) {
    cache.delete(key);
    return undefined;
  }
  return hit.catalog;
}

export function forgetCatalog(token: string): void {
  cache.delete(tokenHash(token));
}

/** Regions that appear in the catalog, in first-seen order. */
export function catalogRegions(catalog: CatalogEntry[]): string[] {
  const seen: string[] = [];
  for (const e of catalog) for (const ep of e.endpoints) {
    const r = ep.region_id ?? ep.region;
    if (r && !seen.includes(r)) seen.push(r);
  }
  return seen;
}

export function findService(catalog: CatalogEntry[], type: string): CatalogEntry | undefined {
  return catalog.find((e) => e.type === type);
}

/** The endpoint URL of a service type for a region and interface, or undefined. */
export function resolveEndpoint(catalog: CatalogEntry[], type: string, region: string, iface: string): string | undefined {
  const entry = findService(catalog, type);
  if (!entry) return undefined;
  const ep = entry.endpoints.find((e) => e.interface === iface && (e.region_id ?? e.region) === region);
  return ep?.url;
}

/** The session's catalog from process memory, or from Keystone on a miss (e.g. another process logged the user in). */
export async function getCatalog(session: SessionData): Promise<CatalogEntry[]> {
  const hit = cachedCatalog(session.token);
  if (hit) return hit;
  const cloud = getCloud(session.cloud);
  if (!cloud) throw sessionExpired();
  const info = await validateToken(cloud, session.token);
  if (!info) throw sessionExpired();
  const catalog = info.catalog ?? [];
  cacheCatalog(session.token, catalog, info.expiresAt);
  return catalog;
}
