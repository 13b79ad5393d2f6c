import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { KindList } from '@/components/resource/kind-pages';
import { findSection } from '@/lib/resources/registry';
import { gateSection } from '../../section-gate';

type Params = Promise<{ cloud: string; projectId: string; section: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const section = findSection(`admin/${(await params).section}`);
  return { title: section ? `Admin: ${section.label}` : 'Not found' };
}

/** The admin lists: HTTP 403 for anyone without the admin role (forbidden() from the page, as the shell's 403 page needs). */
export default async function AdminPage({ params }: { params: Params }) {
  const { cloud, projectId, section } = await params;
  const slug = `admin/${section}`;
  const denied = await gateSection(cloud, projectId, slug);
  if (denied !== undefined) return denied;
  if (!findSection(slug)?.definition) notFound();
  return <KindList slug={slug} />;
}
