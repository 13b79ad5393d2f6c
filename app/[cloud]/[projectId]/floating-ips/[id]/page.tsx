import type { Metadata } from 'next';
import { FloatingIpDetail } from '@/components/network/floating-ip-detail';

export const metadata: Metadata = { title: 'Floating IP' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FloatingIpDetail id={decodeURIComponent(id)} />;
}
