'use client';
// Asynchronous tasks an API starts and the dashboard waits for (Designate's zone imports and exports): the task
// is read again until it says it is done.
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, apiFetch, TextError } from '@/lib/client/api';
import { osCall, osPath } from '../hooks';
import type { ServiceTarget } from '../queries';
import { parseResponse } from '../schema';
import type { AnyDefinition, CreateTask, DetailDownload } from '../types';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });

/** GET `path` until `done` (1 s, then backing off to 5 s; at most ~2 minutes). */
export async function waitForTask<K>(target: ServiceTarget, path: string, task: { schema: z.ZodType<K>; done: (t: K) => boolean }, signal?: AbortSignal): Promise<K> {
  let delay = 1000;
  for (let i = 0; i < 40; i++) {
    const t = parseResponse(task.schema, await osCall(target, { method: 'GET', path }, signal), `${target.service} ${path}`);
    if (task.done(t)) return t;
    await sleep(delay, signal);
    delay = Math.min(5000, delay * 1.5);
  }
  throw new ApiError({ status: 504, text: 'explain.taskTimeout', service: target.service });
}

/** The task a call answered (`body`), waited for; a task that ended in failure throws its reason (a TextError). */
export async function finishTask<K>(def: Pick<AnyDefinition, 'service' | 'kind'>, task: CreateTask<K>, body: unknown): Promise<K> {
  const started = parseResponse(task.schema, body, `${def.service} ${def.kind} task`);
  const ended = await waitForTask(def, task.path(started), task);
  const failed = task.failed?.(ended);
  if (failed) throw new TextError(failed);
  return ended;
}

/** A detail download: start the task, wait for it, read its file as text; the caller saves it. */
export function useDetailDownload<T, K>(def: Pick<AnyDefinition, 'service' | 'headers' | 'kind'>, spec: DetailDownload<T, K>) {
  return useMutation({
    mutationFn: async (row: T) => {
      const task = await finishTask(def, spec.task, await osCall(def, spec.start(row)));
      const file = spec.file(row, task);
      // Recorded by the API inspector like the calls before it (a zone file is no secret).
      const text = await apiFetch<string>(osPath(def.service, file.path), { headers: { ...def.headers, Accept: file.accept }, as: 'text' });
      return { task, name: file.name, mime: file.accept, text };
    },
  });
}
