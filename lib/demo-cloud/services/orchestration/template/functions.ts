// HOT intrinsic functions (heat/engine/hot/functions.py) and conditions (heat/engine/conditions.py).
// resolve() evaluates a snippet against parameters, resources and conditions; scan() finds the resources
// a snippet refers to (implicit dependencies) without evaluating anything.
import { createHash } from 'node:crypto';
import { heatError } from '../errors';
import type { Json, JsonMap } from '../model';
import { functionsOf } from '../reference';
import { pyJson } from './python';

export interface Scope {
  version: string;
  params: Record<string, Json>;
  /** get_resource: the resource's reference (usually its physical id). */
  ref(name: string): Json;
  /** get_attr: one attribute (then `path` into it), or every attribute when `attr` is null (2015-10-15+). */
  attr(name: string, attr: string | null, path: Json[]): Json;
  condition(name: string): boolean;
  files: Record<string, string>;
}

export class FunctionError extends Error {
  constructor(readonly path: string, message: string, readonly type = 'StackValidationFailed') {
    super(message);
  }
}

const isMap = (v: unknown): v is JsonMap => !!v && typeof v === 'object' && !Array.isArray(v);
const fail = (path: string, message: string): never => {
  throw new FunctionError(path, message);
};

/** The function a one-key map calls, if that key is a function of the version. */
export function functionCall(snippet: Json, version: string): [string, Json] | null {
  if (!isMap(snippet)) return null;
  const keys = Object.keys(snippet);
  if (keys.length !== 1) return null;
  return functionsOf(version).has(keys[0]) || (keys[0] === 'Ref' && version === '2013-05-23') ? [keys[0], snippet[keys[0]]] : null;
}

/** Resources a snippet refers to through get_resource / get_attr (and the 2013 Ref). */
export function scan(snippet: Json, version: string, found: (resource: string, fn: string, path: string) => void, path = ''): void {
  const call = functionCall(snippet, version);
  if (call) {
    const [fn, args] = call;
    if (fn === 'get_resource' || fn === 'Ref') {
      if (typeof args === 'string') found(args, fn, path);
    } else if (fn === 'get_attr') {
      if (Array.isArray(args) && typeof args[0] === 'string') found(args[0], fn, `${path}.get_attr`);
    }
    scan(args, version, found, path);
    return;
  }
  if (Array.isArray(snippet)) snippet.forEach((v, i) => scan(v, version, found, `${path}[${i}]`));
  else if (isMap(snippet)) for (const [k, v] of Object.entries(snippet)) scan(v, version, found, path ? `${path}.${k}` : k);
}

export function walkPath(value: Json, keys: Json[], fn: string, path: string): Json {
  let v = value;
  for (const k of keys) {
    if (v === null || v === undefined) return null;
    if (Array.isArray(v)) {
      const i = typeof k === 'number' ? k : Number(k);
      if (!Number.isInteger(i)) fail(path, `Path components in "${fn}" must be integers when traversing a list`);
      v = v[i] ?? null;
    } else if (isMap(v)) {
      v = v[String(k)] ?? null;
    } else {
      fail(path, `"${fn}" can't traverse path`);
    }
  }
  return v;
}

const strOf = (v: Json): string => (typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'number' ? String(v) : pyJson(v));

function strReplace(fn: string, args: Json, version: string, path: string): string {
  if (!isMap(args)) return fail(path, `Arguments to "${fn}" must be a map`);
  const template = args.template;
  const params = args.params;
  if (typeof template !== 'string') return fail(path, `"${fn}" template must be a string`);
  if (!isMap(params)) return fail(path, `"${fn}" params must be a map`);
  const json = version >= '2015-10-15';
  const strict = fn !== 'str_replace';
  const keys = Object.keys(params).sort().sort((a, b) => b.length - a.length);
  const unreplaced = new Set(keys);
  const value = (k: string): string => {
    const v = params[k];
    if (v === null || v === undefined) {
      if (fn === 'str_replace_vstrict') fail(path, `${fn} has an undefined or empty value for param ${k}, must be a defined non-empty value`);
      return '';
    }
    if (typeof v === 'object') {
      if (!json) fail(path, `"${fn}" params must be strings or numbers, param ${k} is not valid`);
      if (fn === 'str_replace_vstrict' && (Array.isArray(v) ? v.length : Object.keys(v).length) === 0) {
        fail(path, `${fn} has an undefined or empty value for param ${k}, must be a defined non-empty value`);
      }
      return pyJson(sortKeys(v));
    }
    if (fn === 'str_replace_vstrict' && v === '') fail(path, `${fn} has an undefined or empty value for param ${k}, must be a defined non-empty value`);
    return strOf(v);
  };
  const replace = (strings: string[], rest: string[]): string[] => {
    if (rest.length === 0) return strings;
    const [k, ...more] = rest;
    const v = value(k);
    return strings.map((s) => {
      const parts = s.split(k);
      if (parts.length > 1) unreplaced.delete(k);
      return replace(parts, more).join(v);
    });
  };
  const out = replace([template], keys)[0];
  if (strict && unreplaced.size > 0) fail(path, `The following params were not found in the template: ${[...unreplaced].join(',')}`);
  return out;
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isMap(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

function repeat(args: Json, path: string): Json[] {
  if (!isMap(args) || !isMap(args.for_each) || !('template' in args)) {
    return fail(path, '"repeat" syntax should be {for_each: {<%var%>: ["a", "b"]}, template: "<%var%>"}');
  }
  const loops = Object.entries(args.for_each);
  for (const [, list] of loops) if (!Array.isArray(list)) fail(path, 'The values of the "for_each" argument to "repeat" must be lists');
  const permutations = args.permutations !== false;
  const substitute = (t: Json, binding: Record<string, Json>): Json => {
    if (typeof t === 'string') return Object.entries(binding).reduce<string>((s, [k, v]) => s.split(k).join(strOf(v)), t);
    if (Array.isArray(t)) return t.map((x) => substitute(x, binding));
    if (isMap(t)) return Object.fromEntries(Object.entries(t).map(([k, v]) => [substitute(k, binding) as string, substitute(v, binding)]));
    return t;
  };
  let bindings: Record<string, Json>[] = [{}];
  if (permutations) {
    for (const [k, list] of loops) bindings = bindings.flatMap((b) => (list as Json[]).map((v) => ({ ...b, [k]: v })));
  } else {
    const n = (loops[0]?.[1] as Json[] | undefined)?.length ?? 0;
    if (loops.some(([, l]) => (l as Json[]).length !== n)) fail(path, 'Loops in "repeat" must have the same length when "permutations" is false');
    bindings = Array.from({ length: n }, (_, i) => Object.fromEntries(loops.map(([k, l]) => [k, (l as Json[])[i]])));
  }
  return bindings.map((b) => substitute(args.template, b));
}

function digest(args: Json, path: string): string {
  if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string' || typeof args[1] !== 'string') {
    return fail(path, 'Argument to function "digest" must be a list of 2 strings');
  }
  const algorithm = args[0].toLowerCase();
  if (!['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'].includes(algorithm)) return fail(path, `Algorithm must be one of md5, sha1, sha224, sha256, sha384, sha512`);
  return createHash(algorithm).update(args[1]).digest('hex');
}

function makeUrl(args: Json, path: string): string {
  if (!isMap(args)) return fail(path, 'Arguments to "make_url" must be a map');
  const scheme = args.scheme ? `${strOf(args.scheme)}://` : '';
  const host = args.host ? strOf(args.host) : '';
  const port = args.port !== undefined && args.port !== null ? `:${strOf(args.port)}` : '';
  const p = args.path ? `/${strOf(args.path).replace(/^\//, '')}` : '';
  const query = isMap(args.query) ? `?${new URLSearchParams(Object.entries(args.query).map(([k, v]) => [k, strOf(v)])).toString()}` : '';
  const fragment = args.fragment ? `#${strOf(args.fragment)}` : '';
  return `${scheme}${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}${port}${p}${query}${fragment}`;
}

const same = (a: Json, b: Json) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/** A condition: a name, a boolean, or equals/not/and/or/contains over resolved values. */
export function evalCondition(def: Json, scope: Scope, path: string): boolean {
  if (typeof def === 'boolean') return def;
  if (typeof def === 'string') {
    if (def === 'true' || def === 'false') return def === 'true';
    return scope.condition(def);
  }
  if (isMap(def) && Object.keys(def).length === 1) {
    const [fn, args] = Object.entries(def)[0];
    if (fn === 'equals') {
      if (!Array.isArray(args) || args.length !== 2) fail(path, 'Arguments to "equals" must be of the form: [value_1, value_2]');
      const [a, b] = (args as Json[]).map((x, i) => resolve(x, scope, `${path}.equals[${i}]`));
      return same(a, b);
    }
    if (fn === 'not') return !evalCondition(args, scope, `${path}.not`);
    if (fn === 'and' || fn === 'or') {
      if (!Array.isArray(args) || args.length < 2) fail(path, `Arguments to "${fn}" must be of the form: [condition_1, condition_2, ...]`);
      const results = (args as Json[]).map((x, i) => evalCondition(x, scope, `${path}.${fn}[${i}]`));
      return fn === 'and' ? results.every(Boolean) : results.some(Boolean);
    }
    if (fn === 'contains' || fn === 'get_param') return Boolean(resolve(def, scope, path));
  }
  return fail(path, `Invalid condition "${pyJson(def)}"`);
}

/** Evaluates every function in a snippet. */
export function resolve(snippet: Json, scope: Scope, path = ''): Json {
  const call = functionCall(snippet, scope.version);
  if (!call) {
    if (Array.isArray(snippet)) return snippet.map((v, i) => resolve(v, scope, `${path}[${i}]`));
    if (isMap(snippet)) return Object.fromEntries(Object.entries(snippet).map(([k, v]) => [k, resolve(v, scope, path ? `${path}.${k}` : k)]));
    return snippet;
  }
  const [fn, rawArgs] = call;
  const here = `${path}.${fn}`;
  // `if` picks a branch before evaluating it; everything else evaluates its arguments first.
  if (fn === 'if') {
    if (!Array.isArray(rawArgs) || rawArgs.length !== 3) return fail(here, 'Arguments to "if" must be of the form: [condition_name, value_if_true, value_if_false]');
    return resolve(evalCondition(rawArgs[0], scope, here) ? rawArgs[1] : rawArgs[2], scope, here);
  }
  const args = resolve(rawArgs, scope, here);
  switch (fn) {
    case 'get_param': {
      const list = Array.isArray(args) ? args : [args];
      if (list.length === 0) return fail(here, `Function "${fn}" must have arguments`);
      if (typeof list[0] !== 'string') return fail(here, `Parameter name in "${fn}" must be string`);
      if (!(list[0] in scope.params)) throw new FunctionError(here, `The Parameter (${list[0]}) was not provided.`, 'UserParameterMissing');
      return walkPath(scope.params[list[0]], list.slice(1), fn, here);
    }
    case 'get_resource':
    case 'Ref':
      return scope.ref(String(args));
    case 'get_attr': {
      if (!Array.isArray(args)) return fail(here, `Argument to "${fn}" must be a list`);
      if (args.length < 1 || (args.length < 2 && scope.version < '2015-10-15')) {
        return fail(here, `Arguments to "${fn}" must be of the form [resource_name, attribute, (path), ...]`);
      }
      return scope.attr(String(args[0]), args.length > 1 ? String(args[1]) : null, args.slice(2));
    }
    case 'list_join': {
      if (!Array.isArray(args) || args.length < 2 || typeof args[0] !== 'string') return fail(here, `Incorrect arguments to "${fn}" should be: {"${fn}" : [ " ", [ "str1", "str2"]]`);
      const items = args.slice(1).flatMap((l) => {
        if (typeof l === 'string') return l.split(',');
        if (!Array.isArray(l)) return fail(here, `Incorrect arguments to "${fn}" should be: {"${fn}" : [ " ", [ "str1", "str2"]]`);
        return l;
      });
      return items.map((x) => (x === null ? '' : typeof x === 'string' ? x : scope.version >= '2015-10-15' ? pyJson(x) : strOf(x))).join(args[0]);
    }
    case 'Fn::Select': {
      if (!Array.isArray(args) || args.length !== 2) return fail(here, 'Arguments to "Fn::Select" must be of the form: [index, collection]');
      const [i, coll] = args;
      return Array.isArray(coll) ? (coll[Number(i)] ?? '') : isMap(coll) ? (coll[String(i)] ?? '') : '';
    }
    case 'str_replace':
    case 'str_replace_strict':
    case 'str_replace_vstrict':
      return strReplace(fn, args, scope.version, here);
    case 'str_split': {
      if (!Array.isArray(args) || args.length < 2) return fail(here, 'Incorrect arguments to "str_split" should be: {"str_split" : [ ",", "str1,str2"], [index]}');
      const parts = String(args[1]).split(String(args[0]));
      if (args.length > 2) {
        const i = Number(args[2]);
        if (!(i >= 0 && i < parts.length)) return fail(here, `Incorrect index to "str_split" should be between 0 and ${parts.length - 1}`);
        return parts[i];
      }
      return parts;
    }
    case 'repeat':
      return repeat(args, here);
    case 'digest':
      return digest(args, here);
    case 'map_merge': {
      if (!Array.isArray(args)) return fail(here, 'Incorrect arguments to "map_merge" should be: [{"k1": "v1"}, {"k2": "v2"}]');
      return Object.assign({}, ...args.map((m) => (m === null ? {} : isMap(m) ? m : fail(here, `Incorrect arguments: Items to merge must be maps. ${pyJson(m)} is not a map`)))) as JsonMap;
    }
    case 'map_replace': {
      if (!Array.isArray(args) || !isMap(args[0])) return fail(here, 'Incorrect arguments to "map_replace" should be: {"map_replace": [{...}, {"keys": {...}, "values": {...}}]}');
      const [map, repl] = args as [JsonMap, JsonMap | undefined];
      const keys = isMap(repl?.keys) ? repl.keys : {};
      const values = isMap(repl?.values) ? repl.values : {};
      return Object.fromEntries(Object.entries(map).map(([k, v]) => [k in keys ? String(keys[k]) : k, typeof v === 'string' && v in values ? values[v] : v]));
    }
    case 'list_concat':
    case 'list_concat_unique': {
      if (!Array.isArray(args)) return fail(here, `Incorrect arguments to "${fn}" should be: [["v1", "v2"], ["v3"]]`);
      const all = args.flatMap((l) => (l === null ? [] : Array.isArray(l) ? l : fail(here, `Incorrect arguments to "${fn}" should be: [["v1", "v2"], ["v3"]]`)));
      return fn === 'list_concat' ? all : all.filter((v, i) => all.findIndex((w) => same(v, w)) === i);
    }
    case 'contains': {
      if (!Array.isArray(args) || args.length !== 2 || !Array.isArray(args[1])) return fail(here, 'Arguments to contains must be of the form: [value1, [value1, value2]]');
      return args[1].some((v) => same(v, args[0]));
    }
    case 'filter': {
      if (!Array.isArray(args) || args.length !== 2 || !Array.isArray(args[1])) return fail(here, 'Arguments to "filter" must be of the form: [values_to_filter, source_list]');
      const drop = Array.isArray(args[0]) ? args[0] : [args[0]];
      return args[1].filter((v) => !drop.some((d) => same(d, v)));
    }
    case 'make_url':
      return makeUrl(args, here);
    case 'get_file': {
      const content = scope.files[String(args)];
      if (content === undefined) return fail(here, `No content found in the "files" section for ${fn} path: ${String(args)}`);
      return content;
    }
    default:
      // yaql and resource_facade: real Heat functions the demo cloud does not evaluate.
      throw new FunctionError(here, `The function "${fn}" is not supported by the demo cloud.`, 'NotSupported');
  }
}

/** Wraps a function error the way Heat words a property failure: "<Type>: <path>: <message>". */
export function functionFailure(err: unknown, prefix: string): ReturnType<typeof heatError> {
  if (err instanceof FunctionError) return heatError(400, err.type, `${prefix}${err.path}: ${err.message}`);
  throw err;
}
