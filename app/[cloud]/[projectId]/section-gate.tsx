// The server-side gate of every section page: 404 for an unknown slug, the "not available in this cloud" page
// when the catalog lacks the service, "requires the admin role" where the service's policy is admin-only,
// and HTTP 403 for the admin group. The rule is lib/resources/registry.ts's sectionAccess.
import { forbidden, notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminRequired, ServiceUnavailable } from '@/components/shell/section-notices';
import { sectionGate } from '@/lib/openstack/section-gate';
import { projectHref } from '@/lib/resources/registry';

/** Undefined when the user may see the section; else what to render instead (or it throws 404/403). */
export async function gateSection(cloud: string, projectId: string, slug: string): Promise<ReactNode | undefined> {
  const gate = await sectionGate(cloud, projectId, slug);
  switch (gate.state) {
    case 'not-found':
      notFound();
    // The project layout redirects to the login page or offers a rescope.
    case 'elsewhere':
      return null;
    case 'forbidden':
      forbidden();
    case 'unavailable':
      return (
        <ServiceUnavailable
          group={gate.group}
          section={gate.section}
          catalog={gate.catalog.map((e) => ({ type: e.type, name: e.name }))}
          overview={projectHref(cloud, projectId, gate.session.region)}
        />
      );
    case 'admin-required':
      return <AdminRequired group={gate.group} overview={projectHref(cloud, projectId, gate.session.region)} />;
    case 'ok':
      return undefined;
  }
}

/** Next hands dynamic segments over percent-encoded; a stray "%" must not crash the page. */
export function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
