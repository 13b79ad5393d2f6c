import type { Metadata } from 'next';
import { SecurityGroupsList } from '@/components/network/security-group-list';

export const metadata: Metadata = { title: 'Security groups' };

export default function Page() {
  return <SecurityGroupsList />;
}
