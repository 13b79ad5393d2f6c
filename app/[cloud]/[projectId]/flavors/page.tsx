import type { Metadata } from 'next';
import { FlavorsList } from '@/components/compute/flavors-list';

export const metadata: Metadata = { title: 'Flavors' };

export default function FlavorsPage() {
  return <FlavorsList />;
}
