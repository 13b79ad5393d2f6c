import { randomBytes } from 'node:crypto';
import type { CloudCore } from '../../core/cloud';
import { forbidden, HttpError } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { schedule } from '../../core/transitions';
import { invalidInput, isoDb, isoZ, links, novaBadRequest, novaNotFound, objectBody, policyDenied, type ComputeDeps } from './common';
import * as x from './deps';
import { flavorVisible, snapshotOf } from './flavors';
import { novaRoute, type NovaRequest } from './microversion';
import { AZ, HOST, type ComputeState, type Flavor, type Server } from './model';
import { adminPass, checkLock, needsSettle, quotaOf, recordAction, releaseResources, settleServer, statusOf, usageOf } from './ops';
import { addServer, dropServer, serverIndex } from './order';
import { renderBrief, renderServer, renderServerList } from './render';

// Servers: create (image or boot-from-volume), list/detail with Nova's filters, sort and
// pagination, show, update, delete (ACTIVE -> task_state deleting -> gone).

export interface NewServer {
  name: string;
  projectId: string;
  userId: string;
  flavor: Flavor;
  imageId: string;
  keyName: string | null;
  metadata: Record<string, string>;
  description: string | null;
  userData: string | null;
  securityGroups: string[];
  reservationId: string;
  launchIndex: number;
  availabilityZone: string;
}

export function newServerRecord(core: CloudCore, s: ComputeState, n: NewServer, id = uuid()): Server {
  s.seq.instance += 1;
  const now = isoZ(core.clock.now());
  return {
    id,
    seq: s.seq.instance,
    name: n.name,
    project_id: n.projectId,
    user_id: n.userId,
    vm_state: 'building',
    task_state: 'scheduling',
    power_state: 0,
    created: now,
    updated: now,
    launched_at: null,
    image_id: n.imageId,
    flavor: snapshotOf(n.flavor),
    key_name: n.keyName,
    metadata: n.metadata,
    description: n.description,
    locked: false,
    locked_reason: null,
    tags: [],
    availability_zone: n.availabilityZone,
    host: '',
    instance_name: `instance-${s.seq.instance.toString(16).padStart(8, '0')}`,
    reservation_id: n.reservationId,
    launch_index: n.launchIndex,
    hostname: n.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'server',
    user_data: n.userData,
    config_drive: '',
    access_ipv4: '',
    access_ipv6: '',
    fault: null,
    has_ports: false,
    requested_security_groups: n.securityGroups,
    volumes: [],
    server_groups: [],
    actions: [],
  };
}

export const reservationId = () => `r-${randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 8)}`;

/** Lenient like Python's base64.b64decode: stray characters are dropped, the padding must fit. */
function validBase64(text: string): boolean {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  return clean.replace(/=+$/, '').indexOf('=') < 0 && clean.length % 4 === 0;
}

const idFromRef = (ref: string) => ref.replace(/\/+$/, '').split('/').pop() ?? ref;

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

    const failing = flavor.name.startsWith('fail-') || imageName.startsWith('fail-');
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
      startBuild(core, srv, failing);
      if (group) {
        group.members.push(srv.id);
        srv.server_groups.push(group.id);
      }
      // Nova's action_event_finish sets the action's message to 'Error' when an event fails.
      recordAction(core, srv, 'create', requestId, auth.user.id, auth.project.id, 'compute__do_build_and_run_instance', 4, failing ? 'Error' : null, failing ? 'Error' : 'Success');
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

  const list = (detail: boolean) =>
    novaRoute(router, 'GET', detail ? '/servers/detail' : '/servers', ({ ctx, v }) => {
      const auth = ctx.authProject();
      const q = ctx.query;
      const allTenants = q.has('all_tenants') && ctx.flag('all_tenants');
      if (allTenants && !auth.isAdmin) throw policyDenied('os_compute_api:servers:index:get_all_tenants');
      let scope: string | null = auth.project.id;
      if (auth.isAdmin && allTenants) scope = q.get('project_id') ?? q.get('tenant_id') ?? null;
      else if (auth.isAdmin && (q.get('project_id') || q.get('tenant_id'))) scope = q.get('project_id') ?? q.get('tenant_id');
      const filters: Array<(srv: Server) => boolean> = [];

      const name = q.get('name');
      if (name) {
        let re: RegExp;
        try {
          re = new RegExp(name);
        } catch {
          re = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        }
        filters.push((srv) => re.test(srv.name));
      }
      const statuses = q.getAll('status').map((st) => st.toUpperCase());
      if (statuses.length) {
        const known = ['ACTIVE', 'BUILD', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'PASSWORD', 'PAUSED', 'REBOOT', 'REBUILD', 'RESCUE', 'RESIZE', 'REVERT_RESIZE', 'SHELVED', 'SHELVED_OFFLOADED', 'SHUTOFF', 'SOFT_DELETED', 'SUSPENDED', 'UNKNOWN', 'VERIFY_RESIZE'];
        for (const st of statuses) if (!known.includes(st)) throw novaBadRequest(`Invalid status value`);
        filters.push((srv) => statuses.includes(statusOf(srv.vm_state, srv.task_state)));
      }
      const image = q.get('image');
      if (image) {
        const id = idFromRef(image);
        filters.push((srv) => srv.image_id === id);
      }
      const flavorQ = q.get('flavor');
      if (flavorQ) {
        const id = idFromRef(flavorQ);
        filters.push((srv) => srv.flavor.id === id);
      }
      const changes = q.get('changes-since') ?? q.get('changes_since');
      if (changes) {
        const t = Date.parse(changes);
        if (Number.isNaN(t)) throw invalidInput('changes-since', changes, `'${changes}' is not a 'date-time'`);
        filters.push((srv) => Date.parse(srv.updated) >= t - 999);
      }
      for (const key of ['key_name', 'availability_zone', 'user_id', 'reservation_id'] as const) {
        const val = q.get(key);
        if (!val) continue;
        filters.push((srv) => String(srv[key] ?? '') === val);
      }
      const ip = q.get('ip') ?? q.get('ip6');
      if (ip) {
        let re: RegExp;
        try {
          re = new RegExp(ip);
        } catch {
          re = new RegExp(ip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        }
        filters.push((srv) => {
          if (!srv.has_ports) return false;
          const addrs = x.serverAddresses(core, srv.id);
          return Object.values(addrs).some((list) => list.some((a) => re.test(a.addr)));
        });
      }
      const matches = (srv: Server) => {
        for (const f of filters) if (!f(srv)) return false;
        return true;
      };

      // Sort (default created_at desc, tie-broken by creation order).
      const sortKeys = q.getAll('sort_key');
      const sortDirs = q.getAll('sort_dir');
      const keyFns: Record<string, (srv: Server) => string | number> = {
        created_at: (srv) => srv.seq,
        updated_at: (srv) => srv.updated,
        display_name: (srv) => srv.name,
        uuid: (srv) => srv.id,
        vm_state: (srv) => srv.vm_state,
        task_state: (srv) => srv.task_state ?? '',
        power_state: (srv) => srv.power_state,
        launched_at: (srv) => srv.launched_at ?? '',
        key_name: (srv) => srv.key_name ?? '',
        availability_zone: (srv) => srv.availability_zone,
        hostname: (srv) => srv.hostname,
        image_ref: (srv) => srv.image_id,
        project_id: (srv) => srv.project_id,
        user_id: (srv) => srv.user_id,
        display_description: (srv) => srv.description ?? '',
        instance_type_id: (srv) => srv.flavor.id,
        progress: () => 0,
      };
      const keys = sortKeys.length ? sortKeys : ['created_at'];
      for (const k of keys) {
        if (!keyFns[k]) throw invalidInput('sort_key', k, `'${k}' is not one of [${Object.keys(keyFns).map((n) => `'${n}'`).join(', ')}]`);
      }
      for (const d of sortDirs) if (d !== 'asc' && d !== 'desc') throw invalidInput('sort_dir', d, `'${d}' is not one of ['asc', 'desc']`);

      let limit = 1000;
      const rawLimit = q.get('limit');
      if (rawLimit !== null) {
        const n = Number(rawLimit);
        if (!Number.isInteger(n) || n < 0) throw invalidInput('limit', rawLimit, `'${rawLimit}' does not match '^[0-9]*$'`);
        limit = Math.min(n, 1000);
      }
      const marker = q.get('marker');
      const markerNotFound = () => novaBadRequest(`marker [${marker}] not found`);

      const ordered = serverIndex(s).scope(scope);
      const page: Server[] = [];
      // Settles a candidate; false when it vanished (its delete finished) or is filtered out.
      const take = (srv: Server) => (!needsSettle(srv) || settleServer(core, s, srv) !== undefined) && matches(srv);
      const defaultOrder = (sortKeys.length === 0 && sortDirs.length === 0) || (keys.length === 1 && keys[0] === 'created_at' && (sortDirs[0] ?? 'desc') === 'desc');
      if (defaultOrder) {
        // Walk the ordered index from the marker (newest first), touching only the page's servers.
        let i = ordered.list.length - 1;
        if (marker !== null) {
          const at = ordered.pos.get(marker);
          if (at === undefined) throw markerNotFound();
          const m = ordered.list[at];
          if (needsSettle(m) && !settleServer(core, s, m)) throw markerNotFound();
          i = at - 1;
        }
        for (; i >= 0 && page.length < limit; i--) {
          const srv = ordered.list[i];
          if (take(srv)) page.push(srv);
        }
      } else {
        const specs = keys.map((k, i) => ({ fn: keyFns[k], dir: (sortDirs[i] ?? sortDirs[0] ?? 'desc') === 'asc' ? 1 : -1 }));
        if (!keys.includes('created_at')) specs.push({ fn: keyFns.created_at, dir: -1 });
        const items = ordered.list.filter(take);
        items.sort((a, b) => {
          for (const { fn, dir } of specs) {
            const x1 = fn(a), y1 = fn(b);
            if (x1 < y1) return -dir;
            if (x1 > y1) return dir;
          }
          return 0;
        });
        let start = 0;
        if (marker !== null) {
          const i = items.findIndex((srv) => srv.id === marker);
          if (i < 0) throw markerNotFound();
          start = i + 1;
        }
        page.push(...items.slice(start, start + limit));
      }

      // Nova's _get_collection_links: a next link whenever the page is full; the request's
      // parameters sorted, marker replaced or appended.
      let nextLinks: Array<{ rel: string; href: string }> | undefined;
      if (limit > 0 && page.length === limit) {
        const params = new Map<string, string>();
        for (const [k, val] of [...q.entries()].sort(([a, b], [c, d]) => (a < c ? -1 : a > c ? 1 : b < d ? -1 : b > d ? 1 : 0))) params.set(k, val);
        params.set('marker', page[page.length - 1].id);
        const base = `${ctx.serviceUrl}/v2.1/servers${detail ? '/detail' : ''}`;
        nextLinks = [{ rel: 'next', href: `${base}?${new URLSearchParams([...params]).toString()}` }];
      }
      // Bytes built here (cached per server for the detail view): the server then neither rescans a
      // string for its length nor encodes it again.
      const bytes = detail
        ? renderServerList(core, ctx, v, page, { isAdmin: auth.isAdmin }, nextLinks)
        : Buffer.from(JSON.stringify({ servers: page.map((srv) => renderBrief(ctx, srv)), ...(nextLinks ? { servers_links: nextLinks } : {}) }));
      return { status: 200, raw: bytes, contentType: 'application/json' };
    });
  list(false);
  list(true);

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

/** BUILD (scheduling -> networking -> spawning) then ACTIVE after 3-5 s nominal, or ERROR for fail- names. */
export function startBuild(core: CloudCore, srv: Server, failing: boolean): void {
  const spawnAt = 1 + Math.random() * 2;
  const doneAt = 2 + Math.random();
  const end = core.clock.after(1 + spawnAt - 1 + doneAt);
  if (failing) {
    const failAt = core.clock.after(2.5);
    schedule(srv, core.clock, [
      [1, { task_state: null as string | null, updated: isoZ(core.clock.after(1)) } as Partial<Server>],
      [1.5, {
        vm_state: 'error', task_state: null, power_state: 0, updated: isoZ(failAt),
        fault: {
          code: 500,
          message: 'No valid host was found. There are not enough hosts available.',
          created: isoZ(failAt),
          details: 'Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/nova/conductor/manager.py", line 1654, in schedule_and_build_instances\nnova.exception.NoValidHost: No valid host was found. There are not enough hosts available.\n',
        },
      }],
    ]);
    return;
  }
  schedule(srv, core.clock, [
    [1, { task_state: 'networking', host: HOST, updated: isoZ(core.clock.after(1)) }],
    [spawnAt - 1 + 0.5, { task_state: 'spawning', updated: isoZ(core.clock.after(spawnAt + 0.5)) }],
    [doneAt - 0.5, { vm_state: 'active', task_state: null, power_state: 1, launched_at: isoDb(end), updated: isoZ(end) }],
  ]);
}

function prepareVolumes(core: CloudCore, srv: Server, bdms: Array<Record<string, unknown>>, flavor: Flavor, projectId: string): void {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let n = 0;
  for (const b of bdms) {
    if ((b.destination_type ?? 'volume') !== 'volume') continue;
    const device = typeof b.device_name === 'string' ? b.device_name : `/dev/vd${letters[n]}`;
    n += 1;
    const deleteOnTermination = b.delete_on_termination === true || b.delete_on_termination === 'true' || b.delete_on_termination === 'True';
    const bdmId = uuid();
    const source = String(b.source_type);
    if (source === 'volume') {
      const volumeId = String(b.uuid ?? '');
      const vol = x.findVolume(core, volumeId);
      if (!vol || vol.project_id !== projectId) throw novaBadRequest(`Block Device Mapping is Invalid: failed to get volume ${volumeId}.`);
      (srv.pending_volumes ??= []).push({ volumeId, device, deleteOnTermination, bdmId });
    } else {
      const size = Number(b.volume_size ?? flavor.disk);
      if (!Number.isInteger(size) || size < 1) throw novaBadRequest('Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
      const vol = x.createBootVolume(core, {
        projectId,
        size,
        imageId: source === 'image' ? String(b.uuid ?? '') : undefined,
        snapshotId: source === 'snapshot' ? String(b.uuid ?? '') : undefined,
        name: '',
      });
      (srv.pending_volumes ??= []).push({ volumeId: vol.id, device, deleteOnTermination, bdmId });
    }
  }
}

export function fromVolumeNotFound(id: string) {
  return novaNotFound(`Volume ${id} could not be found.`);
}
