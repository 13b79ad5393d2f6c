import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { definitionOf, findSection } from '@/lib/resources/registry';
import { pageTitles } from '../page-title';

type Params = Promise<{ kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const create = findSection((await params).kind)?.create;
  const { m, notFound } = await pageTitles();
  return { title: create ? m(create) : notFound };
}

export default async function CreatePage({ params }: { params: Params }) {
  const { kind } = await params;
  const section = findSection(kind);
  if (!section?.create) notFound();
  if (!OVERRIDES[kind]?.create && !definitionOf(section, '')?.create) notFound();
  return <KindView slug={kind} part="create" />;
}
