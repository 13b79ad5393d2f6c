import type { Metadata } from 'next';
import { RoutersList } from '@/components/network/router-list';

export const metadata: Metadata = { title: 'Routers' };

export default function Page() {
  return <RoutersList />;
}
