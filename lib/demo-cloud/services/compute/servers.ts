import { forbidden, HttpError } from '../../core/errors';
import { failsOnDemand } from '../../core/failures';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { schedule } from '../../core/transitions';
import { novaBoolField } from './action-kit';
import { newServerRecord, prepareVolumes, reservationId, startBuild } from './build';
import { idFromRef, invalidInput, isoZ, links, novaBadRequest, novaNotFound, objectBody, type ComputeDeps } from './common';
import * as x from './deps';
import { flavorVisible } from './flavors';
import { novaRoute, type NovaRequest } from './microversion';
import { AZ, type Server } from './model';
import { adminPass, checkLock, quotaOf, recordAction, releaseResources, settleServer, usageOf } from './ops';
import { pickHost } from './hosts';
import { addServer, dropServer } from './order';
import { renderServer } from './render';
import { serverListRoutes } from './server-list';

// Servers: create (image or boot-from-volume), show, update, delete (ACTIVE -> task_state
// deleting -> gone). Listing is in server-list.ts, the new record and its build in build.ts.

/** Lenient like Python's base64.b64decode: stray characters are dropped, the padding must fit. */
function validBase64(text: string): boolean {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  return clean.replace(/=+$/, '').indexOf('=') < 0 && clean.length % 4 === 0;
}

type NetReq = { networkId?: string; portId?: string; fixedIp?: string };

export function serverRoutes(router: Router, deps: ComputeDeps): void {
  const { core, s } = deps;

  /** Visible server or 404 (members see their project's servers only). */
  const getServer = (ctx: NovaRequest['ctx'], id: string): Server => {
    const auth = ctx.authProject();
    const srv = settleServer(core, s, s.servers[id]);
    if (!srv || (!auth.isAdmin && srv.project_id !== auth.project.id)) throw novaNotFound(`Instance ${id} could not be found.`);
    return srv;
  };

  novaRoute(router, 'POST', '/servers', async ({ ctx, v, requestId }) => {
    const auth = ctx.authProject();
    const body = await objectBody(ctx);
    const req = body.server as Record<string, unknown> | undefined;
    if (!req || typeof req !== 'object' || Array.isArray(req)) throw invalidInput('server', body, "'server' is a required property");
    for (const field of ['name', 'flavorRef', ...(v.ge('2.37') ? ['networks'] : [])]) {
      if (req[field] === undefined) throw invalidInput('server', req, `'${field}' is a required property`);
    }
    const name = req.name;
    if (typeof name !== 'string') throw invalidInput('name', name, `${String(name)} is not of type 'string'`);
    if (name.trim().length === 0 || name.length > 255) throw invalidInput('name', name, `'${name}' does not match`);
    const description = req.description;
    if (description !== undefined) {
      if (v.lt('2.19')) throw novaBadRequest("Invalid input for field/attribute server. Additional properties are not allowed ('description' was unexpected)");
      if (description !== null && typeof description !== 'string') throw invalidInput('description', description, 'is not valid');
    }

    // Flavor.
    const flavorRef = idFromRef(String(req.flavorRef));
    const flavor = s.flavors[flavorRef];
    if (!flavor || !flavorVisible(flavor, auth.project.id, auth.isAdmin)) throw novaBadRequest(`Flavor ${flavorRef} could not be found.`);

    // Block device mapping v2 (boot from volume).
    const bdms = Array.isArray(req.block_device_mapping_v2) ? (req.block_device_mapping_v2 as Array<Record<string, unknown>>) : [];
    if (req.block_device_mapping_v2 !== undefined && !Array.isArray(req.block_device_mapping_v2)) {
      throw invalidInput('block_device_mapping_v2', req.block_device_mapping_v2, "is not of type 'array'");
    }
    for (const b of bdms) {
      if (!['image', 'volume', 'snapshot', 'blank'].includes(String(b.source_type))) {
        throw invalidInput('source_type', b.source_type, `'${String(b.source_type)}' is not one of ['volume', 'image', 'snapshot', 'blank']`);
      }
    }
    const bootBdm = bdms.find((b) => String(b.boot_index ?? '') === '0') ?? null;
    const bootFromVolume = !!bootBdm && (bootBdm.destination_type ?? 'volume') === 'volume';

    // Image.
    const imageRef = typeof req.imageRef === 'string' ? idFromRef(req.imageRef) : '';
    const imageIdForBoot = imageRef || (bootBdm && bootBdm.source_type === 'image' ? String(bootBdm.uuid ?? '') : '');
    let imageName = '';
    if (imageIdForBoot) {
      const image = x.findImage(core, imageIdForBoot);
      if (!image || !x.imageVisibleTo(core, image, auth.project.id, auth.isAdmin)) throw novaBadRequest('Can not find requested image');
      if (image.status !== 'active') throw novaBadRequest(`Image ${image.id} is not active.`);
      if (!bootFromVolume) {
        if ((image.min_ram ?? 0) > flavor.ram) throw novaBadRequest("Flavor's memory is too small for requested image.");
        if ((image.min_disk ?? 0) > flavor.disk && flavor.disk > 0) throw novaBadRequest("Flavor's disk is too small for requested image.");
      }
      imageName = String(image.name ?? '');
    } else if (!bootFromVolume) {
      throw novaBadRequest('Can not find requested image');
    }

    // Key pair, user data, metadata, zone.
    const keyName = req.key_name === undefined || req.key_name === null ? null : String(req.key_name);
    if (keyName !== null && !s.keypairs[auth.user.id]?.[keyName]) throw novaBadRequest('Invalid key_name provided.');
    let userData: string | null = null;
    if (req.user_data !== undefined && req.user_data !== null) {
      const ud = String(req.user_data);
      if (!validBase64(ud)) throw invalidInput('user_data', ud, `'${ud}' is not a 'base64'`);
      userData = ud;
    }
    // Nova keeps the flag as a string column: "True" when asked for, "" otherwise (compute API _check_config_drive).
    const askedDrive = req.config_drive !== undefined && req.config_drive !== null && req.config_drive !== '';
    const configDrive = askedDrive && novaBoolField('config_drive', req.config_drive) ? 'True' : '';
    const metadata: Record<string, string> = {};
    if (req.metadata !== undefined) {
      if (!req.metadata || typeof req.metadata !== 'object' || Array.isArray(req.metadata)) throw invalidInput('metadata', req.metadata, "is not of type 'object'");
      for (const [k, val] of Object.entries(req.metadata as Record<string, unknown>)) {
        if (typeof val !== 'string') throw invalidInput(`metadata.${k}`, val, `${String(val)} is not of type 'string'`);
        metadata[k] = val;
      }
      const maxMeta = quotaOf(s, auth.project.id).metadata_items;
      if (maxMeta >= 0 && Object.keys(metadata).length > maxMeta) throw forbidden('Quota exceeded for metadata_items: Requested ' + Object.keys(metadata).length + `, but already used 0 of ${maxMeta} metadata_items`);
    }
    let az = AZ;
    if (req.availability_zone !== undefined && req.availability_zone !== null) {
      const wanted = String(req.availability_zone).split(':')[0];
      if (wanted !== AZ && wanted !== '') throw novaBadRequest('The requested availability zone is not available');
    }
    az = AZ;

    // Security groups and networks.
    let securityGroups = ['default'];
    if (req.security_groups !== undefined) {
      if (!Array.isArray(req.security_groups)) throw invalidInput('security_groups', req.security_groups, "is not of type 'array'");
      securityGroups = (req.security_groups as Array<{ name?: unknown }>).map((g) => String(g?.name ?? ''));
      if (securityGroups.length === 0) securityGroups = ['default'];
    }
    const networks = req.networks;
    let netReqs: NetReq[];
    if (networks === undefined || networks === 'auto') netReqs = [{}];
    else if (networks === 'none') netReqs = [];
    else if (Array.isArray(networks)) {
      netReqs = (networks as Array<Record<string, unknown>>).map((n) => {
        if (!n || typeof n !== 'object') throw invalidInput('networks', networks, 'is not valid');
        const r: NetReq = {};
        if (n.uuid !== undefined) r.networkId = String(n.uuid);
        if (n.port !== undefined && n.port !== null) r.portId = String(n.port);
        if (n.fixed_ip !== undefined) r.fixedIp = String(n.fixed_ip);
        if (!r.networkId && !r.portId) throw novaBadRequest('Bad networks format: network uuid is not in proper format');
        return r;
      });
    } else {
      throw invalidInput('networks', networks, `'${String(networks)}' is not one of ['none', 'auto']`);
    }
    for (const r of netReqs) {
      if (r.networkId && !x.findNetwork(core, r.networkId, auth.project.id)) throw novaBadRequest(`Network ${r.networkId} could not be found.`);
    }

    // Count and quota.
    const minCount = req.min_count === undefined ? 1 : Number(req.min_count);
    let maxCount = req.max_count === undefined ? minCount : Number(req.max_count);
    if (!Number.isInteger(minCount) || minCount < 1) throw invalidInput('min_count', req.min_count, `${String(req.min_count)} is less than the minimum of 1`);
    if (!Number.isInteger(maxCount) || maxCount < 1) throw invalidInput('max_count', req.max_count, `${String(req.max_count)} is less than the minimum of 1`);
    if (minCount > maxCount) throw novaBadRequest('min_count must be <= max_count');
    if (maxCount > 1 && netReqs.some((r) => r.portId)) throw novaBadRequest('Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.');
    const quota = quotaOf(s, auth.project.id);
    const used = usageOf(core, s, auth.project.id);
    const fits = (n: number) => {
      for (const [res, per] of [['instances', 1], ['cores', flavor.vcpus], ['ram', flavor.ram]] as const) {
        const lim = quota[res];
        if (lim >= 0 && used[res] + per * n > lim) return { res, per, lim };
      }
      return null;
    };
    const over = fits(minCount);
    if (over) {
      const requested = over.per * minCount;
      throw forbidden(`Quota exceeded for ${over.res}: Requested ${requested}, but already used ${used[over.res]} of ${over.lim} ${over.res}`, { type: 'forbidden' });
    }
    while (maxCount > minCount && fits(maxCount)) maxCount--;

    // Server group.
    const hints = (body['os:scheduler_hints'] ?? body['OS-SCH-HNT:scheduler_hints']) as Record<string, unknown> | undefined;
    const groupId = hints && typeof hints.group === 'string' ? hints.group : null;
    const group = groupId ? s.serverGroups[groupId] : null;
    if (groupId && (!group || (!auth.isAdmin && group.project_id !== auth.project.id))) throw novaNotFound(`Instance group ${groupId} could not be found.`);

    const failing = failsOnDemand(core, flavor.name) || failsOnDemand(core, imageName);
    const resId = reservationId();
    const created: Server[] = [];
    for (let i = 0; i < maxCount; i++) {
      const srv = newServerRecord(core, s, {
        name: maxCount > 1 ? `${name}-${i + 1}` : name,
        projectId: auth.project.id,
        userId: auth.user.id,
        flavor,
        imageId: bootFromVolume && !imageRef ? '' : imageIdForBoot,
        keyName,
        metadata: { ...metadata },
        description: (description as string | null | undefined) ?? null,
        userData,
        configDrive,
        securityGroups,
        reservationId: resId,
        launchIndex: i,
        availabilityZone: az,
      });
      try {
        if (!failing) {
          for (const r of netReqs) {
            x.allocateServerPort(core, { projectId: auth.project.id, serverId: srv.id, ...r, securityGroups });
            srv.has_ports = true;
          }
          if (bootFromVolume || bdms.length > 0) prepareVolumes(core, srv, bdms, flavor, auth.project.id);
        }
      } catch (err) {
        releaseResources(core, s, srv);
        for (const c of created) {
          releaseResources(core, s, c);
          dropServer(s, c.id);
        }
        if (err instanceof HttpError) throw new HttpError(err.status >= 500 ? 400 : err.status, err.message);
        throw err;
      }
      if (group) {
        group.members.push(srv.id);
        srv.server_groups.push(group.id);
      }
      // A group whose policy no host satisfies any more fails the build with NoValidHost, as in Nova.
      const host = failing ? null : pickHost(core, s, srv);
      if (!failing && !host && srv.has_ports) {
        x.releaseServerPorts(core, srv.id);
        srv.has_ports = false;
      }
      startBuild(core, srv, failing || !host, host ?? undefined);
      // Nova's action_event_finish sets the action's message to 'Error' when an event fails.
      const failed = failing || !host;
      recordAction(core, srv, 'create', requestId, auth.user.id, auth.project.id, 'compute__do_build_and_run_instance', 4, failed ? 'Error' : null, failed ? 'Error' : 'Success');
      addServer(s, srv);
      created.push(srv);
    }
    if (req.return_reservation_id === true || req.return_reservation_id === 'True' || req.return_reservation_id === 'true') {
      return json(202, { reservation_id: resId });
    }
    const first = created[0];
    return json(
      202,
      {
        server: {
          id: first.id,
          links: links(ctx, 'servers', first.id),
          'OS-DCF:diskConfig': 'MANUAL',
          security_groups: securityGroups.map((n) => ({ name: n })),
          adminPass: adminPass(),
        },
      },
      { Location: `${ctx.serviceUrl}/v2.1/servers/${first.id}` },
    );
  });
  serverListRoutes(router, deps);

  novaRoute(router, 'GET', '/servers/{server_id}', ({ ctx, v }) => {
    const srv = getServer(ctx, ctx.params.server_id);
    return json(200, { server: renderServer(core, ctx, v, srv, { isAdmin: ctx.authProject().isAdmin, show: true }) });
  });

  novaRoute(router, 'PUT', '/servers/{server_id}', async ({ ctx, v }) => {
    const auth = ctx.authProject();
    const srv = getServer(ctx, ctx.params.server_id);
    const body = await objectBody(ctx);
    const upd = body.server as Record<string, unknown> | undefined;
    if (!upd || typeof upd !== 'object' || Array.isArray(upd)) throw invalidInput('server', body, "'server' is a required property");
    const allowed = ['name', 'accessIPv4', 'accessIPv6', 'OS-DCF:diskConfig', ...(v.ge('2.19') ? ['description'] : []), ...(v.ge('2.90') ? ['hostname'] : [])];
    for (const k of Object.keys(upd)) {
      if (!allowed.includes(k)) throw novaBadRequest(`Invalid input for field/attribute server. Value: ${JSON.stringify(upd)}. Additional properties are not allowed ('${k}' was unexpected)`);
    }
    if (upd.name !== undefined) {
      if (typeof upd.name !== 'string' || !upd.name.trim() || upd.name.length > 255) throw invalidInput('name', upd.name, `'${String(upd.name)}' does not match`);
      srv.name = upd.name;
    }
    if (upd.description !== undefined) {
      if (upd.description !== null && (typeof upd.description !== 'string' || upd.description.length > 255)) throw invalidInput('description', upd.description, 'is not valid');
      srv.description = upd.description as string | null;
    }
    if (typeof upd.accessIPv4 === 'string') srv.access_ipv4 = upd.accessIPv4;
    if (typeof upd.accessIPv6 === 'string') srv.access_ipv6 = upd.accessIPv6;
    if (typeof upd.hostname === 'string') srv.hostname = upd.hostname;
    srv.updated = isoZ(core.clock.now());
    return json(200, { server: renderServer(core, ctx, v, srv, { isAdmin: auth.isAdmin, show: true }) });
  });

  novaRoute(router, 'DELETE', '/servers/{server_id}', ({ ctx, requestId }) => {
    const auth = ctx.authProject();
    const srv = getServer(ctx, ctx.params.server_id);
    checkLock(srv, auth.isAdmin);
    if (srv.task_state === 'deleting') return { status: 204 };
    srv.task_state = 'deleting';
    srv.updated = isoZ(core.clock.now());
    recordAction(core, srv, 'delete', requestId, auth.user.id, auth.project.id, 'compute_terminate_instance', 1);
    releaseResources(core, s, srv);
    srv.has_ports = false;
    schedule(srv, core.clock, [[1.5, { deleted: true }]]);
    return { status: 204 };
  });
}
