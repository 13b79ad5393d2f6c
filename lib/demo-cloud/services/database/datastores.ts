// Datastores and their versions (with configuration parameters), and Nova's flavors as Trove lists them.
import type { RequestContext } from '../../core/context';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import * as x from './deps';
import { troveError } from './errors';
import { links } from './links';
import { parametersOf, type Datastore, type DatabaseState, type DatastoreVersion } from './model';
import type { TroveDeps } from './request';

const T = '/v1.0/{tenant_id}';

export const datastoreNotFound = (name: string) => troveError(404, `Datastore '${name}' cannot be found.`);
/** Trove answers 400 (not 404) for an unknown datastore version, on GET as on instance create. */
export const versionNotFound = (name: string) => troveError(400, `Datastore version '${name}' cannot be found.`);

export function findDatastore(s: DatabaseState, idOrName: string): Datastore {
  const d = s.datastores.find((x) => x.id === idOrName) ?? s.datastores.find((x) => x.name === idOrName);
  if (!d) throw datastoreNotFound(idOrName);
  return d;
}

/** A version of the datastore by id or name (its default when absent). */
export function findVersion(d: Datastore, idOrName: string | undefined): DatastoreVersion {
  const v = idOrName === undefined ? d.versions.find((x) => x.id === d.default_version) : (d.versions.find((x) => x.id === idOrName) ?? d.versions.find((x) => x.name === idOrName));
  if (!v) throw versionNotFound(idOrName ?? '');
  return v;
}

function versionById(s: DatabaseState, id: string): DatastoreVersion {
  const v = s.datastores.flatMap((d) => d.versions).find((x) => x.id === id);
  if (!v) throw versionNotFound(id);
  return v;
}

const brief = (ctx: RequestContext, v: DatastoreVersion) => ({ id: v.id, name: v.name, version: v.version, links: links(ctx, 'datastores/versions', v.id) });
const renderVersion = (ctx: RequestContext, v: DatastoreVersion) => ({ ...brief(ctx, v), datastore: v.datastore_id });
const renderDatastore = (ctx: RequestContext, d: Datastore) => ({
  id: d.id,
  name: d.name,
  links: links(ctx, 'datastores', d.id),
  versions: d.versions.map((v) => brief(ctx, v)),
  default_version: d.default_version,
});
const renderParameter = (v: DatastoreVersion, p: ReturnType<typeof parametersOf>[number]) => ({ name: p.name, datastore_version_id: v.id, restart_required: p.restart_required, type: p.type, ...(p.max !== undefined ? { max: p.max } : {}), ...(p.min !== undefined ? { min: p.min } : {}) });

function parameterRoutes(router: Router, base: string, versionOf: (ctx: RequestContext) => DatastoreVersion): void {
  router.get(`${base}/parameters`, (ctx) => {
    ctx.authProject();
    const v = versionOf(ctx);
    return json(200, { 'configuration-parameters': parametersOf(v).map((p) => renderParameter(v, p)) });
  });
  router.get(`${base}/parameters/{name}`, (ctx) => {
    ctx.authProject();
    const v = versionOf(ctx);
    const p = parametersOf(v).find((x) => x.name === ctx.params.name);
    if (!p) throw troveError(404, `Resource ${ctx.params.name} cannot be found.`);
    return json(200, renderParameter(v, p));
  });
}

export function datastoreRoutes(router: Router, { s }: TroveDeps): void {
  // The literal `versions` route first: /datastores/versions/{id} would otherwise read as a datastore named "versions".
  router.get(`${T}/datastores/versions/{version_id}`, (ctx) => {
    ctx.authProject();
    return json(200, { version: renderVersion(ctx, versionById(s, ctx.params.version_id)) });
  });
  parameterRoutes(router, `${T}/datastores/versions/{version_id}`, (ctx) => versionById(s, ctx.params.version_id));
  router.get(`${T}/datastores`, (ctx) => {
    ctx.authProject();
    return json(200, { datastores: s.datastores.map((d) => renderDatastore(ctx, d)) });
  });
  router.get(`${T}/datastores/{ds}`, (ctx) => {
    ctx.authProject();
    return json(200, { datastore: renderDatastore(ctx, findDatastore(s, ctx.params.ds)) });
  });
  router.get(`${T}/datastores/{ds}/versions`, (ctx) => {
    ctx.authProject();
    return json(200, { versions: findDatastore(s, ctx.params.ds).versions.map((v) => renderVersion(ctx, v)) });
  });
  router.get(`${T}/datastores/{ds}/versions/{version}`, (ctx) => {
    ctx.authProject();
    return json(200, { version: renderVersion(ctx, findVersion(findDatastore(s, ctx.params.ds), ctx.params.version)) });
  });
  parameterRoutes(router, `${T}/datastores/{ds}/versions/{version}`, (ctx) => findVersion(findDatastore(s, ctx.params.ds), ctx.params.version));
}

/** Trove's flavor view: `id` is the numeric id (null for UUIDs), `str_id` the real one. */
function renderFlavor(ctx: RequestContext, f: x.Flavor) {
  return { id: /^\d+$/.test(f.id) ? Number(f.id) : null, links: links(ctx, 'flavors', f.id), name: f.name, ram: f.ram, vcpus: f.vcpus, disk: f.disk, ephemeral: f.ephemeral, str_id: f.id };
}

export function flavorRoutes(router: Router, { core }: TroveDeps): void {
  router.get(`${T}/flavors`, (ctx) => {
    const auth = ctx.authProject();
    const flavors = x.listedFlavors(core, auth.project.id, auth.isAdmin).sort((a, b) => a.name.localeCompare(b.name));
    return json(200, { flavors: flavors.map((f) => renderFlavor(ctx, f)) });
  });
  router.get(`${T}/flavors/{id}`, (ctx) => {
    const auth = ctx.authProject();
    const f = x.listedFlavors(core, auth.project.id, auth.isAdmin).find((f) => f.id === ctx.params.id);
    if (!f) throw troveError(404, `Resource ${ctx.params.id} cannot be found.`);
    return json(200, { flavor: renderFlavor(ctx, f) });
  });
}
