import type { Metadata } from 'next';
import { DnsGate } from '@/components/dns/dns-gate';
import { RecordsetCreatePage } from '@/components/dns/recordset-form';

export const metadata: Metadata = { title: 'Create recordset' };

export default async function CreateRecordsetPage({ params }: { params: Promise<{ cloud: string; projectId: string; id: string }> }) {
  const { cloud, projectId, id } = await params;
  return (
    <DnsGate cloud={cloud} projectId={projectId}>
      <RecordsetCreatePage zoneId={decodeURIComponent(id)} />
    </DnsGate>
  );
}
