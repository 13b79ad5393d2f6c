import type { Metadata } from 'next';
import { NetworkCreateForm } from '@/components/network/network-create';

export const metadata: Metadata = { title: 'Create network' };

export default function CreateNetworkPage() {
  return <NetworkCreateForm />;
}
