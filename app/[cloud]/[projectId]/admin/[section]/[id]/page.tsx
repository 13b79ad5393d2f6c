import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { definitionOf, findSection } from '@/lib/resources/registry';
import { pageTitles } from '../../../[kind]/page-title';
import { gateSection, segment } from '../../../section-gate';

type Params = Promise<{ cloud: string; projectId: string; section: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { section, id } = await params;
  const found = findSection(`admin/${section}`);
  const def = found && definitionOf(found, '');
  const { m, notFound, detail } = await pageTitles();
  return { title: def ? m(def.label.singular) : found ? detail(segment(id), found.label) : notFound };
}

/** One object of an admin section (a project with its quotas, a user, a group, a domain): the same gate as its list. */
export default async function AdminDetailPage({ params }: { params: Params }) {
  const { cloud, projectId, section, id } = await params;
  const slug = `admin/${section}`;
  const denied = await gateSection(cloud, projectId, slug);
  if (denied !== undefined) return denied;
  const found = findSection(slug);
  if (!found?.detail || (!OVERRIDES[slug]?.detail && !found.definition)) notFound();
  return <KindView slug={slug} part="detail" id={segment(id)} />;
}
