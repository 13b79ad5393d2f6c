import type { Metadata } from 'next';
import { requireAdmin } from '@/components/admin/require-admin';
import { UsersAdminList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Users' };

export default async function Page() {
  await requireAdmin();
  return <UsersAdminList />;
}
