import type { Metadata } from 'next';
import { DnsGate } from '@/components/dns/dns-gate';
import { ZoneCreateForm } from '@/components/dns/zone-create';

export const metadata: Metadata = { title: 'Create zone' };

export default async function CreateZonePage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  const { cloud, projectId } = await params;
  return (
    <DnsGate cloud={cloud} projectId={projectId}>
      <ZoneCreateForm />
    </DnsGate>
  );
}
