'use client';
// Where notifications sit (the undo list and the activity toasts): bottom left, in the sidebar's column from md up
// (the sidebar is 15rem wide), so they never lie over the main content's controls; on narrow screens across the
// bottom. Each stack publishes its height as a CSS variable on <html>: the activity toasts stack above the undo list,
// and the page reserves the space (padding and scroll padding) so nothing stays hidden under them.

import { useEffect, type RefObject } from 'react';

/** The stacks' classes: the same column for both, at most a third of the screen high each (then they scroll), with
 *  room for the toasts' shadows while they show (NOTICE_PAD). */
export const NOTICE_STACK = 'fixed left-0 z-40 flex w-full max-h-[33dvh] flex-col gap-2 overflow-y-auto sm:max-w-sm md:w-60';
export const NOTICE_PAD = 'p-3 md:p-2';

export type NoticeStack = 'undo' | 'activity';
const VAR: Record<NoticeStack, string> = { undo: '--notices-undo', activity: '--notices-activity' };
const heights: Record<NoticeStack, number> = { undo: 0, activity: 0 };

function apply() {
  const html = document.documentElement;
  for (const k of Object.keys(VAR) as NoticeStack[]) html.style.setProperty(VAR[k], `${heights[k]}px`);
  const total = heights.undo + heights.activity;
  html.style.setProperty('--notices-h', `${total}px`);
  // Below md the stacks span the page's bottom: the page gets room to scroll its last controls above them, and
  // focus moving to a control scrolls it clear of them.
  const narrow = !window.matchMedia('(min-width: 48rem)').matches;
  html.style.scrollPaddingBottom = total && narrow ? `${total}px` : '';
  document.body.style.paddingBottom = total && narrow ? `${total}px` : '';
}

/** Keeps the stack's height published while it is shown (0 when it is empty or gone). */
export function useNoticeHeight(ref: RefObject<HTMLElement | null>, stack: NoticeStack, shown: boolean) {
  useEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const measure = () => {
      heights[stack] = el.getBoundingClientRect().height;
      apply();
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    measure();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      heights[stack] = 0;
      apply();
    };
  }, [ref, stack, shown]);
}

/** The activity toasts' bottom edge: above the undo list when it shows. */
export const ABOVE_UNDO = { bottom: 'var(--notices-undo, 0px)' } as const;
