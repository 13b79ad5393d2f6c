// What a section's create and detail pages render, for the project's sections and the admin ones alike (the admin
// pages differ only by their slug's `admin/` prefix and by passing the gate in the page).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasChildPicker, OVERRIDES } from '@/components/resource/kind-routes';
import { KindView } from '@/components/resource/kind-views';
import { definitionOf, findSection } from '@/lib/resources/registry';
import { pageTitles } from './[kind]/page-title';
import { segment } from './section-gate';

/** The create page of `slug`: 404 unless the section declares one and a form (its override or its definition's) exists. */
export function createPage(slug: string) {
  const section = findSection(slug);
  if (!section?.create) notFound();
  if (!OVERRIDES[slug]?.create && !definitionOf(section, '')?.create) notFound();
  return <KindView slug={slug} part="create" />;
}

/** The page of one object of `slug` (or a parent picker named in the URL, a zone's "record"). */
export function detailPage(slug: string, id: string) {
  const section = findSection(slug);
  if (!section) notFound();
  if (hasChildPicker(slug, id)) return <KindView slug={slug} part="named" id={id} />;
  if (!section.detail || (!OVERRIDES[slug]?.detail && !section.definition)) notFound();
  return <KindView slug={slug} part="detail" id={segment(id)} />;
}

/** The create page's tab title: the section's create label. */
export async function createTitle(slug: string): Promise<Metadata> {
  const create = findSection(slug)?.create;
  const { m, notFound: missing } = await pageTitles();
  return { title: create ? m(create) : missing };
}

/** An object's tab title: its kind (Swift's containers, named in the URL, by name and section). */
export async function detailTitle(slug: string, id: string): Promise<Metadata> {
  const section = findSection(slug);
  const def = section && definitionOf(section, '');
  const { m, notFound: missing, detail } = await pageTitles();
  return { title: def ? m(def.label.singular) : section ? detail(segment(id), section.label) : missing };
}
