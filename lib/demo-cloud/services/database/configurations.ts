// Configuration groups: values checked against the datastore version's parameters (Trove's messages),
// attached to instances through PUT /instances/{id} (instances.ts), not deletable while attached.
import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { findDatastore, findVersion } from './datastores';
import { badRequest, troveError, unprocessable } from './errors';
import { projectInstances } from './lifecycle';
import { parametersOf, troveTime, type Configuration, type DatabaseState, type DatastoreVersion } from './model';
import { member, readJson, type TroveDeps } from './request';

const T = '/v1.0/{tenant_id}';

export function findConfiguration(s: DatabaseState, auth: ProjectAuthInfo, id: string): Configuration {
  const c = s.configurations[id];
  if (!c || (c.project_id !== auth.project.id && !auth.isAdmin)) throw troveError(404, `Configuration group with ID ${id} could not be found.`);
  return c;
}

const versionOf = (s: DatabaseState, id: string) => s.datastores.flatMap((d) => d.versions.map((v) => ({ d, v }))).find((x) => x.v.id === id)!;

/** ConfigurationsController._validate_configuration: known parameter, JSON type, integer bounds. */
function checkValues(s: DatabaseState, v: DatastoreVersion, values: unknown): Record<string, string | number | boolean> {
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw badRequest(`Validation error: configuration 'values' ${JSON.stringify(values)} is not of type 'object'`);
  const rules = parametersOf(v);
  const name = versionOf(s, v.id).d.name;
  if (!rules.length) throw unprocessable(`Configuration groups are not supported for this datastore: ${name} ${v.name}`);
  for (const [k, val] of Object.entries(values)) {
    const rule = rules.find((r) => r.name === k.toLowerCase());
    if (!rule) throw unprocessable(`The configuration parameter ${k} is not supported for this datastore: ${name} ${v.name}.`);
    const ok = { boolean: typeof val === 'boolean', string: typeof val === 'string', integer: Number.isInteger(val) && typeof val !== 'boolean', float: typeof val === 'number' }[rule.type];
    if (!ok) throw unprocessable(`The value provided for the configuration parameter ${k} is not of type ${rule.type}.`);
    if (typeof val === 'number' && rule.min !== undefined && val < rule.min) throw unprocessable(`The value for the configuration parameter ${k} is less than the minimum allowed: ${rule.min}`);
    if (typeof val === 'number' && rule.max !== undefined && val > rule.max) throw unprocessable(`The value for the configuration parameter ${k} is greater than the maximum allowed: ${rule.max}`);
  }
  return values as Record<string, string | number | boolean>;
}

export function configurationRoutes(router: Router, { core, s }: TroveDeps): void {
  const attached = (c: Configuration) => projectInstances(core, s, c.project_id).filter((i) => i.configuration_id === c.id);
  const brief = (c: Configuration) => {
    const { d, v } = versionOf(s, c.datastore_version_id);
    return { id: c.id, name: c.name, description: c.description, created: c.created, updated: c.updated, datastore_version_id: v.id, datastore_name: d.name, datastore_version_name: v.name };
  };
  const detail = (c: Configuration) => ({ ...brief(c), values: c.values, instance_count: attached(c).length, datastore_version_number: versionOf(s, c.datastore_version_id).v.version });
  const updated = (ctx: RequestContext, replace: boolean) => async () => {
    const auth = ctx.authProject();
    const c = findConfiguration(s, auth, ctx.params.id);
    const body = member(await readJson(ctx), 'configuration');
    const values = checkValues(s, versionOf(s, c.datastore_version_id).v, body.values ?? {});
    c.values = replace ? values : { ...c.values, ...values };
    if (typeof body.name === 'string') c.name = body.name;
    if (body.description !== undefined) c.description = (body.description as string | null) ?? null;
    c.updated = troveTime(core.clock.now());
    core.state.markDirty();
  };

  router.get(`${T}/configurations`, (ctx) => {
    const auth = ctx.authProject();
    return json(200, { configurations: Object.values(s.configurations).filter((c) => c.project_id === auth.project.id).map(brief) });
  });
  router.post(`${T}/configurations`, async (ctx) => {
    const auth = ctx.authProject();
    const body = member(await readJson(ctx), 'configuration');
    if (typeof body.name !== 'string' || !body.name) throw badRequest("Validation error: configuration 'name' is a required property");
    if (body.values === undefined) throw badRequest("Validation error: configuration 'values' is a required property");
    const dsArgs = (body.datastore ?? {}) as { type?: string; version?: string };
    const d = findDatastore(s, dsArgs.type ?? s.datastores[0].name);
    const v = findVersion(d, dsArgs.version);
    const now = troveTime(core.clock.now());
    const c: Configuration = {
      id: uuid(), name: body.name, description: typeof body.description === 'string' ? body.description : null, project_id: auth.project.id,
      datastore_version_id: v.id, values: checkValues(s, v, body.values), created: now, updated: now,
    };
    s.configurations[c.id] = c;
    core.state.markDirty();
    return json(200, { configuration: detail(c) });
  });
  router.get(`${T}/configurations/{id}`, (ctx) => json(200, { configuration: detail(findConfiguration(s, ctx.authProject(), ctx.params.id)) }));
  router.get(`${T}/configurations/{id}/instances`, (ctx) => {
    const c = findConfiguration(s, ctx.authProject(), ctx.params.id);
    return json(200, { instances: attached(c).map((i) => ({ id: i.id, name: i.name })) });
  });
  router.patch(`${T}/configurations/{id}`, async (ctx) => {
    await updated(ctx, false)();
    return { status: 200, raw: '', contentType: 'application/json' };
  });
  router.put(`${T}/configurations/{id}`, async (ctx) => {
    await updated(ctx, true)();
    return { status: 202, raw: '', contentType: 'application/json' };
  });
  router.delete(`${T}/configurations/{id}`, (ctx) => {
    const c = findConfiguration(s, ctx.authProject(), ctx.params.id);
    if (attached(c).length) {
      throw badRequest('A configuration group cannot be deleted if it is associated with one or more non-terminated instances. Detach the configuration group from all non-terminated instances and please try again.');
    }
    delete s.configurations[c.id];
    core.state.markDirty();
    return { status: 202, raw: '', contentType: 'application/json' };
  });
}
