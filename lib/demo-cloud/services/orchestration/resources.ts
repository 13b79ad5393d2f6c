// Resources, events and actions of a stack (heat/api/openstack/v1/resources.py, events.py, actions.py).
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { json, type Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { addEvent, setResourceState, setStackState } from './engine/events';
import { startAction } from './engine/operations';
import { context, kick, nested, rootOf } from './engine/runner';
import { remember, sessionFrom } from './engine/session';
import { pluginFor } from './plugins/registry';
import { actionInProgress, badRequest, heatError, notSupported, resourceNotFound } from './errors';
import { heatState, stateLabel, type HeatEvent, type Json, type JsonMap, type Resource, type Stack } from './model';
import { eventView, resourceView } from './render';
import { extractBool, extractInt, heatPage, matchesQuery, readBody, sortDirection } from './request';
import { pathStack } from './stacks';
import { pyRepr } from './template/python';

/** The stack and the nested stacks under it down to `depth`, each with its depth. */
function withNested(core: CloudCore, stack: Stack, depth: number): Stack[] {
  const out = [stack];
  if (depth <= 0) return out;
  for (const s of Object.values(heatState(core).stacks)) {
    if (s.parent === stack.id && s.deletedAt === null) out.push(...withNested(core, s, depth - 1));
  }
  return out;
}

/** _find_resource_in_stack: by name, else by physical id. */
function findResource(stack: Stack, name: string): Resource {
  const r = stack.resources[name] ?? Object.values(stack.resources).find((x) => x.physicalId && x.physicalId === name);
  if (!r) throw resourceNotFound(name, stack.name);
  return r;
}

const RES_FILTERS: Record<string, (r: Resource) => string | string[]> = {
  type: (r) => r.type,
  // Heat matches a status filter against the status and against ACTION_STATUS.
  status: (r) => [r.status, stateLabel(r)],
  name: (r) => r.name,
  action: (r) => r.action,
  id: (r) => r.uuid,
  physical_resource_id: (r) => r.physicalId,
};

async function listResources(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const { stack } = await pathStack(ctx, core);
  const allowed = [...Object.keys(RES_FILTERS), 'nested_depth', 'with_detail'];
  const invalid = [...new Set(ctx.query.keys())].filter((k) => !allowed.includes(k));
  if (invalid.length) throw badRequest(`Invalid filter parameters ${pyRepr(invalid)}`);
  const depth = ctx.query.has('nested_depth') ? extractInt('nested_depth', ctx.query.get('nested_depth')!) : 0;
  const detail = ctx.query.has('with_detail') ? extractBool('with_detail', ctx.query.get('with_detail')!) : false;
  const rows: JsonMap[] = [];
  for (const s of withNested(core, stack, depth)) {
    for (const r of Object.values(s.resources)) {
      if (matchesQuery(ctx.query, RES_FILTERS, r)) rows.push(resourceView(core, ctx.serviceUrl, s, r, detail));
    }
  }
  return json(200, { resources: rows });
}

const EVENT_FILTERS: Record<string, (e: HeatEvent) => string> = {
  resource_status: (e) => e.status,
  resource_action: (e) => String(e.action),
  resource_name: (e) => e.resourceName,
  resource_type: (e) => e.type,
};

async function listEvents(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const { stack } = await pathStack(ctx, core);
  const q = ctx.query;
  const depth = q.get('nested_depth') ? extractInt('nested_depth', q.get('nested_depth')!) : 0;
  const limit = q.get('limit') ? extractInt('limit', q.get('limit')!) : null;
  const resourceName = ctx.params.resource_name;
  const stacks = withNested(core, stack, depth);
  const byStack = new Map(stacks.map((s) => [s.id, s]));
  const all = heatState(core).events;
  const found = stacks
    .flatMap((s) => (all[s.id] ?? []).map((e, i) => ({ e, seq: i })))
    .filter(({ e }) => (resourceName === undefined || e.resourceName === resourceName) && matchesQuery(q, EVENT_FILTERS, e));
  const keys = q.getAll('sort_keys').filter((k) => k === 'event_time' || k === 'resource_type');
  const dir = sortDirection(q, keys);
  found.sort((a, b) => {
    if (keys.includes('resource_type') && a.e.type !== b.e.type) return (a.e.type < b.e.type ? -1 : 1) * dir;
    return (a.e.time - b.e.time || a.seq - b.seq) * dir;
  });
  const events = heatPage(found, q.get('marker'), limit, ({ e }) => e.id);
  if (resourceName !== undefined && events.length === 0) throw heatError(404, 'HTTPNotFound', `No events found for resource ${resourceName}`);
  return json(200, { events: events.map(({ e }) => eventView(ctx.serviceUrl, byStack.get(e.stackId)!, e, false, depth ? stack : undefined)) });
}

/** POST /actions: exactly one of suspend, resume, check, cancel_update, cancel_without_rollback. */
async function action(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const { auth, stack } = await pathStack(ctx, core, false);
  const body = await readBody(ctx);
  const keys = Object.keys(body);
  if (keys.length === 0) throw badRequest('No action specified');
  if (keys.length > 1) throw badRequest('Multiple actions specified');
  const act = keys[0];
  if (!['suspend', 'resume', 'check', 'cancel_update', 'cancel_without_rollback'].includes(act)) throw badRequest(`Invalid action ${act} specified`);
  remember(core, rootOf(core, stack).id, sessionFrom(ctx, auth.project.id));
  if (act.startsWith('cancel')) {
    if (!stack.op || stack.action !== 'UPDATE' || stack.status !== 'IN_PROGRESS') throw notSupported(`Cancelling update when stack is ${stateLabel(stack)}`);
    stack.op.cancelled = act === 'cancel_update' ? 'rollback' : 'no-rollback';
    // Convergence starts the rollback at once; what was running finishes under it.
    if (act === 'cancel_update') setStackState(core, stack, 'ROLLBACK', 'IN_PROGRESS', 'Stack ROLLBACK started');
  } else {
    if (stack.op) throw actionInProgress(stack.name, stack.action);
    startAction(core, stack, act.toUpperCase() as 'SUSPEND' | 'RESUME' | 'CHECK');
  }
  kick(core);
  return json(200, null);
}

async function signal(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const { auth, stack } = await pathStack(ctx, core, false);
  const res = findResource(stack, ctx.params.resource_name);
  const text = (await ctx.rawBody()).toString('utf8').trim();
  const details = text ? ((JSON.parse(text) as Json) ?? null) : null;
  const plugin = pluginFor(res.type);
  if (!plugin?.signal) throw heatError(400, 'ResourceActionNotSupported', 'signal is not supported for resource.');
  if (res.action === 'SUSPEND' || res.action === 'DELETE') {
    addEvent(core, stack, res, res.action, res.status, `Cannot signal resource during ${res.action}`);
    throw notSupported(`Signal resource during ${res.action}`);
  }
  const session = sessionFrom(ctx, auth.project.id) ?? undefined;
  remember(core, rootOf(core, stack).id, session ?? null);
  const said = await plugin.signal(context(core, stack, res, res.props ?? {}, session), details);
  if (said) addEvent(core, stack, res, 'SIGNAL', res.status, `Signal: ${said}`);
  kick(core);
  return json(200, null);
}

async function markUnhealthy(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const { stack } = await pathStack(ctx, core, false);
  const body = await readBody(ctx);
  const invalid = Object.keys(body).filter((k) => k !== 'mark_unhealthy' && k !== 'resource_status_reason');
  if (invalid.length) throw badRequest(`Invalid keys in resource mark unhealthy {${invalid.map((k) => pyRepr(k)).join(', ')}}`);
  if (!('mark_unhealthy' in body)) throw badRequest('Missing mandatory (mark_unhealthy) key from mark unhealthy request');
  const mark = extractBool('mark_unhealthy', body.mark_unhealthy);
  const res = findResource(stack, ctx.params.resource_name);
  const reason = (typeof body.resource_status_reason === 'string' && body.resource_status_reason) || 'state changed by resource_mark_unhealthy api';
  if (mark && res.action !== 'DELETE') setResourceState(core, stack, res, 'CHECK', 'FAILED', reason);
  else if (!mark && res.action === 'CHECK' && res.status === 'FAILED') setResourceState(core, stack, res, 'CHECK', 'COMPLETE', reason);
  return json(200, null);
}

export function resourceRoutes(router: Router, core: CloudCore): void {
  const one = '/v1/{tenant_id}/stacks/{stack_name}/{stack_id}';
  router.get(`${one}/resources`, (ctx) => listResources(ctx, core));
  router.get(`${one}/resources/{resource_name}`, async (ctx) => {
    const { auth, stack } = await pathStack(ctx, core);
    const res = findResource(stack, ctx.params.resource_name);
    // Heat resolves a resource's attributes live for resource show.
    const plugin = pluginFor(res.type);
    if (plugin?.refresh && res.physicalId && !stack.op) {
      await plugin.refresh(context(core, stack, res, res.props ?? {}, sessionFrom(ctx, auth.project.id) ?? undefined)).catch(() => undefined);
    }
    const view = resourceView(core, ctx.serviceUrl, stack, res, true);
    const extra = ctx.query.getAll('with_attr');
    const attrs = view.attributes as JsonMap;
    if (extra.length && attrs && typeof attrs === 'object') {
      for (const a of extra) if (!(a in attrs)) attrs[a] = pluginFor(res.type)?.attribute(res, a, stack, nested(core), []) ?? null;
    }
    return json(200, { resource: view });
  });
  router.get(`${one}/resources/{resource_name}/metadata`, async (ctx) => {
    const { stack } = await pathStack(ctx, core);
    return json(200, { metadata: findResource(stack, ctx.params.resource_name).metadata });
  });
  router.post(`${one}/resources/{resource_name}/signal`, (ctx) => signal(ctx, core));
  router.patch(`${one}/resources/{resource_name}`, (ctx) => markUnhealthy(ctx, core));
  router.get(`${one}/events`, (ctx) => listEvents(ctx, core));
  router.get(`${one}/resources/{resource_name}/events`, (ctx) => listEvents(ctx, core));
  router.get(`${one}/resources/{resource_name}/events/{event_id}`, async (ctx) => {
    const { stack } = await pathStack(ctx, core);
    const e = (heatState(core).events[stack.id] ?? []).find((x) => x.id === ctx.params.event_id && x.resourceName === ctx.params.resource_name);
    if (!e) throw heatError(404, 'HTTPNotFound', `No event ${ctx.params.event_id} found`);
    return json(200, { event: eventView(ctx.serviceUrl, stack, e, true) });
  });
  router.post(`${one}/actions`, (ctx) => action(ctx, core));
}

