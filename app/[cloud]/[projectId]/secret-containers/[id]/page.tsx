import type { Metadata } from 'next';
import { ContainerDetail } from '@/components/key-manager/container-detail';

export const metadata: Metadata = { title: 'Secret container' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContainerDetail id={decodeURIComponent(id)} />;
}
