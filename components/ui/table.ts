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
