'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { fetchRevealed, type Revealed } from '@/lib/resources/define-detail';
import type { ResourceDefinition, RevealPanel } from '@/lib/resources/types';

/** Hidden again by itself after this long, so a revealed value does not stay on an unattended screen. */
const AUTO_HIDE_MS = 120_000;

/**
 * A definition's `reveal` (a secret's payload), shown only on an explicit click and fetched fresh each time. It lives
 * in this component's state only (never the query cache) and is dropped on hide, on auto-hide and on unmount.
 * Render it keyed by the object's id, so another object starts hidden.
 */
export function RevealPanelView<T>({ def, spec, row }: { def: ResourceDefinition<T>; spec: RevealPanel<T>; row: T }) {
  const [value, setValue] = useState<Revealed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [copied, setCopied] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const headingId = useId();

  const hide = () => {
    abort.current?.abort();
    abort.current = null;
    setValue(null);
    setCopied(false);
    setLoading(false);
  };
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (!value) return;
    const t = setTimeout(hide, AUTO_HIDE_MS);
    return () => clearTimeout(t);
  }, [value]);

  async function reveal() {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setLoading(true);
    try {
      const v = await fetchRevealed(def.service, spec.request(row), ctl.signal);
      if (!ctl.signal.aborted) setValue(v);
    } catch (e) {
      if (!ctl.signal.aborted) setError(e);
    } finally {
      if (!ctl.signal.aborted) setLoading(false);
    }
  }

  const shown = value?.text ?? value?.base64 ?? '';
  const empty = spec.empty?.(row);
  const heading = `${spec.noun[0].toUpperCase()}${spec.noun.slice(1)}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={headingId} className="text-lg font-semibold">{heading}</h2>
      {empty ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>
      ) : value ? (
        <div className="space-y-2">
          {value.base64 !== undefined && <p className="text-xs text-zinc-500 dark:text-zinc-400">Binary ({value.contentType}), shown base64-encoded.</p>}
          <pre aria-label={spec.label} className="max-h-64 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs break-all whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950">
            {shown}
          </pre>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className={buttonClass.secondary} onClick={hide}>
              Hide {spec.noun}
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                void navigator.clipboard?.writeText(shown).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              Copy {spec.noun}
            </button>
            <span role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
              {copied ? 'Copied to the clipboard.' : 'Hidden again after 2 minutes.'}
            </span>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass.secondary} disabled={loading} onClick={() => void reveal()}>
          {loading ? `Fetching ${spec.noun}…` : `Reveal ${spec.noun}`}
        </button>
      )}
      {!!error && <ApiErrorNotice title={`Could not read the ${spec.noun}`} error={error} />}
      <CliHint>{spec.cli(row)}</CliHint>
    </section>
  );
}
