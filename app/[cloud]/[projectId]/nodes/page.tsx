import type { Metadata } from 'next';
import { NodesList } from '@/components/baremetal/nodes-list';

export const metadata: Metadata = { title: 'Bare-metal nodes' };

export default function NodesPage() {
  return <NodesList />;
}
