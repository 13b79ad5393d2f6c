// Heat's persisted state: stacks (with their resources and the operation in flight) and events.
// Everything here is plain JSON; the tokens an operation runs with live in memory only (engine/session.ts).
import type { CloudCore } from '../../core/cloud';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

/** Heat's actions and statuses (heat/engine/status.py). */
export type Action = 'INIT' | 'CREATE' | 'UPDATE' | 'DELETE' | 'ROLLBACK' | 'SUSPEND' | 'RESUME' | 'CHECK' | 'SIGNAL' | 'ADOPT' | 'SNAPSHOT' | 'RESTORE';
export type Status = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

/** The environment as Heat stores it (environment_format.SECTIONS with defaults for the missing ones). */
export interface Environment {
  parameters: JsonMap;
  parameter_defaults: JsonMap;
  resource_registry: JsonMap;
  event_sinks: Json[];
  encrypted_param_names: Json[];
}

export interface Resource {
  name: string;
  type: string;
  /** Heat's resource uuid: physical names derive their short id from it. */
  uuid: string;
  /** The physical resource id ('' until the plugin knows it). */
  physicalId: string;
  action: Action;
  status: Status;
  statusReason: string;
  createdAt: number;
  updatedAt: number | null;
  /** Properties as last applied (resolved, checked, defaults filled), or null before the first create. */
  props: JsonMap | null;
  /** The same as the template gave them (resolved, no defaults): what events show as resource_properties. */
  given: JsonMap;
  /** The template snippet last applied (unresolved), to tell unchanged from changed on update. */
  snippet: Json | null;
  /** Plugin data: random values, cached `show` bodies, member lists... */
  data: JsonMap;
  metadata: JsonMap;
  description: string;
  /** Names of the resources it required when last applied (deletes run in reverse of this). */
  requires: string[];
}

/** One unit of work of an operation: a resource action, started once its dependencies are done. */
export interface Task {
  /** "<kind>:<key>", what other tasks' deps name. */
  id: string;
  /** Resource uuid. */
  key: string;
  kind: 'create' | 'update' | 'delete' | 'suspend' | 'resume' | 'check' | 'keep';
  deps: string[];
  state: 'pending' | 'running' | 'done' | 'failed' | 'skipped';
  /** Set when an update turned out to need a replacement: the key of the new resource. */
  replacement?: string;
}

export const taskId = (kind: Task['kind'], key: string) => `${kind}:${key}`;

export interface Operation {
  action: Action;
  tasks: Task[];
  /** ms; null = no timeout. */
  deadline: number | null;
  /** Set by cancel_update (then rollback, or not) or by a delete arriving mid-operation: no new task starts. */
  cancelled?: 'rollback' | 'no-rollback' | 'delete';
  /** The first failure, worded as the stack's status reason. */
  failure?: string;
  /** Rollback to run when this (create/update) operation fails, unless disabled. */
  rollback?: boolean;
  /** CHECK met resources that cannot be checked. */
  partial?: boolean;
}

export interface StackDefinition {
  template: JsonMap;
  environment: Environment;
  files: Record<string, string>;
}

export interface Stack extends StackDefinition {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  username: string;
  /** Parent stack id for nested stacks (groups), else null. */
  parent: string | null;
  parentResource: string | null;
  nestedDepth: number;
  action: Action;
  status: Status;
  statusReason: string;
  createdAt: number;
  updatedAt: number | null;
  deletedAt: number | null;
  disableRollback: boolean;
  timeoutMins: number | null;
  tags: string[] | null;
  stackUserProjectId: string;
  resources: Record<string, Resource>;
  /** Resources replaced during an update, deleted at its end (or restored by a rollback). */
  replaced: Resource[];
  op: Operation | null;
  /** What the stack was before the running update: the rollback target. */
  previous: StackDefinition | null;
}

export interface HeatEvent {
  id: string;
  stackId: string;
  resourceName: string;
  physicalId: string;
  action: Action | string;
  status: Status;
  reason: string;
  type: string;
  props: JsonMap;
  time: number;
}

export interface HeatState {
  stacks: Record<string, Stack>;
  events: Record<string, HeatEvent[]>;
}

export const heatState = (core: CloudCore): HeatState => core.state.slice<HeatState>('orchestration', () => ({ stacks: {}, events: {} }));

export const stateLabel = (x: { action: Action; status: Status }) => `${x.action}_${x.status}`;

/** The type as the template names it (an environment alias like My::Server stays visible), not the one run. */
export const shownType = (r: Resource): string => {
  const t = r.snippet && typeof r.snippet === 'object' && !Array.isArray(r.snippet) ? r.snippet.type : undefined;
  return typeof t === 'string' ? t : r.type;
};

/** Every resource record of a stack, current and replaced. */
export const allResources = (s: Stack): Resource[] => [...Object.values(s.resources), ...s.replaced];

export function resourceByKey(s: Stack, key: string): Resource | undefined {
  return allResources(s).find((r) => r.uuid === key);
}

export const emptyEnvironment = (): Environment => ({ parameters: {}, parameter_defaults: {}, resource_registry: {}, event_sinks: [], encrypted_param_names: [] });
