// Stack validation before anything is created (stack.validate with strict validation): each resource's
// properties against its schema where their values are known already (values waiting for other
// resources are checked when the resource starts), and the custom constraints that ask the other
// services (glance.image, nova.flavor, neutron.network, ...), worded as Heat words them.
import { validationFailed } from '../errors';
import type { Json, JsonMap } from '../model';
import { ResourceFailure, ServiceClient } from '../plugins/client';
import { CUSTOM_CONSTRAINTS, SYNTAX_CONSTRAINTS } from '../plugins/lookup';
import { pluginFor, UNCHECKED_TYPES } from '../plugins/registry';
import { typeReference, type PropertySchema } from '../reference';
import { resolveProperties, type Definition } from '../template/definition';
import { scan, type Scope } from '../template/functions';
import { pyStr } from '../template/python';
import { knownType } from './definitions';
import { checkProperties, type ProblemStyle } from './properties';
import type { Session } from './session';

const staticScope = (def: Definition, files: Record<string, string>): Scope => ({
  version: def.tmpl.version,
  params: def.params.values,
  files,
  condition: (n) => def.conditions[n] ?? false,
  ref: () => null,
  attr: () => null,
});

function customConstraints(schema: PropertySchema): string[] {
  return (schema.constraints ?? []).map((c) => c.custom_constraint).filter((c): c is string => typeof c === 'string');
}

/** Every (path, value, constraint) of a property value, list items and map members included. */
function constrained(schema: PropertySchema, value: Json, path: string, out: Array<{ path: string; value: Json; name: string }>): void {
  if (value === null || value === undefined) return;
  for (const name of customConstraints(schema)) out.push({ path, value, name });
  if (schema.type === 'list' && Array.isArray(value) && schema.schema?.['*']) {
    value.forEach((v, i) => constrained(schema.schema!['*'], v, `${path}[${i}]`, out));
  } else if (schema.type === 'map' && value && typeof value === 'object' && !Array.isArray(value) && schema.schema) {
    for (const [k, s] of Object.entries(schema.schema)) constrained(s, (value as JsonMap)[k] ?? null, `${path}.${k}`, out);
  }
}

/** template validate (validate_res_tmpl_only): resource types and property names only, no values. */
function validateNames(def: Definition): void {
  for (const name of def.order) {
    const d = def.resources[name];
    if (UNCHECKED_TYPES.has(d.type)) continue;
    const schema = typeReference(d.type)?.schema.properties ?? {};
    const unknown = Object.keys(d.properties).find((k) => !(k in schema));
    if (unknown) throw validationFailed(`Property error: resources.${name}.properties: Unknown Property ${unknown}`);
  }
}

export async function validateResources(def: Definition, files: Record<string, string>, session: Session | null, style: ProblemStyle): Promise<void> {
  if (style === 'validate') return validateNames(def);
  const scope = staticScope(def, files);
  const api = session ? new ServiceClient(session) : null;
  for (const name of def.order) {
    const d = def.resources[name];
    if (UNCHECKED_TYPES.has(d.type)) continue;
    const unresolved = new Set<string>();
    for (const [key, snippet] of Object.entries(d.properties)) scan(snippet, def.tmpl.version, () => unresolved.add(key));
    const given = resolveProperties(d.properties, scope, name);
    const props = checkProperties(d.type, name, given, style, unresolved);
    for (const member of [props.resource, props.resource_def]) {
      const type = member && typeof member === 'object' && !Array.isArray(member) ? (member as JsonMap).type : undefined;
      if (typeof type === 'string' && !knownType(type)) throw validationFailed(`resources.${name}<nested_stack>: : The Resource Type (${type}) could not be found.`);
    }
    const own = unresolved.size === 0 ? pluginFor(d.type)?.validate?.(props) : null;
    if (own) throw validationFailed(own);
    const schema = typeReference(d.type)?.schema.properties ?? {};
    const checks: Array<{ path: string; value: Json; name: string }> = [];
    for (const [key, s] of Object.entries(schema)) if (!unresolved.has(key)) constrained(s, props[key], `resources.${name}.properties.${key}`, checks);
    for (const c of checks) {
      const syntax = SYNTAX_CONSTRAINTS[c.name];
      let problem: string | null = null;
      if (syntax) problem = syntax(String(c.value));
      else if (CUSTOM_CONSTRAINTS[c.name] && api) {
        try {
          await CUSTOM_CONSTRAINTS[c.name](api, c.value);
        } catch (e) {
          if (!(e instanceof ResourceFailure)) throw e;
          problem = e.message;
        }
      }
      if (problem) {
        const message = `Error validating value '${pyStr(c.value)}': ${problem}`;
        throw validationFailed(style === 'create' ? `Property error: : ${c.path}: : ${message}` : `Property error: ${c.path}: ${message}`);
      }
    }
  }
}
