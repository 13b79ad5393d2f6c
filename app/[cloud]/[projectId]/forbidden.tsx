import type { Metadata } from 'next';
import { AdminForbidden } from '@/components/admin/admin-forbidden';

export const metadata: Metadata = { title: 'Forbidden' };

export default function Forbidden() {
  return <AdminForbidden />;
}
