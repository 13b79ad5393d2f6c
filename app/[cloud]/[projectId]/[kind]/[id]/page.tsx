import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasChildPicker, OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { definitionOf, findSection } from '@/lib/resources/registry';
import { segment } from '../../section-gate';
import { pageTitles } from '../page-title';

type Params = Promise<{ kind: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { kind, id } = await params;
  const section = findSection(kind);
  const def = section && definitionOf(section, '');
  const { m, notFound, detail } = await pageTitles();
  // Swift's containers are named in the URL; other objects by id, so the kind names the tab.
  return { title: def ? m(def.label.singular) : section ? detail(segment(id), section.label) : notFound };
}

export default async function DetailPage({ params }: { params: Params }) {
  const { kind, id } = await params;
  const section = findSection(kind);
  if (!section) notFound();
  const views = OVERRIDES[kind];
  if (hasChildPicker(kind, id)) return <KindView slug={kind} part="named" id={id} />;
  if (!section.detail || (!views?.detail && !section.definition)) notFound();
  return <KindView slug={kind} part="detail" id={segment(id)} />;
}
