import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { links } from './common';
import * as x from './deps';
import type { Version } from './microversion';
import { AZ, type Server } from './model';
import { hostIdOf, statusOf } from './ops';
import { shapeCache } from './render-cache';

const PROGRESS_STATUSES = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);

export interface RenderOpts {
  isAdmin: boolean;
  /** GET /servers/{id} and update answers add server_groups from 2.71. */
  show?: boolean;
}

const q = JSON.stringify;

/**
 * A server renderer for one request, straight to JSON text: the microversion checks, URLs and
 * policy are worked out once, and each server costs one string built from its own fields (and
 * its ports through the network contract when it has any), with no intermediate objects. That
 * keeps a page of 1,000 servers cheap in CPU and garbage. Single servers parse the same text, so
 * there is one definition of the view.
 */
export function serverJsonRenderer(core: CloudCore, ctx: RequestContext, v: Version, o: RenderOpts): (srv: Server) => string {
  const base = ctx.serviceUrl;
  const selfBase = q(`${base}/v2.1/servers/`).slice(0, -1);
  const bookmarkBase = q(`${base}/servers/`).slice(0, -1);
  const flavorBase = q(`${base}/flavors/`).slice(0, -1);
  const imageBase = q(`${base}/images/`).slice(0, -1);
  const admin = o.isAdmin;
  const v3 = v.ge('2.3');
  const v9 = v.ge('2.9');
  const v16 = v.ge('2.16');
  const v19 = v.ge('2.19');
  const v26 = v.ge('2.26');
  const v47 = v.ge('2.47');
  const v63 = v.ge('2.63');
  const v71show = v.ge('2.71') && !!o.show;
  const v73 = v.ge('2.73');
  const v90 = v.ge('2.90');
  // Ids are uuids/hex (no escaping needed); everything a user can set goes through JSON.stringify.
  const idStr = (id: string) => (/^[A-Za-z0-9._-]*$/.test(id) ? `"${id}"` : q(id));
  const idTail = (id: string) => idStr(id).slice(1);

  return (srv: Server): string => {
    const status = statusOf(srv.vm_state, srv.task_state);
    const f = srv.flavor;
    const id = idStr(srv.id);
    const flavor = v47
      ? `{"vcpus":${f.vcpus},"ram":${f.ram},"disk":${f.disk},"ephemeral":${f.ephemeral},"swap":${f.swap},"original_name":${q(f.name)},"extra_specs":${q(f.extra_specs)}}`
      : `{"id":${idStr(f.id)},"links":[{"rel":"bookmark","href":${flavorBase}${idTail(f.id)}}]}`;
    const image = srv.image_id ? `{"id":${idStr(srv.image_id)},"links":[{"rel":"bookmark","href":${imageBase}${idTail(srv.image_id)}}]}` : '""';
    // Addresses and security groups come from the server's ports (Nova reads them from Neutron);
    // none while building, before the network is set up.
    let addresses = '{}';
    let groups: string[] = [];
    if (srv.has_ports && srv.vm_state !== 'building') {
      try {
        addresses = q(x.serverAddresses(core, srv.id));
        groups = x.serverSecurityGroupNames(core, srv.id);
      } catch {
        addresses = '{}';
        groups = [];
      }
    }
    let out =
      `{"id":${id},"name":${q(srv.name)},"status":"${status}","tenant_id":${idStr(srv.project_id)},"user_id":${idStr(srv.user_id)},` +
      `"metadata":${q(srv.metadata)},"hostId":"${hostIdOf(srv.project_id, srv.host)}","image":${image},"flavor":${flavor},` +
      `"created":${q(srv.created)},"updated":${q(srv.updated)},"addresses":${addresses},"accessIPv4":${q(srv.access_ipv4)},"accessIPv6":${q(srv.access_ipv6)},` +
      `"links":[{"rel":"self","href":${selfBase}${id.slice(1)}},{"rel":"bookmark","href":${bookmarkBase}${id.slice(1)}}],"OS-DCF:diskConfig":"MANUAL"`;
    if (PROGRESS_STATUSES.has(status)) out += ',"progress":0';
    out += `,"OS-EXT-AZ:availability_zone":${srv.host ? q(srv.availability_zone || AZ) : '""'},"config_drive":${q(srv.config_drive)},"key_name":${q(srv.key_name)}`;
    out += `,"OS-SRV-USG:launched_at":${q(srv.launched_at)},"OS-SRV-USG:terminated_at":${srv.terminated_at ? q(srv.terminated_at) : 'null'}`;
    if (groups.length > 0) out += `,"security_groups":[${groups.map((name) => `{"name":${q(name)}}`).join(',')}]`;
    if (admin) {
      const host = srv.host ? q(srv.host) : 'null';
      out += `,"OS-EXT-SRV-ATTR:host":${host},"OS-EXT-SRV-ATTR:instance_name":${q(srv.instance_name)},"OS-EXT-SRV-ATTR:hypervisor_hostname":${host}`;
      if (v3) {
        out +=
          `,"OS-EXT-SRV-ATTR:reservation_id":${q(srv.reservation_id)},"OS-EXT-SRV-ATTR:launch_index":${srv.launch_index},"OS-EXT-SRV-ATTR:hostname":${q(srv.hostname)}` +
          `,"OS-EXT-SRV-ATTR:kernel_id":"","OS-EXT-SRV-ATTR:ramdisk_id":"","OS-EXT-SRV-ATTR:root_device_name":${srv.host ? (srv.image_id ? '"/dev/sda"' : '"/dev/vda"') : 'null'}` +
          `,"OS-EXT-SRV-ATTR:user_data":${q(srv.user_data)}`;
      }
    } else if (v90) {
      out += `,"OS-EXT-SRV-ATTR:hostname":${q(srv.hostname)}`;
    }
    out += `,"OS-EXT-STS:task_state":${q(srv.task_state)},"OS-EXT-STS:vm_state":${q(srv.vm_state)},"OS-EXT-STS:power_state":${srv.power_state}`;
    out += `,"os-extended-volumes:volumes_attached":[${srv.volumes
      .map((vol) => (v3 ? `{"id":${idStr(vol.volumeId)},"delete_on_termination":${vol.deleteOnTermination}}` : `{"id":${idStr(vol.volumeId)}}`))
      .join(',')}]`;
    if (srv.fault && (status === 'ERROR' || status === 'DELETED')) {
      const fault: Record<string, unknown> = { code: srv.fault.code, created: srv.fault.created, message: srv.fault.message };
      if (admin && srv.fault.details) fault.details = srv.fault.details;
      out += `,"fault":${q(fault)}`;
    }
    if (v16 && admin) out += `,"host_status":${srv.host ? '"UP"' : '""'}`;
    if (v9) out += `,"locked":${srv.locked}`;
    if (v73) out += `,"locked_reason":${q(srv.locked_reason)}`;
    if (v19) out += `,"description":${q(srv.description)}`;
    if (v26) out += `,"tags":${q(srv.tags)}`;
    if (v63) out += ',"trusted_image_certificates":null';
    if (v71show) out += `,"server_groups":${q(srv.server_groups)}`;
    return `${out}}`;
  };
}

export function renderServer(core: CloudCore, ctx: RequestContext, v: Version, srv: Server, o: RenderOpts): Record<string, unknown> {
  return JSON.parse(serverJsonRenderer(core, ctx, v, o)(srv)) as Record<string, unknown>;
}

const COMMA = Buffer.from(',');
const LIST_START = Buffer.from('{"servers":[');

/**
 * `{"servers":[...]}` (plus `servers_links`) as UTF-8 bytes, for list answers. Each server's
 * bytes are cached (see render-cache.ts), so a page of unchanged servers is one memory copy: no
 * rendering, no string joining, no re-encoding (the costly parts on a slow, shared machine).
 */
export function renderServerList(core: CloudCore, ctx: RequestContext, v: Version, servers: readonly Server[], o: RenderOpts, links?: unknown): Buffer {
  const render = serverJsonRenderer(core, ctx, v, o);
  const cache = shapeCache(core, `${ctx.serviceUrl}|${o.isAdmin}|${o.show ?? false}|${v.toString()}`);
  const chunks: Buffer[] = [LIST_START];
  servers.forEach((srv, i) => {
    if (i > 0) chunks.push(COMMA);
    if (srv.has_ports) {
      chunks.push(Buffer.from(render(srv)));
      return;
    }
    let bytes = cache.get(srv);
    if (bytes === undefined) cache.set(srv, (bytes = Buffer.from(render(srv))));
    chunks.push(bytes);
  });
  chunks.push(Buffer.from(`]${links ? `,"servers_links":${q(links)}` : ''}}`));
  return Buffer.concat(chunks);
}

export function renderBrief(ctx: RequestContext, srv: Server) {
  return { id: srv.id, name: srv.name, links: links(ctx, 'servers', srv.id) };
}
