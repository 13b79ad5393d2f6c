import type { Metadata } from 'next';
import { requireAdmin } from '@/components/admin/require-admin';
import { ComputeServicesList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Compute services' };

export default async function Page() {
  await requireAdmin();
  return <ComputeServicesList />;
}
