// Resource properties checked and normalised against the type's recorded schema (heat/engine/properties.py):
// unknown and missing properties, types (string/integer/number/boolean/map/list, nested schemas), defaults
// and the range/length/allowed_values/allowed_pattern constraints, with Heat's messages and paths.
import { validationFailed } from '../errors';
import type { Json, JsonMap } from '../model';
import { typeReference, type PropertySchema } from '../reference';
import { constraintError, type Constraint } from '../template/params';
import { pyRepr, strToNum } from '../template/python';

class PropertyProblem extends Error {
  constructor(readonly path: string[], message: string) {
    super(message);
  }
}

/** How a property failure is worded: create/preview say "Property error: : <path>: : <msg>", validate "Property error: <path>: <msg>". */
export type ProblemStyle = 'create' | 'validate';

function joinPath(path: string[]): string {
  return path.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function toConstraint(c: JsonMap): Constraint | null {
  const description = typeof c.description === 'string' ? c.description : undefined;
  for (const kind of ['range', 'length'] as const) {
    if (c[kind] && typeof c[kind] === 'object') {
      const r = c[kind] as JsonMap;
      return { kind, min: typeof r.min === 'number' ? r.min : null, max: typeof r.max === 'number' ? r.max : null, description };
    }
  }
  if (Array.isArray(c.allowed_values)) return { kind: 'allowed_values', values: c.allowed_values, description };
  if (typeof c.allowed_pattern === 'string') return { kind: 'allowed_pattern', pattern: c.allowed_pattern, description };
  return null;
}

function typed(schema: PropertySchema, value: Json, path: string[]): Json {
  switch (schema.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
      throw new PropertyProblem(path, `Value must be a string; got ${pyRepr(value)}`);
    case 'integer': {
      const n = typeof value === 'number' ? value : /^[-+]?\d+$/.test(String(value).trim()) ? parseInt(String(value), 10) : NaN;
      if (!Number.isInteger(n)) throw new PropertyProblem(path, `Value '${typeof value === 'string' ? value : pyRepr(value)}' is not an integer`);
      return n;
    }
    case 'number':
      try {
        return strToNum(value);
      } catch (e) {
        throw new PropertyProblem(path, (e as Error).message);
      }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase())) return value.toLowerCase() === 'true';
      throw new PropertyProblem(path, `"${typeof value === 'string' ? value.toLowerCase() : pyRepr(value)}" is not a valid boolean`);
    case 'map':
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PropertyProblem(path, `"${pyRepr(value)}" is not a map`);
      return schema.schema ? checkMap(schema.schema, value, path) : value;
    case 'list': {
      const list = typeof value === 'string' ? (value === '' ? [] : value.split(',')) : value;
      if (!Array.isArray(list)) throw new PropertyProblem(path, `"${pyRepr(value)}" is not a list`);
      const item = schema.schema?.['*'];
      return item ? list.map((v, i) => checkValue(item, v, [...path, String(i)])) : list;
    }
    default:
      return value;
  }
}

function checkValue(schema: PropertySchema, value: Json, path: string[]): Json {
  const v = typed(schema, value, path);
  for (const raw of schema.constraints ?? []) {
    const c = toConstraint(raw);
    if (!c) continue;
    const problem = constraintError(c, v, schema.type);
    if (problem) throw new PropertyProblem(path, problem);
  }
  return v;
}

function checkMap(schemas: Record<string, PropertySchema>, data: JsonMap, path: string[]): JsonMap {
  for (const key of Object.keys(data)) if (!(key in schemas)) throw new PropertyProblem(path, `Unknown Property ${key}`);
  const out: JsonMap = {};
  for (const [key, schema] of Object.entries(schemas)) {
    const value = data[key];
    if (value === undefined || value === null) {
      if (schema.default !== undefined && schema.default !== null) out[key] = schema.default;
      else if (schema.required) throw new PropertyProblem(path, `Property ${key} not assigned`);
      else out[key] = null;
      continue;
    }
    out[key] = checkValue(schema, value, [...path, key]);
  }
  return out;
}

/**
 * The properties of resource `name` checked against its type's schema, defaults filled in (absent = null).
 * `unresolved` names properties whose value is not known yet (they wait for other resources): only
 * their presence counts.
 */
export function checkProperties(type: string, name: string, props: JsonMap, style: ProblemStyle, unresolved: Set<string> = new Set()): JsonMap {
  const schema = typeReference(type)?.schema.properties;
  if (!schema) return props;
  const known: JsonMap = {};
  for (const [k, v] of Object.entries(props)) if (!unresolved.has(k)) known[k] = v;
  const keep: Record<string, PropertySchema> = {};
  for (const [k, s] of Object.entries(schema)) if (!unresolved.has(k)) keep[k] = s;
  try {
    for (const key of Object.keys(props)) if (!(key in schema)) throw new PropertyProblem([], `Unknown Property ${key}`);
    return checkMap(keep, known, []);
  } catch (e) {
    if (!(e instanceof PropertyProblem)) throw e;
    const where = joinPath(['resources', name, 'properties', ...e.path]);
    throw validationFailed(style === 'create' ? `Property error: : ${where}: : ${e.message}` : `Property error: ${where}: ${e.message}`);
  }
}

/** Properties whose change forces a replacement (update_allowed false), by the type's schema. */
export function replacementProperties(type: string, before: JsonMap, after: JsonMap): string[] {
  const schema = typeReference(type)?.schema.properties ?? {};
  const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  return changed.filter((k) => !schema[k]?.update_allowed);
}

/** The properties that changed between two applied versions. */
export function changedProperties(before: JsonMap, after: JsonMap): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}
