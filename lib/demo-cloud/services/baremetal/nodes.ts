import { z } from 'zod';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, conflict, HttpError } from '../../core/errors';
import { failsOnDemand } from '../../core/failures';
import { uuid as newUuid } from '../../core/ids';
import { paginate, nextPageUrl } from '../../core/pagination';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { publicView, schedule, type PendingStep } from '../../core/transitions';
import {
  assertUnlocked, fieldsParam, findNode, isoIronic, isUuid, links, locked, policyDenied, requireAdmin, schemaError,
  settleAll, state, validName,
} from './common';
import { applyPatch, PatchError, patchField, type PatchOp } from './jsonpatch';
import { versioned } from './microversion';
import {
  ALL_STATES, CONDUCTOR, DELETE_ALLOWED_STATES, DRIVER, newNode, PATCHABLE, transition, VERBS, VERSIONED_FIELDS, type Node,
} from './model';

/** objects/node.py _validate_property_values: cpus, memory_mb and local_gb must be non-negative integers (or their strings). */
export function checkIntProperties(uuid: string, props: Record<string, unknown> | undefined): void {
  const bad = ['cpus', 'memory_mb', 'local_gb'].filter((k) => {
    const v = props?.[k];
    if (v === undefined || v === null) return false;
    return !(typeof v === 'number' ? Number.isInteger(v) && v >= 0 : typeof v === 'string' && /^\s*\d+\s*$/.test(v));
  });
  if (bad.length) {
    throw badRequest(`The following properties for node ${uuid} should be non-negative integers, but provided values are: ${bad.map((k) => `${k}=${String(props![k])}`).join(', ')}`);
  }
}

/** Python's repr of a JSON value (the conductor puts the step dict in last_error). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

const BASIC_FIELDS = ['uuid', 'instance_uuid', 'maintenance', 'power_state', 'provision_state', 'name'];
const INTERNAL = new Set(['_pending']);

const allowed = (field: string, minor: number) => (VERSIONED_FIELDS[field] ?? 0) <= minor;

/** A node as Ironic renders it at the request's microversion. */
export function renderNode(ctx: RequestContext, node: Node, minor: number, fields: string[] | null = null) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(publicView(node))) {
    if (INTERNAL.has(k) || k === 'chassis_uuid' || k === 'allocation_uuid') continue;
    if (allowed(k, minor)) out[k] = v;
  }
  // update_state_in_older_versions
  if (minor < 2 && out.provision_state === 'available') out.provision_state = null;
  if (minor < 39 && out.provision_state === 'inspect wait') out.provision_state = 'inspecting';
  out.links = links(ctx, 'nodes', node.uuid);
  if (allowed('conductor', minor)) out.conductor = CONDUCTOR;
  if (allowed('allocation_uuid', minor)) out.allocation_uuid = node.allocation_uuid;
  out.chassis_uuid = node.chassis_uuid;
  const sub = (name: string) => links(ctx, 'nodes', `${node.uuid}/${name}`);
  out.ports = sub('ports');
  out.states = sub('states');
  if (minor >= 24) out.portgroups = sub('portgroups');
  if (minor >= 32) out.volume = sub('volume');
  if (!fields) return out;
  const invalid = fields.filter((f) => !(f in out));
  if (invalid.length > 0) throw badRequest(`Field(s) "${invalid.join(', ')}" are not valid`);
  const picked: Record<string, unknown> = {};
  for (const f of fields) picked[f] = out[f];
  picked.links = out.links;
  return picked;
}

const boolParam = (ctx: RequestContext, name: string): boolean | undefined => {
  const v = ctx.query.get(name);
  if (v === null) return undefined;
  const l = v.toLowerCase();
  if (['true', '1', 'yes', 'on', 'y', 't'].includes(l)) return true;
  if (['false', '0', 'no', 'off', 'n', 'f'].includes(l)) return false;
  throw badRequest(`Invalid boolean value: ${v}`);
};

function listNodes(ctx: RequestContext, minor: number, detail: boolean) {
  const auth = ctx.authProject();
  const s = settleAll(ctx);
  let fields = fieldsParam(ctx);
  if (detail && fields) throw badRequest(`Can not specify ?detail=True and fields in the same request.`);
  const wantDetail = detail || (minor >= 43 && boolParam(ctx, 'detail') === true);
  if (wantDetail && fields) throw badRequest(`Can not specify ?detail=True and fields in the same request.`);
  let nodes = s.nodes.filter((n) => auth.isAdmin || (auth.project && (n.owner === auth.project.id || n.lessee === auth.project.id)));
  const q = ctx.query;
  const ps = q.get('provision_state');
  if (ps !== null && !ALL_STATES.includes(ps)) throw badRequest(`Provision state "${ps}" is not valid`);
  const eq = (param: string, get: (n: Node) => unknown) => {
    const v = q.get(param);
    if (v !== null) nodes = nodes.filter((n) => String(get(n)) === v);
  };
  eq('provision_state', (n) => n.provision_state);
  eq('driver', (n) => n.driver);
  eq('resource_class', (n) => n.resource_class);
  eq('instance_uuid', (n) => n.instance_uuid);
  eq('conductor_group', (n) => n.conductor_group);
  eq('owner', (n) => n.owner);
  eq('lessee', (n) => n.lessee);
  eq('fault', (n) => n.fault);
  const maintenance = boolParam(ctx, 'maintenance');
  if (maintenance !== undefined) nodes = nodes.filter((n) => n.maintenance === maintenance);
  const associated = boolParam(ctx, 'associated');
  if (associated !== undefined) nodes = nodes.filter((n) => (n.instance_uuid !== null) === associated);
  const descr = q.get('description_contains');
  if (descr !== null) nodes = nodes.filter((n) => (n.description ?? '').includes(descr));
  const sortKey = q.get('sort_key');
  if (sortKey && sortKey !== 'id') {
    const key = sortKey as keyof Node;
    if (!(key in (nodes[0] ?? newNode({ uuid: '', created_at: '' })))) throw badRequest(`The sort_key value "${sortKey}" is an invalid field for sorting`);
    nodes = [...nodes].sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
  }
  if (q.get('sort_dir') === 'desc') nodes = [...nodes].reverse();
  let page;
  try {
    page = paginate(nodes, q, { id: (n) => n.uuid, maxLimit: 1000 });
  } catch (err) {
    if (err instanceof HttpError && q.get('marker')) throw badRequest(`Node ${q.get('marker')} could not be found.`);
    throw err;
  }
  if (!wantDetail && !fields) fields = BASIC_FIELDS.filter((f) => allowed(f, minor));
  const body: Record<string, unknown> = { nodes: page.items.map((n) => renderNode(ctx, n, minor, wantDetail ? null : fields)) };
  if (page.nextMarker) body.next = nextPageUrl(ctx.url.href, page.nextMarker, page.limit);
  return json(200, body);
}

const NodeCreate = z.looseObject({
  driver: z.string().optional(),
  name: z.string().nullable().optional(),
  uuid: z.string().optional(),
  driver_info: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
  instance_info: z.record(z.string(), z.unknown()).optional(),
  resource_class: z.string().max(80).nullable().optional(),
  description: z.string().nullable().optional(),
  owner: z.string().nullable().optional(),
  lessee: z.string().nullable().optional(),
  conductor_group: z.string().optional(),
  automated_clean: z.boolean().nullable().optional(),
  network_interface: z.string().optional(),
});

const CREATE_ALLOWED = new Set([
  'driver', 'name', 'uuid', 'driver_info', 'properties', 'extra', 'instance_info', 'resource_class', 'description',
  'owner', 'lessee', 'conductor_group', 'automated_clean', 'network_interface', 'chassis_uuid', 'protected',
  'protected_reason', 'retired', 'retired_reason', 'network_data', 'boot_interface', 'console_interface',
  'deploy_interface', 'inspect_interface', 'management_interface', 'power_interface', 'raid_interface',
  'rescue_interface', 'storage_interface', 'vendor_interface', 'bios_interface', 'shard', 'traits',
]);

async function createNode(ctx: RequestContext, minor: number) {
  const auth = ctx.authProject();
  requireAdmin(auth, 'node:create');
  const raw = await ctx.json();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw schemaError('node', `${JSON.stringify(raw)} is not of type 'object'`);
  const extraKeys = Object.keys(raw).filter((k) => !CREATE_ALLOWED.has(k));
  if (extraKeys.length > 0) {
    throw schemaError('node', `Additional properties are not allowed (${extraKeys.map((k) => `'${k}'`).join(', ')} ${extraKeys.length > 1 ? 'were' : 'was'} unexpected)`);
  }
  const parsed = NodeCreate.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw schemaError('node', `${JSON.stringify((raw as Record<string, unknown>)[String(issue.path[0])])} is not valid under any of the given schemas`);
  }
  const body = parsed.data;
  if (!body.driver) throw schemaError('node', `'driver' is a required property`);
  for (const [k, v] of Object.entries(VERSIONED_FIELDS)) {
    if (v > minor && k in body && (body as Record<string, unknown>)[k] != null) throw new HttpError(406, 'Request not acceptable.');
  }
  if (body.driver !== DRIVER) {
    throw badRequest(`No valid host was found. Reason: No conductor service registered which supports driver ${body.driver} for conductor group "".`);
  }
  const s = state(ctx.core);
  const id = body.uuid ?? newUuid();
  checkIntProperties(id, body.properties);
  if (body.name != null) {
    if (!validName(body.name) || isUuid(body.name)) throw badRequest(`Cannot create node with invalid name '${body.name}'`);
    if (s.nodes.some((n) => n.name === body.name)) throw conflict(`A node with name ${body.name} already exists.`);
  }
  if (!isUuid(id)) throw schemaError('node', `'${id}' is not a 'uuid'`);
  if (s.nodes.some((n) => n.uuid === id)) throw conflict(`A node with UUID ${id} already exists.`);
  const rest = { ...(body as Record<string, unknown>) };
  delete rest.uuid;
  const node = newNode({
    ...(rest as Partial<Node>),
    uuid: id,
    name: body.name ?? null,
    created_at: isoIronic(ctx.core.clock.now()),
    provision_state: minor >= 11 ? 'enroll' : 'available',
    power_state: null,
    owner: body.owner ?? auth.project.id,
  });
  s.nodes.push(node);
  return json(201, renderNode(ctx, node, minor), { Location: `${ctx.serviceUrl}/v1/nodes/${node.uuid}` });
}

/** Queues the patches at nominal offsets and stamps each with its own updated_at/provision_updated_at. */
function plan(core: CloudCore, node: Node, steps: Array<[number, Partial<Node>]>, provision = true) {
  schedule(node, core.clock, steps as Array<[number, Partial<Omit<Node, '_pending'>>]>);
  for (const p of node._pending as PendingStep[]) {
    p.patch.updated_at = isoIronic(p.at);
    if (provision) p.patch.provision_updated_at = isoIronic(p.at);
  }
}

function start(core: CloudCore, node: Node, now: Partial<Node>, steps: Array<[number, Partial<Node>]>, provision = true) {
  const ts = isoIronic(core.clock.now());
  Object.assign(node, now, { updated_at: ts }, provision ? { provision_updated_at: ts } : {});
  plan(core, node, steps, provision);
}

const DONE = { target_provision_state: null, reservation: null };

function deploy(core: CloudCore, node: Node) {
  const failing = failsOnDemand(core, node.name);
  start(core, node, { provision_state: 'deploying', target_provision_state: 'active', last_error: null, ...locked }, [
    [3, { provision_state: 'wait call-back', reservation: null }],
    ...(failing
      ? ([[4, {
          provision_state: 'deploy failed',
          last_error: `Deploy step deploy.deploy failed: Timeout reached while waiting for callback for node ${node.uuid}.`,
          power_state: 'power off',
        }]] as Array<[number, Partial<Node>]>)
      : ([
          [4, { provision_state: 'deploying', ...locked }],
          // fake-hardware's deploy leaves the power as it was (a node deployed while off stays off on the realcloud).
          [3, { provision_state: 'active', ...DONE, deploy_step: {} }],
        ] as Array<[number, Partial<Node>]>)),
  ]);
}

function tearDown(core: CloudCore, node: Node) {
  // The fake deploy interface leaves the power on through tear-down (as on the realcloud).
  start(core, node, { provision_state: 'deleting', target_provision_state: 'available', last_error: null, ...locked }, [
    [2, { provision_state: 'cleaning' }],
    [2, { provision_state: 'available', ...DONE, instance_uuid: null, instance_info: {} }],
  ]);
}

/** Which management verbs need which minor version (api_utils.check_allow_management_verbs). */
const VERB_MIN: Record<string, number> = { manage: 4, provide: 4, inspect: 6, abort: 13, clean: 15, adopt: 17, rescue: 38, unrescue: 38, deploy: 73, undeploy: 73 };

const ProvisionBody = z.looseObject({
  target: z.string().optional(),
  configdrive: z.unknown().optional(),
  clean_steps: z.array(z.unknown()).nullable().optional(),
  deploy_steps: z.array(z.unknown()).nullable().optional(),
  rescue_password: z.string().optional(),
  disable_ramdisk: z.boolean().optional(),
});

async function setProvision(ctx: RequestContext, minor: number) {
  const auth = ctx.authProject();
  const node = findNode(ctx, auth, ctx.params.node_ident);
  requireAdmin(auth, 'node:set_provision_state');
  const body = await ctx.body(ProvisionBody);
  const target = body.target;
  if (!target) throw badRequest('Missing mandatory parameter: target');
  if ((VERB_MIN[target] ?? 0) > minor) throw new HttpError(406, 'Request not acceptable.');
  if (['active', 'rebuild'].includes(target) && node.maintenance) {
    throw badRequest(`The provisioning operation can't be performed on node ${node.uuid} because it's in maintenance mode.`);
  }
  const event = VERBS[target] ?? target;
  const next = transition(node.provision_state, event);
  if (!next) {
    assertUnlocked(node);
    throw badRequest(`The requested action "${target}" can not be performed on node "${node.uuid}" while it is in state "${node.provision_state}".`);
  }
  if (body.clean_steps && target !== 'clean') throw badRequest(`"clean_steps" is only valid when setting target provision state to clean`);
  const core = ctx.core;
  switch (event) {
    case 'deploy':
    case 'rebuild':
      deploy(core, node);
      break;
    case 'delete':
      tearDown(core, node);
      break;
    case 'manage':
      if (node.provision_state === 'enroll') {
        start(core, node, { provision_state: 'verifying', target_provision_state: 'manageable', last_error: null, ...locked }, [
          [1, { provision_state: 'manageable', ...DONE }],
        ]);
      } else {
        start(core, node, { provision_state: 'manageable', target_provision_state: null, last_error: null }, []);
      }
      break;
    case 'provide':
      start(core, node, { provision_state: 'cleaning', target_provision_state: 'available', last_error: null, ...locked }, [
        [2, { provision_state: 'available', ...DONE }],
      ]);
      break;
    case 'clean':
      if (!body.clean_steps || body.clean_steps.length === 0) {
        throw badRequest(`"clean_steps" is required when setting target provision state to clean`);
      }
      // fake-hardware's interfaces declare no clean steps: the real conductor fails every manual clean at once and
      // keeps target_provision_state=manageable (seen on Ironic 21.4 with deploy.erase_devices_metadata, raid.delete_configuration).
      start(core, node, { provision_state: 'cleaning', target_provision_state: 'manageable', last_error: null, clean_step: {}, ...locked }, [
        [1, { provision_state: 'clean failed', reservation: null, clean_step: {}, last_error: `Cannot clean node ${node.uuid}: node does not support this clean step: ${pyRepr(body.clean_steps[0])}` }],
      ]);
      break;
    case 'inspect': {
      const ts = isoIronic(core.clock.now());
      start(core, node, { provision_state: 'inspecting', target_provision_state: 'manageable', last_error: null, inspection_started_at: ts, inspection_finished_at: null, ...locked }, [
        [3, { provision_state: 'manageable', ...DONE }],
      ]);
      node._pending![0].patch.inspection_finished_at = isoIronic(node._pending![0].at);
      break;
    }
    case 'rescue':
      if (!body.rescue_password?.trim()) throw badRequest(`A non-empty "rescue_password" is required when setting target provision state to rescue`);
      start(core, node, { provision_state: 'rescuing', target_provision_state: 'rescue', ...locked }, [[3, { provision_state: 'rescue', ...DONE }]]);
      break;
    case 'unrescue':
      start(core, node, { provision_state: 'unrescuing', target_provision_state: 'active', ...locked }, [[2, { provision_state: 'active', ...DONE }]]);
      break;
    case 'adopt':
      start(core, node, { provision_state: 'adopting', target_provision_state: 'active', ...locked }, [[1, { provision_state: 'active', ...DONE }]]);
      break;
    case 'abort':
      start(core, node, { provision_state: next, target_provision_state: null, reservation: null, last_error: 'By request, the operation was aborted' }, []);
      break;
    default:
      throw badRequest(`The requested action "${target}" could not be understood.`);
  }
  return json(202, undefined, { Location: `${ctx.serviceUrl}/v1/nodes/${ctx.params.node_ident}/states` });
}

const POWER_TARGETS: Record<string, { min: number; target: string; final: string }> = {
  'power on': { min: 1, target: 'power on', final: 'power on' },
  'power off': { min: 1, target: 'power off', final: 'power off' },
  rebooting: { min: 1, target: 'power on', final: 'power on' },
  'soft power off': { min: 27, target: 'power off', final: 'power off' },
  'soft rebooting': { min: 27, target: 'power on', final: 'power on' },
};

async function setPower(ctx: RequestContext, minor: number) {
  const auth = ctx.authProject();
  const ident = ctx.params.node_ident;
  const node = findNode(ctx, auth, ident);
  requireAdmin(auth, 'node:set_power_state');
  const body = await ctx.body(z.looseObject({ target: z.string().optional(), timeout: z.unknown().optional() }));
  if (!body.target) throw badRequest('Missing mandatory parameter: target');
  if (body.timeout !== undefined && body.timeout !== null) {
    if (minor < 27) throw new HttpError(406, 'Request not acceptable.');
    if (!Number.isInteger(body.timeout) || (body.timeout as number) <= 0) throw badRequest('timeout has to be positive integer');
  }
  const spec = POWER_TARGETS[body.target];
  if (!spec || spec.min > minor) {
    throw badRequest(`The requested action "${body.target}" can not be performed on node "${ident}" while it is in state "${node.power_state}".`);
  }
  assertUnlocked(node);
  start(ctx.core, node, { target_power_state: spec.target, ...locked }, [
    [1, { power_state: spec.final, target_power_state: null, reservation: null, driver_internal_info: { ...node.driver_internal_info, last_power_state_change: new Date(ctx.core.clock.after(1)).toISOString().replace('Z', '000') } }],
  ], false);
  return json(202, undefined, { Location: `${ctx.serviceUrl}/v1/nodes/${ident}/states` });
}

const INTERNAL_PATCH_MSG = `Cannot patch %s. Only the following can be updated: ${PATCHABLE.join(', ')}`;

async function patchNode(ctx: RequestContext, minor: number) {
  const auth = ctx.authProject();
  const node = findNode(ctx, auth, ctx.params.node_ident);
  requireAdmin(auth, 'node:update');
  const ops = await ctx.json();
  if (!Array.isArray(ops) || ops.some((o) => !o || typeof o !== 'object' || typeof (o as PatchOp).path !== 'string' || typeof (o as PatchOp).op !== 'string')) {
    throw badRequest('Invalid patch: expected a list of {"op", "path", "value"} objects.');
  }
  for (const op of ops as PatchOp[]) {
    const field = patchField(op);
    if (!PATCHABLE.includes(field)) throw badRequest(INTERNAL_PATCH_MSG.replace('%s', op.path));
    if ((VERSIONED_FIELDS[field] ?? 0) > minor) throw new HttpError(406, 'Request not acceptable.');
  }
  assertUnlocked(node);
  let updated: Node;
  try {
    updated = applyPatch(node, ops as PatchOp[]);
  } catch (err) {
    if (err instanceof PatchError) throw badRequest(err.message);
    throw err;
  }
  const s = state(ctx.core);
  if (updated.name !== node.name && updated.name !== null) {
    if (!validName(updated.name) || isUuid(updated.name)) throw badRequest(`Node ${ctx.params.node_ident}: Cannot change name to invalid name '${updated.name}'`);
    if (s.nodes.some((n) => n !== node && n.name === updated.name)) throw conflict(`A node with name ${updated.name} already exists.`);
  }
  if (updated.driver !== DRIVER) {
    throw badRequest(`No valid host was found. Reason: No conductor service registered which supports driver ${updated.driver} for conductor group "".`);
  }
  if (updated.instance_uuid !== null && updated.instance_uuid !== undefined && !isUuid(String(updated.instance_uuid))) {
    throw badRequest(`Invalid UUID for instance_uuid: ${String(updated.instance_uuid)}`);
  }
  for (const k of ['properties', 'driver_info', 'extra', 'instance_info'] as const) if (!updated[k] || typeof updated[k] !== 'object') updated[k] = {};
  checkIntProperties(node.uuid, updated.properties);
  if (typeof updated.maintenance !== 'boolean') updated.maintenance = Boolean(updated.maintenance);
  if (!updated.maintenance) updated.maintenance_reason = null;
  Object.assign(node, updated, { updated_at: isoIronic(ctx.core.clock.now()) });
  return json(200, renderNode(ctx, node, minor));
}

function deleteNode(ctx: RequestContext) {
  const auth = ctx.authProject();
  const node = findNode(ctx, auth, ctx.params.node_ident);
  requireAdmin(auth, 'node:delete');
  assertUnlocked(node);
  if (!node.maintenance && node.instance_uuid !== null) {
    throw conflict(`Node ${node.uuid} is associated with instance ${node.instance_uuid}.`);
  }
  if (node.protected) throw new HttpError(403, `Node ${node.uuid} is protected and cannot be undeployed, rebuilt or deleted`);
  if (!node.maintenance && !DELETE_ALLOWED_STATES.includes(node.provision_state)) {
    const valid = `(${DELETE_ALLOWED_STATES.map((x) => `'${x}'`).join(', ')})`;
    throw conflict(
      `Can not delete node "${node.uuid}" while it is in provision state "${node.provision_state}". Valid provision states to perform deletion are: "${valid}", or set the node into maintenance mode`,
    );
  }
  const s = state(ctx.core);
  s.nodes.splice(s.nodes.indexOf(node), 1);
  s.ports = s.ports.filter((p) => p.node_uuid !== node.uuid);
  return json(204, undefined);
}

function nodeStates(ctx: RequestContext, minor: number) {
  const auth = ctx.authProject();
  const node = findNode(ctx, auth, ctx.params.node_ident);
  const full = renderNode(ctx, node, minor);
  const keys = ['console_enabled', 'last_error', 'power_state', 'provision_state', 'target_power_state', 'target_provision_state', 'provision_updated_at', 'raid_config', 'target_raid_config', 'boot_mode', 'secure_boot'];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in full) out[k] = full[k];
  return json(200, out);
}

async function setMaintenance(ctx: RequestContext, on: boolean) {
  const auth = ctx.authProject();
  const node = findNode(ctx, auth, ctx.params.node_ident);
  requireAdmin(auth, on ? 'node:set_maintenance' : 'node:clear_maintenance');
  let reason: string | null = ctx.query.get('reason');
  if (on) {
    const text = (await ctx.rawBody()).toString('utf8').trim();
    if (text) {
      const body = await ctx.body(z.looseObject({ reason: z.string().nullable().optional() }));
      reason = body.reason ?? reason;
    }
  }
  Object.assign(node, on ? { maintenance: true, maintenance_reason: reason ?? null } : { maintenance: false, maintenance_reason: null, fault: null }, {
    updated_at: isoIronic(ctx.core.clock.now()),
  });
  return json(202, undefined);
}

function validateNode(ctx: RequestContext) {
  const auth = ctx.authProject();
  const node = findNode(ctx, auth, ctx.params.node_ident);
  requireAdmin(auth, 'node:validate');
  const ok = { result: true };
  const out: Record<string, unknown> = {
    boot: ok, deploy: ok, management: ok, network: ok, power: ok, bios: ok, console: ok, inspect: ok, raid: ok, rescue: ok, storage: ok,
  };
  if (node.provision_state === 'enroll' && Object.keys(node.driver_info).length === 0) {
    // fake-hardware validates nothing: every interface passes, as on the real cloud.
  }
  return json(200, out);
}

export function nodeRoutes(router: Router): void {
  versioned(router, 'GET', '/v1/nodes', (ctx, minor) => listNodes(ctx, minor, false));
  versioned(router, 'GET', '/v1/nodes/detail', (ctx, minor) => listNodes(ctx, minor, true));
  versioned(router, 'POST', '/v1/nodes', createNode);
  versioned(router, 'GET', '/v1/nodes/{node_ident}', (ctx, minor) => {
    const auth = ctx.authProject();
    return json(200, renderNode(ctx, findNode(ctx, auth, ctx.params.node_ident, minor), minor, fieldsParam(ctx)));
  });
  versioned(router, 'PATCH', '/v1/nodes/{node_ident}', patchNode);
  versioned(router, 'DELETE', '/v1/nodes/{node_ident}', (ctx) => deleteNode(ctx));
  versioned(router, 'GET', '/v1/nodes/{node_ident}/states', nodeStates);
  versioned(router, 'PUT', '/v1/nodes/{node_ident}/states/provision', setProvision);
  versioned(router, 'PUT', '/v1/nodes/{node_ident}/states/power', setPower);
  versioned(router, 'PUT', '/v1/nodes/{node_ident}/maintenance', (ctx) => setMaintenance(ctx, true));
  versioned(router, 'DELETE', '/v1/nodes/{node_ident}/maintenance', (ctx) => setMaintenance(ctx, false));
  versioned(router, 'GET', '/v1/nodes/{node_ident}/validate', (ctx) => validateNode(ctx));
  void policyDenied;
}
