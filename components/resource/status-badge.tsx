'use client';

import { useMsg } from '@/components/i18n/use-msg';
import type { StatusInfo } from '@/lib/resources/types';

// Beside the word for the status, so colour is never the only cue.
const ERROR_MARK = '!';

const TONE: Record<StatusInfo['tone'], string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-900/30 dark:text-emerald-200 dark:ring-emerald-400/30',
  busy: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-900/30 dark:text-amber-200 dark:ring-amber-400/30',
  error: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-900/30 dark:text-red-200 dark:ring-red-400/30',
  unknown: 'bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-400/30',
};

export function Spinner({ className = 'size-3' }: { className?: string }) {
  return <span aria-hidden="true" className={`inline-block animate-spin rounded-full border-2 border-current border-t-transparent ${className}`} />;
}

/**
 * Colour plus text (never colour alone), a spinner while transitional. `drawn`: the word is drawn by CSS, not held as
 * text, for a badge inside a control whose name already says it (a topology node: when the picture's edge cuts the
 * node, the text left showing must still read as a part of its name, WCAG 2.5.3 as axe checks it).
 */
export function StatusBadge({ status, drawn = false }: { status: StatusInfo; drawn?: boolean }) {
  const m = useMsg();
  const label = m(status.label);
  return (
    <span
      // A label the catalogs do not hold is the API's own word (ACTIVE): marked so that no translator touches it.
      translate={label === status.label ? 'no' : undefined}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE[status.tone]}`}
      title={status.detail === undefined ? undefined : m(status.detail)}
      data-tone={status.tone}
    >
      {status.tone === 'busy' && <Spinner />}
      {status.tone === 'error' && <span aria-hidden="true">{ERROR_MARK}</span>}
      {drawn ? <span data-label={label} className="after:content-[attr(data-label)]" /> : label}
    </span>
  );
}
