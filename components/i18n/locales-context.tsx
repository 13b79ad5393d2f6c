'use client';
// The languages this deployment offers (lib/i18n/config.ts, read on the server), for the language menu.
import { createContext, useContext, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';

const EnabledLocales = createContext<readonly Locale[]>(['en']);

export function EnabledLocalesProvider({ locales, children }: { locales: readonly Locale[]; children: ReactNode }) {
  return <EnabledLocales.Provider value={locales}>{children}</EnabledLocales.Provider>;
}

export const useEnabledLocales = () => useContext(EnabledLocales);
