// Heat v1 (api-ref: orchestration "Stacks", "Stack actions", "Stack resources", "Events", "Templates"): the schemas
// of its answers, the stack status rule and the paths every page shares. A stack is always addressed by name AND id
// (`stacks/{stack_name}/{stack_id}`): by one of them alone Heat answers 302 to that path.
import { z } from 'zod';
import { maybeStrings } from '../schema';
import type { ServiceTarget, StatusInfo } from '../types';

export const HEAT: ServiceTarget = { service: 'orchestration' };

export const StackOutputSchema = z.looseObject({
  output_key: z.string(),
  output_value: z.unknown().optional(),
  ...maybeStrings('description', 'output_error'),
});
export type StackOutput = z.infer<typeof StackOutputSchema>;

export const StackSchema = z.looseObject({
  id: z.string().min(1),
  stack_name: z.string().min(1),
  ...maybeStrings('stack_status', 'stack_status_reason', 'creation_time', 'updated_time', 'description', 'template_description', 'stack_owner', 'parent'),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  outputs: z.array(StackOutputSchema).nullish(),
  disable_rollback: z.boolean().nullish(),
  timeout_mins: z.number().nullish(),
  tags: z.array(z.string()).nullish(),
});
export type Stack = z.infer<typeof StackSchema>;

/** The path of a stack: name and id, as Heat's own links have it. */
export const stackPath = (s: Pick<Stack, 'stack_name' | 'id'>) => `stacks/${s.stack_name}/${s.id}`;
/** How a row is named in the URL (`<name>/<id>`, one encoded segment): what the item path needs. */
export const stackRef = (s: Pick<Stack, 'stack_name' | 'id'>) => `${s.stack_name}/${s.id}`;

/** ACTION_STATUS: *_IN_PROGRESS moves (polled), *_FAILED is an error with Heat's reason, *_COMPLETE settled. */
export function stackStatus(s: Pick<Stack, 'stack_status' | 'stack_status_reason'>): StatusInfo {
  const label = s.stack_status ?? 'UNKNOWN';
  if (label.endsWith('_IN_PROGRESS')) return { label, tone: 'busy' };
  if (label.endsWith('_FAILED')) return { label, tone: 'error', ...(s.stack_status_reason ? { detail: s.stack_status_reason } : {}) };
  if (label.endsWith('_COMPLETE')) return { label, tone: 'ok' };
  return { label, tone: 'unknown' };
}

export const StackResourceSchema = z.looseObject({
  resource_name: z.string(),
  resource_type: z.string(),
  ...maybeStrings('physical_resource_id', 'resource_status', 'resource_status_reason', 'updated_time', 'creation_time', 'parent_resource', 'stack_name', 'logical_resource_id'),
  required_by: z.array(z.string()).nullish(),
});
export type StackResource = z.infer<typeof StackResourceSchema>;
export const StackResourcesSchema = z.looseObject({ resources: z.array(StackResourceSchema) });

export const StackEventSchema = z.looseObject({
  id: z.string(),
  ...maybeStrings('event_time', 'resource_name', 'resource_status', 'resource_status_reason', 'physical_resource_id', 'logical_resource_id'),
});
export type StackEvent = z.infer<typeof StackEventSchema>;
export const StackEventsSchema = z.looseObject({ events: z.array(StackEventSchema) });

/** A template as Heat gives it back (`GET stacks/{name}/{id}/template`): the parsed document. */
export const TemplateSchema = z.record(z.string(), z.unknown());

/** A resource's change in a preview of an update (`PUT stacks/{name}/{id}/preview`). */
export const ResourceChangesSchema = z.looseObject({
  resource_changes: z.looseObject({
    added: z.array(z.looseObject({ resource_name: z.string(), resource_type: z.string().nullish() })).nullish(),
    updated: z.array(z.looseObject({ resource_name: z.string(), resource_type: z.string().nullish() })).nullish(),
    replaced: z.array(z.looseObject({ resource_name: z.string(), resource_type: z.string().nullish() })).nullish(),
    deleted: z.array(z.looseObject({ resource_name: z.string(), resource_type: z.string().nullish() })).nullish(),
    unchanged: z.array(z.looseObject({ resource_name: z.string(), resource_type: z.string().nullish() })).nullish(),
  }),
});
export type ResourceChanges = z.infer<typeof ResourceChangesSchema>;

/** `POST stacks/preview`: the stack as it would be, its resources a list (nested stacks as lists inside it). */
export const StackPreviewSchema = z.looseObject({ stack: z.looseObject({ resources: z.array(z.unknown()).nullish() }) });
