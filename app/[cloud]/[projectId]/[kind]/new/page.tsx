import type { Metadata } from 'next';
import { createPage, createTitle } from '../../section-pages';

type Params = Promise<{ kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return createTitle((await params).kind);
}

export default async function CreatePage({ params }: { params: Params }) {
  return createPage((await params).kind);
}
