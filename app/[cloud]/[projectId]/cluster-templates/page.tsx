import type { Metadata } from 'next';
import { ContainerInfraGate } from '@/components/container-infra/container-infra-gate';
import { ClusterTemplatesList } from '@/components/container-infra/lists';

export const metadata: Metadata = { title: 'Cluster templates' };

export default function ClusterTemplatesPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  return (
    <ContainerInfraGate params={params}>
      <ClusterTemplatesList />
    </ContainerInfraGate>
  );
}
