import type { Metadata } from 'next';
import { requireAdmin } from '@/components/admin/require-admin';
import { HypervisorsList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Hypervisors' };

export default async function Page() {
  await requireAdmin();
  return <HypervisorsList />;
}
