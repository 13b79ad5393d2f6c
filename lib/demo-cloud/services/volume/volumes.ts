import { createHash } from 'node:crypto';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, notFound } from '../../core/errors';
import { json, type Reply } from '../../core/reply';
import { schedule } from '../../core/transitions';
import { createImageFromVolume } from '../image/api';
import type { VolumeRouter } from './microversion';
import { checkQuota, cinderTime, getVolume, settleAll, type Volume, type VolumeState, type VolumeType } from './model';
import { attach, createVolume, deleteVolume, detach, invalidVolume } from './ops';
import { volumeDetail, volumeSummary, type View } from './render';
import { UUID_RE, policyDenied, asObject, fieldError, optString, metadataOf, sizeOf, boolOf, invalidInput } from './parse';

export function pageOf<T extends { id: string; created_at: string }>(
  ctx: RequestContext,
  all: T[],
  collection: string,
  linksKey: string,
): { items: T[]; links: Record<string, unknown> } {
  const q = ctx.query;
  let sort: Array<[string, 'asc' | 'desc']> = [];
  const sortParam = q.get('sort');
  if (sortParam) {
    for (const part of sortParam.split(',')) {
      const [key, dir = 'desc'] = part.split(':');
      if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Unknown sort direction, must be 'desc' or 'asc'`);
      sort.push([key.trim(), dir]);
    }
  } else if (q.get('sort_key')) {
    const dir = q.get('sort_dir') ?? 'desc';
    if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Unknown sort direction, must be 'desc' or 'asc'`);
    sort.push([q.get('sort_key')!, dir]);
  }
  if (sort.length === 0) sort = [['created_at', 'desc']];
  if (!sort.some(([k]) => k === 'id')) sort.push(['id', sort[0][1]]);
  const sorted = [...all].sort((a, b) => {
    for (const [k, dir] of sort) {
      const av = (a as Record<string, unknown>)[k];
      const bv = (b as Record<string, unknown>)[k];
      if (av === bv) continue;
      const c = av === null || av === undefined ? -1 : bv === null || bv === undefined ? 1 : typeof av === 'number' && typeof bv === 'number' ? av - bv : String(av) < String(bv) ? -1 : 1;
      return dir === 'asc' ? c : -c;
    }
    return 0;
  });
  let limit = 1000;
  const rawLimit = q.get('limit');
  if (rawLimit !== null) {
    if (!/^-?\d+$/.test(rawLimit)) throw badRequest('limit param must be an integer');
    limit = Number(rawLimit);
    if (limit < 0) throw badRequest('limit param must be positive');
    limit = Math.min(limit, 1000);
  }
  let start = 0;
  const marker = q.get('marker');
  if (marker !== null) {
    const i = sorted.findIndex((x) => x.id === marker);
    if (i < 0) throw notFound(`Marker ${marker} could not be found.`);
    start = i + 1;
  }
  const items = sorted.slice(start, start + limit);
  const links: Record<string, unknown> = {};
  if (items.length > 0 && items.length === limit && (rawLimit !== null || start + limit < sorted.length)) {
    const next = new URL(ctx.url.href);
    next.searchParams.delete('marker');
    next.searchParams.append('marker', items[items.length - 1].id);
    if (!next.searchParams.has('limit')) next.searchParams.set('limit', String(limit));
    links[linksKey] = [{ rel: 'next', href: next.toString() }];
  }
  void collection;
  return { items, links };
}

export function rejectLikeFilters(ctx: RequestContext): void {
  const like = [...ctx.query.keys()].filter((k) => k.endsWith('~'));
  if (like.length) throw badRequest(`Invalid filters ${like.join(', ')} are found in query options.`);
}

function visibleVolumes(s: VolumeState, view: View, ctx: RequestContext): Volume[] {
  const allTenants = view.isAdmin && ctx.flag('all_tenants');
  const q = ctx.query;
  const project = allTenants ? q.get('project_id') : view.projectId;
  let meta: Record<string, string> | null = null;
  if (q.get('metadata')) {
    try {
      meta = JSON.parse(q.get('metadata')!.replace(/'/g, '"')) as Record<string, string>;
    } catch {
      meta = null;
    }
  }
  // Zed's default resource_filters.json has no like filters: `name~` is refused, as real Cinder does.
  rejectLikeFilters(ctx);
  return s.volumes.filter((v) => {
    if (project && v.project_id !== project) return false;
    const name = q.get('name');
    if (name !== null && v.name !== name) return false;
    const status = q.get('status');
    if (status !== null && v.status !== status) return false;
    const bootable = q.get('bootable');
    if (bootable !== null && String(v.bootable) !== bootable.toLowerCase()) return false;
    const az = q.get('availability_zone');
    if (az !== null && v.availability_zone !== az) return false;
    if (meta) for (const [k, x] of Object.entries(meta)) if (v.metadata[k] !== x) return false;
    return true;
  });
}

/** GET <base> and <base>/detail: filtered, paged (`<collection>_links`), with `count` from 3.45 when asked. */
export function listRoutes<T extends { id: string; created_at: string }>(
  core: CloudCore,
  r: VolumeRouter,
  base: string,
  collection: string,
  visible: (s: VolumeState, view: View, ctx: RequestContext) => T[],
  detail: (view: View, s: VolumeState, x: T) => unknown,
  summary: (view: View, x: T) => unknown,
): void {
  const list = (withDetail: boolean) => (ctx: RequestContext, view: View): Reply => {
    const s = settleAll(core);
    const all = visible(s, view, ctx);
    const { items, links } = pageOf(ctx, all, collection, `${collection}_links`);
    const body: Record<string, unknown> = {
      [collection]: items.map((x) => (withDetail ? detail(view, s, x) : summary(view, x))),
      ...links,
    };
    if (view.mv >= 45 && ctx.flag('with_count')) body.count = all.length;
    return json(200, body);
  };
  r.get(base, list(false));
  r.get(`${base}/detail`, list(true));
}

export function volumeRoutes(core: CloudCore, r: VolumeRouter): void {
  const base = '/v3/{project_id}/volumes';

  listRoutes(core, r, base, 'volumes', visibleVolumes, volumeDetail, volumeSummary);

  r.post(base, async (ctx, view) => {
    const auth = ctx.authProject();
    const v = asObject(await ctx.json(), 'volume');
    const s = settleAll(core);
    const size = v.size === undefined || v.size === null ? undefined : sizeOf(v.size);
    const snapshotId = optString(v, 'snapshot_id') ?? undefined;
    const sourceVolid = optString(v, 'source_volid') ?? undefined;
    const imageRef = (optString(v, 'imageRef') ?? optString(v, 'image_id')) ?? undefined;
    if (size === undefined && !snapshotId && !sourceVolid) {
      throw badRequest('The server could not comply with the request since it is either malformed or otherwise incorrect.');
    }
    for (const [field, id] of [['snapshot_id', snapshotId], ['source_volid', sourceVolid]] as const) {
      if (id !== undefined && !UUID_RE.test(id)) throw fieldError(field, id, `'${id}' is not a 'uuid'`);
    }
    let volumeTypeId: string | undefined;
    const typeName = optString(v, 'volume_type');
    if (typeName) {
      const t = s.types.find((x) => x.id === typeName || x.name === typeName);
      if (!t) throw notFound(`Volume type with name ${typeName} could not be found.`);
      volumeTypeId = t.id;
    }
    const volume = createVolume(core, {
      projectId: view.projectId,
      userId: auth.user.id,
      isAdmin: view.isAdmin,
      size,
      name: optString(v, 'name'),
      description: optString(v, 'description'),
      volumeTypeId,
      availabilityZone: optString(v, 'availability_zone') ?? undefined,
      imageId: imageRef,
      snapshotId,
      sourceVolumeId: sourceVolid,
      metadata: metadataOf(v),
      multiattach: v.multiattach === undefined ? undefined : boolOf(v.multiattach, 'multiattach'),
    });
    return json(202, { volume: volumeDetail(view, s, volume, { created: true }) });
  });

  const load = (ctx: RequestContext, view: View) => getVolume(core, ctx.params.volume_id, view.isAdmin ? null : view.projectId);

  r.get(`${base}/{volume_id}`, (ctx, view) => json(200, { volume: volumeDetail(view, settleAll(core), load(ctx, view)) }));

  r.put(`${base}/{volume_id}`, async (ctx, view) => {
    const v = asObject(await ctx.json(), 'volume');
    const volume = load(ctx, view);
    const allowed = ['name', 'description', 'metadata', 'display_name', 'display_description'];
    if (!Object.keys(v).some((k) => allowed.includes(k))) {
      throw badRequest('The server could not comply with the request since it is either malformed or otherwise incorrect.');
    }
    const name = optString(v, 'name') ?? optString(v, 'display_name');
    const description = optString(v, 'description', 65535) ?? optString(v, 'display_description', 65535);
    const metadata = metadataOf(v);
    if ('name' in v || 'display_name' in v) volume.name = name ?? null;
    if ('description' in v || 'display_description' in v) volume.description = description ?? null;
    if (metadata) volume.metadata = metadata;
    volume.updated_at = cinderTime(core.clock.now());
    return json(200, { volume: volumeDetail(view, settleAll(core), volume) });
  });

  r.delete(`${base}/{volume_id}`, (ctx, view) => {
    const volume = load(ctx, view);
    deleteVolume(core, volume, { cascade: ctx.flag('cascade'), force: view.isAdmin && ctx.flag('force') });
    return { status: 202 };
  });

  // Metadata
  r.get(`${base}/{volume_id}/metadata`, (ctx, view) => {
    const body = { metadata: { ...load(ctx, view).metadata } };
    // Cinder's metadata GET is served with an ETag (and webob's text/html content type).
    const etag = createHash('md5').update(JSON.stringify(body)).digest('hex');
    return json(200, body, { Etag: etag, 'content-type': 'text/html; charset=UTF-8' });
  });
  const setMeta = (replace: boolean) => async (ctx: RequestContext, view: View): Promise<Reply> => {
    const body = await ctx.json();
    const meta = metadataOf((body ?? {}) as Record<string, unknown>);
    if (!meta) throw badRequest('Malformed request body');
    const volume = load(ctx, view);
    if (volume.status === 'maintenance') throw invalidVolume('Updating volume metadata is not allowed for volumes in maintenance status.');
    volume.metadata = replace ? meta : { ...volume.metadata, ...meta };
    volume.updated_at = cinderTime(core.clock.now());
    return json(200, { metadata: { ...volume.metadata } });
  };
  r.post(`${base}/{volume_id}/metadata`, setMeta(false));
  r.put(`${base}/{volume_id}/metadata`, setMeta(true));
  r.get(`${base}/{volume_id}/metadata/{key}`, (ctx, view) => {
    const volume = load(ctx, view);
    const value = volume.metadata[ctx.params.key];
    if (value === undefined) throw notFound(`Volume ${volume.id} has no metadata with key ${ctx.params.key}.`);
    return json(200, { meta: { [ctx.params.key]: value } });
  });
  r.put(`${base}/{volume_id}/metadata/{key}`, async (ctx, view) => {
    const body = (await ctx.json()) as { meta?: Record<string, unknown> };
    const meta = metadataOf((body ?? {}) as Record<string, unknown>, 'meta');
    if (!meta || !(ctx.params.key in meta)) throw badRequest('Request body and URI mismatch');
    if (Object.keys(meta).length > 1) throw badRequest('Request body contains too many items');
    const volume = load(ctx, view);
    volume.metadata[ctx.params.key] = meta[ctx.params.key];
    return json(200, { meta });
  });
  r.delete(`${base}/{volume_id}/metadata/{key}`, (ctx, view) => {
    const volume = load(ctx, view);
    if (!(ctx.params.key in volume.metadata)) throw notFound(`Volume ${volume.id} has no metadata with key ${ctx.params.key}.`);
    delete volume.metadata[ctx.params.key];
    return { status: 200 };
  });

  r.post(`${base}/{volume_id}/action`, async (ctx, view) => {
    const body = await ctx.json();
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length !== 1) {
      throw badRequest('The server could not comply with the request since it is either malformed or otherwise incorrect.');
    }
    const [action, rawArgs] = Object.entries(body as Record<string, unknown>)[0];
    const args = (typeof rawArgs === 'object' && rawArgs !== null ? rawArgs : {}) as Record<string, unknown>;
    const handler = ACTIONS[action];
    if (!handler) throw badRequest(`There is no such action: ${action}. Verify the request body and Content-Type header and try again.`);
    const volume = load(ctx, view);
    return handler({ core, ctx, view, volume, args });
  });
}

interface ActionInput {
  core: CloudCore;
  ctx: RequestContext;
  view: View;
  volume: Volume;
  args: Record<string, unknown>;
}

const accepted = (): Reply => ({ status: 202 });

const adminOnly = (view: View, rule: string) => {
  if (!view.isAdmin) throw policyDenied(rule);
};

const ACTIONS: Record<string, (a: ActionInput) => Reply> = {
  'os-extend': ({ core, view, volume, args }) => {
    if (args.new_size === undefined) throw badRequest("Invalid input for field/attribute os-extend. Value: {}. 'new_size' is a required property");
    const newSize = sizeOf(args.new_size, 'new_size');
    const allowed = view.mv >= 42 ? ['available', 'in-use'] : ['available'];
    if (!allowed.includes(volume.status)) {
      const expected = allowed.length > 1 ? `{'status': ('available', 'in-use')}` : `{'status': 'available'}`;
      throw invalidVolume(`Volume ${volume.id} status must be '${expected}' to extend, currently ${volume.status}.`);
    }
    if (newSize <= volume.size) {
      throw invalidInput(`New size for extend must be greater than current size. (current: ${volume.size}, extended: ${newSize}).`);
    }
    checkQuota(settleAll(core), volume.project_id, { gigabytes: newSize - volume.size });
    const back = volume.status;
    volume.status = 'extending';
    volume.updated_at = cinderTime(core.clock.now());
    schedule(volume, core.clock, [[1, { status: back, size: newSize, updated_at: cinderTime(core.clock.after(1)) }]]);
    return accepted();
  },
  'os-set_bootable': ({ volume, args }) => {
    if (args.bootable === undefined) throw badRequest("Invalid input for field/attribute os-set_bootable. Value: {}. 'bootable' is a required property");
    volume.bootable = boolOf(args.bootable, 'bootable');
    return { status: 200 };
  },
  'os-update_readonly_flag': ({ args }) => {
    boolOf(args.readonly, 'readonly');
    return accepted();
  },
  'os-reset_status': ({ core, view, volume, args }) => {
    adminOnly(view, 'volume_extension:volume_admin_actions:reset_status');
    const valid = ['available', 'error', 'creating', 'deleting', 'in-use', 'attaching', 'detaching', 'error_deleting', 'maintenance', 'reserved', 'error_extending', 'extending', 'downloading', 'uploading', 'retyping', 'backing-up', 'restoring-backup'];
    if (args.status !== undefined && !valid.includes(String(args.status))) {
      throw fieldError('status', args.status, `'${String(args.status)}' is not one of ${JSON.stringify(valid)}`);
    }
    delete volume._pending;
    if (args.status !== undefined) volume.status = String(args.status);
    if (args.attach_status === 'detached') volume.attachments = [];
    if (args.migration_status !== undefined) volume.migration_status = args.migration_status === 'none' ? null : String(args.migration_status);
    volume.updated_at = cinderTime(core.clock.now());
    return accepted();
  },
  'os-force_delete': ({ core, view, volume }) => {
    adminOnly(view, 'volume_extension:volume_admin_actions:force_delete');
    deleteVolume(core, volume, { force: true });
    return accepted();
  },
  'os-reserve': ({ core, volume }) => {
    const expected = volume.multiattach ? ['available', 'in-use'] : ['available'];
    if (!expected.includes(volume.status)) {
      throw invalidVolume(`Volume status must be ${expected.join(' or ')} to reserve, but the status is ${volume.status}.`);
    }
    delete volume._pending;
    volume.status = 'attaching';
    volume.updated_at = cinderTime(core.clock.now());
    return accepted();
  },
  'os-unreserve': ({ core, volume }) => {
    if (volume.status === 'attaching') volume.status = volume.attachments.some((a) => a.attach_status === 'attached') ? 'in-use' : 'available';
    volume.updated_at = cinderTime(core.clock.now());
    return accepted();
  },
  'os-attach': ({ core, volume, args }) => {
    const serverId = typeof args.instance_uuid === 'string' ? args.instance_uuid : null;
    const host = typeof args.host_name === 'string' ? args.host_name : null;
    if (!serverId && !host) throw badRequest('Invalid request to attach volume to an invalid target');
    if (args.mode !== undefined && args.mode !== 'rw' && args.mode !== 'ro') throw badRequest('Invalid request to attach volume with an invalid mode. Attaching mode should be \'rw\' or \'ro\'');
    if (volume.status === 'attaching') volume.status = 'available'; // reserved by os-reserve
    attach(core, volume, {
      serverId,
      hostName: host,
      device: typeof args.mountpoint === 'string' ? args.mountpoint : null,
      mode: args.mode === 'ro' ? 'ro' : 'rw',
      delay: 0,
    });
    return accepted();
  },
  'os-begin_detaching': ({ core, volume }) => {
    if (volume.status !== 'in-use') {
      throw invalidVolume(`Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.`);
    }
    volume.status = 'detaching';
    volume.updated_at = cinderTime(core.clock.now());
    return accepted();
  },
  'os-roll_detaching': ({ core, volume }) => {
    if (volume.status === 'detaching') volume.status = 'in-use';
    volume.updated_at = cinderTime(core.clock.now());
    return accepted();
  },
  'os-detach': ({ core, volume, args }) => {
    const attachmentId = typeof args.attachment_id === 'string' ? args.attachment_id : undefined;
    if (volume.status === 'detaching') volume.status = 'in-use';
    const target = attachmentId ? { attachmentId } : { attachmentId: volume.attachments[0]?.attachment_id };
    detach(core, volume, target);
    // os-detach completes synchronously in Cinder's API flow (the manager does the work).
    volume._pending = volume._pending?.map((p) => ({ ...p, at: core.clock.now() }));
    return accepted();
  },
  'os-volume_upload_image': ({ core, ctx, view, volume, args }) => {
    const force = args.force === true || String(args.force).toLowerCase() === 'true';
    const allowed = force ? ['available', 'in-use'] : ['available'];
    if (!allowed.includes(volume.status)) {
      throw invalidVolume(`Volume ${volume.id} status must be ${allowed.map((x) => `'${x}'`).join(' or ')}`);
    }
    if (typeof args.image_name !== 'string' || !args.image_name) {
      throw badRequest("Invalid input for field/attribute os-volume_upload_image. Value: {}. 'image_name' is a required property");
    }
    const diskFormat = typeof args.disk_format === 'string' ? args.disk_format : 'raw';
    if (!['raw', 'vmdk', 'vdi', 'qcow2', 'vhd', 'vhdx', 'ploop'].includes(diskFormat)) {
      throw invalidInput(`Invalid disk-format '${diskFormat}' is specified. Allowed disk-formats are raw, vmdk, vdi, qcow2, vhd, vhdx, ploop.`);
    }
    // Without a visibility Glance applies its default, shared (checked against Zed).
    const visibility = typeof args.visibility === 'string' ? args.visibility : 'shared';
    if (visibility === 'public' && !view.isAdmin) throw policyDenied('volume_extension:volume_actions:upload_public');
    const image = createImageFromVolume(core, {
      name: args.image_name,
      projectId: volume.project_id,
      volumeId: volume.id,
      sizeGb: volume.size,
      diskFormat,
      containerFormat: typeof args.container_format === 'string' ? args.container_format : 'bare',
      visibility: visibility as 'private',
      protected: args.protected === true,
    });
    const back = volume.status;
    volume.status = 'uploading';
    volume.updated_at = cinderTime(core.clock.now());
    schedule(volume, core.clock, [[3, { status: back, updated_at: cinderTime(core.clock.after(3)) }]]);
    void ctx;
    return {
      status: 202,
      body: {
        'os-volume_upload_image': {
          id: volume.id,
          updated_at: volume.updated_at,
          status: 'uploading',
          display_description: volume.description,
          size: volume.size,
          volume_type: typeRecord(settleAll(core).types.find((t) => t.id === volume.volume_type_id)),
          image_id: image.id,
          container_format: image.container_format,
          disk_format: image.disk_format,
          image_name: image.name,
          visibility: image.visibility,
          protected: image.protected,
        },
      },
    };
  },
  // Retype: in place when the backend can keep the volume (same extra specs and QoS), otherwise a migration that
  // only `on-demand` allows; with `never` (the default) the volume goes back to its old type, as Zed's manager does.
  'os-retype': ({ core, view, volume, args }) => {
    const extra = Object.keys(args).filter((k) => k !== 'new_type' && k !== 'migration_policy');
    if (extra.length) throw fieldError('os-retype', args, `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(', ')} ${extra.length > 1 ? 'were' : 'was'} unexpected)`);
    if (typeof args.new_type !== 'string') throw fieldError('os-retype', args, "'new_type' is a required property");
    const policy = args.migration_policy ?? 'never';
    if (policy !== 'never' && policy !== 'on-demand') throw fieldError('migration_policy', policy, `${JSON.stringify(policy).replace(/"/g, "'")} is not one of ['on-demand', 'never']`);
    const s = settleAll(core);
    const to = s.types.find((t) => t.id === args.new_type || t.name === args.new_type);
    if (!to) throw notFound(`Volume type with name ${args.new_type} could not be found.`);
    const from = s.types.find((t) => t.id === volume.volume_type_id);
    if (!['available', 'in-use'].includes(volume.status) || volume.migration_status === 'migrating' || to.id === volume.volume_type_id) {
      throw invalidVolume(
        'Retype needs volume to be in available or in-use state, not be part of an active migration or a consistency group, requested type has to be different that the one from the volume, and for in-use volumes front-end qos specs cannot change.',
      );
    }
    void view;
    const back = volume.status;
    const t = core.clock.now();
    volume.status = 'retyping';
    volume.updated_at = cinderTime(t);
    const done = cinderTime(core.clock.after(1));
    const sameBackend = JSON.stringify(sortedSpecs(from?.extra_specs)) === JSON.stringify(sortedSpecs(to.extra_specs)) && (from?.qos_specs_id ?? null) === (to.qos_specs_id ?? null);
    if (sameBackend) {
      schedule(volume, core.clock, [[1, { status: back, volume_type_id: to.id, updated_at: done }]]);
    } else if (policy === 'never') {
      schedule(volume, core.clock, [[1, { status: back, updated_at: done }]]);
    } else {
      volume.migration_status = 'starting';
      schedule(volume, core.clock, [
        [0.5, { migration_status: 'migrating' }],
        [2, { status: back, volume_type_id: to.id, migration_status: 'success', updated_at: cinderTime(core.clock.after(2.5)) }],
      ]);
    }
    return accepted();
  },
  'os-initialize_connection': ({ volume }) => ({
    status: 200,
    body: {
      connection_info: {
        driver_volume_type: 'iscsi',
        data: { target_discovered: false, target_iqn: `iqn.2010-10.org.openstack:volume-${volume.id}`, target_portal: '127.0.0.1:3260', target_lun: 1, volume_id: volume.id, access_mode: 'rw' },
      },
    },
  }),
  'os-terminate_connection': () => accepted(),
};

const sortedSpecs = (specs: Record<string, string> | undefined) => Object.entries(specs ?? {}).sort(([a], [b]) => a.localeCompare(b));

/** The full volume-type row Cinder embeds in os-volume_upload_image answers. */
function typeRecord(t: VolumeType | undefined) {
  if (!t) return null;
  return {
    id: t.id, name: t.name, description: t.description, is_public: t.is_public, extra_specs: { ...t.extra_specs },
    qos_specs_id: t.qos_specs_id ?? null, created_at: '2026-01-01T00:00:00.000000', updated_at: '2026-01-01T00:00:00.000000', deleted_at: null, deleted: false,
  };
}
