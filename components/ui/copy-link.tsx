'use client';

import { useTranslations } from 'next-intl';
import { buttonClass } from './button';
import { useCopy } from './copy-button';

/**
 * Copies the page's URL: cloud, project, region, filters, sort, search and open tab all live in it, so the link
 * reproduces the view for whoever opens it (a teammate without access to the project is told why on the project
 * layout's rescope page). The presentation flag is dropped: it is the presenter's screen setting, not the view.
 */
export function shareUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('present');
  return url.toString();
}

export function CopyLink({ className = '' }: { className?: string }) {
  const t = useTranslations('ui.copyLink');
  const { state, copy } = useCopy(2500);
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={`${buttonClass.secondary} ${className}`} onClick={() => void copy(shareUrl(window.location.href))} title={t('title')}>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" strokeLinecap="round" />
        </svg>
        {t('button')}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('failed') : ''}
      </span>
    </span>
  );
}
