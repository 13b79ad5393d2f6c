'use client';
// Calls the DNS pages share that are not plain JSON resources: zone-file text (export) and task polling.
// (Whether the catalog has Designate at all is the registry's question: useSectionAccess('zones').)
import type { z } from 'zod';
import { ApiError, parseApiError, pageProjectId } from '@/lib/client/api';
import { osCall, osPath } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import { DNS_SERVICE, taskDone } from '@/lib/resources/dns/zone';

export const DESIGNATE = { service: DNS_SERVICE };

/** GET a text body through the proxy (Designate's zone file is text/dns, not JSON). */
export async function fetchText(path: string, accept: string, signal?: AbortSignal): Promise<string> {
  const headers: Record<string, string> = { Accept: accept };
  const project = pageProjectId(window.location.pathname);
  if (project) headers['X-Stratus-Project'] = project;
  const res = await fetch(osPath(DNS_SERVICE, path), { headers, credentials: 'same-origin', cache: 'no-store', signal });
  if (!res.ok) throw await parseApiError(res);
  return res.text();
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });

/** Polls an export or import task until COMPLETE or ERROR (1 s, then backing off to 5 s; at most ~2 minutes). */
export async function waitForTask<T extends { status: string }>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let delay = 1000;
  for (let i = 0; i < 40; i++) {
    const t = parseResponse(schema, await osCall(DESIGNATE, { method: 'GET', path }, signal), `dns ${path}`);
    if (taskDone(t)) return t;
    await sleep(delay, signal);
    delay = Math.min(5000, delay * 1.5);
  }
  throw new ApiError({ status: 504, message: 'Designate did not finish the task within two minutes; it may still complete later.', service: DNS_SERVICE });
}
