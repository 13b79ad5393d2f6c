import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { KindList } from '@/components/resource/kind-pages';
import type { Text } from '@/lib/i18n/msg';
import { findSection } from '@/lib/resources/registry';
import { gateSection } from '../../section-gate';

type Params = Promise<{ cloud: string; projectId: string; section: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations();
  // The section's label as useMsg() words it (a catalog message, or text shown as it is).
  const text = (m: Text) => (typeof m !== 'string' ? t(m.key, m.values) : t.has(m as never) ? t(m as never) : m);
  const section = findSection(`admin/${(await params).section}`);
  return { title: section ? t('pages.admin.title', { section: text(section.label) }) : t('pages.admin.notFound') };
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
