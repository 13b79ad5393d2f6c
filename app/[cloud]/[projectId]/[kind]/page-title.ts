// The kind pages' tab titles in the request's language, a definition's Text rendered as useMsg() does on the client.
import { getTranslations } from 'next-intl/server';
import { getMsg } from '@/components/i18n/get-msg';
import type { Text } from '@/lib/i18n/msg';

export async function pageTitles() {
  const [t, m] = await Promise.all([getTranslations('resource.page'), getMsg()]);
  return { m, notFound: t('notFound'), detail: (name: string, section: Text) => t('detailTitle', { name, section: m(section) }) };
}
