import type { Metadata } from 'next';
import { VolumeCreateForm } from '@/components/volume/volume-create';

export const metadata: Metadata = { title: 'Create volume' };

export default function CreateVolumePage() {
  return <VolumeCreateForm />;
}
