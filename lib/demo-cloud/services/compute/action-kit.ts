import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { Reply } from '../../core/reply';
import { schedule } from '../../core/transitions';
import { invalidInput, isoZ, pyRepr, type ComputeDeps } from './common';
import type { NovaRequest } from './microversion';
import type { Server } from './model';
import { recordAction } from './ops';

// What every `POST /servers/{id}/action` handler shares: its signature, and the task a server runs
// (task_state now, patches later, one instance action spanning it all).

export interface ActionArgs {
  r: NovaRequest;
  srv: Server;
  auth: ProjectAuthInfo;
  arg: unknown;
}
export type ActionFn = (a: ActionArgs) => Reply | Promise<Reply>;
/** A module's actions, by the body key Nova dispatches on (`rebuild`, `os-migrateLive`, ...). */
export type ActionTable = (deps: ComputeDeps) => Record<string, ActionFn>;

/**
 * Starts a task: sets `task` now, records the instance action (its event finishes with the last
 * step), and queues `steps` (nominal seconds after the previous step). The last step clears the
 * task state unless it sets one itself.
 */
export function runTask(
  core: CloudCore,
  a: { r: NovaRequest; srv: Server; auth: ProjectAuthInfo },
  action: string,
  event: string,
  task: string,
  steps: Array<[number, Partial<Server>]>,
  result = 'Success',
): void {
  const { srv } = a;
  const total = steps.reduce((n, [sec]) => n + sec, 0);
  srv.task_state = task;
  srv.updated = isoZ(core.clock.now());
  recordAction(core, srv, action, a.r.requestId, a.auth.user.id, a.auth.project.id, event, total, null, result);
  const last = steps.length - 1;
  schedule(
    srv,
    core.clock,
    steps.map(([sec, patch], i) => [sec, i === last ? { task_state: null, updated: isoZ(core.clock.after(total)), ...patch } : patch]),
  );
}

/** Nova's boolean strings (parameter_types.boolean): true/false, or undefined for anything else. */
export function novaBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  if (/^(True|TRUE|true|1|ON|On|on|YES|Yes|yes)$/.test(v)) return true;
  if (/^(False|FALSE|false|0|OFF|Off|off|NO|No|no)$/.test(v)) return false;
  return undefined;
}
export const BOOL_CHOICES =
  "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']";

/** A field of parameter_types.boolean: its value, or the schema's 400 naming it as jsonschema does (repr of the value). */
export function novaBoolField(field: string, v: unknown): boolean {
  const b = novaBool(v);
  if (b === undefined) throw invalidInput(field, v, `${typeof v === 'string' ? `'${v}'` : String(v)} is not one of ${BOOL_CHOICES}`);
  return b;
}

/** The action's body as an object (a `null` body is {}), with the schema's 400 for other types and unknown keys. */
export function argObject(action: string, arg: unknown, allowed: string[]): Record<string, unknown> {
  if (arg === null || arg === undefined) return {};
  if (typeof arg !== 'object' || Array.isArray(arg)) throw invalidInput(action, arg, `${pyRepr(arg)} is not of type 'object', 'null'`);
  const o = arg as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !allowed.includes(k));
  if (extra !== undefined) throw invalidInput(action, o, `Additional properties are not allowed ('${extra}' was unexpected)`);
  return o;
}
