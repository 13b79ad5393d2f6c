'use client';
// One polite live region for the shell: screen readers hear what changes on the page without focus moving (a
// table's new sort). Statuses the polling sees change are announced by the activity toasts' own polite region.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

const Ctx = createContext<(text: string) => void>(() => undefined);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState('');
  const announce = useCallback((next: string) => {
    // The same sentence twice must be read twice: empty the region first, then fill it on the next frame.
    setText('');
    requestAnimationFrame(() => setText(next));
  }, []);
  return (
    <Ctx.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-announcer="">
        {text}
      </div>
    </Ctx.Provider>
  );
}

export const useAnnounce = () => useContext(Ctx);
