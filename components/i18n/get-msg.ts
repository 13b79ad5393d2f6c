// Server components' useMsg(): renders the Msg values definitions and the registry declare (lib/i18n/msg.ts).
import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Text } from '@/lib/i18n/msg';

export async function getMsg(): Promise<(m: Text) => string> {
  const t = await getTranslations();
  return (m: Text) => (typeof m === 'string' ? (t.has(m as never) ? t(m as never) : m) : t(m.key, m.values));
}
