'use client';
// The project's floating IPs as Designate sees them (GET /v2/reverse/floatingips), each with its PTR editor.
import { useQuery } from '@tanstack/react-query';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import { PtrListSchema } from '@/lib/resources/dns/ptr';
import { CliHint } from '@/components/ui/cli-hint';
import { DESIGNATE } from './data';
import { FloatingIpPtr } from './floating-ip-ptr';

export function ReverseDns() {
  const { projectId } = useProjectScope();
  const q = useQuery({
    queryKey: ['os', projectId, 'ptr', 'list'],
    queryFn: async ({ signal }) => parseResponse(PtrListSchema, await osCall(DESIGNATE, { method: 'GET', path: 'v2/reverse/floatingips' }, signal), 'dns v2/reverse/floatingips').floatingips,
  });
  return (
    <section aria-labelledby="reverse-dns-heading" className="space-y-3">
      <h2 id="reverse-dns-heading" className="text-lg font-semibold">
        Reverse DNS
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">PTR records of this project&apos;s floating IPs, so that their addresses resolve back to a name.</p>
      {q.isError && <ApiErrorNotice title="Could not list the floating IPs" error={q.error} />}
      {q.data && q.data.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">This project has no floating IPs.</p>}
      <div className="grid gap-3 md:grid-cols-2">
        {(q.data ?? []).map((f) => {
          const id = f.id.includes(':') ? f.id.slice(f.id.indexOf(':') + 1) : f.id;
          return <FloatingIpPtr key={f.id} floatingIp={{ id, floating_ip_address: f.address ?? id }} headingLevel={3} />;
        })}
      </div>
      <CliHint>openstack ptr record list</CliHint>
    </section>
  );
}
