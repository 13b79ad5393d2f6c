import type { Metadata } from 'next';
import { NetworksList } from '@/components/network/networks-list';

export const metadata: Metadata = { title: 'Networks' };

export default function NetworksPage() {
  return <NetworksList />;
}
