import type { ReactNode } from 'react';
import SectionPage from '@/app/[cloud]/[projectId]/[...section]/page';
import { getCatalog } from '@/lib/openstack/catalog';
import { readSession } from '@/lib/openstack/session';

/** Server-side: the Magnum pages when the catalog offers container-infra, else the section page's "not available". */
export async function ContainerInfraGate({ params, children }: { params: Promise<{ cloud: string; projectId: string }>; children: ReactNode }) {
  const { cloud, projectId } = await params;
  const session = await readSession();
  if (!session || session.cloud !== cloud || session.project.id !== projectId) return null;
  const catalog = await getCatalog(session);
  if (!catalog.some((e) => e.type === 'container-infra')) {
    return <SectionPage params={Promise.resolve({ cloud, projectId, section: ['clusters'] })} />;
  }
  return <>{children}</>;
}
