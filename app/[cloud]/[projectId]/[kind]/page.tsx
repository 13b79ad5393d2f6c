import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { SectionPlaceholder } from '@/components/shell/section-notices';
import { discoverServices } from '@/lib/openstack/discovery';
import { readSession } from '@/lib/openstack/session';
import { findSection, groupOf, providingType } from '@/lib/resources/registry';
import { pageTitles } from './page-title';

type Params = Promise<{ cloud: string; projectId: string; kind: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const section = findSection((await params).kind);
  const { m, notFound } = await pageTitles();
  return { title: section ? m(section.label) : notFound };
}

export default async function SectionPage({ params }: { params: Params }) {
  const { kind } = await params;
  const section = findSection(kind);
  if (!section) notFound();
  if (OVERRIDES[kind]?.list || section.definition) return <KindView slug={kind} part="list" />;
  // A section whose pages are still to come: what discovery says about its service.
  const session = await readSession();
  if (!session) return null;
  const group = groupOf(section);
  const services = await discoverServices(session);
  const type = providingType(
    group,
    services.map((s) => s.type),
  );
  return <SectionPlaceholder group={group} section={section} services={services.filter((s) => s.type === type)} region={session.region} />;
}
