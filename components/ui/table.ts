// Class names of the small read-only tables on detail pages (interfaces, volumes, properties, ...).
export const tableClass = {
  table: 'min-w-full text-sm',
  th: 'px-3 py-2 text-left text-xs font-medium text-zinc-600 uppercase dark:text-zinc-400',
  td: 'px-3 py-2 align-top',
  box: 'overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
} as const;
