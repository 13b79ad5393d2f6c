'use client';

import { usePathname } from 'next/navigation';
import { Fragment, useState, useSyncExternalStore } from 'react';
import { clearCalls, getCalls, redactHeaders, showBody, subscribeCalls, type CallRecord } from '@/lib/client/inspector';
import { tableClass } from '@/components/ui/table';

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

function time(at: number): string {
  const d = new Date(at);
  return `${d.toLocaleTimeString([], { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export function ApiInspector({ onClose }: { onClose: () => void }) {
  const calls = useSyncExternalStore(subscribeCalls, getCalls, () => NO_CALLS);
  const pathname = usePathname();
  const [pageOnly, setPageOnly] = useState(true);
  const [open, setOpen] = useState<number | null>(null);
  const shown = pageOnly ? calls.filter((c) => c.page === pathname) : calls;

  return (
    <aside
      aria-label="API inspector"
      className="fixed top-14 right-0 bottom-0 z-30 flex w-full max-w-3xl flex-col border-l border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 className="font-semibold">API inspector</h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {shown.length} call{shown.length === 1 ? '' : 's'} {pageOnly ? 'from this page' : 'in this tab'}; tokens and secrets redacted
        </p>
        <label className="ml-auto flex items-center gap-1 text-sm">
          <input type="checkbox" checked={pageOnly} onChange={(e) => setPageOnly(e.target.checked)} />
          This page only
        </label>
        <button type="button" onClick={clearCalls} className="rounded border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Clear
        </button>
        <button type="button" onClick={onClose} aria-label="Close the API inspector" className="rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          ✕
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {shown.length === 0 ? (
          <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">No OpenStack API calls yet. Calls appear here as the page makes them.</p>
        ) : (
          <table aria-label="API calls" className={`${tableClass.table} text-xs`}>
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>
                {['Time', 'Method', 'Service', 'Path', 'Status', 'Duration', 'Request ID'].map((h) => (
                  <th key={h} scope="col" className={tableClass.th}>
                    {h}
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
                        {shownPath(r)}
                      </button>
                    </td>
                    <td className={`${tableClass.td} font-mono ${statusTone(r)}`}>{r.status || (r.failure ? 'failed' : '…')}</td>
                    <td className={`${tableClass.td} font-mono whitespace-nowrap`} title={r.upstreamMs !== undefined ? `${r.upstreamMs.toFixed(0)} ms in the service` : undefined}>
                      {r.durationMs === undefined ? '' : `${Math.round(r.durationMs)} ms`}
                    </td>
                    <td className={`${tableClass.td} font-mono break-all`}>{r.requestId ?? ''}</td>
                  </tr>
                  {open === r.id && (
                    <tr>
                      <td colSpan={7} id={`call-${r.id}`} className="bg-zinc-50 px-3 py-2 dark:bg-zinc-900">
                        <CallDetail call={r} />
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

function CallDetail({ call }: { call: CallRecord }) {
  const blocks: [string, string][] = [
    ['Request headers', JSON.stringify(redactHeaders(call.requestHeaders), null, 2)],
    ['Request body', showBody(call.requestBody)],
    ['Response headers', JSON.stringify(redactHeaders(call.responseHeaders), null, 2)],
    ['Response body', showBody(call.responseBody)],
  ];
  return (
    <div className="space-y-2" role="region" aria-label={`Call ${call.method} ${shownPath(call)}`}>
      <p className="font-mono break-all">
        {call.upstream ?? `${call.method} ${call.path}`}
        {call.upstreamMs !== undefined && <span className="text-zinc-500"> · {call.upstreamMs.toFixed(0)} ms in the service</span>}
        {call.failure && <span className="text-red-700 dark:text-red-300"> · {call.failure}</span>}
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
