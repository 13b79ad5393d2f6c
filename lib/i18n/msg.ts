// Text that a definition or a pure module declares, for the views to translate: a key of the English catalog (a type
// error when en.json lacks it), or a key with the values its ICU message takes. Never English itself.
import type { MessageKeys, Messages, NestedKeyOf } from 'next-intl';

export type MsgKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type MsgValues = Record<string, string | number | Date>;
export type MsgWithValues = { key: MsgKey; values: MsgValues };
export type Msg = MsgKey | MsgWithValues;

/** A message with values: `msg('kinds.zone.deleteBody', { count: 2, names })`. */
export const msg = (key: MsgKey, values: MsgValues): MsgWithValues => ({ key, values });

/**
 * A text field that may also carry API data: a `Msg`, or what a cloud sent (a raw status such as ACTIVE, a port range,
 * a name), which `useMsg()` shows as it is. English never goes here: lib/i18n/catalogs.test.ts and the lint rule
 * refuse literals, and e2e/locales.spec.ts reads every page per locale. Nouns read in sentences are `Msg` only.
 */
export type Text = Msg | string;
