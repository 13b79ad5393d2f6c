// Request helpers shared by the Neutron route modules: bodies, policy, rendering, list queries.
import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { badRequest, forbidden, notFound } from '../../core/errors';
import { json, type Reply } from '../../core/reply';
import { parseIp } from './ip';
import type { NetworkModel } from './network-model';

export interface Deps {
  m: NetworkModel;
}

export type Obj = Record<string, unknown>;

export const bad = (message: string, type = 'HTTPBadRequest') => badRequest(message, { type });
export const policy = (rule: string) => forbidden(`${rule} is disallowed by policy`, { type: 'PolicyNotAuthorized' });

export function who(ctx: RequestContext): { pid: string; admin: boolean; auth: ProjectAuthInfo } {
  const auth = ctx.authProject();
  return { pid: auth.project.id, admin: auth.isAdmin, auth };
}

/** `{"<key>": {...}}` with Neutron's attribute checks (unknown, read-only on update). */
export async function resourceBody(ctx: RequestContext, key: string, allowed: string[], readOnly: string[] = []): Promise<Obj> {
  const raw = await ctx.json();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !(key in raw)) throw bad(`Unable to find '${key}' in request body`);
  const body = (raw as Obj)[key];
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad(`Invalid input for operation: '${JSON.stringify(body)}' is not a dictionary.`, 'InvalidInput');
  const keys = Object.keys(body);
  const ro = keys.filter((k) => readOnly.includes(k));
  if (ro.length) throw bad(`Cannot update read-only attribute ${ro[0]}`);
  const unknown = keys.filter((k) => !allowed.includes(k));
  if (unknown.length) throw bad(`Unrecognized attribute(s) '${unknown.join(', ')}'`);
  return body as Obj;
}

export function required(body: Obj, attr: string) {
  if (body[attr] === undefined) throw bad(`Failed to parse request. Required attribute '${attr}' not specified`);
}

export function str(body: Obj, attr: string, max = 255): string | undefined {
  const v = body[attr];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw bad(`Invalid input for ${attr}. Reason: '${String(v)}' is not a valid string.`);
  if (v.length > max) throw bad(`Invalid input for ${attr}. Reason: '${v}' exceeds maximum length of ${max}.`);
  return v;
}

export function bool(body: Obj, attr: string): boolean | undefined {
  const v = body[attr];
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && ['true', 'false'].includes(v.toLowerCase())) return v.toLowerCase() === 'true';
  if (v === 0 || v === 1) return v === 1;
  throw bad(`Invalid input for ${attr}. Reason: '${String(v)}' cannot be converted to boolean.`);
}

export function int(body: Obj, attr: string): number | null | undefined {
  const v = body[attr];
  if (v === undefined || v === null) return v as null | undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw bad(`Invalid input for ${attr}. Reason: '${String(v)}' is not an integer.`);
  return n;
}

export function uuidAttr(body: Obj, attr: string): string | null | undefined {
  const v = body[attr];
  if (v === undefined || v === null) return v as null | undefined;
  if (typeof v !== 'string' || !/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(v)) {
    throw bad(`Invalid input for ${attr}. Reason: '${String(v)}' is not a valid UUID.`);
  }
  return v;
}

export function ipAttr(body: Obj, attr: string): string | null | undefined {
  const v = body[attr];
  if (v === undefined || v === null) return v as null | undefined;
  if (!parseIp(v)) throw bad(`Invalid input for ${attr}. Reason: '${String(v)}' is not a valid IP address.`);
  return v as string;
}

/** Drops bookkeeping (`_pending`, `_nova_created`) and admin-only attributes. */
export function clean(rec: object, hide: string[] = []): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(rec)) if (!k.startsWith('_') && !hide.includes(k)) out[k] = v;
  return out;
}

export function pickFields(ctx: RequestContext, rec: Obj): Obj {
  const fields = ctx.query.getAll('fields').flatMap((f) => f.split(',')).filter(Boolean);
  if (fields.length === 0) return rec;
  const out: Obj = {};
  for (const f of fields) if (f in rec) out[f] = rec[f];
  return out;
}

const CONTROL = new Set(['fields', 'limit', 'marker', 'sort_key', 'sort_dir', 'page_reverse', 'all_tenants', 'tags', 'tags-any', 'not-tags', 'not-tags-any', 'fixed_ips']);

function matches(value: unknown, wanted: string[]): boolean {
  return wanted.some((q) => {
    if (typeof value === 'boolean') return String(value) === q.toLowerCase();
    if (value === null || value === undefined) return q === '' || q.toLowerCase() === 'none';
    if (Array.isArray(value)) return value.map(String).includes(q);
    if (typeof value === 'object') return false;
    return String(value) === q;
  });
}

const tagList = (ctx: RequestContext, key: string) => ctx.query.getAll(key).flatMap((v) => v.split(',')).filter(Boolean);

/**
 * A Neutron list: filters on any attribute (unknown ones are a 400), tags filters, sort_key/sort_dir,
 * limit/marker with `<collection>_links`, fields.
 */
export function listReply(
  ctx: RequestContext,
  collection: string,
  kind: string,
  rows: Obj[],
  extraFilter?: (row: Obj, key: string, values: string[]) => boolean | undefined,
): Reply {
  const q = ctx.query;
  const sample = rows[0];
  const keys = [...new Set(q.keys())];
  const filterKeys = keys.filter((k) => !CONTROL.has(k));
  if (sample) {
    const invalid = filterKeys.filter((k) => !(k in sample) && extraFilter?.(sample, k, q.getAll(k)) === undefined);
    if (invalid.length) throw bad(`[${invalid.map((k) => `'${k}'`).join(', ')}] is invalid attribute for filtering`);
  }
  let out = rows.filter((r) =>
    filterKeys.every((k) => {
      const custom = extraFilter?.(r, k, q.getAll(k));
      if (custom !== undefined) return custom;
      return matches(r[k], q.getAll(k));
    }),
  );
  if (q.has('fixed_ips')) {
    const conds = q.getAll('fixed_ips').map((c) => c.split('='));
    out = out.filter((r) => conds.every(([k, v]) => ((r.fixed_ips as Obj[]) ?? []).some((f) => k === 'ip_address_substr' ? String(f.ip_address).includes(v) : String(f[k]) === v)));
  }
  const tags = (r: Obj) => (r.tags as string[]) ?? [];
  if (q.has('tags')) { const t = tagList(ctx, 'tags'); out = out.filter((r) => t.every((x) => tags(r).includes(x))); }
  if (q.has('tags-any')) { const t = tagList(ctx, 'tags-any'); out = out.filter((r) => t.some((x) => tags(r).includes(x))); }
  if (q.has('not-tags')) { const t = tagList(ctx, 'not-tags'); out = out.filter((r) => !t.every((x) => tags(r).includes(x))); }
  if (q.has('not-tags-any')) { const t = tagList(ctx, 'not-tags-any'); out = out.filter((r) => !t.some((x) => tags(r).includes(x))); }

  const sortKeys = q.getAll('sort_key');
  const sortDirs = q.getAll('sort_dir');
  if (sortDirs.some((d) => !['asc', 'desc'].includes(d))) throw bad(`Invalid input for operation: sort_dir must be one of asc, desc.`, 'InvalidInput');
  if (sample) for (const k of sortKeys) if (!(k in sample)) throw bad(`[${k}] is invalid attribute for sort_keys`);
  const order = sortKeys.length ? sortKeys.map((k, i) => [k, sortDirs[i] ?? 'asc'] as const) : [['id', 'asc'] as const];
  if (!order.some(([k]) => k === 'id')) order.push(['id', 'asc']);
  out = [...out].sort((a, b) => {
    for (const [k, dir] of order) {
      const av = a[k] as string | number | boolean | null;
      const bv = b[k] as string | number | boolean | null;
      if (av === bv) continue;
      const c = av === null ? -1 : bv === null ? 1 : av < bv ? -1 : 1;
      return dir === 'desc' ? -c : c;
    }
    return 0;
  });

  const body: Obj = {};
  const limitText = q.get('limit');
  if (limitText !== null) {
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 0) throw bad(`Invalid input for operation: '${limitText}' is not an integer.`, 'InvalidInput');
    let start = 0;
    const marker = q.get('marker');
    if (marker !== null) {
      const i = out.findIndex((r) => r.id === marker);
      if (i < 0) throw notFound(`${kind} ${marker} could not be found.`, { type: `${kind.replace(/ /g, '')}NotFound` });
      start = i + 1;
    }
    const page = limit > 0 ? out.slice(start, start + limit) : out.slice(start);
    const links: Obj[] = [];
    const link = (rel: string, m: string, reverse: boolean) => {
      const u = new URL(ctx.url.href);
      u.searchParams.delete('marker');
      u.searchParams.delete('page_reverse');
      u.searchParams.set('marker', m);
      if (reverse) u.searchParams.set('page_reverse', 'True');
      return { rel, href: u.toString() };
    };
    if (limit > 0 && page.length > 0 && start + limit < out.length) links.push(link('next', String(page[page.length - 1].id), false));
    if (limit > 0 && page.length > 0) links.push(link('previous', String(page[0].id), true));
    body[collection] = page.map((r) => pickFields(ctx, r));
    if (links.length) body[`${collection}_links`] = links;
    return json(200, body);
  }
  body[collection] = out.map((r) => pickFields(ctx, r));
  return json(200, body);
}
