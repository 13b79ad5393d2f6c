import 'server-only';
// The one server-side check behind every section page (app/[cloud]/[projectId]/[kind] and admin/[section]):
// is the section's service in this cloud's catalog, and may this user use it? The rule itself is
// sectionAccess in lib/resources/registry.ts, which the sidebar and the palette use too.
import { findSection, groupOf, sectionAccess, type Section, type SectionAccess, type ServiceGroup } from '@/lib/resources/registry';
import { getCatalog, type CatalogEntry } from './catalog';
import { readPageSession, type SessionData } from './session';

export type SectionGate =
  /** Unknown slug: 404. */
  | { state: 'not-found' }
  /** No session, or one for another cloud or project: the project layout redirects or offers a rescope. */
  | { state: 'elsewhere' }
  | ({ section: Section; group: ServiceGroup; session: SessionData; catalog: CatalogEntry[] } & SectionAccess);

export async function sectionGate(cloud: string, projectId: string, slug: string): Promise<SectionGate> {
  const section = findSection(slug);
  if (!section) return { state: 'not-found' };
  const session = await readPageSession();
  if (!session || session.cloud !== cloud || session.project.id !== projectId) return { state: 'elsewhere' };
  const catalog = await getCatalog(session);
  const access = sectionAccess(
    section,
    catalog.map((e) => e.type),
    session.roles,
  );
  return { section, group: groupOf(section), session, catalog, ...access };
}
