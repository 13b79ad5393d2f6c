// The spine of the dashboard: every page a project has, grouped by the OpenStack service that provides it.
// The sidebar, the command palette's sources, the generic routes (app/[cloud]/[projectId]/[kind]) and the
// server-side catalog and admin checks are all derived from this one list. Adding a resource kind is its
// definition file plus one entry here (see docs/architecture.md).
// Plain data only: the browser imports it (sidebar, palette) as well as the server. Its texts are catalog keys
// (`ui.groups.…`, `ui.sections.…`, or the kinds' own labels), which the views translate.
import { allInstancesDefinition, computeServiceDefinition, HYPERVISOR_MICROVERSION, hypervisorDefinition } from './admin/compute';
import { projectAdminDefinition, userAdminDefinition } from './admin/identity';
import { domainAdminDefinition } from './admin/domains';
import { groupAdminDefinition } from './admin/groups';
import { roleAdminDefinition } from './admin/roles';
import { appCredentialDefinition } from './identity/application-credential';
import { nodeDefinition } from './baremetal/node';
import { resourceTypeDefinition } from './orchestration/resource-type';
import { stackDefinition } from './orchestration/stack';
import { shareDefinition } from './shared-file-system/share';
import { securityServiceDefinition, shareNetworkDefinition } from './shared-file-system/network';
import { shareSnapshotDefinition } from './shared-file-system/snapshot';
import { shareTypeDefinition } from './shared-file-system/share-type';
import { backupsDefinition } from './database/backup';
import { configurationDefinition } from './database/configuration';
import { instanceDefinition as databaseInstanceDefinition } from './database/instance';
import { flavorDefinition } from './compute/flavor';
import { keypairDefinition } from './compute/keypair';
import { serverDefinition } from './compute/server';
import { serverGroupDefinition } from './compute/server-group';
import { clusterTemplateDefinition } from './container-infra/cluster-template';
import { clusterDefinition } from './container-infra/cluster';
import { zoneDefinition } from './dns/zone';
import { imageDefinition } from './image/image';
import { loadBalancerDefinition } from './load-balancer/load-balancer';
import { containerDefinition } from './key-manager/container';
import { secretDefinition } from './key-manager/secret';
import { floatingIpDefinition } from './network/floating-ip';
import { networkDefinition } from './network/network';
import { portDefinition } from './network/port';
import { routerDefinition } from './network/router';
import { securityGroupDefinition } from './network/security-group';
import { msg } from '@/lib/i18n/msg';
import type { AnyDefinition, Text } from './types';
import { snapshotDefinition } from './volume/snapshot';
import { volumeDefinition } from './volume/volume';
import { volumeBackupDefinition } from './volume/backup';
import { volumeTransferDefinition } from './volume/transfer';
import { volumeTypeDefinition } from './volume/volume-type';
import { qosDefinition } from './volume/qos';

/** A group of pages in the sidebar: one OpenStack service. */
export interface ServiceGroup {
  id: string;
  label: Text;
  /** Human name of the service, for "… is not available in this cloud". */
  service: Text;
  /** Catalog types that provide it (any one suffices; Cinder is listed under three). */
  serviceTypes: readonly string[];
  /** Shown only to admins; anyone else gets HTTP 403 on its pages. */
  adminOnly?: boolean;
}

/** Who is logged in, for definitions built per user (application credentials live under the user's path). */
export interface DefinitionScope {
  userId: string;
  roles: readonly string[];
}
export const NO_SCOPE: DefinitionScope = { userId: '', roles: [] };

/** A definition, or one built for the project (Glance's "mine" filter needs the project id) and the user. */
export type DefinitionSource = AnyDefinition | ((projectId: string, scope: DefinitionScope) => AnyDefinition);

export interface Section {
  /** URL path below the project (`instances`, `admin/hypervisors`). */
  slug: string;
  /** Sidebar label and list page title. */
  label: Text;
  group: string;
  /** The resource kind the pages show; none for pages that are not a kind (topology, Swift's browser). */
  definition?: DefinitionSource;
  /** The service's default policy is admin-only: members get "requires the admin role" instead of the pages. */
  adminOnly?: boolean;
  /** Not in the sidebar (reached from other pages and the palette). */
  hidden?: boolean;
  /** Detail pages at `<slug>/<id>`. */
  detail?: boolean;
  /** A create page at `<slug>/new`, with its title. */
  create?: Text;
  /** What the command palette lists to search this kind by name and id (a cheap summary list). */
  search?: { path: string; adminOnly?: boolean };
  /** A line under the list's heading that says what the objects are. */
  description?: Text;
  /** Sections the list links to (cluster templates from clusters). */
  related?: readonly string[];
  /** Common actions the palette offers: a label and the path below the section that starts it. */
  actions?: readonly { label: Text; path: string }[];
}

export const GROUPS: readonly ServiceGroup[] = [
  { id: 'compute', label: 'ui.groups.compute.label', service: 'ui.groups.compute.service', serviceTypes: ['compute'] },
  { id: 'volumes', label: 'ui.groups.volumes.label', service: 'ui.groups.volumes.service', serviceTypes: ['volumev3', 'block-storage', 'volume'] },
  { id: 'images', label: 'ui.groups.images.label', service: 'ui.groups.images.service', serviceTypes: ['image'] },
  { id: 'network', label: 'ui.groups.network.label', service: 'ui.groups.network.service', serviceTypes: ['network'] },
  { id: 'dns', label: 'ui.groups.dns.label', service: 'ui.groups.dns.service', serviceTypes: ['dns'] },
  { id: 'key-manager', label: 'ui.groups.keyManager.label', service: 'ui.groups.keyManager.service', serviceTypes: ['key-manager'] },
  { id: 'container-infra', label: 'ui.groups.containerInfra.label', service: 'ui.groups.containerInfra.service', serviceTypes: ['container-infra'] },
  { id: 'load-balancer', label: 'ui.groups.loadBalancer.label', service: 'ui.groups.loadBalancer.service', serviceTypes: ['load-balancer'] },
  { id: 'orchestration', label: 'ui.groups.orchestration.label', service: 'ui.groups.orchestration.service', serviceTypes: ['orchestration'] },
  { id: 'shared-file-systems', label: 'ui.groups.sharedFileSystems.label', service: 'ui.groups.sharedFileSystems.service', serviceTypes: ['sharev2'] },
  { id: 'database', label: 'ui.groups.database.label', service: 'ui.groups.database.service', serviceTypes: ['database'] },
  { id: 'baremetal', label: 'ui.groups.baremetal.label', service: 'ui.groups.baremetal.service', serviceTypes: ['baremetal'] },
  { id: 'object-store', label: 'ui.groups.objectStore.label', service: 'ui.groups.objectStore.service', serviceTypes: ['object-store'] },
  { id: 'admin', label: 'ui.groups.admin.label', service: 'ui.groups.admin.service', serviceTypes: ['compute', 'identity'], adminOnly: true },
  { id: 'identity', label: 'ui.groups.identity.label', service: 'ui.groups.identity.service', serviceTypes: ['identity'] },
];

/** A section for a resource kind: slug and label come from its definition. */
function kind(source: DefinitionSource, group: string, opts: Omit<Section, 'slug' | 'label' | 'group' | 'definition'> & { label?: Text } = {}): Section {
  const def = typeof source === 'function' ? source('', NO_SCOPE) : source;
  return { slug: def.slug, label: def.label.plural, group, definition: source, ...opts };
}

/** In sidebar order. */
export const SECTIONS: readonly Section[] = [
  kind(serverDefinition, 'compute', { detail: true, create: 'ui.sections.launchInstance', actions: [{ label: 'ui.sections.launchInstance', path: 'new' }], search: { path: 'servers?limit=1000' } }),
  kind(flavorDefinition, 'compute', { search: { path: 'flavors' } }),
  kind(keypairDefinition, 'compute', { label: 'ui.sections.keyPairs', search: { path: 'os-keypairs' } }),
  kind(serverGroupDefinition, 'compute', { detail: true, related: ['instances'], actions: [{ label: 'ui.sections.createServerGroup', path: '?new=1' }], search: { path: 'os-server-groups' } }),
  kind(volumeDefinition, 'volumes', { detail: true, create: 'ui.sections.createVolume', actions: [{ label: 'ui.sections.createVolume', path: 'new' }], search: { path: 'volumes?limit=1000' } }),
  kind(snapshotDefinition, 'volumes', { label: 'ui.sections.snapshots', detail: true, search: { path: 'snapshots?limit=1000' } }),
  // Cinder backups, transfers between projects, and the admins' volume types and QoS specs.
  kind(volumeBackupDefinition, 'volumes', { detail: true, related: ['volumes'], create: 'ui.sections.createVolumeBackup', actions: [{ label: 'ui.sections.createVolumeBackup', path: 'new' }], search: { path: 'backups?limit=1000' } }),
  kind(volumeTransferDefinition, 'volumes', { detail: true, related: ['volumes'], description: 'ui.sections.volumeTransfersDescription', search: { path: 'os-volume-transfer' } }),
  kind(volumeTypeDefinition, 'volumes', { detail: true, related: ['volume-qos'], search: { path: 'types' } }),
  kind(qosDefinition, 'volumes', { adminOnly: true, detail: true, related: ['volume-types'], search: { path: 'qos-specs', adminOnly: true } }),
  kind(imageDefinition, 'images', { detail: true, create: 'ui.sections.createImage', actions: [{ label: 'ui.sections.uploadImage', path: 'new' }], search: { path: 'v2/images?limit=1000' } }),
  // Neutron: the palette asks only for the fields a match needs.
  kind(networkDefinition, 'network', { detail: true, related: ['ports'], description: 'ui.sections.networksDescription', create: 'ui.sections.createNetwork', actions: [{ label: 'ui.sections.createNetwork', path: 'new' }], search: { path: 'v2.0/networks?fields=id&fields=name' } }),
  kind(routerDefinition, 'network', { detail: true, actions: [{ label: 'ui.sections.createRouter', path: '?new=1' }], search: { path: 'v2.0/routers?fields=id&fields=name' } }),
  kind(floatingIpDefinition, 'network', {
    detail: true,
    description: 'ui.sections.floatingIpsDescription',
    actions: [{ label: 'ui.sections.allocateFloatingIp', path: '?new=1' }], search: { path: 'v2.0/floatingips?fields=id&fields=floating_ip_address' } }),
  kind(securityGroupDefinition, 'network', { label: 'ui.sections.securityGroups', detail: true, actions: [{ label: 'ui.sections.createSecurityGroup', path: '?new=1' }], search: { path: 'v2.0/security-groups?fields=id&fields=name' } }),
  { slug: 'topology', label: 'ui.sections.topology', group: 'network' },
  kind(portDefinition, 'network', { hidden: true, detail: true, related: ['networks'], description: 'ui.sections.portsDescription', search: { path: 'v2.0/ports?fields=id&fields=name' } }),
  kind(zoneDefinition, 'dns', { detail: true, create: 'ui.sections.createZone', actions: [{ label: 'ui.sections.createDnsZone', path: 'new' }], search: { path: 'v2/zones?limit=1000' } }),
  kind(secretDefinition, 'key-manager', { detail: true, related: ['secret-containers'], create: 'ui.sections.storeSecret', actions: [{ label: 'ui.sections.storeSecret', path: 'new' }], search: { path: 'v1/secrets?limit=100' } }),
  kind(containerDefinition, 'key-manager', { detail: true, related: ['secrets'], create: 'ui.sections.createSecretContainer', search: { path: 'v1/containers?limit=100' } }),
  kind(clusterDefinition, 'container-infra', { detail: true, related: ['cluster-templates'], create: 'ui.sections.createCluster', actions: [{ label: 'ui.sections.createCluster', path: 'new' }], search: { path: 'clusters' } }),
  kind(clusterTemplateDefinition, 'container-infra', { detail: true, create: 'ui.sections.createClusterTemplate', search: { path: 'clustertemplates' } }),
  kind(loadBalancerDefinition, 'load-balancer', {
    detail: true, related: ['floating-ips', 'topology'], description: 'ui.sections.loadBalancersDescription', create: 'ui.sections.createLoadBalancer',
    actions: [{ label: 'ui.sections.createLoadBalancer', path: 'new' }], search: { path: 'v2/lbaas/loadbalancers?fields=id&fields=name' },
  }),
  // Heat: stacks are addressed by name and id (`<name>/<id>`, the palette's id too); the list is the cheap summary.
  kind(stackDefinition, 'orchestration', { detail: true, related: ['resource-types'], create: 'ui.sections.launchStack', actions: [{ label: 'ui.sections.launchStack', path: 'new' }], search: { path: 'stacks' } }),
  kind(resourceTypeDefinition, 'orchestration', { detail: true, description: 'ui.sections.resourceTypesDescription', search: { path: 'resource_types?with_description=true' } }),
  // A template of chosen live objects (lib/resources/iac/): every kind whose definition declares `heat`.
  { slug: 'heat-export', label: 'ui.sections.heatExport', group: 'orchestration', description: 'ui.sections.heatExportDescription' },
  // Manila: shares (export locations, access rules and snapshots on each share's page), snapshots, share networks,
  // security services, and share types (creating them is admin-only).
  kind(shareDefinition, 'shared-file-systems', {
    detail: true, related: ['share-snapshots', 'share-networks'], description: 'ui.sections.sharesDescription', create: 'ui.sections.createShare',
    actions: [{ label: 'ui.sections.createShare', path: 'new' }], search: { path: 'shares' },
  }),
  kind(shareSnapshotDefinition(), 'shared-file-systems', { detail: true, related: ['shares'], search: { path: 'snapshots' } }),
  kind(shareNetworkDefinition, 'shared-file-systems', { detail: true, related: ['security-services'], search: { path: 'share-networks' } }),
  kind(securityServiceDefinition, 'shared-file-systems', { detail: true, related: ['share-networks'], search: { path: 'security-services' } }),
  kind(shareTypeDefinition, 'shared-file-systems', { description: 'ui.sections.shareTypesDescription', search: { path: 'types' } }),
  // Trove: instances, their backups (restored into a new instance) and configuration groups.
  kind(databaseInstanceDefinition, 'database', {
    detail: true, related: ['database-backups', 'database-configurations'], description: 'ui.sections.databasesDescription', create: 'ui.sections.createDatabase',
    actions: [{ label: 'ui.sections.createDatabase', path: 'new' }], search: { path: 'instances' },
  }),
  kind(backupsDefinition, 'database', { detail: true, related: ['databases'], create: 'ui.sections.createDatabaseBackup', search: { path: 'backups' } }),
  kind(configurationDefinition, 'database', { detail: true, related: ['databases'], create: 'ui.sections.createDatabaseConfiguration', search: { path: 'configurations' } }),
  kind(nodeDefinition, 'baremetal', { adminOnly: true, detail: true, create: 'ui.sections.enrollNode', actions: [{ label: 'ui.sections.enrollBareMetalNode', path: 'new' }], search: { path: 'v1/nodes?fields=uuid,name', adminOnly: true } }),
  // Swift's containers and objects are browsed by name, not listed through a definition.
  { slug: 'containers', label: 'ui.sections.containers', group: 'object-store', detail: true },
  kind(hypervisorDefinition, 'admin', {
    description: msg('ui.sections.hypervisorsDescription', { microversion: HYPERVISOR_MICROVERSION }),
  }),
  kind(computeServiceDefinition, 'admin'),
  kind(allInstancesDefinition, 'admin'),
  kind(projectAdminDefinition, 'admin', { label: 'ui.sections.allProjects', detail: true, create: 'ui.sections.createProject', search: { path: 'projects', adminOnly: true } }),
  kind(userAdminDefinition, 'admin', { detail: true, create: 'ui.sections.createUser', search: { path: 'users', adminOnly: true } }),
  kind(groupAdminDefinition, 'admin', { detail: true, create: 'ui.sections.createGroup', search: { path: 'groups', adminOnly: true } }),
  kind(roleAdminDefinition, 'admin'),
  kind(domainAdminDefinition, 'admin', { detail: true, create: 'ui.sections.createDomain', search: { path: 'domains', adminOnly: true } }),
  // Keystone projects for members: announced, pages to come.
  { slug: 'projects', label: 'ui.sections.projects', group: 'identity' },
  // Every user's own application credentials (the path names the user; the form offers the session's roles).
  kind((_, scope) => appCredentialDefinition(scope), 'identity', { create: 'ui.sections.createApplicationCredential' }),
];

export function groupOf(section: Section): ServiceGroup {
  const g = GROUPS.find((x) => x.id === section.group);
  if (!g) throw new Error(`section ${section.slug} names an unknown group ${section.group}`);
  return g;
}

export function findSection(slug: string): Section | undefined {
  return SECTIONS.find((s) => s.slug === slug);
}

/** The section's definition for a project, when it is a resource kind. */
export function definitionOf(section: Section, projectId: string, scope: DefinitionScope = NO_SCOPE): AnyDefinition | undefined {
  const d = section.definition;
  return typeof d === 'function' ? d(projectId, scope) : d;
}

/** The section of a resource kind (`server` → instances). */
export function sectionOfKind(kindName: string): Section | undefined {
  return SECTIONS.find((s) => s.definition && definitionOf(s, '')?.kind === kindName);
}

/** The catalog type that provides `group`, or undefined when the cloud lacks it. */
export function providingType(group: ServiceGroup, catalogTypes: Iterable<string>): string | undefined {
  const present = new Set(catalogTypes);
  return group.serviceTypes.find((t) => present.has(t));
}

/** The groups a user sees with their sections in sidebar order: admin-only groups need the admin role. */
export function navGroups(roles: readonly string[]): { group: ServiceGroup; sections: Section[] }[] {
  const admin = roles.includes('admin');
  return GROUPS.filter((g) => !g.adminOnly || admin).map((group) => ({ group, sections: SECTIONS.filter((s) => s.group === group.id && !s.hidden) }));
}

/** What a user may do with a section in a cloud: the one rule behind the sidebar's hints and the pages' gates. */
export type SectionAccess =
  | { state: 'ok'; serviceType: string }
  | { state: 'unavailable' }
  | { state: 'forbidden' }
  | { state: 'admin-required'; serviceType: string };

export function sectionAccess(section: Section, catalogTypes: Iterable<string>, roles: readonly string[]): SectionAccess {
  const group = groupOf(section);
  const isAdmin = roles.includes('admin');
  if (group.adminOnly && !isAdmin) return { state: 'forbidden' };
  const serviceType = providingType(group, catalogTypes);
  if (!serviceType) return { state: 'unavailable' };
  if (section.adminOnly && !isAdmin) return { state: 'admin-required', serviceType };
  return { state: 'ok', serviceType };
}

/** `/<cloud>/<project>[/<slug>]?region=<region>` */
export function projectHref(cloud: string, projectId: string, region: string, slug?: string): string {
  const base = `/${encodeURIComponent(cloud)}/${encodeURIComponent(projectId)}${slug ? `/${slug}` : ''}`;
  return region ? `${base}?region=${encodeURIComponent(region)}` : base;
}
