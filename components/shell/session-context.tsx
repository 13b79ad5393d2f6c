'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { ClientSession } from '@/lib/client/session';

const SessionContext = createContext<ClientSession | null>(null);

export function SessionProvider({ session, children }: { session: ClientSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The browser-safe session of the project layout (never the token). */
export function useClientSession(): ClientSession | null {
  return useContext(SessionContext);
}

export function useIsAdmin(): boolean {
  return !!useClientSession()?.roles.includes('admin');
}
