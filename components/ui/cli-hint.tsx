import type { ReactNode } from 'react';

/** The `openstack` command equivalent to a form or action, shown beneath it. */
export function CliHint({ children }: { children: ReactNode }) {
  return (
    <p className="text-xs text-zinc-500 dark:text-zinc-400">
      CLI: <code className="font-mono break-all">{children}</code>
    </p>
  );
}
