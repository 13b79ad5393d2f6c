'use client';
// Reverse DNS (PTR) of one floating IP, self-contained: mount it on any page that has the floating IP
// ({ id, floating_ip_address }). Reads Designate's /v2/reverse/floatingips/{region}:{id}; the PTR definition's
// toolbar sets and unsets it.
import { ApiErrorNotice } from '@/components/resource/api-error';
import { DetailToolbar } from '@/components/resource/detail/toolbar';
import { StatusBadge } from '@/components/resource/status-badge';
import { useClientSession } from '@/components/shell/session-context';
import { useProjectScope, useResource } from '@/lib/resources/hooks';
import { ptrDefinition } from '@/lib/resources/dns/ptr';

export interface FloatingIpRef {
  id: string;
  floating_ip_address: string;
}

export function FloatingIpPtr({ floatingIp, headingLevel = 2 }: { floatingIp: FloatingIpRef; headingLevel?: 2 | 3 }) {
  const session = useClientSession();
  const { region: urlRegion } = useProjectScope();
  const def = ptrDefinition(urlRegion || session?.region || 'RegionOne');
  const q = useResource(def, floatingIp.id);
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
        <>
          <p className="flex flex-wrap items-center gap-2">
            <span>PTR:</span>
            {current ? <code className="font-mono">{current}</code> : <span className="text-zinc-500 dark:text-zinc-400">not set</span>}
            {current && ptr.ttl != null && <span className="text-zinc-500">TTL {ptr.ttl} s</span>}
            {ptr.status && ptr.status !== 'INACTIVE' && <StatusBadge status={def.status!(ptr)} />}
          </p>
          <DetailToolbar def={def} row={ptr} />
        </>
      )}
    </section>
  );
}
