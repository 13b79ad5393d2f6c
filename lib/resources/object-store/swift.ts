// Swift v1 (object storage): schemas and pure helpers. Swift lists as bare JSON arrays (not keyed objects),
// pages with marker/limit, folds names into pseudo-folders with prefix + delimiter, and keeps metadata in
// headers, so it does not fit the generic ResourceDefinition; components/object-store/ uses these instead.
import { z } from 'zod';
import { msg, type Msg } from '@/lib/i18n/msg';

export const SERVICE = 'object-store';
/** Listing page size (Swift's own cap is container_listing_limit, 10000 by default). */
export const PAGE_SIZE = 100;
export const PUBLIC_READ_ACL = '.r:*,.rlistings';

export const ContainerSchema = z.looseObject({
  name: z.string().min(1),
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  last_modified: z.string().optional(),
});
export type Container = z.infer<typeof ContainerSchema>;

export const ObjectEntrySchema = z.looseObject({
  name: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  hash: z.string(),
  content_type: z.string().optional(),
  last_modified: z.string(),
});
export type ObjectEntry = z.infer<typeof ObjectEntrySchema>;

export const SubdirSchema = z.looseObject({ subdir: z.string().min(1) });
export type Subdir = z.infer<typeof SubdirSchema>;

export const ContainerListingSchema = z.array(ContainerSchema);
export const ObjectListingSchema = z.array(z.union([SubdirSchema, ObjectEntrySchema]));
export type ObjectListing = z.infer<typeof ObjectListingSchema>;

/** A folder row: its full prefix ("photos/2024/") and the name shown inside the current folder ("2024"). */
export interface Folder {
  prefix: string;
  name: string;
}
/** An object row, with the name shown inside the current folder. */
export interface ObjectRow extends ObjectEntry {
  display: string;
}

/** Split a delimited listing at `prefix` into folders and objects, each named relative to the prefix. */
export function splitListing(entries: ObjectListing, prefix: string): { folders: Folder[]; objects: ObjectRow[] } {
  const folders: Folder[] = [];
  const objects: ObjectRow[] = [];
  for (const e of entries) {
    if ('subdir' in e && typeof e.subdir === 'string') {
      const rel = e.subdir.slice(prefix.length).replace(/\/$/, '');
      folders.push({ prefix: e.subdir, name: rel || e.subdir });
    } else if ('name' in e) {
      const o = e as ObjectEntry;
      objects.push({ ...o, display: o.name.startsWith(prefix) ? o.name.slice(prefix.length) : o.name });
    }
  }
  return { folders, objects };
}

/** The marker for the next page: the last entry's name (or subdir), when the page was full. */
export function nextMarker(entries: ReadonlyArray<{ name?: unknown; subdir?: unknown }>, limit: number): string | undefined {
  if (entries.length < limit || entries.length === 0) return undefined;
  const last = entries[entries.length - 1];
  const m = typeof last.subdir === 'string' ? last.subdir : typeof last.name === 'string' ? last.name : undefined;
  return m || undefined;
}

/** Breadcrumbs for a prefix: "a/b/" -> [{name:'a', prefix:'a/'}, {name:'b', prefix:'a/b/'}]. */
export function breadcrumbs(prefix: string): Folder[] {
  const parts = prefix.split('/').filter(Boolean);
  return parts.map((name, i) => ({ name, prefix: `${parts.slice(0, i + 1).join('/')}/` }));
}

/** A folder path as typed ("/a/b", "a/b/") -> a listing prefix ("a/b/"), or "" for the top level. */
export function normaliseFolder(input: string): string {
  const parts = input.split('/').map((p) => p.trim()).filter(Boolean);
  return parts.length ? `${parts.join('/')}/` : '';
}

// The dashboard proxy re-encodes each path segment and refuses segments with "/", "\" or "@", dot segments and
// empty segments (an SSRF guard), so names that would need those cannot be addressed through it.
const PROXY_UNSAFE = /[\\@\u0000-\u001f\u007f]|%(2e|2f|5c|40|25)/i;

/** Why a container name is refused, or null. Swift: 1-256 bytes, no "/". */
export function containerNameError(name: string): Msg | null {
  if (!name) return 'objectStore.names.enterName';
  if (new TextEncoder().encode(name).length > 256) return 'objectStore.names.containerTooLong';
  if (name.includes('/')) return 'objectStore.names.containerSlash';
  if (name === '.' || name === '..') return 'objectStore.names.containerDots';
  if (name.trim() !== name) return 'objectStore.names.containerSpace';
  if (PROXY_UNSAFE.test(name)) return 'objectStore.names.containerUnsafe';
  return null;
}

/** Why an object name is refused, or null. Swift: 1-1024 bytes; the proxy needs non-empty, non-dot segments. */
export function objectNameError(name: string): Msg | null {
  if (!name) return 'objectStore.names.objectEmpty';
  if (new TextEncoder().encode(name).length > 1024) return msg('objectStore.names.objectTooLong', { name: name.slice(0, 40) });
  const segments = name.split('/');
  if (segments.some((s) => s === '')) return msg('objectStore.names.objectEmptyPart', { name });
  if (segments.some((s) => s === '.' || s === '..')) return msg('objectStore.names.objectDots', { name });
  if (PROXY_UNSAFE.test(name)) return msg('objectStore.names.objectUnsafe', { name });
  return null;
}

/** Proxy path of the account, a container or an object (object names keep their "/" as path separators). */
export function swiftPath(container?: string, object?: string): string {
  let p = `/api/os/${SERVICE}`;
  if (container !== undefined) p += `/${encodeURIComponent(container)}`;
  if (object !== undefined) p += `/${object.split('/').map(encodeURIComponent).join('/')}`;
  return p;
}

export function listingQuery(opts: { prefix?: string; delimiter?: string; marker?: string; limit?: number }): string {
  const q = new URLSearchParams({ format: 'json' });
  if (opts.limit) q.set('limit', String(opts.limit));
  if (opts.marker) q.set('marker', opts.marker);
  if (opts.prefix) q.set('prefix', opts.prefix);
  if (opts.delimiter) q.set('delimiter', opts.delimiter);
  return `?${q.toString()}`;
}

export function isPublicRead(acl: string | null | undefined): boolean {
  return (acl ?? '').split(',').map((s) => s.trim()).includes('.r:*');
}

export interface ObjectMetadata {
  contentType?: string;
  etag?: string;
  lastModified?: string;
  timestamp?: string;
  deleteAt?: string;
  manifest?: string;
  /** X-Object-Meta-<Key>: value, keys as Swift returns them (lower-cased by HTTP). */
  meta: Record<string, string>;
}

/**
 * Reads Swift's response headers into `out`: `fields` maps a header (lower case) to the field and how to read its
 * value; headers starting with `metaPrefix` become `meta` entries (keys as Swift returns them, lower-cased by HTTP).
 */
function readHeaders<T extends { meta: Record<string, string> }>(headers: Iterable<[string, string]>, out: T, metaPrefix: string, fields: Record<string, (out: T, v: string) => void>): T {
  for (const [k, v] of headers) {
    const key = k.toLowerCase();
    if (Object.hasOwn(fields, key)) fields[key](out, v);
    else if (key.startsWith(metaPrefix)) out.meta[key.slice(metaPrefix.length)] = v;
  }
  return out;
}

/** The metadata a HEAD on an object returns, from its (proxied) response headers. */
export function objectMetadata(headers: Iterable<[string, string]>): ObjectMetadata {
  return readHeaders<ObjectMetadata>(headers, { meta: {} }, 'x-object-meta-', {
    'content-type': (o, v) => (o.contentType = v),
    etag: (o, v) => (o.etag = v.replace(/"/g, '')),
    'last-modified': (o, v) => (o.lastModified = v),
    'x-timestamp': (o, v) => (o.timestamp = v),
    'x-delete-at': (o, v) => (o.deleteAt = v),
    'x-object-manifest': (o, v) => (o.manifest = v),
  });
}

export interface ContainerInfo {
  objectCount?: number;
  bytesUsed?: number;
  read?: string;
  write?: string;
  storagePolicy?: string;
  meta: Record<string, string>;
}

const count = (v: string) => (/^\d+$/.test(v) ? Number(v) : undefined);

export function containerInfo(headers: Iterable<[string, string]>): ContainerInfo {
  return readHeaders<ContainerInfo>(headers, { meta: {} }, 'x-container-meta-', {
    'x-container-object-count': (o, v) => (o.objectCount = count(v)),
    'x-container-bytes-used': (o, v) => (o.bytesUsed = count(v)),
    'x-container-read': (o, v) => (o.read = v),
    'x-container-write': (o, v) => (o.write = v),
    'x-storage-policy': (o, v) => (o.storagePolicy = v),
  });
}

/** "1.5 MiB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** The file name a download should get: the last path part of the object name. */
export function baseName(name: string): string {
  return name.split('/').filter(Boolean).pop() ?? name;
}

const sh = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The real command-line equivalents (python-openstackclient; ACLs only exist in python-swiftclient). */
export const cli = {
  listContainers: () => 'openstack container list --long',
  createContainer: (name: string, publicRead: boolean) =>
    `openstack container create ${sh(name)}${publicRead ? ` && swift post --read-acl '${PUBLIC_READ_ACL}' ${sh(name)}` : ''}`,
  setAccess: (name: string, publicRead: boolean) => (publicRead ? `swift post --read-acl '${PUBLIC_READ_ACL}' ${sh(name)}` : `swift post --read-acl '' ${sh(name)}`),
  deleteContainer: (name: string) => `openstack container delete ${sh(name)}`,
  emptyAndDelete: (name: string) => `openstack container delete --recursive ${sh(name)}`,
  showContainer: (name: string) => `openstack container show ${sh(name)}`,
  listObjects: (container: string, prefix: string) => `openstack object list ${sh(container)}${prefix ? ` --prefix ${sh(prefix)} --delimiter /` : ' --delimiter /'}`,
  upload: (container: string, name: string) => `openstack object create --name ${sh(name)} ${sh(container)} ${sh(baseName(name))}`,
  download: (container: string, name: string) => `openstack object save --file ${sh(baseName(name))} ${sh(container)} ${sh(name)}`,
  showObject: (container: string, name: string) => `openstack object show ${sh(container)} ${sh(name)}`,
  deleteObject: (container: string, name: string) => `openstack object delete ${sh(container)} ${sh(name)}`,
};
