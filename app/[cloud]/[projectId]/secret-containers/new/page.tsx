import type { Metadata } from 'next';
import { ContainerCreateForm } from '@/components/key-manager/container-create';

export const metadata: Metadata = { title: 'Create secret container' };

export default function Page() {
  return <ContainerCreateForm />;
}
