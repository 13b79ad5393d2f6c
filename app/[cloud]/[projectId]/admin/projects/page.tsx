import type { Metadata } from 'next';
import { requireAdmin } from '@/components/admin/require-admin';
import { ProjectsAdminList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Projects' };

export default async function Page() {
  await requireAdmin();
  return <ProjectsAdminList />;
}
