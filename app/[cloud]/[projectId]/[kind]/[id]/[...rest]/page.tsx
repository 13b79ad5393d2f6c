import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasChildPage } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { findSection } from '@/lib/resources/registry';
import { segment } from '../../../section-gate';
import { pageTitles } from '../../page-title';

type Params = Promise<{ kind: string; id: string; rest: string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const section = findSection((await params).kind);
  const { m, notFound } = await pageTitles();
  return { title: section ? m(section.label) : notFound };
}

/** Pages below one object (a zone's recordsets), when its kind's tabs declare them (child-pages.tsx). */
export default async function BelowPage({ params }: { params: Params }) {
  const { kind, id, rest } = await params;
  const parts = rest.map(segment);
  if (!hasChildPage(kind, parts)) notFound();
  return <KindView slug={kind} part="below" id={segment(id)} rest={parts} />;
}
