// Share types: list (public and granted ones; admins may ask for all), show, default, admin create/delete,
// extra specs. Answers carry the type twice, as `share_type` and its legacy name `volume_type`.
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import { bad, conflict, notFound, policyDenied } from './errors';
import type { ManilaRouter, View } from './microversion';
import { DEFAULT_TYPE, type ManilaState, type ShareType } from './model';
import { typeView } from './render';
import { boolOf, optString, readBody } from './request';

const both = (one: unknown) => ({ volume_type: one, share_type: one });

/** Extra spec values as Manila stores them: booleans become "True"/"False". */
const specValue = (x: unknown) => (typeof x === 'boolean' ? (x ? 'True' : 'False') : String(x));

function findType(s: ManilaState, v: View, ref: string): ShareType {
  const t = s.types.find((x) => x.id === ref || x.name === ref);
  if (!t || !(t.is_public || v.isAdmin || t.projects.includes(v.projectId))) throw notFound('Share type not found.');
  return t;
}

export function typeRoutes(r: ManilaRouter, s: ManilaState) {
  r.get('/types', (v) => {
    const scope = (v.ctx.query.get('is_public') ?? 'true').toLowerCase();
    const list = s.types.filter((t) =>
      scope === 'all' && v.isAdmin ? true : scope === 'false' ? !t.is_public && (v.isAdmin || t.projects.includes(v.projectId)) : t.is_public || t.projects.includes(v.projectId),
    );
    const views = list.map((t) => typeView(v, t));
    return json(200, { volume_types: views, share_types: views });
  });
  r.get('/types/default', (v) => {
    const t = s.types.find((x) => x.id === DEFAULT_TYPE.id);
    if (!t) throw notFound('Default share type not found.');
    return json(200, both(typeView(v, t)));
  });
  r.get('/types/{id}', (v) => json(200, both(typeView(v, findType(s, v, v.ctx.params.id)))));
  r.get('/types/{id}/extra_specs', (v) => json(200, { extra_specs: { ...findType(s, v, v.ctx.params.id).extra_specs } }));
  r.post('/types', async (v) => {
    if (!v.isAdmin) throw policyDenied();
    const b = await readBody(v.ctx, ['share_type', 'volume_type']);
    const name = optString(b, 'name');
    if (!name) throw bad('Share type name is not valid.');
    const specs = (b.extra_specs ?? {}) as Record<string, unknown>;
    if (typeof specs !== 'object' || specs === null) throw bad('Invalid extra_spec: %(reason)s.');
    const dhss = specs.driver_handles_share_servers;
    // Zed leaves this message unformatted too.
    if (dhss === undefined) throw bad('Invalid extra_spec: %(reason)s.');
    boolOf(dhss);
    if (s.types.some((t) => t.name === name)) throw conflict('Share Type %(id)s already exists.');
    const publicKey = b['share_type_access:is_public'] ?? b['os-share-type-access:is_public'];
    const type: ShareType = {
      id: uuid(),
      name,
      description: optString(b, 'description') ?? null,
      is_public: publicKey === undefined ? true : boolOf(publicKey),
      extra_specs: Object.fromEntries(Object.entries(specs).map(([k, x]) => [k, specValue(x)])),
      projects: [],
    };
    s.types.push(type);
    v.ctx.markDirty();
    // The create answer echoes the required spec as it was sent (a JSON boolean stays one).
    return json(200, both({ ...typeView(v, type), required_extra_specs: { driver_handles_share_servers: dhss } }));
  });
  r.delete('/types/{id}', (v) => {
    if (!v.isAdmin) throw policyDenied();
    const i = s.types.findIndex((t) => t.id === v.ctx.params.id);
    if (i < 0) throw notFound();
    if (s.shares.some((x) => x.share_type === s.types[i].id)) throw bad('Target share type is still in use.');
    s.types.splice(i, 1);
    v.ctx.markDirty();
    return { status: 202 };
  });
  r.post('/types/{id}/action', async (v) => {
    if (!v.isAdmin) throw policyDenied();
    const t = s.types.find((x) => x.id === v.ctx.params.id);
    if (!t) throw notFound('Share type not found.');
    const body = (await v.ctx.json()) as Record<string, { project?: unknown } | undefined>;
    const add = body?.addProjectAccess?.project;
    const remove = body?.removeProjectAccess?.project;
    if (t.is_public) throw conflict('Invalid share type: Type access modification is not applicable to public share type.');
    if (typeof add === 'string') t.projects = [...new Set([...t.projects, add])];
    else if (typeof remove === 'string') t.projects = t.projects.filter((p) => p !== remove);
    else throw bad('Malformed request body');
    v.ctx.markDirty();
    return { status: 202 };
  });
}
