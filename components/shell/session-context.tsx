'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ClientSession } from '@/lib/client/session';
import { findSection, sectionAccess, type SectionAccess } from '@/lib/resources/registry';
import { DefinitionScopeContext } from '@/lib/resources/scope-context';

const SessionContext = createContext<ClientSession | null>(null);
const CatalogContext = createContext<readonly string[]>([]);

export function SessionProvider({ session, catalogTypes, children }: { session: ClientSession; catalogTypes: readonly string[]; children: ReactNode }) {
  const scope = useMemo(() => ({ userId: session.user.id, roles: session.roles }), [session.user.id, session.roles]);
  return (
    <SessionContext.Provider value={session}>
      <CatalogContext.Provider value={catalogTypes}>
        <DefinitionScopeContext.Provider value={scope}>{children}</DefinitionScopeContext.Provider>
      </CatalogContext.Provider>
    </SessionContext.Provider>
  );
}

/** The browser-safe session of the project layout (never the token). */
export function useClientSession(): ClientSession | null {
  return useContext(SessionContext);
}

/** Whether this user may use a section in this cloud (e.g. to offer a link to the DNS pages): the registry's rule. */
export function useSectionAccess(slug: string): SectionAccess['state'] {
  const session = useClientSession();
  const types = useContext(CatalogContext);
  const section = findSection(slug);
  return section ? sectionAccess(section, types, session?.roles ?? []).state : 'unavailable';
}

export function useIsAdmin(): boolean {
  return !!useClientSession()?.roles.includes('admin');
}
