// What a stack's resources mean to the rest of Stratus: the page each physical resource has (a server's instance
// page), what a delete takes with it, the scaling policies a person may signal and the size of their groups, and the
// changes a preview of an update lists. Pure functions over Heat's answers (heat.ts).
import { msg, type Msg } from '@/lib/i18n/msg';
import type { ResourceChanges, StackResource } from './heat';

/** The Stratus section that shows a Heat resource type's physical objects (by id). */
export const RESOURCE_PAGES: Readonly<Record<string, string>> = {
  'OS::Nova::Server': 'instances',
  'OS::Nova::Flavor': 'flavors',
  'OS::Neutron::Net': 'networks',
  'OS::Neutron::ProviderNet': 'networks',
  'OS::Neutron::Router': 'routers',
  'OS::Neutron::Port': 'ports',
  'OS::Neutron::FloatingIP': 'floating-ips',
  'OS::Neutron::SecurityGroup': 'security-groups',
  'OS::Cinder::Volume': 'volumes',
  'OS::Glance::WebImage': 'images',
  'OS::Designate::Zone': 'zones',
  'OS::Magnum::Cluster': 'clusters',
  'OS::Magnum::ClusterTemplate': 'cluster-templates',
  'OS::Octavia::LoadBalancer': 'load-balancers',
};

/** A resource's page (`instances/<id>`), when Stratus has one and the resource exists. */
export function resourcePage(r: Pick<StackResource, 'resource_type' | 'physical_resource_id' | 'resource_status'>): { slug: string; id: string } | undefined {
  const slug = RESOURCE_PAGES[r.resource_type];
  const id = r.physical_resource_id ?? '';
  if (!slug || !id || r.resource_status === 'DELETE_COMPLETE') return undefined;
  return { slug, id };
}

/** The group a nested resource belongs to: Heat names the parent stack's resource in `parent_resource`. */
const isTop = (r: StackResource) => !r.parent_resource;

/**
 * What deleting the stack deletes, as sentences: per resource type with a page in Stratus (servers, networks,
 * volumes…), how many and their ids; the rest counted together. Nested resources (a group's servers) are counted.
 */
export function deleteSummary(resources: readonly StackResource[]): Msg[] {
  const live = resources.filter((r) => r.resource_status !== 'DELETE_COMPLETE' && !(r.resource_type in GROUP_TYPES && !isTop(r)));
  const byType = new Map<string, StackResource[]>();
  for (const r of live) byType.set(r.resource_type, [...(byType.get(r.resource_type) ?? []), r]);
  const out: Msg[] = [];
  let other = 0;
  for (const [type, rs] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    if (!RESOURCE_PAGES[type]) {
      other += rs.length;
      continue;
    }
    const ids = rs.map((r) => r.physical_resource_id || r.resource_name);
    out.push(msg('orchestration.deleteSummary.typed', { count: rs.length, type, ids: ids.join(', ') }));
  }
  if (other) out.push(msg('orchestration.deleteSummary.other', { count: other }));
  return out;
}

// Nested stacks that only hold the group's members: their own entry adds nothing to the summary.
const GROUP_TYPES: Record<string, true> = { 'OS::Heat::AutoScalingGroup': true, 'OS::Heat::ResourceGroup': true };

/** A scaling policy the page offers to signal, with its direction when the template says it. */
export interface ScalingPolicy {
  name: string;
  /** The signed change (`scaling_adjustment`), when known without asking Heat for the policy's attributes. */
  adjustment?: number;
  adjustmentType?: string;
  /** The group it scales (`auto_scaling_group_id: {get_resource: asg}`). */
  group?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

/** A property's value: a literal, or `{get_param: name}` read from the stack's parameters. */
function literal(v: unknown, params: Json): unknown {
  const o = obj(v);
  if (o && 'get_param' in o) {
    const p = o.get_param;
    return typeof p === 'string' ? params[p] : undefined;
  }
  return v;
}

/**
 * The policies of a stack, read from its template (never from the policy's attributes: reading `alarm_url` makes
 * Heat create a signed URL's credentials, which on Zed broke the stack's delete for minutes). Ordered by name.
 */
export function scalingPolicies(template: Json | undefined, parameters: Json = {}): ScalingPolicy[] {
  const resources = obj(template?.resources) ?? {};
  const out: ScalingPolicy[] = [];
  for (const [name, raw] of Object.entries(resources)) {
    const r = obj(raw);
    if (r?.type !== 'OS::Heat::ScalingPolicy') continue;
    const props = obj(r.properties) ?? {};
    const adj = Number(literal(props.scaling_adjustment, parameters));
    const type = literal(props.adjustment_type, parameters);
    const group = obj(props.auto_scaling_group_id)?.get_resource;
    out.push({
      name,
      ...(Number.isFinite(adj) && props.scaling_adjustment !== undefined ? { adjustment: adj } : {}),
      ...(typeof type === 'string' ? { adjustmentType: type } : {}),
      ...(typeof group === 'string' ? { group } : {}),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Scale up or down, by the policy's sign; exact_capacity (or unknown) just signals it. */
export function policyDirection(p: ScalingPolicy): 'up' | 'down' | 'signal' {
  if (p.adjustment === undefined || p.adjustmentType === 'exact_capacity') return 'signal';
  return p.adjustment > 0 ? 'up' : p.adjustment < 0 ? 'down' : 'signal';
}

const moving = (r: StackResource) => (r.resource_status ?? '').endsWith('_IN_PROGRESS');

/**
 * The autoscaling groups of a stack and their members now (from a resource list with `nested_depth=1`). A group is
 * `settling` while it or a member moves: Heat ignores a signal then ("scaling in progress"), so none is offered.
 */
export function groupSizes(resources: readonly StackResource[]): { name: string; size: number; status: string; settling: boolean }[] {
  return resources
    .filter((r) => isTop(r) && r.resource_type === 'OS::Heat::AutoScalingGroup')
    .map((g) => {
      const all = resources.filter((r) => r.parent_resource === g.resource_name);
      const members = all.filter((r) => r.resource_status !== 'DELETE_COMPLETE' && r.resource_status !== 'DELETE_IN_PROGRESS');
      return { name: g.resource_name, size: members.length, status: g.resource_status ?? '', settling: moving(g) || all.some(moving) };
    });
}

export type ChangeKind = 'replaced' | 'updated' | 'added' | 'deleted' | 'unchanged';
const ORDER: readonly ChangeKind[] = ['replaced', 'updated', 'added', 'deleted', 'unchanged'];

/** An update's dry run as rows, the disruptive changes first; and the counts per kind. */
export function previewChanges(answer: ResourceChanges): { rows: { change: ChangeKind; name: string; type: string }[]; counts: Record<ChangeKind, number> } {
  const c = answer.resource_changes;
  const rows = ORDER.flatMap((change) => (c[change] ?? []).map((r) => ({ change, name: r.resource_name, type: r.resource_type ?? '' })));
  const counts = Object.fromEntries(ORDER.map((k) => [k, (c[k] ?? []).length])) as Record<ChangeKind, number>;
  return { rows, counts };
}

/** A create preview's resources (nested stacks come as lists inside the list), flat. */
export function previewResources(resources: readonly unknown[] | null | undefined): { name: string; type: string }[] {
  const out: { name: string; type: string }[] = [];
  const walk = (list: readonly unknown[]) => {
    for (const item of list) {
      if (Array.isArray(item)) walk(item);
      else if (obj(item)) out.push({ name: String(obj(item)!.resource_name ?? ''), type: String(obj(item)!.resource_type ?? '') });
    }
  };
  walk(resources ?? []);
  return out;
}
