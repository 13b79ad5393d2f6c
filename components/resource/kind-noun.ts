'use client';
// A kind's name inside a sentence ("Create {kind}", "No {kind} yet."): its ICU plural noun for a count.
import { useCallback } from 'react';
import { useMsg, useNoun } from '@/components/i18n/use-msg';
import type { ResourceDefinition, Text } from '@/lib/resources/types';

export type KindNoun = (def: Pick<ResourceDefinition<unknown>, 'label'>, count: number) => string;

export function useKindNoun(): KindNoun {
  const m = useMsg();
  const noun = useNoun();
  return useCallback(
    (def, count) => {
      const declared = def.label.noun as Text | undefined;
      if (declared !== undefined) return noun(declared, count);
      // While the definitions are converted: one without a noun reads as its heading lowercased, as the views wrote it.
      return m(count === 1 ? def.label.singular : def.label.plural).toLowerCase();
    },
    [m, noun],
  );
}
