import type { Metadata } from 'next';
import { ContainersList } from '@/components/object-store/containers-list';
import { ObjectStoreGate } from '@/components/object-store/object-store-gate';

export const metadata: Metadata = { title: 'Containers' };

export default async function ContainersPage({ params }: { params: Promise<{ cloud: string; projectId: string }> }) {
  const { cloud, projectId } = await params;
  return (
    <ObjectStoreGate cloud={cloud} projectId={projectId}>
      <ContainersList />
    </ObjectStoreGate>
  );
}
