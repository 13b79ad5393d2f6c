// The launch form's parameters, generated from `POST validate`'s answer (heat/engine/parameters.py
// Parameter.schema_from_param / api.format_validate_parameter): each parameter's Type (String, Number,
// CommaDelimitedList, Json, Boolean), Default, Label, Description, NoEcho ("true" for `hidden`), and its
// constraints flattened to AllowedValues, MinValue/MaxValue (range), MinLength/MaxLength (length) and
// AllowedPattern. The checks here are the client-side half of Heat's own, so a wrong value is named before the call.
import { z } from 'zod';
import { msg, type Msg } from '@/lib/i18n/msg';

const num = z.number().nullish();
export const ValidateParamSchema = z.looseObject({
  Type: z.string(),
  Default: z.unknown().optional(),
  Label: z.string().nullish(),
  Description: z.string().nullish(),
  NoEcho: z.union([z.string(), z.boolean()]).nullish(),
  AllowedValues: z.array(z.unknown()).nullish(),
  MinValue: num,
  MaxValue: num,
  MinLength: num,
  MaxLength: num,
  AllowedPattern: z.string().nullish(),
  ConstraintDescription: z.string().nullish(),
  CustomConstraint: z.string().nullish(),
});
export const ValidateSchema = z.looseObject({
  Description: z.string().nullish(),
  Parameters: z.record(z.string(), ValidateParamSchema).nullish(),
  ParameterGroups: z.array(z.looseObject({ label: z.string().nullish(), parameters: z.array(z.string()).nullish() })).nullish(),
});
export type ValidateAnswer = z.infer<typeof ValidateSchema>;

export type ParamKind = 'string' | 'number' | 'list' | 'json' | 'boolean';

/** One input of the generated form. */
export interface ParamField {
  name: string;
  kind: ParamKind;
  label: string;
  description: string;
  /** The default as the input shows it ('' when none: then a value is required). */
  initial: string;
  hasDefault: boolean;
  /** `hidden: true` (NoEcho): a password input, never shown back. */
  secret: boolean;
  /** A select of these values. */
  options?: string[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** The template author's words for a failed constraint, shown as it is. */
  constraintText?: string;
  /** Heat checks it against the cloud (`glance.image`, `nova.flavor`, `neutron.network`). */
  custom?: string;
}

const KINDS: Record<string, ParamKind> = { String: 'string', Number: 'number', CommaDelimitedList: 'list', Json: 'json', Boolean: 'boolean' };

/** A default as the input holds it: lists joined by commas, JSON as text, booleans as "true"/"false". */
function asInput(kind: ParamKind, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (kind === 'json') return typeof v === 'string' ? v : JSON.stringify(v);
  if (kind === 'list' && Array.isArray(v)) return v.map(String).join(',');
  return String(v);
}

/** The form's fields, in the order of the template's parameter groups and then the answer's. */
export function paramFields(answer: ValidateAnswer): ParamField[] {
  const params = answer.Parameters ?? {};
  const grouped = (answer.ParameterGroups ?? []).flatMap((g) => g.parameters ?? []);
  const order = [...new Set([...grouped.filter((n) => n in params), ...Object.keys(params)])];
  return order.map((name) => {
    const p = params[name];
    const kind = KINDS[p.Type] ?? 'string';
    const f: ParamField = {
      name,
      kind,
      label: p.Label || name,
      description: p.Description ?? '',
      initial: asInput(kind, p.Default),
      hasDefault: p.Default !== undefined && p.Default !== null,
      secret: p.NoEcho === true || p.NoEcho === 'true',
    };
    if (p.AllowedValues?.length) f.options = p.AllowedValues.map(String);
    if (p.MinValue != null) f.min = p.MinValue;
    if (p.MaxValue != null) f.max = p.MaxValue;
    if (p.MinLength != null) f.minLength = p.MinLength;
    if (p.MaxLength != null) f.maxLength = p.MaxLength;
    if (p.AllowedPattern) f.pattern = p.AllowedPattern;
    if (p.ConstraintDescription) f.constraintText = p.ConstraintDescription;
    if (p.CustomConstraint) f.custom = p.CustomConstraint;
    return f;
  });
}

/** The problem with a value, or undefined. Lengths count characters for strings and items for lists (as Heat does). */
export function paramProblem(f: ParamField, raw: string): Msg | undefined {
  const v = raw;
  if (v.trim() === '') return f.hasDefault ? undefined : 'orchestration.params.required';
  const bad = (m: Msg): Msg => (f.constraintText ? msg('orchestration.params.constraint', { text: f.constraintText }) : m);
  if (f.kind === 'number') {
    if (!/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return 'orchestration.params.notNumber';
    const n = Number(v);
    if (f.min !== undefined && n < f.min) return bad(msg('orchestration.params.atLeast', { min: f.min }));
    if (f.max !== undefined && n > f.max) return bad(msg('orchestration.params.atMost', { max: f.max }));
  }
  if (f.kind === 'boolean' && !/^(true|false|yes|no|on|off|t|f|y|n|1|0)$/i.test(v.trim())) return 'orchestration.params.notBoolean';
  if (f.kind === 'json') {
    try {
      const parsed: unknown = JSON.parse(v);
      if (!parsed || typeof parsed !== 'object') return 'orchestration.params.notJson';
    } catch {
      return 'orchestration.params.notJson';
    }
  }
  const length = f.kind === 'list' ? v.split(',').length : v.length;
  if (f.kind === 'string' || f.kind === 'list') {
    if (f.minLength !== undefined && length < f.minLength) return bad(msg('orchestration.params.minLength', { min: f.minLength }));
    if (f.maxLength !== undefined && length > f.maxLength) return bad(msg('orchestration.params.maxLength', { max: f.maxLength }));
  }
  if (f.options && f.kind !== 'list' && !f.options.includes(v)) return bad('orchestration.params.notAllowed');
  if (f.options && f.kind === 'list' && v.split(',').some((x) => !f.options!.includes(x.trim()))) return bad('orchestration.params.notAllowed');
  // Heat anchors the pattern at the start and requires it to match the whole value (re.match + end check).
  if (f.pattern && f.kind === 'string') {
    let re: RegExp | undefined;
    try {
      re = new RegExp(`^(?:${f.pattern})$`);
    } catch {
      re = undefined;
    }
    if (re && !re.test(v)) return bad(msg('orchestration.params.pattern', { pattern: f.pattern }));
  }
  return undefined;
}

/** Every field's problem, by name. */
export function paramProblems(fields: readonly ParamField[], values: Record<string, string>): Record<string, Msg> {
  const out: Record<string, Msg> = {};
  for (const f of fields) {
    const p = paramProblem(f, values[f.name] ?? '');
    if (p) out[f.name] = p;
  }
  return out;
}

/**
 * The `parameters` of the create call: only values that differ from the default (an empty one keeps it), all as
 * strings (Heat's API takes every parameter as text and converts it by the parameter's type).
 */
export function paramValues(fields: readonly ParamField[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name] ?? '';
    if (v.trim() === '' || v === f.initial) continue;
    out[f.name] = v;
  }
  return out;
}

/** `--parameter k=v` words for the CLI line (hidden values shown as <hidden>). */
export function paramCli(fields: readonly ParamField[], values: Record<string, string>): string[] {
  const chosen = paramValues(fields, values);
  return fields.filter((f) => f.name in chosen).flatMap((f) => ['--parameter', `${f.name}=${f.secret ? '<hidden>' : chosen[f.name]}`]);
}
