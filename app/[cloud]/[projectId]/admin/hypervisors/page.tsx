import type { Metadata } from 'next';
import { HypervisorsList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Hypervisors' };

export default function Page() {
  return <HypervisorsList />;
}
