import type { Metadata } from 'next';
import { NodeDetail } from '@/components/baremetal/node-detail';

export const metadata: Metadata = { title: 'Bare-metal node' };

export default async function NodePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <NodeDetail id={decodeURIComponent(id)} />;
}
