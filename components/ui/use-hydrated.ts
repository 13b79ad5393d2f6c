'use client';
import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False in the server's HTML and while hydrating, true once the page's JavaScript runs. Forms without a server route
 * keep their submit disabled until then: submitted by the browser before hydration, a form would reload the page
 * and lose what was typed (and send it in the URL). Hydration then takes over what was typed (use-zod-form).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
