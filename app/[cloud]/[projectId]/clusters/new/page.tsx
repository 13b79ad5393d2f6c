import type { Metadata } from 'next';
import { ContainerInfraGate } from '@/components/container-infra/container-infra-gate';
import { ClusterCreateForm } from '@/components/container-infra/cluster-create';

export const metadata: Metadata = { title: 'Create cluster' };

export default function CreateClusterPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  return (
    <ContainerInfraGate params={params}>
      <ClusterCreateForm />
    </ContainerInfraGate>
  );
}
