import { z } from 'zod';
import type { RequestContext } from '../../core/context';
import { badRequest, conflict, notFound } from '../../core/errors';
import { uuid as newUuid } from '../../core/ids';
import { nextPageUrl, paginate } from '../../core/pagination';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import {
  assertUnlocked, fieldsParam, findNode, isoIronic, links, nodeVisible, requireAdmin, schemaError, settleAll, state,
} from './common';
import { applyPatch, PatchError, type PatchOp } from './jsonpatch';
import { versioned } from './microversion';
import { CONDUCTOR, DRIVER, type Port } from './model';

const PORT_VERSIONED: Record<string, number> = {
  internal_info: 18, local_link_connection: 19, pxe_enabled: 19, portgroup_uuid: 24, physical_network: 34, is_smartnic: 53,
};
const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i;

export function renderPort(ctx: RequestContext, port: Port, minor: number, fields: string[] | null = null) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(port)) {
    if (k === 'portgroup_uuid') continue;
    if ((PORT_VERSIONED[k] ?? 0) <= minor) out[k] = v;
  }
  out.links = links(ctx, 'ports', port.uuid);
  if (minor >= 24) out.portgroup_uuid = port.portgroup_uuid;
  if (!fields) return out;
  const invalid = fields.filter((f) => !(f in out));
  if (invalid.length > 0) throw badRequest(`Field(s) "${invalid.join(', ')}" are not valid`);
  const picked: Record<string, unknown> = {};
  for (const f of fields) picked[f] = out[f];
  picked.links = out.links;
  return picked;
}

function visiblePorts(ctx: RequestContext) {
  const auth = ctx.authProject();
  const s = settleAll(ctx);
  const nodes = new Map(s.nodes.map((n) => [n.uuid, n]));
  return s.ports.filter((p) => {
    const n = nodes.get(p.node_uuid);
    return !!n && nodeVisible(auth, n);
  });
}

function listPorts(ctx: RequestContext, minor: number, detail: boolean, only?: string) {
  let ports = visiblePorts(ctx);
  if (only) ports = ports.filter((p) => p.node_uuid === only);
  const q = ctx.query;
  const address = q.get('address');
  if (address !== null) ports = ports.filter((p) => p.address === address.toLowerCase());
  const nodeFilter = q.get('node') ?? q.get('node_uuid');
  if (nodeFilter !== null) {
    const auth = ctx.authProject();
    const node = findNode(ctx, auth, nodeFilter);
    ports = ports.filter((p) => p.node_uuid === node.uuid);
  }
  const page = paginate(ports, q, { id: (p) => p.uuid, maxLimit: 1000 });
  let fields = fieldsParam(ctx);
  const wantDetail = detail || (minor >= 43 && ['true', '1'].includes((q.get('detail') ?? '').toLowerCase()));
  if (!wantDetail && !fields) fields = ['uuid', 'address'];
  const body: Record<string, unknown> = { ports: page.items.map((p) => renderPort(ctx, p, minor, wantDetail ? null : fields)) };
  if (page.nextMarker) body.next = nextPageUrl(ctx.url.href, page.nextMarker, page.limit);
  return json(200, body);
}

const PORT_KEYS = new Set([
  'address', 'node_uuid', 'node_id', 'extra', 'local_link_connection', 'pxe_enabled', 'physical_network', 'is_smartnic',
  'portgroup_uuid', 'uuid', 'name', 'description',
]);

function findPort(ctx: RequestContext, ident: string): Port {
  const p = visiblePorts(ctx).find((x) => x.uuid === ident || x.address === ident.toLowerCase());
  if (!p) throw notFound(`Port ${ident} could not be found.`);
  return p;
}

async function createPort(ctx: RequestContext, minor: number) {
  const auth = ctx.authProject();
  requireAdmin(auth, 'port:create');
  const raw = await ctx.json();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw schemaError('port', `${JSON.stringify(raw)} is not of type 'object'`);
  const extra = Object.keys(raw).filter((k) => !PORT_KEYS.has(k));
  if (extra.length > 0) {
    throw schemaError('port', `Additional properties are not allowed (${extra.map((k) => `'${k}'`).join(', ')} ${extra.length > 1 ? 'were' : 'was'} unexpected)`);
  }
  const parsed = z.looseObject({
    address: z.string().optional(),
    node_uuid: z.string().optional(),
    extra: z.record(z.string(), z.unknown()).optional(),
    local_link_connection: z.record(z.string(), z.unknown()).optional(),
    pxe_enabled: z.boolean().optional(),
    physical_network: z.string().nullable().optional(),
    is_smartnic: z.boolean().optional(),
    uuid: z.string().optional(),
  }).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw schemaError('port', `${JSON.stringify((raw as Record<string, unknown>)[String(issue.path[0])])} is not of type '${issue.code === 'invalid_type' ? issue.expected : 'string'}'`);
  }
  const body = parsed.data;
  if (body.address === undefined) throw schemaError('port', `'address' is a required property`);
  if (body.node_uuid === undefined) throw schemaError('port', `'node_uuid' is a required property`);
  if (!MAC.test(body.address)) throw badRequest(`Expected valid MAC address for address: ${body.address}`);
  const s = settleAll(ctx);
  const node = s.nodes.find((n) => n.uuid === body.node_uuid || (n.name !== null && n.name === body.node_uuid));
  if (!node) throw badRequest(`Node ${body.node_uuid} could not be found.`);
  const address = body.address.toLowerCase();
  if (s.ports.some((p) => p.address === address)) throw conflict(`A port with MAC address ${address} already exists.`);
  const port: Port = {
    uuid: body.uuid ?? newUuid(),
    address,
    node_uuid: node.uuid,
    created_at: isoIronic(ctx.core.clock.now()),
    updated_at: null,
    extra: body.extra ?? {},
    internal_info: {},
    is_smartnic: body.is_smartnic ?? false,
    local_link_connection: body.local_link_connection ?? {},
    physical_network: body.physical_network ?? null,
    pxe_enabled: body.pxe_enabled ?? true,
    portgroup_uuid: null,
  };
  s.ports.push(port);
  return json(201, renderPort(ctx, port, minor), { Location: `${ctx.serviceUrl}/v1/ports/${port.uuid}` });
}

async function patchPort(ctx: RequestContext, minor: number) {
  const auth = ctx.authProject();
  const port = findPort(ctx, ctx.params.port_id);
  requireAdmin(auth, 'port:update');
  const ops = (await ctx.json()) as PatchOp[];
  if (!Array.isArray(ops)) throw badRequest('Invalid patch');
  let updated: Port;
  try {
    updated = applyPatch(port, ops);
  } catch (err) {
    if (err instanceof PatchError) throw badRequest(err.message);
    throw err;
  }
  if (!MAC.test(String(updated.address))) throw badRequest(`Expected valid MAC address for address: ${String(updated.address)}`);
  updated.address = updated.address.toLowerCase();
  const s = state(ctx.core);
  if (s.ports.some((p) => p !== port && p.address === updated.address)) throw conflict(`A port with MAC address ${updated.address} already exists.`);
  Object.assign(port, updated, { uuid: port.uuid, updated_at: isoIronic(ctx.core.clock.now()) });
  return json(200, renderPort(ctx, port, minor));
}

function deletePort(ctx: RequestContext) {
  const auth = ctx.authProject();
  const port = findPort(ctx, ctx.params.port_id);
  requireAdmin(auth, 'port:delete');
  const s = state(ctx.core);
  const node = s.nodes.find((n) => n.uuid === port.node_uuid);
  if (node) assertUnlocked(node);
  s.ports.splice(s.ports.indexOf(port), 1);
  return json(204, undefined);
}

const IFACES = ['bios', 'boot', 'console', 'deploy', 'inspect', 'management', 'network', 'power', 'raid', 'rescue', 'storage', 'vendor'];
const enabled: Record<string, string[]> = { network: ['noop'], storage: ['noop'] };

function renderDriver(ctx: RequestContext, minor: number, detail: boolean) {
  const out: Record<string, unknown> = {
    name: DRIVER,
    hosts: [CONDUCTOR],
    links: links(ctx, 'drivers', DRIVER),
    properties: links(ctx, 'drivers', `${DRIVER}/properties`),
  };
  if (minor >= 30) {
    out.type = 'dynamic';
    if (detail) {
      for (const i of IFACES) out[`default_${i}_interface`] = (enabled[i] ?? ['fake'])[0];
      for (const i of IFACES) out[`enabled_${i}_interfaces`] = enabled[i] ?? ['fake'];
    }
  }
  return out;
}

export function portRoutes(router: Router): void {
  versioned(router, 'GET', '/v1/ports', (ctx, minor) => listPorts(ctx, minor, false));
  versioned(router, 'GET', '/v1/ports/detail', (ctx, minor) => listPorts(ctx, minor, true));
  versioned(router, 'POST', '/v1/ports', createPort);
  versioned(router, 'GET', '/v1/ports/{port_id}', (ctx, minor) => json(200, renderPort(ctx, findPort(ctx, ctx.params.port_id), minor, fieldsParam(ctx))));
  versioned(router, 'PATCH', '/v1/ports/{port_id}', patchPort);
  versioned(router, 'DELETE', '/v1/ports/{port_id}', (ctx) => deletePort(ctx));
  versioned(router, 'GET', '/v1/nodes/{node_ident}/ports', (ctx, minor) => {
    const node = findNode(ctx, ctx.authProject(), ctx.params.node_ident);
    return listPorts(ctx, minor, false, node.uuid);
  });
  versioned(router, 'GET', '/v1/nodes/{node_ident}/ports/detail', (ctx, minor) => {
    const node = findNode(ctx, ctx.authProject(), ctx.params.node_ident);
    return listPorts(ctx, minor, true, node.uuid);
  });

  versioned(router, 'GET', '/v1/drivers', (ctx, minor) => {
    requireAdmin(ctx.authProject(), 'driver:get');
    const type = ctx.query.get('type');
    const detail = minor >= 30 && ['true', '1'].includes((ctx.query.get('detail') ?? '').toLowerCase());
    return json(200, { drivers: type && type !== 'dynamic' ? [] : [renderDriver(ctx, minor, detail)] });
  });
  versioned(router, 'GET', '/v1/drivers/{driver_name}', (ctx, minor) => {
    requireAdmin(ctx.authProject(), 'driver:get');
    if (ctx.params.driver_name !== DRIVER) throw notFound(`The driver '${ctx.params.driver_name}' is unknown.`);
    return json(200, renderDriver(ctx, minor, true));
  });
  versioned(router, 'GET', '/v1/drivers/{driver_name}/properties', (ctx) => {
    requireAdmin(ctx.authProject(), 'driver:get_properties');
    if (ctx.params.driver_name !== DRIVER) throw notFound(`The driver '${ctx.params.driver_name}' is unknown.`);
    return json(200, {});
  });
  versioned(router, 'GET', '/v1/conductors', (ctx, minor) => {
    requireAdmin(ctx.authProject(), 'conductor:get');
    if (minor < 49) throw notFound('The resource could not be found.');
    return json(200, { conductors: [{ hostname: CONDUCTOR, conductor_group: '', links: links(ctx, 'conductors', CONDUCTOR), alive: true }] });
  });
}
