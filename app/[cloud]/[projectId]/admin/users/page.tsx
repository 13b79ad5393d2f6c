import type { Metadata } from 'next';
import { UsersAdminList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Users' };

export default function Page() {
  return <UsersAdminList />;
}
