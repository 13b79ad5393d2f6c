import type { Metadata } from 'next';
import { PortsList } from '@/components/network/ports-list';

export const metadata: Metadata = { title: 'Ports' };

export default function PortsPage() {
  return <PortsList />;
}
