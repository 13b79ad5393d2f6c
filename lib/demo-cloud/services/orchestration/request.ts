// What every Heat API call does first: policy and tenant checks (api/openstack/v1/util.py), JSON bodies,
// query parameters (common/param_utils.py), stack lookup by name or id, and the data a create or
// update carries (InstantiationData in api/openstack/v1/stacks.py).
import YAML from 'yaml';
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, heatError, stackNotFound } from './errors';
import { emptyEnvironment, heatState, type Environment, type Json, type JsonMap, type Stack } from './model';
import { parseTemplateText } from './template/parse';

const isMap = (v: unknown): v is JsonMap => !!v && typeof v === 'object' && !Array.isArray(v);

/** registered_policy_enforce: a project token, the path's tenant (or admin); stack users never. */
export function authorize(ctx: RequestContext, tenantId: string): ProjectAuthInfo {
  const auth = ctx.authProject();
  if ((auth.project.id !== tenantId && !auth.isAdmin) || auth.roleNames.includes('heat_stack_user')) {
    throw heatError(403, 'HTTPForbidden', 'Access was denied to this resource.');
  }
  return auth;
}

/** A JSON body; Heat's deserializer words broken JSON as Python's json module does. */
export async function readBody(ctx: RequestContext): Promise<JsonMap> {
  const text = (await ctx.rawBody()).toString('utf8');
  if (!text.trim()) return {};
  try {
    const v = JSON.parse(text) as Json;
    return isMap(v) ? v : {};
  } catch (e) {
    const pos = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? 0);
    const line = text.slice(0, pos).split('\n').length;
    const col = pos - text.lastIndexOf('\n', pos - 1);
    throw badRequest(`Expecting value: line ${line} column ${col} (char ${pos})`);
  }
}

export function extractBool(name: string, value: string | Json | undefined): boolean {
  const text = String(value).toLowerCase();
  if (text !== 'true' && text !== 'false') throw badRequest(`Unrecognized value "${String(value)}" for "${name}", acceptable values are: true, false.`);
  return text === 'true';
}

export function extractInt(name: string, value: string | Json | undefined, allowNegative = false): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || String(n) !== String(value).trim()) throw badRequest(`Only integer is acceptable by '${name}'.`);
  if (!allowNegative && n < 0) throw badRequest(`Value '${String(value)}' is invalid for '${name}' which only accepts non-negative integer.`);
  return n;
}

/** A query flag Heat reads with extract_bool, or `dflt` when absent. */
export function queryBool(ctx: RequestContext, name: string, dflt: boolean): boolean {
  const v = ctx.query.get(name);
  return v === null ? dflt : extractBool(name, v);
}

/** Exact-match query filters: each filter the query names must match one of its values (a getter may offer several). */
export function matchesQuery<T>(q: URLSearchParams, filters: Record<string, (x: T) => string | string[]>, x: T): boolean {
  return Object.entries(filters).every(([k, get]) => {
    const wanted = q.getAll(k);
    return !wanted.length || [get(x)].flat().some((v) => wanted.includes(v));
  });
}

/** sort_dir as Heat's lists read it: ascending when sort keys are given, else newest first; -1 for descending. */
export const sortDirection = (q: URLSearchParams, keys: string[]) => ((q.get('sort_dir') ?? (keys.length ? 'asc' : 'desc')).toLowerCase() === 'desc' ? -1 : 1);

/** limit/marker paging of a sorted list as Heat's DB API does it: the rows after the marker (when it is one of them), at most `limit`. */
export function heatPage<T>(rows: T[], marker: string | null, limit: number | null, id: (x: T) => string): T[] {
  let out = rows;
  if (marker) {
    const i = out.findIndex((x) => id(x) === marker);
    if (i >= 0) out = out.slice(i + 1);
  }
  return limit === null ? out : out.slice(0, limit);
}

export function extractTags(value: Json): string[] {
  // param_utils.extract_tags splits a string; a list is Python's AttributeError ('list' has no split).
  if (typeof value !== 'string') throw heatError(400, 'AttributeError', '');
  const tags = value.split(',');
  const long = tags.find((t) => t.length > 80);
  if (long) throw badRequest(`Invalid tag, "${long}" is longer than 80 characters`);
  return tags;
}

const ENV_SECTIONS = ['parameters', 'resource_registry', 'parameter_defaults', 'encrypted_param_names', 'event_sinks', 'parameter_merge_strategies'];

function parseEnvironment(raw: Json | undefined): Environment {
  let env: JsonMap = {};
  if (raw !== undefined && raw !== null) {
    let parsed: unknown = raw;
    if (typeof raw === 'string') {
      try {
        parsed = YAML.parse(raw) ?? {};
      } catch (e) {
        throw badRequest(`Environment not in valid format: ${(e as Error).message}`);
      }
      if (!isMap(parsed)) throw badRequest('Environment not in valid format: The environment is not a valid YAML mapping data type.');
    }
    env = parsed as JsonMap;
    for (const [k, v] of Object.entries(env)) {
      if (!ENV_SECTIONS.includes(k)) throw badRequest(`Environment not in valid format: environment has wrong section "${k}"`);
      if (v === null) throw badRequest(`Environment not in valid format: environment has empty section "${k}"`);
    }
  }
  const base = emptyEnvironment();
  const registry = isMap(env.resource_registry) ? env.resource_registry : {};
  return {
    parameters: isMap(env.parameters) ? { ...env.parameters } : base.parameters,
    parameter_defaults: isMap(env.parameter_defaults) ? { ...env.parameter_defaults } : base.parameter_defaults,
    resource_registry: { ...registry, resources: isMap(registry.resources) ? registry.resources : {} },
    event_sinks: Array.isArray(env.event_sinks) ? env.event_sinks : [],
    encrypted_param_names: Array.isArray(env.encrypted_param_names) ? env.encrypted_param_names : [],
  };
}

async function fetchTemplate(url: string): Promise<string> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw badRequest(`Could not retrieve template: Invalid URL scheme `);
  }
  if (!['http:', 'https:'].includes(u.protocol)) throw badRequest(`Could not retrieve template: Invalid URL scheme ${u.protocol.replace(/:$/, '')}`);
  try {
    const res = await fetch(u, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`${res.status} Client Error: ${res.statusText} for url: ${url}`);
    return await res.text();
  } catch (e) {
    throw badRequest(`Could not retrieve template: Failed to retrieve template: ${(e as Error).message}`);
  }
}

export interface Instantiation {
  /** null for a PATCH that keeps the template. */
  template: JsonMap | null;
  environment: Environment;
  files: Record<string, string>;
  timeoutMins?: number;
  disableRollback?: boolean;
  tags?: string[];
  clearParameters: string[];
  /** Fields other than the instantiation data (heatclient's extra args), for the PATCH no-change check. */
  extra: string[];
}

/** InstantiationData: template (inline, string or URL), environment + parameters, files and the args. */
export async function instantiation(data: JsonMap, patch: boolean): Promise<Instantiation> {
  let template: JsonMap | null = null;
  if (isMap(data.template)) template = data.template;
  else if (typeof data.template === 'string') template = parseTemplateText(data.template);
  else if (typeof data.template_url === 'string') template = parseTemplateText(await fetchTemplate(data.template_url), data.template_url);
  if (!template && !patch) throw badRequest('No template specified');
  const environment = parseEnvironment(data.environment);
  if (isMap(data.parameters)) Object.assign(environment.parameters, data.parameters);
  const files: Record<string, string> = {};
  if (isMap(data.files)) for (const [k, v] of Object.entries(data.files)) files[k] = typeof v === 'string' ? v : JSON.stringify(v);
  const out: Instantiation = { template, environment, files, clearParameters: Array.isArray(data.clear_parameters) ? data.clear_parameters.map(String) : [], extra: [] };
  if (data.timeout_mins !== undefined && data.timeout_mins !== null) out.timeoutMins = extractInt('timeout_mins', data.timeout_mins);
  if (data.tags !== undefined && data.tags !== null) out.tags = extractTags(data.tags);
  if (data.disable_rollback !== undefined && data.disable_rollback !== null) out.disableRollback = data.disable_rollback === true || String(data.disable_rollback).toLowerCase() === 'true';
  const known = ['stack_name', 'template', 'template_url', 'parameters', 'environment', 'files', 'environment_files', 'files_container', 'existing'];
  out.extra = Object.keys(data).filter((k) => !known.includes(k));
  return out;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const visible = (s: Stack, auth: ProjectAuthInfo) => auth.isAdmin || s.projectId === auth.project.id;

/** identify_stack: by id (deleted ones too), else by name among the project's live stacks. */
export function identify(core: CloudCore, auth: ProjectAuthInfo, nameOrId: string): Stack {
  const stacks = heatState(core).stacks;
  if (UUID.test(nameOrId)) {
    const s = stacks[nameOrId.toLowerCase()];
    if (s && visible(s, auth)) return s;
  }
  const s = Object.values(stacks).find((x) => x.name === nameOrId && x.projectId === auth.project.id && x.deletedAt === null);
  if (!s) throw stackNotFound(nameOrId);
  return s;
}

/** _get_stack: the stack with that id, under that name; deleted ones only where Heat shows them. */
export function stackAt(core: CloudCore, auth: ProjectAuthInfo, name: string, id: string, showDeleted = true): Stack {
  const s = heatState(core).stacks[id];
  if (!s || !visible(s, auth) || s.name !== name || (!showDeleted && s.deletedAt !== null)) throw stackNotFound(name);
  return s;
}
