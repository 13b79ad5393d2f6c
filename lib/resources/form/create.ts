'use client';
// The call behind the generic create form: the definition's request or its mode's, a text body sent as text
// (a zone file), then the task it started polled to its end. The kind and those it changes refetch.
import { useMutation } from '@tanstack/react-query';
import { upload } from '@/lib/client/upload';
import { osCall, osPath } from '../hooks';
import { useInvalidateKinds } from '../queries';
import type { ApiRequest, CreateMode, ResourceDefinition } from '../types';
import { finishTask } from './task';

/** A string body with a non-JSON Content-Type goes as it is (apiFetch would send it as a JSON string). */
async function send(def: Pick<ResourceDefinition<unknown>, 'service' | 'headers'>, req: ApiRequest): Promise<unknown> {
  const headers = { ...def.headers, ...req.headers };
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (typeof req.body !== 'string' || !type || type.includes('json') || (req.method !== 'POST' && req.method !== 'PUT')) return osCall(def, req);
  const res = await upload({ method: req.method, url: osPath(def.service, req.path), body: new Blob([req.body], { type }), headers });
  return res.body ? JSON.parse(res.body) : undefined;
}

export function useFormCreate<T, C>(def: ResourceDefinition<T, C>, mode?: CreateMode) {
  const invalidate = useInvalidateKinds();
  return useMutation({
    mutationFn: async (input: C) => {
      if (!def.create) throw new Error(`${def.kind} cannot be created here`);
      const req = mode?.request ? mode.request(input) : def.create.request(input);
      const body = await send(def, { ...req, cli: mode?.cli ? mode.cli(input) : def.create.cli(input) });
      return mode?.task ? finishTask(def, mode.task, body) : body;
    },
    onSettled: () => invalidate([def.kind, ...(def.invalidates ?? [])]),
  });
}
