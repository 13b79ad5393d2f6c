'use client';
// The logged-in user as the definitions built per user see it (registry DefinitionScope): provided by the session
// provider of the project layout, read by useSection. A context here because lib/resources imports no component.
import { createContext, useContext } from 'react';
import { NO_SCOPE, type DefinitionScope } from './registry';

export const DefinitionScopeContext = createContext<DefinitionScope>(NO_SCOPE);

export function useDefinitionScope(): DefinitionScope {
  return useContext(DefinitionScopeContext);
}
