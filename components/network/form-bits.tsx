/** The box around an inline form on a detail page. */
export const panel = 'mt-2 max-w-2xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

