'use client';
// The instance's console log as a live tail fit for a projector (issue 20): follow (read again every few seconds
// while the tab is visible, kept at the bottom), search with highlighted matches, download as a file. `?follow=1`
// starts it following, so a kiosk playlist can carry a followed log. The log is a cloud's text: rendered as React
// text nodes (matches in <mark>), never as HTML.

import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
// A Blob download: nothing from the log is ever parsed as markup.
import { download } from '@/components/resource/format';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { consoleLogFileName, countMatches, splitMatches } from '@/lib/client/text-matches';
import { CONSOLE_FOLLOW_MS, useConsoleOutput } from '@/lib/resources/compute/queries';
import type { Server } from '@/lib/resources/compute/server';

export function ConsoleTail({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const tc = useTranslations('compute.detail.consoleTail');
  const common = useTranslations('common');
  const id = useId();
  const [length, setLength] = useState(30);
  const params = useSearchParams();
  const [follow, setFollow] = useState(() => params.get('follow') === '1');
  const [query, setQuery] = useState('');
  const q = useConsoleOutput(server.id, length, follow);
  const lines = q.data ? q.data.split('\n').length : 0;
  const pre = useRef<HTMLPreElement>(null);

  // Typing stays responsive on a long log: the highlight follows the deferred query.
  const deferred = useDeferredValue(query.trim());
  const pieces = useMemo(() => splitMatches(q.data ?? '', deferred), [q.data, deferred]);
  const matches = deferred ? countMatches(pieces) : 0;

  // Following keeps the newest line in sight, as `tail -f` does.
  useEffect(() => {
    if (follow && pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [follow, q.data]);

  // The first match comes into view when the search changes (unless following, which keeps the bottom).
  useEffect(() => {
    if (follow || !deferred) return;
    pre.current?.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
  }, [deferred, follow]);

  function toggleFollow() {
    const next = !follow;
    setFollow(next);
    // In the address, so "Add this view" to a kiosk playlist keeps a followed log followed.
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('follow', '1');
    else url.searchParams.delete('follow');
    window.history.replaceState(window.history.state, '', url);
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <button type="button" className={buttonClass.secondary} aria-pressed={follow} onClick={toggleFollow}>
          {tc('follow')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => void q.refetch()} disabled={q.isFetching}>
          {t('refresh')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => setLength((l) => l + 100)} disabled={q.isFetching || lines < length}>
          {t('loadMore')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => download(consoleLogFileName(server.name || server.id, new Date()), 'text/plain;charset=utf-8', q.data ?? '')} disabled={!q.data}>
          {tc('download')}
        </button>
        <div className="min-w-48 flex-1 sm:max-w-xs">
          <label htmlFor={`${id}-search`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {tc('search')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={`${id}-matches`}
            className={`${inputClass} mt-1 py-1`}
          />
        </div>
      </div>
      <p className="flex flex-wrap gap-x-4 text-xs text-zinc-500 dark:text-zinc-400">
        <span>{t('linesShown', { length, lines })}</span>
        {follow && <span>{tc('following', { seconds: CONSOLE_FOLLOW_MS / 1000 })}</span>}
        <span id={`${id}-matches`} aria-live="polite">
          {deferred ? tc('matches', { count: matches }) : ''}
        </span>
      </p>
      {q.isError && <ApiErrorNotice title={t('noConsoleOutput')} error={q.error} />}
      {/* Focusable so the log scrolls from the keyboard; a named region, so the name is allowed and announced. Not
          role="log": a followed log re-reads every few seconds, and a live region would talk over the speaker. */}
      <pre
        ref={pre}
        tabIndex={0}
        role="region"
        aria-label={t('consoleOutput')}
        className="max-h-[60vh] overflow-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs whitespace-pre-wrap text-zinc-100 [html[data-kiosk]_&]:max-h-[70vh] [html[data-kiosk]_&]:text-sm"
      >
        {q.data === undefined
          ? q.isPending
            ? common('loading')
            : ''
          : pieces.map((p, i) =>
              p.match ? (
                <mark key={i} className="rounded-sm bg-amber-300 text-zinc-950">
                  {p.text}
                </mark>
              ) : (
                p.text
              ),
            )}
      </pre>
    </div>
  );
}
