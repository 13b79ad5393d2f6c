// /v1/{tenant_id}/stacks...: list, create, preview, lookup redirects, show, update (PUT/PATCH) and its
// preview, delete, template, environment, files, outputs (heat/api/openstack/v1/stacks.py).
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { json, type Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { definitionOf, knownType } from './engine/definitions';
import { startCreate, startDelete, startUpdate, newStack } from './engine/operations';
import { kick, outputsOf, refresh, rootOf } from './engine/runner';
import { remember, sessionFrom } from './engine/session';
import { validateResources } from './engine/validate';
import { actionInProgress, badRequest, heatError, notSupported, validationFailed } from './errors';
import { heatState, type Environment, type Stack, type StackDefinition } from './model';
import { stackPreview, updatePreview } from './preview';
import { outputView, stackDetail, stackUrl } from './render';
import { authorize, identify, instantiation, queryBool, readBody, stackAt, type Instantiation } from './request';
import { buildDefinition, type Definition } from './template/definition';
import { listStacks } from './stack-list';

const NAME = /^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/;

/** webob's pages for the redirects and the 202 Heat answers. */
export function htmlPage(status: string, body: string): string {
  return `<html>\n <head>\n  <title>${status}</title>\n </head>\n <body>\n  <h1>${status}</h1>\n  ${body}\n\n\n </body>\n</html>`;
}

/** How much an Accept header takes `type` (its q; a missing header takes anything, html first). */
function quality(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = 0;
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    if (range !== type && range !== `${major}/*` && range !== '*/*') continue;
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    best = Math.max(best, Number.isFinite(q) ? q : 0);
  }
  return best;
}

/** The 202 an update answers: webob's page, as JSON when the client prefers JSON to HTML (heatclient sends Accept: application/json). */
export function accepted(ctx: RequestContext): Reply {
  const accept = ctx.header('accept');
  if (accept && quality(accept, 'application/json') > quality(accept, 'text/html')) {
    return { status: 202, body: { message: 'The request is accepted for processing.<br /><br />\n\n\n', code: '202 Accepted', title: 'Accepted' } };
  }
  return { status: 202, raw: htmlPage('202 Accepted', 'The request is accepted for processing.<br /><br />\n'), contentType: 'text/html; charset=UTF-8' };
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw validationFailed(`Invalid stack name ${String(name)} must contain only alphanumeric or "_-." characters, must start with alpha and must be 255 characters or less.`);
  }
  return name;
}

/** Builds and validates a definition for a stack (parameters, template, properties, constraints). */
async function validated(ctx: RequestContext, auth: ProjectAuthInfo, identity: { id: string; name: string }, src: StackDefinition): Promise<Definition> {
  const def = buildDefinition(src, { stackId: identity.id, stackName: identity.name, projectId: auth.project.id }, { validateValues: true, knownType });
  await validateResources(def, src.files, sessionFrom(ctx, auth.project.id), 'create');
  return def;
}

function draft(core: CloudCore, auth: ProjectAuthInfo, name: string, inst: Instantiation, id?: string): Stack {
  return newStack(
    core,
    {
      name,
      projectId: auth.project.id,
      userId: auth.user.id,
      username: auth.user.name,
      definition: { template: inst.template!, environment: inst.environment, files: inst.files },
      disableRollback: inst.disableRollback ?? true,
      timeoutMins: inst.timeoutMins ?? null,
      tags: inst.tags ?? null,
    },
    id,
  );
}

async function create(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const auth = authorize(ctx, ctx.params.tenant_id);
  const body = await readBody(ctx);
  if (!('stack_name' in body)) throw badRequest('No stack name specified');
  const inst = await instantiation(body, false);
  const name = checkName(body.stack_name);
  if (Object.values(heatState(core).stacks).some((s) => s.name === name && s.projectId === auth.project.id && s.deletedAt === null)) {
    throw heatError(409, 'StackExists', `The Stack (${name}) already exists.`);
  }
  const stack = draft(core, auth, name, inst);
  await validated(ctx, auth, stack, stack);
  heatState(core).stacks[stack.id] = stack;
  remember(core, stack.id, sessionFrom(ctx, auth.project.id));
  startCreate(core, stack);
  kick(core);
  const self = stackUrl(ctx.serviceUrl, stack);
  return json(201, { stack: { id: stack.id, links: [{ href: self, rel: 'self' }] } }, { Location: self });
}

async function preview(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const auth = authorize(ctx, ctx.params.tenant_id);
  const body = await readBody(ctx);
  if (!('stack_name' in body)) throw badRequest('No stack name specified');
  const inst = await instantiation(body, false);
  const stack = draft(core, auth, checkName(body.stack_name), inst, 'None');
  const def = await validated(ctx, auth, stack, stack);
  return json(200, { stack: stackPreview(ctx.serviceUrl, def, stack, inst.files, core.clock.now()) });
}

/** The stack a PUT/PATCH turns into: PATCH keeps the template, files and parameters it does not replace. */
function target(stack: Stack, inst: Instantiation, patch: boolean): StackDefinition {
  if (!patch) return { template: inst.template!, environment: inst.environment, files: inst.files };
  const parameters = { ...stack.environment.parameters };
  for (const k of inst.clearParameters) delete parameters[k];
  const environment: Environment = {
    ...stack.environment,
    parameters: { ...parameters, ...inst.environment.parameters },
    parameter_defaults: { ...stack.environment.parameter_defaults, ...inst.environment.parameter_defaults },
    resource_registry: { ...stack.environment.resource_registry, ...inst.environment.resource_registry },
  };
  return { template: inst.template ?? stack.template, environment, files: { ...stack.files, ...inst.files } };
}

function immutableCheck(current: Definition, next: Definition): void {
  const changed = Object.values(next.schemas)
    .filter((s) => s.immutable && s.name in current.params.values && JSON.stringify(current.params.values[s.name]) !== JSON.stringify(next.params.values[s.name]))
    .map((s) => s.name);
  if (changed.length) throw heatError(400, 'ImmutableParameterModified', `The following parameters are immutable and may not be updated: ${changed.join(', ')}`);
}

async function prepareUpdate(ctx: RequestContext, core: CloudCore, patch: boolean) {
  const auth = authorize(ctx, ctx.params.tenant_id);
  const stack = stackAt(core, auth, ctx.params.stack_name, ctx.params.stack_id, false);
  const inst = await instantiation(await readBody(ctx), patch);
  const next = target(stack, inst, patch);
  const def = await validated(ctx, auth, stack, next);
  immutableCheck(definitionOf(stack, stack), def);
  return { auth, stack, inst, next, def };
}

async function update(ctx: RequestContext, core: CloudCore, patch: boolean): Promise<Reply> {
  const { auth, stack, inst, next } = await prepareUpdate(ctx, core, patch);
  if (stack.action === 'SUSPEND') throw notSupported('Updating a stack when it is suspended');
  if (stack.action === 'DELETE') throw notSupported('Updating a stack when it is deleting');
  if (stack.op) throw actionInProgress(stack.name, stack.action);
  if (inst.timeoutMins !== undefined) stack.timeoutMins = inst.timeoutMins;
  if (inst.disableRollback !== undefined) stack.disableRollback = inst.disableRollback;
  if (inst.tags !== undefined || !patch) stack.tags = inst.tags ?? null;
  remember(core, rootOf(core, stack).id, sessionFrom(ctx, auth.project.id));
  startUpdate(core, stack, next);
  kick(core);
  return accepted(ctx);
}

async function previewUpdate(ctx: RequestContext, core: CloudCore, patch: boolean): Promise<Reply> {
  const { stack, def } = await prepareUpdate(ctx, core, patch);
  return json(200, { resource_changes: updatePreview(core, stack, definitionOf(stack, stack), def) });
}

/** stack_lookup: 302 to the canonical URL, the rest of the path and the query kept. */
function lookup(core: CloudCore, subpath = ''): (ctx: RequestContext) => Reply {
  return (ctx) => {
    const auth = authorize(ctx, ctx.params.tenant_id);
    const stack = identify(core, auth, ctx.params.stack_name);
    const location = `${stackUrl(ctx.serviceUrl, stack)}${subpath ? `/${subpath}` : ''}${ctx.url.search}`;
    return { status: 302, raw: htmlPage('302 Found', `The resource was found at <a href="${location}">${location}</a>;\nyou should be redirected automatically.\n`), contentType: 'text/html; charset=UTF-8', headers: { Location: location } };
  };
}

/** The stack named by the path, its engine caught up first. */
export async function pathStack(ctx: RequestContext, core: CloudCore, showDeleted = true): Promise<{ auth: ProjectAuthInfo; stack: Stack }> {
  const auth = authorize(ctx, ctx.params.tenant_id);
  const stack = stackAt(core, auth, ctx.params.stack_name, ctx.params.stack_id, showDeleted);
  await refresh(core, stack);
  return { auth, stack };
}

export function stackRoutes(router: Router, core: CloudCore): void {
  const base = '/v1/{tenant_id}/stacks';
  router.get(base, (ctx) => listStacks(ctx, core));
  router.post(base, (ctx) => create(ctx, core));
  router.post(`${base}/preview`, (ctx) => preview(ctx, core));
  router.get(`${base}/detail`, (ctx) => {
    const auth = authorize(ctx, ctx.params.tenant_id);
    const own = Object.values(heatState(core).stacks).filter((s) => s.projectId === auth.project.id && s.deletedAt === null && !s.parent);
    return json(200, { stacks: own.map((s) => stackDetail(core, ctx.serviceUrl, s, true)) });
  });
  router.add(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], `${base}/{stack_name}`, lookup(core));
  for (const sub of ['resources', 'events', 'template', 'actions', 'environment', 'files']) {
    router.add(sub === 'environment' || sub === 'files' ? 'GET' : ['GET', 'POST'], `${base}/{stack_name}/${sub}`, lookup(core, sub));
  }
  const one = `${base}/{stack_name}/{stack_id}`;
  router.get(one, async (ctx) => {
    const { stack } = await pathStack(ctx, core);
    const resolve = queryBool(ctx, 'resolve_outputs', true);
    return json(200, { stack: stackDetail(core, ctx.serviceUrl, stack, resolve) });
  });
  router.put(one, (ctx) => update(ctx, core, false));
  router.patch(one, (ctx) => update(ctx, core, true));
  router.put(`${one}/preview`, (ctx) => previewUpdate(ctx, core, false));
  router.patch(`${one}/preview`, (ctx) => previewUpdate(ctx, core, true));
  router.delete(one, async (ctx) => {
    const auth = authorize(ctx, ctx.params.tenant_id);
    const stack = stackAt(core, auth, ctx.params.stack_name, ctx.params.stack_id, false);
    remember(core, rootOf(core, stack).id, sessionFrom(ctx, auth.project.id));
    if (stack.op?.action !== 'DELETE') {
      if (stack.op) stack.op.cancelled = 'delete';
      else startDelete(core, stack);
    }
    kick(core);
    return { status: 204 };
  });
  router.get(`${one}/template`, async (ctx) => json(200, (await pathStack(ctx, core)).stack.template));
  router.get(`${one}/environment`, async (ctx) => {
    const e = (await pathStack(ctx, core)).stack.environment;
    return json(200, { resource_registry: e.resource_registry, parameters: e.parameters, parameter_defaults: e.parameter_defaults, event_sinks: e.event_sinks, encrypted_param_names: e.encrypted_param_names });
  });
  router.get(`${one}/files`, async (ctx) => json(200, (await pathStack(ctx, core)).stack.files));
  router.get(`${one}/outputs`, async (ctx) => {
    const { stack } = await pathStack(ctx, core);
    return json(200, { outputs: outputsOf(core, stack).map((o) => outputView(o, false)) });
  });
  router.get(`${one}/outputs/{output_key}`, async (ctx) => {
    const { stack } = await pathStack(ctx, core);
    const o = outputsOf(core, stack).find((x) => x.key === ctx.params.output_key);
    if (!o) throw heatError(404, 'NotFound', `Specified output key ${ctx.params.output_key} not found.`);
    return json(200, { output: outputView(o) });
  });
}

