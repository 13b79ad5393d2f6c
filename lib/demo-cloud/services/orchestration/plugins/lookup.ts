// Names to ids, as Heat's client plugins resolve them (neutronclient find_resourceid_by_name_or_id,
// novaclient flavors.find, glance images by name), with the messages those libraries raise.
import type { Json, JsonMap } from '../model';
import { ResourceFailure, type ServiceClient } from './client';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export type NeutronKind = 'network' | 'subnet' | 'router' | 'port' | 'security_group' | 'subnetpool';
const COLLECTION: Record<NeutronKind, string> = {
  network: 'networks',
  subnet: 'subnets',
  router: 'routers',
  port: 'ports',
  security_group: 'security-groups',
  subnetpool: 'subnetpools',
};
const BODY_KEY: Record<NeutronKind, string> = {
  network: 'networks',
  subnet: 'subnets',
  router: 'routers',
  port: 'ports',
  security_group: 'security_groups',
  subnetpool: 'subnetpools',
};

/** neutronclient's find_resourceid_by_name_or_id. */
export async function neutronId(api: ServiceClient, kind: NeutronKind, nameOrId: string): Promise<string> {
  const coll = COLLECTION[kind];
  if (UUID.test(nameOrId)) {
    const r = await api.get('network', `/${coll}/${encodeURIComponent(nameOrId)}`, [404]);
    if (r.status === 200) return nameOrId;
  }
  const list = ((await api.get('network', `/${coll}?name=${encodeURIComponent(nameOrId)}`)).body[BODY_KEY[kind]] ?? []) as JsonMap[];
  const own = kind === 'security_group' ? list.filter((g) => g.project_id === api.projectId) : list;
  const found = own.length ? own : list;
  if (found.length > 1) throw new ResourceFailure('NeutronClientNoUniqueMatch', `Multiple ${kind} matches found for name '${nameOrId}', use an ID to be more specific.`, 409);
  if (found.length === 0) throw new ResourceFailure('NotFound', `Unable to find ${kind} with name or id '${nameOrId}'`, 404);
  return String(found[0].id);
}

export async function flavorId(api: ServiceClient, nameOrId: string): Promise<string> {
  const byId = await api.get('compute', `/flavors/${encodeURIComponent(nameOrId)}`, [404]);
  if (byId.status === 200) return String((byId.body.flavor as JsonMap).id);
  const list = ((await api.get('compute', '/flavors/detail?is_public=None')).body.flavors ?? []) as JsonMap[];
  const f = list.find((x) => x.name === nameOrId);
  if (!f) throw new ResourceFailure('NotFound', `No Flavor matching {'name': '${nameOrId}'}. (HTTP 404)`, 404);
  return String(f.id);
}

export async function imageId(api: ServiceClient, nameOrId: string): Promise<string> {
  if (UUID.test(nameOrId)) {
    const r = await api.get('image', `/images/${encodeURIComponent(nameOrId)}`, [404]);
    if (r.status === 200) return nameOrId;
  }
  const list = ((await api.get('image', `/images?name=${encodeURIComponent(nameOrId)}`)).body.images ?? []) as JsonMap[];
  if (list.length > 1) throw new ResourceFailure('NoUniqueMatch', `Multiple images found with name '${nameOrId}'`, 409);
  if (list.length === 0) throw new ResourceFailure('NotFound', `No images matching {'name': '${nameOrId}'}.`, 404);
  return String(list[0].id);
}

export async function keypairExists(api: ServiceClient, name: string): Promise<void> {
  const r = await api.get('compute', `/os-keypairs/${encodeURIComponent(name)}`, [404]);
  if (r.status === 404) throw new ResourceFailure('EntityNotFound', `The Key (${name}) could not be found.`, 404);
}

export async function volumeExists(api: ServiceClient, id: string): Promise<void> {
  const r = await api.get('volume', `/volumes/${encodeURIComponent(id)}`, [404]);
  if (r.status === 404) throw new ResourceFailure('NotFound', `Volume ${id} could not be found. (HTTP 404)`, 404);
}

/** Custom constraints (heat/engine/clients/os/*.py) the demo cloud checks before accepting a stack. */
export const CUSTOM_CONSTRAINTS: Record<string, (api: ServiceClient, value: Json) => Promise<unknown>> = {
  'nova.flavor': (api, v) => flavorId(api, String(v)),
  'glance.image': (api, v) => imageId(api, String(v)),
  'nova.keypair': (api, v) => keypairExists(api, String(v)),
  'neutron.network': (api, v) => neutronId(api, 'network', String(v)),
  'neutron.subnet': (api, v) => neutronId(api, 'subnet', String(v)),
  'neutron.router': (api, v) => neutronId(api, 'router', String(v)),
  'neutron.port': (api, v) => neutronId(api, 'port', String(v)),
  'neutron.security_group': (api, v) => neutronId(api, 'security_group', String(v)),
  'cinder.volume': (api, v) => volumeExists(api, String(v)),
};

/** Local syntax constraints (net_cidr, ip_addr, mac_addr), checked without any call. */
export const SYNTAX_CONSTRAINTS: Record<string, (value: string) => string | null> = {
  net_cidr: (v) => {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(v) ?? /^([0-9a-f:]+)\/(\d{1,3})$/i.exec(v);
    if (!m) return v.includes('/') ? `Invalid net cidr invalid IPNetwork ${v} ` : `Invalid net cidr ${v} `;
    const max = m[1].includes(':') ? 128 : 32;
    if (Number(m[2]) > max || (max === 32 && m[1].split('.').some((o) => Number(o) > 255))) return `Invalid net cidr invalid IPNetwork ${v} `;
    return null;
  },
  ip_addr: (v) => (/^\d{1,3}(\.\d{1,3}){3}$/.test(v) && v.split('.').every((o) => Number(o) < 256)) || /^[0-9a-f:]+$/i.test(v) ? null : `${v} is not a valid IP address`,
  mac_addr: (v) => (/^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i.test(v) ? null : `${v} is not a valid MAC address`),
};
