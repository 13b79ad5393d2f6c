import type { Metadata } from 'next';
import { DnsGate } from '@/components/dns/dns-gate';
import { RecordZonePicker } from '@/components/dns/record-zone-picker';

export const metadata: Metadata = { title: 'Create DNS record' };

export default async function CreateRecordPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  const { cloud, projectId } = await params;
  return (
    <DnsGate cloud={cloud} projectId={projectId}>
      <RecordZonePicker />
    </DnsGate>
  );
}
