import type { CloudCore } from '../../core/cloud';
import { badRequest, conflict, notFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { VolumeRouter } from './microversion';
import { settleAll, type QosSpec } from './model';
import { links, type View } from './render';
import { findType } from './types';
import { asObject, policyDenied } from './parse';

// QoS specs (admin): create, set/unset keys, associate with volume types, delete. Created, shown and listed
// as Zed does: the create and show answers put `links` beside `qos_specs`, the list has none.

const CONSUMERS = ['front-end', 'back-end', 'both'] as const;

const adminOnly = (view: View, rule: string) => {
  if (!view.isAdmin) throw policyDenied(rule);
};

function findQos(core: CloudCore, id: string): QosSpec {
  const q = settleAll(core).qos.find((x) => x.id === id);
  if (!q) throw notFound(`No such QoS spec ${id}.`);
  return q;
}

/** Spec keys and values: strings of at most 255 characters (utils.validate_dictionary_string_length). */
function stringSpecs(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const value = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
    if (typeof value !== 'string') throw badRequest(`Invalid input for field/attribute ${k}. Value: ${JSON.stringify(v)}. ${JSON.stringify(v)} is not of type 'string'`);
    if (k.length > 255 || value.length > 255) throw badRequest(`Invalid input received: ${k.length > 255 ? k : value} exceeds maximum length of 255.`);
    out[k] = value;
  }
  return out;
}

function consumerOf(value: string | undefined, current: QosSpec['consumer']): QosSpec['consumer'] {
  if (value === undefined) return current;
  if (!(CONSUMERS as readonly string[]).includes(value)) {
    throw badRequest(`Invalid qos specs: Valid consumer of QoS specs are: ['front-end', 'back-end', 'both']`);
  }
  return value as QosSpec['consumer'];
}

const detail = (view: View, q: QosSpec) => ({
  qos_specs: { id: q.id, name: q.name, consumer: q.consumer, specs: { ...q.specs } },
  links: links(view, 'qos-specs', q.id, view.projectId),
});

export function qosRoutes(core: CloudCore, r: VolumeRouter): void {
  const p = '/v3/{project_id}/qos-specs';

  r.get(p, (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:get_all');
    const q = ctx.query;
    const rows = settleAll(core).qos.filter((x) => ['id', 'name', 'consumer'].every((k) => q.get(k) === null || x[k as keyof QosSpec] === q.get(k)));
    return json(200, { qos_specs: rows.map((x) => detail(view, x).qos_specs) });
  });
  r.get(`${p}/{qos_id}`, (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:get');
    return json(200, detail(view, findQos(core, ctx.params.qos_id)));
  });

  r.post(p, async (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:create');
    const body = asObject(await ctx.json(), 'qos_specs');
    if (typeof body.name !== 'string' || !body.name.trim()) throw badRequest(`Invalid input for field/attribute qos_specs. Value: ${JSON.stringify(body)}. 'name' is a required property`);
    const name = body.name.trim();
    const rest = { ...body };
    delete rest.name;
    const specs = stringSpecs(rest);
    const consumer = consumerOf(specs.consumer, 'back-end');
    delete specs.consumer;
    const s = settleAll(core);
    if (s.qos.some((x) => x.name === name)) throw conflict(`QoS Specs ${name} already exists.`);
    const q: QosSpec = { id: uuid(), name, consumer, specs };
    s.qos.push(q);
    core.state.markDirty();
    return json(200, detail(view, q));
  });

  // PUT sets keys (consumer included) and echoes what it was given.
  r.put(`${p}/{qos_id}`, async (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:update');
    const body = asObject(await ctx.json(), 'qos_specs');
    const q = findQos(core, ctx.params.qos_id);
    const given = stringSpecs(body);
    const rest = { ...given };
    q.consumer = consumerOf(rest.consumer, q.consumer);
    delete rest.consumer;
    Object.assign(q.specs, rest);
    core.state.markDirty();
    return json(200, { qos_specs: given });
  });

  r.put(`${p}/{qos_id}/delete_keys`, async (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:delete');
    const body = (await ctx.json()) as { keys?: unknown } | null;
    const keys = body?.keys;
    if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) {
      throw badRequest(`Invalid input for field/attribute keys. Value: ${JSON.stringify(keys ?? null)}. ${JSON.stringify(keys ?? null)} is not of type 'array'`);
    }
    const q = findQos(core, ctx.params.qos_id);
    for (const k of keys as string[]) {
      if (!(k in q.specs)) throw notFound(`QoS spec ${q.id} has no spec with key ${k}.`);
    }
    for (const k of keys as string[]) delete q.specs[k];
    core.state.markDirty();
    return { status: 202 };
  });

  r.delete(`${p}/{qos_id}`, (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:delete');
    const s = settleAll(core);
    const q = findQos(core, ctx.params.qos_id);
    const users = s.types.filter((t) => t.qos_specs_id === q.id);
    if (users.length && !ctx.flag('force')) throw badRequest('Qos specs still in use.');
    for (const t of users) t.qos_specs_id = null;
    s.qos.splice(s.qos.indexOf(q), 1);
    core.state.markDirty();
    return { status: 202 };
  });

  r.get(`${p}/{qos_id}/associations`, (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:get');
    const q = findQos(core, ctx.params.qos_id);
    const rows = settleAll(core).types.filter((t) => t.qos_specs_id === q.id);
    return json(200, { qos_associations: rows.map((t) => ({ association_type: 'volume_type', name: t.name, id: t.id })) });
  });

  const typeParam = (ctx: { query: URLSearchParams }) => {
    const id = ctx.query.get('vol_type_id');
    if (!id) throw badRequest('Volume Type id must not be None.');
    return id;
  };
  r.get(`${p}/{qos_id}/associate`, (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:update');
    const typeId = typeParam(ctx);
    const q = findQos(core, ctx.params.qos_id);
    const t = findType(core, typeId);
    if (t.qos_specs_id && t.qos_specs_id !== q.id) {
      throw badRequest(`Invalid volume type: Type ${t.id} is already associated with another qos specs: ${t.qos_specs_id}`);
    }
    t.qos_specs_id = q.id;
    core.state.markDirty();
    return { status: 202 };
  });
  r.get(`${p}/{qos_id}/disassociate`, (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:update');
    const typeId = typeParam(ctx);
    const q = findQos(core, ctx.params.qos_id);
    const t = findType(core, typeId);
    if (t.qos_specs_id === q.id) t.qos_specs_id = null;
    core.state.markDirty();
    return { status: 202 };
  });
  r.get(`${p}/{qos_id}/disassociate_all`, (ctx, view) => {
    adminOnly(view, 'volume_extension:qos_specs_manage:update');
    const q = findQos(core, ctx.params.qos_id);
    for (const t of settleAll(core).types) if (t.qos_specs_id === q.id) t.qos_specs_id = null;
    core.state.markDirty();
    return { status: 202 };
  });
}
