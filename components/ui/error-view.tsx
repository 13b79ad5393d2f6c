'use client';

import { buttonClass } from './button';

export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{error.message || 'The page could not be loaded.'}</p>
      {error.digest && <p className="mt-1 font-mono text-xs text-zinc-500 dark:text-zinc-400">Reference: {error.digest}</p>}
      <button type="button" className={`${buttonClass.secondary} mt-6`} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
