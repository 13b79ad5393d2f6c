'use client';
// The generic zones list (with the zone file import) and, below, the project's floating IPs as Designate sees them
// (GET /v2/reverse/floatingips), each with its PTR editor.
import { ApiErrorNotice } from '@/components/resource/api-error';
import { KindList } from '@/components/resource/kind-pages';
import { CliHint } from '@/components/ui/cli-hint';
import { usePathQuery } from '@/lib/resources/queries';
import { floatingIpOf, PtrListSchema } from '@/lib/resources/dns/ptr';
import { DESIGNATE } from '@/lib/resources/dns/zone';
import { FloatingIpPtr } from './floating-ip-ptr';

export function ZonesList() {
  const q = usePathQuery('ptr', DESIGNATE, 'v2/reverse/floatingips', PtrListSchema, { select: (b) => b.floatingips });
  return (
    <div className="space-y-8">
      <KindList slug="zones" />
      <section aria-labelledby="reverse-dns-heading" className="space-y-3">
        <h2 id="reverse-dns-heading" className="text-lg font-semibold">
          Reverse DNS
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">PTR records of this project&apos;s floating IPs, so that their addresses resolve back to a name.</p>
        {q.isError && <ApiErrorNotice title="Could not list the floating IPs" error={q.error} />}
        {q.data && q.data.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">This project has no floating IPs.</p>}
        <div className="grid gap-3 md:grid-cols-2">
          {(q.data ?? []).map((f) => {
            const id = floatingIpOf(f.id);
            return <FloatingIpPtr key={f.id} floatingIp={{ id, floating_ip_address: f.address ?? id }} headingLevel={3} />;
          })}
        </div>
        <CliHint>openstack ptr record list</CliHint>
      </section>
    </div>
  );
}
