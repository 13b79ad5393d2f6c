import type { Metadata } from 'next';
import { ContainerInfraGate } from '@/components/container-infra/container-infra-gate';
import { ClusterTemplateCreateForm } from '@/components/container-infra/template-create';

export const metadata: Metadata = { title: 'Create cluster template' };

export default function CreateClusterTemplatePage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  return (
    <ContainerInfraGate params={params}>
      <ClusterTemplateCreateForm />
    </ContainerInfraGate>
  );
}
