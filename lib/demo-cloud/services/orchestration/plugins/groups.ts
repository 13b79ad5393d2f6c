// OS::Heat::ResourceGroup, OS::Heat::AutoScalingGroup and OS::Heat::ScalingPolicy
// (heat/engine/resources/openstack/heat/, heat/scaling/): a group runs its members as a nested stack
// (its physical id), resized by updating that stack; a policy's signal adjusts the group within
// min/max unless it is cooling down, and records a SIGNAL event when the resize is over.
import { isoMicro } from '../../../core/clock';
import { hexId } from '../../../core/ids';
import type { Json, JsonMap, Resource, Stack } from '../model';
import { typeReference } from '../reference';
import { ResourceFailure } from './client';
import { generateShortId } from './naming';
import type { NestedStacks, Plugin, PluginContext } from './types';

const NESTED_VERSION = '2015-04-30';

function substitute(v: Json, from: string, to: string): Json {
  if (typeof v === 'string') return v.split(from).join(to);
  if (Array.isArray(v)) return v.map((x) => substitute(x, from, to));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, from, to)]));
  return v;
}

/** A member's definition: {type, properties, metadata} as the group's property gives it. */
function member(def: JsonMap): JsonMap {
  return { type: def.type, ...(def.properties ? { properties: def.properties } : {}), ...(def.metadata ? { metadata: def.metadata } : {}) };
}

const template = (resources: JsonMap): JsonMap => ({ heat_template_version: NESTED_VERSION, resources });

/** Members of the group's nested stack, oldest first. */
function members(nested: NestedStacks, res: Resource): Array<{ stack: Stack; res: Resource }> {
  const n = res.physicalId ? nested.get(res.physicalId) : undefined;
  if (!n) return [];
  return Object.values(n.resources)
    .filter((r) => !(r.action === 'DELETE' && r.status === 'COMPLETE'))
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name, undefined, { numeric: true }))
    .map((r) => ({ stack: n, res: r }));
}

/** Waits for the nested stack to reach `${action}_COMPLETE`; its failure is the group's. */
function nestedDone(action: string) {
  return async (ctx: PluginContext): Promise<boolean> => {
    if (ctx.res.physicalId) await ctx.nested.advance(ctx.res.physicalId);
    const n = ctx.nested.get(ctx.res.physicalId);
    if (!n) return action === 'DELETE';
    if (n.action === action && n.status === 'COMPLETE') return true;
    if (n.action === action && n.status === 'FAILED') throw new ResourceFailure('Error', n.statusReason.replace(/^Resource \w+ failed: /, ''));
    return false;
  };
}

const groupActions: Pick<Plugin, 'delete' | 'checkDelete' | 'suspend' | 'checkSuspend' | 'resume' | 'checkResume' | 'check' | 'checkCheck' | 'checkCreate' | 'checkUpdate'> = {
  checkCreate: nestedDone('CREATE'),
  checkUpdate: nestedDone('UPDATE'),
  async delete(ctx) {
    if (ctx.res.physicalId) ctx.nested.delete(ctx.res.physicalId);
  },
  checkDelete: nestedDone('DELETE'),
  async suspend(ctx) {
    ctx.nested.act(ctx.res.physicalId, 'SUSPEND');
  },
  checkSuspend: nestedDone('SUSPEND'),
  async resume(ctx) {
    ctx.nested.act(ctx.res.physicalId, 'RESUME');
  },
  checkResume: nestedDone('RESUME'),
  async check(ctx) {
    ctx.nested.act(ctx.res.physicalId, 'CHECK');
  },
  checkCheck: nestedDone('CHECK'),
};

/** Attributes shared by both groups: refs, refs_map, outputs(_list) with a member attribute path, resource.<name>[.attr]. */
function groupAttribute(res: Resource, name: string | null, nested: NestedStacks, path: Json[], extra: Record<string, () => Json>): Json {
  const ms = members(nested, res);
  const refs = () => ms.map((m) => nested.ref(m.stack, m.res));
  const attrOf = (p: Json[]) => ms.map((m) => [m.res.name, p.length ? nested.attribute(m.stack, m.res, String(p[0]), p.slice(1)) : nested.ref(m.stack, m.res)] as const);
  if (name === null) {
    // Resource show: every attribute of the type; those that need a member attribute path are null.
    const all: JsonMap = { ...Object.fromEntries(Object.entries(extra).map(([k, g]) => [k, g()])), refs: refs(), refs_map: Object.fromEntries(ms.map((m) => [m.res.name, nested.ref(m.stack, m.res)])) };
    const names = Object.keys(typeReference(res.type)?.schema.attributes ?? {}).filter((n) => n !== 'show');
    return Object.fromEntries(names.map((n) => [n, all[n] ?? null]));
  }
  if (name in extra) return extra[name]();
  if (name === 'refs') return refs();
  if (name === 'refs_map') return Object.fromEntries(ms.map((m) => [m.res.name, nested.ref(m.stack, m.res)]));
  if (name === 'outputs' || name === 'attributes') return Object.fromEntries(attrOf(path));
  if (name === 'outputs_list') return attrOf(path).map(([, v]) => v);
  if (name.startsWith('resource.')) {
    const [, memberName, attr] = /^resource\.([^.]+)(?:\.(.+))?$/.exec(name) ?? [];
    const m = ms.find((x) => x.res.name === memberName);
    if (!m) return null;
    return attr ? nested.attribute(m.stack, m.res, attr, path) : nested.ref(m.stack, m.res);
  }
  // Any other name: that attribute of every member (ResourceGroup passes member attributes through).
  return ms.map((m) => nested.attribute(m.stack, m.res, name, path));
}

/** ResourceGroup members named 0..count-1, index_var replaced in their definition. */
function groupTemplate(props: JsonMap): JsonMap {
  const count = Number(props.count ?? 1);
  const indexVar = String(props.index_var ?? '%index%');
  const def = member((props.resource_def ?? {}) as JsonMap);
  const resources: JsonMap = {};
  for (let i = 0; i < count; i++) resources[String(i)] = substitute(def, indexVar, String(i));
  return template(resources);
}

const resourceGroup: Plugin = {
  consumesPath: true,
  async create(ctx) {
    ctx.res.physicalId = ctx.nested.create(ctx.stack, ctx.res, groupTemplate(ctx.props));
  },
  replaceOn: () => false,
  async update(ctx) {
    ctx.nested.update(ctx.res.physicalId, groupTemplate(ctx.props));
  },
  ...groupActions,
  attribute: (res, name, _stack, nested, path) => groupAttribute(res, name, nested, path, { removed_rsrc_list: () => [] }),
};

/** The ASG's nested template at `size`: existing members kept (newest removed first), new ones named by short ids. */
function asgTemplate(ctx: PluginContext, size: number): JsonMap {
  const def = member((ctx.props.resource ?? {}) as JsonMap);
  const current = members(ctx.nested, ctx.res).map((m) => m.res.name);
  const keep = current.slice(Math.max(0, current.length - size));
  while (keep.length < size) keep.push(generateShortId());
  return template(Object.fromEntries(keep.map((n) => [n, def])));
}

function scalingMetadata(ctx: PluginContext, cooldown: number, reason: string, changed: boolean) {
  const md = ctx.res.metadata;
  // Cooldowns are nominal seconds, scaled by the cloud's speed like every other wait of the demo cloud; an
  // earlier, later-ending cooldown is kept (cooldown.py _finished_scaling).
  if (changed) {
    const end = isoMicro(ctx.now() + ctx.delay(Math.max(0, cooldown))).replace(/Z$/, '');
    const previous = Object.keys((md.cooldown_end ?? {}) as JsonMap)[0];
    md.cooldown_end = { [previous && previous > end ? previous : end]: reason };
  }
  md.scaling_in_progress = false;
}

const autoScalingGroup: Plugin = {
  ...groupActions,
  consumesPath: true,
  validate(p) {
    const min = Number(p.min_size);
    const max = Number(p.max_size);
    if (max < min) return 'MinSize can not be greater than MaxSize';
    if (min < 0) return 'The size of AutoScalingGroup can not be less than zero';
    const desired = p.desired_capacity;
    if (desired !== null && desired !== undefined && (Number(desired) < min || Number(desired) > max)) return 'DesiredCapacity must be between MinSize and MaxSize';
    return null;
  },
  async create(ctx) {
    const p = ctx.props;
    const min = Number(p.min_size);
    const max = Number(p.max_size);
    if (max < min) throw new ResourceFailure('StackValidationFailed', 'MinSize can not be greater than MaxSize');
    const size = p.desired_capacity === null || p.desired_capacity === undefined ? min : Number(p.desired_capacity);
    if (size < min || size > max) throw new ResourceFailure('StackValidationFailed', 'DesiredCapacity must be between MinSize and MaxSize');
    ctx.res.physicalId = ctx.nested.create(ctx.stack, ctx.res, asgTemplate(ctx, size));
    ctx.res.data.size = size;
  },
  async checkCreate(ctx) {
    if (!(await nestedDone('CREATE')(ctx))) return false;
    scalingMetadata(ctx, 0, `ExactCapacity : ${Number(ctx.res.data.size)}`, true);
    return true;
  },
  replaceOn: () => false,
  async update(ctx) {
    const p = ctx.props;
    const current = members(ctx.nested, ctx.res).length;
    const wanted = p.desired_capacity === null || p.desired_capacity === undefined ? current : Number(p.desired_capacity);
    const size = Math.min(Number(p.max_size), Math.max(Number(p.min_size), wanted));
    ctx.res.data.size = size;
    ctx.nested.update(ctx.res.physicalId, asgTemplate(ctx, size));
  },
  /** A policy asked for a resize: finish it when the nested stack is done (cooldown.py _finished_scaling). */
  async poll(ctx) {
    const busy = ctx.res.data.busy as JsonMap | undefined;
    const n = busy ? ctx.nested.get(ctx.res.physicalId) : undefined;
    if (!busy || !n || n.action !== 'UPDATE' || n.status === 'IN_PROGRESS') return;
    const ok = n.status === 'COMPLETE';
    scalingMetadata(ctx, Number(busy.cooldown ?? 0), String(busy.reason), ok);
    delete ctx.res.data.busy;
    const policy = ctx.stack.resources[String(busy.policy)];
    if (policy && ok) ctx.emit(policy, 'SIGNAL', policy.status, String(busy.details));
  },
  attribute: (res, name, _stack, nested, path) => groupAttribute(res, name, nested, path, { current_size: () => members(nested, res).length }),
};

/** scalingutil.calculate_new_capacity. */
export function newCapacity(current: number, adjustment: number, type: string, minStep: number | null, min: number, max: number): number {
  let next: number;
  if (type === 'change_in_capacity' || type === 'ChangeInCapacity') next = current + adjustment;
  else if (type === 'exact_capacity' || type === 'ExactCapacity') next = adjustment;
  else {
    const delta = (current * adjustment) / 100;
    let rounded = Math.abs(delta) < 1 ? (delta > 0 ? Math.ceil(delta) : Math.floor(delta)) : delta > 0 ? Math.floor(delta) : Math.ceil(delta);
    if (minStep && minStep > Math.abs(rounded)) rounded = rounded > 0 ? minStep : -minStep;
    next = current + rounded;
  }
  return Math.max(min, Math.min(max, next));
}

/** Heat's wording of the signal details (resource.py get_string_details). */
function signalText(details: Json): string {
  if (details === null || details === undefined) return 'No signal details provided';
  if (typeof details === 'string') return details;
  if (typeof details === 'object' && !Array.isArray(details) && ['previous', 'current', 'reason'].every((k) => k in details)) {
    return `alarm state changed from ${String(details.previous)} to ${String(details.current)} (${String(details.reason)})`;
  }
  return 'Unknown';
}

const scalingPolicy: Plugin = {
  async create(ctx) {
    ctx.res.physicalId = hexId();
    ctx.res.data.signal_url = `${ctx.heatUrl}/stacks/${ctx.stack.name}/${ctx.stack.id}/resources/${ctx.res.name}/signal`;
  },
  replaceOn: (changed) => changed.includes('auto_scaling_group_id'),
  async update() {},
  async delete() {},
  /** handle_signal: the group adjusts (group.adjust), or nothing happens and no event is recorded. */
  async signal(ctx, details) {
    const p = ctx.props;
    const group = Object.values(ctx.stack.resources).find((r) => r.physicalId && r.physicalId === p.auto_scaling_group_id);
    if (!group) throw new ResourceFailure('NotFound', `Alarm ${ctx.res.name} could not find scaling group named "${String(p.auto_scaling_group_id)}"`);
    const gp = (group.props ?? {}) as JsonMap;
    if (group.status !== 'COMPLETE' || group.data.busy || group.metadata.scaling_in_progress) return null;
    const current = members(ctx.nested, group).length;
    const size = newCapacity(current, Number(p.scaling_adjustment), String(p.adjustment_type), (p.min_adjustment_step as number | null) ?? null, Number(gp.min_size), Number(gp.max_size));
    if (size === current) return null;
    const cooldownEnd = Object.keys((group.metadata.cooldown_end ?? {}) as JsonMap)[0];
    if (cooldownEnd && isoMicro(ctx.now()).replace(/Z$/, '') < cooldownEnd) return null;
    group.metadata.scaling_in_progress = true;
    group.data.size = size;
    group.data.busy = { policy: ctx.res.name, reason: `${String(p.adjustment_type)} : ${Number(p.scaling_adjustment)}`, cooldown: (p.cooldown ?? gp.cooldown ?? 0) as Json, details: signalText(details) };
    const groupCtx: PluginContext = { ...ctx, res: group, props: gp };
    ctx.nested.update(group.physicalId, asgTemplate(groupCtx, size));
    return null;
  },
  attribute: (res, name) => {
    const url = (res.data.signal_url ?? null) as Json;
    const values: Record<string, Json> = { signal_url: url, alarm_url: url };
    return name === null ? values : (values[name] ?? null);
  },
};

export const groupPlugins: Record<string, Plugin> = {
  'OS::Heat::ResourceGroup': resourceGroup,
  'OS::Heat::AutoScalingGroup': autoScalingGroup,
  'OS::Heat::ScalingPolicy': scalingPolicy,
};
