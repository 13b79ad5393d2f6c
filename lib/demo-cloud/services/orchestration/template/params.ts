// HOT parameters (heat/engine/hot/parameters.py, parameters.py, constraints.py): schema parsing, user values,
// validation with Heat's own messages, and the renderings the API shows (stack parameters, template validate).
import { heatError } from '../errors';
import type { Json, JsonMap } from '../model';
import { boolFromString, pyJson, pyRepr, strToNum } from './python';

export type ParamType = 'string' | 'number' | 'comma_delimited_list' | 'json' | 'boolean';
const TYPES: ParamType[] = ['string', 'number', 'comma_delimited_list', 'json', 'boolean'];

export interface Constraint {
  kind: 'range' | 'length' | 'modulo' | 'allowed_values' | 'allowed_pattern' | 'custom_constraint';
  min?: number | null;
  max?: number | null;
  step?: number;
  offset?: number;
  values?: Json[];
  pattern?: string;
  name?: string;
  description?: string;
}

export interface ParamSchema {
  name: string;
  type: ParamType;
  description: string;
  default?: Json;
  hidden: boolean;
  label: string;
  immutable: boolean;
  tags: string[];
  constraints: Constraint[];
}

export const PSEUDO_PARAMS = ['OS::stack_id', 'OS::project_id', 'OS::stack_name'] as const;

const invalidSchema = (message: string) => heatError(400, 'InvalidSchemaError', message);
const invalidParam = (name: string, why: string) => heatError(400, 'StackValidationFailed', `Parameter '${name}' is invalid: ${why}`);

const BASE_KEYS = ['type', 'description', 'default', 'schema', 'constraints', 'hidden', 'label', 'immutable'];
const CONSTRAINT_KEYS = ['description', 'length', 'range', 'modulo', 'allowed_values', 'allowed_pattern', 'custom_constraint'];

function checkDict(value: unknown, allowed: string[], entity: string): Record<string, Json> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidSchema(`Invalid ${entity}, expected a mapping`);
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw invalidSchema(`Invalid key '${key}' for ${entity}`);
  return value as Record<string, Json>;
}

const num = (v: Json | undefined) => (v === undefined || v === null ? null : strToNum(v));

function parseConstraint(def: Json, version: string): Constraint {
  const c = checkDict(def, CONSTRAINT_KEYS, 'parameter constraints');
  const description = typeof c.description === 'string' ? c.description : undefined;
  if ('range' in c || 'length' in c) {
    const kind = 'range' in c ? 'range' : 'length';
    const r = checkDict(c[kind], ['min', 'max'], `${kind} constraint`);
    const min = num(r.min);
    const max = num(r.max);
    if (min === null && max === null) throw invalidSchema(`A ${kind} constraint must have a min value and/or a max value specified.`);
    return { kind, min, max, description };
  }
  if ('modulo' in c && version >= '2017-02-24') {
    const m = checkDict(c.modulo, ['step', 'offset'], 'modulo constraint');
    if (m.step === undefined || m.offset === undefined) throw invalidSchema('A modulo constraint must have a step value and an offset value specified.');
    return { kind: 'modulo', step: strToNum(m.step), offset: strToNum(m.offset), description };
  }
  if ('allowed_values' in c) return { kind: 'allowed_values', values: Array.isArray(c.allowed_values) ? c.allowed_values : [c.allowed_values], description };
  if ('allowed_pattern' in c) return { kind: 'allowed_pattern', pattern: String(c.allowed_pattern), description };
  if ('custom_constraint' in c) return { kind: 'custom_constraint', name: String(c.custom_constraint), description };
  throw invalidSchema('No constraint expressed');
}

/** The `parameters` section as schemas; `defaults` (the environment's parameter_defaults) replace template defaults. */
export function parseParamSchemas(version: string, section: Json | undefined, defaults: JsonMap = {}): Record<string, ParamSchema> {
  const keys = version >= '2018-03-02' ? [...BASE_KEYS, 'tags'] : BASE_KEYS;
  const out: Record<string, ParamSchema> = {};
  for (const [name, raw] of Object.entries((section ?? {}) as JsonMap)) {
    const d = checkDict(raw, keys, `parameter (${name})`);
    if (!('type' in d)) throw invalidSchema(`Missing parameter type for parameter: ${name}`);
    const type = String(d.type) as ParamType;
    if (!TYPES.includes(type)) throw invalidSchema(`Invalid type (${String(d.type)})`);
    if (d.constraints !== undefined && d.constraints !== null && !Array.isArray(d.constraints)) {
      throw invalidSchema(`Invalid parameter constraints for parameter ${name}, expected a list`);
    }
    const schema: ParamSchema = {
      name,
      type,
      description: typeof d.description === 'string' ? d.description : '',
      hidden: d.hidden === true || String(d.hidden).toLowerCase() === 'true',
      label: typeof d.label === 'string' && d.label ? d.label : name,
      immutable: d.immutable === true,
      tags: Array.isArray(d.tags) ? d.tags.map(String) : [],
      constraints: ((d.constraints as Json[] | undefined) ?? []).map((c) => parseConstraint(c, version)),
    };
    const def = name in defaults ? defaults[name] : d.default;
    if (def !== undefined && def !== null) schema.default = def;
    out[name] = schema;
  }
  return out;
}

/** A parameter's value in the type functions see: str, number, list of str, parsed JSON, bool. */
export function parseValue(schema: ParamSchema, raw: Json): Json {
  switch (schema.type) {
    case 'number':
      return strToNum(raw);
    case 'boolean':
      return boolFromString(typeof raw === 'string' ? raw : String(raw === true ? 'true' : raw === false ? 'false' : raw));
    case 'comma_delimited_list':
      if (Array.isArray(raw)) return raw.map((x) => (typeof x === 'string' ? x : pyJson(x)));
      if (typeof raw !== 'string') throw new Error(`Value must be a comma-delimited list string: ${String(raw)}`);
      return raw === '' ? [] : raw.split(',');
    case 'json':
      if (typeof raw !== 'string') return raw;
      if (raw === '') return {};
      try {
        return JSON.parse(raw) as Json;
      } catch (e) {
        throw new Error(`Value must be valid JSON: ${(e as Error).message}`);
      }
    default:
      return typeof raw === 'string' ? raw : typeof raw === 'boolean' ? (raw ? 'True' : 'False') : typeof raw === 'number' ? String(raw) : pyJson(raw);
  }
}

const fmtBound = (v: number | null | undefined) => (v === null || v === undefined ? 'None' : String(v));

/** Checks one constraint; the message is the constraint's description when it has one (constraints.py). */
export function constraintError(c: Constraint, value: Json, type: ParamType | 'string' | 'integer' | 'list' | 'map'): string | null {
  let ok = true;
  let msg = '';
  if (c.kind === 'range') {
    const n = strToNum(value);
    ok = !((c.min !== null && c.min !== undefined && n < c.min) || (c.max !== null && c.max !== undefined && n > c.max));
    msg = `${n} is out of range (min: ${fmtBound(c.min)}, max: ${fmtBound(c.max)})`;
  } else if (c.kind === 'length') {
    const len = Array.isArray(value) ? value.length : typeof value === 'object' && value ? Object.keys(value).length : String(value).length;
    ok = !((c.min !== null && c.min !== undefined && len < c.min) || (c.max !== null && c.max !== undefined && len > c.max));
    msg = `length (${len}) is out of range (min: ${fmtBound(c.min)}, max: ${fmtBound(c.max)})`;
  } else if (c.kind === 'modulo') {
    const n = strToNum(value);
    ok = n % (c.step ?? 1) === c.offset;
    msg = `${n} is not a multiple of ${c.step} with an offset of ${c.offset}`;
  } else if (c.kind === 'allowed_values') {
    const allowed = c.values ?? [];
    const numeric = type === 'number' || type === 'integer';
    const has = (v: Json) => allowed.some((a) => (numeric ? strToNum(a) === strToNum(v) : String(a) === String(v)));
    ok = Array.isArray(value) ? value.every(has) : has(value);
    msg = `${pyJson(value)} is not an allowed value [${allowed.map(pyJson).join(', ')}]`;
  } else if (c.kind === 'allowed_pattern') {
    const m = new RegExp(`^(?:${c.pattern ?? ''})`).exec(String(value));
    ok = m !== null && m[0].length === String(value).length;
    msg = `"${String(value)}" does not match pattern "${c.pattern}"`;
  }
  return ok ? null : (c.description ?? msg);
}

export interface ParamValues {
  /** Typed values, pseudo parameters included. */
  values: Record<string, Json>;
  /** The values as Heat shows them in `stack show` (str(), hidden ones starred). */
  shown: Record<string, string>;
}

/**
 * Validates user values against the schemas and returns the typed values (parameters.py `validate`):
 * unknown names, missing values and constraint violations, worded as Heat words them.
 */
export function resolveParams(
  schemas: Record<string, ParamSchema>,
  user: JsonMap,
  pseudo: { stackId: string; stackName: string; projectId: string },
): ParamValues {
  for (const name of Object.keys(user)) {
    if (!(name in schemas)) throw heatError(400, 'UnknownUserParameter', `The Parameter (${name}) was not defined in template.`);
  }
  const values: Record<string, Json> = { 'OS::stack_id': pseudo.stackId, 'OS::project_id': pseudo.projectId, 'OS::stack_name': pseudo.stackName };
  const shown: Record<string, string> = { ...(values as Record<string, string>) };
  for (const schema of Object.values(schemas)) {
    const raw = user[schema.name] ?? schema.default;
    if (raw === undefined || raw === null) throw heatError(400, 'UserParameterMissing', `The Parameter (${schema.name}) was not provided.`);
    let value: Json;
    try {
      value = parseValue(schema, raw);
    } catch (e) {
      throw invalidParam(schema.name, (e as Error).message);
    }
    for (const c of schema.constraints) {
      if (c.kind === 'custom_constraint') continue;
      const problem = constraintError(c, value, schema.type);
      if (problem) throw invalidParam(schema.name, problem);
    }
    values[schema.name] = value;
    shown[schema.name] = schema.hidden ? '******' : paramText(schema.type, value);
  }
  return { values, shown };
}

function paramText(type: ParamType, value: Json): string {
  if (type === 'boolean') return value ? 'True' : 'False';
  if (type === 'comma_delimited_list') return (value as string[]).join(',');
  if (type === 'json') return pyJson(value);
  return String(value);
}

/** Checks the schema alone (defaults against their constraints), as template validate does. */
export function validateSchemas(schemas: Record<string, ParamSchema>): void {
  for (const s of Object.values(schemas)) {
    if (s.default === undefined) continue;
    let value: Json = s.default;
    if (s.type === 'comma_delimited_list') value = Array.isArray(value) ? value.map(String) : String(value).split(',');
    for (const c of s.constraints) {
      if (c.kind === 'custom_constraint') continue;
      let problem: string | null;
      try {
        problem = constraintError(c, value, s.type);
      } catch (e) {
        problem = (e as Error).message;
      }
      if (problem) throw invalidSchema(`Parameter '${s.name}' is invalid: Invalid default ${pyRepr(s.default).replace(/^'(.*)'$/, '$1')} (${problem})`);
    }
  }
}

const API_TYPES: Record<ParamType, string> = { string: 'String', number: 'Number', comma_delimited_list: 'CommaDelimitedList', json: 'Json', boolean: 'Boolean' };

/** One entry of template validate's `Parameters` (api.format_validate_parameter). */
export function validateView(s: ParamSchema, userValue?: Json): Record<string, Json> {
  const out: Record<string, Json> = { Type: API_TYPES[s.type], Description: s.description, NoEcho: s.hidden ? 'true' : 'false', Label: s.label };
  if (s.default !== undefined) out.Default = s.default;
  if (userValue !== undefined && userValue !== null && userValue !== '') out.Value = userValue;
  if (s.tags.length) out.Tags = s.tags;
  const descriptions: string[] = [];
  for (const c of s.constraints) {
    if (c.kind === 'length') {
      if (c.min !== null && c.min !== undefined) out.MinLength = c.min;
      if (c.max !== null && c.max !== undefined) out.MaxLength = c.max;
    } else if (c.kind === 'range') {
      if (c.min !== null && c.min !== undefined) out.MinValue = c.min;
      if (c.max !== null && c.max !== undefined) out.MaxValue = c.max;
    } else if (c.kind === 'modulo') {
      out.Step = c.step ?? null;
      out.Offset = c.offset ?? null;
    } else if (c.kind === 'allowed_values') out.AllowedValues = c.values ?? [];
    else if (c.kind === 'allowed_pattern') out.AllowedPattern = c.pattern ?? '';
    else if (c.kind === 'custom_constraint') out.CustomConstraint = c.name ?? '';
    if (c.description) descriptions.push(c.description);
  }
  if (descriptions.length) out.ConstraintDescription = descriptions.join(' ');
  return out;
}
