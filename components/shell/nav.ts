/**
 * The one table mapping URL section slugs to catalog service types, shared by the sidebar and the
 * section pages. `serviceTypes` lists the catalog types that provide the group (any one suffices).
 */
export interface NavItem {
  slug: string;
  label: string;
  /** The service's default policy is admin-only: members see the page's "requires the admin role" notice. */
  adminOnly?: boolean;
}

export interface NavGroup {
  id: string;
  label: string;
  /** Human name of the OpenStack service, for "… is not available in this cloud". */
  service: string;
  serviceTypes: readonly string[];
  items: readonly NavItem[];
  /** Shown only to users with the admin role (the pages answer 403 to anyone else). */
  adminOnly?: boolean;
}

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    id: 'compute',
    label: 'Compute',
    service: 'Compute (Nova)',
    serviceTypes: ['compute'],
    items: [
      { slug: 'instances', label: 'Instances' },
      { slug: 'flavors', label: 'Flavors' },
      { slug: 'key-pairs', label: 'Key Pairs' },
    ],
  },
  {
    id: 'volumes',
    label: 'Volumes',
    service: 'Block Storage (Cinder)',
    serviceTypes: ['volumev3', 'block-storage', 'volume'],
    items: [
      { slug: 'volumes', label: 'Volumes' },
      { slug: 'snapshots', label: 'Snapshots' },
    ],
  },
  { id: 'images', label: 'Images', service: 'Image (Glance)', serviceTypes: ['image'], items: [{ slug: 'images', label: 'Images' }] },
  {
    id: 'network',
    label: 'Network',
    service: 'Networking (Neutron)',
    serviceTypes: ['network'],
    items: [
      { slug: 'networks', label: 'Networks' },
      { slug: 'routers', label: 'Routers' },
      { slug: 'floating-ips', label: 'Floating IPs' },
      { slug: 'security-groups', label: 'Security Groups' },
      { slug: 'topology', label: 'Topology' },
    ],
  },
  { id: 'dns', label: 'DNS', service: 'DNS (Designate)', serviceTypes: ['dns'], items: [{ slug: 'zones', label: 'Zones' }] },
  { id: 'key-manager', label: 'Key Manager', service: 'Key Manager (Barbican)', serviceTypes: ['key-manager'], items: [{ slug: 'secrets', label: 'Secrets' }, { slug: 'secret-containers', label: 'Secret containers' }] },
  {
    id: 'container-infra',
    label: 'Container Infra',
    service: 'Container Infra (Magnum)',
    serviceTypes: ['container-infra'],
    items: [
      { slug: 'clusters', label: 'Clusters' },
      { slug: 'cluster-templates', label: 'Cluster templates' },
    ],
  },
  { id: 'baremetal', label: 'Bare Metal', service: 'Bare Metal (Ironic)', serviceTypes: ['baremetal'], items: [{ slug: 'nodes', label: 'Nodes', adminOnly: true }] },
  {
    id: 'object-store',
    label: 'Object Storage',
    service: 'Object Storage (Swift)',
    serviceTypes: ['object-store'],
    items: [{ slug: 'containers', label: 'Containers' }],
  },
  {
    id: 'admin',
    label: 'Admin',
    service: 'Compute (Nova) and Identity (Keystone)',
    serviceTypes: ['compute', 'identity'],
    adminOnly: true,
    items: [
      { slug: 'admin/hypervisors', label: 'Hypervisors' },
      { slug: 'admin/compute-services', label: 'Compute services' },
      { slug: 'admin/instances', label: 'All instances' },
      { slug: 'admin/projects', label: 'All projects' },
      { slug: 'admin/users', label: 'Users' },
    ],
  },
  { id: 'identity', label: 'Identity', service: 'Identity (Keystone)', serviceTypes: ['identity'], items: [{ slug: 'projects', label: 'Projects' }] },
];

export function findSection(slug: string): { group: NavGroup; item: NavItem } | undefined {
  for (const group of NAV_GROUPS) {
    const item = group.items.find((i) => i.slug === slug);
    if (item) return { group, item };
  }
  return undefined;
}

/** The groups a user sees: admin-only groups need the admin role. */
export function visibleGroups(roles: readonly string[]): NavGroup[] {
  const admin = roles.includes('admin');
  return NAV_GROUPS.filter((g) => !g.adminOnly || admin);
}

/** The catalog type that provides `group`, or undefined when the cloud lacks it. */
export function providingType(group: NavGroup, catalogTypes: Iterable<string>): string | undefined {
  const present = new Set(catalogTypes);
  return group.serviceTypes.find((t) => present.has(t));
}

/** `/<cloud>/<project>[/<slug>]?region=<region>` */
export function projectHref(cloud: string, projectId: string, region: string, slug?: string): string {
  const base = `/${encodeURIComponent(cloud)}/${encodeURIComponent(projectId)}${slug ? `/${slug}` : ''}`;
  return region ? `${base}?region=${encodeURIComponent(region)}` : base;
}
