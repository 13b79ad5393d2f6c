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

/** Renders an ICU plural noun (`{count, plural, one {volume} other {volumes}}`) for `count`, read inside a sentence. */
export type NounOf = (noun: Text, count: number) => string;

export function useNoun(): NounOf {
  const t = useTranslations();
  return useCallback(
    (noun: Text, count: number) => {
      if (typeof noun !== 'string') return t(noun.key, { ...noun.values, count });
      if (t.has(noun as never)) return t(noun as never, { count } as never);
      // While the definitions are converted: a noun not yet in the catalogs is the English singular the views used to
      // pluralise with an "s" ("driver", "Loading drivers…").
      return count === 1 ? noun : `${noun}s`;
    },
    [t],
  );
}
