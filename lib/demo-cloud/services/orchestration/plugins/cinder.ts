// OS::Cinder::Volume and OS::Cinder::VolumeAttachment (heat/engine/resources/openstack/cinder/), through
// the demo cloud's Cinder API (volumes) and Nova's os-volume_attachments (attachments).
import type { Json, JsonMap } from '../model';
import { ResourceFailure } from './client';
import { imageId } from './lookup';
import { given, pick, restPlugin } from './rest';
import { attributesFrom, type Plugin, type PluginContext } from './types';

/** Cinder's statuses: creating/extending/... wait, `error*` fails (volume.py check_create_complete). */
function settled(want: string[]) {
  return (show: JsonMap): boolean => {
    const status = String(show.status);
    if (status.startsWith('error')) throw new ResourceFailure('ResourceInError', `Went to status ${status} due to "Unknown"`);
    return want.includes(status);
  };
}

const VOLUME_FIELDS = { size: 'size', description: 'description', availability_zone: 'availability_zone', snapshot_id: 'snapshot_id', source_volid: 'source_volid', volume_type: 'volume_type', metadata: 'metadata', backup_id: 'backup_id' };

async function volumeAction(ctx: PluginContext, body: JsonMap) {
  await ctx.api.post('volume', `/volumes/${ctx.res.physicalId}/action`, body);
}

const volume = restPlugin(
  {
    service: 'volume',
    collection: '/volumes',
    key: 'volume',
    body: async (ctx) => ({
      name: ctx.props.name ? String(ctx.props.name) : ctx.physicalName,
      ...pick(given(ctx), VOLUME_FIELDS),
      ...(ctx.props.image ? { imageRef: await imageId(ctx.api, String(ctx.props.image)) } : {}),
      ...(ctx.props.scheduler_hints ? { 'OS-SCH-HNT:scheduler_hints': ctx.props.scheduler_hints } : {}),
    }),
    ready: settled(['available', 'in-use']),
    check: (show) => (['available', 'in-use'].includes(String(show.status)) ? null : `'status': expected '['available', 'in-use']', got '${String(show.status)}'`),
    attributes: {
      availability_zone: (s) => s.availability_zone ?? null,
      size: (s) => s.size ?? null,
      snapshot_id: (s) => s.snapshot_id ?? null,
      display_name: (s) => s.name ?? null,
      display_description: (s) => s.description ?? null,
      volume_type: (s) => s.volume_type ?? null,
      metadata: (s) => JSON.stringify(s.metadata ?? {}),
      metadata_values: (s) => s.metadata ?? {},
      source_volid: (s) => s.source_volid ?? null,
      status: (s) => s.status ?? null,
      created_at: (s) => s.created_at ?? null,
      bootable: (s) => s.bootable ?? null,
      encrypted: (s) => s.encrypted ?? null,
      attachments: (s) => JSON.stringify(s.attachments ?? []),
      attachments_list: (s) => s.attachments ?? [],
      multiattach: (s) => s.multiattach ?? null,
    },
  },
  {
    // Grows with os-extend, renames in place, retypes; a smaller size is Heat's error, not a replacement.
    async update(ctx, changed, before) {
      const p = ctx.props;
      const basics = pick(p, { name: 'name', description: 'description' }, changed);
      if (Object.keys(basics).length) await ctx.api.put('volume', `/volumes/${ctx.res.physicalId}`, { volume: basics });
      if (changed.includes('metadata')) await ctx.api.put('volume', `/volumes/${ctx.res.physicalId}/metadata`, { metadata: (p.metadata ?? {}) as JsonMap });
      if (changed.includes('read_only')) await volumeAction(ctx, { 'os-update_readonly_flag': { readonly: p.read_only === true } });
      if (changed.includes('volume_type') && p.volume_type) await volumeAction(ctx, { 'os-retype': { new_type: p.volume_type, migration_policy: 'never' } });
      if (changed.includes('size')) {
        if (Number(p.size) < Number(before.size)) throw new ResourceFailure('NotSupported', `Shrinking volume is not supported.`);
        await volumeAction(ctx, { 'os-extend': { new_size: p.size } });
      }
    },
  },
);

async function volumeStatus(ctx: PluginContext, id: string): Promise<string | null> {
  const r = await ctx.api.get('volume', `/volumes/${id}`, [404]);
  return r.status === 404 ? null : String((r.body.volume as JsonMap).status);
}

const attachment: Plugin = {
  async create(ctx) {
    const p = ctx.props;
    const body: JsonMap = { volumeId: String(p.volume_id), ...(p.mountpoint ? { device: p.mountpoint } : {}) };
    const r = await ctx.api.call('compute', 'POST', `/servers/${String(p.instance_uuid)}/os-volume_attachments`, { volumeAttachment: body });
    const att = r.body.volumeAttachment as JsonMap;
    ctx.res.physicalId = String(att.id ?? p.volume_id);
    ctx.res.data = { server: p.instance_uuid as Json, volume: p.volume_id as Json, device: (att.device ?? null) as Json };
  },
  async checkCreate(ctx) {
    const status = await volumeStatus(ctx, String(ctx.res.data.volume));
    if (status === 'error' || status === 'error_attaching') throw new ResourceFailure('ResourceInError', `Went to status ${status} due to "Unknown"`);
    return status === 'in-use';
  },
  async update(ctx) {
    await attachment.delete(ctx);
    ctx.res.data.pendingAttach = true;
  },
  async checkUpdate(ctx) {
    if (ctx.res.data.pendingAttach) {
      if (!(await attachment.checkDelete!(ctx))) return false;
      delete ctx.res.data.pendingAttach;
      await attachment.create(ctx);
      return false;
    }
    return attachment.checkCreate!(ctx);
  },
  async delete(ctx) {
    if (!ctx.res.data.server) return;
    await ctx.api.call('compute', 'DELETE', `/servers/${String(ctx.res.data.server)}/os-volume_attachments/${String(ctx.res.data.volume)}`, undefined, { accept: [404] });
  },
  async checkDelete(ctx) {
    if (!ctx.res.data.volume) return true;
    const status = await volumeStatus(ctx, String(ctx.res.data.volume));
    return status === null || status === 'available' || status.startsWith('error');
  },
  attribute: (res, name) => attributesFrom(res, {}, name),
};

export const cinderPlugins: Record<string, Plugin> = {
  'OS::Cinder::Volume': volume,
  'OS::Cinder::VolumeAttachment': attachment,
};
