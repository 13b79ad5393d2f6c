'use client';

import { useCallback } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { formatBytes } from '@/lib/resources/image/image';

/** A byte count in binary units ("1.5 GiB"), the number in the page's language; the unit is a symbol, never translated. */
export function useFormatBytes(): (n: number) => string {
  const m = useMsg();
  return useCallback((n: number) => m(formatBytes(n)), [m]);
}
