// A stack definition made usable: the checked template, typed parameter values, evaluated conditions,
// the enabled resources with their dependencies (explicit depends_on plus get_resource/get_attr) in
// creation order. Building it reports template problems with Heat's types and messages.
import { heatError, validationFailed } from '../errors';
import type { Environment, Json, JsonMap } from '../model';
import { typeReference } from '../reference';
import { evalCondition, FunctionError, resolve, scan, type Scope } from './functions';
import { checkTemplate, type OutputDef, type ParsedTemplate, type ResourceDef } from './parse';
import { parseParamSchemas, resolveParams, validateSchemas, type ParamSchema, type ParamValues } from './params';
import { pyRepr } from './python';

export interface Definition {
  tmpl: ParsedTemplate;
  schemas: Record<string, ParamSchema>;
  params: ParamValues;
  conditions: Record<string, boolean>;
  /** Enabled resources (conditions applied), their type resolved through the environment's registry. */
  resources: Record<string, ResourceDef>;
  /** name -> the names it requires. */
  deps: Record<string, string[]>;
  /** Creation order (every resource after what it requires). */
  order: string[];
  outputs: Record<string, OutputDef>;
}

export interface Pseudo {
  stackId: string;
  stackName: string;
  projectId: string;
}

/** The resource types this engine can run (what `resource type list` shows). */
export type TypeCheck = (type: string) => boolean;

const noResources = (version: string, params: Record<string, Json>, files: Record<string, string>, conditions: (n: string) => boolean): Scope => ({
  version,
  params,
  files,
  condition: conditions,
  ref: () => null,
  attr: () => null,
});

function evaluateConditions(tmpl: ParsedTemplate, params: Record<string, Json>, files: Record<string, string>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const visiting = new Set<string>();
  const condition = (name: string): boolean => {
    if (name in out) return out[name];
    if (!(name in tmpl.conditions)) throw new FunctionError('', `Invalid condition "${name}"`);
    if (visiting.has(name)) throw validationFailed(`Circular definition for condition "${name}"`);
    visiting.add(name);
    try {
      out[name] = evalCondition(tmpl.conditions[name], noResources(tmpl.version, params, files, condition), name);
    } catch (e) {
      if (e instanceof FunctionError && e.path.startsWith(name)) {
        throw validationFailed(`Condition validation error: : The definition of condition "${name}" is invalid: ${pyRepr(tmpl.conditions[name])}`);
      }
      throw e;
    }
    return out[name];
  };
  for (const name of Object.keys(tmpl.conditions)) condition(name);
  return out;
}

function enabled(cond: Json | undefined, where: string, conditions: Record<string, boolean>, scope: Scope): boolean {
  if (cond === undefined || cond === null) return true;
  try {
    return evalCondition(cond, scope, where);
  } catch (e) {
    if (e instanceof FunctionError) throw validationFailed(`${where}: : ${e.message}`);
    throw e;
  }
}

/** Resolves a type through the environment's resource_registry ("My::Type": "OS::Heat::None"). */
export function registeredType(type: string, env: Environment): string {
  const mapped = env.resource_registry[type];
  return typeof mapped === 'string' && !mapped.includes('.yaml') && !mapped.includes('.template') ? mapped : type;
}

/** Creation order; a cycle is Heat's CircularDependencyException. */
export function topoOrder(deps: Record<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: string, trail: string[]) => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'visiting') {
      const cycle = trail.slice(trail.indexOf(n));
      throw heatError(400, 'CircularDependencyException', `Circular Dependency Found: ${cycle.map((x) => `${x}: [${deps[x].join(', ')}]`).join(', ')}`);
    }
    state.set(n, 'visiting');
    for (const d of deps[n] ?? []) visit(d, [...trail, n]);
    state.set(n, 'done');
    order.push(n);
  };
  for (const n of Object.keys(deps).sort()) visit(n, []);
  return order;
}

export interface BuildOptions {
  /** false for template validate: parameter values are not checked (only the schemas). */
  validateValues: boolean;
  knownType: TypeCheck;
}

export function buildDefinition(
  source: { template: JsonMap; environment: Environment; files: Record<string, string> },
  pseudo: Pseudo,
  opts: BuildOptions,
): Definition {
  const tmpl = checkTemplate(source.template);
  const schemas = parseParamSchemas(tmpl.version, tmpl.raw.parameters, source.environment.parameter_defaults);
  validateSchemas(schemas);
  const params: ParamValues = opts.validateValues
    ? resolveParams(schemas, source.environment.parameters, pseudo)
    : {
        values: { 'OS::stack_id': pseudo.stackId, 'OS::project_id': pseudo.projectId, 'OS::stack_name': pseudo.stackName, ...Object.fromEntries(Object.values(schemas).map((s) => [s.name, s.default ?? null])) },
        shown: {},
      };
  const conditions = evaluateConditions(tmpl, params.values, source.files);
  const scope = noResources(tmpl.version, params.values, source.files, (n) => {
    if (!(n in conditions)) throw new FunctionError('', `Invalid condition "${n}"`);
    return conditions[n];
  });

  const resources: Record<string, ResourceDef> = {};
  for (const r of Object.values(tmpl.resources)) {
    if (!enabled(r.condition, `resources.${r.name}.condition`, conditions, scope)) continue;
    const type = registeredType(r.type, source.environment);
    if (!opts.knownType(type)) throw validationFailed(`The Resource Type (${r.type}) could not be found.`);
    resources[r.name] = { ...r, type };
  }
  const outputs: Record<string, OutputDef> = {};
  for (const o of Object.values(tmpl.outputs)) {
    if (enabled(o.condition, `outputs.${o.name}.condition`, conditions, scope)) outputs[o.name] = o;
  }

  const deps: Record<string, string[]> = {};
  for (const r of Object.values(resources)) {
    const set = new Set(r.dependsOn.filter((d) => d in resources));
    for (const [part, snippet] of [['Properties', r.properties], ['Metadata', r.metadata]] as const) {
      scan(snippet, tmpl.version, (target, fn, path) => {
        if (!(target in resources)) {
          throw heatError(400, 'InvalidTemplateReference', `The specified reference "${target}" (in ${r.name}.${part}${path ? `.${path.replace(/\.get_attr$/, '')}` : ''}) is incorrect.`);
        }
        if (fn === 'get_attr') checkAttribute(resources, target, snippet, `resources.${r.name}.${part.toLowerCase()}${path ? `.${path.replace(/\.get_attr$/, '')}` : ''}.get_attr`, tmpl.version);
        set.add(target);
      });
    }
    deps[r.name] = [...set];
  }
  for (const o of Object.values(outputs)) {
    scan(o.value, tmpl.version, (target) => {
      if (!(target in resources)) throw validationFailed(`outputs.${o.name}.value.get_attr: The specified reference "${target}" (in unknown) is incorrect.`);
      checkAttribute(resources, target, o.value, `outputs.${o.name}.value.get_attr`, tmpl.version);
    });
  }
  return { tmpl, schemas, params, conditions, resources, deps, order: topoOrder(deps), outputs };
}

const PASS_THROUGH = new Set(['OS::Heat::ResourceGroup', 'OS::Heat::None']);

/** get_attr of an attribute the type does not have (groups take "resource.<n>..." too). */
function checkAttribute(resources: Record<string, ResourceDef>, target: string, snippet: Json, where: string, version: string): void {
  const schema = typeReference(resources[target].type)?.schema;
  // A ResourceGroup passes its members' attributes through; OS::Heat::None answers any attribute (None).
  if (!schema || PASS_THROUGH.has(resources[target].type)) return;
  const visit = (s: Json): void => {
    if (Array.isArray(s)) return s.forEach(visit);
    if (!s || typeof s !== 'object') return;
    const attr = (s as JsonMap).get_attr;
    if (Array.isArray(attr) && attr[0] === target && typeof attr[1] === 'string') {
      const name = attr[1];
      if (!(name in schema.attributes) && !name.startsWith('resource.') && name !== 'show') {
        throw validationFailed(`${where}: : The Referenced Attribute (${target} ${name}) is incorrect.`);
      }
    }
    Object.values(s).forEach(visit);
  };
  void version;
  visit(snippet);
}

/** Resolves each property; a function's failure is a property error on that property (properties.py). */
export function resolveProperties(props: JsonMap, scope: Scope, resource: string): JsonMap {
  const out: JsonMap = {};
  for (const [key, snippet] of Object.entries(props)) {
    try {
      out[key] = resolve(snippet, scope, `resources.${resource}.properties.${key}`);
    } catch (e) {
      if (e instanceof FunctionError) throw validationFailed(`Property error: : resources.${resource}.properties.${key}: : ${e.message}`);
      throw e;
    }
  }
  return out;
}

/** Resolves a snippet with a scope; function errors become Heat's StackValidationFailed with the path. */
export function resolveIn(snippet: Json, scope: Scope, prefix: string): Json {
  try {
    return resolve(snippet, scope, prefix);
  } catch (e) {
    if (e instanceof FunctionError) throw heatError(400, e.type, e.type === 'StackValidationFailed' ? `${e.path}: ${e.message}` : e.message);
    throw e;
  }
}
