'use client';
// Renders the Msg values that definitions and pure modules declare (lib/i18n/msg.ts) in the page's language.
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { Msg } from '@/lib/i18n/msg';

export function useMsg(): (m: Msg) => string {
  const t = useTranslations();
  return useCallback((m: Msg) => (typeof m === 'string' ? t(m) : t(m.key, m.values)), [t]);
}
