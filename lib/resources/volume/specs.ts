// Key/value specs of Cinder's admin objects (a volume type's extra specs, a QoS spec's keys): the `pairs` rows of a
// form, checked as Cinder checks them (keys and values of at most 255 characters), and the one-key forms that set
// or unset a key on an object's page.
import { z } from 'zod';
import { issueText } from '@/lib/i18n/issue';
import { msg, type MsgKey } from '@/lib/i18n/msg';
import { command } from '../cli';
import type { ApiRequest, DetailForm } from '../types';

export type Pair = { key: string; value: string };

/** Rows of key/value inputs: empty rows are dropped, a value needs a key, a key appears once. */
export const PairsSchema = z.array(z.object({ key: z.string().trim(), value: z.string().trim() })).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (!r.key && r.value) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'kinds.volumeType.errors.keyRequired' });
    if (r.key.length > 255) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'kinds.volume.errors.maxLength' });
    if (r.value.length > 255) ctx.addIssue({ code: 'custom', path: [i, 'value'], message: 'kinds.volume.errors.maxLength' });
    if (r.key && seen.has(r.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: issueText(msg('kinds.volumeType.errors.duplicateKey', { key: r.key })) });
    seen.add(r.key);
  });
});

export const pairsObject = (rows: readonly Pair[]): Record<string, string> => Object.fromEntries(rows.filter((r) => r.key).map((r) => [r.key, r.value]));

/** `key=value` words for a CLI's repeated `--property`. */
export const propertyWords = (rows: readonly Pair[] | Record<string, string>): string[] =>
  (Array.isArray(rows) ? rows : Object.entries(rows).map(([key, value]) => ({ key, value }))).filter((r) => r.key).flatMap((r) => ['--property', `${r.key}=${r.value}`]);

/** The specs as `key=value` lines, for a list cell. */
export const specLines = (specs: Record<string, string> | null | undefined): string[] => Object.entries(specs ?? {}).map(([k, v]) => `${k}=${v}`);

/** One key and its value (set on a type or a QoS spec). */
export const SetKeySchema = z.object({
  key: z.string().trim().min(1, { error: 'kinds.volumeType.errors.keyRequired' }).max(255, { error: 'kinds.volume.errors.maxLength' }),
  value: z.string().trim().max(255, { error: 'kinds.volume.errors.maxLength' }),
});
export type SetKey = z.infer<typeof SetKeySchema>;

/** One of the object's keys to remove. */
export const UnsetKeySchema = z.object({ key: z.string().min(1, { error: 'kinds.volumeType.errors.chooseKey' }) });
export type UnsetKey = z.infer<typeof UnsetKeySchema>;

/** What differs between the key forms of a volume type and a QoS spec: words, calls and the CLI's noun. */
export interface KeyFormsSpec<T> {
  /** `openstack <cli> set|unset --property ...` (`volume type`, `volume qos`). */
  cli: string;
  ids: { set: string; unset: string };
  words: { set: MsgKey; unset: MsgKey; setFailed: MsgKey; unsetFailed: MsgKey };
  keys: (row: T) => Record<string, string> | null | undefined;
  set: (row: T, key: string, value: string) => ApiRequest;
  unset: (row: T, key: string) => ApiRequest;
}

/** The set and unset forms of an object's keys, one key at a time (unset only while it has some). */
export function keyForms<T extends { id: string }>(spec: KeyFormsSpec<T>): [DetailForm<T, SetKey>, DetailForm<T, UnsetKey>] {
  const text = (v: unknown, placeholder: string) => (typeof v === 'string' && v.trim() ? v.trim() : placeholder);
  return [
    {
      id: spec.ids.set, label: spec.words.set,
      hint: (r) => command(`openstack ${spec.cli} set --property <key>=<value>`, r.id),
      schema: SetKeySchema,
      fields: [
        { name: 'key', label: 'kinds.volumeType.specs.key', type: 'text', maxLength: 255 },
        { name: 'value', label: 'kinds.volumeType.specs.value', type: 'text', maxLength: 255 },
      ],
      initial: () => ({ key: '', value: '' }),
      request: (r, i) => spec.set(r, i.key.trim(), i.value.trim()),
      cli: (r, v) => command(`openstack ${spec.cli} set --property`, `${text(v.key, '<key>')}=${text(v.value, '')}`, r.id),
      submitLabel: spec.words.set, errorTitle: spec.words.setFailed,
    },
    {
      id: spec.ids.unset, label: spec.words.unset,
      when: (r) => Object.keys(spec.keys(r) ?? {}).length > 0,
      hint: (r) => command(`openstack ${spec.cli} unset --property <key>`, r.id),
      schema: UnsetKeySchema,
      fields: [{ name: 'key', label: 'kinds.volumeType.specs.key', type: 'text', maxLength: 255, hint: 'kinds.volumeType.specs.unsetHint' }],
      initial: () => ({ key: '' }),
      request: (r, i) => spec.unset(r, i.key.trim()),
      cli: (r, v) => command(`openstack ${spec.cli} unset --property`, text(v.key, '<key>'), r.id),
      submitLabel: spec.words.unset, errorTitle: spec.words.unsetFailed,
    },
  ];
}
