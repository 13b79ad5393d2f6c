import type { ReactNode } from 'react';
import { gateSection } from '../section-gate';

/** Every page of a section (list, detail, create, below an object) passes the same gate. */
export default async function SectionLayout({ children, params }: { children: ReactNode; params: Promise<{ cloud: string; projectId: string; kind: string }> }) {
  const { cloud, projectId, kind } = await params;
  const denied = await gateSection(cloud, projectId, kind);
  return denied === undefined ? <>{children}</> : denied;
}
