// Every URL the registry promises opens its page: each sidebar link, each create page, one detail page per kind
// (an object found through the palette's own search path) and the deep links below objects. Shared links from
// before the generic routes keep working because these are the same paths.
import { definitionOf, SECTIONS } from '@/lib/resources/registry';
import { searchSources } from '@/lib/resources/search';
import { expect, test } from './fixtures';
import { PROJECT_URL, skipOnRealcloud } from './helpers';

test('every section, create page and one detail page per kind open from their URLs', async ({ page }) => {
  skipOnRealcloud('the routes are the same code on both backends; the demo cloud has an object of every kind');
  test.setTimeout(300_000); // some forty page loads
  await page.goto('/');
  await expect(page).toHaveURL(PROJECT_URL);
  const home = new URL(page.url());
  const projectId = PROJECT_URL.exec(page.url())![1];
  const open = async (path: string) => {
    await page.goto(`${home.pathname}/${path}${home.search}`);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1, path).toBeVisible();
    await expect(h1, path).not.toHaveText(/not found|went wrong/i);
    return h1;
  };

  // The sidebar lists exactly the registry's visible sections, in order.
  const nav = page.getByRole('navigation', { name: 'Services' });
  const links = await nav.getByRole('link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const expected = SECTIONS.filter((s) => !s.hidden && !s.slug.startsWith('admin/')).map((s) => `${home.pathname}/${s.slug}`);
  expect(links.slice(1)).toEqual(expected);

  const sources = new Map(searchSources(projectId).map((s) => [s.kind, s]));
  const details: string[] = [];
  for (const section of SECTIONS) {
    const h1 = await open(section.slug);
    if (section.slug.startsWith('admin/')) {
      await expect(h1).toHaveText('This page is for cloud administrators');
      continue;
    }
    if (section.adminOnly) {
      await expect(h1).toContainText('requires the admin role');
      continue;
    }
    if (section.create) await open(`${section.slug}/new`);
    const def = definitionOf(section, projectId);
    const src = def && sources.get(def.kind);
    if (!section.detail || !src) continue;
    const res = await page.request.get(`/api/os/${src.service}/${src.path}`, { headers: src.headers });
    expect(res.status(), `${src.service} ${src.path}`).toBe(200);
    // Other tests create and delete objects meanwhile: a kind with none at this moment is passed over.
    const first = ((await res.json()) as Record<string, Record<string, unknown>[]>)[src.key]?.[0];
    if (!first) continue;
    const id = src.id(first);
    await open(`${section.slug}/${encodeURIComponent(id)}`);
    details.push(section.slug);
    if (section.slug === 'zones') await open(`zones/${encodeURIComponent(id)}/recordsets/new`);
  }
  // The seeded servers, images, networks, security groups and their ports are always there.
  expect(details).toEqual(expect.arrayContaining(['instances', 'images', 'networks', 'security-groups', 'ports']));
  await open('zones/record');
  await open('topology');
  // Swift's containers are named in the URL.
  const containers = await page.request.get('/api/os/object-store?format=json');
  const container = ((await containers.json()) as { name: string }[])[0]?.name;
  if (container) await open(`containers/${encodeURIComponent(container)}`);

  // Unknown sections and pages are a plain 404.
  await page.goto(`${home.pathname}/no-such-section${home.search}`);
  await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
  await page.goto(`${home.pathname}/flavors/some-id${home.search}`);
  await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
});
