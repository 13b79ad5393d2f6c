// OS::Nova::Server and OS::Nova::KeyPair (heat/engine/resources/openstack/nova/), through the demo
// cloud's Nova API at microversion 2.93, the newest Heat 19's client speaks (server tags, hostname,
// "networks": "auto", keypairs with a public key).
import type { Json, JsonMap } from '../model';
import { ResourceFailure } from './client';
import { flavorId, imageId, neutronId } from './lookup';
import { expectField } from './rest';
import { attributesFrom, type Plugin, type PluginContext } from './types';

const MV = { 'OpenStack-API-Version': 'compute 2.93', 'X-OpenStack-Nova-API-Version': '2.93' };
const list = (v: Json | undefined) => (Array.isArray(v) ? v : []);

async function nova(ctx: PluginContext, method: string, path: string, body?: Json, accept?: number[]) {
  return ctx.api.call('compute', method, path, body, { headers: MV, accept });
}

async function action(ctx: PluginContext, body: JsonMap) {
  await nova(ctx, 'POST', `/servers/${ctx.res.physicalId}/action`, body);
}

async function readServer(ctx: PluginContext): Promise<JsonMap | null> {
  const r = await nova(ctx, 'GET', `/servers/${ctx.res.physicalId}`, undefined, [404]);
  if (r.status === 404) return null;
  const show = r.body.server as JsonMap;
  ctx.res.data.show = show;
  return show;
}

/** check_*_complete for a server: done at `want`, failed at ERROR (nova client plugin's ResourceInError). */
function waitStatus(want: string, what: string) {
  return async (ctx: PluginContext): Promise<boolean> => {
    const s = await readServer(ctx);
    if (!s) throw new ResourceFailure('NotFound', `Instance ${ctx.res.physicalId} could not be found. (HTTP 404)`, 404);
    if (s.status === 'ERROR') {
      const fault = (s.fault ?? {}) as JsonMap;
      const reason = fault.message ? `Message: ${String(fault.message)}, Code: ${String(fault.code ?? 500)}` : 'Unknown';
      throw new ResourceFailure(what === 'create' ? 'ResourceInError' : 'Error', `Went to status ERROR due to "${reason}"`);
    }
    return s.status === want;
  };
}

/** The networks property as Nova's `networks`; subnets get a port Heat creates (and later deletes). */
async function networks(ctx: PluginContext): Promise<Json> {
  const items = list(ctx.props.networks) as JsonMap[];
  if (items.length === 0) return 'auto';
  const out: JsonMap[] = [];
  const internal: string[] = [];
  for (const n of items) {
    if (n.allocate_network === 'none' || n.allocate_network === 'auto') return String(n.allocate_network);
    if (n.port) out.push({ port: await neutronId(ctx.api, 'port', String(n.port)) });
    else if (n.subnet) {
      const subnetId = await neutronId(ctx.api, 'subnet', String(n.subnet));
      const sub = (await ctx.api.get('network', `/subnets/${subnetId}`)).body.subnet as JsonMap;
      const fixed: JsonMap = { subnet_id: subnetId, ...(n.fixed_ip ? { ip_address: n.fixed_ip } : {}) };
      // The server's security groups go on the port Heat makes (server_network_mixin.py _prepare_internal_port_kwargs).
      const groups = list(ctx.props.security_groups);
      const security: JsonMap = groups.length ? { security_groups: await Promise.all(groups.map((g) => neutronId(ctx.api, 'security_group', String(g)))) } : {};
      const port = (await ctx.api.post('network', '/ports', { port: { network_id: sub.network_id, fixed_ips: [fixed], name: `${ctx.physicalName}-port`, ...security } })).body.port as JsonMap;
      internal.push(String(port.id));
      out.push({ port: String(port.id) });
    } else {
      const net = n.network ?? n.uuid;
      if (!net) throw new ResourceFailure('StackValidationFailed', 'One of the properties "network", "port", "allocate_network" or "subnet" should be set for the specified network of server.');
      out.push({ uuid: await neutronId(ctx.api, 'network', String(net)), ...(n.fixed_ip ? { fixed_ip: n.fixed_ip } : {}), ...(n.tag ? { tag: n.tag } : {}) });
    }
  }
  ctx.res.data.internalPorts = internal;
  return out;
}

async function blockDevices(ctx: PluginContext): Promise<JsonMap[] | undefined> {
  const v2 = list(ctx.props.block_device_mapping_v2) as JsonMap[];
  const v1 = list(ctx.props.block_device_mapping) as JsonMap[];
  if (!v2.length && !v1.length) return undefined;
  const out: JsonMap[] = [];
  for (const b of v1) out.push({ device_name: b.device_name, uuid: b.volume_id ?? b.snapshot_id, source_type: b.volume_id ? 'volume' : 'snapshot', destination_type: 'volume', boot_index: 0, delete_on_termination: b.delete_on_termination ?? false, ...(b.volume_size ? { volume_size: b.volume_size } : {}) });
  for (const b of v2) {
    const source = b.volume_id ? 'volume' : b.snapshot_id ? 'snapshot' : b.image ? 'image' : 'blank';
    const uuid = b.volume_id ?? b.snapshot_id ?? (b.image ? await imageId(ctx.api, String(b.image)) : null);
    out.push({
      source_type: source,
      destination_type: b.swap_size || b.ephemeral_size ? 'local' : 'volume',
      ...(uuid ? { uuid } : {}),
      boot_index: (b.boot_index as number | null) ?? (source === 'blank' ? -1 : 0),
      delete_on_termination: b.delete_on_termination ?? false,
      ...(b.volume_size ? { volume_size: b.volume_size } : {}),
      ...(b.device_name ? { device_name: b.device_name } : {}),
    });
  }
  return out;
}

const serverName = (ctx: PluginContext) => (ctx.props.name ? String(ctx.props.name) : ctx.physicalName);

const server: Plugin = {
  nameLimit: 53,
  async create(ctx) {
    const p = ctx.props;
    const bdm = await blockDevices(ctx);
    const body: JsonMap = {
      name: serverName(ctx),
      imageRef: p.image ? await imageId(ctx.api, String(p.image)) : '',
      flavorRef: await flavorId(ctx.api, String(p.flavor)),
      networks: await networks(ctx),
    };
    if (bdm) body.block_device_mapping_v2 = bdm;
    if (p.key_name) body.key_name = p.key_name;
    if (p.availability_zone) body.availability_zone = p.availability_zone;
    if (p.metadata) body.metadata = Object.fromEntries(Object.entries(p.metadata as JsonMap).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    if (p.user_data) body.user_data = Buffer.from(String(p.user_data)).toString('base64');
    if (list(p.security_groups).length) body.security_groups = list(p.security_groups).map((g) => ({ name: String(g) }));
    if (p.config_drive !== null && p.config_drive !== undefined) body.config_drive = p.config_drive;
    if (p.admin_pass) body.adminPass = p.admin_pass;
    if (list(p.tags).length) body.tags = list(p.tags);
    const extra: JsonMap = p.scheduler_hints ? { 'os:scheduler_hints': p.scheduler_hints } : {};
    const r = await nova(ctx, 'POST', '/servers', { server: body, ...extra });
    ctx.res.physicalId = String((r.body.server as JsonMap).id);
  },
  async checkCreate(ctx) {
    if (!(await waitStatus('ACTIVE', 'create')(ctx))) return false;
    await associateFloatingIps(ctx);
    await captureNetworks(ctx);
    await readServer(ctx);
    return true;
  },
  replaceOn: (changed, before, after) =>
    changed.some((k) => ['networks', 'user_data', 'security_groups', 'key_name', 'block_device_mapping', 'block_device_mapping_v2', 'availability_zone', 'scheduler_hints', 'config_drive', 'user_data_format'].includes(k)) ||
    (changed.includes('image') && after.image_update_policy === 'REPLACE') ||
    (changed.includes('flavor') && after.flavor_update_policy === 'REPLACE') ||
    (changed.includes('image') && !before.image),
  async update(ctx, changed) {
    const p = ctx.props;
    ctx.res.data.updating = null;
    if (changed.includes('name')) await nova(ctx, 'PUT', `/servers/${ctx.res.physicalId}`, { server: { name: serverName(ctx) } });
    if (changed.includes('metadata')) await nova(ctx, 'PUT', `/servers/${ctx.res.physicalId}/metadata`, { metadata: (p.metadata ?? {}) as JsonMap });
    if (changed.includes('tags')) await nova(ctx, 'PUT', `/servers/${ctx.res.physicalId}/tags`, { tags: list(p.tags) });
    if (changed.includes('admin_pass') && p.admin_pass) await action(ctx, { changePassword: { adminPass: p.admin_pass } });
    if (changed.includes('flavor')) {
      await action(ctx, { resize: { flavorRef: await flavorId(ctx.api, String(p.flavor)) } });
      ctx.res.data.updating = 'resize';
    } else if (changed.includes('image')) {
      await action(ctx, { rebuild: { imageRef: await imageId(ctx.api, String(p.image)), ...(p.admin_pass ? { adminPass: p.admin_pass } : {}) } });
      ctx.res.data.updating = 'rebuild';
    }
  },
  async checkUpdate(ctx) {
    const s = await readServer(ctx);
    if (!s) throw new ResourceFailure('NotFound', `Instance ${ctx.res.physicalId} could not be found. (HTTP 404)`, 404);
    if (ctx.res.data.updating === 'resize' && s.status === 'VERIFY_RESIZE') {
      await action(ctx, { confirmResize: null });
      return false;
    }
    if (s.status === 'ERROR') throw new ResourceFailure('Error', `Resizing to '${String(ctx.props.flavor)}' failed, status 'ERROR'`);
    return s.status === 'ACTIVE';
  },
  async delete(ctx) {
    if (!ctx.res.physicalId) return;
    await nova(ctx, 'DELETE', `/servers/${ctx.res.physicalId}`, undefined, [404]);
  },
  async checkDelete(ctx) {
    if (ctx.res.physicalId && (await readServer(ctx))) return false;
    for (const id of list(ctx.res.data.internalPorts)) await ctx.api.remove('network', `/ports/${String(id)}`);
    return true;
  },
  async refresh(ctx) {
    if (ctx.res.physicalId && (await readServer(ctx))) await captureNetworks(ctx);
  },
  async suspend(ctx) {
    await action(ctx, { suspend: null });
  },
  checkSuspend: waitStatus('SUSPENDED', 'suspend'),
  async resume(ctx) {
    await action(ctx, { resume: null });
  },
  checkResume: waitStatus('ACTIVE', 'resume'),
  async check(ctx) {
    const s = await readServer(ctx);
    if (!s) throw new ResourceFailure('NotFound', `Instance ${ctx.res.physicalId} could not be found. (HTTP 404)`, 404);
    const problem = expectField(s, 'status', 'ACTIVE');
    if (problem) throw new ResourceFailure('Error', problem);
  },
  attribute: (res, name) =>
    attributesFrom(
      res,
      {
        name: (d) => ((d.show as JsonMap | undefined)?.name ?? null) as Json,
        addresses: (d) => (d.addresses ?? {}) as Json,
        networks: (d) => serverNetworks((d.show ?? {}) as JsonMap, (d.netIds ?? {}) as JsonMap),
        instance_name: (d) => ((d.show as JsonMap | undefined)?.['OS-EXT-SRV-ATTR:instance_name'] ?? null) as Json,
        accessIPv4: (d) => ((d.show as JsonMap | undefined)?.accessIPv4 ?? '') as Json,
        accessIPv6: (d) => ((d.show as JsonMap | undefined)?.accessIPv6 ?? '') as Json,
        console_urls: () => null,
        tags: (d) => ((d.show as JsonMap | undefined)?.tags ?? null) as Json,
        os_collect_config: () => ({}),
      },
      name,
    ),
};

/** novaclient's server.networks ({network name: [addresses]}), plus the same lists under each network id. */
function serverNetworks(show: JsonMap, netIds: JsonMap): JsonMap {
  const out: JsonMap = {};
  for (const [net, addrs] of Object.entries((show.addresses ?? {}) as JsonMap)) out[net] = list(addrs).map((a) => (a as JsonMap).addr ?? null);
  for (const [id, net] of Object.entries(netIds)) if (out[String(net)]) out[id] = out[String(net)];
  return out;
}

/**
 * The `addresses` attribute as server.py _get_server_addresses builds it from Neutron: per network name (and
 * again per network id), each fixed address with its port, subnets and network, then its floating ones.
 * (`version` is a one-element list there: a stray comma in Heat 19's code; kept, it is what clients see.)
 */
async function captureNetworks(ctx: PluginContext): Promise<void> {
  const ports = ((await ctx.api.get('network', `/ports?device_id=${ctx.res.physicalId}`)).body.ports ?? []) as JsonMap[];
  const ids: JsonMap = {};
  const nets: Record<string, JsonMap> = {};
  const addresses: Record<string, Json[]> = {};
  for (const port of ports) {
    const netId = String(port.network_id);
    if (!nets[netId]) {
      const r = await ctx.api.get('network', `/networks/${netId}`, [404]);
      nets[netId] = r.status === 200 ? (r.body.network as JsonMap) : { id: netId };
      ids[netId] = nets[netId].name ?? null;
    }
    const label = String(nets[netId].name ?? netId);
    const list = (addresses[label] ??= []);
    for (const fixed of list_(port.fixed_ips)) {
      const addr = String(fixed.ip_address);
      const version = [addr.includes(':') ? 6 : 4];
      const fips = ((await ctx.api.get('network', `/floatingips?fixed_ip_address=${encodeURIComponent(addr)}`)).body.floatingips ?? []) as JsonMap[];
      for (const f of fips) list.push({ addr: f.floating_ip_address, version, 'OS-EXT-IPS-MAC:mac_addr': port.mac_address, 'OS-EXT-IPS:type': 'floating', port: null });
      const sub = await ctx.api.get('network', `/subnets/${String(fixed.subnet_id)}`, [404]);
      list.push({ addr, 'OS-EXT-IPS-MAC:mac_addr': port.mac_address, 'OS-EXT-IPS:type': 'fixed', port: port.id, version, subnets: sub.status === 200 ? [sub.body.subnet as JsonMap] : [], network: nets[netId] });
    }
  }
  for (const [id, name] of Object.entries(ids)) if (addresses[String(name)]) addresses[id] = addresses[String(name)];
  ctx.res.data.netIds = ids;
  ctx.res.data.addresses = addresses;
}

const list_ = (v: Json | undefined) => (Array.isArray(v) ? (v as JsonMap[]) : []);

/** networks[].floating_ip: associate once the server's port exists. */
async function associateFloatingIps(ctx: PluginContext): Promise<void> {
  const items = list(ctx.props.networks) as JsonMap[];
  if (!items.some((n) => n.floating_ip)) return;
  const ports = ((await ctx.api.get('network', `/ports?device_id=${ctx.res.physicalId}`)).body.ports ?? []) as JsonMap[];
  for (const n of items) {
    if (!n.floating_ip) continue;
    const netId = n.network ? await neutronId(ctx.api, 'network', String(n.network)) : null;
    const port = ports.find((p) => !netId || p.network_id === netId) ?? ports[0];
    if (port) await ctx.api.put('network', `/floatingips/${String(n.floating_ip)}`, { floatingip: { port_id: port.id } });
  }
}

const keyPair: Plugin = {
  // Heat 19 talks to Nova at a microversion (2.92+) that no longer generates keys (keypair.py validate).
  validate: (p) => (p.public_key ? null : 'The public_key property is required by the nova API version currently used.'),
  async create(ctx) {
    const p = ctx.props;
    const body: JsonMap = { name: String(p.name), ...(p.public_key ? { public_key: p.public_key } : {}), ...(p.type ? { type: p.type } : {}) };
    const r = await nova(ctx, 'POST', '/os-keypairs', { keypair: body });
    const kp = r.body.keypair as JsonMap;
    ctx.res.physicalId = String(kp.name);
    ctx.res.data.public_key = kp.public_key ?? null;
    ctx.res.data.private_key = p.save_private_key ? (kp.private_key ?? '') : '';
    await keyPair.refresh!(ctx);
  },
  /** `show` is Nova's keypair as GET os-keypairs/{name} answers it. */
  async refresh(ctx) {
    const r = await nova(ctx, 'GET', `/os-keypairs/${encodeURIComponent(ctx.res.physicalId)}`, undefined, [404]);
    if (r.status === 200) ctx.res.data.show = r.body.keypair as JsonMap;
  },
  async delete(ctx) {
    if (ctx.res.physicalId) await nova(ctx, 'DELETE', `/os-keypairs/${encodeURIComponent(ctx.res.physicalId)}`, undefined, [404]);
  },
  async check(ctx) {
    const r = await nova(ctx, 'GET', `/os-keypairs/${encodeURIComponent(ctx.res.physicalId)}`, undefined, [404]);
    if (r.status === 404) throw new ResourceFailure('NotFound', `Keypair ${ctx.res.physicalId} not found for user. (HTTP 404)`, 404);
  },
  attribute: (res, name) => attributesFrom(res, { public_key: (d) => d.public_key ?? null, private_key: (d) => d.private_key ?? '' }, name),
};

export const novaPlugins: Record<string, Plugin> = {
  'OS::Nova::Server': server,
  'OS::Nova::KeyPair': keyPair,
};
