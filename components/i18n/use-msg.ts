'use client';
// Renders the Msg values that definitions and pure modules declare (lib/i18n/msg.ts) in the page's language.
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { Text } from '@/lib/i18n/msg';

export type Translate = (m: Text) => string;

export function useMsg(): Translate {
  const t = useTranslations();
  // While the definitions are converted (lib/i18n/msg.ts's Text), text that is no catalog key shows as it is.
  return useCallback((m: Text) => (typeof m === 'string' ? (t.has(m as never) ? t(m as never) : m) : t(m.key, m.values)), [t]);
}
