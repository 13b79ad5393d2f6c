'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { Fragment, useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { clearCalls, getCalls, redactHeaders, showBody, subscribeCalls, type CallRecord } from '@/lib/client/inspector';
import { tableClass } from '@/components/ui/table';
import { useMsg } from '@/components/i18n/use-msg';
import { useProjectIdMask } from '@/components/shell/mask-ids';

const NO_CALLS: readonly CallRecord[] = [];

function statusTone(r: CallRecord): string {
  if (r.status === 0) return r.failure ? 'text-red-700 dark:text-red-300' : 'text-zinc-500';
  if (r.status >= 400) return 'text-red-700 dark:text-red-300';
  return 'text-emerald-700 dark:text-emerald-300';
}

/** The path of the real OpenStack URL (what the API reference documents), else the proxy path. */
function shownPath(r: CallRecord): string {
  if (r.upstream) {
    const url = r.upstream.slice(r.upstream.indexOf(' ') + 1);
    try {
      const u = new URL(url);
      return u.pathname + u.search;
    } catch {
      return url;
    }
  }
  return r.path.replace(/^\/api\/os\/[^/]+/, '');
}

// The columns' headings, each key written out (catalogs.test.ts finds the keys a file quotes).
const COLUMNS = ['columns.time', 'columns.method', 'columns.service', 'columns.path', 'columns.status', 'columns.duration', 'columns.requestId'] as const;

/** The call's time to the millisecond (24-hour clock), and milliseconds as a unit, in the page's language. */
function useTimes() {
  const format = useFormatter();
  return {
    time: (at: number) => format.dateTime(at, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false }),
    ms: (ms: number) => format.number(ms, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }),
  };
}

export function ApiInspector({ onClose }: { onClose: () => void }) {
  const t = useTranslations('inspector');
  const { time, ms } = useTimes();
  const calls = useSyncExternalStore(subscribeCalls, getCalls, () => NO_CALLS);
  const pathname = usePathname();
  const [pageOnly, setPageOnly] = useState(true);
  const [open, setOpen] = useState<number | null>(null);
  const shown = pageOnly ? calls.filter((c) => c.page === pathname) : calls;
  // In presentation mode project IDs are masked in every URL, header and body: the current project's, and any that a
  // recorded body names (so an ID read in one call is masked in the others' URLs too).
  const maskIds = useProjectIdMask();
  const bodies = useMemo(() => calls.flatMap((c) => [c.requestBody, c.responseBody]), [calls]);
  const mask = useCallback((text: string) => maskIds(text, bodies), [maskIds, bodies]);

  return (
    <aside
      aria-label={t('title')}
      className="fixed top-14 right-0 bottom-0 z-30 flex w-full max-w-3xl flex-col border-l border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 className="font-semibold">{t('title')}</h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{pageOnly ? t('countPage', { count: shown.length }) : t('countTab', { count: shown.length })}</p>
        <label className="ml-auto flex items-center gap-1 text-sm">
          <input type="checkbox" checked={pageOnly} onChange={(e) => setPageOnly(e.target.checked)} />
          {t('pageOnly')}
        </label>
        <button type="button" onClick={clearCalls} className="rounded border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          {t('clear')}
        </button>
        <button type="button" onClick={onClose} aria-label={t('close')} className="rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2}>
            <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {shown.length === 0 ? (
          <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">{t('empty')}</p>
        ) : (
          <table className={`${tableClass.table} text-xs`}>
            <caption className="sr-only">{t('calls')}</caption>
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>
                {COLUMNS.map((h) => (
                  <th key={h} scope="col" className={tableClass.th}>
                    {t(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <Fragment key={r.id}>
                  <tr className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className={`${tableClass.td} font-mono whitespace-nowrap`}>{time(r.at)}</td>
                    <td className={`${tableClass.td} font-mono`}>{r.method}</td>
                    <td className={tableClass.td}>{r.service}</td>
                    <td className={`${tableClass.td} max-w-72`}>
                      <button
                        type="button"
                        aria-expanded={open === r.id}
                        aria-controls={`call-${r.id}`}
                        onClick={() => setOpen(open === r.id ? null : r.id)}
                        className="text-left font-mono break-all text-brand-700 hover:underline dark:text-brand-300"
                      >
                        {mask(shownPath(r))}
                      </button>
                    </td>
                    <td className={`${tableClass.td} font-mono ${statusTone(r)}`}>{r.status || (r.failure ? t('failed') : '…')}</td>
                    <td className={`${tableClass.td} font-mono whitespace-nowrap`} title={r.upstreamMs !== undefined ? t('inService', { duration: ms(r.upstreamMs) }) : undefined}>
                      {r.durationMs === undefined ? '' : ms(r.durationMs)}
                    </td>
                    <td className={`${tableClass.td} font-mono break-all`}>{r.requestId ?? ''}</td>
                  </tr>
                  {open === r.id && (
                    <tr>
                      <td colSpan={7} id={`call-${r.id}`} className="bg-zinc-50 px-3 py-2 dark:bg-zinc-900">
                        <CallDetail call={r} mask={mask} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </aside>
  );
}

function CallDetail({ call, mask }: { call: CallRecord; mask: (text: string) => string }) {
  const t = useTranslations('inspector');
  const m = useMsg();
  const { ms } = useTimes();
  const marks = { redacted: t('redacted'), tooDeep: t('tooDeep') };
  const blocks: [string, string][] = [
    [t('requestHeaders'), mask(JSON.stringify(redactHeaders(call.requestHeaders, marks), null, 2))],
    [t('requestBody'), call.requestNote ? m(call.requestNote) : mask(showBody(call.requestBody, marks))],
    [t('responseHeaders'), mask(JSON.stringify(redactHeaders(call.responseHeaders, marks), null, 2))],
    [t('responseBody'), call.responseNote ? m(call.responseNote) : mask(showBody(call.responseBody, marks))],
  ];
  return (
    <div className="space-y-2" role="region" aria-label={t('call', { method: call.method, path: mask(shownPath(call)) })}>
      <p className="font-mono break-all">
        {mask(call.upstream ?? `${call.method} ${call.path}`)}
        {call.upstreamMs !== undefined && <span className="text-zinc-500 dark:text-zinc-400"> · {t('inService', { duration: ms(call.upstreamMs) })}</span>}
        {call.failure && <span className="text-red-700 dark:text-red-300"> · {mask(call.failure)}</span>}
      </p>
      {blocks.map(([label, text]) =>
        text && text !== '{}' ? (
          <div key={label}>
            <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-300">{label}</h3>
            <pre aria-label={label} className="max-h-80 overflow-auto rounded bg-white p-2 font-mono text-xs dark:bg-zinc-950">
              {text}
            </pre>
          </div>
        ) : null,
      )}
    </div>
  );
}
