import type { Metadata } from 'next';
import { ImageDetail } from '@/components/image/image-detail';

export const metadata: Metadata = { title: 'Image' };

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ImageDetail id={decodeURIComponent(id)} />;
}
