import type { CloudCore } from '../../core/cloud';
import { badRequest, notFound } from '../../core/errors';
import { json } from '../../core/reply';
import type { VolumeRouter } from './microversion';
import { AZ, cinderTime, DEFAULT_QUOTAS, getVolume, HOST, quotaLimits, settleAll, usage, type QuotaLimits, type Volume } from './model';
import { attach, detach } from './ops';
import { pageOf } from './volumes';
import type { View } from './render';
import { policyDenied } from './parse';

export function miscRoutes(core: CloudCore, r: VolumeRouter): void {
  const p = '/v3/{project_id}';

  // Limits and quotas
  r.get(`${p}/limits`, (_ctx, view) => {
    const s = settleAll(core);
    const l = quotaLimits(s, view.projectId);
    const u = usage(s, view.projectId);
    return json(200, {
      limits: {
        rate: [],
        absolute: {
          maxTotalVolumes: l.volumes,
          maxTotalSnapshots: l.snapshots,
          maxTotalVolumeGigabytes: l.gigabytes,
          maxTotalBackups: l.backups,
          maxTotalBackupGigabytes: l.backup_gigabytes,
          totalVolumesUsed: u.volumes,
          totalGigabytesUsed: u.gigabytes,
          totalSnapshotsUsed: u.snapshots,
          totalBackupsUsed: u.backups,
          totalBackupGigabytesUsed: u.backup_gigabytes,
        },
      },
    });
  });

  const quotaDoc = (projectId: string, withUsage: boolean) => {
    const s = settleAll(core);
    const l = quotaLimits(s, projectId);
    const u = usage(s, projectId);
    const used: Record<string, number> = {
      volumes: u.volumes, snapshots: u.snapshots, gigabytes: u.gigabytes, per_volume_gigabytes: 0, backups: u.backups, backup_gigabytes: u.backup_gigabytes, groups: 0,
    };
    const entries: Array<[string, number, number]> = [
      ['volumes', l.volumes, used.volumes],
      ['per_volume_gigabytes', l.per_volume_gigabytes, 0],
      ['snapshots', l.snapshots, used.snapshots],
      ['gigabytes', l.gigabytes, used.gigabytes],
      ['backups', l.backups, used.backups],
      ['backup_gigabytes', l.backup_gigabytes, used.backup_gigabytes],
    ];
    for (const t of s.types) {
      const vols = s.volumes.filter((v) => v.project_id === projectId && v.volume_type_id === t.id);
      const gb = vols.reduce((n, v) => n + v.size, 0) + s.snapshots.filter((x) => x.project_id === projectId && vols.some((v) => v.id === x.volume_id)).reduce((n, x) => n + x.size, 0);
      const snaps = s.snapshots.filter((x) => x.project_id === projectId && vols.some((v) => v.id === x.volume_id)).length;
      entries.push([`volumes_${t.name}`, -1, vols.length], [`gigabytes_${t.name}`, -1, gb], [`snapshots_${t.name}`, -1, snaps]);
    }
    entries.push(['groups', l.groups, 0]);
    const doc: Record<string, unknown> = {};
    for (const [k, limit, inUse] of entries) doc[k] = withUsage ? { limit, in_use: inUse, reserved: 0 } : limit;
    doc.id = projectId;
    return doc;
  };
  const canSee = (view: View, projectId: string) => {
    if (!view.isAdmin && projectId !== view.projectId) throw policyDenied('volume_extension:quotas:show');
  };
  r.get(`${p}/os-quota-sets/{target}`, (ctx, view) => {
    canSee(view, ctx.params.target);
    const u = (ctx.query.get('usage') ?? '').toLowerCase();
    return json(200, { quota_set: quotaDoc(ctx.params.target, ['true', '1', 'yes', 't'].includes(u)) });
  });
  r.get(`${p}/os-quota-sets/{target}/defaults`, (ctx) => json(200, { quota_set: { ...quotaDefaults(), id: ctx.params.target } }));
  r.put(`${p}/os-quota-sets/{target}`, async (ctx, view) => {
    if (!view.isAdmin) throw policyDenied('volume_extension:quotas:update');
    const body = (await ctx.json()) as { quota_set?: Record<string, unknown> };
    if (!body?.quota_set || typeof body.quota_set !== 'object') throw badRequest("Missing required element 'quota_set' in request body.");
    const s = settleAll(core);
    const current = { ...s.quotas[ctx.params.target] };
    for (const [k, v] of Object.entries(body.quota_set)) {
      if (k === 'tenant_id' || k === 'id') continue;
      if (!(k in DEFAULT_QUOTAS)) {
        if (/^(volumes|gigabytes|snapshots)_/.test(k)) continue;
        throw badRequest(`Bad key(s) in quota set: ${k}`);
      }
      // Cinder's validate_integer: int(str(value)), then the minimum.
      const n = /^\s*[-+]?\d+\s*$/.test(String(v)) ? Number(String(v)) : NaN;
      if (!Number.isInteger(n)) throw badRequest(`${k} must be an integer`);
      if (n < -1) throw badRequest(`${k} must be >= -1`);
      current[k as keyof QuotaLimits] = n;
    }
    s.quotas[ctx.params.target] = current;
    const doc = quotaDoc(ctx.params.target, false);
    delete doc.id;
    return json(200, { quota_set: doc });
  });
  r.delete(`${p}/os-quota-sets/{target}`, (ctx, view) => {
    if (!view.isAdmin) throw policyDenied('volume_extension:quotas:delete');
    delete settleAll(core).quotas[ctx.params.target];
    return { status: 200 };
  });

  // Services: the demo cloud runs a backup service too (the real test cloud does not start cinder-backup).
  r.get(`${p}/os-services`, (ctx, view) => {
    if (!view.isAdmin) throw policyDenied('volume_extension:services:index');
    const updated = cinderTime(Math.floor(core.clock.now() / 1000) * 1000);
    const services = [
      { binary: 'cinder-volume', host: HOST.split('#')[0], volume: true },
      { binary: 'cinder-scheduler', host: 'demo-cloud', volume: false },
      { binary: 'cinder-backup', host: 'demo-cloud', volume: false },
    ]
      .filter((x) => (ctx.query.get('binary') ?? x.binary) === x.binary && (ctx.query.get('host') ?? x.host) === x.host)
      .map((x) => {
        const doc: Record<string, unknown> = {
          binary: x.binary, host: x.host, zone: AZ, status: 'enabled', state: 'up', updated_at: updated, disabled_reason: null,
        };
        if (view.mv >= 7) doc.cluster = null;
        if (x.volume) {
          doc.replication_status = 'disabled';
          doc.active_backend_id = null;
          doc.frozen = false;
          if (view.mv >= 49) doc.backend_state = 'up';
        }
        return doc;
      });
    return json(200, { services });
  });

  r.get(`${p}/os-availability-zone`, () => json(200, { availabilityZoneInfo: [{ zoneName: AZ, zoneState: { available: true } }] }));

  // User messages (3.3+)
  const messageView = (m: ReturnType<typeof settleAll>['messages'][number], view: View) => ({
    id: m.id,
    message_level: m.message_level,
    user_message: m.user_message,
    event_id: m.event_id,
    created_at: m.created_at,
    guaranteed_until: m.guaranteed_until,
    request_id: m.request_id,
    resource_uuid: m.resource_uuid,
    resource_type: m.resource_type,
    links: [{ rel: 'self', href: `${view.ctx.serviceUrl}/v3/${m.project_id}/messages/${m.id}` }],
  });
  r.get(`${p}/messages`, (ctx, view) => {
    if (view.mv < 3) throw notFound('The resource could not be found.');
    const mine = settleAll(core).messages.filter((m) => view.isAdmin || m.project_id === view.projectId);
    if (view.mv < 5) return json(200, { messages: mine.map((m) => messageView(m, view)) });
    // 3.5+: sort, limit and marker as on the other lists (Cinder's common pagination), a next link when cut.
    const page = pageOf(ctx, mine, 'messages', 'messages_links');
    return json(200, { messages: page.items.map((m) => messageView(m, view)), ...page.links });
  });
  r.get(`${p}/messages/{message_id}`, (ctx, view) => {
    const m = settleAll(core).messages.find((x) => x.id === ctx.params.message_id && (view.isAdmin || x.project_id === view.projectId));
    if (!m || view.mv < 3) throw notFound(`Message ${ctx.params.message_id} could not be found.`);
    return json(200, { message: messageView(m, view) });
  });
  r.delete(`${p}/messages/{message_id}`, (ctx, view) => {
    const s = settleAll(core);
    const i = s.messages.findIndex((x) => x.id === ctx.params.message_id && (view.isAdmin || x.project_id === view.projectId));
    if (i < 0) throw notFound(`Message ${ctx.params.message_id} could not be found.`);
    s.messages.splice(i, 1);
    return { status: 204 };
  });

  // Attachments API (3.27+), enough for Nova's new-style attach flow.
  const findAttachment = (id: string, view: View): { volume: Volume; index: number } => {
    for (const v of settleAll(core).volumes) {
      if (!view.isAdmin && v.project_id !== view.projectId) continue;
      const index = v.attachments.findIndex((a) => a.attachment_id === id);
      if (index >= 0) return { volume: v, index };
    }
    throw notFound(`VolumeAttachment ${id} could not be found.`);
  };
  const attachmentView = (volume: Volume, index: number) => {
    const a = volume.attachments[index];
    return {
      id: a.attachment_id,
      status: a.attach_status,
      instance: a.server_id,
      volume_id: volume.id,
      attached_at: a.attached_at,
      detached_at: null,
      attach_mode: a.attach_mode,
      connection_info: a.connector ? { driver_volume_type: 'iscsi', attachment_id: a.attachment_id, volume_id: volume.id, access_mode: a.attach_mode } : {},
    };
  };
  const needs27 = (view: View) => {
    if (view.mv < 27) throw notFound('The resource could not be found.');
  };
  r.get(`${p}/attachments`, (_ctx, view) => {
    needs27(view);
    const out = settleAll(core).volumes
      .filter((v) => view.isAdmin || v.project_id === view.projectId)
      .flatMap((v) => v.attachments.map((a, i) => ({ id: a.attachment_id, status: attachmentView(v, i).status, instance: a.server_id, volume_id: v.id })));
    return json(200, { attachments: out });
  });
  r.get(`${p}/attachments/detail`, (_ctx, view) => {
    needs27(view);
    const out = settleAll(core).volumes
      .filter((v) => view.isAdmin || v.project_id === view.projectId)
      .flatMap((v) => v.attachments.map((_a, i) => attachmentView(v, i)));
    return json(200, { attachments: out });
  });
  r.get(`${p}/attachments/{attachment_id}`, (ctx, view) => {
    needs27(view);
    const { volume, index } = findAttachment(ctx.params.attachment_id, view);
    return json(200, { attachment: attachmentView(volume, index) });
  });
  r.post(`${p}/attachments`, async (ctx, view) => {
    needs27(view);
    const body = (await ctx.json()) as { attachment?: Record<string, unknown> };
    const a = body?.attachment;
    if (!a || typeof a.volume_uuid !== 'string') throw badRequest("Invalid input for field/attribute attachment. Value: {}. 'volume_uuid' is a required property");
    const volume = getVolume(core, a.volume_uuid, view.isAdmin ? null : view.projectId);
    const att = attach(core, volume, {
      serverId: typeof a.instance_uuid === 'string' ? a.instance_uuid : null,
      mode: a.mode === 'ro' ? 'ro' : 'rw',
    });
    // Without a connector the attachment stays reserved until PUT + os-complete.
    delete volume._pending;
    att.attach_status = a.connector ? 'attaching' : 'reserved';
    volume.status = a.connector ? 'attaching' : 'reserved';
    if (a.connector && typeof a.connector === 'object') att.connector = a.connector as Record<string, unknown>;
    return json(200, { attachment: attachmentView(volume, volume.attachments.indexOf(att)) });
  });
  r.put(`${p}/attachments/{attachment_id}`, async (ctx, view) => {
    needs27(view);
    const body = (await ctx.json()) as { attachment?: { connector?: unknown } };
    if (!body?.attachment || typeof body.attachment.connector !== 'object' || body.attachment.connector === null) {
      throw badRequest("Invalid input for field/attribute attachment. Value: {}. 'connector' is a required property");
    }
    const { volume, index } = findAttachment(ctx.params.attachment_id, view);
    const att = volume.attachments[index];
    att.connector = body.attachment.connector as Record<string, unknown>;
    att.attach_status = 'attaching';
    volume.status = 'attaching';
    return json(200, { attachment: attachmentView(volume, index) });
  });
  r.post(`${p}/attachments/{attachment_id}/action`, async (ctx, view) => {
    needs27(view);
    const body = (await ctx.json()) as Record<string, unknown>;
    if (!body || !('os-complete' in body)) throw badRequest('There is no such action');
    const { volume, index } = findAttachment(ctx.params.attachment_id, view);
    const att = volume.attachments[index];
    att.attach_status = 'attached';
    att.attached_at = new Date(core.clock.now()).toISOString().replace('Z', '');
    volume.status = 'in-use';
    return { status: 204 };
  });
  r.delete(`${p}/attachments/{attachment_id}`, (ctx, view) => {
    needs27(view);
    const { volume, index } = findAttachment(ctx.params.attachment_id, view);
    const att = volume.attachments[index];
    if (att.attach_status === 'reserved') {
      volume.attachments.splice(index, 1);
      volume.status = volume.attachments.length ? 'in-use' : 'available';
    } else {
      detach(core, volume, { attachmentId: att.attachment_id });
    }
    return json(200, { attachments: [] });
  });
}

function quotaDefaults() {
  return {
    volumes: DEFAULT_QUOTAS.volumes,
    per_volume_gigabytes: DEFAULT_QUOTAS.per_volume_gigabytes,
    snapshots: DEFAULT_QUOTAS.snapshots,
    gigabytes: DEFAULT_QUOTAS.gigabytes,
    backups: DEFAULT_QUOTAS.backups,
    backup_gigabytes: DEFAULT_QUOTAS.backup_gigabytes,
    volumes___DEFAULT__: -1,
    gigabytes___DEFAULT__: -1,
    snapshots___DEFAULT__: -1,
    groups: DEFAULT_QUOTAS.groups,
  };
}
