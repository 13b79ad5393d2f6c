import type { Metadata } from 'next';
import { SnapshotsList } from '@/components/volume/snapshots-list';

export const metadata: Metadata = { title: 'Volume snapshots' };

export default function SnapshotsPage() {
  return <SnapshotsList />;
}
