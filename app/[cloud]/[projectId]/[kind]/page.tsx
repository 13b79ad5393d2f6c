import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { ServedPage } from '@/components/resource/served-page';
import { SectionPlaceholder } from '@/components/shell/section-notices';
import { discoverServices } from '@/lib/openstack/discovery';
import { prefetchFirstPage } from '@/lib/openstack/prefetch';
import { readPageSession } from '@/lib/openstack/session';
import { definitionOf, findSection, groupOf, providingType } from '@/lib/resources/registry';
import { pageTitles } from './page-title';

type Params = Promise<{ cloud: string; projectId: string; kind: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

function toSearch(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, x);
  return out;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const section = findSection((await params).kind);
  const { m, notFound } = await pageTitles();
  return { title: section ? m(section.label) : notFound };
}

export default async function SectionPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { kind, projectId } = await params;
  const section = findSection(kind);
  if (!section) notFound();
  const session = await readPageSession();
  const def = definitionOf(section, projectId, session ? { userId: session.user.id, roles: session.roles } : undefined);
  if (def?.paths.list && session?.project.id === projectId) {
    // The first page comes with the HTML: the table renders with its rows before any script has run.
    const served = await prefetchFirstPage(session, def, toSearch(await searchParams));
    return (
      <ServedPage slug={kind} served={served}>
        <KindView slug={kind} part="list" />
      </ServedPage>
    );
  }
  if (OVERRIDES[kind]?.list || section.definition) return <KindView slug={kind} part="list" />;
  // A section whose pages are still to come: what discovery says about its service.
  if (!session) return null;
  const group = groupOf(section);
  const services = await discoverServices(session);
  const type = providingType(
    group,
    services.map((s) => s.type),
  );
  return <SectionPlaceholder group={group} section={section} services={services.filter((s) => s.type === type)} region={session.region} />;
}
