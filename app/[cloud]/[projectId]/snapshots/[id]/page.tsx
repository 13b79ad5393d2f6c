import type { Metadata } from 'next';
import { SnapshotDetail } from '@/components/volume/snapshot-detail';

export const metadata: Metadata = { title: 'Volume snapshot' };

export default async function SnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SnapshotDetail id={decodeURIComponent(id)} />;
}
