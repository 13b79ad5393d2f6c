import type { Metadata } from 'next';
import { detailPage, detailTitle } from '../../../section-pages';
import { gateSection } from '../../../section-gate';

type Params = Promise<{ cloud: string; projectId: string; section: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { section, id } = await params;
  return detailTitle(`admin/${section}`, id);
}

/** One object of an admin section (a project with its quotas, a user, a group, a domain): the same gate as its list. */
export default async function AdminDetailPage({ params }: { params: Params }) {
  const { cloud, projectId, section, id } = await params;
  const slug = `admin/${section}`;
  const denied = await gateSection(cloud, projectId, slug);
  if (denied !== undefined) return denied;
  return detailPage(slug, id);
}
