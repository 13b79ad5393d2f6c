// The contract between the engine and a resource type: Heat's handle_*/check_*_complete pairs
// (heat/engine/resource.py), as async functions over plain JSON records.
import type { Json, JsonMap, Resource, Stack, Status } from '../model';
import type { ServiceClient } from './client';

/** What a group needs from the engine to run its members as a nested stack. */
export interface NestedStacks {
  /** Starts creating a nested stack owned by the resource; returns its id. */
  create(parent: Stack, res: Resource, template: JsonMap): string;
  /** Starts updating a nested stack to a new template. */
  update(id: string, template: JsonMap): void;
  /** Starts deleting a nested stack (no-op when gone). */
  delete(id: string): void;
  /** Starts an action (SUSPEND, RESUME, CHECK) on a nested stack. */
  act(id: string, action: 'SUSPEND' | 'RESUME' | 'CHECK'): void;
  get(id: string): Stack | undefined;
  /** Runs an engine pass over the nested stack (a group checking on its members). */
  advance(id: string): Promise<void>;
  /** A member's reference and attribute, as its own type computes them. */
  ref(stack: Stack, res: Resource): Json;
  attribute(stack: Stack, res: Resource, name: string | null, path: Json[]): Json;
}

export interface PluginContext {
  stack: Stack;
  res: Resource;
  /** The checked properties being applied (for delete/suspend/...: the last applied ones). */
  props: JsonMap;
  api: ServiceClient;
  /** Heat's physical name for the resource (server names are cut to 53 characters). */
  physicalName: string;
  nested: NestedStacks;
  /** This Heat endpoint as the catalog shows it (signal URLs). */
  heatUrl: string;
  now(): number;
  /** Records an event on a resource of the stack (a policy's SIGNAL once its group resized). */
  emit(res: Resource, action: string, status: Status, reason: string): void;
  /** Real milliseconds a nominal wait of `seconds` takes at the cloud's speed. */
  delay(seconds: number): number;
}

export interface Plugin {
  /** Physical name limit (resource.py physical_resource_name_limit). */
  nameLimit?: number;
  /** The type's own validate() on known properties: the StackValidationFailed message, or null. */
  validate?(props: JsonMap): string | null;
  create(ctx: PluginContext): Promise<void>;
  /** true once created; throws ResourceFailure when the resource went wrong. */
  checkCreate?(ctx: PluginContext): Promise<boolean>;
  /** In-place update of `changed` properties; absent = every change replaces the resource. */
  update?(ctx: PluginContext, changed: string[], before: JsonMap): Promise<void>;
  checkUpdate?(ctx: PluginContext): Promise<boolean>;
  /** Properties whose change the plugin handles in place even though the schema says otherwise, or vice versa. */
  replaceOn?(changed: string[], before: JsonMap, after: JsonMap): boolean;
  delete(ctx: PluginContext): Promise<void>;
  checkDelete?(ctx: PluginContext): Promise<boolean>;
  suspend?(ctx: PluginContext): Promise<void>;
  checkSuspend?(ctx: PluginContext): Promise<boolean>;
  resume?(ctx: PluginContext): Promise<void>;
  checkResume?(ctx: PluginContext): Promise<boolean>;
  /** CHECK: throws when the physical resource is not as expected; absent = "CHECK not supported". */
  check?(ctx: PluginContext): Promise<void>;
  checkCheck?(ctx: PluginContext): Promise<boolean>;
  /** handle_signal; returns the event text, or null for "no action" (no event). */
  signal?(ctx: PluginContext, details: Json): Promise<string | null>;
  /** Called on every engine pass while `res.data.busy` is set (a group resizing after a signal). */
  poll?(ctx: PluginContext): Promise<void>;
  /** Reads the physical resource again (resource show's attributes are live in Heat). */
  refresh?(ctx: PluginContext): Promise<void>;
  /** FnGetRefId (default: the physical id). */
  ref?(res: Resource, stack: Stack): Json;
  /** FnGetAtt; `name` null = every attribute (get_attr with no attribute, and resource show). */
  attribute(res: Resource, name: string | null, stack: Stack, nested: NestedStacks, path: Json[]): Json;
  /** attribute() applies the get_attr path itself (groups pass it on to their members). */
  consumesPath?: boolean;
}

/** Attributes a type exposes: each a function of the cached data; `show` is the last read body. */
export function attributesFrom(res: Resource, getters: Record<string, (d: JsonMap) => Json>, name: string | null): Json {
  const data = res.data;
  if (name === null) {
    return Object.fromEntries(Object.entries(getters).map(([k, g]) => [k, g(data) ?? null]));
  }
  if (name === 'show') return (data.show as Json) ?? null;
  const getter = getters[name];
  return getter ? (getter(data) ?? null) : null;
}
