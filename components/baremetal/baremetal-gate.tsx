import type { ReactNode } from 'react';
import SectionPage from '@/app/[cloud]/[projectId]/[...section]/page';
import { getCatalog } from '@/lib/openstack/catalog';
import { readSession } from '@/lib/openstack/session';

/** Server-side: the node pages only when the catalog lists `baremetal`; else the section page's "not available" (these routes shadow it). */
export async function BaremetalGate({ params, children }: { params: Promise<{ cloud: string; projectId: string }>; children: ReactNode }) {
  const { cloud, projectId } = await params;
  const session = await readSession();
  if (!session || session.cloud !== cloud || session.project.id !== projectId) return null;
  if (!(await getCatalog(session)).some((e) => e.type === 'baremetal')) return <SectionPage params={Promise.resolve({ cloud, projectId, section: ['nodes'] })} />;
  return <>{children}</>;
}
