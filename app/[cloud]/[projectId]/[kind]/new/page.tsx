import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { definitionOf, findSection } from '@/lib/resources/registry';

type Params = Promise<{ kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: findSection((await params).kind)?.create ?? 'Not found' };
}

export default async function CreatePage({ params }: { params: Params }) {
  const { kind } = await params;
  const section = findSection(kind);
  if (!section?.create) notFound();
  if (!OVERRIDES[kind]?.create && !definitionOf(section, '')?.create) notFound();
  return <KindView slug={kind} part="create" />;
}
