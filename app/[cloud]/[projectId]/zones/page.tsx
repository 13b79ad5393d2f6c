import type { Metadata } from 'next';
import { DnsGate } from '@/components/dns/dns-gate';
import { ZonesList } from '@/components/dns/zones-list';

export const metadata: Metadata = { title: 'Zones' };

export default async function ZonesPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  const { cloud, projectId } = await params;
  return (
    <DnsGate cloud={cloud} projectId={projectId}>
      <ZonesList />
    </DnsGate>
  );
}
