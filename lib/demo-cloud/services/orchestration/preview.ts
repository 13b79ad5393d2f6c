// Previews (heat/engine/api.py format_stack_preview, service.preview_update_stack): what a create would
// make, and what an update would add, update in place, replace, delete or leave unchanged.
import type { CloudCore } from '../../core/cloud';
import { refOf, scopeOf } from './engine/definitions';
import { changedProperties, checkProperties, replacementProperties } from './engine/properties';
import { nested } from './engine/runner';
import type { JsonMap, Stack } from './model';
import { typeReference } from './reference';
import { pluginFor, UNCHECKED_TYPES } from './plugins/registry';
import { outputView, stackBody } from './render';
import type { Definition } from './template/definition';
import { resolve, scan, type Scope } from './template/functions';

interface Identity {
  tenant: string;
  stackName: string;
  stackId: string;
}

function identity(id: Identity, path: string): JsonMap {
  return { tenant: id.tenant, stack_name: id.stackName, stack_id: id.stackId, path };
}

/** A resource as a preview lists it: never created (INIT_COMPLETE), attributes all null. */
function previewResource(def: Definition, name: string, id: Identity, props?: JsonMap): JsonMap {
  const d = def.resources[name];
  const attrs = Object.keys(typeReference(d.type)?.schema.attributes ?? {}).filter((a) => a !== 'show');
  return {
    updated_time: null,
    creation_time: null,
    resource_name: name,
    physical_resource_id: '',
    resource_action: 'INIT',
    resource_status: 'COMPLETE',
    resource_status_reason: '',
    resource_type: d.type,
    resource_identity: identity(id, `/resources/${name}`),
    stack_identity: identity(id, ''),
    stack_name: id.stackName,
    required_by: Object.keys(def.deps).filter((n) => def.deps[n].includes(name)),
    description: d.description,
    metadata: {},
    attributes: Object.fromEntries(attrs.map((a) => [a, null])),
    ...(props ? { properties: props } : {}),
  };
}

/** Properties as known before anything exists: references resolve to null (Heat shows them unresolved). */
function staticProps(def: Definition, name: string, files: Record<string, string>): JsonMap {
  const d = def.resources[name];
  const scope: Scope = { version: def.tmpl.version, params: def.params.values, files, condition: (n) => def.conditions[n] ?? false, ref: () => null, attr: () => null };
  const given = resolve(d.properties, scope) as JsonMap;
  if (UNCHECKED_TYPES.has(d.type)) return given;
  const unresolved = new Set<string>();
  for (const [k, v] of Object.entries(d.properties)) scan(v, def.tmpl.version, () => unresolved.add(k));
  return { ...checkProperties(d.type, name, given, 'create', unresolved), ...Object.fromEntries([...unresolved].map((k) => [k, given[k] ?? null])) };
}

export function stackPreview(serviceUrl: string, def: Definition, s: Stack, files: Record<string, string>, now: number): JsonMap {
  const id: Identity = { tenant: s.projectId, stackName: s.name, stackId: 'None' };
  const unborn = { ...s, id: 'None', createdAt: now, updatedAt: null, deletedAt: null, parent: null, stackUserProjectId: null };
  return {
    ...stackBody(serviceUrl, unborn, def, { ...def.params.shown, 'OS::stack_id': 'None' }),
    outputs: Object.values(def.outputs).map((o) => outputView({ key: o.name, description: o.description, value: null })),
    resources: def.order.map((name) => previewResource(def, name, id, staticProps(def, name, files))),
  };
}

type Change = 'unchanged' | 'updated' | 'replaced' | 'added' | 'deleted';

/** preview_update_stack: each resource of the new definition (and each removed one) in its bucket. */
export function updatePreview(core: CloudCore, stack: Stack, current: Definition, next: Definition): Record<Change, JsonMap[]> {
  const out: Record<Change, JsonMap[]> = { unchanged: [], updated: [], replaced: [], added: [], deleted: [] };
  const id: Identity = { tenant: stack.projectId, stackName: stack.name, stackId: stack.id };
  const scope = scopeOf(stack, next, nested(core));
  for (const name of next.order) {
    const d = next.resources[name];
    const res = stack.resources[name];
    if (!res || res.action === 'INIT') {
      out.added.push(previewResource(next, name, id));
      continue;
    }
    let change: Change;
    if (res.type !== d.type || res.status === 'FAILED') change = 'replaced';
    else {
      const given = resolve(d.properties, { ...scope, ref: (n) => refOf(stack, n) }) as JsonMap;
      const props = UNCHECKED_TYPES.has(d.type) ? given : checkProperties(d.type, name, given, 'create');
      const before = res.props ?? {};
      const changed = changedProperties(before, props);
      const plugin = pluginFor(d.type);
      if (changed.length === 0) change = 'unchanged';
      else if (!plugin?.update) change = 'replaced';
      else change = (plugin.replaceOn ? plugin.replaceOn(changed, before, props) : replacementProperties(d.type, before, props).length > 0) ? 'replaced' : 'updated';
    }
    out[change].push(previewResource(next, name, id));
  }
  for (const name of Object.keys(stack.resources)) {
    if (!(name in next.resources) && name in current.resources) out.deleted.push(previewResource(current, name, id));
  }
  return out;
}

