import type { Metadata } from 'next';
import { FloatingIpsList } from '@/components/network/floating-ip-list';

export const metadata: Metadata = { title: 'Floating IPs' };

export default function Page() {
  return <FloatingIpsList />;
}
