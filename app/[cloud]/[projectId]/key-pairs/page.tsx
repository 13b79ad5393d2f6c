import type { Metadata } from 'next';
import { KeypairsList } from '@/components/compute/keypairs-list';

export const metadata: Metadata = { title: 'Key Pairs' };

export default function KeypairsPage() {
  return <KeypairsList />;
}
