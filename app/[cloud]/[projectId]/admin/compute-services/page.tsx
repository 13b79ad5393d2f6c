import type { Metadata } from 'next';
import { ComputeServicesList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Compute services' };

export default function Page() {
  return <ComputeServicesList />;
}
