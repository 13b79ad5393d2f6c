import type { Metadata } from 'next';
import { SecretsList } from '@/components/key-manager/secrets-list';

export const metadata: Metadata = { title: 'Secrets' };

export default function Page() {
  return <SecretsList />;
}
