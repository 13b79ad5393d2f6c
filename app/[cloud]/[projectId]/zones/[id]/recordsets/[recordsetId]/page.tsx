import type { Metadata } from 'next';
import { DnsGate } from '@/components/dns/dns-gate';
import { RecordsetEditPage } from '@/components/dns/recordset-form';

export const metadata: Metadata = { title: 'Recordset' };

export default async function RecordsetPage({ params }: { params: Promise<{ cloud: string; projectId: string; id: string; recordsetId: string }> }) {
  const { cloud, projectId, id, recordsetId } = await params;
  return (
    <DnsGate cloud={cloud} projectId={projectId}>
      <RecordsetEditPage zoneId={decodeURIComponent(id)} recordsetId={decodeURIComponent(recordsetId)} />
    </DnsGate>
  );
}
