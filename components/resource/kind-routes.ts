// Which override pages exist, for the server pages' 404s (the views themselves are client chunks in kind-views.tsx,
// which the server cannot look into). kind-routes.test.ts checks that both name the same pages.
export const OVERRIDES: Record<string, { list?: true; detail?: true; create?: true; named?: readonly string[]; below?: (rest: readonly string[]) => boolean }> = {
  instances: { list: true, detail: true, create: true },
  volumes: { detail: true, create: true },
  images: { detail: true, create: true },
  networks: { detail: true, create: true },
  routers: { list: true, detail: true },
  'security-groups': { list: true, detail: true },
  topology: { list: true },
  zones: { list: true, named: ['record'], below: (rest) => rest[0] === 'recordsets' && rest.length === 2 },
  clusters: { detail: true, create: true },
  'cluster-templates': { create: true },
  containers: { list: true, detail: true },
};
