import type { ReactNode } from 'react';
import { BaremetalGate } from '@/components/baremetal/baremetal-gate';

export default function NodesLayout({ params, children }: { params: Promise<{ cloud: string; projectId: string }>; children: ReactNode }) {
  return <BaremetalGate params={params}>{children}</BaremetalGate>;
}
