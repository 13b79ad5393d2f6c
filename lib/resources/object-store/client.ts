// Browser-side Swift calls through the proxy. Not apiFetch: Swift answers with bare arrays and keeps what we need
// (object counts, ACLs, object metadata) in response headers, which apiFetch does not return.
import { DryRunError, expiredLoginUrl, pageProjectId, parseApiError, TextError } from '@/lib/client/api';
import { beginMutation } from '@/lib/recorder/store';
import { msg, type Msg } from '@/lib/i18n/msg';
import { startCall } from '@/lib/client/inspector';
import { upload, type UploadProgress } from '@/lib/client/upload';
import { parseResponse } from '@/lib/resources/schema';
import {
  containerInfo,
  ContainerListingSchema,
  listingQuery,
  nextMarker,
  objectMetadata,
  objectNameError,
  ObjectListingSchema,
  PUBLIC_READ_ACL,
  swiftPath,
  type Container,
  type ContainerInfo,
  type ObjectListing,
  type ObjectMetadata,
} from './swift';

type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

async function swiftFetch(path: string, init: { method?: Method; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (method !== 'GET' && method !== 'HEAD') headers['X-Stratus-CSRF'] = '1';
  const project = typeof window !== 'undefined' ? pageProjectId(window.location.pathname) : undefined;
  if (project) headers['X-Stratus-Project'] = project;
  // Swift's mutations reach the session recorder here (its dry run sends none of them).
  const recorded = method === 'HEAD' ? undefined : beginMutation({ method, path });
  if (recorded === 'dry-run') throw new DryRunError();
  const finish = startCall({ method, path, headers });
  const res = await fetch(path, { method, headers, credentials: 'same-origin', cache: 'no-store', signal: init.signal }).catch((e: unknown) => {
    finish({ failure: e instanceof Error ? e.message : String(e) });
    throw e;
  });
  // Swift listings are read by the caller; the inspector shows their headers (counts, ACLs, metadata) only.
  finish({ status: res.status, headers: res.headers, body: res.ok ? undefined : await res.clone().text().catch(() => '') });
  recorded?.({ status: res.status });
  if (!res.ok) {
    const error = await parseApiError(res);
    if (res.status === 401 && typeof window !== 'undefined') window.location.assign(expiredLoginUrl(window.location));
    throw error;
  }
  return res;
}

async function jsonArray(res: Response): Promise<unknown> {
  if (res.status === 204) return [];
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : [];
}

export interface Page<T> {
  items: T[];
  next?: string;
}

export async function listContainers(opts: { marker?: string; limit: number }, signal?: AbortSignal): Promise<Page<Container>> {
  const path = `${swiftPath()}${listingQuery(opts)}`;
  const res = await swiftFetch(path, { signal });
  const items = parseResponse(ContainerListingSchema, await jsonArray(res), 'object-store account listing');
  return { items, next: nextMarker(items, opts.limit) };
}

export interface ObjectPage {
  entries: ObjectListing;
  next?: string;
  info: ContainerInfo;
}

export async function listObjects(
  container: string,
  opts: { prefix?: string; delimiter?: string; marker?: string; limit: number },
  signal?: AbortSignal,
): Promise<ObjectPage> {
  const res = await swiftFetch(`${swiftPath(container)}${listingQuery(opts)}`, { signal });
  const info = containerInfo(res.headers.entries());
  const entries = parseResponse(ObjectListingSchema, await jsonArray(res), `object-store container ${container} listing`);
  return { entries, next: nextMarker(entries, opts.limit), info };
}

/**
 * Names the proxy cannot address exactly (a trailing "/" folder marker, "//", "@"...) must never be sent: the proxy
 * would drop an empty segment and so act on ANOTHER object ("a/" would become "a").
 */
export class UnaddressableObjectError extends TextError {
  constructor(problem: Msg) {
    // The problem names the object and why the dashboard cannot address it.
    super(problem);
    this.name = 'UnaddressableObjectError';
  }
}

function checkAddressable(name: string) {
  const problem = objectNameError(name);
  if (problem) throw new UnaddressableObjectError(problem);
}

export async function headObject(container: string, name: string, signal?: AbortSignal): Promise<ObjectMetadata> {
  checkAddressable(name);
  const res = await swiftFetch(swiftPath(container, name), { method: 'HEAD', signal });
  return objectMetadata(res.headers.entries());
}

export async function containerExists(name: string): Promise<boolean> {
  try {
    await swiftFetch(swiftPath(name), { method: 'HEAD' });
    return true;
  } catch (e) {
    if (e && typeof e === 'object' && 'status' in e && (e as { status: number }).status === 404) return false;
    throw e;
  }
}

export async function createContainer(name: string, publicRead: boolean): Promise<void> {
  await swiftFetch(swiftPath(name), { method: 'PUT', headers: publicRead ? { 'X-Container-Read': PUBLIC_READ_ACL } : {} });
}

/** An empty X-Container-Read removes the ACL (Swift's documented way; `swift post -r ''`). */
export async function setContainerAccess(name: string, publicRead: boolean): Promise<void> {
  await swiftFetch(swiftPath(name), { method: 'POST', headers: { 'X-Container-Read': publicRead ? PUBLIC_READ_ACL : '' } });
}

export async function deleteContainer(name: string): Promise<void> {
  await swiftFetch(swiftPath(name), { method: 'DELETE' });
}

export async function deleteObject(container: string, name: string): Promise<void> {
  checkAddressable(name);
  try {
    await swiftFetch(swiftPath(container, name), { method: 'DELETE' });
  } catch (e) {
    // Already gone is what we wanted.
    if (!(e && typeof e === 'object' && 'status' in e && (e as { status: number }).status === 404)) throw e;
  }
}

export function uploadObject(container: string, name: string, file: Blob, onProgress: (p: UploadProgress) => void, signal: AbortSignal) {
  checkAddressable(name);
  return upload({
    method: 'PUT',
    url: swiftPath(container, name),
    body: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    onProgress,
    signal,
  });
}

export interface EmptyProgress {
  deleted: number;
  /** Objects found so far (the listing is read page by page, so it grows until the last page). */
  found: number;
  done: boolean;
}

/**
 * Delete every object of a container (all pages, no delimiter), a few at a time, then the container itself.
 * Swift's bulk-delete middleware is optional per cloud, so this uses plain DELETEs like `openstack container
 * delete --recursive` does.
 */
export async function emptyAndDelete(container: string, onProgress: (p: EmptyProgress) => void, signal: AbortSignal): Promise<number> {
  const limit = 1000;
  let marker: string | undefined;
  let deleted = 0;
  let found = 0;
  const skipped: string[] = [];
  for (;;) {
    const page = await listObjects(container, { marker, limit }, signal);
    const all = page.entries.flatMap((e) => ('name' in e && typeof e.name === 'string' ? [e.name] : []));
    const names = all.filter((n) => !objectNameError(n));
    skipped.push(...all.filter((n) => objectNameError(n)));
    found += names.length;
    onProgress({ deleted, found, done: false });
    const queue = [...names];
    const worker = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
        await deleteObject(container, n);
        deleted++;
        onProgress({ deleted, found, done: false });
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    if (!page.next) break;
    marker = page.next;
  }
  if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
  if (skipped.length) {
    const names = `${skipped.slice(0, 3).map((n) => JSON.stringify(n)).join(', ')}${skipped.length > 3 ? ', …' : ''}`;
    throw new TextError(msg('objectStore.names.skipped', { deleted, skipped: skipped.length, names, command: `openstack container delete --recursive ${JSON.stringify(container)}` }));
  }
  // Container listings are updated asynchronously on a busy Swift: a 409 right after the last object may pass soon.
  for (let attempt = 0; ; attempt++) {
    try {
      await deleteContainer(container);
      break;
    } catch (e) {
      const status = e && typeof e === 'object' && 'status' in e ? (e as { status: number }).status : 0;
      if (status !== 409 || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 400 * (attempt + 1)));
    }
  }
  onProgress({ deleted, found, done: true });
  return deleted;
}
