import type { Metadata } from 'next';
import { SecretCreateForm } from '@/components/key-manager/secret-create';

export const metadata: Metadata = { title: 'Store secret' };

export default function Page() {
  return <SecretCreateForm />;
}
