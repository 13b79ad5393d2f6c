import type { Metadata } from 'next';
import { ImageCreateForm } from '@/components/image/image-create';

export const metadata: Metadata = { title: 'Create image' };

export default function NewImagePage() {
  return <ImageCreateForm />;
}
