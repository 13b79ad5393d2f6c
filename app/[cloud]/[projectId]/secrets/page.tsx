import type { Metadata } from 'next';
import { SecretsList } from '@/components/key-manager/lists';

export const metadata: Metadata = { title: 'Secrets' };

export default function Page() {
  return <SecretsList />;
}
