'use client';

import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
let now = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time (ms), ticking every 15 s; null during server rendering and hydration. */
export function useNow(): number | null {
  return useSyncExternalStore<number | null>(
    subscribe,
    () => now || Date.now(),
    () => null,
  );
}
