import type { Metadata } from 'next';
import { SecretDetail } from '@/components/key-manager/secret-detail';

export const metadata: Metadata = { title: 'Secret' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SecretDetail id={decodeURIComponent(id)} />;
}
