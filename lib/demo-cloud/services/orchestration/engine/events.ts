// Events: one per state transition of a stack or a resource (heat/engine/event.py), kept per stack.
import { randomUUID } from 'node:crypto';
import type { CloudCore } from '../../../core/cloud';
import { heatState, shownType, type Action, type HeatEvent, type Resource, type Stack, type Status } from '../model';
import { physicalName } from '../plugins/naming';
import { pluginFor } from '../plugins/registry';

/** What an event shows as physical_resource_id: the id once known, before that the physical name. */
export function eventPhysicalId(stack: Stack, res: Resource): string {
  if (res.physicalId) return res.physicalId;
  if (res.action === 'INIT') return '';
  return physicalName(stack.name, res.name, res.uuid, pluginFor(res.type)?.nameLimit);
}

export function addEvent(core: CloudCore, stack: Stack, res: Resource | null, action: Action | string, status: Status, reason: string): void {
  const events = (heatState(core).events[stack.id] ??= []);
  const e: HeatEvent = {
    id: randomUUID(),
    stackId: stack.id,
    resourceName: res ? res.name : stack.name,
    physicalId: res ? eventPhysicalId(stack, res) : stack.id,
    action,
    status,
    reason,
    type: res ? shownType(res) : 'OS::Heat::Stack',
    props: res?.given ?? {},
    time: core.clock.now(),
  };
  events.push(e);
  core.state.markDirty();
}

/** Sets a resource's state and records the event. */
export function setResourceState(core: CloudCore, stack: Stack, res: Resource, action: Action, status: Status, reason = 'state changed'): void {
  res.action = action;
  res.status = status;
  res.statusReason = reason;
  // Heat moves a resource's updated_time on updates only (resource list shows creation_time otherwise).
  if (action === 'UPDATE') res.updatedAt = core.clock.now();
  addEvent(core, stack, res, action, status, reason);
}

/** Sets a stack's state and records the stack event. */
export function setStackState(core: CloudCore, stack: Stack, action: Action, status: Status, reason: string): void {
  stack.action = action;
  stack.status = status;
  stack.statusReason = reason;
  addEvent(core, stack, null, action, status, reason);
}
