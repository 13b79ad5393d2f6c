// Database instances: create (200, BUILD), list, show, update (name, configuration group, access), delete
// (422 while BUILD; SHUTDOWN, then gone). Actions (restart, resize, root) are in actions.ts.
import { uuid } from '../../core/ids';
import { failsOnDemand } from '../../core/failures';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { schedule } from '../../core/transitions';
import { findConfiguration } from './configurations';
import { findDatastore, findVersion } from './datastores';
import * as x from './deps';
import { badRequest, notFound, troveError, unprocessable } from './errors';
import { parseDatabases, parseUsers } from './guest';
import { NoRouter, projectInstances, provision, renderInstance, taskName, TIMES, teardown, type Nic } from './lifecycle';
import { MAX_VOLUME_SIZE, REGION, troveTime, type DbInstance } from './model';
import { checkQuota } from './quotas';
import { getInstance, instanceRoute, member, readJson, type TroveDeps } from './request';

const T = '/v1.0/{tenant_id}';

/** validate_volume_size: 400 without a size, 413 above max_accepted_volume_size. */
export function checkVolumeSize(size: unknown): number {
  if (size === undefined || size === null) throw badRequest('Volume size was not specified.');
  const n = Number(size);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`Validation error: volume 'size' ${JSON.stringify(size)} is not valid.`);
  if (n > MAX_VOLUME_SIZE) throw troveError(413, `Volume 'size' cannot exceed maximum of ${MAX_VOLUME_SIZE} GB, ${n} cannot be accepted.`);
  return n;
}

function parseNics(raw: unknown): Nic[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest(`Validation error: instance 'nics' ${JSON.stringify(raw)} is not of type 'array'`);
  return raw.map((n: Record<string, unknown>) => {
    const networkId = (n?.network_id ?? n?.['net-id']) as string | undefined;
    if (!networkId && !n?.subnet_id) throw badRequest('Instance network or subnet needs to be specified.');
    if (!n?.subnet_id && n?.ip_address) throw badRequest('Instance subnet needs to be specified.');
    return { networkId: String(networkId ?? ''), subnetId: n.subnet_id as string | undefined, ipAddress: n.ip_address as string | undefined };
  });
}

export function instanceRoutes(router: Router, { core, s }: TroveDeps): void {
  router.post(`${T}/instances`, async (ctx) => {
    const auth = ctx.authProject();
    const body = member(await readJson(ctx), 'instance');
    if (typeof body.name !== 'string') throw badRequest("Validation error: instance 'name' is a required property");
    if (body.flavorRef === undefined) throw badRequest("Validation error: instance 'flavorRef' is a required property");
    const flavorId = String(body.flavorRef).split('/').pop() ?? '';
    const dsArgs = (body.datastore ?? {}) as { type?: string; version?: string };
    const ds = findDatastore(s, dsArgs.type ?? s.datastores[0].name);
    const version = findVersion(ds, dsArgs.version);
    const flavor = x.listedFlavors(core, auth.project.id, auth.isAdmin).find((f) => f.id === flavorId);
    if (!flavor) throw badRequest(`Resource ${flavorId} cannot be found.`);
    const volume = (body.volume ?? {}) as { size?: unknown; type?: string | null };
    const size = checkVolumeSize(volume.size);
    const nics = parseNics(body.nics);
    for (const n of nics) if (n.networkId && !x.findNetwork(core, n.networkId, auth.project.id)) throw notFound(n.networkId);
    const databases = parseDatabases(body.databases);
    const users = parseUsers(body.users);
    let configurationId: string | null = null;
    if (body.configuration) {
      const cfg = findConfiguration(s, auth, String(body.configuration));
      if (cfg.datastore_version_id !== version.id) throw badRequest(`Configuration ${cfg.id} does not belong to the datastore version ${version.id}.`);
      configurationId = cfg.id;
    }
    const restore = body.restorePoint as { backupRef?: string } | undefined;
    if (restore?.backupRef) {
      const b = s.backups[restore.backupRef];
      if (!b || b.deleted || (b.project_id !== auth.project.id && !auth.isAdmin)) throw notFound(restore.backupRef);
      if (b.status !== 'COMPLETED') throw troveError(409, `Unable to create instance because backup ${b.id} is not completed. Actual state: ${b.status}.`);
    }
    checkQuota(core, s, auth.project.id, { instances: 1, ram: flavor.ram, volumes: size });

    const now = troveTime(core.clock.now());
    const inst: DbInstance = {
      id: uuid(),
      name: body.name,
      project_id: auth.project.id,
      user_id: auth.user.id,
      status: 'BUILD',
      operating_status: '',
      flavor_id: flavor.id,
      datastore: ds.name,
      datastore_version: version.name,
      volume_size: size,
      volume_type: volume.type ?? null,
      volume_used: null,
      region: REGION,
      created: now,
      updated: now,
      service_status_updated: now,
      fault: null,
      access: body.access && typeof body.access === 'object' ? (body.access as DbInstance['access']) : null,
      configuration_id: configurationId,
      server_id: '',
      volume_id: '',
      port_ids: [],
      root_enabled: false,
      // The guest creates the initial databases and users once it is up (a restore brings the backup's).
      databases: [],
      users: [],
    };
    let failure = failsOnDemand(core, inst.name) ? `Failed to create volume for instance ${inst.id}\nFailed to create volume.` : undefined;
    if (!failure) {
      try {
        provision(core, inst, { flavorId: flavor.id, nics, userId: auth.user.id });
      } catch (e) {
        if (!(e instanceof NoRouter)) throw e;
        failure = e.message;
      }
    }
    if (failure) {
      const at = troveTime(core.clock.after(3));
      schedule(inst, core.clock, [[3, { status: 'ERROR', updated: at, fault: { message: failure, created: at, details: null } }]]);
    } else {
      const backup = restore?.backupRef ? s.backups[restore.backupRef].contents : undefined;
      const done = troveTime(core.clock.after(TIMES.build));
      schedule(inst, core.clock, [[TIMES.build, {
        status: 'ACTIVE', operating_status: 'HEALTHY', volume_used: 0.16, updated: done, service_status_updated: done,
        databases: [...(backup?.databases ?? []), ...databases.filter((d) => !backup?.databases.some((b) => b.name === d.name))],
        users: [...(backup?.users ?? []), ...users],
      }]]);
    }
    s.instances[inst.id] = inst;
    core.state.markDirty();
    return json(200, { instance: renderInstance(core, ctx, s, inst, { detail: true, isAdmin: auth.isAdmin }) });
  });

  router.get(`${T}/instances`, (ctx) => {
    const auth = ctx.authProject();
    return json(200, { instances: projectInstances(core, s, auth.project.id).map((i) => renderInstance(core, ctx, s, i, { detail: false, isAdmin: auth.isAdmin })) });
  });
  router.get(`${T}/instances/detail`, (ctx) => {
    const auth = ctx.authProject();
    return json(200, { instances: projectInstances(core, s, auth.project.id).map((i) => renderInstance(core, ctx, s, i, { detail: true, isAdmin: auth.isAdmin })) });
  });
  router.get(`${T}/instances/{id}`, (ctx) => {
    const auth = ctx.authProject();
    return json(200, { instance: renderInstance(core, ctx, s, getInstance(core, auth, ctx.params.id), { detail: true, isAdmin: auth.isAdmin }) });
  });

  instanceRoute(router, core, 'DELETE', `${T}/instances/{id}`, (ctx) => {
    const inst = getInstance(core, ctx.authProject(), ctx.params.id);
    if (inst.status === 'BUILD') throw unprocessable(`Instance ${inst.id} is not ready. (Status is ${inst.status}).`);
    if (inst.status !== 'SHUTDOWN') teardown(core, inst);
    return { status: 202, raw: '', contentType: 'application/json' };
  });

  instanceRoute(router, core, 'PUT', `${T}/instances/{id}`, async (ctx) => {
    const auth = ctx.authProject();
    const inst = getInstance(core, auth, ctx.params.id);
    const body = member(await readJson(ctx), 'instance');
    if (typeof body.name === 'string') inst.name = body.name;
    if ('configuration' in body) {
      if (body.configuration) {
        if (inst.configuration_id) throw badRequest(`Instance ${inst.id} already has a Configuration Group attached: ${inst.configuration_id}.`);
        if (inst.status !== 'ACTIVE') throw badRequest(`The operation you have requested cannot be executed because the instance status is currently: ${taskName(inst.status)}.`);
        inst.configuration_id = findConfiguration(s, auth, String(body.configuration)).id;
      } else {
        inst.configuration_id = null;
      }
    }
    if (body.access && typeof body.access === 'object') inst.access = { ...inst.access, ...(body.access as DbInstance['access']) };
    inst.updated = troveTime(core.clock.now());
    core.state.markDirty();
    return { status: 202, raw: '', contentType: 'application/json' };
  });
  instanceRoute(router, core, 'GET', `${T}/instances/{id}/configuration`, (ctx) => {
    const inst = getInstance(core, ctx.authProject(), ctx.params.id);
    const cfg = inst.configuration_id ? s.configurations[inst.configuration_id] : undefined;
    return json(200, { instance: { configuration: cfg ? Object.fromEntries(Object.entries(cfg.values).map(([k, v]) => [k, String(v)])) : {} } });
  });
}
