// Heat's own resources that touch no other service: OS::Heat::RandomString, None, TestResource, Value.
import { randomInt, randomUUID } from 'node:crypto';
import type { Json, JsonMap } from '../model';
import { ResourceFailure } from './client';
import { attributesFrom, type Plugin, type PluginContext } from './types';

const CLASSES: Record<string, string> = {
  lettersdigits: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  letters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  hexdigits: '0123456789abcdefABCDEF',
  octdigits: '01234567',
};

/** heat/common/password_gen.generate_password: each class's minimum first, the rest from their union, shuffled. */
function generate(length: number, classes: Array<{ chars: string; min: number }>): string {
  const out: string[] = [];
  for (const c of classes) for (let i = 0; i < c.min; i++) out.push(c.chars[randomInt(c.chars.length)]);
  const all = [...new Set(classes.map((c) => c.chars).join(''))].join('');
  while (out.length < length) out.push(all[randomInt(all.length)]);
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.join('');
}

const randomString: Plugin = {
  async create(ctx) {
    const p = ctx.props;
    const seqs = ((p.character_sequences as JsonMap[] | null) ?? []).map((s) => ({ chars: String(s.sequence), min: Number(s.min ?? 1) }));
    const classes = ((p.character_classes as JsonMap[] | null) ?? []).map((c) => ({ chars: CLASSES[String(c.class)] ?? CLASSES.lettersdigits, min: Number(c.min ?? 1) }));
    const length = Number(p.length ?? 32);
    const mins = [...seqs, ...classes].reduce((n, c) => n + c.min, 0);
    if (mins > length) throw new ResourceFailure('StackValidationFailed', `Length property cannot be smaller than combined character class and character sequence minimums`);
    ctx.res.data.value = generate(length, [...seqs, ...classes]);
    ctx.res.physicalId = ctx.physicalName;
  },
  async delete() {},
  ref: (res) => (res.physicalId ? (res.data.value ?? null) : res.name),
  attribute: (res, name) => attributesFrom(res, { value: (d) => d.value ?? null }, name),
};

const none: Plugin = {
  async create(ctx) {
    ctx.res.physicalId = randomUUID();
  },
  // Accepts any change without acting (none_resource.py: never needs an update).
  replaceOn: () => false,
  async update() {},
  async delete() {},
  // Any attribute is None; resource show lists none (its `show` is dropped, as Heat does).
  attribute: (_res, name) => (name === null ? {} : null),
};

/** Seconds TestResource waits for an action: action_wait_secs.<action>, else wait_secs. */
function waitSecs(p: JsonMap, action: string): number {
  const per = (p.action_wait_secs ?? {}) as JsonMap;
  const v = per[action];
  return typeof v === 'number' ? v : Number(p.wait_secs ?? 0);
}

function testCheck(action: 'create' | 'update' | 'delete') {
  return async (ctx: PluginContext): Promise<boolean> => {
    const started = Number(ctx.res.data.started ?? 0);
    if (ctx.now() < started + ctx.delay(waitSecs(ctx.props, action))) return false;
    if (ctx.props.fail === true && action !== 'delete') throw new ResourceFailure('ValueError', `Test Resource failed ${ctx.res.name}`);
    return true;
  };
}

const testResource: Plugin = {
  async create(ctx) {
    ctx.res.data.started = ctx.now();
    if (ctx.props.fail !== true) {
      ctx.res.data.value = ctx.props.value ?? null;
      ctx.res.physicalId = ctx.physicalName;
    }
  },
  checkCreate: testCheck('create'),
  replaceOn: (changed, _before, after) => changed.includes('value') && after.update_replace === true,
  async update(ctx, changed) {
    ctx.res.data.started = ctx.now();
    if (changed.includes('value') && ctx.props.fail !== true) ctx.res.data.value = ctx.props.value ?? null;
  },
  checkUpdate: testCheck('update'),
  async delete(ctx) {
    ctx.res.data.started = ctx.now();
  },
  checkDelete: testCheck('delete'),
  attribute: (res, name) => attributesFrom(res, { output: (d) => d.value ?? null }, name),
};

const value: Plugin = {
  async create(ctx) {
    ctx.res.physicalId = ctx.physicalName;
    ctx.res.data.value = (ctx.props.value as Json) ?? null;
  },
  replaceOn: () => false,
  async update(ctx) {
    ctx.res.data.value = (ctx.props.value as Json) ?? null;
  },
  async delete() {},
  attribute: (res, name) => attributesFrom(res, { value: (d) => d.value ?? null }, name),
};

export const heatPlugins: Record<string, Plugin> = {
  'OS::Heat::RandomString': randomString,
  'OS::Heat::None': none,
  'OS::Heat::TestResource': testResource,
  'OS::Heat::Value': value,
};
