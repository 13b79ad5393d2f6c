import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, conflict, notFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { VolumeRouter } from './microversion';
import { DEFAULT_TYPE_ID, settleAll, type VolumeType } from './model';
import { typeView, type View } from './render';
import { asObject, boolOf, policyDenied } from './parse';

// Volume types (admin-managed): create, update, delete, extra specs, and project access to private types.

export function findType(core: CloudCore, idOrName: string, view?: View): VolumeType {
  const s = settleAll(core);
  if (idOrName === 'default') return s.types.find((t) => t.id === DEFAULT_TYPE_ID)!;
  const t = s.types.find((x) => x.id === idOrName || x.name === idOrName);
  if (!t || (view && !typeVisible(t, view))) throw notFound(`Volume type ${idOrName} could not be found.`);
  return t;
}

const typeVisible = (t: VolumeType, view: View) => view.isAdmin || t.is_public || (t.access ?? []).includes(view.projectId);

const adminOnly = (view: View, rule: string) => {
  if (!view.isAdmin) throw policyDenied(rule);
};

/** Extra specs are strings of up to 255 characters under keys of up to 255 (types_extra_specs schema). */
function specsOf(value: unknown, field = 'extra_specs'): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value)}. ${JSON.stringify(value)} is not of type 'object'`);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[a-zA-Z0-9-_:. /]{1,255}$/.test(k)) {
      throw badRequest(`Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value)}. '${k}' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'`);
    }
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw badRequest(`Invalid input for field/attribute ${k}. Value: ${JSON.stringify(v)}. ${JSON.stringify(v)} is not of type 'string', 'integer', 'number', 'boolean'`);
    }
    out[k] = typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
  }
  return out;
}

/** Extra specs can change only while no volume uses the type. */
function allowSpecUpdate(core: CloudCore, t: VolumeType): void {
  if (settleAll(core).volumes.some((v) => v.volume_type_id === t.id)) throw badRequest('Volume Type is currently in use.');
}

/** Cinder's is_public query for admins: absent or true = public, false = private, None = both. */
function isPublicFilter(ctx: RequestContext): boolean | null {
  const raw = ctx.query.get('is_public');
  if (raw === null) return true;
  if (raw.toLowerCase() === 'none') return null;
  return boolOf(raw, 'is_public');
}

export function typeRoutes(core: CloudCore, r: VolumeRouter): void {
  const p = '/v3/{project_id}/types';

  r.get(p, (ctx, view) => {
    const s = settleAll(core);
    let rows = s.types.filter((t) => typeVisible(t, view));
    if (view.isAdmin) {
      const pub = isPublicFilter(ctx);
      // An admin's is_public=true listing still shows private types the project was given access to.
      if (pub !== null) rows = rows.filter((t) => t.is_public === pub || (pub && (t.access ?? []).includes(view.projectId)));
      const name = ctx.query.get('name');
      if (name !== null) rows = rows.filter((t) => t.name === name);
    }
    return json(200, { volume_types: rows.map((t) => typeDoc(t, view)) });
  });
  r.get(`${p}/{type_id}`, (ctx, view) => json(200, { volume_type: typeDoc(findType(core, ctx.params.type_id, view), view) }));

  r.post(p, async (ctx, view) => {
    adminOnly(view, 'volume_extension:types_manage');
    const vt = asObject(await ctx.json(), 'volume_type');
    if (typeof vt.name !== 'string' || !vt.name.trim()) throw badRequest(`Invalid input for field/attribute volume_type. Value: ${JSON.stringify(vt)}. 'name' is a required property`);
    const s = settleAll(core);
    const name = vt.name.trim();
    if (s.types.some((t) => t.name === name)) throw conflict(`Volume Type ${name} already exists.`);
    const isPublic = vt['os-volume-type-access:is_public'] ?? vt.is_public ?? true;
    const t: VolumeType = {
      id: uuid(),
      name,
      description: typeof vt.description === 'string' ? vt.description : null,
      is_public: boolOf(isPublic, 'is_public'),
      extra_specs: vt.extra_specs === undefined ? {} : specsOf(vt.extra_specs),
      qos_specs_id: null,
      access: [],
    };
    s.types.push(t);
    core.state.markDirty();
    const doc = typeView(t, { isAdmin: true, accessFlag: true });
    delete doc.qos_specs_id; // the create answer is built before the association column is read
    return json(200, { volume_type: doc });
  });

  r.put(`${p}/{type_id}`, async (ctx, view) => {
    adminOnly(view, 'volume_extension:types_manage');
    const vt = asObject(await ctx.json(), 'volume_type');
    const t = findType(core, ctx.params.type_id);
    const name = typeof vt.name === 'string' ? vt.name.trim() : undefined;
    if (vt.name !== undefined && vt.name !== null && !name) throw badRequest('Volume type name can not be empty.');
    const isPublic = vt.is_public === undefined || vt.is_public === null ? undefined : boolOf(vt.is_public, 'is_public');
    if (name === undefined && vt.description === undefined && isPublic === undefined) {
      throw badRequest('Specify volume type name, description, is_public or a combination thereof.');
    }
    if (t.id === DEFAULT_TYPE_ID && name !== undefined && name !== t.name) throw badRequest('The default volume type cannot be renamed.');
    if (name !== undefined && name !== t.name && settleAll(core).types.some((x) => x.name === name)) throw conflict(`Volume Type ${name} already exists.`);
    if (name !== undefined) t.name = name;
    if (vt.description !== undefined) t.description = typeof vt.description === 'string' ? vt.description : null;
    if (isPublic !== undefined) t.is_public = isPublic;
    core.state.markDirty();
    return json(200, { volume_type: typeView(t, { isAdmin: true }) });
  });

  r.delete(`${p}/{type_id}`, (ctx, view) => {
    adminOnly(view, 'volume_extension:types_manage');
    const t = findType(core, ctx.params.type_id);
    const s = settleAll(core);
    if (t.id === DEFAULT_TYPE_ID) throw badRequest('Target volume type is still in use. Default volume type can not be deleted.');
    if (s.volumes.some((v) => v.volume_type_id === t.id)) throw badRequest('Target volume type is still in use.');
    s.types.splice(s.types.indexOf(t), 1);
    core.state.markDirty();
    return { status: 202 };
  });

  // Extra specs
  const specs = `${p}/{type_id}/extra_specs`;
  r.get(specs, (ctx, view) => json(200, { extra_specs: visibleSpecs(findType(core, ctx.params.type_id, view), view) }));
  r.post(specs, async (ctx, view) => {
    adminOnly(view, 'volume_extension:types_extra_specs:create');
    const body = asObject(await ctx.json(), 'extra_specs');
    const t = findType(core, ctx.params.type_id);
    allowSpecUpdate(core, t);
    const added = specsOf(body);
    if ((added.multiattach ?? t.extra_specs.multiattach) === '<is> True' && (added.cacheable ?? t.extra_specs.cacheable) === '<is> True') {
      throw badRequest('cacheable cannot be set with multiattach.');
    }
    Object.assign(t.extra_specs, added);
    core.state.markDirty();
    return json(200, { extra_specs: added });
  });
  r.get(`${specs}/{key}`, (ctx, view) => {
    const t = findType(core, ctx.params.type_id, view);
    const value = visibleSpecs(t, view)[ctx.params.key];
    if (value === undefined) throw notFound(`Volume Type ${t.id} has no extra specs with key ${ctx.params.key}.`);
    return json(200, { [ctx.params.key]: value });
  });
  r.put(`${specs}/{key}`, async (ctx, view) => {
    adminOnly(view, 'volume_extension:types_extra_specs:update');
    const body = await ctx.json();
    const t = findType(core, ctx.params.type_id);
    allowSpecUpdate(core, t);
    const given = specsOf(body, 'extra_specs');
    if (!(ctx.params.key in given)) throw badRequest('Request body and URI mismatch');
    if (Object.keys(given).length > 1) throw badRequest('Request body contains too many items');
    t.extra_specs[ctx.params.key] = given[ctx.params.key];
    core.state.markDirty();
    return json(200, given);
  });
  r.delete(`${specs}/{key}`, (ctx, view) => {
    adminOnly(view, 'volume_extension:types_extra_specs:delete');
    const t = findType(core, ctx.params.type_id);
    allowSpecUpdate(core, t);
    if (!(ctx.params.key in t.extra_specs)) throw notFound(`Volume Type ${t.id} has no extra specs with key ${ctx.params.key}.`);
    delete t.extra_specs[ctx.params.key];
    core.state.markDirty();
    return { status: 202 };
  });

  // Access to private types
  r.get(`${p}/{type_id}/os-volume-type-access`, (ctx, view) => {
    adminOnly(view, 'volume_extension:volume_type_access:addProjectAccess');
    const t = findType(core, ctx.params.type_id);
    if (t.is_public) throw notFound('Access list not available for public volume types.');
    return json(200, { volume_type_access: (t.access ?? []).map((project_id) => ({ volume_type_id: t.id, project_id })) });
  });
  r.post(`${p}/{type_id}/action`, async (ctx, view) => {
    const body = (await ctx.json()) as Record<string, { project?: unknown } | undefined> | null;
    const action = body && typeof body === 'object' ? Object.keys(body)[0] : undefined;
    if (action !== 'addProjectAccess' && action !== 'removeProjectAccess') throw badRequest(`There is no such action: ${String(action)}`);
    adminOnly(view, `volume_extension:volume_type_access:${action}`);
    const project = body?.[action]?.project;
    if (typeof project !== 'string' || !project) throw badRequest(`Invalid input for field/attribute ${action}. Value: ${JSON.stringify(body?.[action])}. 'project' is a required property`);
    const t = findType(core, ctx.params.type_id);
    const access = (t.access ??= []);
    if (action === 'addProjectAccess') {
      if (t.is_public) throw badRequest('Invalid volume type: Type access modification is not applicable to public volume type.');
      if (access.includes(project)) throw conflict(`Volume type access for ${t.id} / ${project} combination already exists.`);
      access.push(project);
    } else {
      if (!access.includes(project)) throw notFound(`Volume type access not found for ${t.id} / ${project} combination.`);
      access.splice(access.indexOf(project), 1);
    }
    core.state.markDirty();
    return { status: 202 };
  });
}

/** Admins read every spec; others only Zed's user-visible ones. */
function visibleSpecs(t: VolumeType, view: View): Record<string, string> {
  if (view.isAdmin) return { ...t.extra_specs };
  const USER_VISIBLE = ['RESKEY:availability_zones', 'multiattach', 'replication_enabled'];
  return Object.fromEntries(Object.entries(t.extra_specs).filter(([k]) => USER_VISIBLE.includes(k)));
}

/** A type's view with the specs the caller may read (used by the route modules). */
export const typeDoc = (t: VolumeType, view: View) =>
  typeView({ ...t, extra_specs: visibleSpecs(t, view) }, { accessFlag: true, isAdmin: view.isAdmin });
