'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** Copies `text` to the clipboard (with a fallback for pages the Clipboard API refuses, e.g. plain http). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through: insecure context or permission refused.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  // Never shown: useCopy turns any failure into its `failed` state, which the buttons word.
  if (!ok) throw new Error('The browser refused to copy');
}

/** A copy and its outcome, back to `idle` after `ms` (for the button's wording). */
export function useCopy(ms: number) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), ms);
    return () => clearTimeout(t);
  }, [state, ms]);
  const copy = (text: string) => copyText(text).then(() => setState('copied'), () => setState('failed'));
  return { state, copy };
}

/** A small "Copy" button that says "Copied" for a moment (announced to screen readers). */
export function CopyButton({ text, label, className = '' }: { text: string; label: string; className?: string }) {
  const t = useTranslations('ui.copy');
  const { state, copy } = useCopy(1500);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => void copy(text)}
      className={`inline-flex shrink-0 items-center rounded border border-zinc-300 px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-300 dark:hover:bg-zinc-800 ${className}`}
    >
      <span aria-live="polite">{state === 'copied' ? t('copied') : state === 'failed' ? t('failed') : t('copy')}</span>
    </button>
  );
}
