import type { Metadata } from 'next';
import { VolumesList } from '@/components/volume/volumes-list';

export const metadata: Metadata = { title: 'Volumes' };

export default function VolumesPage() {
  return <VolumesList />;
}
