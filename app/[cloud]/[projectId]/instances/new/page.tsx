import type { Metadata } from 'next';
import { LaunchForm } from '@/components/compute/launch-form';

export const metadata: Metadata = { title: 'Launch instance' };

export default function LaunchPage() {
  return <LaunchForm />;
}
