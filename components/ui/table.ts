// Class names of the small read-only tables on detail pages (interfaces, volumes, properties, ...).
export const tableClass = {
  table: 'min-w-full text-sm',
  th: 'px-3 py-2 text-left text-xs font-medium text-zinc-600 uppercase dark:text-zinc-400',
  td: 'px-3 py-2 align-top',
  box: 'overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
} as const;

// The look of the generic ResourceList table, for lists drawn by other components (Swift's listings).
export const listTableClass = {
  thead: 'border-b border-zinc-200 bg-zinc-50 text-left text-xs text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-800/50 dark:text-zinc-400',
  th: 'px-3 py-2 font-medium whitespace-nowrap',
  row: 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40',
} as const;

// ---- How the generic list fits a laptop screen ----

/** A cell's widest value before it is cut on one line with an ellipsis (the whole text as its tooltip). */
export const cellWidth = {
  sm: 'max-w-[8rem]',
  md: 'max-w-[12rem]',
  lg: 'max-w-[20rem]',
  fill: 'max-w-full',
  none: '',
} as const;

/**
 * The cell of a `fill` column: all the width the other columns leave (a table cell with no room of its own, max-width
 * 0, grows to its share of `width: 100%`), never under 8rem.
 */
export const fillCellClass = 'w-full max-w-0 min-w-[8rem]';

/** One line, cut with an ellipsis at the cell's width (inline-block: as wide as its text up to that, so a link's
 *  target is its text, not the whole cell; top-aligned, as an overflow-hidden box sits on its bottom edge). */
export const truncateClass = 'inline-block truncate align-top';

/**
 * An id shown short: its first 8 characters (9ch of monospace: the browser's ellipsis takes the 9th), the whole
 * value still in the page (found by search, read by screen readers, copied by a selection).
 */
export const shortIdClass = 'inline-block max-w-[9ch] truncate align-bottom font-mono text-xs';

/** A UUID (with or without dashes, as Keystone writes project ids): what a table shortens unless told otherwise. */
export function isUuidLike(value: unknown): value is string {
  return typeof value === 'string' && /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i.test(value);
}
