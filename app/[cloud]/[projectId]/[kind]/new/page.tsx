import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { KindCreate } from '@/components/resource/kind-pages';
import { KIND_VIEWS } from '@/components/resource/kind-views';
import { definitionOf, findSection } from '@/lib/resources/registry';

type Params = Promise<{ kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: findSection((await params).kind)?.create ?? 'Not found' };
}

export default async function CreatePage({ params }: { params: Params }) {
  const { kind } = await params;
  const section = findSection(kind);
  if (!section?.create) notFound();
  const Create = KIND_VIEWS[kind]?.Create;
  if (Create) return <Create />;
  if (!definitionOf(section, '')?.create) notFound();
  return <KindCreate slug={kind} />;
}
