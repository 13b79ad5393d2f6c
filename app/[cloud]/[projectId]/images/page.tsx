import type { Metadata } from 'next';
import { ImagesList } from '@/components/image/images-list';

export const metadata: Metadata = { title: 'Images' };

export default function ImagesPage() {
  return <ImagesList />;
}
