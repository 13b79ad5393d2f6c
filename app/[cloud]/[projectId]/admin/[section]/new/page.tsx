import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { definitionOf, findSection } from '@/lib/resources/registry';
import { pageTitles } from '../../../[kind]/page-title';
import { gateSection } from '../../../section-gate';

type Params = Promise<{ cloud: string; projectId: string; section: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const create = findSection(`admin/${(await params).section}`)?.create;
  const { m, notFound } = await pageTitles();
  return { title: create ? m(create) : notFound };
}

/** An admin section's create page (a project, a user, a group, a domain): the same gate as its list. */
export default async function AdminCreatePage({ params }: { params: Params }) {
  const { cloud, projectId, section } = await params;
  const slug = `admin/${section}`;
  const denied = await gateSection(cloud, projectId, slug);
  if (denied !== undefined) return denied;
  const found = findSection(slug);
  if (!found?.create) notFound();
  if (!OVERRIDES[slug]?.create && !definitionOf(found, '')?.create) notFound();
  return <KindView slug={slug} part="create" />;
}
