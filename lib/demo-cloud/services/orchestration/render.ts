// The JSON Heat answers (heat/api/openstack/v1/views, heat/engine/api.py): stacks, resources, events,
// outputs, with their links, in Heat's key order.
import { isoSeconds } from '../../core/clock';
import type { CloudCore } from '../../core/cloud';
import { definitionOf } from './engine/definitions';
import { nested, outputsOf } from './engine/runner';
import { heatState, shownType, stateLabel, type HeatEvent, type Json, type JsonMap, type Resource, type Stack } from './model';
import { pluginFor } from './plugins/registry';
import type { Definition } from './template/definition';

const time = (ms: number | null) => (ms === null ? null : isoSeconds(ms));

/** Heat's make_url: <endpoint>/stacks/<name>/<id>, the endpoint of the stack's own project. */
export const stackUrl = (serviceUrl: string, s: Pick<Stack, 'projectId' | 'name' | 'id'>) =>
  `${serviceUrl}/v1/${s.projectId}/stacks/${encodeURIComponent(s.name)}/${encodeURIComponent(s.id)}`;

const link = (href: string, rel: string) => ({ href, rel });

export function stackSummary(serviceUrl: string, s: Stack, withProject: boolean): JsonMap {
  return {
    id: s.id,
    links: [link(stackUrl(serviceUrl, s), 'self')],
    ...(withProject ? { project: s.projectId } : {}),
    stack_name: s.name,
    description: '',
    stack_status: stateLabel(s),
    stack_status_reason: s.statusReason,
    creation_time: time(s.createdAt),
    updated_time: time(s.updatedAt),
    deletion_time: time(s.deletedAt),
    stack_owner: s.username,
    parent: s.parent,
    stack_user_project_id: s.stackUserProjectId,
    tags: s.tags,
  };
}

export function outputView(o: { key: string; description: string; value: Json; error?: string }, withValue = true): JsonMap {
  return { output_key: o.key, description: o.description, ...(withValue ? { output_value: o.value } : {}), ...(o.error ? { output_error: o.error } : {}) };
}

/** A stack as a show or a preview words it (a preview has no id, times or parent yet). */
export type ShownStack = Pick<Stack, 'id' | 'name' | 'projectId' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'disableRollback' | 'timeoutMins' | 'username' | 'parent' | 'tags'> & {
  stackUserProjectId: string | null;
};

/** What stack show and stack preview share (api.format_stack), in Heat's key order. */
export function stackBody(serviceUrl: string, s: ShownStack, def: Definition, parameters: JsonMap): JsonMap {
  return {
    stack_name: s.name,
    id: s.id,
    links: [link(stackUrl(serviceUrl, s), 'self')],
    creation_time: time(s.createdAt),
    updated_time: time(s.updatedAt),
    deletion_time: time(s.deletedAt),
    notification_topics: [],
    parameters,
    description: def.tmpl.description,
    template_description: def.tmpl.description,
    capabilities: [],
    disable_rollback: s.disableRollback,
    timeout_mins: s.timeoutMins,
    stack_owner: s.username,
    parent: s.parent,
    stack_user_project_id: s.stackUserProjectId,
    // Show answers [] for a stack without tags, where the list answers null (as Heat 19 does).
    tags: s.tags ?? [],
  };
}

/** The stack show body; `outputs` only when resolved. */
export function stackDetail(core: CloudCore, serviceUrl: string, s: Stack, resolveOutputs: boolean): JsonMap {
  const def = definitionOf(s, s);
  return {
    ...stackBody(serviceUrl, s, def, def.params.shown),
    stack_status: stateLabel(s),
    stack_status_reason: s.statusReason,
    ...(resolveOutputs ? { outputs: outputsOf(core, s).map((o) => outputView(o)) } : {}),
  };
}

/** Names of the stack's resources that require `name` (current definition). */
export function requiredBy(s: Stack, name: string): string[] {
  return Object.values(s.resources)
    .filter((r) => r.requires.includes(name))
    .map((r) => r.name);
}

/** Resource show's `attributes`: the `show` body when the type has one, else every attribute (api.format_resource_attributes). */
export function resourceAttributes(core: CloudCore, s: Stack, r: Resource): Json {
  const plugin = pluginFor(r.type);
  if (!plugin || !r.physicalId) return {};
  const show = plugin.attribute(r, 'show', s, nested(core), []);
  if (show && typeof show === 'object' && !Array.isArray(show)) return show;
  return plugin.attribute(r, null, s, nested(core), []);
}

export function resourceView(core: CloudCore, serviceUrl: string, s: Stack, r: Resource, detail: boolean): JsonMap {
  const base = stackUrl(serviceUrl, s);
  const links = [link(`${base}/resources/${encodeURIComponent(r.name)}`, 'self'), link(base, 'stack')];
  const child = r.physicalId ? heatState(core).stacks[r.physicalId] : undefined;
  if (child && child.parent === s.id) links.push(link(stackUrl(serviceUrl, child), 'nested'));
  return {
    updated_time: time(r.updatedAt ?? r.createdAt),
    creation_time: time(r.createdAt),
    logical_resource_id: r.name,
    resource_name: r.name,
    physical_resource_id: r.physicalId,
    resource_status: stateLabel(r),
    resource_status_reason: r.statusReason,
    resource_type: shownType(r),
    links,
    required_by: requiredBy(s, r.name),
    ...(s.parentResource ? { parent_resource: s.parentResource } : {}),
    ...(detail ? { description: r.description, attributes: resourceAttributes(core, s, r) } : {}),
  };
}

export function eventView(serviceUrl: string, s: Stack, e: HeatEvent, detail: boolean, root?: Stack): JsonMap {
  const base = stackUrl(serviceUrl, s);
  const resUrl = `${base}/resources/${encodeURIComponent(e.resourceName)}`;
  const links = [link(`${resUrl}/events/${e.id}`, 'self'), link(resUrl, 'resource'), link(base, 'stack')];
  if (root) links.push(link(stackUrl(serviceUrl, root), 'root_stack'));
  return {
    id: e.id,
    links,
    event_time: isoSeconds(e.time),
    logical_resource_id: e.resourceName,
    resource_name: e.resourceName,
    physical_resource_id: e.physicalId,
    resource_status: `${e.action}_${e.status}`,
    resource_status_reason: e.reason,
    ...(detail ? { resource_type: e.type, resource_properties: e.props } : {}),
  };
}
