// Cinder volumes in an exported Heat template (heat/engine/resources/openstack/cinder/volume.py): the size, type
// and source image as parameter; an attachment to a server of the selection as an OS::Cinder::VolumeAttachment.
import { msg } from '@/lib/i18n/msg';
import type { Volume } from '../volume/volume';
import type { HeatMapping, HotResource } from './heat-types';

export const volumeHeat: HeatMapping<Volume> = {
  type: 'OS::Cinder::Volume',
  stem: 'volume',
  needs: ['images'],
  resources: (v, ctx) => {
    const label = v.name || v.id;
    const imageId = v.volume_image_metadata?.image_id;
    const imageName = imageId ? (ctx.inventory.images[imageId] ?? v.volume_image_metadata?.image_name) : undefined;
    if (v.snapshot_id || v.source_volid) ctx.warn(msg('iac.warnings.volumeSource', { name: label }));
    const own: HotResource = {
      type: 'OS::Cinder::Volume',
      properties: {
        name: v.name || undefined,
        description: v.description || undefined,
        size: v.size,
        volume_type: v.volume_type || undefined,
        image: imageId ? ctx.param('image', imageName ?? imageId) : undefined,
        metadata: v.metadata && Object.keys(v.metadata).length ? v.metadata : undefined,
      },
    };
    const attachments: HotResource[] = [];
    for (const a of v.attachments ?? []) {
      const server = a.server_id ? ctx.ref('server', a.server_id) : undefined;
      if (!server) {
        ctx.warn(msg('iac.warnings.attachedOutside', { name: label }));
        continue;
      }
      attachments.push({ suffix: `on_${server.get_resource}`, type: 'OS::Cinder::VolumeAttachment', properties: { instance_uuid: server, volume_id: { get_resource: ctx.nameOf('volume', v.id)! } } });
    }
    return [own, ...attachments];
  },
};
