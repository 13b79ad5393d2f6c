// Which override pages exist, for the server pages' 404s (the views themselves are client chunks in kind-views.tsx,
// which the server cannot look into). kind-routes.test.ts checks that both name the same pages.
import { definitionOf, findSection } from '@/lib/resources/registry';
import type { ChildTab } from '@/lib/resources/types';
export const OVERRIDES: Record<string, { list?: true; detail?: true; create?: true }> = {
  instances: { list: true, detail: true, create: true },
  volumes: { detail: true, create: true },
  images: { detail: true, create: true },
  networks: { detail: true, create: true },
  routers: { list: true, detail: true },
  'security-groups': { list: true, detail: true },
  'floating-ips': { list: true },
  topology: { list: true },
  clusters: { detail: true, create: true },
  'cluster-templates': { create: true },
  containers: { list: true, detail: true },
  'load-balancers': { detail: true, create: true },
  stacks: { detail: true, create: true },
  'heat-export': { list: true },
  shares: { detail: true },
  databases: { detail: true, create: true },
  'application-credentials': { create: true },
  'admin/projects': { detail: true },
};

/** The detail tabs of a section's definition (whatever the project: tabs do not depend on it). */
const tabsOf = (slug: string): readonly ChildTab<unknown>[] => {
  const section = findSection(slug);
  return (section && definitionOf(section, '')?.tabs) ?? [];
};

/** A page below an object that its definition declares (child-pages.tsx): `<tab>/new` or `<tab>/<child id>`. */
export const hasChildPage = (slug: string, rest: readonly string[]) => rest.length === 2 && tabsOf(slug).some((t) => t.pages && t.id === rest[0]);

/** A named page `<slug>/<name>` choosing the parent of a create below it (child-pages.tsx). */
export const hasChildPicker = (slug: string, name: string) => tabsOf(slug).some((t) => t.pages?.picker?.name === name);
