import type { Metadata } from 'next';
import { createPage, createTitle } from '../../../section-pages';
import { gateSection } from '../../../section-gate';

type Params = Promise<{ cloud: string; projectId: string; section: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return createTitle(`admin/${(await params).section}`);
}

/** An admin section's create page (a project, a user, a group, a domain): the same gate as its list. */
export default async function AdminCreatePage({ params }: { params: Params }) {
  const { cloud, projectId, section } = await params;
  const slug = `admin/${section}`;
  const denied = await gateSection(cloud, projectId, slug);
  if (denied !== undefined) return denied;
  return createPage(slug);
}
