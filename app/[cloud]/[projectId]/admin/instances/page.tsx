import type { Metadata } from 'next';
import { requireAdmin } from '@/components/admin/require-admin';
import { AllInstancesList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: All instances' };

export default async function Page() {
  await requireAdmin();
  return <AllInstancesList />;
}
