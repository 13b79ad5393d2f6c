import type { Metadata } from 'next';
import { PortDetail } from '@/components/network/port-detail';

export const metadata: Metadata = { title: 'Port' };

export default async function PortPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PortDetail id={decodeURIComponent(id)} />;
}
