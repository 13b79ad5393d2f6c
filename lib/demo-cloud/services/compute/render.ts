import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { links } from './common';
import * as x from './deps';
import type { Version } from './microversion';
import { AZ, type Server } from './model';
import { hostIdOf, statusOf } from './ops';

const PROGRESS_STATUSES = ['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING'];

export interface RenderOpts {
  isAdmin: boolean;
  /** GET /servers/{id} and update answers add server_groups from 2.71. */
  show?: boolean;
}

export function renderServer(core: CloudCore, ctx: RequestContext, v: Version, srv: Server, o: RenderOpts): Record<string, unknown> {
  const status = statusOf(srv.vm_state, srv.task_state);
  const flavor = v.ge('2.47')
    ? {
        vcpus: srv.flavor.vcpus, ram: srv.flavor.ram, disk: srv.flavor.disk, ephemeral: srv.flavor.ephemeral, swap: srv.flavor.swap,
        original_name: srv.flavor.name, ...(o.isAdmin || true ? { extra_specs: { ...srv.flavor.extra_specs } } : {}),
      }
    : { id: srv.flavor.id, links: [{ rel: 'bookmark', href: `${ctx.serviceUrl}/flavors/${srv.flavor.id}` }] };
  const image = srv.image_id ? { id: srv.image_id, links: [{ rel: 'bookmark', href: `${ctx.serviceUrl}/images/${srv.image_id}` }] } : '';
  let addresses: Record<string, unknown> = {};
  if (srv.has_ports && srv.vm_state !== 'building') {
    try {
      addresses = x.serverAddresses(core, srv.id);
    } catch {
      addresses = {};
    }
  }
  const out: Record<string, unknown> = {
    id: srv.id,
    name: srv.name,
    status,
    tenant_id: srv.project_id,
    user_id: srv.user_id,
    metadata: { ...srv.metadata },
    hostId: hostIdOf(srv.project_id, srv.host),
    image,
    flavor,
    created: srv.created,
    updated: srv.updated,
    addresses,
    accessIPv4: srv.access_ipv4,
    accessIPv6: srv.access_ipv6,
    links: links(ctx, 'servers', srv.id),
    'OS-DCF:diskConfig': 'MANUAL',
  };
  if (PROGRESS_STATUSES.includes(status)) out.progress = 0;
  out['OS-EXT-AZ:availability_zone'] = srv.host ? srv.availability_zone || AZ : '';
  out.config_drive = srv.config_drive;
  out.key_name = srv.key_name;
  out['OS-SRV-USG:launched_at'] = srv.launched_at;
  out['OS-SRV-USG:terminated_at'] = null;
  if (srv.vm_state !== 'building' && srv.requested_security_groups.length > 0 && srv.has_ports) {
    out.security_groups = srv.requested_security_groups.map((name) => ({ name }));
  }
  if (o.isAdmin) {
    out['OS-EXT-SRV-ATTR:host'] = srv.host || null;
    out['OS-EXT-SRV-ATTR:instance_name'] = srv.instance_name;
    out['OS-EXT-SRV-ATTR:hypervisor_hostname'] = srv.host || null;
    if (v.ge('2.3')) {
      out['OS-EXT-SRV-ATTR:reservation_id'] = srv.reservation_id;
      out['OS-EXT-SRV-ATTR:launch_index'] = srv.launch_index;
      out['OS-EXT-SRV-ATTR:hostname'] = srv.hostname;
      out['OS-EXT-SRV-ATTR:kernel_id'] = '';
      out['OS-EXT-SRV-ATTR:ramdisk_id'] = '';
      out['OS-EXT-SRV-ATTR:root_device_name'] = srv.host ? (srv.image_id ? '/dev/sda' : '/dev/vda') : null;
      out['OS-EXT-SRV-ATTR:user_data'] = srv.user_data;
    }
  } else if (v.ge('2.90')) {
    out['OS-EXT-SRV-ATTR:hostname'] = srv.hostname;
  }
  out['OS-EXT-STS:task_state'] = srv.task_state;
  out['OS-EXT-STS:vm_state'] = srv.vm_state;
  out['OS-EXT-STS:power_state'] = srv.power_state;
  out['os-extended-volumes:volumes_attached'] = srv.volumes.map((vol) =>
    v.ge('2.3') ? { id: vol.volumeId, delete_on_termination: vol.deleteOnTermination } : { id: vol.volumeId },
  );
  if (srv.fault && (status === 'ERROR' || status === 'DELETED')) {
    const fault: Record<string, unknown> = { code: srv.fault.code, created: srv.fault.created, message: srv.fault.message };
    if (o.isAdmin && srv.fault.details) fault.details = srv.fault.details;
    out.fault = fault;
  }
  if (v.ge('2.16') && o.isAdmin) out.host_status = srv.host ? 'UP' : '';
  if (v.ge('2.9')) out.locked = srv.locked;
  if (v.ge('2.73')) out.locked_reason = srv.locked_reason;
  if (v.ge('2.19')) out.description = srv.description;
  if (v.ge('2.26')) out.tags = [...srv.tags];
  if (v.ge('2.63')) out.trusted_image_certificates = null;
  if (v.ge('2.71') && o.show) out.server_groups = [...srv.server_groups];
  return out;
}

export function renderBrief(ctx: RequestContext, srv: Server) {
  return { id: srv.id, name: srv.name, links: links(ctx, 'servers', srv.id) };
}
