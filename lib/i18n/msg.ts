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
 * What a definition's text field holds while issue 15 converts the definitions kind by kind: a `Msg`, or text not yet
 * in the catalogs, which `useMsg()` shows as it is. The last step narrows this to `Msg`.
 */
export type Text = Msg | string;
