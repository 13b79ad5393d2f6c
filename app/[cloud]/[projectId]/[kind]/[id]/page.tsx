import type { Metadata } from 'next';
import { detailPage, detailTitle } from '../../section-pages';

type Params = Promise<{ kind: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { kind, id } = await params;
  return detailTitle(kind, id);
}

export default async function DetailPage({ params }: { params: Params }) {
  const { kind, id } = await params;
  return detailPage(kind, id);
}
