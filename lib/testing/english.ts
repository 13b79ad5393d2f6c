// Tests read what a definition says in English: `en(def.actions[0].confirm.title(rows))` renders a Msg (or text not
// yet in the catalogs) with the English catalog, as useMsg() does on an English page.
import { createTranslator } from 'next-intl';
import messages from '@/lib/i18n/messages/en.json';
import type { Text } from '@/lib/i18n/msg';

const t = createTranslator({ locale: 'en', messages });

export function en(m: Text | undefined): string | undefined {
  if (m === undefined) return undefined;
  if (typeof m !== 'string') return t(m.key as never, m.values as never);
  return t.has(m as never) ? t(m as never) : m;
}
