import type { Metadata } from 'next';
import { ContainerInfraGate } from '@/components/container-infra/container-infra-gate';
import { ClusterDetail } from '@/components/container-infra/cluster-detail';

export const metadata: Metadata = { title: 'Cluster' };

export default async function ClusterPage({ params }: { params: Promise<{ cloud: string; projectId: string; id: string }> }) {
  const { id } = await params;
  return (
    <ContainerInfraGate params={params}>
      <ClusterDetail id={decodeURIComponent(id)} />
    </ContainerInfraGate>
  );
}
