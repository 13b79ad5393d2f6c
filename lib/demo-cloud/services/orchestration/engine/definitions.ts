// A stack's parsed definition (cached per environment object: every update stores new objects) and the
// scope functions resolve against: parameters, resources' references and attributes.
import type { Json, Stack, StackDefinition } from '../model';
import { pluginFor, resourceTypes } from '../plugins/registry';
import type { NestedStacks } from '../plugins/types';
import { buildDefinition, type Definition } from '../template/definition';
import { walkPath, type Scope } from '../template/functions';

const cache = new WeakMap<object, Definition>();
const KNOWN = new Set(resourceTypes());
export const knownType = (type: string) => KNOWN.has(type);

/** The definition a stack runs (template + environment + files), validated when first built. */
export function definitionOf(stack: Pick<Stack, 'id' | 'name' | 'projectId'>, src: StackDefinition): Definition {
  let d = cache.get(src.environment);
  if (!d || cache.get(src.template) !== d) {
    d = buildDefinition(src, { stackId: stack.id, stackName: stack.name, projectId: stack.projectId }, { validateValues: true, knownType });
    cache.set(src.environment, d);
    cache.set(src.template, d);
  }
  return d;
}

/** A resource's reference (get_resource): the plugin's, else its physical id, else its name (resource.py). */
export function refOf(stack: Stack, name: string): Json {
  const r = stack.resources[name];
  if (!r) return null;
  const p = pluginFor(r.type);
  if (p?.ref) return p.ref(r, stack);
  return r.physicalId || r.name;
}

export function attrOf(stack: Stack, name: string, attr: string | null, path: Json[], nested: NestedStacks): Json {
  const r = stack.resources[name];
  if (!r || !r.physicalId) return null;
  const p = pluginFor(r.type);
  if (!p) return null;
  const value = p.attribute(r, attr, stack, nested, path);
  return p.consumesPath || path.length === 0 ? value : walkPath(value, path, 'get_attr', `${name}.${attr}`);
}

export function scopeOf(stack: Stack, def: Definition, nested: NestedStacks): Scope {
  return {
    version: def.tmpl.version,
    params: def.params.values,
    files: stack.files,
    condition: (n) => def.conditions[n] ?? false,
    ref: (name) => refOf(stack, name),
    attr: (name, attr, path) => attrOf(stack, name, attr, path, nested),
  };
}
