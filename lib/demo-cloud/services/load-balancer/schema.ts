// Request bodies as Octavia's WSME types read them: unknown attributes, mandatory fields, types and
// ranges, with WSME's messages ("Invalid input for field/attribute X. Value: '...'. ..."). Values in
// messages are Python reprs, since the real service prints them that way.
import { isIP } from 'node:net';
import type { RequestContext } from '../../core/context';
import { cidrString, parseCidr } from './deps';
import { fault } from './errors';

export type Spec =
  | { t: 'str'; max?: number; min?: number; pattern?: RegExp }
  | { t: 'int'; min?: number; max?: number }
  | { t: 'bool' }
  | { t: 'uuid' }
  | { t: 'enum'; of: readonly (string | number)[] }
  | { t: 'ip' }
  | { t: 'cidr' }
  | { t: 'url' }
  | { t: 'urlpath' }
  | { t: 'list'; of: Spec }
  | { t: 'dict' }
  | { t: 'obj'; fields: Fields };

export interface FieldSpec {
  spec: Spec;
  mandatory?: boolean;
  /** Applied when the attribute is absent (WSME `default=`). */
  default?: unknown;
}
export type Fields = Record<string, Spec | FieldSpec>;
export type Body = Record<string, unknown>;

const asField = (f: Spec | FieldSpec): FieldSpec => ('spec' in f ? f : { spec: f });

/** Python's repr of a JSON value: `{'a': [1, True, None]}`. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v as Body).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

/** `str(value)` as Python prints it inside a message. */
const pyStr = (v: unknown) => (typeof v === 'string' ? v : pyRepr(v));

const invalid = (field: string, value: unknown, message: string) =>
  fault(400, `Invalid input for field/attribute ${field}. Value: '${pyStr(value)}'. ${message}`);

/** A field's value failed its type's validation. */
class FieldError extends Error {
  constructor(readonly field: string, readonly value: unknown, message: string) {
    super(message);
  }
}
/** A conversion WSME fails before validating: reported against the whole argument. */
class WholeBodyError extends Error {}

const UUID_RE = /^(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;
const BOOL_TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];
const BOOL_FALSE = ['0', 'f', 'false', 'off', 'n', 'no'];
// RFC 3986 characters (octavia.common.validate uses rfc3986's validator).
const URL_RE = /^https?:\/\/[A-Za-z0-9.\-_~%!$&'()*+,;=:@[\]]+(\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*)?(\?[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?(#[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$/;
const PATH_RE = /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*(\?[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?(#[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$/;

function convert(field: string, spec: Spec, v: unknown, path: string): unknown {
  if (v === null) return null;
  switch (spec.t) {
    case 'str': {
      if (typeof v !== 'string') throw new FieldError(field, v, 'Value should be string');
      if (spec.max !== undefined && v.length > spec.max) throw new FieldError(field, v, `Value should have a maximum character requirement of ${spec.max}`);
      if (spec.min !== undefined && v.length < spec.min) throw new FieldError(field, v, `Value should have a minimum character requirement of ${spec.min}`);
      if (spec.pattern && !spec.pattern.test(v)) throw new FieldError(field, v, `Value should match the pattern ${spec.pattern.source}`);
      return v;
    }
    case 'int': {
      let n: number;
      if (typeof v === 'number') n = Math.trunc(v);
      else if (typeof v === 'boolean') n = v ? 1 : 0;
      else if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) n = Number(v);
      else if (typeof v === 'string') throw new WholeBodyError(`invalid literal for int() with base 10: ${pyRepr(v)}`);
      else throw new WholeBodyError(`int() argument must be a string, a bytes-like object or a real number, not '${Array.isArray(v) ? 'list' : 'dict'}'`);
      if (spec.min !== undefined && n < spec.min) throw new FieldError(field, n, `Value should be greater or equal to ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) throw new FieldError(field, n, `Value should be lower or equal to ${spec.max}`);
      return n;
    }
    case 'bool': {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      const s = String(pyStr(v)).trim().toLowerCase();
      if (BOOL_TRUE.includes(s)) return true;
      if (BOOL_FALSE.includes(s)) return false;
      throw new WholeBodyError(`Value not an unambiguous boolean: ${pyStr(v)}`);
    }
    case 'uuid':
      if (typeof v !== 'string' || !UUID_RE.test(v)) throw new FieldError(field, v, 'Value should be UUID format');
      return v;
    case 'enum':
      if (!spec.of.includes(v as string | number)) throw new FieldError(field, v, `Value should be one of: ${spec.of.join(', ')}`);
      return v;
    case 'ip':
      if (typeof v !== 'string' || !isIP(v)) throw new FieldError(field, v, 'Value should be IPv4 or IPv6 format');
      return v;
    case 'cidr': {
      const c = typeof v === 'string' ? parseCidr(v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`) : null;
      if (!c) throw new FieldError(field, v, 'Value should be IPv4 or IPv6 CIDR format');
      return cidrString(c);
    }
    case 'url':
      if (typeof v !== 'string' || !URL_RE.test(v)) throw new FieldError(field, v, 'Value must be a valid URL string');
      return v;
    case 'urlpath':
      if (typeof v !== 'string' || !PATH_RE.test(v)) throw new FieldError(field, v, 'Value must be a valid URL Path string');
      return v;
    case 'list':
      if (!Array.isArray(v)) throw new WholeBodyError(`Value not a valid list: ${pyStr(v)}`);
      return v.map((x) => {
        try {
          return convert(field, spec.of, x, path);
        } catch (e) {
          // An item's problem is reported with the whole list as the value, as WSME does.
          if (e instanceof FieldError) throw new FieldError(field, v, e.message);
          throw e;
        }
      });
    case 'dict': {
      if (typeof v !== 'object' || Array.isArray(v)) throw new WholeBodyError(`Value not a valid dict: ${pyStr(v)}`);
      for (const x of Object.values(v as Body)) {
        if (typeof x !== 'string') throw new FieldError(field, v, 'Value should be string');
        if (x.length > 255) throw new FieldError(field, v, 'Value should have a maximum character requirement of 255');
      }
      return v;
    }
    case 'obj':
      return readObject(spec.fields, v, path);
  }
}

/** Reads one object level: unknown attributes first, then each declared field in order. */
function readObject(fields: Fields, v: unknown, path: string): Body {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw fault(500, `'${Array.isArray(v) ? 'list' : typeof v === 'string' ? 'str' : typeof v}' object has no attribute 'keys'`);
  }
  const given = v as Body;
  const unknown = Object.keys(given).filter((k) => !(k in fields));
  if (unknown.length === 1) throw fault(400, `Unknown attribute for argument ${path}: ${unknown[0]}`);
  if (unknown.length > 1) throw fault(400, `Unknown attributes for argument ${path}: ${unknown.join(', ')}`);
  const out: Body = {};
  for (const [name, raw] of Object.entries(fields)) {
    const f = asField(raw);
    if (name in given && !(f.mandatory && given[name] === null)) out[name] = convert(name, f.spec, given[name], `${path}.${name}`);
    else if (f.mandatory) throw new FieldError(name, null, 'Mandatory field missing.');
    else if ('default' in f) out[name] = structuredClone(f.default);
  }
  return out;
}

/**
 * The request body `{"<root>": <value>}` read against `spec`. `arg` is the controller's argument name
 * (`listener_`, `load_balancer`, ...), which WSME names in its messages.
 */
export async function readRootValue(ctx: RequestContext, arg: string, root: string, spec: Spec): Promise<unknown> {
  const text = (await ctx.rawBody()).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fault(400, 'Request is not in valid JSON format');
  }
  try {
    return readObject({ [root]: spec }, parsed, arg)[root];
  } catch (e) {
    if (e instanceof WholeBodyError) throw invalid(arg, parsed, e.message);
    if (e instanceof FieldError) throw invalid(e.field, e.value, e.message);
    throw e;
  }
}

/** `{"<root>": {...}}`: an absent or null object is a 500 in Octavia (it dereferences it), kept as is. */
export async function readRoot(ctx: RequestContext, arg: string, root: string, fields: Fields): Promise<Body> {
  const body = await readRootValue(ctx, arg, root, { t: 'obj', fields });
  if (body === undefined || body === null) throw fault(500, `'${body === null ? 'NoneType' : 'UnsetType'}' object has no attribute '${Object.keys(fields)[0]}'`);
  return body as Body;
}

/** The fields the client sent (PUT semantics: absent = unchanged, null = reset). */
export const sent = (body: Body, key: string) => Object.prototype.hasOwnProperty.call(body, key);

/** validate.url() outside WSME: an InvalidURL there is not an API error, so Octavia answers 500. */
export function validateUrl(url: unknown): void {
  if (typeof url !== 'string' || !URL_RE.test(url)) throw fault(500, `Not a valid URL: ${String(url)}`);
}
