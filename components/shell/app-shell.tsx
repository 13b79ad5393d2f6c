'use client';

import { useState, type ReactNode } from 'react';
import type { ClientSession } from '@/lib/client/session';
import { ExpiryWarning } from './expiry-warning';
import { Header } from './header';
import { PresentationProvider } from './presentation';
import { SessionProvider } from './session-context';
import { Sidebar } from './sidebar';

/** Header + sidebar + main area; owns only the mobile navigation state. */
export function AppShell({ session, catalogTypes, children }: { session: ClientSession; catalogTypes: string[]; children: ReactNode }) {
  const [navOpen, setNavOpen] = useState(false);
  return (
    <PresentationProvider>
      <div className="flex min-h-dvh flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
          Skip to content
        </a>
        <Header session={session} navOpen={navOpen} onToggleNav={() => setNavOpen((o) => !o)} />
        <ExpiryWarning expiresAt={session.expiresAt} authMethod={session.authMethod} cloud={session.cloud.id} />
        <div className="flex flex-1">
          <Sidebar session={session} catalogTypes={catalogTypes} open={navOpen} onNavigate={() => setNavOpen(false)} />
          <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
            <SessionProvider session={session}>{children}</SessionProvider>
          </main>
        </div>
      </div>
    </PresentationProvider>
  );
}
