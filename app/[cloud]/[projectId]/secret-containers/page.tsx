import type { Metadata } from 'next';
import { ContainersList } from '@/components/key-manager/lists';

export const metadata: Metadata = { title: 'Secret containers' };

export default function Page() {
  return <ContainersList />;
}
