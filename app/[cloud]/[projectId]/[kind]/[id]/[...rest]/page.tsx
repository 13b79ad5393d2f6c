import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { KIND_VIEWS } from '@/components/resource/kind-views';
import { findSection } from '@/lib/resources/registry';
import { segment } from '../../../section-gate';

type Params = Promise<{ kind: string; id: string; rest: string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: findSection((await params).kind)?.label ?? 'Not found' };
}

/** Pages below one object (a zone's recordsets), when its kind has them. */
export default async function BelowPage({ params }: { params: Params }) {
  const { kind, id, rest } = await params;
  const page = KIND_VIEWS[kind]?.Below?.({ id: segment(id), rest: rest.map(segment) });
  if (!page) notFound();
  return page;
}
