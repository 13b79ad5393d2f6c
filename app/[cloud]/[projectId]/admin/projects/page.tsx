import type { Metadata } from 'next';
import { ProjectsAdminList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: Projects' };

export default function Page() {
  return <ProjectsAdminList />;
}
