'use client';

import { useFormatter } from 'next-intl';
import { useCallback } from 'react';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** A byte count in binary units ("1.5 GiB"), the number in the page's language; the unit is a symbol, never translated. */
export function useFormatBytes(): (n: number) => string {
  const format = useFormatter();
  return useCallback(
    (n: number) => {
      let v = n;
      let i = 0;
      while (v >= 1024 && i < UNITS.length - 1) {
        v /= 1024;
        i++;
      }
      const digits = i === 0 ? 0 : v < 10 ? 1 : 0;
      return `${format.number(i === 0 ? n : v, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${UNITS[i]}`;
    },
    [format],
  );
}
