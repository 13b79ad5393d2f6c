// The kind pages' tab titles in the request's language: a definition's Text (a catalog key, or while the definitions
// are converted, text shown as it is), as useMsg() renders it on the client.
import { getTranslations } from 'next-intl/server';
import type { Text } from '@/lib/i18n/msg';

export async function pageTitles() {
  const [t, all] = await Promise.all([getTranslations('resource.page'), getTranslations()]);
  const m = (text: Text) => (typeof text === 'string' ? (all.has(text as never) ? all(text as never) : text) : all(text.key, text.values));
  return { m, notFound: t('notFound'), detail: (name: string, section: Text) => t('detailTitle', { name, section: m(section) }) };
}
