import type { Metadata } from 'next';
import { SecurityGroupDetail } from '@/components/network/security-group-detail';

export const metadata: Metadata = { title: 'Security group' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SecurityGroupDetail id={decodeURIComponent(id)} />;
}
