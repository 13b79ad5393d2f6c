// The engine's loop: a pass over one stack checks its running tasks, starts the tasks whose
// dependencies are done and, when nothing runs any more, ends the operation (COMPLETE, or FAILED
// and maybe a rollback). Passes run on reads of the stack and on a ticker while work remains; one
// pass per stack at a time. Resource work is HTTP calls to the other services (plugins/).
import type { CloudCore } from '../../../core/cloud';
import { HttpError } from '../../../core/errors';
import { emptyEnvironment, heatState, resourceByKey, type Action, type Json, type JsonMap, type Resource, type Stack, type Task } from '../model';
import { ResourceFailure, ServiceClient } from '../plugins/client';
import { physicalName } from '../plugins/naming';
import { pluginFor, UNCHECKED_TYPES } from '../plugins/registry';
import type { NestedStacks, Plugin, PluginContext } from '../plugins/types';
import { resolveIn, resolveProperties, type Definition } from '../template/definition';
import { attrOf, definitionOf, refOf, scopeOf } from './definitions';
import { addEvent, setResourceState, setStackState } from './events';
import { addCleanup, newResource, newStack, startAction, startCreate, startDelete, startUpdate } from './operations';
import { checkProperties, changedProperties, replacementProperties } from './properties';
import { sessionOf, type Session } from './session';

const locks = new WeakMap<CloudCore, Map<string, Promise<void>>>();
const tickers = new WeakSet<CloudCore>();

export function rootOf(core: CloudCore, stack: Stack): Stack {
  const stacks = heatState(core).stacks;
  let s = stack;
  while (s.parent && stacks[s.parent]) s = stacks[s.parent];
  return s;
}

const ACTION_OF: Record<Task['kind'], Action> = { create: 'CREATE', update: 'UPDATE', delete: 'DELETE', suspend: 'SUSPEND', resume: 'RESUME', check: 'CHECK', keep: 'UPDATE' };
const hasBusy = (s: Stack) => Object.values(s.resources).some((r) => r.data.busy);
const isRunning = (s: Stack) => s.op !== null || hasBusy(s);

/** One pass over the stack (or the one already under way). */
export function advance(core: CloudCore, stackId: string): Promise<void> {
  let map = locks.get(core);
  if (!map) locks.set(core, (map = new Map()));
  const running = map.get(stackId);
  if (running) return running;
  const p = pass(core, stackId)
    .catch((err) => console.error(`[demo-cloud] orchestration engine, stack ${stackId}:`, err))
    .finally(() => map.delete(stackId));
  map.set(stackId, p);
  return p;
}

/** Keeps passes going while any stack has work, at about one nominal second per tick. */
export function kick(core: CloudCore): void {
  if (tickers.has(core)) return;
  tickers.add(core);
  const interval = Math.min(1000, Math.max(20, core.clock.delay(1)));
  const tick = async () => {
    const active = Object.values(heatState(core).stacks).filter(isRunning);
    if (active.length === 0) {
      tickers.delete(core);
      return;
    }
    await Promise.all(active.map((s) => advance(core, s.id)));
    setTimeout(() => void tick(), interval).unref();
  };
  setTimeout(() => void tick(), interval).unref();
}

/** Brings a stack (and the nested stacks under it) up to date before a read answers. */
export async function refresh(core: CloudCore, stack: Stack): Promise<void> {
  if (!isRunning(stack)) return;
  await advance(core, stack.id);
  kick(core);
}

function nestedApi(core: CloudCore): NestedStacks {
  const stacks = () => heatState(core).stacks;
  const api: NestedStacks = {
    create(parent, res, template) {
      const definition = { template, environment: emptyEnvironment(), files: {} };
      const s = newStack(core, {
        name: physicalName(parent.name, res.name, res.uuid),
        projectId: parent.projectId,
        userId: parent.userId,
        username: parent.username,
        definition,
        disableRollback: true,
        timeoutMins: parent.timeoutMins,
        tags: null,
        parent,
        parentResource: res.name,
      });
      stacks()[s.id] = s;
      startCreate(core, s);
      return s.id;
    },
    update(id, template) {
      const s = stacks()[id];
      if (s) startUpdate(core, s, { template, environment: { ...s.environment }, files: s.files });
    },
    delete(id) {
      const s = stacks()[id];
      if (!s || (s.action === 'DELETE' && s.status === 'COMPLETE')) return;
      if (s.op) s.op.cancelled = 'delete';
      else startDelete(core, s);
    },
    act(id, action) {
      const s = stacks()[id];
      if (s) startAction(core, s, action);
    },
    get: (id) => stacks()[id],
    advance: (id) => advance(core, id),
    ref: (stack, res) => refOf(stack, res.name),
    attribute: (stack, res, name, path) => attrOf(stack, res.name, name, path, api),
  };
  return api;
}

/** A client that fails every call: an operation whose session is gone (restart) can still run what needs no API. */
const noSession: Session = { token: '', base: 'http://127.0.0.1:9', projectId: '', heatUrl: '' };

/** What a plugin gets to act on a resource (the session's client, the nested-stack API, the clock). */
export function context(core: CloudCore, stack: Stack, res: Resource, props: JsonMap, session: Session | undefined): PluginContext {
  return {
    stack,
    res,
    props,
    api: new ServiceClient(session ?? noSession),
    physicalName: physicalName(stack.name, res.name, res.uuid, pluginFor(res.type)?.nameLimit),
    nested: nestedApi(core),
    heatUrl: session?.heatUrl ?? '',
    now: () => core.clock.now(),
    delay: (s) => core.clock.delay(s),
    emit: (r, action, status, reason) => addEvent(core, stack, r, action, status, reason),
  };
}

/** Heat's failure wording: "<Type>: resources.<name>: <message>". */
function failureReason(res: Resource, err: unknown): string {
  if (err instanceof ResourceFailure) return `${err.type}: resources.${res.name}: ${err.message}`;
  if (err instanceof HttpError) return `${err.type ?? 'Error'}: resources.${res.name}: ${err.message}`;
  console.error(`[demo-cloud] orchestration: resource ${res.name}:`, err);
  return `Error: resources.${res.name}: ${err instanceof Error ? err.message : String(err)}`;
}

interface Pass {
  core: CloudCore;
  stack: Stack;
  def: Definition;
  session: Session | undefined;
}

function fail(p: Pass, t: Task, res: Resource, action: Action, err: unknown): void {
  const reason = failureReason(res, err);
  setResourceState(p.core, p.stack, res, action, 'FAILED', reason);
  t.state = 'failed';
  if (p.stack.op) p.stack.op.failure ??= `Resource ${action} failed: ${reason}`;
}

/** The checked properties of a resource as its definition now resolves. */
function resolvedProps(p: Pass, res: Resource): { props: JsonMap; given: JsonMap } {
  const d = p.def.resources[res.name];
  const given = resolveProperties(d.properties, scopeOf(p.stack, p.def, nestedApi(p.core)), res.name);
  return { given, props: UNCHECKED_TYPES.has(d.type) ? given : checkProperties(d.type, res.name, given, 'create') };
}

/** Applies a definition to a record and starts its creation. */
async function beginCreate(p: Pass, t: Task, res: Resource, resolved: { props: JsonMap; given: JsonMap }): Promise<void> {
  const d = p.def.resources[res.name];
  const { props, given } = resolved;
  Object.assign(res, { props, given, snippet: d.snippet, requires: p.def.deps[res.name], type: d.type, description: d.description });
  res.metadata = { ...d.metadata, ...res.metadata };
  setResourceState(p.core, p.stack, res, 'CREATE', 'IN_PROGRESS');
  await pluginFor(res.type)!.create(context(p.core, p.stack, res, props, p.session));
  t.state = 'running';
}

function needsReplace(plugin: Plugin, type: string, changed: string[], before: JsonMap, after: JsonMap): boolean {
  if (!plugin.update) return true;
  return plugin.replaceOn ? plugin.replaceOn(changed, before, after) : replacementProperties(type, before, after).length > 0;
}

async function startUpdateTask(p: Pass, t: Task, res: Resource): Promise<void> {
  const d = p.def.resources[res.name];
  const resolved = resolvedProps(p, res);
  const { props, given } = resolved;
  const before = res.props ?? {};
  const changed = changedProperties(before, props);
  const plugin = pluginFor(d.type)!;
  const failed = res.status === 'FAILED';
  if (!failed && res.type === d.type && changed.length === 0) {
    Object.assign(res, { snippet: d.snippet, requires: p.def.deps[res.name] });
    t.state = 'done';
    return;
  }
  if (!failed && res.type === d.type && !needsReplace(plugin, d.type, changed, before, props)) {
    Object.assign(res, { props, given, snippet: d.snippet, requires: p.def.deps[res.name] });
    setResourceState(p.core, p.stack, res, 'UPDATE', 'IN_PROGRESS');
    await plugin.update!(context(p.core, p.stack, res, props, p.session), changed, before);
    t.state = 'running';
    return;
  }
  // Convergence replaces: the old resource says so (a failed one silently), a new one is created, the old
  // one goes at cleanup.
  if (!failed) {
    setResourceState(p.core, p.stack, res, 'UPDATE', 'IN_PROGRESS');
    setResourceState(p.core, p.stack, res, 'UPDATE', 'COMPLETE', `The Resource ${res.name} requires replacement.`);
  }
  p.stack.replaced.push(res);
  const fresh = newResource(p.core, res.name, d.type, d.description);
  p.stack.resources[res.name] = fresh;
  t.replacement = fresh.uuid;
  addCleanup(p.stack, res);
  await beginCreate(p, t, fresh, resolved);
}

function removeRecord(stack: Stack, res: Resource): void {
  if (stack.resources[res.name] === res) delete stack.resources[res.name];
  stack.replaced = stack.replaced.filter((r) => r !== res);
}

async function startTask(p: Pass, t: Task): Promise<void> {
  const res = resourceByKey(p.stack, t.key);
  if (!res) {
    t.state = 'skipped';
    return;
  }
  const action = ACTION_OF[t.kind];
  const plugin = pluginFor(res.type)!;
  const ctx = () => context(p.core, p.stack, res, res.props ?? {}, p.session);
  try {
    switch (t.kind) {
      case 'create':
        return await beginCreate(p, t, res, resolvedProps(p, res));
      case 'update':
        return await startUpdateTask(p, t, res);
      case 'delete': {
        if (res.action === 'INIT' || (res.action === 'DELETE' && res.status === 'COMPLETE')) {
          removeRecord(p.stack, res);
          t.state = 'done';
          return;
        }
        setResourceState(p.core, p.stack, res, 'DELETE', 'IN_PROGRESS');
        const retain = /^retain$/i.test(String((res.snippet as JsonMap | null)?.deletion_policy ?? ''));
        if (!retain) await plugin.delete(ctx());
        t.state = retain ? 'done' : 'running';
        if (retain) finishTask(p, t, res);
        return;
      }
      case 'check':
        if (!plugin.check) {
          setResourceState(p.core, p.stack, res, 'CHECK', 'COMPLETE', `CHECK not supported for ${res.type}`);
          if (p.stack.op) p.stack.op.partial = true;
          t.state = 'done';
          return;
        }
        setResourceState(p.core, p.stack, res, 'CHECK', 'IN_PROGRESS');
        await plugin.check(ctx());
        t.state = 'running';
        return;
      default: {
        setResourceState(p.core, p.stack, res, action, 'IN_PROGRESS');
        await (t.kind === 'suspend' ? plugin.suspend : plugin.resume)?.(ctx());
        t.state = 'running';
      }
    }
  } catch (err) {
    fail(p, t, resourceByKey(p.stack, t.replacement ?? t.key) ?? res, t.replacement ? 'CREATE' : action, err);
  }
}

function finishTask(p: Pass, t: Task, res: Resource): void {
  const action = t.replacement ? 'CREATE' : ACTION_OF[t.kind];
  setResourceState(p.core, p.stack, res, action, 'COMPLETE');
  t.state = 'done';
  if (t.kind === 'delete') removeRecord(p.stack, res);
}

/** Asks the plugin whether a running task is over; true when its state changed. */
async function checkTask(p: Pass, t: Task): Promise<boolean> {
  const res = resourceByKey(p.stack, t.replacement ?? t.key);
  if (!res) {
    t.state = 'done';
    return true;
  }
  const plugin = pluginFor(res.type)!;
  const fn = t.replacement
    ? plugin.checkCreate
    : { create: plugin.checkCreate, update: plugin.checkUpdate, delete: plugin.checkDelete, suspend: plugin.checkSuspend, resume: plugin.checkResume, check: plugin.checkCheck, keep: undefined }[t.kind];
  try {
    if (fn && !(await fn(context(p.core, p.stack, res, res.props ?? {}, p.session)))) return false;
    finishTask(p, t, res);
  } catch (err) {
    fail(p, t, res, t.replacement ? 'CREATE' : ACTION_OF[t.kind], err);
  }
  return true;
}

function endOperation(core: CloudCore, stack: Stack): void {
  const op = stack.op!;
  stack.op = null;
  const ok = op.tasks.every((t) => t.state === 'done' || t.state === 'skipped') && !op.cancelled && !op.failure;
  if (ok) {
    if (op.action === 'UPDATE' || op.action === 'ROLLBACK') stack.previous = null;
    if (op.action === 'DELETE') {
      stack.deletedAt = core.clock.now();
      stack.resources = {};
    }
    const partial = op.action === 'CHECK' && op.partial ? ". 'CHECK' not fully supported (see resources)" : '';
    setStackState(core, stack, op.action, 'COMPLETE', `Stack ${op.action} completed successfully${partial}`);
    return;
  }
  const reason = op.failure ?? (op.cancelled ? `Stack ${op.action} cancelled` : 'Timed out');
  if (op.cancelled !== 'rollback') setStackState(core, stack, op.action, 'FAILED', reason);
  if (op.cancelled === 'delete') startDelete(core, stack);
  else if ((op.rollback && !op.cancelled) || op.cancelled === 'rollback') {
    if (op.action === 'CREATE') startDelete(core, stack, 'ROLLBACK');
    else if (op.action === 'UPDATE' && stack.previous) startUpdate(core, stack, stack.previous, 'ROLLBACK');
  }
}

/** timeout_mins passed: what runs is aborted and the operation fails with "Timed out". */
function timeOut(p: Pass): void {
  for (const t of p.stack.op!.tasks.filter((x) => x.state === 'running')) {
    const res = resourceByKey(p.stack, t.replacement ?? t.key);
    // Heat names the Python class here ("TestResource", "Server"): the type's last part is that name for most types.
    const cls = res?.type.split('::').pop();
    if (res) setResourceState(p.core, p.stack, res, res.action, 'FAILED', `${res.action} aborted (Task ${res.action.toLowerCase()} from ${cls} "${res.name}" Stack "${p.stack.name}" [${p.stack.id}] Timed out)`);
    t.state = 'failed';
  }
  p.stack.op!.failure = 'Timed out';
}

async function pollBusy(core: CloudCore, stack: Stack, session: Session | undefined): Promise<void> {
  for (const res of Object.values(stack.resources)) {
    if (!res.data.busy) continue;
    const plugin = pluginFor(res.type);
    const nested = res.physicalId ? heatState(core).stacks[res.physicalId] : undefined;
    if (nested) await advance(core, nested.id);
    await plugin?.poll?.(context(core, stack, res, res.props ?? {}, session));
  }
}

async function pass(core: CloudCore, stackId: string): Promise<void> {
  const stack = heatState(core).stacks[stackId];
  if (!stack) return;
  const session = sessionOf(core, rootOf(core, stack).id);
  if (!stack.op) return pollBusy(core, stack, session);
  const op = stack.op;
  if (!session) {
    // The tokens died with the previous process (Heat's reset_stack_status after an engine restart).
    for (const t of op.tasks.filter((x) => x.state === 'running')) {
      const res = resourceByKey(stack, t.replacement ?? t.key);
      if (res) setResourceState(core, stack, res, res.action, 'FAILED', `Engine went down during resource ${res.action}`);
      t.state = 'failed';
    }
    op.failure = `Engine went down during stack ${op.action}`;
    op.rollback = false;
    return endOperation(core, stack);
  }
  const p: Pass = { core, stack, def: definitionOf(stack, stack), session };
  const done = (id: string) => {
    const t = op.tasks.find((x) => x.id === id);
    return !t || t.state === 'done' || t.state === 'skipped';
  };
  for (let guard = 0; guard < 100; guard++) {
    let progressed = false;
    for (const t of op.tasks.filter((x) => x.state === 'running')) if (await checkTask(p, t)) progressed = true;
    if (op.deadline !== null && core.clock.now() > op.deadline && op.tasks.some((t) => t.state === 'running' || t.state === 'pending')) {
      timeOut(p);
      break;
    }
    if (!op.failure && !op.cancelled) {
      for (const t of op.tasks) {
        if (t.state !== 'pending' || !t.deps.every(done)) continue;
        await startTask(p, t);
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  if (stack.op === op && !op.tasks.some((t) => t.state === 'running') && (op.failure || op.cancelled || op.tasks.every((t) => t.state !== 'pending'))) {
    endOperation(core, stack);
  }
}

/** The stack's outputs, resolved now (an output that cannot be resolved carries output_error). */
export function outputsOf(core: CloudCore, stack: Stack): Array<{ key: string; description: string; value: Json; error?: string }> {
  const def = definitionOf(stack, stack);
  const scope = scopeOf(stack, def, nestedApi(core));
  return Object.values(def.outputs).map((o) => {
    try {
      return { key: o.name, description: o.description, value: resolveIn(o.value, scope, `outputs.${o.name}.value`) };
    } catch (err) {
      return { key: o.name, description: o.description, value: null, error: err instanceof Error ? err.message : String(err) };
    }
  });
}

export const nested = nestedApi;
