'use client';
// A kind's name inside a sentence ("Create {kind}", "No {kind} yet."): its ICU plural noun for a count.
import { useCallback } from 'react';
import { useNoun } from '@/components/i18n/use-msg';
import type { ResourceDefinition } from '@/lib/resources/types';

export type KindNoun = (def: Pick<ResourceDefinition<unknown>, 'label'>, count: number) => string;

export function useKindNoun(): KindNoun {
  const noun = useNoun();
  return useCallback((def, count) => noun(def.label.noun, count), [noun]);
}
