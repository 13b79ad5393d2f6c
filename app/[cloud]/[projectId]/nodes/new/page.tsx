import type { Metadata } from 'next';
import { NodeCreatePage } from '@/components/baremetal/node-create';

export const metadata: Metadata = { title: 'Enroll node' };

export default function EnrollNodePage() {
  return <NodeCreatePage />;
}
