import type { Metadata } from 'next';
import { AllInstancesList } from '@/components/admin/admin-lists';

export const metadata: Metadata = { title: 'Admin: All instances' };

export default function Page() {
  return <AllInstancesList />;
}
