'use client';
// Reverse DNS (PTR) of one floating IP, self-contained: mount it on any page that has the floating IP
// ({ id, floating_ip_address }). Reads and writes Designate's /v2/reverse/floatingips/{region}:{id}.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { useClientSession } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { TextField } from '@/components/ui/field';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { pollInterval } from '@/lib/resources/polling';
import { parseResponse } from '@/lib/resources/schema';
import { PtrSchema, ptrPath, ptrSetCli, ptrSetRequest, PtrSetSchema, ptrUnsetCli, ptrUnsetRequest, type PtrSet } from '@/lib/resources/dns/ptr';
import { designateStatus } from '@/lib/resources/dns/zone';
import { DESIGNATE } from './data';

export interface FloatingIpRef {
  id: string;
  floating_ip_address: string;
}

export function FloatingIpPtr({ floatingIp, headingLevel = 2 }: { floatingIp: FloatingIpRef; headingLevel?: 2 | 3 }) {
  const session = useClientSession();
  const { projectId, region: urlRegion } = useProjectScope();
  const region = urlRegion || session?.region || 'RegionOne';
  const qc = useQueryClient();
  const key = ['os', projectId, 'ptr', 'item', `${region}:${floatingIp.id}`];
  const path = ptrPath(region, floatingIp.id);
  const q = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => parseResponse(PtrSchema, await osCall(DESIGNATE, { method: 'GET', path }, signal), `dns ${path}`),
    refetchInterval: (query) => pollInterval({ hidden: typeof document !== 'undefined' && document.visibilityState === 'hidden', busy: query.state.data?.status === 'PENDING', unchanged: 0 }),
  });
  const [editing, setEditing] = useState(false);
  const form = useZodForm(PtrSetSchema, { ptrdname: '', ttl: '', description: '' });
  const { field } = form;
  const done = () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ['os', projectId, 'ptr', 'list'] })]);
  const set = useMutation({ mutationFn: (i: PtrSet) => osCall(DESIGNATE, ptrSetRequest(region, floatingIp.id, i)), onSettled: done });
  const unset = useMutation({ mutationFn: () => osCall(DESIGNATE, ptrUnsetRequest(region, floatingIp.id)), onSettled: done });
  const ptr = q.data;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `ptr-${floatingIp.id}`;
  const current = ptr?.ptrdname ?? null;

  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <H id={headingId} className="font-semibold">
        Reverse DNS for {floatingIp.floating_ip_address}
      </H>
      {q.isPending && <p className="text-zinc-500">Loading…</p>}
      {q.isError && <ApiErrorNotice title="Could not read the PTR record" error={q.error} />}
      {ptr && (
        <p className="flex flex-wrap items-center gap-2">
          <span>PTR:</span>
          {current ? <code className="font-mono">{current}</code> : <span className="text-zinc-500 dark:text-zinc-400">not set</span>}
          {current && ptr.ttl != null && <span className="text-zinc-500">TTL {ptr.ttl} s</span>}
          {ptr.status && ptr.status !== 'INACTIVE' && <StatusBadge status={designateStatus({ status: ptr.status, action: ptr.action })} />}
        </p>
      )}
      {ptr && !editing && (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              form.reset({ ptrdname: current ?? '', ttl: ptr.ttl != null ? String(ptr.ttl) : '', description: ptr.description ?? '' });
              setEditing(true);
            }}
          >
            {current ? 'Change PTR record' : 'Set PTR record'}
          </button>
          {current && (
            <button type="button" className={`${buttonClass.secondary} text-red-700 dark:text-red-300`} title={ptrUnsetCli(region, floatingIp.id)} disabled={unset.isPending} onClick={() => unset.mutate()}>
              Unset PTR record
            </button>
          )}
        </div>
      )}
      {unset.isError && <ApiErrorNotice title="Could not unset the PTR record" error={unset.error} />}
      {editing && (
        <form
          noValidate
          aria-label={`PTR record for ${floatingIp.floating_ip_address}`}
          className="space-y-3"
          onSubmit={form.submit(async (input) => {
            await set.mutateAsync(input);
            setEditing(false);
          })}
        >
          <TextField label="PTR domain name" placeholder="web.example.org." hint="Fully qualified, ending with a dot." {...field('ptrdname')} />
          <TextField label="PTR TTL (seconds)" inputMode="numeric" {...field('ttl')} />
          <TextField label="PTR description" {...field('description')} />
          {set.isError && <ApiErrorNotice title="Designate refused the PTR record" error={set.error} />}
          <CliHint>{ptrSetCli(region, floatingIp.id, form.values)}</CliHint>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass.primary} disabled={set.isPending}>
              Save PTR record
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
