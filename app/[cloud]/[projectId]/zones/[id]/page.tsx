import type { Metadata } from 'next';
import { DnsGate } from '@/components/dns/dns-gate';
import { ZoneDetail } from '@/components/dns/zone-detail';

export const metadata: Metadata = { title: 'Zone' };

export default async function ZonePage({ params }: { params: Promise<{ cloud: string; projectId: string; id: string }> }) {
  const { cloud, projectId, id } = await params;
  return (
    <DnsGate cloud={cloud} projectId={projectId}>
      <ZoneDetail id={decodeURIComponent(id)} />
    </DnsGate>
  );
}
