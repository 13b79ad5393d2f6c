// Share networks (one default subnet each) and security services. The demo backend, like the real one, does
// not handle share servers, so these are bookkeeping: they can be made, linked, listed and deleted.
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import { conflict, forbidden, invalidInput, notFound } from './errors';
import { listPage } from './lookup';
import type { ManilaRouter, View } from './microversion';
import { SECURITY_SERVICE_TYPES, stamp, type ManilaState, type SecurityService, type ShareNetwork } from './model';
import { checkNetworkQuota } from './quotas';
import { networkView, securityServiceView } from './render';
import { optString, readBody, type Body } from './request';

const mine = <T extends { project_id: string }>(v: View, x: T) => v.isAdmin || x.project_id === v.projectId;
const scoped = <T extends { project_id: string }>(v: View, list: T[]) => list.filter((x) => (v.isAdmin && v.ctx.flag('all_tenants')) || x.project_id === v.projectId);

function findNetwork(s: ManilaState, v: View, id: string): ShareNetwork {
  const n = s.networks.find((x) => x.id === id);
  if (!n || !mine(v, n)) throw notFound(`Share network ${id} could not be found.`);
  return n;
}

function findService(s: ManilaState, v: View, id: string): SecurityService {
  const x = s.securityServices.find((y) => y.id === id);
  if (!x || !mine(v, x)) throw notFound(`Security service ${id} could not be found.`);
  return x;
}

const SERVICE_FIELDS = ['name', 'description', 'dns_ip', 'server', 'domain', 'user', 'password', 'ou'] as const;

function networkRoutes(core: CloudCore, r: ManilaRouter, s: ManilaState) {
  r.post('/share-networks', async (v) => {
    const b = await readBody(v.ctx, 'share_network');
    checkNetworkQuota(s, v.projectId);
    const now = stamp(core.clock.now());
    const n: ShareNetwork = {
      id: uuid(), subnet_id: uuid(), project_id: v.projectId,
      name: optString(b, 'name') ?? null, description: optString(b, 'description') ?? null,
      neutron_net_id: optString(b, 'neutron_net_id') ?? null, neutron_subnet_id: optString(b, 'neutron_subnet_id') ?? null,
      availability_zone: optString(b, 'availability_zone') ?? null, security_service_ids: [], created_at: now, updated_at: null,
    };
    s.networks.push(n);
    v.ctx.markDirty();
    return json(200, { share_network: networkView(n) });
  });
  const listed = (v: View) => listPage(v, scoped(v, s.networks).filter((n) => !v.ctx.query.has('name') || n.name === v.ctx.query.get('name')));
  r.get('/share-networks', (v) => json(200, { share_networks: listed(v).map((n) => ({ id: n.id, name: n.name })) }));
  r.get('/share-networks/detail', (v) => json(200, { share_networks: listed(v).map(networkView) }));
  r.get('/share-networks/{id}', (v) => json(200, { share_network: networkView(findNetwork(s, v, v.ctx.params.id)) }));
  r.put('/share-networks/{id}', async (v) => {
    const n = findNetwork(s, v, v.ctx.params.id);
    const b = await readBody(v.ctx, 'share_network');
    for (const k of ['name', 'description'] as const) {
      const x = optString(b, k);
      if (x !== undefined) n[k] = x;
    }
    n.updated_at = stamp(core.clock.now());
    v.ctx.markDirty();
    return json(200, { share_network: networkView(n) });
  });
  r.delete('/share-networks/{id}', (v) => {
    const n = findNetwork(s, v, v.ctx.params.id);
    if (s.shares.some((x) => x.share_network_id === n.id)) throw conflict(`Can not delete share network ${n.id}, it has 1 share(s).`);
    s.networks.splice(s.networks.indexOf(n), 1);
    v.ctx.markDirty();
    return { status: 202 };
  });
  r.post('/share-networks/{id}/action', async (v) => {
    const n = findNetwork(s, v, v.ctx.params.id);
    const body = (await v.ctx.json()) as Record<string, Body | undefined>;
    const add = body?.add_security_service;
    const remove = body?.remove_security_service;
    const ssId = String((add ?? remove)?.security_service_id ?? '');
    const ss = findService(s, v, ssId);
    if (add) {
      if (n.security_service_ids.includes(ss.id)) throw invalidInput(`Security service ${ss.id} is already associated with share network ${n.id}.`);
      if (s.securityServices.some((x) => n.security_service_ids.includes(x.id) && x.type === ss.type)) {
        throw invalidInput(`Share network ${n.id} already has a security service of type ${ss.type}.`);
      }
      n.security_service_ids.push(ss.id);
    } else if (remove) {
      n.security_service_ids = n.security_service_ids.filter((x) => x !== ss.id);
    } else {
      throw notFound();
    }
    v.ctx.markDirty();
    return json(200, { share_network: networkView(n) });
  });
}

function securityServiceRoutes(core: CloudCore, r: ManilaRouter, s: ManilaState) {
  r.post('/security-services', async (v) => {
    const b = await readBody(v.ctx, 'security_service');
    const type = String(b.type ?? '');
    if (!(SECURITY_SERVICE_TYPES as readonly string[]).includes(type)) {
      throw invalidInput(`Invalid type ${type} specified for security service. Valid types are ${SECURITY_SERVICE_TYPES.join(',')}.`);
    }
    const x: SecurityService = {
      id: uuid(), project_id: v.projectId, type, name: null, description: null, dns_ip: null, server: null, domain: null,
      user: null, password: null, ou: null, created_at: stamp(core.clock.now()), updated_at: null,
    };
    for (const k of SERVICE_FIELDS) x[k] = optString(b, k) ?? null;
    s.securityServices.push(x);
    v.ctx.markDirty();
    return json(200, { security_service: securityServiceView(x) });
  });
  const listed = (v: View) => {
    const q = v.ctx.query;
    const net = q.get('share_network_id');
    return listPage(
      v,
      scoped(v, s.securityServices).filter(
        (x) => (!net || findNetwork(s, v, net).security_service_ids.includes(x.id)) && (!q.has('name') || x.name === q.get('name')) && (!q.has('type') || x.type === q.get('type')),
      ),
    );
  };
  r.get('/security-services', (v) => json(200, { security_services: listed(v).map((x) => securityServiceView(x, false)) }));
  // The detail list (only) names the share networks each service is linked to.
  const linkedTo = (id: string) => s.networks.filter((n) => n.security_service_ids.includes(id)).map((n) => n.id);
  r.get('/security-services/detail', (v) => json(200, { security_services: listed(v).map((x) => ({ ...securityServiceView(x), share_networks: linkedTo(x.id) })) }));
  r.get('/security-services/{id}', (v) => json(200, { security_service: securityServiceView(findService(s, v, v.ctx.params.id)) }));
  r.put('/security-services/{id}', async (v) => {
    const x = findService(s, v, v.ctx.params.id);
    const b = await readBody(v.ctx, 'security_service');
    for (const k of SERVICE_FIELDS) {
      const val = optString(b, k);
      if (val !== undefined) x[k] = val;
    }
    x.updated_at = stamp(core.clock.now());
    v.ctx.markDirty();
    return json(200, { security_service: securityServiceView(x) });
  });
  r.delete('/security-services/{id}', (v) => {
    const x = findService(s, v, v.ctx.params.id);
    if (s.networks.some((n) => n.security_service_ids.includes(x.id))) throw forbidden('Cannot delete security service. It is assigned to share network(s)');
    s.securityServices.splice(s.securityServices.indexOf(x), 1);
    v.ctx.markDirty();
    return { status: 202 };
  });
}

export function networkAndSecurityRoutes(core: CloudCore, r: ManilaRouter, s: ManilaState) {
  networkRoutes(core, r, s);
  securityServiceRoutes(core, r, s);
}
