// Pure helpers of the generic resource components (unit-tested). What they word comes from the caller's formatter
// (next-intl's useFormatter) or translate function, so that they stay pure.
import type { createFormatter } from 'next-intl';
import { cellItems, cellText } from '@/lib/resources/cells';
import type { AnyDefinition, CellValue, Column, RowContext, Text } from '@/lib/resources/types';

export type { CellValue };
export { cellItems, cellText };

export type Formatter = ReturnType<typeof createFormatter>;

/** "3 minutes ago" from an ISO date, in the formatter's language ("vor 3 Minuten"); empty for no date. */
export function ago(iso: string, now: number, format: Pick<Formatter, 'relativeTime'>): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : format.relativeTime(Math.min(t, now), now);
}

/** How long since an ISO date, in its largest whole unit and the formatter's language ("5 min", "5 Min.", "5 分"). */
export function elapsed(iso: string, now: number, format: Pick<Formatter, 'number'>): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  const [n, unit] = s < 60 ? [s, 'second'] : s < 3600 ? [Math.floor(s / 60), 'minute'] : s < 86400 ? [Math.floor(s / 3600), 'hour'] : [Math.floor(s / 86400), 'day'];
  return format.number(n, { style: 'unit', unit, unitDisplay: 'short' });
}

/** Cells a spreadsheet would read as a formula: =, +, -, @, and tab or CR before one (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(s: string): string {
  const safe = FORMULA_START.test(s) ? `'${s}` : s;
  return safe !== s || /[",\n\r]/.test(s) ? `"${safe.replace(/"/g, '""')}"` : s;
}

/** CSV of the given columns, headed by their labels in the user's language (formula-looking cells are neutralised). */
export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[], ctx: RowContext, label: (t: Text) => string): string {
  const head = columns.map((c) => csvField(label(c.label))).join(',');
  const body = rows.map((r) => columns.map((c) => csvField(cellText(c.value(r, ctx), label))).join(','));
  return [head, ...body].join('\r\n') + '\r\n';
}

/** JSON of the given columns, keyed by column id (stable whatever the language). */
export function toJson<T>(rows: readonly T[], columns: readonly Column<T>[], ctx: RowContext, m: (t: Text) => string): string {
  // A message object (the dashboard's own words) is exported as the user reads it, in a list too.
  const word = (v: string | Exclude<Text, string>) => (typeof v === 'string' ? v : m(v));
  const json = (v: CellValue) => (Array.isArray(v) ? v.map(word) : v !== null && typeof v === 'object' ? cellText(v, m) : (v ?? null));
  return JSON.stringify(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c.id, json(c.value(r, ctx))]))),
    null,
    2,
  );
}

export function compareCells(a: CellValue, b: CellValue, m: (t: Text) => string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellText(a, m).localeCompare(cellText(b, m), undefined, { numeric: true, sensitivity: 'base' });
}

/** Rows whose visible text contains every word of `q` (case-insensitive). */
export function matchesSearch<T>(row: T, q: string, def: AnyDefinition, ctx: RowContext, m: (t: Text) => string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = [def.id(row), ...def.columns.map((c: Column<T>) => cellText(c.value(row, ctx), m))].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

export function download(filename: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
