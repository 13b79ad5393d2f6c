'use client';
// A registry section and its definition for the project on screen, for the generic pages.
import { useMemo } from 'react';
import { useProjectScope } from './hooks';
import { definitionOf, findSection, type Section } from './registry';
import { useDefinitionScope } from './scope-context';
import type { AnyDefinition } from './types';

export function useSection(slug: string): { section: Section; def: AnyDefinition | undefined } {
  const { projectId } = useProjectScope();
  const scope = useDefinitionScope();
  return useMemo(() => {
    const section = findSection(slug);
    if (!section) throw new Error(`no section ${slug} in the registry`);
    return { section, def: definitionOf(section, projectId, scope) };
  }, [slug, projectId, scope]);
}
