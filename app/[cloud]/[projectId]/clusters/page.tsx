import type { Metadata } from 'next';
import { ContainerInfraGate } from '@/components/container-infra/container-infra-gate';
import { ClustersList } from '@/components/container-infra/lists';

export const metadata: Metadata = { title: 'Clusters' };

export default function ClustersPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  return (
    <ContainerInfraGate params={params}>
      <ClustersList />
    </ContainerInfraGate>
  );
}
