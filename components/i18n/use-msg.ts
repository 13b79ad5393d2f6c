'use client';
// Renders the Msg values that definitions and pure modules declare (lib/i18n/msg.ts) in the page's language.
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { Msg, Text } from '@/lib/i18n/msg';

export type Translate = (m: Text) => string;

export function useMsg(): Translate {
  const t = useTranslations();
  // Text that is no catalog key is API data (a raw status such as ACTIVE, a port range): shown as the cloud sent it.
  return useCallback((m: Text) => (typeof m === 'string' ? (t.has(m as never) ? t(m as never) : m) : t(m.key, m.values)), [t]);
}

/** Renders an ICU plural noun (`{count, plural, one {volume} other {volumes}}`) for `count`, read inside a sentence. */
export type NounOf = (noun: Msg, count: number) => string;

export function useNoun(): NounOf {
  const t = useTranslations();
  return useCallback((noun: Msg, count: number) => (typeof noun === 'string' ? t(noun, { count } as never) : t(noun.key, { ...noun.values, count })), [t]);
}
