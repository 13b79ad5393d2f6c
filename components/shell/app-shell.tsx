'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { AnnouncerProvider } from '@/components/a11y/announcer';
import { configureUndoDefault } from '@/lib/client/undo';
import { ActivityToasts } from './activity';
import { PendingDeletes } from './pending-deletes';
import type { ClientSession } from '@/lib/client/session';
import { ExpiryWarning } from './expiry-warning';
import { Header } from './header';
import { KioskBar, KioskProvider, NotInKiosk } from './kiosk';
import { PresentationProvider } from './presentation';
import { SessionProvider } from './session-context';
import { useInspectorShortcut, usePaletteShortcut } from './shortcuts';
import { Sidebar } from './sidebar';

// Loaded when first opened (both are only rendered while open).
const ApiInspector = dynamic(() => import('@/components/inspector/api-inspector').then((m) => m.ApiInspector), { ssr: false });
const CommandPalette = dynamic(() => import('@/components/palette/command-palette').then((m) => m.CommandPalette), { ssr: false });

/** Header + sidebar + main area; owns only the mobile navigation state. */
export function AppShell({
  session,
  catalogTypes,
  undoDefault,
  presentation = null,
  children,
}: {
  session: ClientSession;
  catalogTypes: string[];
  undoDefault: number;
  /** The presentation settings from the request's cookie (presentation-cookie.ts). */
  presentation?: string | null;
  children: ReactNode;
}) {
  const t = useTranslations('shell.appShell');
  configureUndoDefault(undoDefault);
  const [navOpen, setNavOpen] = useState(false);
  const [inspectorOpen, setInspectorOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const toggleInspector = useCallback(() => setInspectorOpen((o) => !o), []);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  useInspectorShortcut(toggleInspector);
  usePaletteShortcut(openPalette);
  // The narrow-screen nav drawer closes on Escape like every popover, giving focus back to its toggle.
  useEffect(() => {
    if (!navOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setNavOpen(false);
      document.querySelector<HTMLElement>('[aria-controls="sidebar"]')?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navOpen]);
  return (
    // Kiosk outside presentation: kiosk forces masking on (presentation.tsx reads it).
    <KioskProvider>
      <PresentationProvider serverRaw={presentation}>
        <AnnouncerProvider>
          <div className="flex min-h-dvh flex-col">
            <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
              {t('skipToContent')}
            </a>
            <NotInKiosk>
              <Header
                session={session}
                catalogTypes={catalogTypes}
                navOpen={navOpen}
                onToggleNav={() => setNavOpen((o) => !o)}
                inspectorOpen={inspectorOpen}
                onToggleInspector={toggleInspector}
                onOpenPalette={openPalette}
              />
            </NotInKiosk>
            <ExpiryWarning expiresAt={session.expiresAt} authMethod={session.authMethod} cloud={session.cloud.id} />
            <div className="flex flex-1">
              <NotInKiosk>
                <Sidebar session={session} catalogTypes={catalogTypes} open={navOpen} onNavigate={() => setNavOpen(false)} />
              </NotInKiosk>
              <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
                <SessionProvider session={session} catalogTypes={catalogTypes}>{children}</SessionProvider>
              </main>
            </div>
            {inspectorOpen && <ApiInspector onClose={() => setInspectorOpen(false)} />}
            <PendingDeletes />
            <ActivityToasts session={session} />
            {paletteOpen && <CommandPalette session={session} catalogTypes={catalogTypes} onClose={() => setPaletteOpen(false)} />}
            <KioskBar />
          </div>
        </AnnouncerProvider>
      </PresentationProvider>
    </KioskProvider>
  );
}
