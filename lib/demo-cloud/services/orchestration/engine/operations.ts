// Starting stack operations: each is a set of resource tasks ordered by the dependency graph
// (create/resume/check in dependency order, delete/suspend in reverse), run by runner.ts.
import { randomUUID } from 'node:crypto';
import type { CloudCore } from '../../../core/cloud';
import { allResources, taskId, type Action, type Operation, type Resource, type Stack, type StackDefinition, type Task } from '../model';
import type { Definition } from '../template/definition';
import { definitionOf } from './definitions';
import { setStackState } from './events';

export interface NewStack {
  name: string;
  projectId: string;
  userId: string;
  username: string;
  definition: StackDefinition;
  disableRollback: boolean;
  timeoutMins: number | null;
  tags: string[] | null;
  parent?: Stack;
  parentResource?: string;
}

export function newStack(core: CloudCore, n: NewStack, id: string = randomUUID()): Stack {
  return {
    id,
    name: n.name,
    projectId: n.projectId,
    userId: n.userId,
    username: n.username,
    parent: n.parent?.id ?? null,
    parentResource: n.parentResource ?? null,
    nestedDepth: n.parent ? n.parent.nestedDepth + 1 : 0,
    ...n.definition,
    action: 'INIT',
    status: 'COMPLETE',
    statusReason: '',
    createdAt: core.clock.now(),
    updatedAt: null,
    deletedAt: null,
    disableRollback: n.disableRollback,
    timeoutMins: n.timeoutMins,
    tags: n.tags,
    stackUserProjectId: n.parent?.stackUserProjectId ?? randomUUID().replace(/-/g, ''),
    resources: {},
    replaced: [],
    op: null,
    previous: null,
  };
}

export function newResource(core: CloudCore, name: string, type: string, description: string): Resource {
  return {
    name,
    type,
    uuid: randomUUID(),
    physicalId: '',
    action: 'INIT',
    status: 'COMPLETE',
    statusReason: '',
    createdAt: core.clock.now(),
    updatedAt: null,
    props: null,
    given: {},
    snippet: null,
    data: {},
    metadata: {},
    description,
    requires: [],
  };
}

const deadline = (core: CloudCore, stack: Stack) => (stack.timeoutMins ? core.clock.now() + core.clock.delay(stack.timeoutMins * 60) : null);

function begin(core: CloudCore, stack: Stack, action: Action, tasks: Task[], extra: Partial<Operation> = {}): void {
  stack.op = { action, tasks, deadline: deadline(core, stack), ...extra };
  // A cancelled update announced its rollback already (stack ROLLBACK_IN_PROGRESS while the update winds down).
  if (!(stack.action === action && stack.status === 'IN_PROGRESS')) setStackState(core, stack, action, 'IN_PROGRESS', `Stack ${action} started`);
}

const task = (kind: Task['kind'], key: string, deps: string[]): Task => ({ id: taskId(kind, key), key, kind, state: 'pending', deps });

/** Tasks in dependency order: each waits for the tasks of what its resource requires. */
function forward(kind: Task['kind'], resources: Resource[], requires: (r: Resource) => string[]): Task[] {
  const byName = new Map(resources.map((r) => [r.name, r]));
  return resources.map((r) => task(kind, r.uuid, requires(r).filter((n) => byName.has(n)).map((n) => taskId(kind, byName.get(n)!.uuid))));
}

/** Tasks in reverse dependency order: each waits for the tasks of the resources requiring it. */
function reverse(kind: Task['kind'], resources: Resource[]): Task[] {
  return resources.map((r) => task(kind, r.uuid, resources.filter((o) => o !== r && o.requires.includes(r.name)).map((o) => taskId(kind, o.uuid))));
}

export function startCreate(core: CloudCore, stack: Stack): void {
  const def = definitionOf(stack, stack);
  for (const name of def.order) {
    const d = def.resources[name];
    stack.resources[name] = { ...newResource(core, name, d.type, d.description), requires: def.deps[name] };
  }
  begin(core, stack, 'CREATE', forward('create', Object.values(stack.resources), (r) => r.requires), { rollback: !stack.disableRollback });
}

/**
 * An update (or an update's rollback) to `target`: existing resources get an update task (decided when it
 * starts: unchanged, in place or replaced), new ones a create task, removed ones a delete task after all else.
 */
export function startUpdate(core: CloudCore, stack: Stack, target: StackDefinition, action: 'UPDATE' | 'ROLLBACK' = 'UPDATE'): void {
  if (action === 'UPDATE') stack.previous = { template: stack.template, environment: stack.environment, files: stack.files };
  Object.assign(stack, { template: target.template, environment: target.environment, files: target.files });
  stack.updatedAt = core.clock.now();
  const def: Definition = definitionOf(stack, stack);
  if (action === 'ROLLBACK') restoreReplaced(stack, def);
  const removed = Object.values(stack.resources).filter((r) => !(r.name in def.resources));
  for (const r of removed) delete stack.resources[r.name];
  stack.replaced.push(...removed);
  const tasks: Task[] = [];
  const ids = new Map<string, string>();
  for (const name of def.order) {
    const d = def.resources[name];
    const existing = stack.resources[name];
    const r = existing ?? (stack.resources[name] = newResource(core, name, d.type, d.description));
    const t = task(existing && existing.action !== 'INIT' ? 'update' : 'create', r.uuid, def.deps[name].map((n) => ids.get(n)!));
    ids.set(name, t.id);
    tasks.push(t);
  }
  const main = tasks.map((t) => t.id);
  const cleanup = reverse('delete', stack.replaced).map((t) => ({ ...t, deps: [...t.deps, ...main] }));
  begin(core, stack, action, [...tasks, ...cleanup], { rollback: action === 'UPDATE' && !stack.disableRollback });
}

/** Rolling back an update: a replaced resource whose definition is the target's comes back instead of a new one. */
function restoreReplaced(stack: Stack, def: Definition): void {
  for (const old of [...stack.replaced]) {
    const d = def.resources[old.name];
    if (!d || JSON.stringify(d.snippet) !== JSON.stringify(old.snippet) || old.action === 'INIT') continue;
    const current = stack.resources[old.name];
    stack.replaced = stack.replaced.filter((r) => r !== old);
    if (current) stack.replaced.push(current);
    stack.resources[old.name] = old;
  }
}

export function startDelete(core: CloudCore, stack: Stack, action: 'DELETE' | 'ROLLBACK' = 'DELETE'): void {
  const resources = allResources(stack);
  begin(core, stack, action, reverse('delete', resources));
}

/** SUSPEND and the others act on created resources only; RESUME and CHECK in dependency order, SUSPEND in reverse. */
export function startAction(core: CloudCore, stack: Stack, action: 'SUSPEND' | 'RESUME' | 'CHECK'): void {
  const created = Object.values(stack.resources).filter((r) => r.action !== 'INIT');
  const kind = action.toLowerCase() as Task['kind'];
  begin(core, stack, action, action === 'SUSPEND' ? reverse(kind, created) : forward(kind, created, (r) => r.requires));
}

/** Adds a cleanup task for a resource an update replaced: after every other task, before what it required. */
export function addCleanup(stack: Stack, old: Resource): void {
  const op = stack.op;
  if (!op) return;
  const cleanup = task('delete', old.uuid, op.tasks.filter((t) => t.kind !== 'delete').map((t) => t.id));
  for (const t of op.tasks) {
    if (t.kind !== 'delete' || t.state !== 'pending') continue;
    const other = stack.replaced.find((r) => r.uuid === t.key);
    if (!other) continue;
    if (other.requires.includes(old.name)) cleanup.deps.push(t.id);
    else if (old.requires.includes(other.name)) t.deps.push(cleanup.id);
  }
  op.tasks.push(cleanup);
}
