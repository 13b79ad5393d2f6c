import type { Metadata } from 'next';
import { ContainerInfraGate } from '@/components/container-infra/container-infra-gate';
import { ClusterTemplateDetail } from '@/components/container-infra/template-detail';

export const metadata: Metadata = { title: 'Cluster template' };

export default async function ClusterTemplatePage({ params }: { params: Promise<{ cloud: string; projectId: string; id: string }> }) {
  const { id } = await params;
  return (
    <ContainerInfraGate params={params}>
      <ClusterTemplateDetail id={decodeURIComponent(id)} />
    </ContainerInfraGate>
  );
}
