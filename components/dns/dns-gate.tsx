import type { ReactNode } from 'react';
import SectionPage from '@/app/[cloud]/[projectId]/[...section]/page';
import { getCatalog } from '@/lib/openstack/catalog';
import { readSession } from '@/lib/openstack/session';

/**
 * Server-side: the DNS pages when the catalog offers `dns`, else the generic section page's
 * "DNS (Designate) is not available in this cloud" (these specific routes shadow it).
 */
export async function DnsGate({ cloud, projectId, children }: { cloud: string; projectId: string; children: ReactNode }) {
  const session = await readSession();
  // The project layout already redirects or offers a rescope in these cases.
  if (!session || session.cloud !== cloud || session.project.id !== projectId) return null;
  const catalog = await getCatalog(session);
  if (!catalog.some((e) => e.type === 'dns')) {
    return <SectionPage params={Promise.resolve({ cloud, projectId, section: ['zones'] })} />;
  }
  return <>{children}</>;
}
