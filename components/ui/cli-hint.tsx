'use client';

import { useTranslations } from 'next-intl';
import { Children, isValidElement, type ReactNode } from 'react';
import { CopyButton } from './copy-button';

/** Text of the hint's children (strings, numbers and nested elements' text). */
function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : isValidElement<{ children?: ReactNode }>(c) ? textOf(c.props.children) : ''))
    .join('');
}

/** The `openstack` command equivalent to a form or action, shown beneath it, with a copy button. */
export function CliHint({ children }: { children: ReactNode }) {
  const t = useTranslations('ui.cliHint');
  const text = textOf(children);
  const runnable = text.startsWith('openstack ') && !text.includes('…');
  return (
    <div role="group" aria-label={t('group')} className="flex items-start gap-2 text-xs text-zinc-500 dark:text-zinc-400">
      <p className="min-w-0">{t.rich('line', { command: () => <code className="font-mono break-all">{children}</code> })}</p>
      {runnable && <CopyButton text={text} label={t('copy')} />}
    </div>
  );
}
