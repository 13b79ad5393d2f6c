// Every page of a project, as paths below `/<cloud>/<projectId>`: the overview, each section the registry shows, its
// create page, one detail page per kind (an object found through the palette's search path), the DNS record picker,
// the topology and a Swift container. Shared by the accessibility scan and the per-locale walk.
import type { Page } from '@playwright/test';
import { definitionOf, SECTIONS } from '@/lib/resources/registry';
import { searchSources } from '@/lib/resources/search';
import { PROJECT_URL } from './helpers';

export interface ProjectHome {
  /** `/<cloud>/<projectId>` */
  path: string;
  /** `?region=…` */
  search: string;
  projectId: string;
}

export async function projectHome(page: Page): Promise<ProjectHome> {
  await page.goto('/');
  await page.waitForURL(PROJECT_URL);
  const url = new URL(page.url());
  return { path: url.pathname, search: url.search, projectId: PROJECT_URL.exec(page.url())![1] };
}

/**
 * The pages a member sees, or with `admin` those only an admin sees (admin sections and admin-only kinds such as
 * flavors' create page), each section with its create page and one detail page.
 */
export async function everyPage(page: Page, home: ProjectHome, opts: { admin?: boolean } = {}): Promise<string[]> {
  const sources = new Map(searchSources(home.projectId).map((s) => [s.kind, s]));
  const adminSection = (s: (typeof SECTIONS)[number]) => s.slug.startsWith('admin/') || !!s.adminOnly;
  const out = opts.admin ? [] : [''];
  for (const section of SECTIONS.filter((s) => adminSection(s) === !!opts.admin)) {
    out.push(section.slug);
    if (section.create) out.push(`${section.slug}/new`);
    const def = definitionOf(section, home.projectId);
    const src = def && sources.get(def.kind);
    if (!section.detail || !src) continue;
    const res = await page.request.get(`/api/os/${src.service}/${src.path}`, { headers: src.headers });
    if (res.status() !== 200) continue;
    const first = ((await res.json()) as Record<string, Record<string, unknown>[]>)[src.key]?.[0];
    if (first) out.push(`${section.slug}/${encodeURIComponent(src.id(first))}`);
  }
  if (opts.admin) return out;
  out.push('zones/record', 'topology');
  const containers = await page.request.get('/api/os/object-store?format=json');
  if (containers.ok()) {
    const container = ((await containers.json()) as { name: string }[])[0]?.name;
    if (container) out.push(`containers/${encodeURIComponent(container)}`);
  }
  return out;
}

/** Opens a page and waits until it has its heading and nothing on it is still loading. */
export async function openSettled(page: Page, home: ProjectHome, path: string) {
  await page.goto(`${home.path}${path ? `/${path}` : ''}${home.search}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Lists mark themselves aria-busy while they load; a page that keeps polling still settles here.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 }).catch(() => undefined);
}
