// A resource backed by one REST object (a Neutron network, a Cinder volume, ...): POST to create, GET until
// ready, PUT the changed fields, DELETE and GET until 404. The last body read is cached as `show`, which
// attributes are taken from (Heat's `show` attribute and resource show's `attributes`).
import type { Json, JsonMap } from '../model';
import { ResourceFailure, type Service } from './client';
import { attributesFrom, type Plugin, type PluginContext } from './types';

export interface RestSpec {
  service: Service;
  /** Collection path, e.g. /networks. */
  collection: string;
  /** Body key of one object, e.g. network. */
  key: string;
  /** The create body (inner object), from the checked properties. */
  body(ctx: PluginContext): Promise<JsonMap>;
  /** The update body for the changed properties; absent = changes replace the resource. */
  updateBody?(ctx: PluginContext, changed: string[]): Promise<JsonMap>;
  /** Properties that can never change in place, whatever the schema says. */
  replaceOn?: Plugin['replaceOn'];
  /** Ready after create/update? Throws ResourceFailure for an error state. */
  ready?(show: JsonMap): boolean;
  attributes: Record<string, (show: JsonMap) => Json>;
  /** Extra work after the object exists (tags, rules, ...). */
  afterCreate?(ctx: PluginContext, show: JsonMap): Promise<void>;
  /** CHECK: the expected state (Heat's _verify_check_conditions), absent = CHECK not supported. */
  check?(show: JsonMap): string | null;
  /** HTTP headers for every call (microversions). */
  headers?: Record<string, string>;
}

const path = (spec: RestSpec, id: string) => `${spec.collection}/${encodeURIComponent(id)}`;

async function read(ctx: PluginContext, spec: RestSpec): Promise<JsonMap | null> {
  const r = await ctx.api.call(spec.service, 'GET', path(spec, ctx.res.physicalId), undefined, { accept: [404], headers: spec.headers });
  if (r.status === 404) return null;
  const show = (r.body[spec.key] ?? {}) as JsonMap;
  ctx.res.data.show = show;
  return show;
}

async function readyCheck(ctx: PluginContext, spec: RestSpec): Promise<boolean> {
  const show = await read(ctx, spec);
  if (!show) throw new ResourceFailure('NotFound', `The resource ${ctx.res.name} (${ctx.res.physicalId}) disappeared.`, 404);
  return spec.ready ? spec.ready(show) : true;
}

export function restPlugin(spec: RestSpec, extra: Partial<Plugin> = {}): Plugin {
  const plugin: Plugin = {
    async create(ctx) {
      const body = await spec.body(ctx);
      const r = await ctx.api.call(spec.service, 'POST', spec.collection, { [spec.key]: body }, { headers: spec.headers });
      const show = (r.body[spec.key] ?? {}) as JsonMap;
      ctx.res.physicalId = String(show.id);
      ctx.res.data.show = show;
      await spec.afterCreate?.(ctx, show);
    },
    checkCreate: (ctx) => readyCheck(ctx, spec),
    replaceOn: spec.replaceOn,
    update: spec.updateBody
      ? async (ctx, changed) => {
          const body = await spec.updateBody!(ctx, changed);
          if (Object.keys(body).length) await ctx.api.call(spec.service, 'PUT', path(spec, ctx.res.physicalId), { [spec.key]: body }, { headers: spec.headers });
        }
      : undefined,
    checkUpdate: (ctx) => readyCheck(ctx, spec),
    async delete(ctx) {
      if (!ctx.res.physicalId) return;
      await ctx.api.call(spec.service, 'DELETE', path(spec, ctx.res.physicalId), undefined, { accept: [404], headers: spec.headers });
    },
    async checkDelete(ctx) {
      if (!ctx.res.physicalId) return true;
      return (await read(ctx, spec)) === null;
    },
    check: spec.check
      ? async (ctx) => {
          const show = await read(ctx, spec);
          if (!show) throw new ResourceFailure('NotFound', `${ctx.res.physicalId} could not be found.`, 404);
          const problem = spec.check!(show);
          if (problem) throw new ResourceFailure('Error', problem);
        }
      : undefined,
    async refresh(ctx) {
      if (ctx.res.physicalId) await read(ctx, spec);
    },
    attribute: (res, name) => attributesFrom(res, Object.fromEntries(Object.entries(spec.attributes).map(([k, g]) => [k, (d: JsonMap) => g((d.show ?? {}) as JsonMap)])), name),
    ...extra,
  };
  return plugin;
}

/**
 * The properties the template set (defaults left out): what Heat's prepare_properties sends, so that
 * Neutron's "only if set" policies (shared, ...) see what the user asked for.
 */
export function given(ctx: PluginContext): JsonMap {
  return Object.fromEntries(Object.entries(ctx.props).filter(([k]) => k in ctx.res.given));
}

/** Copies the properties present (not null) under their API names: {heatName: apiName}. */
export function pick(props: JsonMap, names: Record<string, string>, only?: string[]): JsonMap {
  const out: JsonMap = {};
  for (const [heat, apiName] of Object.entries(names)) {
    if (only && !only.includes(heat)) continue;
    const v = props[heat];
    if (v !== null && v !== undefined) out[apiName] = v;
  }
  return out;
}

/** Heat's own check wording: "'status': expected 'ACTIVE', got 'ERROR'". */
export const expectField = (show: JsonMap, field: string, expected: string): string | null =>
  show[field] === expected ? null : `'${field}': expected '${expected}', got '${String(show[field])}'`;
