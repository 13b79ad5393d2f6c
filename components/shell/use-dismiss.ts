'use client';

import { useCallback, useEffect, useId, useRef, useState, type RefObject, type SyntheticEvent } from 'react';

/** Closes a popover on a pointer press outside `root` or on Escape (then focuses `returnFocus`). */
export function useDismiss(open: boolean, close: () => void, root: RefObject<HTMLElement | null>, returnFocus?: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (root.current && !root.current.contains(event.target as Node)) close();
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      close();
      returnFocus?.current?.focus();
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, close, root, returnFocus]);
}

/**
 * A header menu (its button, then its panel below): the open state, and the props of the button (aria-expanded,
 * aria-controls) and panel (id); a press outside or Escape closes it.
 */
export function useMenu() {
  const [open, setOpen] = useState(false);
  const id = `${useId()}-panel`;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);
  return { open, setOpen, root, panelId: id, buttonProps: { ref: button, type: 'button' as const, 'aria-expanded': open, 'aria-controls': id } };
}

/**
 * A `<details>` popover (the list's Columns and Export menus): like the header menus, a press outside or Escape closes
 * it and Escape gives focus back to its summary. Spread `details` on the element and `summary` on its summary.
 */
export function useDetailsMenu() {
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const close = useCallback(() => {
    if (details.current) details.current.open = false;
  }, []);
  useDismiss(open, close, details, summary);
  return {
    details: { ref: details, onToggle: (e: SyntheticEvent<HTMLDetailsElement>) => setOpen(e.currentTarget.open) },
    summary: { ref: summary },
  };
}
