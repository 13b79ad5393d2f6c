// What a cell or an overview field says, from its CellValue (types.ts): pure, so definitions' tests read it too.
import type { MsgWithValues } from '@/lib/i18n/msg';
import type { CellValue, Text } from './types';

/** A cell's text: API data as it is, the dashboard's own words (a catalog message) in the page's language. */
export function cellText(v: CellValue, m: (t: Text) => string): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return cellItems(v, m).join(', ');
  if (typeof v === 'object') return m(v as MsgWithValues);
  return String(v);
}

/** A list cell's items, each as text. */
export function cellItems(v: readonly (string | MsgWithValues)[], m: (t: Text) => string): string[] {
  return v.map((x) => (typeof x === 'string' ? x : m(x)));
}
